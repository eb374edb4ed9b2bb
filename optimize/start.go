package optimize

import (
	"context"
	"fmt"
	"math"

	"generalist"
)

// startPlan returns a plan with exactly parts groups, each valid and at
// most ceiling heavy (0: no ceiling), for the ensemble to start from.
//
// # Method
//
// First a plan with as many groups as Solve finds; with more groups than
// wanted, the adjacent pair with the least combined weight (within the
// ceiling and the constraints) is merged until parts remain. If no plan
// has enough groups the problem has none with parts groups that Solve can
// find, and the error says how many it found and the bound. If merging
// breaks the ceiling, the region is cut recursively along random spanning
// trees instead (GerryChain's recursive_tree_part): each cut takes off one
// group near the remaining weight divided by the groups still to make,
// leaving a remainder that can still be cut into the rest.
//
// Pinned units (see balanceOf) are groups of their own. If the rest of
// the graph is not connected without them, the recursive cut fails and
// the error says so.
//
// Complexity: Solve's, then O(k·m) for the merges; the recursive cut draws
// up to 1000 trees per group, O(e log e) each.
func startPlan(ctx context.Context, in *instance, parts int, b balance, seed uint64) (*state, error) {
	if err := in.feasibility(); err != nil {
		return nil, err
	}
	ceiling := b.ceiling
	se := newSearch(in, seed, 0)
	lightUnits := 0
	for _, h := range in.heavy {
		if !h {
			lightUnits++
		}
	}
	iters := int(itersPerUnit * float64(lightUnits))
	if err := se.countPhase(ctx, iters, max(500, int(patiencePerUnit*float64(lightUnits)))); err != nil {
		return nil, err
	}
	left, err := se.placeRest(ctx)
	if err != nil {
		return nil, err
	}
	if len(left) > 0 || se.st.alive < parts {
		if len(left) == 0 && parts > in.bound() {
			return nil, &Infeasible{Proven: true, Reasons: []Reason{{
				Why: fmt.Sprintf("no plan has %d groups that each reach the floor %s: at most %d can", parts, num(in.floor), in.bound())}}}
		}
		if len(left) == 0 {
			return nil, &Infeasible{Reasons: []Reason{{
				Why: fmt.Sprintf("the search found at most %d groups that each reach the floor %s, not %d (the bound is %d)", se.st.alive, num(in.floor), parts, in.bound())}}}
		}
		return nil, &Infeasible{Reasons: []Reason{{Why: "the search could not place every unit in a valid group"}}}
	}
	if se.mergeTo(parts, ceiling) && b.fitsState(se.st) {
		return se.st, nil
	}
	st, ok := se.treePart(ctx, parts, b)
	if !ok {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: found no plan of %d groups between the floor %s and the ceiling %s", parts, num(in.floor), num(ceiling))
	}
	return st, nil
}

// mergeTo merges adjacent groups, the lightest pair first, until parts are
// left. It reports false if some merge would break the ceiling or the
// constraints before then.
func (se *search) mergeTo(parts int, ceiling float64) bool {
	in, st := se.in, se.st
	for st.alive > parts {
		bestA, bestB, bestW := int32(-1), int32(-1), math.Inf(1)
		for a := range int32(len(st.groups)) {
			if !st.groups[a].alive {
				continue
			}
			se.nbrs = st.neighbours(se.nbrs[:0], a, nil)
			for _, b := range se.nbrs {
				if b < a {
					continue
				}
				w := st.groups[a].w + st.groups[b].w
				if w >= bestW || ceiling > 0 && w > ceiling {
					continue
				}
				if in.constrained {
					se.region = append(append(se.region[:0], st.groups[a].units...), st.groups[b].units...)
					if !in.validGroup(se.region) {
						continue
					}
				}
				bestA, bestB, bestW = a, b, w
			}
		}
		if bestA < 0 {
			return false
		}
		se.region = append(append(se.region[:0], st.groups[bestA].units...), st.groups[bestB].units...)
		merged := append([]int32(nil), se.region...)
		st.remove(bestA)
		st.remove(bestB)
		st.add(merged)
	}
	return true
}

// treePart cuts the whole graph into parts groups recursively along random
// spanning trees; see startPlan. The frozen blocks of b (pinned units and
// the units stranded with them) are groups of their own; the rest is cut
// component by component, each getting its share of the other groups.
func (se *search) treePart(ctx context.Context, parts int, b balance) (*state, bool) {
	in := se.in
	st := newState(in)
	for _, blk := range b.blocks {
		st.add(blk)
	}
	comps := in.freeComponents(b)
	ks, ok := allot(comps, in.w, parts-len(b.blocks), in.floor, b.ceiling)
	if !ok {
		return nil, false
	}
	for i, c := range comps {
		if !se.treePartRegion(ctx, st, c, ks[i], b.ceiling) {
			return nil, false
		}
	}
	return st, true
}

// allot shares k groups among components: each gets at least
// ⌈weight/ceiling⌉ and at most ⌊weight/floor⌋, the rest going one at a
// time to the component with the heaviest groups.
func allot(comps [][]int32, w []float64, k int, floor, ceiling float64) ([]int, bool) {
	ks := make([]int, len(comps))
	wc := make([]float64, len(comps))
	hi := make([]int, len(comps))
	left := k
	for i, c := range comps {
		for _, u := range c {
			wc[i] += w[u]
		}
		hi[i] = int(math.Floor(wc[i]/floor + 1e-9))
		ks[i] = 1
		if ceiling > 0 {
			ks[i] = max(1, int(math.Ceil(wc[i]/ceiling-1e-9)))
		}
		if ks[i] > hi[i] {
			return nil, false
		}
		left -= ks[i]
	}
	for ; left > 0; left-- {
		best := -1
		for i := range comps {
			if ks[i] < hi[i] && (best < 0 || wc[i]/float64(ks[i]) > wc[best]/float64(ks[best])) {
				best = i
			}
		}
		if best < 0 {
			return nil, false
		}
		ks[best]++
	}
	return ks, left == 0
}

// freeComponents returns the connected components (over the allowed
// links) of the units outside the frozen blocks.
func (in *instance) freeComponents(b balance) [][]int32 {
	seen := make([]bool, in.n)
	var comps [][]int32
	for s := range int32(in.n) {
		if seen[s] || b.frozen(s) {
			continue
		}
		seen[s] = true
		c := []int32{s}
		for h := 0; h < len(c); h++ {
			for _, v := range in.nbr[in.start[c[h]]:in.start[c[h]+1]] {
				if !seen[v] && !b.frozen(v) {
					seen[v] = true
					c = append(c, v)
				}
			}
		}
		comps = append(comps, c)
	}
	return comps
}

// treePartRegion cuts the connected units rest into k groups, adding them
// to st.
func (se *search) treePartRegion(ctx context.Context, st *state, rest []int32, k int, ceiling float64) bool {
	in, sp := se.in, se.sp
	var total float64
	for _, u := range rest {
		total += in.w[u]
	}
	for ; k > 1; k-- {
		target := total / float64(k)
		found := false
		for try := 0; try < 1000 && !found; try++ {
			if try&63 == 0 && ctx.Err() != nil {
				return false
			}
			sp.enter(rest)
			if !sp.dfsTree(rest) {
				return false
			}
			best, bestD := -1, math.Inf(1)
			for j := 1; j < len(rest); j++ {
				v := sp.order[j]
				a := sp.open[v]
				b := total - a
				if a < in.floor || ceiling > 0 && a > ceiling || b < float64(k-1)*in.floor || ceiling > 0 && b > float64(k-1)*ceiling {
					continue
				}
				if d := math.Abs(a - target); d < bestD {
					best, bestD = j, d
				}
			}
			if best < 0 {
				continue
			}
			c := cut{v: sp.order[best], lo: best, hi: best + int(sp.lab[best]), w: sp.open[sp.order[best]]}
			a, b := sp.sides(rest, c, nil, nil)
			if in.constrained && !in.validGroup(a) {
				continue
			}
			st.add(a)
			rest = b
			total -= c.w
			found = true
		}
		if !found {
			return false
		}
	}
	if total < in.floor || ceiling > 0 && total > ceiling || in.constrained && !in.validGroup(rest) {
		return false
	}
	st.add(rest)
	return true
}
