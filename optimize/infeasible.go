package optimize

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"generalist"
	"generalist/graph"
)

// ErrInfeasible is the sentinel of an *Infeasible error: errors.Is(err,
// ErrInfeasible) reports whether Solve found no plan.
var ErrInfeasible = errors.New("optimize: infeasible problem")

// Infeasible explains why there is no plan. When Proven is true the reasons
// show that no valid plan exists; otherwise the search failed to find one
// (the constraints may be satisfiable, but the search could not place the
// listed units).
type Infeasible struct {
	Proven  bool
	Reasons []Reason
}

// Reason is one cause of infeasibility: the units concerned, the most
// weight they can gather, and a sentence saying why.
type Reason struct {
	// Nodes are the graph node ids concerned, in increasing order.
	Nodes []int `json:"nodes"`
	// Codes are their codes (municipality numbers).
	Codes []string `json:"codes"`
	// Weight is the most weight a group with them can gather under the
	// constraints (0 when not meaningful).
	Weight float64 `json:"weight"`
	// Why is a sentence for the user.
	Why string `json:"why"`
	// Kind says which test found the reason: "total" (the floor is above
	// the total of all units), "isolated" (a part of the graph cut off by
	// regions or the sea is below the floor), "distance" (no group within
	// MaxKm reaches the floor), "together" (groups within MaxKm reach each
	// floor but none all of them) or "search" (the search could not place
	// the units; not proven); empty for the ensemble's reasons.
	Kind string `json:"kind,omitempty"`
	// Floors name the floors the reason is about, when the problem has
	// several (Problem.Also; Problem.Name for Weight's): one when a single
	// floor is out of reach, all of them when each can be reached but not
	// all at once. Empty for a problem with one floor.
	Floors []string `json:"floors,omitempty"`
}

// Error returns the reasons, one sentence each.
func (e *Infeasible) Error() string {
	var b strings.Builder
	if e.Proven {
		b.WriteString("no plan meets the criteria: ")
	} else {
		b.WriteString("no plan found: ")
	}
	for i, r := range e.Reasons {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(r.Why)
	}
	return b.String()
}

// Is reports whether target is ErrInfeasible.
func (e *Infeasible) Is(target error) bool { return target == ErrInfeasible }

// Unwrap returns the message as an EINVALID *generalist.Error, so that the
// CLI and the web show it to the user. Its key (err.search.infeasible when
// proven, err.search.notfound otherwise) lets the web word it; the
// parameter is the municipality numbers concerned (at most eight, then
// "…"); without any, the key ends in ".all".
func (e *Infeasible) Unwrap() error {
	key := "err.search.notfound"
	if e.Proven {
		key = "err.search.infeasible"
	}
	var codes []string
	for _, r := range e.Reasons {
		for _, c := range r.Codes {
			if !slices.Contains(codes, c) {
				codes = append(codes, c)
			}
		}
	}
	if len(codes) > 8 {
		codes = append(codes[:8], "…")
	}
	if len(codes) == 0 {
		key += ".all"
	}
	return &generalist.Error{Code: generalist.EINVALID, Message: e.Error(), Key: key, Args: []any{strings.Join(codes, ", ")}}
}

// feasibility returns an *Infeasible error when the problem has provably
// no plan: the floor above the total weight, a part of the graph cut off
// (by regions or without sea links) whose weight stays below the floor,
// or, with MaxKm, units that no group within the distance limit can
// lift to the floor. It returns nil otherwise; the search may still fail
// under forbidden pairs or MaxKm, which are checked only per unit.
//
// Complexity: O(n + m), plus O(n·(n + m)) with MaxKm.
func (in *instance) feasibility() error {
	p, g := in.p, in.p.Graph
	for d := range in.dims() {
		var total float64
		for u := range int32(in.n) {
			total += in.dimWeight(d, u)
		}
		if total < in.dimFloor(d) {
			return &Infeasible{Proven: true, Reasons: []Reason{{
				Nodes: allNodes(in.nodes), Codes: codes(g, allNodes(in.nodes)), Weight: total, Floors: in.floorNames(d), Kind: "total",
				Why: fmt.Sprintf("%s is above the total of all units, %s", in.floorText(d), num(total)),
			}}}
		}
	}
	var reasons []Reason
	// Parts of the graph, over the allowed links, below the floor.
	full := g.Components() // with every link
	compOf := make([]int, in.nodes)
	for k, c := range full {
		for _, v := range c {
			compOf[v] = k
		}
	}
	for _, comp := range in.components() {
		for d := range in.dims() {
			var w float64
			for _, u := range comp {
				w += in.dimWeight(d, u)
			}
			if w >= in.dimFloor(d) {
				continue
			}
			var nodes []int
			for _, u := range comp {
				for _, v := range in.members[u] {
					nodes = append(nodes, int(v))
				}
			}
			sortInts(nodes)
			var why []string
			names := names(g, nodes)
			if p.NoSeaLinks && cutBySea(g, nodes) {
				why = append(why, "without sea links")
			}
			if p.Region != nil && crossesRegion(g, nodes, p) {
				why = append(why, fmt.Sprintf("within region %s", p.Region[nodes[0]]))
			}
			cause := ""
			if len(why) > 0 {
				cause = " (" + strings.Join(why, ", ") + ")"
			}
			subject := names + " reach only "
			if len(nodes) == 1 {
				subject = names + " reaches only "
			}
			reasons = append(reasons, Reason{Nodes: nodes, Codes: codes(g, nodes), Weight: w, Floors: in.floorNames(d), Kind: "isolated",
				Why: fmt.Sprintf("%s%s, below %s, and can be grouped with no other unit%s", subject, num(w), in.floorText(d), cause)})
			break // one reason per part of the graph
		}
	}
	if len(reasons) == 0 && in.maxKm > 0 {
		reasons = in.distanceReasons()
	}
	if len(reasons) > 0 {
		return &Infeasible{Proven: true, Reasons: reasons}
	}
	return nil
}

// components returns the connected components of the units over the
// allowed links.
func (in *instance) components() [][]int32 {
	seen := make([]bool, in.n)
	var comps [][]int32
	for s := range int32(in.n) {
		if seen[s] {
			continue
		}
		seen[s] = true
		comp := []int32{s}
		for h := 0; h < len(comp); h++ {
			u := comp[h]
			for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
				if !seen[v] {
					seen[v] = true
					comp = append(comp, v)
				}
			}
		}
		comps = append(comps, comp)
	}
	return comps
}

// crossesRegion reports whether the nodes have a link, allowed but for the
// regions, to a node of another region.
func crossesRegion(g *graph.Graph, nodes []int, p *Problem) bool {
	for _, v := range nodes {
		for _, e := range g.Incident(v) {
			if o := e.A + e.B - v; p.Region[o] != p.Region[v] && !(p.NoSeaLinks && e.Kind == graph.Bridge) {
				return true
			}
		}
	}
	return false
}

// cutBySea reports whether the nodes have a bridge link to a node outside.
func cutBySea(g *graph.Graph, nodes []int) bool {
	in := map[int]bool{}
	for _, v := range nodes {
		in[v] = true
	}
	for _, v := range nodes {
		for _, e := range g.Incident(v) {
			if e.Kind == graph.Bridge && !in[e.A+e.B-v] {
				return true
			}
		}
	}
	return false
}

// distanceReasons finds the light units that no valid group can contain
// under MaxKm: for every possible centre c within reach, the units that may
// share a group centred on c (all member nodes within MaxKm of c's head,
// and not outranking c as centre) are searched from c; a unit is placeable
// if one such search reaches it with a total weight at or above the floor.
func (in *instance) distanceReasons() []Reason {
	g := in.p.Graph
	dims := in.dims()
	ok := make([]bool, in.n)
	best := make([][]float64, dims) // per dimension, most weight reachable with the unit
	for d := range best {
		best[d] = make([]float64, in.n)
	}
	for u := range in.n {
		ok[u] = in.heavy[u] && in.compatibleAlone(int32(u))
	}
	within := func(u, c int32) bool {
		h := in.head[c]
		for _, v := range in.members[u] {
			if in.dist(v, h) > in.maxKm {
				return false
			}
		}
		return u == c || !in.heavier(u, c)
	}
	mark := make([]int32, in.n)
	for i := range mark {
		mark[i] = -1
	}
	var comp []int32
	w := make([]float64, dims)
	for c := range int32(in.n) {
		if !within(c, c) {
			continue // a locked unit wider than the limit
		}
		comp = append(comp[:0], c)
		mark[c] = c
		clear(w)
		for h := 0; h < len(comp); h++ {
			u := comp[h]
			for d := range dims {
				w[d] += in.dimWeight(d, u)
			}
			for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
				if mark[v] != c && within(v, c) {
					mark[v] = c
					comp = append(comp, v)
				}
			}
		}
		all := true
		for d := range dims {
			all = all && w[d] >= in.dimFloor(d)
		}
		for _, u := range comp {
			for d := range dims {
				best[d][u] = math.Max(best[d][u], w[d])
			}
			if all {
				ok[u] = true
			}
		}
	}
	// One reason per floor out of reach (the first such floor of each
	// unit), then one for the units that reach each floor but not all at
	// once.
	var reasons []Reason
	bad := make([][]int, dims+1)
	weight := make([]float64, dims)
	for u := range in.n {
		if ok[u] {
			continue
		}
		k := dims
		for d := range dims {
			if best[d][u] < in.dimFloor(d) {
				k = d
				weight[d] = math.Max(weight[d], best[d][u])
				break
			}
		}
		for _, v := range in.members[u] {
			bad[k] = append(bad[k], int(v))
		}
	}
	for d, nodes := range bad {
		if len(nodes) == 0 {
			continue
		}
		sortInts(nodes)
		if d == dims {
			reasons = append(reasons, Reason{Nodes: nodes, Codes: codes(g, nodes), Floors: in.floorNames(-1), Kind: "together",
				Why: fmt.Sprintf("%s can reach each floor but not all at once with units within %s km of a group centre",
					names(g, nodes), num(in.maxKm))})
			continue
		}
		reasons = append(reasons, Reason{Nodes: nodes, Codes: codes(g, nodes), Weight: weight[d], Floors: in.floorNames(d), Kind: "distance",
			Why: fmt.Sprintf("%s cannot reach %s with units within %s km of a group centre (at most %s)",
				names(g, nodes), in.floorText(d), num(in.maxKm), num(weight[d]))})
	}
	return reasons
}

// compatibleAlone reports whether unit u is a valid group on its own as
// far as MaxKm goes (a locked unit may be wider than the limit).
func (in *instance) compatibleAlone(u int32) bool {
	return in.compatible([]int32{u}, u)
}

func allNodes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func codes(g *graph.Graph, nodes []int) []string {
	out := make([]string, len(nodes))
	for i, v := range nodes {
		out[i] = g.Node(v).Code
	}
	return out
}

func names(g *graph.Graph, nodes []int) string {
	s := make([]string, len(nodes))
	for i, v := range nodes {
		s[i] = label(g, v)
	}
	return joinNames(s)
}

func sortInts(s []int) { slices.Sort(s) }

// num formats a weight or distance for a message: whole numbers with
// thin-space grouping, others with up to two decimals.
func num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return generalist.Persons(int64(v)).String()
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}
