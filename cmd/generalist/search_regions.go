package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"generalist"
	"generalist/app"
)

const regionsHelp = `Usage: generalist search groups --task ID [--task ID …] [--max-km KM] [--county NN] [--within-county]
                              [--keep-registered] [--exempt-infeasible] [--save NAME] [--json]

Fixed cooperation regions: contiguous groups of municipalities, as many as
the search can find, each of which staffs the robust minimum team of every
chosen task at once (the capacity model's min_team_fte, reached by the
members' expected FTEs together) within --max-km of the region's centre, its
most populous member. It runs when --task is given more than once or with
--county, --keep-registered or --exempt-infeasible; otherwise "search groups"
is the single-floor search.

--county NN searches the municipalities of one county only; --within-county
keeps every region inside a county. --keep-registered keeps today's
registered cooperations for the chosen tasks whole. A municipality that can
be in no region meeting the criteria makes the search fail with the task and
the reason, unless --exempt-infeasible leaves it out and reports it.

--save NAME stores the regions as a scenario: each region runs the chosen
tasks as a host-municipality cooperation hosted by its most populous member.
With --json: {"groups", "count", "bound", "gap", "valid", "exempt": [{"number",
"reason", …}], "regions", "floors", "registered", "crossing", "seconds", …}.
docs/cooperation-regions.md gives the rules.

Flags:
`

// regionsJSON is the interface contract of the regions search's --json.
type regionsJSON struct {
	Groups [][]generalist.MunicipalityNumber `json:"groups"`
	*app.GroupsResult
	Seconds  float64 `json:"seconds"`
	Scenario string  `json:"scenario,omitempty"`
}

// wantsRegions reports whether "search groups" args ask for the regions
// search: --task more than once, or one of its own flags.
func wantsRegions(args []string) bool {
	tasks := 0
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") {
			continue
		}
		switch name {
		case "task":
			tasks++
		case "county", "keep-registered", "exempt-infeasible":
			return true
		}
	}
	return tasks > 1
}

func runSearchRegions(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("search groups", regionsHelp, stderr)
	tasks := &multiFlag{}
	fs.Var(tasks, "task", "a task `id` whose robust minimum team every region must staff (repeat for several)")
	maxKm := fs.Float64("max-km", 0, "most `km` from any member to its region's centre (its most populous member)")
	county := fs.String("county", "", "search only the municipalities of county `NN`")
	within := fs.Bool("within-county", false, "keep every region within one county")
	keep := fs.Bool("keep-registered", false, "keep today's registered cooperations for the chosen tasks whole")
	exempt := fs.Bool("exempt-infeasible", false, "leave out, and report, municipalities that can be in no region")
	structure := fs.String("structure", "2024", "municipal `structure`: 2019, 2020 or 2024")
	year := fs.Int("year", 0, "population on 1 January of `year` (default: the latest with data)")
	seed := fs.Uint64("seed", 1, "random `seed`; the same seed gives the same result")
	save := fs.String("save", "", "store the regions as a scenario `named` so")
	asJSON := fs.Bool("json", false, "print JSON")
	db := dbFlag(fs)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	st, err := generalist.ParseStructure(*structure)
	if err != nil {
		return usageError("search groups: --structure: " + generalist.ErrorMessage(err))
	}
	if len(*tasks) == 0 {
		return usageError("search groups: --task is required with the regions search")
	}
	if *maxKm < 0 {
		return usageError("search groups: --max-km must not be negative")
	}
	a, closeStore, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeStore()
	start := time.Now()
	res, err := a.SearchGroups(ctx, app.GroupsCriteria{Structure: st, Year: *year, Tasks: *tasks, MaxKm: *maxKm,
		County: generalist.CountyNumber(*county), WithinCounty: *within, KeepRegistered: *keep, ExemptInfeasible: *exempt, Seed: *seed})
	seconds := time.Since(start).Seconds()
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	out := regionsJSON{Groups: res.Groups(), GroupsResult: res, Seconds: seconds}
	if *save != "" {
		sc, err := a.SaveGroups(ctx, res, *save, cliActor())
		if err != nil {
			return err
		}
		recordCLI(ctx, a.Store, io.Discard, "search --save", sc.ID, sc.Name)
		out.Scenario = sc.ID
	}
	if *asJSON {
		return writeJSON(stdout, out)
	}
	return printRegions(stdout, res, seconds, out.Scenario)
}

func printRegions(w io.Writer, res *app.GroupsResult, seconds float64, scenario string) error {
	var floors []string
	for _, f := range res.Floors {
		floors = append(floors, fmt.Sprintf("%s %s FTE", f.Task, weightText(f.MinTeam)))
	}
	fmt.Fprintf(w, "%d regions reach the robust minimum of %s at once (upper bound %d, gap %.1f %%); %.0f ms\n\n",
		res.Count, strings.Join(floors, ", "), res.Bound, 100*res.Gap, 1000*seconds)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Host\tInhabitants\tFTE per task\tMembers\n")
	alone := 0
	for _, r := range res.Regions {
		if len(r.Members) < 2 {
			alone++
			continue
		}
		fte := make([]string, len(r.FTE))
		for i, v := range r.FTE {
			fte[i] = weightText(v)
		}
		ms := make([]string, len(r.Members))
		for i, m := range r.Members {
			ms[i] = string(m)
		}
		fmt.Fprintf(tw, "%s %s\t%s\t%s\t%s\n", r.Host, r.HostName, weightText(r.Population), strings.Join(fte, " / "), strings.Join(ms, ", "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d municipalities reach every floor alone. Today's registered cooperations: %d, of which %d cross the regions.\n", alone, res.Registered, res.Crossing)
	if res.Criteria.KeepRegistered {
		fmt.Fprintf(w, "Kept whole: %d; could not be kept whole: %d.\n", res.Locked, res.NotWhole)
	}
	if len(res.Exempt) > 0 {
		fmt.Fprintf(w, "\nLeft out (%d):\n", len(res.Exempt))
		for _, e := range res.Exempt {
			fmt.Fprintf(w, "  %s\n", e.Reason)
		}
	}
	if scenario != "" {
		fmt.Fprintf(w, "\nStored as scenario %s (generalist scenario eval %s).\n", scenario, scenario)
	}
	return nil
}
