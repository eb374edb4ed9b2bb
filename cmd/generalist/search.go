package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"generalist"
	"generalist/app"
	"generalist/graph"
	"generalist/internal/nbfmt"
	"generalist/jobs"
	"generalist/optimize"
)

const searchHelp = `Usage: generalist search groups   --floor N [criteria] [--json]
       generalist search ensemble --floor N --steps N [--parts K] [--tolerance T | --ceiling C | --unbalanced]
                                  [--variant recom|reversible] [--sample-every K --out FILE] [criteria] [--json]

Structure search: which groupings of municipalities would let every group
reach a threshold, with the fewest mergers (the most groups), and how much
the possible answers differ. The tool shows the consequences of criteria;
it does not prescribe a map.

"groups" finds contiguous groups that each reach the floor, as many as it
can, then the most compact (--objective), and reports an upper bound on
the number of groups and the gap to it. Infeasible criteria are explained.
With --task given more than once (or --county, --keep-registered or
--exempt-infeasible) it finds fixed cooperation regions that reach every
task's robust minimum at once ("search groups --task A --task B -h").

"ensemble" runs ReCom Markov chains over plans with --parts groups (default:
as many as "groups" finds) that each reach the floor and stay under a
ceiling, and summarises them: the distributions of the objective, the
heaviest and lightest group and the links between groups, how often each
pair of neighbouring municipalities ends up together, and diagnostics that
say whether the chains ran long enough (acceptance, effective sample size,
split R-hat). The ceiling is (1 + --tolerance) times the ideal group weight
(default tolerance 0.5) unless --ceiling gives it; a unit heavier than the
ceiling on its own (Oslo) is a group of its own. --unbalanced drops the
ceiling: the chains then drift to one giant group. --variant reversible runs
reversible ReCom, whose stationary distribution is known (docs/ensembles.md).
--sample-every K --out FILE writes every K-th plan of each chain after
burn-in: FILE.csv as rows chain,step,id,code,region; any other name as JSON
lines, a first line {"nodes": [code of each id]} and then one
{"chain", "step", "region": [group of each id]} per plan.

The floor is in inhabitants; with --task it is in expected FTEs for the
task (capacity model), and defaults to the task's robust minimum team.
--graph PREFIX runs on an exchange-format instance (PREFIX.nodes.csv,
PREFIX.edges.csv; /work/shared/bench/README.md) instead of the built-in
municipalities; groups are then lists of node ids.

--job queues the run as a job instead (generalist worker or serve runs it;
generalist jobs wait ID follows it): for long runs, which then survive the
terminal and are kept with their result.

With --json, "groups" prints {"groups", "count", "bound", "gap", "objective",
"seconds", ...}: seconds is the time of the search itself.

Flags:
`

// searchJSON is the interface contract of "search groups --json".
type searchJSON struct {
	// Groups are municipality numbers, or node ids with --graph.
	Groups any `json:"groups"`
	app.PlanFigures
	// Valid is optimize.Check's verdict on the plan.
	Valid     bool      `json:"valid"`
	Seed      uint64    `json:"seed"`
	Floor     float64   `json:"floor"`
	Unit      string    `json:"unit"`
	Weights   []float64 `json:"weights"`
	Structure int       `json:"structure,omitempty"`
	Year      int       `json:"year,omitempty"`
	Task      string    `json:"task,omitempty"`
	Graph     string    `json:"graph,omitempty"`
}

// ensembleJSON is the output of "search ensemble --json". The
// EnsembleResult carries balanced, ceiling, ideal, tolerance, variant and
// diagnostics; Pinned lists the frozen groups by code.
type ensembleJSON struct {
	*optimize.EnsembleResult
	StepsPerSecond float64        `json:"steps_per_second"`
	Floor          float64        `json:"floor"`
	Unit           string         `json:"unit"`
	Structure      int            `json:"structure,omitempty"`
	Year           int            `json:"year,omitempty"`
	Graph          string         `json:"graph,omitempty"`
	Pinned         [][]string     `json:"pinned"`
	Edges          []ensembleEdge `json:"edges"`
	Start          any            `json:"start_groups"`
	Samples        int            `json:"samples,omitempty"`
	Out            string         `json:"out,omitempty"`
}

type ensembleEdge struct {
	A        string  `json:"a"`
	B        string  `json:"b"`
	Together float64 `json:"together"`
}

// searchFlags are the criteria common to both subcommands.
type searchFlags struct {
	floor, maxKm, effort      float64
	task, objective, graphP   string
	structure, lock, forbid   string
	year, restarts            int
	seed                      uint64
	withinCounty, keep, noSea bool
	asJSON, job               bool
	save                      string
	db                        *string
}

func (f *searchFlags) register(fs *flag.FlagSet) {
	fs.Float64Var(&f.floor, "floor", 0, "least `weight` of a group: inhabitants, or FTEs with --task")
	fs.StringVar(&f.task, "task", "", "weigh by the expected FTEs of task `id` (see generalist tasks)")
	fs.BoolVar(&f.withinCounty, "within-county", false, "keep every group within one county")
	fs.Float64Var(&f.maxKm, "max-km", 0, "most `km` from any member to its group's centre (largest member)")
	fs.BoolVar(&f.keep, "keep-feasible", false, "keep municipalities that meet the floor as they are (only the vulnerable move)")
	fs.BoolVar(&f.noSea, "no-sea-links", false, "do not group across the sea links of the adjacency graph")
	fs.StringVar(&f.lock, "lock", "", "`groups` that must stay together: numbers joined by +, groups by commas (3201+3203,1101+1111)")
	fs.StringVar(&f.forbid, "forbid", "", "`pairs` that must not share a group: a-b, comma-separated (0301-3201)")
	fs.StringVar(&f.objective, "objective", "distance", "secondary `objective`: distance, border or heterogeneity")
	fs.Uint64Var(&f.seed, "seed", 1, "random `seed`; the same seed gives the same result")
	fs.IntVar(&f.restarts, "restarts", 0, "independent searches (default 2)")
	fs.Float64Var(&f.effort, "effort", 0, "search effort factor (default 1)")
	fs.StringVar(&f.structure, "structure", "2024", "municipal `structure`: 2019, 2020 or 2024")
	fs.IntVar(&f.year, "year", 0, "population on 1 January of `year` (default: the latest with data)")
	fs.StringVar(&f.graphP, "graph", "", "exchange-format instance `PREFIX` instead of the municipalities")
	fs.BoolVar(&f.asJSON, "json", false, "print JSON")
	fs.StringVar(&f.save, "save", "", "store the plan as a merger scenario with this `id` (municipalities only)")
	fs.BoolVar(&f.job, "job", false, "queue the run as a job for the workers instead of running it here (see generalist jobs)")
	f.db = dbFlag(fs)
}

// searchInput is a problem with what is needed to print its result.
type searchInput struct {
	p         optimize.Problem
	unit      string
	structure generalist.Structure
	year      int
	exchange  bool
	app       *app.App    // nil on an exchange-format graph
	search    *app.Search // nil on an exchange-format graph
}

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, searchHelp)
		if len(args) == 0 {
			return usageError("search: want groups or ensemble")
		}
		return flag.ErrHelp
	}
	switch args[0] {
	case "groups":
		if wantsRegions(args[1:]) {
			return runSearchRegions(ctx, args[1:], stdout, stderr)
		}
		return runSearchGroups(ctx, args[1:], stdout, stderr)
	case "ensemble":
		return runSearchEnsemble(ctx, args[1:], stdout, stderr)
	}
	return helpAndFail(stderr, searchHelp, fmt.Sprintf("search: unknown subcommand %q; want groups or ensemble", args[0]))
}

func newSearchFlagSet(name string, stderr io.Writer, f *searchFlags) *flag.FlagSet {
	fs := newFlagSet("search "+name, searchHelp, stderr)
	f.register(fs)
	return fs
}

func runSearchGroups(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f searchFlags
	fs := newSearchFlagSet("groups", stderr, &f)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if f.job {
		p, err := f.jobParams()
		if err != nil {
			return err
		}
		return queueJob(ctx, *f.db, p, f.asJSON, stdout)
	}
	in, closeStore, err := f.input(ctx)
	if err != nil {
		return err
	}
	defer closeStore()
	s := optimize.Settings{Seed: f.seed, Restarts: f.restarts, Effort: f.effort}
	bar := newBar(stderr, !f.asJSON, -1, "searching")
	if bar != nil {
		s.Progress = func(done, total int) {
			bar.ChangeMax(total)
			bar.Set(done)
		}
	}
	start := time.Now()
	plan, err := optimize.Solve(ctx, in.p, s)
	seconds := time.Since(start).Seconds()
	if bar != nil {
		bar.Finish()
		bar.Clear()
	}
	if err != nil {
		return err
	}
	if f.save != "" {
		if err := savePlan(ctx, &f, in, plan); err != nil {
			return err
		}
		if !f.asJSON {
			fmt.Fprintf(stdout, "Stored the plan as scenario %s (generalist scenario eval %s).\n", f.save, f.save)
		}
	}
	if f.asJSON {
		out := searchJSON{PlanFigures: app.PlanFiguresOf(plan, seconds), Seed: f.seed, Floor: in.p.Floor, Unit: in.unit, Weights: plan.Weights(), Task: f.task,
			Valid: optimize.Check(in.p, plan.Assignment()) == nil}
		if in.exchange {
			out.Groups, out.Graph = plan.Members(), f.graphP
		} else {
			out.Groups, out.Structure, out.Year = plan.Groups(), int(in.structure), in.year
		}
		return writeJSON(stdout, out)
	}
	return printPlan(stdout, in, plan, seconds)
}

func printPlan(w io.Writer, in *searchInput, plan *optimize.Plan, seconds float64) error {
	g := in.p.Graph
	fmt.Fprintf(w, "%d groups reach the floor %s %s (upper bound %d, gap %.1f %%); %s %s; %.0f ms\n\n",
		plan.Count, weightText(in.p.Floor), in.unit, plan.Bound, 100*plan.Gap(), plan.Kind, weightText(plan.Objective), 1000*seconds)
	type row struct {
		members []int
		weight  float64
	}
	var rows []row
	weights := plan.Weights()
	for k, m := range plan.Members() {
		if len(m) > 1 {
			rows = append(rows, row{m, weights[k]})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].weight < rows[j].weight })
	alone := plan.Count - len(rows)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Weight\tMembers\n")
	for _, r := range rows {
		names := make([]string, len(r.members))
		for i, v := range r.members {
			names[i] = nodeLabel(g.Node(v))
		}
		fmt.Fprintf(tw, "%s\t%s\n", weightText(r.weight), strings.Join(names, ", "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d units stay alone; %d merge into %d groups.\n", alone, g.Len()-alone, len(rows))
	return err
}

func nodeLabel(n graph.Node) string {
	if n.Name == "" {
		return n.Code
	}
	return n.Code + " " + n.Name
}

// weightText writes a weight: whole as it is, else with one decimal.
func weightText(v float64) string { return nbfmt.Terminal.Round(v, 1) }

func runSearchEnsemble(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f searchFlags
	fs := newSearchFlagSet("ensemble", stderr, &f)
	steps := fs.Int("steps", 1000, "ReCom proposals in all")
	parts := fs.Int("parts", 0, "number of groups of every plan (default: as many as search groups finds)")
	ceiling := fs.Float64("ceiling", 0, "most `weight` of a group (default: (1 + tolerance) × the ideal group weight)")
	tolerance := fs.Float64("tolerance", 0, "default ceiling's `share` above the ideal group weight (default 0.5)")
	unbalanced := fs.Bool("unbalanced", false, "no ceiling: an unbalanced exploration (the chains drift to one giant group)")
	variant := fs.String("variant", "recom", "proposal: recom (fast) or reversible (known stationary distribution)")
	chains := fs.Int("chains", 0, "independent chains (default 4)")
	burnIn := fs.Int("burn-in", 0, "steps of each chain left out of the summaries")
	every := fs.Int("sample-every", 0, "write every `K`-th plan of each chain after burn-in to --out")
	out := fs.String("out", "", "`file` for the sampled plans (.csv, else JSON lines)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if *steps <= 0 || *parts < 0 || *ceiling < 0 || *tolerance < 0 || *chains < 0 || *burnIn < 0 || *every < 0 || math.IsNaN(*ceiling) || math.IsNaN(*tolerance) {
		return usageError("search ensemble: --steps must be positive and --parts, --ceiling, --tolerance, --chains, --burn-in, --sample-every not negative")
	}
	if *unbalanced && (*ceiling > 0 || *tolerance > 0) {
		return usageError("search ensemble: --unbalanced has no ceiling; drop --ceiling and --tolerance")
	}
	if (*every > 0) != (*out != "") {
		return usageError("search ensemble: --sample-every and --out go together")
	}
	v, err := optimize.ParseVariant(*variant)
	if err != nil {
		return usageError("search ensemble: --variant: " + generalist.ErrorMessage(err))
	}
	if f.job {
		if *out != "" {
			return usageError("search ensemble: --job keeps the sampled plans in the job's result; drop --out")
		}
		sp, err := f.jobParams()
		if err != nil {
			return err
		}
		return queueJob(ctx, *f.db, jobs.EnsembleParams{SearchParams: sp, Steps: *steps, Parts: *parts, Tolerance: *tolerance, Ceiling: *ceiling,
			Unbalanced: *unbalanced, Variant: v.String(), BurnIn: *burnIn, Chains: *chains}, f.asJSON, stdout)
	}
	in, closeStore, err := f.input(ctx)
	if err != nil {
		return err
	}
	defer closeStore()
	s := optimize.EnsembleSettings{Seed: f.seed, Steps: *steps, Parts: *parts, Ceiling: *ceiling, Tolerance: *tolerance, Unbalanced: *unbalanced,
		Variant: v, Chains: *chains, BurnIn: *burnIn}
	var sw *sampleWriter
	if *out != "" {
		if sw, err = newSampleWriter(*out, in.p.Graph); err != nil {
			return err
		}
		defer sw.close()
		s.SampleEvery, s.Sample = *every, sw.write
	}
	bar := newBar(stderr, !f.asJSON, *steps, "ReCom")
	if bar != nil {
		s.Progress = func(done, total int) { bar.Set(done) }
	}
	res, err := optimize.Ensemble(ctx, in.p, s)
	if bar != nil {
		bar.Finish()
		bar.Clear()
	}
	if err != nil {
		return err
	}
	if sw != nil {
		if err := sw.close(); err != nil {
			return err
		}
	}
	g := in.p.Graph
	edges := g.Edges()
	pinned := [][]string{}
	for _, b := range res.Pinned {
		var codes []string
		for _, v := range b {
			codes = append(codes, g.Node(v).Code)
		}
		pinned = append(pinned, codes)
	}
	if f.asJSON {
		o := ensembleJSON{EnsembleResult: res, StepsPerSecond: float64(res.Steps) / res.Seconds, Floor: in.p.Floor, Unit: in.unit, Pinned: pinned}
		for i, e := range edges {
			o.Edges = append(o.Edges, ensembleEdge{A: g.Node(e.A).Code, B: g.Node(e.B).Code, Together: res.EdgeTogether[i]})
		}
		if in.exchange {
			o.Start, o.Graph = res.Start.Members(), f.graphP
		} else {
			o.Start, o.Structure, o.Year = res.Start.Groups(), int(in.structure), in.year
		}
		if sw != nil {
			o.Samples, o.Out = sw.n, *out
		}
		return writeJSON(stdout, o)
	}
	fmt.Fprintf(stdout, "%d %s steps over plans of %d groups (floor %s %s), %d chains, seed %d: %d accepted, %.0f steps/s\n",
		res.Steps, res.Variant, res.Parts, weightText(in.p.Floor), in.unit, res.Chains, res.Seed, res.Accepted, float64(res.Steps)/res.Seconds)
	if res.Balanced {
		fmt.Fprintf(stdout, "Ceiling %s %s", weightText(math.Round(res.Ceiling)), in.unit)
		if res.Tolerance > 0 {
			fmt.Fprintf(stdout, " (%s %% above the ideal group weight %s)", weightText(100*res.Tolerance), weightText(math.Round(res.Ideal)))
		}
		fmt.Fprintln(stdout, ".")
		for _, b := range res.Pinned {
			names := make([]string, len(b))
			for i, v := range b {
				names[i] = nodeLabel(g.Node(v))
			}
			fmt.Fprintf(stdout, "Heavier than the ceiling alone, a group of its own in every plan: %s\n", strings.Join(names, ", "))
		}
	} else {
		fmt.Fprintln(stdout, "UNBALANCED exploration: no ceiling, so the chains drift towards plans with one giant group.")
	}
	if sw != nil {
		fmt.Fprintf(stdout, "Wrote %d plans to %s.\n", sw.n, *out)
	}
	fmt.Fprintln(stdout)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\tmin\t5 %%\tmedian\t95 %%\tmax\tR-hat\tESS\t\n")
	for i, d := range []optimize.Distribution{res.Objective, res.MaxWeight, res.MinWeight, res.CutEdges} {
		name := []string{in.p.Objective.String(), "heaviest group", "lightest group", "links between groups"}[i]
		sd := res.Diagnostics.Statistics[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%.3f\t%.0f\t\n", name, weightText(math.Round(d.Min)), weightText(math.Round(d.P05)),
			weightText(math.Round(d.P50)), weightText(math.Round(d.P95)), weightText(math.Round(d.Max)), sd.RHat, sd.ESS)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nAcceptance per chain:")
	for _, c := range res.Diagnostics.Chains {
		fmt.Fprintf(stdout, " %.1f %%", 100*c.Acceptance)
	}
	fmt.Fprintln(stdout)
	if res.Diagnostics.TooShort {
		fmt.Fprintf(stdout, "\nWARNING: the run looks too short (R-hat must be ≤ %.2f and ESS ≥ %.0f):\n", res.Diagnostics.RHatLimit, res.Diagnostics.ESSLimit)
	}
	for _, w := range res.Diagnostics.Warnings {
		fmt.Fprintf(stdout, "  %s\n", w)
	}
	// The neighbour pairs most often, and least often, together.
	idx := make([]int, len(edges))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return res.EdgeTogether[idx[i]] > res.EdgeTogether[idx[j]] })
	fmt.Fprintf(stdout, "\nNeighbours most often together:\n")
	for _, i := range idx[:min(10, len(idx))] {
		e := edges[i]
		fmt.Fprintf(stdout, "  %5.1f %%  %s – %s\n", 100*res.EdgeTogether[i], nodeLabel(g.Node(e.A)), nodeLabel(g.Node(e.B)))
	}
	return nil
}

// sampleWriter writes sampled plans to a file: CSV (chain,step,id,code,
// region) for a name ending in .csv, else JSON lines with a header line
// of the nodes' codes.
type sampleWriter struct {
	f     *os.File
	buf   *bufio.Writer
	csv   bool
	codes []string
	n     int
	done  bool
}

func newSampleWriter(name string, g *graph.Graph) (*sampleWriter, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "search ensemble: --out: %v", err)
	}
	w := &sampleWriter{f: f, buf: bufio.NewWriter(f), csv: strings.HasSuffix(strings.ToLower(name), ".csv")}
	for _, n := range g.Nodes() {
		w.codes = append(w.codes, n.Code)
	}
	if w.csv {
		_, err = w.buf.WriteString("chain,step,id,code,region\n")
	} else {
		var b []byte
		if b, err = json.Marshal(map[string][]string{"nodes": w.codes}); err == nil {
			b = append(b, '\n')
			_, err = w.buf.Write(b)
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return w, nil
}

func (w *sampleWriter) write(s optimize.Sample) error {
	w.n++
	if !w.csv {
		b, err := json.Marshal(s)
		if err != nil {
			return err
		}
		_, err = w.buf.Write(append(b, '\n'))
		return err
	}
	for id, k := range s.Assignment {
		code := w.codes[id]
		if strings.ContainsAny(code, ",\"\n") {
			code = `"` + strings.ReplaceAll(code, `"`, `""`) + `"`
		}
		if _, err := fmt.Fprintf(w.buf, "%d,%d,%d,%s,%d\n", s.Chain, s.Step, id, code, k); err != nil {
			return err
		}
	}
	return nil
}

// close flushes and closes the file once; later calls return nil.
func (w *sampleWriter) close() error {
	if w.done {
		return nil
	}
	w.done = true
	err := w.buf.Flush()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// input builds the problem from the flags: on an exchange-format graph
// here, on the municipalities with the application (app.SearchProblem),
// which stays open (for --save) until close is called.
func (f *searchFlags) input(ctx context.Context) (in *searchInput, close func() error, err error) {
	obj, err := optimize.ParseObjective(f.objective)
	if err != nil {
		return nil, nil, usageError("search: --objective: " + generalist.ErrorMessage(err))
	}
	if f.floor < 0 || f.maxKm < 0 || f.effort < 0 || f.restarts < 0 || math.IsNaN(f.floor) {
		return nil, nil, usageError("search: --floor, --max-km, --effort and --restarts must not be negative")
	}
	if f.graphP != "" {
		if f.task != "" || f.withinCounty {
			return nil, nil, usageError("search: --task and --within-county need the built-in municipalities, not --graph")
		}
		g, w, err := readExchange(f.graphP)
		if err != nil {
			return nil, nil, err
		}
		if f.floor <= 0 {
			return nil, nil, usageError("search: --floor is required (a positive number)")
		}
		in := &searchInput{exchange: true, unit: "(population column)"}
		in.p = optimize.Problem{Graph: g, Weight: w, Floor: f.floor, Objective: obj, KeepFeasible: f.keep, MaxKm: generalist.Km(f.maxKm), NoSeaLinks: f.noSea}
		if in.p.Locked, err = optimize.ParseLocked(g, f.lock); err != nil {
			return nil, nil, usageError("search: --lock: " + generalist.ErrorMessage(err))
		}
		if in.p.Forbidden, err = optimize.ParseForbidden(g, f.forbid); err != nil {
			return nil, nil, usageError("search: --forbid: " + generalist.ErrorMessage(err))
		}
		return in, func() error { return nil }, nil
	}
	st, err := generalist.ParseStructure(f.structure)
	if err != nil {
		return nil, nil, usageError("search: --structure: " + generalist.ErrorMessage(err))
	}
	if f.task == "" && f.floor <= 0 {
		return nil, nil, usageError("search: --floor is required (a positive number)")
	}
	a, closeStore, err := openApp(ctx, *f.db)
	if err != nil {
		return nil, nil, err
	}
	search, err := a.SearchProblem(ctx, app.Criteria{Structure: st, Year: f.year, Floor: f.floor, Task: f.task, WithinCounty: f.withinCounty,
		KeepFeasible: f.keep, NoSeaLinks: f.noSea, MaxKm: f.maxKm, Objective: obj, Lock: f.lock, Forbid: f.forbid})
	if err != nil {
		closeStore()
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	in = &searchInput{p: search.Problem, unit: search.Unit, structure: st, year: search.Year, app: a, search: search}
	if search.Unit == app.UnitFTE {
		in.unit = "FTE of " + f.task
	}
	return in, closeStore, nil
}

func readExchange(prefix string) (*graph.Graph, []float64, error) {
	nf, err := os.Open(prefix + ".nodes.csv")
	if err != nil {
		return nil, nil, generalist.Errorf(generalist.EINVALID, "search: --graph: %v", err)
	}
	defer nf.Close()
	ef, err := os.Open(prefix + ".edges.csv")
	if err != nil {
		return nil, nil, generalist.Errorf(generalist.EINVALID, "search: --graph: %v", err)
	}
	defer ef.Close()
	g, pop, err := graph.ReadExchange(nf, ef)
	if err != nil {
		return nil, nil, err
	}
	w := make([]float64, g.Len())
	for i, n := range g.Nodes() {
		w[i] = float64(pop[n.Code])
	}
	return g, w, nil
}

// newBar returns a progress bar on stderr when it is a terminal and want
// is true, else nil. max < 0 starts it as a spinner.
func newBar(stderr io.Writer, want bool, max int, what string) *progressbar.ProgressBar {
	f, ok := stderr.(*os.File)
	if !want || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(max, progressbar.OptionSetWriter(f), progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
}

// savePlan stores a plan as a merger scenario (app.Search.PlanScenario),
// validated as every saved scenario is.
func savePlan(ctx context.Context, f *searchFlags, in *searchInput, plan *optimize.Plan) error {
	if in.exchange {
		return usageError("search groups: --save needs municipalities, not an exchange-format graph")
	}
	sc := in.search.PlanScenario(plan, f.save, fmt.Sprintf("Sammenslåing til minst %s %s", weightText(in.p.Floor), in.unit),
		fmt.Sprintf("Funnet med struktursøket (generalist search groups --floor %s --seed %d): %d kommuner. Et eksempel på konsekvensene av et kriterium, ikke et forslag.",
			weightText(in.p.Floor), f.seed, plan.Count))
	if err := in.app.CreateScenario(ctx, sc); err != nil {
		return err
	}
	recordCLI(ctx, in.app.Store, io.Discard, "search --save", sc.ID, sc.Name)
	return nil
}
