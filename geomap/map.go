package geomap

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"generalist"
	"generalist/geo"

	"github.com/paulmach/orb"
)

// levels are the Douglas–Peucker tolerances, in UTM metres, of the zoom
// levels New prepares, coarsest first. Render uses the coarsest level whose
// tolerance is at most 1.25 output pixels (see levelFor): 2 000 m for the
// whole country up to about 750 pixels wide, 500 m for a county or a wider
// country map, 100 m for a municipality and its neighbours.
var levels = [...]float64{2000, 500, 100}

// gridDivisor is the number of grid steps per tolerance: coordinates of a
// level are stored as integers on a grid of tolerance/gridDivisor metres
// (200 m, 50 m and 10 m), far below a pixel and short to write.
const gridDivisor = 10

// Map holds the projected, pre-simplified geometry of one structure
// (kommuneinndeling), computed once at start by New and then only read:
// Render may be called from many goroutines at once.
type Map struct {
	areas    []shape // municipalities, by code
	counties []shape // counties, by code
	index    map[string]int
	bound    orb.Bound // all municipalities, UTM 33N metres
	origin   orb.Point // grid origin: west and north edge, metres
}

// shape is one municipality or county, ready to write.
type shape struct {
	code    string
	nameXML string    // name from the boundary file, XML-escaped
	bound   orb.Bound // UTM 33N metres
	// path holds the SVG path data on each level's grid.
	path [len(levels)]string
	// coarse is the geometry at the coarsest level in metres, for placing
	// the legend where it covers the least land.
	coarse orb.MultiPolygon
}

// New precomputes the SVG path data of every municipality and county at
// each of three zoom levels (Douglas–Peucker tolerances of 2 000, 500 and
// 100 m; see the package documentation). municipalities and counties are
// the features of geo.ReadMunicipalities and geo.ReadCounties for one
// structure (for 2024: data/geo/kommuner_2024_S.geojson and
// fylker_2024_S.geojson); counties may be empty, and then no county
// borders are drawn.
//
// New returns an EINVALID *generalist.Error for no municipalities, a
// duplicate code or an empty geometry. It takes O(v log v) for v vertices
// (Douglas–Peucker at three tolerances): 25–35 ms for the 2024
// municipalities and counties on one core, and keeps about 2 MB.
func New(municipalities, counties []geo.Feature) (*Map, error) {
	if len(municipalities) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "geomap: new map: no municipalities")
	}
	m := &Map{index: make(map[string]int, len(municipalities))}
	var all orb.Bound
	first := true
	for _, list := range [][]geo.Feature{municipalities, counties} {
		seen := map[string]bool{}
		for _, f := range list {
			if seen[f.Code] {
				return nil, generalist.Errorf(generalist.EINVALID, "geomap: new map: duplicate code %q", f.Code)
			}
			seen[f.Code] = true
			if len(f.Projected) == 0 || len(f.Projected[0]) == 0 {
				return nil, generalist.Errorf(generalist.EINVALID, "geomap: new map: %s %s has no geometry", f.Code, f.Name)
			}
			b := f.Projected.Bound()
			if first {
				all, first = b, false
			} else {
				all = all.Union(b)
			}
		}
	}
	// The grid origin lies on a whole kilometre, a multiple of every grid
	// step, so the levels share one origin.
	m.origin = orb.Point{math.Floor(all.Min[0]/1000) * 1000, math.Ceil(all.Max[1]/1000) * 1000}
	build := func(list []geo.Feature) []shape {
		out := make([]shape, len(list))
		for i := range list {
			f := &list[i]
			s := shape{code: f.Code, nameXML: escape(f.Name), bound: f.Projected.Bound()}
			for l, tol := range levels {
				g := f.Simplified(tol)
				if l == 0 {
					s.coarse = g
				}
				s.path[l] = pathData(g, m.origin, tol/gridDivisor)
			}
			out[i] = s
		}
		sortShapes(out)
		return out
	}
	m.areas = build(municipalities)
	m.counties = build(counties)
	for i, s := range m.areas {
		m.index[s.code] = i
		if i == 0 {
			m.bound = s.bound
		} else {
			m.bound = m.bound.Union(s.bound)
		}
	}
	return m, nil
}

func sortShapes(s []shape) {
	slices.SortFunc(s, func(a, b shape) int { return strings.Compare(a.code, b.code) })
}

// pathData writes g as SVG path data on a grid of step metres from origin,
// y pointing south: an absolute moveto per ring, then relative linetos, which
// keeps most numbers to two or three digits. Points are rounded to the grid
// before differencing, so the relative steps add up exactly. Repeated grid
// points are dropped, and a ring left with fewer than two distinct points is
// skipped; if every ring of g would be, the first point is written as a
// one-step square so the area still has a path to click and to title.
func pathData(g orb.MultiPolygon, origin orb.Point, step float64) string {
	var b []byte
	pts := make([][2]int64, 0, 64)
	var firstX, firstY int64
	haveFirst := false
	for _, poly := range g {
		for _, ring := range poly {
			pts = pts[:0]
			for _, p := range ring {
				x := int64(math.Round((p[0] - origin[0]) / step))
				y := int64(math.Round((origin[1] - p[1]) / step))
				if !haveFirst {
					firstX, firstY, haveFirst = x, y, true
				}
				if n := len(pts); n > 0 && pts[n-1] == [2]int64{x, y} {
					continue
				}
				pts = append(pts, [2]int64{x, y})
			}
			if n := len(pts); n > 1 && pts[n-1] == pts[0] {
				pts = pts[:n-1] // z closes the ring
			}
			if len(pts) < 2 {
				continue
			}
			b = append(b, 'M')
			b = strconv.AppendInt(b, pts[0][0], 10)
			b = appendNum(b, pts[0][1])
			b = append(b, 'l')
			for i := 1; i < len(pts); i++ {
				dx, dy := pts[i][0]-pts[i-1][0], pts[i][1]-pts[i-1][1]
				if i == 1 {
					b = strconv.AppendInt(b, dx, 10)
				} else {
					b = appendNum(b, dx)
				}
				b = appendNum(b, dy)
			}
			b = append(b, 'z')
		}
	}
	if len(b) == 0 && haveFirst {
		b = append(b, 'M')
		b = strconv.AppendInt(b, firstX, 10)
		b = appendNum(b, firstY)
		b = append(b, "h1v1h-1z"...)
	}
	return string(b)
}

// appendNum appends v after a previous number: a negative sign separates
// numbers by itself, so only non-negative ones need a space.
func appendNum(b []byte, v int64) []byte {
	if v >= 0 {
		b = append(b, ' ')
	}
	return strconv.AppendInt(b, v, 10)
}
