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
// Complexity: Solve's, then O(k·m) for the merges; the recursive cut draws
// up to 1000 trees per group, O(e log e) each.
func startPlan(ctx context.Context, in *instance, parts int, ceiling float64, seed uint64) (*state, error) {
	if err := in.feasibility(); err != nil {
		return nil, err
	}
	for u := range in.n {
		if ceiling > 0 && in.w[u] > ceiling {
			v := in.members[u][0]
			return nil, &Infeasible{Proven: true, Reasons: []Reason{{Nodes: []int{int(v)}, Codes: []string{in.p.Graph.Node(int(v)).Code}, Weight: in.w[u],
				Why: fmt.Sprintf("%s alone weighs %s, above the ceiling %s", label(in.p.Graph, int(v)), num(in.w[u]), num(ceiling))}}}
		}
	}
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
	if se.mergeTo(parts, ceiling) {
		return se.st, nil
	}
	st, ok := se.treePart(ctx, parts, ceiling)
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
// spanning trees; see startPlan.
func (se *search) treePart(ctx context.Context, parts int, ceiling float64) (*state, bool) {
	in, sp := se.in, se.sp
	st := newState(in)
	rest := make([]int32, in.n)
	for i := range rest {
		rest[i] = int32(i)
	}
	var total float64
	for _, w := range in.w {
		total += w
	}
	for k := parts; k > 1; k-- {
		target := total / float64(k)
		found := false
		for try := 0; try < 1000 && !found; try++ {
			if try&63 == 0 && ctx.Err() != nil {
				return nil, false
			}
			sp.enter(rest)
			if !sp.dfsTree(rest) {
				return nil, false
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
			return nil, false
		}
	}
	if in.constrained && !in.validGroup(rest) {
		return nil, false
	}
	st.add(rest)
	return st, true
}
