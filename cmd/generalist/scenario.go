package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/app"
	"generalist/internal/nbfmt"
	"generalist/sim"
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
  export ID              print a stored or example scenario: as JSON, or with
                         --format geojson (its municipalities, merged ones
                         dissolved; --crs 25833 for UTM 33N), csv or
                         csv-excel (one row per municipality and its group)
  import FILE --name N   store a new scenario from a plan: a CSV with the
                         columns kommunenummer and gruppe (optionally
                         gruppenavn, senter) or a GeoJSON with those
                         properties; --format csv|geojson, --structure,
                         --year, --id, --dry-run
  publish ID             let anyone read a stored scenario (unpublish ID:
                         signed-in users only)
  delete ID              remove a stored scenario

FILE is a path to a JSON file; ID names a stored scenario or an example
(data/scenarios).

Every scenario, today's system included, starts from today's registered
cooperation: the cooperations in the registry running on 1 January of the
scenario's year (2024 structure only). A scenario's own cooperation and
task differentiation come first; mandated cooperation and county relief act
on the municipalities still alone. The shipped example cooperations count
only with --examples (eval, compare).
`

func runScenario(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return helpAndFail(stderr, scenarioHelp, "scenario: no command given")
	}
	cmd, rest := args[0], args[1:]
	fs := newFlagSet("scenario "+cmd, scenarioHelp, stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	id := fs.String("id", "", "id to store the scenario under (new)")
	examples := fs.Bool("examples", false, "count the shipped example cooperations as today's cooperation (eval, compare)")
	tf := transferFlags{
		format:      fs.String("format", "", "export: json (default), geojson, csv or csv-excel; import: csv or geojson (default: from the file)"),
		crs:         fs.Int("crs", 0, "export --format geojson: 4326 (longitude and latitude, the default) or 25833 (UTM zone 33N)"),
		name:        fs.String("name", "", "import: the new scenario's name"),
		description: fs.String("description", "", "import: the new scenario's description"),
		structure:   fs.Int("structure", 0, "import: the base structure (default 2024)"),
		year:        fs.Int("year", 0, "import: the year of the base (default: the latest with population)"),
		dryRun:      fs.Bool("dry-run", false, "import: check the file, store nothing"),
	}
	dbPath := dbFlag(fs)
	pos, err := parseFlags(fs, rest)
	if err != nil {
		return err
	}
	arity := map[string][2]int{"validate": {1, 1 << 20}, "eval": {1, 1}, "compare": {1, 1 << 20}, "new": {1, 1}, "list": {0, 0}, "export": {1, 1}, "delete": {1, 1},
		"import": {1, 1}, "publish": {1, 1}, "unpublish": {1, 1}}
	n, ok := arity[cmd]
	if !ok {
		return unknownCommand(stderr, "scenario", scenarioHelp, cmd)
	}
	if len(pos) < n[0] || len(pos) > n[1] {
		return usageError(fmt.Sprintf("scenario %s: wrong number of arguments (see generalist scenario help)", cmd))
	}
	a, closeStore, err := openApp(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer closeStore()
	switch cmd {
	case "list":
		return listScenarios(ctx, a, stdout)
	case "delete":
		if err := a.DeleteScenario(ctx, pos[0]); err != nil {
			return err
		}
		recordCLI(ctx, a.Store, stderr, "scenario delete", pos[0], "")
		return say(ctx, stdout, "ok.scenario.deleted", pos[0])
	case "export":
		return exportScenario(ctx, a, pos[0], tf, *examples, stdout)
	case "import":
		return importScenario(ctx, a, pos[0], *id, tf, stdout, stderr)
	case "publish", "unpublish":
		return publishScenario(ctx, a, pos[0], cmd == "publish", stdout, stderr)
	case "new":
		s, err := loadScenario(ctx, a, pos[0])
		if err != nil {
			return err
		}
		if *id != "" {
			s.ID = *id
		}
		if s.ID == "" {
			return usageError("scenario new: the file has no id; give --id")
		}
		if err := a.CreateScenario(ctx, s); err != nil {
			return err
		}
		recordCLI(ctx, a.Store, stderr, "scenario new", s.ID, s.Name)
		return say(ctx, stdout, "ok.scenario.stored", s.ID, s.Version)
	case "validate":
		bad := 0
		for _, p := range pos {
			problems, err := validateScenario(ctx, a, p)
			if err != nil {
				fmt.Fprintf(stderr, "%s: %s\n", p, wordError(langOf(ctx), err))
				bad++
				continue
			}
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
				say(ctx, stdout, "ok.scenario.valid", p, len(problems))
			}
		}
		if bad > 0 {
			return generalist.Errorf(generalist.EINVALID, "%d of %d scenario(s) are invalid", bad, len(pos))
		}
		return nil
	}
	// eval and compare.
	scs, err := loadScenarios(ctx, a, pos)
	if err != nil {
		return err
	}
	if cmd == "eval" {
		out, err := a.Evaluate(ctx, scs[0], app.TodayOptions{Examples: *examples})
		if err != nil {
			return fmt.Errorf("%s: %w", pos[0], err)
		}
		if *asJSON {
			return writeJSON(stdout, out)
		}
		return printComparison(stdout, []*sim.Outcome{out})
	}
	outs, err := a.Compare(ctx, scs, app.TodayOptions{Examples: *examples})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, map[string]any{"outcomes": outs})
	}
	return printComparison(stdout, outs)
}

// loadScenario reads a scenario from a file path, else finds a stored or
// example scenario by id.
func loadScenario(ctx context.Context, a *app.App, ref string) (*generalist.Scenario, error) {
	if b, err := os.ReadFile(ref); err == nil {
		return generalist.ParseScenario(b, ref)
	} else if strings.ContainsAny(ref, "/.") {
		return nil, generalist.Errorf(generalist.EINVALID, "scenario %s: %v", ref, err)
	}
	s, err := a.Scenario(ctx, ref, true)
	if generalist.ErrorCode(err) == generalist.ENOTFOUND {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no scenario file, stored scenario or example named %s", ref)
	}
	return s, err
}

// loadScenarios loads each reference with loadScenario.
func loadScenarios(ctx context.Context, a *app.App, refs []string) ([]*generalist.Scenario, error) {
	scs := make([]*generalist.Scenario, 0, len(refs))
	for _, ref := range refs {
		s, err := loadScenario(ctx, a, ref)
		if err != nil {
			return nil, err
		}
		scs = append(scs, s)
	}
	return scs, nil
}

func validateScenario(ctx context.Context, a *app.App, ref string) (generalist.Problems, error) {
	s, err := loadScenario(ctx, a, ref)
	if err != nil {
		return nil, err
	}
	return a.Validate(ctx, s)
}

func listScenarios(ctx context.Context, a *app.App, w io.Writer) error {
	list, err := a.Scenarios(ctx, true)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKind\tStructure\tYear\tVersion\tName")
	for _, s := range list {
		version := "–"
		if s.Kind == app.KindStored {
			version = fmt.Sprint(s.Version)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", s.ID, s.Kind, s.Structure, s.Year, version, s.Name)
	}
	return tw.Flush()
}

// outsideShareText is an outcome's share of task FTEs outside the
// municipalities' own organisation: "unknown" when it is 0 because the
// registry gave no cooperation to start from (unknown, not none), "at
// least" a share then (today's unknown cooperation comes on top), and
// "under 0.1 %" rather than a rounded 0.
func outsideShareText(o *sim.Outcome) string {
	b := o.TodaysCooperation
	switch pct := 100 * o.MeanOutsideShare; {
	case pct == 0 && (!b.Applied || b.Cooperations == 0):
		return "unknown"
	case pct > 0 && pct < 0.05:
		return "under 0.1 %"
	case !b.Applied || b.Cooperations == 0:
		return "at least " + nbfmt.Terminal.Percent(pct, 1) // today's cooperation comes on top
	default:
		return nbfmt.Terminal.Percent(pct, 1)
	}
}

// outsidePairsText is a role's task–municipality pairs run in
// cooperation or by another body, as the comparison page says it: the
// count when today's cooperation is known; else "at least" the pairs the
// scenario's own choices put there (today's unknown cooperation comes on
// top), or "unknown" when it puts none there (unknown, not 0).
func outsidePairsText(r sim.RoleOutcome) string {
	switch {
	case r.Outside != nil:
		return nbfmt.Terminal.Int(int64(*r.Outside))
	case r.OutsideAtLeast > 0:
		return "at least " + nbfmt.Terminal.Int(int64(r.OutsideAtLeast))
	default:
		return "unknown"
	}
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
	row("Share of task FTEs outside own organisation", outsideShareText)
	km := func(o *sim.Outcome, v *float64) string {
		switch {
		case o.CentreDistance.Mergers == 0:
			return "no merger"
		case v == nil:
			return "no data"
		}
		return nbfmt.Terminal.Decimal(*v, 1)
	}
	row("Distance to new centre, merged inhabitants (km)", func(o *sim.Outcome) string { return km(o, o.CentreDistance.MeanKm) })
	row("Longest distance to new centre (km)", func(o *sim.Outcome) string { return km(o, o.CentreDistance.MaxKm) })
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
	for _, r := range generalist.Roles {
		row("Pairs in cooperation or by others, "+string(r), func(o *sim.Outcome) string {
			for _, x := range o.Roles {
				if x.Role == r {
					return outsidePairsText(x)
				}
			}
			return ""
		})
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if _, err := fmt.Fprintln(w, basisText(outs[0].TodaysCooperation)); err != nil {
		return err
	}
	for _, o := range outs {
		for _, p := range o.Problems {
			fmt.Fprintf(w, "%s: %s\n", o.Scenario, p)
		}
	}
	return printSupport(w, outs)
}
