package planfile

import (
	"math"
	"testing"

	"generalist/geo"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func square(x, y, size float64) orb.Polygon {
	return orb.Polygon{{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}
}

// TestDissolve: neighbours merge without an inner boundary; a hole round
// a municipality that is not a member is kept; a gap between members that
// holds no municipality is filled; a ring crossing itself is repaired to
// both its lobes.
func TestDissolve(t *testing.T) {
	var fs []geo.Feature
	codes := []string{}
	// A 3×3 block of unit squares, the centre one "0005".
	for i := range 9 {
		code := "000" + string(rune('1'+i))
		fs = append(fs, geo.Feature{Code: code, Geometry: orb.MultiPolygon{square(float64(i%3), float64(i/3), 1)}})
		codes = append(codes, code)
	}
	// Two squares to the right, the second with a notch 0.001 deep in
	// the shared side: a gap enclosed between them.
	fs = append(fs, geo.Feature{Code: "1001", Geometry: orb.MultiPolygon{square(5, 0, 1)}},
		geo.Feature{Code: "1002", Geometry: orb.MultiPolygon{{{{6, 0}, {7, 0}, {7, 1}, {6, 1}, {6, 0.6}, {6.001, 0.6}, {6.001, 0.4}, {6, 0.4}, {6, 0}}}}},
		// A figure eight: two unit triangles meeting where the ring crosses.
		geo.Feature{Code: "2001", Geometry: orb.MultiPolygon{{{{10, 0}, {12, 2}, {12, 0}, {10, 2}, {10, 0}}}}})
	d, err := NewDissolver(fs)
	if err != nil {
		t.Fatal(err)
	}
	if d.Repaired != 1 {
		t.Errorf("repaired %d polygons, want the figure eight", d.Repaired)
	}
	two, err := d.Dissolve([]string{"0001", "0002"})
	if err != nil {
		t.Fatal(err)
	}
	if len(two.Geometry) != 1 || len(two.Geometry[0]) != 1 || math.Abs(planar.Area(two.Geometry)-2) > 1e-12 {
		t.Errorf("two neighbours: %v", two.Geometry)
	}
	ring := []string{}
	for _, c := range codes {
		if c != "0005" {
			ring = append(ring, c)
		}
	}
	around, err := d.Dissolve(ring)
	if err != nil {
		t.Fatal(err)
	}
	if len(around.Geometry) != 1 || len(around.Geometry[0]) != 2 || around.Slivers != 0 || math.Abs(planar.Area(around.Geometry)-8) > 1e-12 {
		t.Errorf("eight round an enclave: %d polygons, %d rings, %d slivers, area %g", len(around.Geometry), len(around.Geometry[0]), around.Slivers, planar.Area(around.Geometry))
	}
	if o := around.Geometry[0][0].Orientation(); o != orb.CCW {
		t.Errorf("outer ring %v, want counter-clockwise", o)
	}
	gap, err := d.Dissolve([]string{"1001", "1002"})
	if err != nil {
		t.Fatal(err)
	}
	if len(gap.Geometry) != 1 || len(gap.Geometry[0]) != 1 || gap.Slivers != 1 {
		t.Errorf("a gap between members: %d polygons, %d rings, %d slivers", len(gap.Geometry), len(gap.Geometry[0]), gap.Slivers)
	}
	eight, err := d.Dissolve([]string{"2001"})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(planar.Area(eight.Geometry)-2) > 1e-12 {
		t.Errorf("figure eight: area %g, want both lobes (2)", planar.Area(eight.Geometry))
	}
	if _, err := d.Dissolve([]string{"9999"}); err == nil {
		t.Error("an unknown code dissolved")
	}
}
