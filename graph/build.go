package graph

import (
	"math"
	"sort"

	"generalist"
	"generalist/geo"

	"github.com/paulmach/orb"
)

// Options tunes Build. The zero value gives the graph of the exchange
// format: rook, queen and bridge edges.
type Options struct {
	// Precision is the grid, in degrees, on which WGS84 vertices are
	// matched: two vertices are the same when both coordinates round to the
	// same multiple of Precision. Zero means 1e-9° (about 0.1 mm), which
	// absorbs float noise in files whose shared borders come from one
	// TopoJSON arc and so have identical vertices.
	Precision float64
	// NoBridges leaves out the bridge edges, giving the land graph, which
	// is not connected where there are island municipalities.
	NoBridges bool
}

func (o Options) precision() float64 {
	if o.Precision > 0 {
		return o.Precision
	}
	return 1e-9
}

// vkey is a vertex on the matching grid.
type vkey struct{ x, y int64 }

// skey is an undirected segment on the matching grid, ends ordered.
type skey struct{ a, b vkey }

func less(p, q vkey) bool { return p.x < q.x || (p.x == q.x && p.y < q.y) }

// pair is an unordered node pair, i < j.
type pair struct{ i, j int32 }

func mkpair(i, j int32) pair {
	if i > j {
		i, j = j, i
	}
	return pair{i, j}
}

// Build returns the adjacency graph of features: one node per feature,
// sorted by code (node id = index in that order), with
//
//   - a Rook edge between two features that share at least one boundary
//     segment, BorderM being the total length of the shared segments on the
//     UTM 33N plane;
//   - a Queen edge between two features that share a vertex but no
//     segment;
//   - unless opt.NoBridges, Bridge edges that make the graph connected:
//     while it is not, every connected component except the largest is
//     joined to the nearest feature outside it, by the shortest distance
//     between the projected boundaries (GapM); of equally near
//     pairs the one with the smaller ids wins.
//
// Shared borders are found by matching identical segments, not by polygon
// intersection: the boundary files come from TopoJSON, so neighbours carry
// the very same border vertices. Every segment of every ring is hashed by
// its two end vertices rounded to opt.Precision on the WGS84 coordinates;
// a segment seen in two features makes them rook neighbours, and a vertex
// seen in two features without a shared segment makes them queen
// neighbours. A vertex of one feature lying inside a segment of another (a
// T-junction without a shared vertex) is not detected; TopoJSON-derived
// files have none.
//
// Build returns an EINVALID error if features is empty, has duplicate
// codes or a feature without a projected geometry. It does not modify
// features.
//
// Complexity: matching is O(v) expected time and memory for v vertices in
// all. Each bridge round computes components in O(n + m) and, for each
// small component, boundary distances to candidate features ordered by
// bounding-box distance and cut off once no box is nearer than the best
// distance found; in the worst case that is O(s·v) for a component with s
// segments. For Norway the sea links take about 13 ms in all.
func Build(features []geo.Feature, opt Options) (*Graph, error) {
	if len(features) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "graph: build: no features")
	}
	fs := make([]*geo.Feature, len(features))
	for i := range features {
		fs[i] = &features[i]
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Code < fs[j].Code })
	nodes := make([]Node, len(fs))
	for i, f := range fs {
		if i > 0 && fs[i-1].Code == f.Code {
			return nil, generalist.Errorf(generalist.EINVALID, "graph: build: code %q appears twice", f.Code)
		}
		if len(f.Projected) == 0 || len(f.Projected) != len(f.Geometry) {
			return nil, generalist.Errorf(generalist.EINVALID, "graph: build: feature %q has no projected geometry", f.Code)
		}
		c := f.Centroid()
		ll := f.CentroidLonLat()
		nodes[i] = Node{ID: i, Code: f.Code, Name: f.Name, X: c[0], Y: c[1], Lon: ll[0], Lat: ll[1], Area: f.Area()}
	}

	border, touch := match(fs, opt.precision())
	edges := make([]Edge, 0, len(border)+len(touch))
	for p, m := range border {
		edges = append(edges, Edge{A: int(p.i), B: int(p.j), Kind: Rook, BorderM: m})
	}
	for p := range touch {
		if _, ok := border[p]; !ok {
			edges = append(edges, Edge{A: int(p.i), B: int(p.j), Kind: Queen})
		}
	}
	g, err := newGraph(nodes, edges)
	if err != nil {
		return nil, err
	}
	if !opt.NoBridges {
		g, err = addBridges(g, fs)
		if err != nil {
			return nil, err
		}
	}
	return g, nil
}

// match hashes every segment and vertex of fs. It returns the total shared
// length of each pair with a common segment and the set of pairs with a
// common vertex.
func match(fs []*geo.Feature, prec float64) (border map[pair]float64, touch map[pair]bool) {
	key := func(p orb.Point) vkey {
		return vkey{int64(math.Round(p[0] / prec)), int64(math.Round(p[1] / prec))}
	}
	nseg := 0
	for _, f := range fs {
		for _, p := range f.Geometry {
			for _, r := range p {
				nseg += len(r)
			}
		}
	}
	// owners of a segment or vertex: almost always one or two features, so
	// keep the first inline and spill the rest.
	type owners struct {
		first int32
		more  []int32
	}
	segs := make(map[skey]*owners, nseg)
	verts := make(map[vkey]*owners, nseg)
	border = map[pair]float64{}
	touch = map[pair]bool{}
	add := func(o *owners, i int32, onNew func(j int32)) {
		if o.first == i {
			return
		}
		for _, j := range o.more {
			if j == i {
				return
			}
		}
		onNew(o.first)
		for _, j := range o.more {
			onNew(j)
		}
		o.more = append(o.more, i)
	}
	for fi, f := range fs {
		i := int32(fi)
		for pi, p := range f.Geometry {
			for ri, r := range p {
				pr := f.Projected[pi][ri]
				for k := 0; k+1 < len(r); k++ {
					a, b := key(r[k]), key(r[k+1])
					if o, ok := verts[a]; ok {
						add(o, i, func(j int32) { touch[mkpair(i, j)] = true })
					} else {
						verts[a] = &owners{first: i}
					}
					if a == b {
						continue // a repeated vertex, not a segment
					}
					if less(b, a) {
						a, b = b, a
					}
					s := skey{a, b}
					if o, ok := segs[s]; ok {
						length := math.Hypot(pr[k+1][0]-pr[k][0], pr[k+1][1]-pr[k][1])
						add(o, i, func(j int32) { border[mkpair(i, j)] += length })
					} else {
						segs[s] = &owners{first: i}
					}
				}
			}
		}
	}
	return border, touch
}
