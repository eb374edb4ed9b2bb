package geo

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"
)

// Simplified returns the projected boundary simplified with the
// Douglas–Peucker algorithm (orb/simplify) at the given tolerance in metres:
// every vertex dropped lies within tolerance of the simplified line. A
// tolerance of about one output pixel in metres suits a map at a given zoom
// level. f is not modified.
//
// Unlike orb/simplify on its own, Simplified never drops a ring or a polygon
// and never leaves a ring with fewer than four positions (a closed triangle):
// a ring that would collapse is replaced by the triangle of its start vertex,
// the vertex farthest from it and the vertex farthest from the line through
// those two. Small island municipalities such as Utsira (1151) or Røst (1856)
// therefore stay visible at every zoom. Rings are simplified one by one, so
// the shared border of two neighbours may simplify differently on each side;
// at tolerances of a pixel the slivers this leaves are not visible.
//
// Simplified runs in O(m log m) expected time for m vertices (O(m²) worst
// case, the bound of Douglas–Peucker).
func (f *Feature) Simplified(tolerance float64) orb.MultiPolygon {
	dp := simplify.DouglasPeucker(tolerance)
	out := make(orb.MultiPolygon, len(f.Projected))
	for i, p := range f.Projected {
		q := make(orb.Polygon, len(p))
		for j, r := range p {
			q[j] = simplifyRing(dp, r, tolerance)
		}
		out[i] = q
	}
	return out
}

// simplifyRing simplifies a copy of r and falls back to a triangle where the
// result would have fewer than four positions.
func simplifyRing(dp *simplify.DouglasPeuckerSimplifier, r orb.Ring, tolerance float64) orb.Ring {
	if tolerance <= 0 || len(r) <= 4 {
		return r.Clone()
	}
	s := dp.Ring(r.Clone())
	if len(s) >= 4 {
		return s
	}
	return triangle(r)
}

// triangle returns the closed triangle of r's first vertex, the vertex
// farthest from it and the vertex farthest from the segment joining those
// two, in ring order so the winding is kept.
func triangle(r orb.Ring) orb.Ring {
	n := len(r) - 1 // r is closed: r[n] == r[0]
	a, b := 0, 0
	best := -1.0
	for i := 1; i < n; i++ {
		if d := planar.DistanceSquared(r[a], r[i]); d > best {
			best, b = d, i
		}
	}
	c := 0
	best = -1
	for i := 1; i < n; i++ {
		if i == b {
			continue
		}
		if d := planar.DistanceFromSegmentSquared(r[a], r[b], r[i]); d > best {
			best, c = d, i
		}
	}
	if c < b {
		return orb.Ring{r[a], r[c], r[b], r[a]}
	}
	return orb.Ring{r[a], r[b], r[c], r[a]}
}
