package planfile

import (
	"fmt"

	"github.com/paulmach/orb"
	"github.com/peterstace/simplefeatures/geom"
)

// repair makes a valid area of a polygon whose rings cross themselves:
// each ring is split into simple loops at its proper self-crossings; the
// outer ring's loops are unioned and the holes' loops taken away.
func repair(p orb.Polygon) (geom.Geometry, error) {
	loops := func(r orb.Ring) (geom.Geometry, error) {
		var gs []geom.Geometry
		for _, l := range simpleLoops(r) {
			g := geom.NewPolygon([]geom.LineString{lineString(l)}).AsGeometry()
			if err := g.Validate(); err != nil {
				return geom.Geometry{}, fmt.Errorf("a loop is still invalid after repair: %w", err)
			}
			gs = append(gs, g)
		}
		return geom.UnionMany(gs)
	}
	outer, err := loops(p[0])
	if err != nil {
		return geom.Geometry{}, err
	}
	for _, h := range p[1:] {
		hole, err := loops(h)
		if err != nil {
			return geom.Geometry{}, err
		}
		if outer, err = geom.Difference(outer, hole); err != nil {
			return geom.Geometry{}, err
		}
	}
	return outer, nil
}

// simpleLoops splits a closed ring at its proper self-crossings into
// simple closed loops (a figure eight becomes its two lobes). Loops with
// fewer than three distinct points, which enclose nothing, are dropped.
func simpleLoops(r orb.Ring) []orb.Ring {
	if len(r) < 4 {
		return nil
	}
	pts := r[:len(r)-1]
	if pts[0] != r[len(r)-1] {
		pts = r
	}
	n := len(pts)
	for i := 0; i < n; i++ {
		for j := i + 2; j < n; j++ {
			if i == 0 && j == n-1 {
				continue // adjacent through the closing segment
			}
			x, ok := crossing(pts[i], pts[(i+1)%n], pts[j], pts[(j+1)%n])
			if !ok {
				continue
			}
			a := append(append(append([]orb.Point{}, pts[:i+1]...), x), pts[j+1:]...)
			b := append([]orb.Point{x}, pts[i+1:j+1]...)
			return append(simpleLoops(closeRing(a)), simpleLoops(closeRing(b))...)
		}
	}
	return []orb.Ring{closeRing(pts)}
}

func closeRing(pts []orb.Point) orb.Ring {
	r := append(orb.Ring{}, pts...)
	return append(r, pts[0])
}

// crossing returns the point where segments ab and cd cross properly
// (each has an end strictly on either side of the other).
func crossing(a, b, c, d orb.Point) (orb.Point, bool) {
	o1, o2 := orient(a, b, c), orient(a, b, d)
	o3, o4 := orient(c, d, a), orient(c, d, b)
	if !(o1*o2 < 0 && o3*o4 < 0) {
		return orb.Point{}, false
	}
	t := o1 / (o1 - o2) // share of cd from c to the crossing
	return orb.Point{c[0] + t*(d[0]-c[0]), c[1] + t*(d[1]-c[1])}, true
}

// orient is twice the signed area of the triangle pqr: positive when r is
// left of pq.
func orient(p, q, r orb.Point) float64 {
	return (q[0]-p[0])*(r[1]-p[1]) - (q[1]-p[1])*(r[0]-p[0])
}
