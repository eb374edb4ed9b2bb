package graph

import (
	"slices"

	"generalist"
)

// Induced returns the subgraph of g on the nodes ids (any order, no
// duplicates): those nodes, renumbered 0..len(ids)-1 in the order of their
// ids in g (so still sorted by code), and the edges of g between them.
// An id out of range or given twice is an EINVALID error.
//
// Complexity: O(n + m).
func (g *Graph) Induced(ids []int) (*Graph, error) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	newID := make([]int, len(g.nodes))
	for i := range newID {
		newID[i] = -1
	}
	nodes := make([]Node, len(ids))
	for k, v := range ids {
		if v < 0 || v >= len(g.nodes) {
			return nil, generalist.Errorf(generalist.EINVALID, "graph: node id %d out of range 0..%d", v, len(g.nodes)-1)
		}
		if newID[v] >= 0 {
			return nil, generalist.Errorf(generalist.EINVALID, "graph: node id %d given twice", v)
		}
		newID[v] = k
		nodes[k] = g.nodes[v]
		nodes[k].ID = k
	}
	var edges []Edge
	for _, e := range g.edges {
		a, b := newID[e.A], newID[e.B]
		if a >= 0 && b >= 0 {
			e.A, e.B = a, b // ids keep their order, so a < b
			edges = append(edges, e)
		}
	}
	return newGraph(nodes, edges)
}
