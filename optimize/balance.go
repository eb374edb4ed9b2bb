package optimize

import (
	"fmt"
	"slices"
)

// DefaultTolerance is the tolerance of an ensemble's default ceiling: a
// group may weigh at most (1 + DefaultTolerance) times the ideal group
// weight. 50 % is wide enough for a floor far below the ideal (most
// structure-search floors) to leave the chains room, and narrow enough
// that no group can swallow a region: without a ceiling the chains drift
// to one giant group (docs/ensembles.md).
const DefaultTolerance = 0.5

// balance is an ensemble's population balance: the ceiling, the ideal
// group weight it was derived from, and the units that weigh more than
// the ceiling on their own.
type balance struct {
	ceiling, ideal, tolerance float64
	// pinned[u]: unit u alone weighs more than the ceiling, so it is a
	// group of its own in every plan (the rule for Oslo).
	pinned []bool
	count  int // pinned units
	// blocks are the frozen groups: each pinned unit with the units that
	// are cut off from every other unit without it (Kvitsøy, whose only
	// neighbour is Stavanger); block[u] is u's block or -1.
	blocks [][]int32
	block  []int32
}

// frozen reports whether unit u is in a frozen block.
func (b *balance) frozen(u int32) bool { return b.block != nil && b.block[u] >= 0 }

// balanceOf returns the balance of an ensemble with parts groups.
//
// # The rule
//
// With an explicit ceiling, a unit heavier than it is a group of its own
// and never changes; so are the units that only it connects to the rest
// of the graph, if they are too light to be a group (Kvitsøy when
// Stavanger is pinned): they join it, and that group is frozen. Without one, the ideal group weight is the total
// weight divided by parts, and the ceiling (1 + tolerance)·ideal; a unit
// heavier than that ceiling is a group of its own, and the ideal is
// recomputed over the other units and the other groups, until no further
// unit is heavier than the ceiling. So Oslo (717 710 inhabitants in 2024)
// is a group of its own in an ensemble of 30 groups of Norway, and the
// other 29 share the rest. With unbalanced, there is no ceiling. When the
// chains start from a given plan or Solve's, fitStart adapts the rule to
// that plan.
func (in *instance) balanceOf(parts int, s EnsembleSettings) (balance, error) {
	b := balance{pinned: make([]bool, in.n)}
	if s.Unbalanced {
		return b, nil
	}
	var total float64
	for _, w := range in.w {
		total += w
	}
	if s.Ceiling > 0 {
		b.ceiling = s.Ceiling
		b.ideal = total / float64(parts)
	} else {
		b.tolerance = s.Tolerance
		if b.tolerance == 0 {
			b.tolerance = DefaultTolerance
		}
		rest, groups := total, parts
		for {
			b.ideal = rest / float64(groups)
			b.ceiling = (1 + b.tolerance) * b.ideal
			more := false
			for u, w := range in.w {
				if !b.pinned[u] && w > b.ceiling {
					b.pinned[u], more = true, true
					rest -= w
					groups--
				}
			}
			if !more || groups < 1 {
				break
			}
		}
	}
	var names []string
	for u, w := range in.w {
		if w > b.ceiling {
			b.pinned[u] = true
		}
		if b.pinned[u] {
			b.count++
			names = append(names, label(in.p.Graph, int(in.members[u][0])))
		}
	}
	b.freeze(in)
	if b.count >= parts {
		return b, &Infeasible{Proven: true, Reasons: []Reason{{Why: fmt.Sprintf("%d units each weigh more than the ceiling %s on their own (%s), so a plan needs more than %d groups",
			b.count, num(b.ceiling), joinNames(names), parts)}}}
	}
	if b.ceiling < in.floor {
		return b, &Infeasible{Proven: true, Reasons: []Reason{{Why: fmt.Sprintf("the ceiling %s (%s above the ideal group weight %s) is below the floor %s: no group can lie between them",
			num(b.ceiling), pct(b.tolerance), num(b.ideal), num(in.floor))}}}
	}
	return b, nil
}

func pct(x float64) string { return fmt.Sprintf("%g %%", 100*x) }

// freeze builds the frozen blocks: every pinned unit, joined by each
// component of the other units that is lighter than the floor and borders
// it (such a component can reach no other group).
func (b *balance) freeze(in *instance) {
	b.blocks, b.block = nil, nil
	if b.count == 0 {
		return
	}
	b.block = make([]int32, in.n)
	for u := range b.block {
		b.block[u] = -1
	}
	for u, p := range b.pinned {
		if p {
			b.block[u] = int32(len(b.blocks))
			b.blocks = append(b.blocks, []int32{int32(u)})
		}
	}
	for _, c := range in.freeComponents(*b) {
		var w float64
		for _, u := range c {
			w += in.w[u]
		}
		if w >= in.floor {
			continue
		}
		target := int32(-1)
		for _, u := range c {
			for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
				if k := b.block[v]; k >= 0 && (target < 0 || k < target) {
					target = k
				}
			}
		}
		if target < 0 {
			continue
		}
		for _, u := range c {
			b.block[u] = target
		}
		b.blocks[target] = append(b.blocks[target], c...)
	}
}

// fitsState reports whether every group of st meets the balance: each
// frozen block is a group as it is, and every other group is at most the
// ceiling.
func (b *balance) fitsState(st *state) bool {
	for _, g := range st.groups {
		if !g.alive {
			continue
		}
		if b.frozen(g.units[0]) {
			k := b.block[g.units[0]]
			if len(g.units) != len(b.blocks[k]) {
				return false
			}
			for _, u := range g.units {
				if b.block[u] != k {
					return false
				}
			}
			continue
		}
		if b.ceiling > 0 && g.w > b.ceiling {
			return false
		}
		for _, u := range g.units {
			if b.frozen(u) {
				return false
			}
		}
	}
	return true
}

// pinnedNodes returns the graph nodes of the frozen blocks, one list per
// block.
func (in *instance) pinnedNodes(b balance) [][]int {
	out := [][]int{}
	for _, blk := range b.blocks {
		var nodes []int
		for _, u := range blk {
			for _, v := range in.members[u] {
				nodes = append(nodes, int(v))
			}
		}
		out = append(out, nodes)
	}
	return out
}

// fitStart fits the balance to a start plan (Start, or Solve's plan):
// the frozen blocks become the start plan's groups that hold a pinned
// unit (a unit heavier than the ceiling keeps the units the plan put
// with it), and, when raise is true (a default ceiling), the ceiling is
// raised to the heaviest other group of the plan if that is heavier,
// with the units pinned anew; it reports whether it raised the ceiling.
// A Solve plan with the most groups often has a merged group above
// (1 + tolerance)·ideal, and no plan with as many groups under that
// ceiling may be within reach.
func (in *instance) fitStart(b *balance, st *state, raise bool) bool {
	raised := false
	for {
		heaviest := 0.0
		for _, g := range st.groups {
			if !g.alive {
				continue
			}
			free := true
			for _, u := range g.units {
				if in.w[u] > b.ceiling {
					free = false
					break
				}
			}
			if free {
				heaviest = max(heaviest, g.w)
			}
		}
		if !raise || heaviest <= b.ceiling {
			break
		}
		b.ceiling, raised = heaviest, true
	}
	b.count = 0
	b.blocks, b.block = nil, make([]int32, in.n)
	for u := range b.block {
		b.block[u] = -1
		b.pinned[u] = in.w[u] > b.ceiling
		if b.pinned[u] {
			b.count++
		}
	}
	if b.count == 0 {
		b.block = nil
		return raised
	}
	for _, g := range st.groups {
		if !g.alive || !slices.ContainsFunc(g.units, func(u int32) bool { return b.pinned[u] }) {
			continue
		}
		for _, u := range g.units {
			b.block[u] = int32(len(b.blocks))
		}
		b.blocks = append(b.blocks, slices.Clone(g.units))
	}
	return raised
}
