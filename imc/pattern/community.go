package pattern

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
)

// The community detection: Louvain modularity optimisation (gonum's
// graph/community) on each county's cooperation graph, run Runs times with
// fixed seeds, keeping the division with the highest modularity (the first
// on a tie), so that the same registry gives the same communities.
const (
	// Seed is the first run's seed of the random order in which Louvain
	// visits the municipalities; run i uses Seed+i.
	Seed uint64 = 20
	// Runs is the number of Louvain runs per county.
	Runs = 10
	// Resolution is the modularity resolution γ: 1 is the standard
	// modularity of Newman and Girvan.
	Resolution = 1.0
)

// Region is the cooperation graph of one county: its municipalities that
// take part in a counted cooperation, linked when they share one, weighted
// by how many they share.
type Region struct {
	County string `json:"county"`
	Name   string `json:"name"`
	// Municipalities counts the county's municipalities that share a
	// cooperation with another municipality of the county (the nodes);
	// Links the pairs of them that do (the edges); Weight the sum over
	// those pairs of the cooperations they share.
	Municipalities int `json:"municipalities"`
	Links          int `json:"links"`
	Weight         int `json:"weight"`
	// CrossBorder counts the pairs of a municipality of the county and
	// one of another county that share a cooperation: links the county's
	// graph leaves out.
	CrossBorder int `json:"cross_border"`
	// Communities are the groups found, largest first; Modularity is Q of
	// that division on the county's graph, nil (JSON null, "no data")
	// when the county has no links, where Q is undefined.
	Communities []Community `json:"communities"`
	Modularity  *float64    `json:"modularity"`
	// Unlinked are the county's municipalities that cooperate only with
	// municipalities of other counties.
	Unlinked []Member `json:"unlinked,omitempty"`
}

// Community is a group of municipalities that cooperate more with each
// other than the graph's weights would give by chance.
type Community struct {
	Members []Member `json:"members"`
	// Internal sums the cooperations shared by pairs of members.
	Internal int `json:"internal"`
}

// Member is a municipality of a community.
type Member struct {
	Number string `json:"number"`
	Name   string `json:"name"`
}

func regions(ms []Municipality, shared map[[2]string]int, countyName map[string]string) []Region {
	byCounty := map[string][]Municipality{}
	countyOf := map[string]string{}
	for _, m := range ms {
		byCounty[m.County] = append(byCounty[m.County], m)
		countyOf[m.Number] = m.County
	}
	var out []Region
	for c, cms := range byCounty {
		r := Region{County: c, Name: countyName[c], Communities: []Community{}}
		if r.Name == "" {
			r.Name = c
		}
		g := newWeighted()
		for pair, n := range shared {
			a, b := countyOf[pair[0]], countyOf[pair[1]]
			switch {
			case a == c && b == c:
				g.add(pair[0], pair[1], n)
				r.Links++
				r.Weight += n
			case a == c || b == c:
				r.CrossBorder++
			}
		}
		names := map[string]string{}
		for _, m := range cms {
			names[m.Number] = m.Name
			if !g.has(m.Number) {
				r.Unlinked = append(r.Unlinked, Member{m.Number, m.Name})
			}
		}
		r.Municipalities = len(g.ids)
		if r.Links > 0 {
			r.Communities, r.Modularity = detect(g, names, shared)
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Region) int { return cmp.Compare(a.County, b.County) })
	return out
}

// detect divides g into communities with Louvain, the best of Runs runs,
// and returns them, largest first (then by the lowest number), with the
// modularity Q of the division. When the best Q is not above 0 it
// returns one community of every node (Q = 0).
func detect(g *weighted, names map[string]string, shared map[[2]string]int) ([]Community, *float64) {
	var parts [][]graph.Node
	q := math.Inf(-1)
	for i := range uint64(Runs) {
		seed := Seed + i
		p := community.Modularize(g, Resolution, rand.NewPCG(seed, seed)).Communities()
		if pq := community.Q(g, p, Resolution); pq > q {
			parts, q = p, pq
		}
	}
	if q < 1e-12 {
		// No division is better than chance: report the county's linked
		// municipalities as one community, whose Q is exactly 0, rather
		// than a split that only ties with it.
		parts, q = [][]graph.Node{graph.NodesOf(g.Nodes())}, 0
	}
	var out []Community
	for _, part := range parts {
		var c Community
		for _, n := range part {
			num := numberOf(n.ID())
			c.Members = append(c.Members, Member{num, names[num]})
		}
		slices.SortFunc(c.Members, func(a, b Member) int { return cmp.Compare(a.Number, b.Number) })
		for i, a := range c.Members {
			for _, b := range c.Members[i+1:] {
				c.Internal += shared[[2]string{a.Number, b.Number}]
			}
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Community) int {
		if d := cmp.Compare(len(b.Members), len(a.Members)); d != 0 {
			return d
		}
		return cmp.Compare(a.Members[0].Number, b.Members[0].Number)
	})
	return out, &q
}

// The graph's node ids are the kommunenummer as integers.
func idOf(number string) int64 {
	id, _ := strconv.ParseInt(number, 10, 64)
	return id
}

func numberOf(id int64) string {
	s := strconv.FormatInt(id, 10)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// weighted is an undirected weighted graph that lists its nodes and each
// node's neighbours in ascending order, so that Louvain with a fixed seed
// visits them in the same order on every run (gonum's simple graphs list
// them in map order).
type weighted struct {
	ids []int64
	adj map[int64][]int64
	w   map[[2]int64]float64
}

func newWeighted() *weighted {
	return &weighted{adj: map[int64][]int64{}, w: map[[2]int64]float64{}}
}

func edgeKey(x, y int64) [2]int64 {
	if x > y {
		x, y = y, x
	}
	return [2]int64{x, y}
}

func (g *weighted) add(a, b string, n int) {
	x, y := idOf(a), idOf(b)
	for _, pair := range [][2]int64{{x, y}, {y, x}} {
		u, v := pair[0], pair[1]
		if _, ok := g.adj[u]; !ok {
			i, _ := slices.BinarySearch(g.ids, u)
			g.ids = slices.Insert(g.ids, i, u)
		}
		i, _ := slices.BinarySearch(g.adj[u], v)
		g.adj[u] = slices.Insert(g.adj[u], i, v)
	}
	g.w[edgeKey(x, y)] = float64(n)
}

func (g *weighted) has(number string) bool {
	_, ok := g.adj[idOf(number)]
	return ok
}

func nodes(ids []int64) graph.Nodes {
	ns := make([]graph.Node, len(ids))
	for i, id := range ids {
		ns[i] = node(id)
	}
	return iterator.NewOrderedNodes(ns)
}

// Node implements graph.Graph.
func (g *weighted) Node(id int64) graph.Node {
	if _, ok := g.adj[id]; ok {
		return node(id)
	}
	return nil
}

// Nodes implements graph.Graph.
func (g *weighted) Nodes() graph.Nodes { return nodes(g.ids) }

// From implements graph.Graph.
func (g *weighted) From(id int64) graph.Nodes { return nodes(g.adj[id]) }

// HasEdgeBetween implements graph.Graph.
func (g *weighted) HasEdgeBetween(x, y int64) bool {
	_, ok := g.w[edgeKey(x, y)]
	return ok
}

// Edge implements graph.Graph.
func (g *weighted) Edge(u, v int64) graph.Edge {
	if e := g.WeightedEdge(u, v); e != nil {
		return e
	}
	return nil
}

// EdgeBetween implements graph.Undirected.
func (g *weighted) EdgeBetween(x, y int64) graph.Edge { return g.Edge(x, y) }

// WeightedEdge implements graph.Weighted.
func (g *weighted) WeightedEdge(u, v int64) graph.WeightedEdge {
	w, ok := g.w[edgeKey(u, v)]
	if !ok {
		return nil
	}
	return wedge{node(u), node(v), w}
}

// WeightedEdgeBetween implements graph.WeightedUndirected.
func (g *weighted) WeightedEdgeBetween(x, y int64) graph.WeightedEdge { return g.WeightedEdge(x, y) }

// Weight implements graph.Weighted: the number of cooperations x and y
// share; no edge (and no self-loop) has weight 0 and ok false.
func (g *weighted) Weight(x, y int64) (float64, bool) {
	w, ok := g.w[edgeKey(x, y)]
	return w, ok
}

type node int64

func (n node) ID() int64 { return int64(n) }

type wedge struct {
	from, to node
	w        float64
}

func (e wedge) From() graph.Node         { return e.from }
func (e wedge) To() graph.Node           { return e.to }
func (e wedge) ReversedEdge() graph.Edge { return wedge{e.to, e.from, e.w} }
func (e wedge) Weight() float64          { return e.w }
