package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/atlas"
	"generalist/capacity"
	"generalist/internal/nbfmt"
)

const capacityHelp = `Usage: generalist capacity [--structure S] [--year Y] [--by municipality|task]
                           [--municipality NUMBER] [--json] [--db PATH]

Measures every municipality's capacity against the statutory tasks of the
task catalogue (data/tasks.json): for each task with a staffing model, the
team (FTEs) the population it serves calls for, and whether it reaches the
smallest robust professional environment (fagmiljø). Numbers marked as
assumptions in the catalogue are flagged in the output.

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
	Source         string                  `json:"source"`
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
}

func runCapacity(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("capacity", capacityHelp, stderr)
	structure := fs.String("structure", "2024", "municipal `structure`: 2019, 2020 or 2024")
	year := fs.Int("year", 0, "population on 1 January of `year` (default: the latest with data)")
	by := fs.String("by", "task", "table `by` task or municipality")
	one := fs.String("municipality", "", "print the profile of one municipality (`number`)")
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
	shared, err := a.Capacity(ctx, s, y)
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
		out := capacityJSON{Structure: s, Year: y, Catalogue: cat.Version, Municipalities: res.Municipalities,
			Source: atlas.PopulationSource + "; oppgavekatalog: data/tasks.json"}
		summaries := map[string]*capacity.TaskSummary{}
		for i := range res.Tasks {
			summaries[res.Tasks[i].Task] = &res.Tasks[i]
		}
		for i := range cat.Tasks {
			t := &cat.Tasks[i]
			out.Tasks = append(out.Tasks, capacityTask{ID: t.ID, Name: t.NameNB, NameEN: t.NameEN, Role: t.Role, Sector: t.Sector,
				LegalBasis: t.LegalBasis, Assumption: t.Assumption(), Staffing: t.Staffing, Summary: summaries[t.ID]})
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
		fmt.Fprintln(tw, "Task\tServed\tExpected FTE\tRobust minimum\tStatus")
		for _, c := range m.Cells {
			status := "robust"
			switch {
			case !c.Known:
				status = "no data"
			case !c.Robust:
				status = "short by " + nbfmt.Terminal.Decimal(c.Shortfall(), 1) + " FTE"
			}
			fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\t%s\n", c.Task, mark(c.Task), c.Served, nbfmt.Terminal.Decimal(c.Expected, 1), nbfmt.Terminal.Decimal(c.MinTeam, 1), status)
		}
	case by == "municipality":
		fmt.Fprintln(tw, "Number\tMunicipality\tInhabitants\tTasks below the robust minimum")
		for _, m := range res.Municipalities {
			var ids []string
			for _, id := range m.Shortfalls {
				ids = append(ids, id+mark(id))
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d: %s\n", m.Number, m.Name, countText(m.Population), len(ids), strings.Join(ids, ", "))
		}
	default:
		fmt.Fprintln(tw, "Task\tRobust from (served)\tMunicipalities short\tInhabitants in them\tNo data")
		for _, t := range res.Tasks {
			fmt.Fprintf(tw, "%s%s\t%s\t%d\t%s\t%d\n", t.Task, mark(t.Task), generalist.Persons(t.Threshold+0.5), t.Municipalities, t.Inhabitants, t.Unknown)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n* the task's staffing model rests on assumptions (see data/tasks.json); they can be changed.\n%s\n", atlas.PopulationSource)
	return err
}

func countText(c generalist.Count) string {
	if !c.Known {
		return "no data"
	}
	return c.Value.String()
}
