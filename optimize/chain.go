package optimize

import (
	"context"
	"math"
	"math/rand/v2"
)

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
	bal      balance
	variant  Variant
	trees    int
	steps    int
	accepted int
	pairs    bool

	// links is the number of unit links between groups; sample, when
	// not nil, receives every sampleEvery-th plan after burn-in.
	links       int
	chainID     int
	sample      func(Sample) error
	sampleEvery int

	cost  []float64 // objective per group id
	total float64

	// Co-occurrence by time stamps: since[k] is the step from which the
	// ends of unit link k (CSR entry, u < v) have been together, or -1;
	// edgeT accumulates the steps together after burn-in.
	since []int64
	edgeT []float64
	pairS []int64 // n×n (units), when pairs
	pairT []float64

	obj, lo, hi, cut []float64
	before           []int32 // group of each region unit before the step
}

func newChain(in *instance, st *state, s EnsembleSettings, c, trees int, bal balance) *chain {
	se := &search{in: in, rng: rand.New(rand.NewPCG(s.Seed, uint64(c)*0x9e3779b97f4a7c15+0x632be59bd9b4e019))}
	se.sp = newSplitter(in, se.rng)
	se.sp.uniform = s.Variant == Reversible
	se.st = st
	ch := &chain{se: se, st: st, ceiling: bal.ceiling, bal: bal, variant: s.Variant, trees: trees, pairs: s.Pairs, chainID: c}
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
	ch.countLinks()
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
		if ch.variant == Reversible {
			ch.reversibleStep(int64(t), t0)
		} else {
			ch.step(int64(t), t0)
		}
		if t >= burnIn {
			ch.record()
			if ch.sample != nil && (t+1)%ch.sampleEvery == 0 {
				if err := ch.emit(t + 1); err != nil {
					return err
				}
			}
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

// record appends the objective, the extreme weights of the groups that
// may change (not the frozen blocks, which never do) and the links
// between groups.
func (ch *chain) record() {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, g := range ch.st.groups {
		if g.alive && !ch.bal.frozen(g.units[0]) {
			lo, hi = math.Min(lo, g.w), math.Max(hi, g.w)
		}
	}
	ch.obj = append(ch.obj, ch.total)
	ch.lo = append(ch.lo, lo)
	ch.hi = append(ch.hi, hi)
	ch.cut = append(ch.cut, float64(ch.links))
}

// countLinks counts the unit links between groups.
func (ch *chain) countLinks() {
	in, st := ch.se.in, ch.st
	ch.links = 0
	for u := range int32(in.n) {
		for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
			if u < v && st.part[u] != st.part[v] {
				ch.links++
			}
		}
	}
}

// emit passes the current plan to sample.
func (ch *chain) emit(step int) error {
	in := ch.se.in
	ug, _ := ch.st.assignment()
	a := make([]int, in.nodes)
	for v := range a {
		a[v] = int(ug[in.unitOf[v]])
	}
	return ch.sample(Sample{Chain: ch.chainID, Step: step, Assignment: a})
}

// pinnedGroup reports whether group id is a frozen block (a pinned unit
// and the units stranded with it).
func (ch *chain) pinnedGroup(id int32) bool {
	g := &ch.st.groups[id]
	return len(g.units) > 0 && ch.bal.frozen(g.units[0])
}

// step is one ReCom proposal at time t; stamps count from t0 (burn-in).
func (ch *chain) step(t, t0 int64) {
	se, in, st, rng, sp := ch.se, ch.se.in, ch.st, ch.se.rng, ch.se.sp
	if st.alive < 2 || len(in.nbr) == 0 {
		return
	}
	var ga, gb int32
	for try := 0; ; try++ {
		if try > 1000+64*len(in.nbr) {
			return // no pair of groups that may change
		}
		k := rng.IntN(len(in.nbr))
		// The unit owning CSR entry k: binary search the offsets.
		u := int32(sortSearch(in.start, int32(k)))
		ga, gb = st.part[u], st.part[in.nbr[k]]
		if ga != gb && !ch.pinnedGroup(ga) && !ch.pinnedGroup(gb) {
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
	se.sideA, se.sideB = sp.sides(region, *chosen, se.sideA, se.sideB)
	ch.apply(ga, gb, t, t0)
}

// apply replaces groups ga and gb by se.sideA and se.sideB (the two sides
// of a cut of their union, se.region) at step t, and updates the
// objective, the links between groups and the co-occurrence stamps.
func (ch *chain) apply(ga, gb int32, t, t0 int64) {
	se, in, st, sp := ch.se, ch.se.in, ch.st, ch.se.sp
	region := se.region
	ch.accepted++
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
			if together {
				ch.links--
			} else {
				ch.links++
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
