package optimize

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"generalist"
)

// EnsembleSettings tunes Ensemble. The zero value gives sensible defaults.
type EnsembleSettings struct {
	// Seed seeds the start plan and the chains; chain c uses the stream
	// (Seed, c). The same settings give the same ensemble.
	Seed uint64
	// Steps is the number of proposals in all, shared evenly by the
	// chains; zero means 1000.
	Steps int
	// Chains is the number of independent chains; zero means 4. They run
	// on Workers goroutines (zero: GOMAXPROCS), which does not change the
	// result.
	Chains  int
	Workers int
	// Parts is the number of groups of every plan; zero means as many as
	// Solve finds, or Start's count.
	Parts int
	// Start, when not nil, is the plan the chains start from: a plan of
	// the same problem (from Solve), which must be valid and, with Parts
	// set, have Parts groups.
	Start *Plan
	// Ceiling, when > 0, is the most weight a group may have (a
	// population balance like GerryChain's ±ε: Floor = (1−ε)·ideal,
	// Ceiling = (1+ε)·ideal). Zero means (1 + Tolerance) times the ideal
	// group weight, unless Unbalanced; see balanceOf for units heavier
	// than the ceiling on their own.
	Ceiling float64
	// Tolerance sets the default ceiling; zero means DefaultTolerance.
	Tolerance float64
	// Unbalanced asks for an exploration without a ceiling: the chains
	// then drift towards plans with one giant group, and the result says
	// Balanced false.
	Unbalanced bool
	// Variant is the proposal: Fast (the default) or Reversible.
	Variant Variant
	// SampleEvery, when > 0, passes the plan after every SampleEvery-th
	// step of each chain after burn-in to Sample, one call at a time
	// (calls of different chains interleave). An error from Sample stops
	// the run and is returned.
	SampleEvery int
	Sample      func(Sample) error
	// BurnIn is the number of steps of each chain left out of the
	// summaries.
	BurnIn int
	// Trees is the number of spanning trees a proposal draws before it is
	// rejected for want of a valid cut; zero means 4.
	Trees int
	// Pairs asks for the co-occurrence of every pair of nodes (Together),
	// not only of adjacent ones; it costs O(r²) per step for the r units
	// of the two groups and O(n²) memory, and needs n ≤ 4000.
	Pairs bool
	// Progress, when not nil, is called now and then with the steps done
	// in all and the total, one call at a time.
	Progress func(done, total int)
}

// EnsembleResult summarises the plans a ReCom chain visits.
type EnsembleResult struct {
	// Parts is the number of groups of every plan.
	Parts int `json:"parts"`
	// Variant is "recom" or "reversible".
	Variant string `json:"variant"`
	// Balanced is false for an unbalanced exploration (no ceiling).
	// Ceiling is the most weight of a group, derived from Ideal (the
	// ideal group weight over the groups that are not pinned) and
	// Tolerance unless given. Pinned are the frozen groups, as lists of
	// graph nodes: a unit heavier than the ceiling on its own with any
	// units stranded by it (or put with it by the start plan), the same
	// group in every plan.
	Balanced  bool    `json:"balanced"`
	Ceiling   float64 `json:"ceiling"`
	Ideal     float64 `json:"ideal"`
	Tolerance float64 `json:"tolerance,omitempty"`
	Pinned    [][]int `json:"-"`
	// CeilingRaised is true when the default ceiling was raised to the
	// heaviest group of the start plan (Start, or Solve's plan), so that
	// the chains can start there (see fitStart).
	CeilingRaised bool `json:"ceiling_raised"`
	// Steps and Accepted count the proposals in all and those that
	// changed the plan.
	Steps    int `json:"steps"`
	Accepted int `json:"accepted"`
	// Seeds are the seeds of the chains: chain c is (Seed, c).
	Seed   uint64 `json:"seed"`
	Chains int    `json:"chains"`
	// Objective, MinWeight and MaxWeight are distributions over the steps
	// after burn-in: the secondary objective, and the weight of the
	// lightest and the heaviest group that may change (the frozen groups
	// of Pinned are left out: they are the same in every plan).
	Objective Distribution `json:"objective"`
	MinWeight Distribution `json:"min_weight"`
	MaxWeight Distribution `json:"max_weight"`
	// CutEdges is the distribution of the number of allowed links between
	// groups (unit links: a locked set's links to one neighbour count
	// once).
	CutEdges Distribution `json:"cut_edges"`
	// StartStatistics are the start plan's values of the statistics, in
	// the order of StatisticNames: where it lies in the distributions.
	StartStatistics []float64 `json:"start_statistics"`
	// Diagnostics say whether the chains ran long enough.
	Diagnostics Diagnostics `json:"diagnostics"`
	// EdgeTogether gives, for every edge of the graph (in Graph.Edges
	// order), the share of steps after burn-in in which its two ends were
	// in one group.
	EdgeTogether []float64 `json:"edge_together"`
	// Seconds is the wall time of the chains alone, without finding the
	// start plan.
	Seconds float64 `json:"seconds"`
	// Start is the plan the chains start from; Final the last plan of each
	// chain.
	Start *Plan   `json:"-"`
	Final []*Plan `json:"-"`

	n        int
	together []float64 // n×n, upper triangle, when Pairs
}

// Together returns the share of steps after burn-in in which nodes a and
// b were in one group, or NaN if the ensemble did not record all pairs
// (EnsembleSettings.Pairs) and they are not adjacent.
func (r *EnsembleResult) Together(a, b int) float64 {
	if a == b {
		return 1
	}
	if a > b {
		a, b = b, a
	}
	if r.together != nil {
		return r.together[a*r.n+b]
	}
	if e, ok := r.Start.graph.Edge(a, b); ok {
		for i, f := range r.Start.graph.Edges() {
			if f.A == e.A && f.B == e.B {
				return r.EdgeTogether[i]
			}
		}
	}
	return math.NaN()
}

// Sample is a plan visited by a chain: Assignment gives the group
// (0..parts−1, numbered in order of the smallest node id) of every node
// id after Step steps of chain Chain.
type Sample struct {
	Chain      int   `json:"chain"`
	Step       int   `json:"step"`
	Assignment []int `json:"region"`
}

// Distribution summarises a sample.
type Distribution struct {
	Min  float64 `json:"min"`
	P05  float64 `json:"p05"`
	P50  float64 `json:"p50"`
	P95  float64 `json:"p95"`
	Max  float64 `json:"max"`
	Mean float64 `json:"mean"`
	// Histogram counts the draws in HistogramBins bins of equal width
	// from Min to Max (the last bin includes Max); one bin when Min = Max.
	Histogram []int `json:"histogram"`
}

// HistogramBins is the number of bins of Distribution.Histogram.
const HistogramBins = 20

// BinWidth returns the width of the histogram's bins.
func (d Distribution) BinWidth() float64 {
	if len(d.Histogram) == 0 {
		return 0
	}
	return (d.Max - d.Min) / float64(len(d.Histogram))
}

func distribution(xs []float64) Distribution {
	if len(xs) == 0 {
		return Distribution{Histogram: []int{}}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	q := func(p float64) float64 { return s[int(math.Round(p*float64(len(s)-1)))] }
	var sum float64
	for _, x := range s {
		sum += x
	}
	d := Distribution{Min: s[0], P05: q(0.05), P50: q(0.5), P95: q(0.95), Max: s[len(s)-1], Mean: sum / float64(len(s))}
	bins := HistogramBins
	if d.Max == d.Min {
		bins = 1
	}
	d.Histogram = make([]int, bins)
	for _, x := range s {
		k := 0
		if bins > 1 {
			k = min(bins-1, int(float64(bins)*(x-d.Min)/(d.Max-d.Min)))
		}
		d.Histogram[k]++
	}
	return d
}

// Ensemble runs ReCom Markov chains over the plans of p with a fixed
// number of groups, each group connected, reaching the floor and (unless
// Unbalanced) at most the ceiling, and summarises the plans visited: the
// distribution of the objective, the group weights and the links between
// groups, how often each pair of units shares a group, and diagnostics
// of convergence.
//
// # Method
//
// The chains start from one plan (Start, Solve's plan, or startPlan's).
// The default proposal (Fast) picks a cut edge uniformly (by rejection
// from all links), merges the two groups it joins, draws a random
// spanning tree of the union (random-weight Kruskal) and cuts one of the
// tree edges whose two sides are both valid groups, chosen uniformly;
// with no such edge in Trees trees the proposal is rejected and the plan
// stays. This is GerryChain's recom proposal with a floor and a ceiling
// instead of a balance band, and the same constraints as Solve. Its
// stationary distribution is not known in closed form. Reversible is the
// reversible ReCom of Cannon, Duchin, Randall and Rule (see
// reversibleStep), whose stationary distribution is the spanning-tree
// distribution over the valid plans. Pinned units (balanceOf) never
// move. Co-occurrence is kept with time stamps: only the pairs inside the
// re-cut region can change, so a step costs O(e log e) for the e links in
// the region, independent of the graph's size.
//
// # Inputs and outputs
//
// Errors: as Solve's for an invalid or infeasible problem; an *Infeasible
// error when no start plan with Parts groups is found, or when more units
// than Parts−1 weigh more than the ceiling; EINVALID when a given Start
// breaks the ceiling; ctx.Err() when cancelled; Sample's error.
//
// # Source
//
// DeFord, Duchin and Solomon, "Recombination: a family of Markov chains for
// redistricting", Harvard Data Science Review 3 (2021); Cannon, Duchin,
// Randall and Rule, "Spanning tree methods for sampling graph partitions"
// (2022), arXiv:2210.01401.
func Ensemble(ctx context.Context, p Problem, s EnsembleSettings) (*EnsembleResult, error) {
	in, err := compile(&p)
	if err != nil {
		return nil, err
	}
	if s.Steps < 0 || s.Parts < 0 || s.Chains < 0 || s.BurnIn < 0 || s.Ceiling < 0 || math.IsNaN(s.Ceiling) || s.Tolerance < 0 || math.IsNaN(s.Tolerance) || s.SampleEvery < 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: ensemble settings must not be negative")
	}
	if len(p.Also) > 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: an ensemble takes one floor; Problem.Also is for Solve")
	}
	if s.Unbalanced && (s.Ceiling > 0 || s.Tolerance > 0) {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: an unbalanced ensemble has no ceiling and no tolerance")
	}
	if s.Ceiling > 0 && s.Ceiling < in.floor {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: the ceiling %s is below the floor %s", num(s.Ceiling), num(in.floor))
	}
	if s.Variant != Fast && s.Variant != Reversible {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: unknown ensemble variant %d", int(s.Variant))
	}
	if s.Variant == Reversible && p.KeepFeasible {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: reversible ReCom cannot keep units that meet the floor as they are (its moves must be reversible); use the default variant")
	}
	steps := s.Steps
	if steps == 0 {
		steps = 1000
	}
	chains := s.Chains
	if chains == 0 {
		chains = 4
	}
	trees := s.Trees
	if trees == 0 {
		trees = 4
	}
	if s.Pairs && in.nodes > 4000 {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: all-pair co-occurrence needs at most 4000 nodes, not %d", in.nodes)
	}
	parts := s.Parts
	var start *state
	switch {
	case s.Start != nil:
		if s.Start.graph != p.Graph {
			return nil, generalist.Errorf(generalist.EINVALID, "optimize: the start plan is of another graph")
		}
		if parts != 0 && parts != s.Start.Count {
			return nil, generalist.Errorf(generalist.EINVALID, "optimize: the start plan has %d groups, not %d", s.Start.Count, parts)
		}
		if err := Check(p, s.Start.group); err != nil {
			return nil, err
		}
		parts = s.Start.Count
		start = stateOf(in, s.Start)
	case parts == 0:
		pl, err := Solve(ctx, p, Settings{Seed: s.Seed, Restarts: 1, Workers: 1})
		if err != nil {
			return nil, err
		}
		parts = pl.Count
		start = stateOf(in, pl)
	}
	bal, err := in.balanceOf(parts, s)
	if err != nil {
		return nil, err
	}
	raised := false
	if start != nil && !s.Unbalanced {
		raised = in.fitStart(&bal, start, s.Ceiling == 0)
		if !bal.fitsState(start) {
			if s.Start != nil {
				return nil, generalist.Errorf(generalist.EINVALID, "optimize: the start plan has a group above the ceiling %s; give a higher ceiling", num(bal.ceiling))
			}
			bal, _ = in.balanceOf(parts, s)
			start = nil // Solve's plan breaks the ceiling: cut one that fits
		}
	}
	if start == nil {
		if start, err = startPlan(ctx, in, parts, bal, s.Seed); err != nil {
			return nil, err
		}
	}
	res := &EnsembleResult{Parts: parts, Seed: s.Seed, Chains: chains, n: in.nodes, Variant: s.Variant.String(),
		Balanced: !s.Unbalanced, Ceiling: bal.ceiling, Ideal: bal.ideal, Tolerance: bal.tolerance, Pinned: in.pinnedNodes(bal), CeilingRaised: raised}
	if s.Unbalanced {
		var total float64
		for _, w := range in.w {
			total += w
		}
		res.Ideal = total / float64(parts)
	}
	res.Start = newPlan(in, start, in.bound(), start.objective(), s.Seed, 0)
	{
		s0 := s
		s0.Pairs = false
		ch := newChain(in, start, s0, 0, trees, bal)
		ch.countLinks()
		ch.record()
		res.StartStatistics = []float64{ch.obj[0], ch.hi[0], ch.lo[0], ch.cut[0]}
	}

	outs := make([]*chain, chains)
	began := time.Now()
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var done int
	report := func(k int) {
		if s.Progress == nil {
			return
		}
		mu.Lock()
		done += k
		s.Progress(done, steps)
		mu.Unlock()
	}
	var smu sync.Mutex
	sample := func(x Sample) error {
		smu.Lock()
		defer smu.Unlock()
		return s.Sample(x)
	}
	if s.Sample == nil || s.SampleEvery == 0 {
		sample = nil
	}
	workers := s.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, chains)
	for range min(chains, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range jobs {
				n := steps / chains
				if c < steps%chains {
					n++
				}
				ch := newChain(in, start.clone(), s, c, trees, bal)
				ch.sample, ch.sampleEvery = sample, s.SampleEvery
				errs[c] = ch.run(ctx, n, s.BurnIn, report)
				ch.steps = n
				outs[c] = ch
			}
		}()
	}
feed:
	for c := range chains {
		select {
		case jobs <- c:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	res.Seconds = time.Since(began).Seconds()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	var obj, lo, hi, cut []float64
	edgeUnit := make([]float64, len(in.nbr))
	var pairs []float64
	if s.Pairs {
		pairs = make([]float64, in.nodes*in.nodes)
	}
	var recorded float64
	series := make([][][]float64, 4)
	var chainSteps, chainAccepted []int
	for _, o := range outs {
		res.Accepted += o.accepted
		obj, lo, hi, cut = append(obj, o.obj...), append(lo, o.lo...), append(hi, o.hi...), append(cut, o.cut...)
		for k, x := range [][]float64{o.obj, o.hi, o.lo, o.cut} {
			series[k] = append(series[k], x)
		}
		chainSteps, chainAccepted = append(chainSteps, o.steps), append(chainAccepted, o.accepted)
		for i, v := range o.edgeT {
			edgeUnit[i] += v
		}
		for i, v := range o.pairT {
			pairs[i] += v
		}
		recorded += float64(len(o.obj))
		res.Final = append(res.Final, newPlan(in, o.st, res.Start.Bound, o.st.objective(), s.Seed, len(res.Final)))
	}
	res.Steps = steps
	res.Objective, res.MinWeight, res.MaxWeight, res.CutEdges = distribution(obj), distribution(lo), distribution(hi), distribution(cut)
	res.Diagnostics = diagnose(StatisticNames, series, chainSteps, chainAccepted)
	if !res.Balanced {
		res.Diagnostics.Warnings = append(res.Diagnostics.Warnings, "unbalanced exploration: no ceiling, so the chains drift towards plans with one giant group")
	}
	// Unit edges to graph edges: nodes of one locked unit are always
	// together.
	res.EdgeTogether = make([]float64, 0, len(p.Graph.Edges()))
	for _, e := range p.Graph.Edges() {
		ua, ub := in.unitOf[e.A], in.unitOf[e.B]
		share := math.NaN()
		switch {
		case ua == ub:
			share = 1
		case recorded > 0:
			for k := in.start[ua]; k < in.start[ua+1]; k++ {
				if in.nbr[k] == ub {
					share = edgeUnit[k] / recorded
				}
			}
			if math.IsNaN(share) { // a link the problem does not allow
				share = 0
			}
		}
		res.EdgeTogether = append(res.EdgeTogether, share)
	}
	if s.Pairs && recorded > 0 {
		res.together = make([]float64, in.nodes*in.nodes)
		for a := range in.nodes {
			for b := a + 1; b < in.nodes; b++ {
				ua, ub := int(in.unitOf[a]), int(in.unitOf[b])
				if ua == ub {
					res.together[a*in.nodes+b] = 1
					continue
				}
				if ua > ub {
					ua, ub = ub, ua
				}
				res.together[a*in.nodes+b] = pairs[ua*in.nodes+ub] / recorded
			}
		}
	}
	return res, nil
}

// StatisticNames are the statistics the diagnostics cover, in order: the
// objective, the heaviest and the lightest group's weight, and the links
// between groups.
var StatisticNames = []string{"objective", "max_weight", "min_weight", "cut_edges"}

// Variant is an ensemble's proposal.
type Variant int

// The variants.
const (
	// Fast is GerryChain's ReCom with a floor and a ceiling: fast, and
	// well mixing, but its stationary distribution is not known.
	Fast Variant = iota
	// Reversible is reversible ReCom (Cannon, Duchin, Randall and Rule):
	// slower, with a known stationary distribution.
	Reversible
)

// String returns "recom" or "reversible".
func (v Variant) String() string {
	switch v {
	case Fast:
		return "recom"
	case Reversible:
		return "reversible"
	}
	return fmt.Sprintf("Variant(%d)", int(v))
}

// ParseVariant parses "recom" (or "") and "reversible".
func ParseVariant(s string) (Variant, error) {
	switch s {
	case "", "recom", "fast":
		return Fast, nil
	case "reversible":
		return Reversible, nil
	}
	return 0, generalist.Errorf(generalist.EINVALID, "variant %q: must be recom or reversible", s)
}
