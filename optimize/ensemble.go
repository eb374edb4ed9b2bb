package optimize

import (
	"context"
	"math"
	"math/rand/v2"
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
	// Ceiling = (1+ε)·ideal).
	Ceiling float64
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
	// Steps and Accepted count the proposals in all and those that
	// changed the plan.
	Steps    int `json:"steps"`
	Accepted int `json:"accepted"`
	// Seeds are the seeds of the chains: chain c is (Seed, c).
	Seed   uint64 `json:"seed"`
	Chains int    `json:"chains"`
	// Objective, MinWeight and MaxWeight are distributions over the steps
	// after burn-in: the secondary objective, and the weight of the
	// lightest and the heaviest group.
	Objective Distribution `json:"objective"`
	MinWeight Distribution `json:"min_weight"`
	MaxWeight Distribution `json:"max_weight"`
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

// Distribution summarises a sample.
type Distribution struct {
	Min  float64 `json:"min"`
	P05  float64 `json:"p05"`
	P50  float64 `json:"p50"`
	P95  float64 `json:"p95"`
	Max  float64 `json:"max"`
	Mean float64 `json:"mean"`
}

func distribution(xs []float64) Distribution {
	if len(xs) == 0 {
		return Distribution{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	q := func(p float64) float64 { return s[int(math.Round(p*float64(len(s)-1)))] }
	var sum float64
	for _, x := range s {
		sum += x
	}
	return Distribution{Min: s[0], P05: q(0.05), P50: q(0.5), P95: q(0.95), Max: s[len(s)-1], Mean: sum / float64(len(s))}
}

// Ensemble runs ReCom Markov chains over the plans of p with a fixed
// number of groups, each group connected and between the floor and the
// ceiling, and summarises the plans visited: the distribution of the
// objective and of the group weights, and how often each pair of units
// shares a group.
//
// # Method
//
// The chains start from startPlan's plan. Each step picks a cut edge
// uniformly (by rejection from all links), merges the two groups it joins,
// draws a random spanning tree of the union (random-weight Kruskal) and
// cuts one of the tree edges whose two sides are both valid groups, chosen
// uniformly; with no such edge in Trees trees the proposal is rejected and
// the plan stays. This is GerryChain's recom proposal with a floor (and
// optional ceiling) instead of a balance band, and the same constraints as
// Solve. Co-occurrence is kept with time stamps: only the pairs inside the
// re-cut region can change, so a step costs O(e log e) for the e links in
// the region, independent of the graph's size.
//
// # Inputs and outputs
//
// Errors: as Solve's for an invalid or infeasible problem; an *Infeasible
// error when no start plan with Parts groups is found; ctx.Err() when
// cancelled.
//
// # Source
//
// DeFord, Duchin and Solomon, "Recombination: a family of Markov chains for
// redistricting", Harvard Data Science Review 3 (2021).
func Ensemble(ctx context.Context, p Problem, s EnsembleSettings) (*EnsembleResult, error) {
	in, err := compile(&p)
	if err != nil {
		return nil, err
	}
	if s.Steps < 0 || s.Parts < 0 || s.Chains < 0 || s.BurnIn < 0 || s.Ceiling < 0 || math.IsNaN(s.Ceiling) {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: ensemble settings must not be negative")
	}
	if s.Ceiling > 0 && s.Ceiling < in.floor {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: the ceiling %s is below the floor %s", num(s.Ceiling), num(in.floor))
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
	default:
		if start, err = startPlan(ctx, in, parts, s.Ceiling, s.Seed); err != nil {
			return nil, err
		}
	}
	if s.Ceiling > 0 {
		for _, g := range start.groups {
			if g.alive && g.w > s.Ceiling {
				return nil, generalist.Errorf(generalist.EINVALID, "optimize: the start plan has a group of %s, above the ceiling %s", num(g.w), num(s.Ceiling))
			}
		}
	}
	res := &EnsembleResult{Parts: parts, Seed: s.Seed, Chains: chains, n: in.nodes}
	res.Start = newPlan(in, start, in.bound(), start.objective(), s.Seed, 0)

	type chainOut struct {
		accepted    int
		obj, lo, hi []float64
		edge        []float64 // per unit edge
		pairs       []float64
		final       *state
		err         error
	}
	outs := make([]chainOut, chains)
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
	workers := s.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for range min(chains, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range jobs {
				n := steps / chains
				if c < steps%chains {
					n++
				}
				ch := newChain(in, start.clone(), s, c, trees)
				o := &outs[c]
				o.err = ch.run(ctx, n, s.BurnIn, report)
				o.accepted, o.obj, o.lo, o.hi, o.edge, o.pairs, o.final = ch.accepted, ch.obj, ch.lo, ch.hi, ch.edgeT, ch.pairT, ch.st
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
	var obj, lo, hi []float64
	edgeUnit := make([]float64, len(in.nbr))
	var pairs []float64
	if s.Pairs {
		pairs = make([]float64, in.nodes*in.nodes)
	}
	var recorded float64
	for _, o := range outs {
		if o.err != nil {
			return nil, o.err
		}
		res.Accepted += o.accepted
		obj, lo, hi = append(obj, o.obj...), append(lo, o.lo...), append(hi, o.hi...)
		for i, v := range o.edge {
			edgeUnit[i] += v
		}
		for i, v := range o.pairs {
			pairs[i] += v
		}
		recorded += float64(len(o.obj))
		res.Final = append(res.Final, newPlan(in, o.final, res.Start.Bound, o.final.objective(), s.Seed, len(res.Final)))
	}
	res.Steps = steps
	res.Objective, res.MinWeight, res.MaxWeight = distribution(obj), distribution(lo), distribution(hi)
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

// stateOf rebuilds a search state from a plan of the same instance.
func stateOf(in *instance, pl *Plan) *state {
	st := newState(in)
	buckets := make([][]int32, pl.Count)
	for u := range in.n {
		k := pl.group[in.members[u][0]]
		buckets[k] = append(buckets[k], int32(u))
	}
	for _, b := range buckets {
		st.add(b)
	}
	return st
}

// chain is one ReCom chain.
type chain struct {
	se       *search
	st       *state
	ceiling  float64
	trees    int
	accepted int
	pairs    bool

	cost  []float64 // objective per group id
	total float64

	// Co-occurrence by time stamps: since[k] is the step from which the
	// ends of unit link k (CSR entry, u < v) have been together, or -1;
	// edgeT accumulates the steps together after burn-in.
	since []int64
	edgeT []float64
	pairS []int64 // n×n (units), when pairs
	pairT []float64

	obj, lo, hi []float64
	before      []int32 // group of each region unit before the step
}

func newChain(in *instance, st *state, s EnsembleSettings, c, trees int) *chain {
	se := &search{in: in, rng: rand.New(rand.NewPCG(s.Seed, uint64(c)*0x9e3779b97f4a7c15+0x632be59bd9b4e019))}
	se.sp = newSplitter(in, se.rng)
	se.st = st
	ch := &chain{se: se, st: st, ceiling: s.Ceiling, trees: trees, pairs: s.Pairs}
	ch.cost = make([]float64, len(st.groups))
	for id, g := range st.groups {
		if g.alive {
			ch.cost[id] = in.groupCost(g.units, st.part)
			ch.total += ch.cost[id]
		}
	}
	ch.since = make([]int64, len(in.nbr))
	ch.edgeT = make([]float64, len(in.nbr))
	if s.Pairs {
		ch.pairS = make([]int64, in.n*in.n)
		ch.pairT = make([]float64, in.n*in.n)
	}
	return ch
}

// run makes n proposals, recording the steps from burnIn on.
func (ch *chain) run(ctx context.Context, n, burnIn int, report func(int)) error {
	in, st := ch.se.in, ch.st
	// Stamps start at burn-in: pairs together then count from there.
	t0 := int64(min(burnIn, n))
	for u := range int32(in.n) {
		for k := in.start[u]; k < in.start[u+1]; k++ {
			ch.since[k] = -1
			if v := in.nbr[k]; u < v && st.part[u] == st.part[v] {
				ch.since[k] = t0
			}
		}
	}
	if ch.pairs {
		for a := range in.n {
			for b := a + 1; b < in.n; b++ {
				ch.pairS[a*in.n+b] = -1
				if st.part[a] == st.part[b] {
					ch.pairS[a*in.n+b] = t0
				}
			}
		}
	}
	const every = 1024
	reported := 0
	for t := range n {
		if t%every == 0 && t > 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			report(every)
			reported += every
		}
		ch.step(int64(t), t0)
		if t >= burnIn {
			ch.record()
		}
	}
	report(n - reported)
	// Close the stamps.
	end := int64(n)
	for u := range int32(in.n) {
		for k := in.start[u]; k < in.start[u+1]; k++ {
			if ch.since[k] >= 0 && end > ch.since[k] {
				ch.edgeT[k] += float64(end - ch.since[k])
			}
		}
	}
	if ch.pairs {
		for i, s := range ch.pairS {
			if s >= 0 && end > s {
				ch.pairT[i] += float64(end - s)
			}
		}
	}
	// Mirror unit-link counts to both CSR entries.
	for u := range int32(in.n) {
		for k := in.start[u]; k < in.start[u+1]; k++ {
			if v := in.nbr[k]; u > v {
				for j := in.start[v]; j < in.start[v+1]; j++ {
					if in.nbr[j] == u {
						ch.edgeT[k] = ch.edgeT[j]
					}
				}
			}
		}
	}
	return nil
}

// record appends the objective and the extreme group weights.
func (ch *chain) record() {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, g := range ch.st.groups {
		if g.alive {
			lo, hi = math.Min(lo, g.w), math.Max(hi, g.w)
		}
	}
	ch.obj = append(ch.obj, ch.total)
	ch.lo = append(ch.lo, lo)
	ch.hi = append(ch.hi, hi)
}

// step is one ReCom proposal at time t; stamps count from t0 (burn-in).
func (ch *chain) step(t, t0 int64) {
	se, in, st, rng, sp := ch.se, ch.se.in, ch.st, ch.se.rng, ch.se.sp
	if st.alive < 2 || len(in.nbr) == 0 {
		return
	}
	var ga, gb int32
	for {
		k := rng.IntN(len(in.nbr))
		// The unit owning CSR entry k: binary search the offsets.
		u := int32(sortSearch(in.start, int32(k)))
		ga, gb = st.part[u], st.part[in.nbr[k]]
		if ga != gb {
			break
		}
	}
	A, B := st.groups[ga].units, st.groups[gb].units
	total := st.groups[ga].w + st.groups[gb].w
	se.region = append(append(se.region[:0], A...), B...)
	region := se.region
	var chosen *cut
	for range ch.trees {
		sp.enter(region)
		if !sp.dfsTree(region) {
			return
		}
		se.cutBuf = sp.cuts(se.cutBuf[:0], region, total, ch.ceiling)
		if in.constrained {
			kept := se.cutBuf[:0]
			for _, c := range se.cutBuf {
				se.sideA, se.sideB = sp.sides(region, c, se.sideA, se.sideB)
				if in.validGroup(se.sideA) && in.validGroup(se.sideB) &&
					(!in.p.KeepFeasible || se.keepsHeavy(A, B, se.sideA, se.sideB)) {
					kept = append(kept, c)
				}
			}
			se.cutBuf = kept
		}
		if len(se.cutBuf) > 0 {
			chosen = &se.cutBuf[rng.IntN(len(se.cutBuf))]
			break
		}
	}
	if chosen == nil {
		return
	}
	ch.accepted++
	se.sideA, se.sideB = sp.sides(region, *chosen, se.sideA, se.sideB)
	ch.before = append(ch.before[:0], region...)
	for i, u := range region {
		ch.before[i] = st.part[u]
	}
	ch.total -= ch.cost[ga] + ch.cost[gb]
	st.remove(ga)
	st.remove(gb)
	na, nb := st.add(se.sideA), st.add(se.sideB)
	for int(max(na, nb)) >= len(ch.cost) {
		ch.cost = append(ch.cost, 0)
	}
	ch.cost[na] = in.groupCost(st.groups[na].units, st.part)
	ch.cost[nb] = in.groupCost(st.groups[nb].units, st.part)
	ch.total += ch.cost[na] + ch.cost[nb]
	// Co-occurrence: only links and pairs inside the region can change.
	now := max(t+1, t0)
	sp.enter(region)
	for i, u := range region {
		was := ch.before[i]
		for k := in.start[u]; k < in.start[u+1]; k++ {
			v := in.nbr[k]
			if v < u || !sp.inRegion(v) {
				continue
			}
			together := st.part[u] == st.part[v]
			wasTogether := was == ch.before[sp.loc[v]]
			if together == wasTogether {
				continue
			}
			stamp(&ch.since[k], &ch.edgeT[k], wasTogether, now)
		}
	}
	if ch.pairs {
		n := in.n
		for i, u := range region {
			for j, v := range region {
				if v <= u {
					continue
				}
				together := st.part[u] == st.part[v]
				wasTogether := ch.before[i] == ch.before[j]
				if together == wasTogether {
					continue
				}
				k := int(u)*n + int(v)
				stamp(&ch.pairS[k], &ch.pairT[k], wasTogether, now)
			}
		}
	}
}

// stamp records that a link or pair of units went apart or came together
// at step now: one that was together adds the steps since *since to
// *total, and one that came together counts from now.
func stamp(since *int64, total *float64, wasTogether bool, now int64) {
	if wasTogether {
		if now > *since {
			*total += float64(now - *since)
		}
		*since = -1
	} else {
		*since = now
	}
}

// sortSearch returns the largest u with start[u] ≤ k.
func sortSearch(start []int32, k int32) int {
	lo, hi := 0, len(start)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if start[mid] <= k {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}
