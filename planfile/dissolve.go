package planfile

import (
	"fmt"
	"slices"

	"generalist/geo"

	"github.com/paulmach/orb"
	"github.com/peterstace/simplefeatures/geom"
)

// Dissolver merges municipality boundaries into the boundaries of the
// municipalities a scenario makes. It holds each municipality's polygons,
// checked and repaired once (see NewDissolver), and a point inside each.
// It is safe for concurrent use.
type Dissolver struct {
	parts map[string][]geom.Geometry // code → valid polygons
	inner map[string]geom.Geometry   // code → a point on its surface
	codes []string
	// Repaired counts the source polygons whose rings crossed themselves
	// and were split into simple loops before any union.
	Repaired int
}

// NewDissolver prepares the boundaries of a structure's municipalities.
//
// The simplified source files are not all valid in the OGC sense: a few
// rings cross themselves (a simplified coastline folding over), and some
// municipalities have parts that overlap. An overlay on such input gives
// wrong faces, so every polygon that fails validation is repaired first:
// each ring is split at every proper self-crossing into simple loops, the
// loops of the outer ring are unioned, and the loops of the holes are
// taken away from them. Overlapping parts need no repair: the union
// merges them.
func NewDissolver(fs []geo.Feature) (*Dissolver, error) {
	d := &Dissolver{parts: make(map[string][]geom.Geometry, len(fs)), inner: make(map[string]geom.Geometry, len(fs))}
	for _, f := range fs {
		var polys []geom.Geometry
		for i, p := range f.Geometry {
			g := polygon(p)
			if err := g.Validate(); err != nil {
				r, err := repair(p)
				if err != nil {
					return nil, fmt.Errorf("planfile: kommune %s, polygon %d: %w", f.Code, i, err)
				}
				d.Repaired++
				g = r
			}
			if !g.IsEmpty() {
				polys = append(polys, g)
			}
		}
		u, err := geom.UnionMany(polys)
		if err != nil {
			return nil, fmt.Errorf("planfile: kommune %s: %w", f.Code, err)
		}
		d.parts[f.Code] = polys
		d.inner[f.Code] = u.PointOnSurface().AsGeometry()
		d.codes = append(d.codes, f.Code)
	}
	slices.Sort(d.codes)
	return d, nil
}

// Dissolved is the boundary of a group of municipalities.
type Dissolved struct {
	// Geometry is the union in WGS84 longitude and latitude: valid, outer
	// rings counter-clockwise and holes clockwise (RFC 7946).
	Geometry orb.MultiPolygon
	// Slivers counts the holes filled because no other municipality lies
	// in them: gaps between members whose shared borders did not match.
	Slivers int
}

// Dissolve returns the union of the members' boundaries. A hole in the
// union is kept only where another municipality lies in it (an enclave);
// any other hole is a sliver between members and is filled. ENOTFOUND-like
// errors name an unknown code.
func (d *Dissolver) Dissolve(members []string) (Dissolved, error) {
	var gs []geom.Geometry
	in := map[string]bool{}
	for _, m := range members {
		ps, ok := d.parts[m]
		if !ok {
			return Dissolved{}, fmt.Errorf("planfile: no boundary for kommune %s", m)
		}
		gs = append(gs, ps...)
		in[m] = true
	}
	u, err := geom.UnionMany(gs)
	if err != nil {
		return Dissolved{}, fmt.Errorf("planfile: union of %v: %w", members, err)
	}
	var out Dissolved
	for _, p := range polygons(u) {
		var rings []geom.LineString
		rings = append(rings, p.ExteriorRing())
		for i := 0; i < p.NumInteriorRings(); i++ {
			hole := p.InteriorRingN(i)
			if d.holds(geom.NewPolygon([]geom.LineString{hole}).AsGeometry(), in) {
				rings = append(rings, hole)
			} else {
				out.Slivers++
			}
		}
		out.Geometry = append(out.Geometry, toOrb(geom.NewPolygon(rings).ForceCCW()))
	}
	return out, nil
}

// holds reports whether a municipality that is not a member lies in the
// area.
func (d *Dissolver) holds(area geom.Geometry, members map[string]bool) bool {
	for _, c := range d.codes {
		if !members[c] && geom.Intersects(area, d.inner[c]) {
			return true
		}
	}
	return false
}

// polygons lists the polygons of a polygonal geometry.
func polygons(g geom.Geometry) []geom.Polygon {
	switch g.Type() {
	case geom.TypePolygon:
		return []geom.Polygon{g.MustAsPolygon()}
	case geom.TypeMultiPolygon:
		m := g.MustAsMultiPolygon()
		out := make([]geom.Polygon, m.NumPolygons())
		for i := range out {
			out[i] = m.PolygonN(i)
		}
		return out
	case geom.TypeGeometryCollection:
		var out []geom.Polygon
		c := g.MustAsGeometryCollection()
		for i := 0; i < c.NumGeometries(); i++ {
			out = append(out, polygons(c.GeometryN(i))...)
		}
		return out
	}
	return nil // points and lines have no area
}

// polygon converts an orb polygon without checking it.
func polygon(p orb.Polygon) geom.Geometry {
	rings := make([]geom.LineString, len(p))
	for i, r := range p {
		rings[i] = lineString(r)
	}
	return geom.NewPolygon(rings).AsGeometry()
}

func lineString(r orb.Ring) geom.LineString {
	xy := make([]float64, 0, 2*len(r))
	for _, pt := range r {
		xy = append(xy, pt[0], pt[1])
	}
	return geom.NewLineString(geom.NewSequence(xy, geom.DimXY))
}

// toOrb converts a polygon back to orb.
func toOrb(p geom.Polygon) orb.Polygon {
	ring := func(ls geom.LineString) orb.Ring {
		seq := ls.Coordinates()
		r := make(orb.Ring, seq.Length())
		for i := range r {
			xy := seq.GetXY(i)
			r[i] = orb.Point{xy.X, xy.Y}
		}
		return r
	}
	out := orb.Polygon{ring(p.ExteriorRing())}
	for i := 0; i < p.NumInteriorRings(); i++ {
		out = append(out, ring(p.InteriorRingN(i)))
	}
	return out
}
