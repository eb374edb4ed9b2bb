package graph

import (
	"math"
	"slices"
	"sort"

	"generalist/geo"

	"github.com/paulmach/orb"
)

// outline is a feature's projected boundary prepared for distance queries:
// its rings with their bounding boxes.
type outline struct {
	bound orb.Bound
	rings []orb.Ring
	boxes []orb.Bound
}

func newOutline(f *geo.Feature) outline {
	var o outline
	o.bound = f.Projected.Bound()
	for _, p := range f.Projected {
		for _, r := range p {
			o.rings = append(o.rings, r)
			o.boxes = append(o.boxes, r.Bound())
		}
	}
	return o
}

// addBridges implements the bridge rule of Build: while g is not connected,
// join every component but the largest to the nearest feature outside it.
func addBridges(g *Graph, fs []*geo.Feature) (*Graph, error) {
	var outlines []outline
	for {
		comps := g.Components()
		if len(comps) <= 1 {
			return g, nil
		}
		if outlines == nil {
			outlines = make([]outline, len(fs))
			for i, f := range fs {
				outlines[i] = newOutline(f)
			}
		}
		// Components are ordered by size; order the small ones by their
		// smallest id so the result does not depend on map order.
		small := comps[1:]
		sort.Slice(small, func(i, j int) bool { return small[i][0] < small[j][0] })
		edges := g.Edges()
		added := map[pair]bool{}
		for _, c := range small {
			u, v, d := nearestOutside(outlines, c)
			p := mkpair(int32(u), int32(v))
			if added[p] {
				continue // the two components chose each other
			}
			added[p] = true
			edges = append(edges, Edge{A: int(p.i), B: int(p.j), Kind: Bridge, GapM: d})
		}
		var err error
		g, err = newGraph(g.nodes, edges)
		if err != nil {
			return nil, err
		}
	}
}

// nearestOutside returns the pair (u in comp, v not in comp) whose
// boundaries are nearest, and their distance in metres. Of equally near
// pairs the one with the smaller u, then the smaller v wins.
func nearestOutside(outlines []outline, comp []int) (bu, bv int, best float64) {
	in := make(map[int]bool, len(comp))
	for _, u := range comp {
		in[u] = true
	}
	type cand struct {
		u, v int
		box  float64
	}
	var cands []cand
	for _, u := range comp {
		for v := range outlines {
			if !in[v] {
				cands = append(cands, cand{u, v, boxDistance(outlines[u].bound, outlines[v].bound)})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		switch {
		case a.box < b.box:
			return -1
		case a.box > b.box:
			return 1
		case a.u != b.u:
			return a.u - b.u
		}
		return a.v - b.v
	})
	best = math.Inf(1)
	for _, c := range cands {
		if c.box > best {
			break
		}
		// With the limit just above best, a pair at exactly best is
		// measured exactly and can win the tie on its ids.
		d := outlineDistance(&outlines[c.u], &outlines[c.v], math.Nextafter(best, math.Inf(1)))
		if d < best || (d == best && (c.u < bu || (c.u == bu && c.v < bv))) {
			bu, bv, best = c.u, c.v, d
		}
	}
	return bu, bv, best
}

// boxDistance returns the distance between two bounding boxes, 0 if they
// overlap.
func boxDistance(a, b orb.Bound) float64 {
	dx := math.Max(0, math.Max(a.Min[0]-b.Max[0], b.Min[0]-a.Max[0]))
	dy := math.Max(0, math.Max(a.Min[1]-b.Max[1], b.Min[1]-a.Max[1]))
	return math.Hypot(dx, dy)
}

// outlineDistance returns the shortest distance between the boundaries of
// a and b, or a value ≥ limit if that distance is at least limit. Boundaries
// that cross give 0. (A feature lying wholly inside a hole of another without
// touching it would need a containment test too; boundary files partitioning
// the land have none, and such a feature would be joined across the gap
// anyway.)
func outlineDistance(a, b *outline, limit float64) float64 {
	best := limit
	for i, ra := range a.rings {
		for j, rb := range b.rings {
			if boxDistance(a.boxes[i], b.boxes[j]) >= best {
				continue
			}
			best = ringDistance(ra, rb, b.boxes[j], best)
			if best == 0 {
				return 0
			}
		}
	}
	return best
}

// ringDistance returns min(limit, the shortest distance between the edges of
// rings a and b); bb is b's bounding box, used to skip far segments of a.
func ringDistance(a, b orb.Ring, bb orb.Bound, limit float64) float64 {
	best := limit
	for i := 0; i+1 < len(a); i++ {
		p, q := a[i], a[i+1]
		sb := orb.Bound{Min: orb.Point{math.Min(p[0], q[0]), math.Min(p[1], q[1])}, Max: orb.Point{math.Max(p[0], q[0]), math.Max(p[1], q[1])}}
		if boxDistance(sb, bb) >= best {
			continue
		}
		for j := 0; j+1 < len(b); j++ {
			if d := segmentDistance(p, q, b[j], b[j+1]); d < best {
				best = d
				if best == 0 {
					return 0
				}
			}
		}
	}
	return best
}

// segmentDistance returns the distance between segments pq and rs.
func segmentDistance(p, q, r, s orb.Point) float64 {
	if segmentsIntersect(p, q, r, s) {
		return 0
	}
	return math.Sqrt(min(
		pointSegment2(p, r, s), pointSegment2(q, r, s),
		pointSegment2(r, p, q), pointSegment2(s, p, q)))
}

// pointSegment2 returns the squared distance from x to segment ab.
func pointSegment2(x, a, b orb.Point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = math.Max(0, math.Min(1, ((x[0]-a[0])*dx+(x[1]-a[1])*dy)/l2))
	}
	ex, ey := a[0]+t*dx-x[0], a[1]+t*dy-x[1]
	return ex*ex + ey*ey
}

// segmentsIntersect reports whether the closed segments pq and rs have a
// point in common, by orientation tests (Cormen et al., Introduction to
// Algorithms, §33.1).
func segmentsIntersect(p, q, r, s orb.Point) bool {
	d1 := cross(r, s, p)
	d2 := cross(r, s, q)
	d3 := cross(p, q, r)
	d4 := cross(p, q, s)
	if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
		return true
	}
	return (d1 == 0 && onSegment(r, s, p)) || (d2 == 0 && onSegment(r, s, q)) ||
		(d3 == 0 && onSegment(p, q, r)) || (d4 == 0 && onSegment(p, q, s))
}

// cross returns the cross product (b-a)×(c-a).
func cross(a, b, c orb.Point) float64 {
	return (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
}

// onSegment reports whether c, collinear with ab, lies within ab's box.
func onSegment(a, b, c orb.Point) bool {
	return math.Min(a[0], b[0]) <= c[0] && c[0] <= math.Max(a[0], b[0]) &&
		math.Min(a[1], b[1]) <= c[1] && c[1] <= math.Max(a[1], b[1])
}
