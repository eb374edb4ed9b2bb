package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/atlas"
	"generalist/economy"
	"generalist/geo"
	"generalist/graph"
	"generalist/refdata"
	"generalist/sim"
	"generalist/sqlite"
)

const scenarioHelp = `Usage: generalist scenario <command> [flags]

A scenario is an alternative to today's system: a base (structure, year) plus
mergers, inter-municipal cooperation, task differentiation, mandated
cooperation, county relief and changed national norms (JSON; see
data/scenarios for examples).

Commands:
  validate FILE|ID ...   check scenarios; every problem on standard error
  eval FILE|ID           evaluate one scenario (--json for the outcome)
  compare FILE|ID ...    today's system and the scenarios side by side
  new FILE [--id ID]     store a scenario file
  list                   the stored and the example scenarios
  export ID              print a stored or example scenario as JSON
  delete ID              remove a stored scenario

FILE is a path to a JSON file; ID names a stored scenario or an example
(data/scenarios).
`

func runScenario(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, scenarioHelp)
		return usageError("scenario: no command given")
	}
	cmd, rest := args[0], args[1:]
	fs := flag.NewFlagSet("scenario "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, scenarioHelp); fs.PrintDefaults() }
	asJSON := fs.Bool("json", false, "print JSON")
	id := fs.String("id", "", "id to store the scenario under (new)")
	dbPath := dbFlag(fs)
	pos, err := parseFlags(fs, rest)
	if err != nil {
		return err
	}
	arity := map[string][2]int{"validate": {1, 1 << 20}, "eval": {1, 1}, "compare": {1, 1 << 20}, "new": {1, 1}, "list": {0, 0}, "export": {1, 1}, "delete": {1, 1}}
	a, ok := arity[cmd]
	if !ok {
		fmt.Fprint(stderr, scenarioHelp)
		return usageError(fmt.Sprintf("scenario: unknown command %q", cmd))
	}
	if len(pos) < a[0] || len(pos) > a[1] {
		return usageError(fmt.Sprintf("scenario %s: wrong number of arguments (see generalist scenario help)", cmd))
	}
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	ev := &evaluator{ctx: ctx, db: db, inputs: map[[2]int]*sim.Input{}}
	switch cmd {
	case "list":
		return listScenarios(ctx, db, stdout)
	case "delete":
		if err := db.DeleteScenario(ctx, pos[0]); err != nil {
			return err
		}
		recordCLI(ctx, db, stderr, "scenario delete", pos[0], "")
		fmt.Fprintf(stdout, "Deleted scenario %s.\n", pos[0])
		return nil
	case "export":
		s, err := ev.load(pos[0])
		if err != nil {
			return err
		}
		return writeJSON(stdout, s)
	case "new":
		s, err := ev.load(pos[0])
		if err != nil {
			return err
		}
		if *id != "" {
			s.ID = *id
		}
		if s.ID == "" {
			return usageError("scenario new: the file has no id; give --id")
		}
		examples, err := refdata.ExampleScenarios()
		if err != nil {
			return err
		}
		for _, e := range examples {
			if e.ID == s.ID {
				return generalist.Errorf(generalist.ECONFLICT, "%s is the id of a shipped example; give another with --id", s.ID)
			}
		}
		in, err := ev.input(s)
		if err != nil {
			return err
		}
		if err := sim.Validate(in, s).Err(); err != nil {
			return err
		}
		if err := db.CreateScenario(ctx, s); err != nil {
			return err
		}
		recordCLI(ctx, db, stderr, "scenario new", s.ID, s.Name)
		fmt.Fprintf(stdout, "Stored scenario %s (version %d).\n", s.ID, s.Version)
		return nil
	case "validate":
		bad := 0
		for _, p := range pos {
			s, err := ev.load(p)
			if err != nil {
				fmt.Fprintf(stderr, "%s: %s\n", p, errorText(err))
				bad++
				continue
			}
			in, err := ev.input(s)
			if err != nil {
				fmt.Fprintf(stderr, "%s: %s\n", p, errorText(err))
				bad++
				continue
			}
			problems := sim.Validate(in, s)
			errs := 0
			for _, pr := range problems {
				fmt.Fprintf(stderr, "%s: %s\n", p, pr)
				if !pr.Warning {
					errs++
				}
			}
			if errs > 0 {
				bad++
			} else {
				fmt.Fprintf(stdout, "%s: valid (%d warning(s))\n", p, len(problems))
			}
		}
		if bad > 0 {
			return generalist.Errorf(generalist.EINVALID, "%d of %d scenario(s) are invalid", bad, len(pos))
		}
		return nil
	}
	// eval and compare.
	var outs []*sim.Outcome
	var first *generalist.Scenario
	for _, p := range pos {
		s, err := ev.load(p)
		if err != nil {
			return err
		}
		if first == nil {
			first = s
		}
		out, err := ev.run(s)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		outs = append(outs, out)
	}
	if cmd == "eval" {
		if *asJSON {
			return writeJSON(stdout, outs[0])
		}
		return printComparison(stdout, outs)
	}
	today, err := ev.run(&generalist.Scenario{Name: "Dagens system", Structure: first.Structure, Year: first.Year})
	if err != nil {
		return err
	}
	outs = append([]*sim.Outcome{today}, outs...)
	if *asJSON {
		return writeJSON(stdout, map[string]any{"outcomes": outs})
	}
	return printComparison(stdout, outs)
}

// evaluator loads scenarios and caches one sim.Input per structure and
// year.
type evaluator struct {
	ctx    context.Context
	db     *sqlite.DB
	cat    *generalist.Catalogue
	graphs map[generalist.Structure]*graph.Graph
	inputs map[[2]int]*sim.Input
	econ   *economy.Model
}

// load reads a scenario from a file path, a stored id or an example id.
func (e *evaluator) load(ref string) (*generalist.Scenario, error) {
	if b, err := os.ReadFile(ref); err == nil {
		return generalist.ParseScenario(b, ref)
	} else if strings.ContainsAny(ref, "/.") {
		return nil, generalist.Errorf(generalist.EINVALID, "scenario %s: %v", ref, err)
	}
	if s, err := e.db.Scenario(e.ctx, ref); err == nil {
		return s, nil
	} else if generalist.ErrorCode(err) != generalist.ENOTFOUND {
		return nil, err
	}
	examples, err := refdata.ExampleScenarios()
	if err != nil {
		return nil, err
	}
	for _, s := range examples {
		if s.ID == ref {
			return s, nil
		}
	}
	return nil, generalist.Errorf(generalist.ENOTFOUND, "no scenario file, stored scenario or example named %s", ref)
}

func (e *evaluator) input(s *generalist.Scenario) (*sim.Input, error) {
	key := [2]int{int(s.Structure), s.Year}
	if in := e.inputs[key]; in != nil {
		return in, nil
	}
	if err := s.Structure.Validate(); err != nil {
		return nil, err
	}
	if e.cat == nil {
		shipped, err := refdata.EmbeddedTasks()
		if err != nil {
			return nil, err
		}
		if e.cat, err = effectiveCatalogue(e.ctx, e.db, shipped); err != nil {
			return nil, err
		}
		e.graphs = map[generalist.Structure]*graph.Graph{}
	}
	g, ok := e.graphs[s.Structure]
	if !ok {
		ms, _, err := geo.Embedded(s.Structure)
		if err == nil {
			if g, err = graph.Build(ms, graph.Options{}); err != nil {
				return nil, err
			}
		} else if generalist.ErrorCode(err) != generalist.ENOTFOUND {
			return nil, err
		}
		e.graphs[s.Structure] = g
	}
	in, err := atlas.ScenarioInput(e.ctx, e.db, e.cat, g, s.Structure, s.Year)
	if err != nil {
		return nil, err
	}
	e.inputs[key] = in
	return in, nil
}

func (e *evaluator) run(s *generalist.Scenario) (*sim.Outcome, error) {
	in, err := e.input(s)
	if err != nil {
		return nil, err
	}
	out, err := sim.Run(in, s)
	if err != nil {
		return nil, err
	}
	// The income system's effect of the mergers, on the 2024 structure
	// where the ministry's tables apply.
	if s.Structure == generalist.Structure2024 {
		if e.econ == nil {
			if e.econ, err = refdata.EmbeddedEconomy(); err != nil {
				return nil, err
			}
		}
		econ, err := economy.ForScenario(e.econ, s)
		if err != nil {
			return nil, err
		}
		out.Economy = econ
	}
	return out, nil
}

func listScenarios(ctx context.Context, db *sqlite.DB, w io.Writer) error {
	stored, err := db.Scenarios(ctx)
	if err != nil {
		return err
	}
	examples, err := refdata.ExampleScenarios()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKind\tStructure\tYear\tVersion\tName")
	for _, s := range stored {
		fmt.Fprintf(tw, "%s\tstored\t%d\t%d\t%d\t%s\n", s.ID, s.Structure, s.Year, s.Version, s.Name)
	}
	for _, s := range examples {
		fmt.Fprintf(tw, "%s\texample\t%d\t%d\t–\t%s\n", s.ID, s.Structure, s.Year, s.Name)
	}
	return tw.Flush()
}

// printComparison prints outcomes side by side, one column each.
func printComparison(w io.Writer, outs []*sim.Outcome) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(label string, f func(o *sim.Outcome) string) {
		fmt.Fprintf(tw, "%s\t", label)
		for _, o := range outs {
			fmt.Fprintf(tw, "%s\t", f(o))
		}
		fmt.Fprintln(tw)
	}
	row("", func(o *sim.Outcome) string { return o.Scenario })
	row("Municipalities", func(o *sim.Outcome) string { return fmt.Sprint(o.Municipalities) })
	row("Inhabitants (with data)", func(o *sim.Outcome) string { return o.Inhabitants.String() })
	row("Median", func(o *sim.Outcome) string { return formatDecimal(o.Stats.Median) })
	row("Under 5 000", func(o *sim.Outcome) string { return fmt.Sprint(o.Stats.Under.Count) })
	row("Without data", func(o *sim.Outcome) string { return fmt.Sprint(len(o.Stats.Missing)) })
	row("Task-municipality pairs below robust", func(o *sim.Outcome) string { return fmt.Sprint(o.Vulnerable) })
	row("Share of task FTEs outside own organisation", func(o *sim.Outcome) string { return fmt.Sprintf("%.1f %%", 100*o.MeanOutsideShare) })
	row("Mean distance to centre (km)", func(o *sim.Outcome) string {
		if o.MeanDistanceKm == nil {
			return "no data"
		}
		return fmt.Sprintf("%.1f", *o.MeanDistanceKm)
	})
	for _, r := range generalist.Roles {
		row("Below robust, "+string(r), func(o *sim.Outcome) string {
			for _, x := range o.Roles {
				if x.Role == r {
					return fmt.Sprint(x.Vulnerable)
				}
			}
			return ""
		})
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, o := range outs {
		for _, p := range o.Problems {
			fmt.Fprintf(w, "%s: %s\n", o.Scenario, p)
		}
	}
	return nil
}
