package optimize

import (
	"fmt"
	"math"
	"runtime"
	"slices"

	"generalist"
	"generalist/graph"
)

// Objective is the secondary objective that Solve minimises among plans
// with the most groups.
type Objective int

// The secondary objectives.
const (
	// Distance is the weighted distance from each unit to its group's
	// centre, Σ wᵢ·d(i, centre), in weight·km (person-km for population).
	// A group's centre is its member with the largest weight (the
	// municipality whose centre would most likely host the merged
	// administration); ties go to the smaller node id.
	Distance Objective = iota
	// Border is the total length, in km, of the borders between units in
	// different groups (the cut); rook edges carry their shared border,
	// queen and bridge edges none.
	Border
	// Heterogeneity is PySAL spopt's max-p objective: the sum over groups
	// of the pairwise L1 differences of Problem.Attributes between
	// members. With the default attributes (centroid x, y in km) it is the
	// compactness measure of the benchmark README.
	Heterogeneity
)

// Objectives lists the objectives in order.
var Objectives = []Objective{Distance, Border, Heterogeneity}

// String returns "distance", "border" or "heterogeneity".
func (o Objective) String() string {
	switch o {
	case Distance:
		return "distance"
	case Border:
		return "border"
	case Heterogeneity:
		return "heterogeneity"
	}
	return fmt.Sprintf("Objective(%d)", int(o))
}

// ParseObjective parses the name of an objective.
func ParseObjective(s string) (Objective, error) {
	for _, o := range Objectives {
		if o.String() == s {
			return o, nil
		}
	}
	return 0, generalist.Errorf(generalist.EINVALID, "objective %q: must be distance, border or heterogeneity", s)
}

// Problem is a threshold-grouping (max-p) problem: partition the nodes of
// Graph into connected groups whose Weight reaches Floor, as many groups
// as possible, then with the least Objective. The zero values of the
// optional fields mean "no such constraint".
type Problem struct {
	// Graph is the adjacency graph; node i is unit i. Required.
	Graph *graph.Graph
	// Weight is the additive quantity the floor applies to, per node id:
	// population, or a task's expected FTEs. Required; len(Weight) =
	// Graph.Len(), every value finite and ≥ 0.
	Weight []float64
	// Floor is the least weight of a group; > 0.
	Floor float64
	// Objective is the secondary objective (default Distance).
	Objective Objective
	// Attributes are, per node, the values whose pairwise L1 differences
	// the Heterogeneity objective sums. Nil means the centroid (x, y) in
	// km. When set, len(Attributes) = Graph.Len() and every row has the
	// same length.
	Attributes [][]float64

	// KeepFeasible keeps units that meet the floor on their own as they
	// are wherever possible ("only the vulnerable move"): two such units
	// are never in one group, they never move, and a unit below the floor
	// joins one of them only when it cannot be placed in a group of units
	// below the floor.
	KeepFeasible bool
	// Region, when not nil, gives each node a region (a county number):
	// groups never cross regions. len(Region) = Graph.Len().
	Region []string
	// MaxKm, when > 0, bounds the distance from every member to its
	// group's centre (the member with the largest weight, as for
	// Distance), measured between centroids on the UTM plane.
	MaxKm generalist.Km
	// Locked lists sets of node ids that must end up in one group; other
	// units may join them. Each set must be connected and the sets
	// disjoint.
	Locked [][]int
	// Forbidden lists pairs of node ids that must not be in one group.
	Forbidden [][2]int
	// NoSeaLinks drops the graph's Bridge edges, so that island units are
	// grouped only with units they share a border with.
	NoSeaLinks bool

	// Also lists further additive quantities, each with a floor of its
	// own, that every group must reach as well as Weight's Floor: the
	// floors of several tasks at once (see Dimension). A unit is then
	// "heavy" only when it meets every floor alone. Nil means none.
	Also []Dimension
	// Name names Weight in the reasons of an infeasible problem when Also
	// is set (a task id); it may be empty otherwise.
	Name string
	// Centre, when not nil, ranks the members of a group as its centre
	// (the largest value, ties to the smaller node id) and weighs the
	// Distance objective, instead of Weight: a population, so that the
	// centre of a group weighed by a task's FTEs is its most populous
	// member. len(Centre) = Graph.Len(), every value finite and ≥ 0.
	Centre []float64
}

// Settings tunes Solve. The zero value gives sensible defaults.
type Settings struct {
	// Seed seeds the random choices; the same Problem, Settings and Seed
	// give the same plan, whatever the number of workers.
	Seed uint64
	// Restarts is the number of independent searches, each with its own
	// random stream; the best plan wins. Zero means 2.
	Restarts int
	// Effort scales the number of improvement moves of each search; zero
	// means 1. Larger values search longer and may find more groups or a
	// better objective.
	Effort float64
	// Workers is the number of goroutines running restarts; zero means
	// GOMAXPROCS. It does not change the result.
	Workers int
	// Progress, when not nil, is called after each restart with the
	// number done and the total, from any goroutine, one call at a time.
	Progress func(done, total int)
	// LeaveOut, when the search cannot place every unit, returns the best
	// plan of the units it placed instead of an *Infeasible error of kind
	// "search": the nodes left out are in Plan.Left, in no group. The best
	// restart is then the one that leaves out the fewest nodes, then the
	// one with the most groups. Proven infeasibility is still an error.
	LeaveOut bool
}

func (s Settings) restarts() int {
	if s.Restarts > 0 {
		return s.Restarts
	}
	return 2
}

func (s Settings) effort() float64 {
	if s.Effort > 0 {
		return s.Effort
	}
	return 1
}

func (s Settings) workers() int {
	if s.Workers > 0 {
		return s.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// instance is a Problem compiled for the search: units (a locked set is one
// unit, any other node is a unit of its own) and the adjacency between them
// in compressed sparse-row form, restricted to the allowed edges.
type instance struct {
	p     *Problem
	n     int     // units
	nodes int     // graph nodes
	start []int32 // CSR offsets into nbr, len n+1
	nbr   []int32
	bord  []float64 // km of shared border per CSR entry
	w     []float64 // unit weight
	floor float64
	heavy []bool // unit weight ≥ floor

	// members lists the graph nodes of each unit; unitOf maps back.
	members [][]int32
	unitOf  []int32
	// head is the unit's heaviest node (its centre if the unit is alone),
	// headW its weight.
	head  []int32
	headW []float64
	// Node coordinates in km and node weights, for objectives and MaxKm.
	x, y  []float64
	nw    []float64
	attr  [][]float64
	maxKm float64
	// forbid lists, per unit, the units it must not share a group with,
	// sorted; nil when there are none.
	forbid [][]int32

	// Further floors (Problem.Also): per dimension the node weights, the
	// unit weights and the floor; cw ranks centres and weighs the
	// Distance objective (Problem.Centre, else nw).
	xnw, xw [][]float64
	xfloor  []float64
	cw      []float64

	constrained bool // MaxKm, Forbidden, KeepFeasible or Also in force
}

// compile validates p and builds its instance. Errors are EINVALID.
func compile(p *Problem) (*instance, error) {
	g := p.Graph
	if g == nil || g.Len() == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: no graph")
	}
	n := g.Len()
	if len(p.Weight) != n {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: %d weights for %d nodes", len(p.Weight), n)
	}
	for i, v := range p.Weight {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return nil, generalist.Errorf(generalist.EINVALID, "optimize: weight of %s is %v; want a finite number ≥ 0", label(g, i), v)
		}
	}
	if !(p.Floor > 0) || math.IsInf(p.Floor, 0) {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: floor %v: want a finite number > 0", p.Floor)
	}
	if p.Objective < Distance || p.Objective > Heterogeneity {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: unknown objective %d", int(p.Objective))
	}
	if p.Region != nil && len(p.Region) != n {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: %d regions for %d nodes", len(p.Region), n)
	}
	if math.IsNaN(float64(p.MaxKm)) || p.MaxKm < 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "optimize: max distance %v: want a number ≥ 0", p.MaxKm)
	}
	in := &instance{p: p, nodes: n, floor: p.Floor, maxKm: float64(p.MaxKm)}
	in.x, in.y, in.nw = make([]float64, n), make([]float64, n), make([]float64, n)
	for i, nd := range g.Nodes() {
		in.x[i], in.y[i] = nd.X/1000, nd.Y/1000
		in.nw[i] = p.Weight[i]
	}
	if p.Objective == Heterogeneity {
		if p.Attributes == nil {
			in.attr = make([][]float64, n)
			for i := range n {
				in.attr[i] = []float64{in.x[i], in.y[i]}
			}
		} else {
			if len(p.Attributes) != n {
				return nil, generalist.Errorf(generalist.EINVALID, "optimize: %d attribute rows for %d nodes", len(p.Attributes), n)
			}
			for i, r := range p.Attributes {
				if len(r) != len(p.Attributes[0]) {
					return nil, generalist.Errorf(generalist.EINVALID, "optimize: attribute row of %s has %d values, want %d", label(g, i), len(r), len(p.Attributes[0]))
				}
				for _, v := range r {
					if math.IsNaN(v) || math.IsInf(v, 0) {
						return nil, generalist.Errorf(generalist.EINVALID, "optimize: attribute of %s is not finite", label(g, i))
					}
				}
			}
			in.attr = p.Attributes
		}
	}

	// Units: locked sets contracted, the other nodes alone, in order of
	// their smallest node id so that unit ids do not depend on the order
	// of Locked.
	if err := in.compileAlso(); err != nil {
		return nil, err
	}

	in.unitOf = make([]int32, n)
	for i := range in.unitOf {
		in.unitOf[i] = -1
	}
	lockOf := make([]int, n)
	for i := range lockOf {
		lockOf[i] = -1
	}
	for k, set := range p.Locked {
		if len(set) == 0 {
			return nil, generalist.Errorf(generalist.EINVALID, "optimize: locked group %d is empty", k+1)
		}
		for _, v := range set {
			if v < 0 || v >= n {
				return nil, generalist.Errorf(generalist.EINVALID, "optimize: locked group %d: node %d out of range", k+1, v)
			}
			if lockOf[v] >= 0 && lockOf[v] != k {
				return nil, generalist.Errorf(generalist.EINVALID, "optimize: %s is in two locked groups", label(g, v))
			}
			lockOf[v] = k
		}
	}
	for v := range n {
		if in.unitOf[v] >= 0 {
			continue
		}
		u := int32(len(in.members))
		if k := lockOf[v]; k >= 0 {
			set := slices.Clone(p.Locked[k])
			slices.Sort(set)
			set = slices.Compact(set)
			m := make([]int32, len(set))
			for j, x := range set {
				m[j] = int32(x)
				in.unitOf[x] = u
			}
			in.members = append(in.members, m)
		} else {
			in.unitOf[v] = u
			in.members = append(in.members, []int32{int32(v)})
		}
	}
	in.n = len(in.members)
	in.w = make([]float64, in.n)
	in.heavy = make([]bool, in.n)
	in.head = make([]int32, in.n)
	in.headW = make([]float64, in.n)
	for u, m := range in.members {
		in.head[u] = m[0]
		for _, v := range m {
			in.w[u] += in.nw[v]
			if in.cw[v] > in.cw[in.head[u]] {
				in.head[u] = v
			}
		}
		in.headW[u] = in.cw[in.head[u]]
		in.heavy[u] = in.w[u] >= in.floor
	}
	in.unitsAlso()

	// Allowed edges between units, with summed borders.
	type key struct{ a, b int32 }
	agg := map[key]float64{}
	var keys []key
	for _, e := range g.Edges() {
		if p.NoSeaLinks && e.Kind == graph.Bridge {
			continue
		}
		if p.Region != nil && p.Region[e.A] != p.Region[e.B] {
			continue
		}
		a, b := in.unitOf[e.A], in.unitOf[e.B]
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		k := key{a, b}
		if _, ok := agg[k]; !ok {
			keys = append(keys, k)
		}
		agg[k] += e.BorderM / 1000
	}
	deg := make([]int32, in.n+1)
	for _, k := range keys {
		deg[k.a]++
		deg[k.b]++
	}
	in.start = make([]int32, in.n+1)
	for u := range in.n {
		in.start[u+1] = in.start[u] + deg[u]
	}
	in.nbr = make([]int32, in.start[in.n])
	in.bord = make([]float64, in.start[in.n])
	fill := slices.Clone(in.start[:in.n])
	slices.SortFunc(keys, func(x, y key) int {
		if x.a != y.a {
			return int(x.a - y.a)
		}
		return int(x.b - y.b)
	})
	for _, k := range keys {
		in.nbr[fill[k.a]], in.bord[fill[k.a]] = k.b, agg[k]
		fill[k.a]++
		in.nbr[fill[k.b]], in.bord[fill[k.b]] = k.a, agg[k]
		fill[k.b]++
	}
	for u := range in.n { // neighbours in increasing order
		lo, hi := in.start[u], in.start[u+1]
		idx := make([]int, hi-lo)
		for i := range idx {
			idx[i] = int(lo) + i
		}
		slices.SortFunc(idx, func(i, j int) int { return int(in.nbr[i] - in.nbr[j]) })
		nb, bd := make([]int32, len(idx)), make([]float64, len(idx))
		for i, j := range idx {
			nb[i], bd[i] = in.nbr[j], in.bord[j]
		}
		copy(in.nbr[lo:hi], nb)
		copy(in.bord[lo:hi], bd)
	}

	// Locked sets must be connected over the allowed edges.
	for k, set := range p.Locked {
		if !connectedNodes(g, set, p) {
			names := make([]string, len(set))
			for j, v := range set {
				names[j] = label(g, v)
			}
			return nil, generalist.Errorf(generalist.EINVALID, "optimize: locked group %d (%s) is not contiguous over the allowed links", k+1, joinNames(names))
		}
	}

	if len(p.Forbidden) > 0 {
		in.forbid = make([][]int32, in.n)
		for _, fp := range p.Forbidden {
			a, b := fp[0], fp[1]
			if a < 0 || a >= n || b < 0 || b >= n || a == b {
				return nil, generalist.Errorf(generalist.EINVALID, "optimize: forbidden pair %d-%d: want two different node ids in range", a, b)
			}
			ua, ub := in.unitOf[a], in.unitOf[b]
			if ua == ub {
				return nil, generalist.Errorf(generalist.EINVALID, "optimize: %s and %s are locked together but forbidden to share a group", label(g, a), label(g, b))
			}
			in.forbid[ua] = append(in.forbid[ua], ub)
			in.forbid[ub] = append(in.forbid[ub], ua)
		}
		for u := range in.forbid {
			slices.Sort(in.forbid[u])
			in.forbid[u] = slices.Compact(in.forbid[u])
		}
	}
	in.constrained = in.maxKm > 0 || in.forbid != nil || p.KeepFeasible || len(in.xfloor) > 0
	return in, nil
}

// connectedNodes reports whether the nodes of set are connected by edges
// the problem allows, using only nodes of set.
func connectedNodes(g *graph.Graph, set []int, p *Problem) bool {
	in := make(map[int]bool, len(set))
	for _, v := range set {
		in[v] = true
	}
	seen := map[int]bool{set[0]: true}
	stack := []int{set[0]}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, e := range g.Incident(v) {
			if p.NoSeaLinks && e.Kind == graph.Bridge {
				continue
			}
			if p.Region != nil && p.Region[e.A] != p.Region[e.B] {
				continue
			}
			o := e.A + e.B - v
			if in[o] && !seen[o] {
				seen[o] = true
				stack = append(stack, o)
			}
		}
	}
	return len(seen) == len(in)
}

// dist returns the distance in km between the centroids of graph nodes a
// and b.
func (in *instance) dist(a, b int32) float64 {
	return math.Hypot(in.x[a]-in.x[b], in.y[a]-in.y[b])
}

// heavier reports whether unit a's head outranks unit b's as a group
// centre: larger weight, ties to the smaller node id.
func (in *instance) heavier(a, b int32) bool {
	wa, wb := in.headW[a], in.headW[b]
	return wa > wb || wa == wb && in.head[a] < in.head[b]
}

// forbidden reports whether units a and b must not share a group.
func (in *instance) forbidden(a, b int32) bool {
	if in.forbid == nil {
		return false
	}
	_, found := slices.BinarySearch(in.forbid[a], b)
	return found
}

func label(g *graph.Graph, v int) string {
	nd := g.Node(v)
	if nd.Name != "" {
		return nd.Code + " " + nd.Name
	}
	return nd.Code
}

func joinNames(names []string) string {
	const max = 12
	if len(names) > max {
		return fmt.Sprintf("%s and %d more", joinNames(names[:max]), len(names)-max)
	}
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}
