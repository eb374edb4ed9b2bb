package graph

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"generalist"
)

// Kind is the kind of an adjacency between two units.
type Kind uint8

// The edge kinds of the exchange format. The zero Kind is not valid.
const (
	// Rook: the two units share a boundary of positive length.
	Rook Kind = iota + 1
	// Queen: the two units touch at one or more points only.
	Queen
	// Bridge: a link added to make the graph connected, joining a unit
	// with no land path to the rest (an island municipality) to the
	// nearest unit across the water.
	Bridge
)

// Kinds lists the valid kinds in order.
var Kinds = []Kind{Rook, Queen, Bridge}

// String returns the exchange-format name: "rook", "queen" or "bridge".
func (k Kind) String() string {
	switch k {
	case Rook:
		return "rook"
	case Queen:
		return "queen"
	case Bridge:
		return "bridge"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// ParseKind parses an exchange-format kind name.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if k.String() == s {
			return k, nil
		}
	}
	return 0, generalist.Errorf(generalist.EINVALID, "edge kind %q: must be rook, queen or bridge", s)
}

// Node is a unit of the graph: a municipality when the graph is built from
// boundaries.
type Node struct {
	// ID is the node's index, 0..n-1; nodes are sorted by Code.
	ID int
	// Code is the external identifier, e.g. the kommunenummer "0301".
	Code string
	// Name is the display name; it may be empty.
	Name string
	// X and Y are the area-weighted centroid in EPSG:25833 (UTM 33N) metres.
	X, Y float64
	// Lon and Lat are the same centroid in WGS84 degrees.
	Lon, Lat float64
	// Area is the planar area on the UTM 33N plane.
	Area generalist.SquareKm
}

// Edge is an undirected adjacency between nodes A < B.
type Edge struct {
	// A and B are the node ids of the two ends, A < B.
	A, B int
	// Kind says how the two units are adjacent.
	Kind Kind
	// BorderM is the length of the shared boundary in metres, measured on
	// the UTM 33N plane; 0 for queen and bridge edges.
	BorderM float64
	// GapM is, for bridge edges, the shortest distance in metres between the
	// two boundaries; 0 otherwise.
	GapM float64
}

// Graph is an undirected adjacency graph of units. It is immutable once
// built and safe for concurrent use.
type Graph struct {
	nodes []Node
	edges []Edge         // sorted by (A, B)
	adj   [][]int        // per node, indices into edges, sorted by the other end
	index map[string]int // code → id
}

// newGraph indexes nodes and edges. It sorts edges by (A, B) and checks ids,
// order, self-loops and duplicates.
func newGraph(nodes []Node, edges []Edge) (*Graph, error) {
	g := &Graph{nodes: nodes, edges: edges, adj: make([][]int, len(nodes)), index: make(map[string]int, len(nodes))}
	for i, n := range nodes {
		if n.ID != i {
			return nil, generalist.Errorf(generalist.EINVALID, "graph: node %d has id %d", i, n.ID)
		}
		if j, dup := g.index[n.Code]; dup {
			return nil, generalist.Errorf(generalist.EINVALID, "graph: nodes %d and %d have the same code %q", j, i, n.Code)
		}
		g.index[n.Code] = i
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].A != edges[j].A {
			return edges[i].A < edges[j].A
		}
		return edges[i].B < edges[j].B
	})
	for i, e := range edges {
		switch {
		case e.A < 0 || e.B >= len(nodes):
			return nil, generalist.Errorf(generalist.EINVALID, "graph: edge %d-%d: node id out of range 0..%d", e.A, e.B, len(nodes)-1)
		case e.A >= e.B:
			return nil, generalist.Errorf(generalist.EINVALID, "graph: edge %d-%d: want a < b", e.A, e.B)
		case e.Kind < Rook || e.Kind > Bridge:
			return nil, generalist.Errorf(generalist.EINVALID, "graph: edge %d-%d: invalid kind %d", e.A, e.B, e.Kind)
		case i > 0 && edges[i-1].A == e.A && edges[i-1].B == e.B:
			return nil, generalist.Errorf(generalist.EINVALID, "graph: edge %d-%d appears twice", e.A, e.B)
		}
		g.adj[e.A] = append(g.adj[e.A], i)
		g.adj[e.B] = append(g.adj[e.B], i)
	}
	for v := range g.adj {
		slices.SortFunc(g.adj[v], func(i, j int) int { return g.other(i, v) - g.other(j, v) })
	}
	return g, nil
}

// other returns the end of edge i that is not v.
func (g *Graph) other(i, v int) int {
	if e := g.edges[i]; e.A == v {
		return e.B
	}
	return g.edges[i].A
}

// Len returns the number of nodes.
func (g *Graph) Len() int { return len(g.nodes) }

// Nodes returns the nodes in id order. The slice is a copy.
func (g *Graph) Nodes() []Node { return slices.Clone(g.nodes) }

// Node returns the node with the given id. It panics if id is out of range.
func (g *Graph) Node(id int) Node { return g.nodes[id] }

// Lookup returns the node with the given code and reports whether it exists.
func (g *Graph) Lookup(code string) (Node, bool) {
	i, ok := g.index[code]
	if !ok {
		return Node{}, false
	}
	return g.nodes[i], true
}

// Edges returns the edges sorted by (A, B). The slice is a copy.
func (g *Graph) Edges() []Edge { return slices.Clone(g.edges) }

// Edge returns the edge between nodes a and b, in either order, and reports
// whether there is one.
func (g *Graph) Edge(a, b int) (Edge, bool) {
	if a > b {
		a, b = b, a
	}
	if a < 0 || b >= len(g.nodes) {
		return Edge{}, false
	}
	for _, i := range g.adj[a] {
		if g.edges[i].B == b {
			return g.edges[i], true
		}
	}
	return Edge{}, false
}

// Incident returns the edges at node id, ordered by the id of the other end.
// It panics if id is out of range.
func (g *Graph) Incident(id int) []Edge {
	out := make([]Edge, len(g.adj[id]))
	for k, i := range g.adj[id] {
		out[k] = g.edges[i]
	}
	return out
}

// Neighbours returns the nodes adjacent to the node with the given code by
// an edge of one of kinds (all kinds if none are given), ordered by id. An
// unknown code is an ENOTFOUND error.
func (g *Graph) Neighbours(code string, kinds ...Kind) ([]Node, error) {
	v, ok := g.index[code]
	if !ok {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "graph: no node with code %q", code)
	}
	want := kindSet(kinds)
	var out []Node
	for _, i := range g.adj[v] {
		if want[g.edges[i].Kind] {
			out = append(out, g.nodes[g.other(i, v)])
		}
	}
	return out, nil
}

// CountKinds returns the number of edges of each kind.
func (g *Graph) CountKinds() map[Kind]int {
	m := make(map[Kind]int, len(Kinds))
	for _, e := range g.edges {
		m[e.Kind]++
	}
	return m
}

// kindSet returns the set of kinds, all kinds when none are given.
func kindSet(kinds []Kind) [Bridge + 1]bool {
	var s [Bridge + 1]bool
	if len(kinds) == 0 {
		kinds = Kinds
	}
	for _, k := range kinds {
		if k >= Rook && k <= Bridge {
			s[k] = true
		}
	}
	return s
}

// Components returns the connected components over edges of the given kinds
// (all kinds if none are given). Each component lists its node ids in
// increasing order; components are ordered by decreasing size, ties by
// their smallest id. It runs in O(n + m).
func (g *Graph) Components(kinds ...Kind) [][]int {
	return g.components(kindSet(kinds))
}

func (g *Graph) components(want [Bridge + 1]bool) [][]int {
	seen := make([]bool, len(g.nodes))
	var comps [][]int
	var stack []int
	for s := range g.nodes {
		if seen[s] {
			continue
		}
		seen[s] = true
		stack = append(stack[:0], s)
		var comp []int
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			comp = append(comp, v)
			for _, i := range g.adj[v] {
				if !want[g.edges[i].Kind] {
					continue
				}
				if w := g.other(i, v); !seen[w] {
					seen[w] = true
					stack = append(stack, w)
				}
			}
		}
		slices.Sort(comp)
		comps = append(comps, comp)
	}
	sort.SliceStable(comps, func(i, j int) bool { return len(comps[i]) > len(comps[j]) })
	return comps
}

// IsConnected reports whether the graph is connected over edges of the given
// kinds (all kinds if none are given). The empty graph is connected.
func (g *Graph) IsConnected(kinds ...Kind) bool {
	return len(g.nodes) == 0 || len(g.Components(kinds...)) == 1
}

// Distance returns the Euclidean distance between the centroids of nodes a
// and b on the UTM 33N plane. It panics if an id is out of range.
func (g *Graph) Distance(a, b int) generalist.Km {
	p, q := g.nodes[a], g.nodes[b]
	return generalist.Km(math.Hypot(p.X-q.X, p.Y-q.Y) / 1000)
}

// EarthRadius is the mean radius of the GRS80/WGS84 ellipsoid, R₁ = (2a+b)/3
// = 6 371.0088 km (Moritz 1980), used by GreatCircle.
const EarthRadius generalist.Km = 6371.0088

// GreatCircle returns the great-circle distance between the WGS84 centroids
// of nodes a and b by the haversine formula on a sphere of radius
// EarthRadius. Against the ellipsoidal geodesic it errs by at most about
// 0.5 %. It panics if an id is out of range.
func (g *Graph) GreatCircle(a, b int) generalist.Km {
	p, q := g.nodes[a], g.nodes[b]
	return haversine(p.Lon, p.Lat, q.Lon, q.Lat)
}

// haversine returns the great-circle distance between two points given in
// degrees (R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68,
// 1984).
func haversine(lon1, lat1, lon2, lat2 float64) generalist.Km {
	const rad = math.Pi / 180
	s1 := math.Sin((lat2 - lat1) * rad / 2)
	s2 := math.Sin((lon2 - lon1) * rad / 2)
	h := s1*s1 + math.Cos(lat1*rad)*math.Cos(lat2*rad)*s2*s2
	return 2 * EarthRadius * generalist.Km(math.Asin(math.Min(1, math.Sqrt(h))))
}
