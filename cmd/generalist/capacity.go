package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/app"
	"generalist/atlas"
	"generalist/capacity"
	"generalist/internal/nbfmt"
)

const capacityHelp = `Usage: generalist capacity [--structure S] [--year Y] [--by municipality|task]
                           [--municipality NUMBER] [--examples] [--json] [--db PATH]

Measures every municipality's capacity against the statutory tasks of the
task catalogue (data/tasks.json): for each task with a staffing model, the
team (FTEs) the population it serves calls for, and whether it reaches the
smallest robust professional environment (fagmiljø). Numbers marked as
assumptions in the catalogue are flagged in the output.

Each figure comes in two forms: alone (each municipality running the task
itself) and with today's registered cooperation (the cooperations in the
registry running on 1 January of the year, on the 2024 structure only):
the members of a task's arrangements share one team. Coverage is how many
municipalities have a registered arrangement for the task; where the
registry has none, the form with cooperation is "unknown". The shipped
example cooperations (imc examples) count only with --examples.

--by task (default) prints, per task, how many municipalities and
inhabitants live with a team below the robust minimum; --by municipality
lists each municipality's shortfalls; --municipality prints one profile.

Flags:
`

// capacityJSON is the interface contract of --json.
type capacityJSON struct {
	Structure      generalist.Structure    `json:"structure"`
	Year           int                     `json:"year"`
	Catalogue      string                  `json:"catalogue_version"`
	Tasks          []capacityTask          `json:"tasks"`
	Municipalities []capacity.Municipality `json:"municipalities"`
	// Cooperation says what the figures with cooperation rest on.
	Cooperation generalist.CooperationBasis `json:"cooperation"`
	Source      string                      `json:"source"`
}

type capacityTask struct {
	ID         string          `json:"id"`
	Name       string          `json:"name"`
	NameEN     string          `json:"name_en"`
	Role       generalist.Role `json:"role"`
	Sector     string          `json:"sector"`
	LegalBasis string          `json:"legal_basis"`
	Assumption bool            `json:"assumption"`
	// Staffing is absent for tasks without a staffing model.
	Staffing *generalist.Staffing  `json:"staffing,omitempty"`
	Summary  *capacity.TaskSummary `json:"summary,omitempty"`
	// Alone, WithCooperation, Coverage and CooperationKnown repeat the
	// summary's (absent for tasks without a staffing model).
	Alone            *capacity.Count `json:"alone,omitempty"`
	WithCooperation  *capacity.Count `json:"with_cooperation,omitempty"`
	Coverage         *capacity.Count `json:"coverage,omitempty"`
	CooperationKnown *bool           `json:"cooperation_known,omitempty"`
}

func runCapacity(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("capacity", capacityHelp, stderr)
	structure := fs.String("structure", "2024", "municipal `structure`: 2019, 2020 or 2024")
	year := fs.Int("year", 0, "population on 1 January of `year` (default: the latest with data)")
	by := fs.String("by", "task", "table `by` task or municipality")
	one := fs.String("municipality", "", "print the profile of one municipality (`number`)")
	examples := fs.Bool("examples", false, "count the shipped example cooperations as today's cooperation")
	asJSON := fs.Bool("json", false, "print JSON")
	dbPath := dbFlag(fs)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	s, err := generalist.ParseStructure(*structure)
	if err != nil {
		return usageError("capacity: --structure: " + generalist.ErrorMessage(err))
	}
	if *by != "task" && *by != "municipality" {
		return usageError(fmt.Sprintf("capacity: --by %q: must be task or municipality", *by))
	}
	if *one != "" {
		if _, err := generalist.ParseMunicipalityNumber(*one); err != nil {
			return usageError("capacity: --municipality: " + generalist.ErrorMessage(err))
		}
	}
	a, closeStore, err := openApp(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer closeStore()
	cat, err := a.Catalogue(ctx)
	if err != nil {
		return err
	}
	y := *year
	if y == 0 {
		if y, err = a.LatestYear(ctx, s); err != nil {
			return err
		}
	}
	shared, err := a.Capacity(ctx, s, y, app.TodayOptions{Examples: *examples})
	if err != nil {
		return err
	}
	res := *shared // the App keeps the model; filter a copy
	if *one != "" {
		kept := res.Municipalities[:0]
		for _, m := range res.Municipalities {
			if string(m.Number) == *one {
				kept = append(kept, m)
			}
		}
		if len(kept) == 0 {
			return generalist.Errorf(generalist.ENOTFOUND, "kommune %s is not in the %d structure", *one, s)
		}
		res.Municipalities = kept
	}
	if *asJSON {
		out := capacityJSON{Structure: s, Year: y, Catalogue: cat.Version, Municipalities: res.Municipalities, Cooperation: res.Cooperation,
			Source: atlas.PopulationSource + "; oppgavekatalog: data/tasks.json; samarbeid: samarbeidsregisteret"}
		summaries := map[string]*capacity.TaskSummary{}
		for i := range res.Tasks {
			summaries[res.Tasks[i].Task] = &res.Tasks[i]
		}
		for i := range cat.Tasks {
			t := &cat.Tasks[i]
			ct := capacityTask{ID: t.ID, Name: t.NameNB, NameEN: t.NameEN, Role: t.Role, Sector: t.Sector,
				LegalBasis: t.LegalBasis, Assumption: t.Assumption(), Staffing: t.Staffing, Summary: summaries[t.ID]}
			if sm := ct.Summary; sm != nil {
				ct.Alone, ct.WithCooperation, ct.Coverage, ct.CooperationKnown = &sm.Alone, &sm.WithCooperation, &sm.Coverage, &sm.CooperationKnown
			}
			out.Tasks = append(out.Tasks, ct)
		}
		return writeJSON(stdout, out)
	}
	return printCapacity(stdout, cat, &res, *by, *one != "")
}

func printCapacity(w io.Writer, cat *generalist.Catalogue, res *capacity.Result, by string, one bool) error {
	tasks := map[string]*generalist.Task{}
	for i := range cat.Tasks {
		tasks[cat.Tasks[i].ID] = &cat.Tasks[i]
	}
	mark := func(id string) string {
		if t := tasks[id]; t != nil && t.Assumption() {
			return "*"
		}
		return ""
	}
	fmt.Fprintf(w, "Capacity against statutory tasks, structure %d, population on 1 January %d (task catalogue %s)\n\n", res.Structure, res.Year, cat.Version)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	switch {
	case one:
		m := res.Municipalities[0]
		fmt.Fprintf(w, "%s %s, %s inhabitants\n\n", m.Number, m.Name, countText(m.Population))
		fmt.Fprintln(tw, "Task\tServed\tExpected FTE\tRobust minimum\tAlone\tWith today's registered cooperation")
		for j, c := range m.Cells {
			status := "robust"
			switch {
			case !c.Known:
				status = "no data"
			case !c.Robust:
				status = "short by " + nbfmt.Terminal.Decimal(c.Shortfall(), 1) + " FTE"
			}
			fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\t%s\t%s\n", c.Task, mark(c.Task), c.Served, nbfmt.Terminal.Decimal(c.Expected, 1), nbfmt.Terminal.Decimal(c.MinTeam, 1), status,
				poolText(&res.Tasks[j], pool(&m, c.Task)))
		}
	case by == "municipality":
		fmt.Fprintln(tw, "Number\tMunicipality\tInhabitants\tShort with cooperation\tTasks below the robust minimum alone")
		for _, m := range res.Municipalities {
			var ids []string
			for _, id := range m.Shortfalls {
				ids = append(ids, id+mark(id))
			}
			with := "no data"
			if m.Shortfalls != nil {
				with = fmt.Sprint(len(m.Shortfalls) - rescued(&m))
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d: %s\n", m.Number, m.Name, countText(m.Population), with, len(ids), strings.Join(ids, ", "))
		}
	default:
		fmt.Fprintln(tw, "Task\tRobust from (served)\tShort alone\tInhabitants\tShort with cooperation\tInhabitants\tRegistered coverage\tNo data")
		for _, t := range res.Tasks {
			with, withInh, cover := "unknown", "unknown", "none registered"
			if t.CooperationKnown {
				with, withInh = fmt.Sprint(t.WithCooperation.Municipalities), t.WithCooperation.Inhabitants.String()
				cover = fmt.Sprintf("%d (%s inh.)", t.Coverage.Municipalities, t.Coverage.Inhabitants)
			}
			fmt.Fprintf(tw, "%s%s\t%s\t%d\t%s\t%s\t%s\t%s\t%d\n", t.Task, mark(t.Task), generalist.Persons(t.Threshold+0.5),
				t.Alone.Municipalities, t.Alone.Inhabitants, with, withInh, cover, t.Unknown)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n* the task's staffing model rests on assumptions (see data/tasks.json); they can be changed.\n%s\n",
		basisText(res.Cooperation), atlas.PopulationSource)
	return err
}

// pool returns m's pool for a task, or nil.
func pool(m *capacity.Municipality, task string) *capacity.Pool {
	for i := range m.Cooperation {
		if m.Cooperation[i].Task == task {
			return &m.Cooperation[i]
		}
	}
	return nil
}

// poolText describes a municipality's standing in a task with today's
// registered cooperation: unknown where the registry has nothing for the
// task.
func poolText(t *capacity.TaskSummary, p *capacity.Pool) string {
	switch {
	case !t.CooperationKnown:
		return "unknown"
	case p == nil:
		return "alone (none registered)"
	case !p.Known:
		return fmt.Sprintf("no data (pool of %d)", len(p.Members))
	case p.Robust:
		return fmt.Sprintf("robust in a pool of %d (%s FTE)", len(p.Members), nbfmt.Terminal.Decimal(p.Expected, 1))
	}
	return fmt.Sprintf("short in a pool of %d (%s FTE)", len(p.Members), nbfmt.Terminal.Decimal(p.Expected, 1))
}

// rescued counts m's shortfalls alone that its pools make robust.
func rescued(m *capacity.Municipality) int {
	n := 0
	for _, id := range m.Shortfalls {
		if p := pool(m, id); p != nil && p.Robust {
			n++
		}
	}
	return n
}

// basisText says what today's cooperation rests on.
func basisText(b generalist.CooperationBasis) string {
	if !b.Applied {
		return "Today's cooperation: unknown: " + b.Reason + "; the figures with cooperation are those alone."
	}
	day := b.ActiveOn.Time()
	text := fmt.Sprintf("Today's cooperation rests on %d registered cooperation(s) running on %d.%d.%d (%d task arrangement(s))",
		b.Cooperations, day.Day(), int(day.Month()), day.Year(), b.Arrangements)
	if b.Cooperations == 0 {
		text = fmt.Sprintf("Today's cooperation: unknown; the registry has no cooperation in a catalogue task running on %d.%d.%d",
			day.Day(), int(day.Month()), day.Year())
	}
	switch {
	case b.Examples:
		return text + "; the shipped examples are counted (--examples)."
	case b.ExamplesLeftOut > 0:
		return text + fmt.Sprintf("; %d shipped example(s) are not counted (--examples counts them).", b.ExamplesLeftOut)
	}
	return text + "; shipped examples are not counted."
}

func countText(c generalist.Count) string {
	if !c.Known {
		return "no data"
	}
	return c.Value.String()
}
