package geo

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func countPoints(mp orb.MultiPolygon) (rings, points int) {
	for _, p := range mp {
		for _, r := range p {
			rings++
			points += len(r)
		}
	}
	return rings, points
}

func TestSimplified(t *testing.T) {
	fs := MustFeatures(t, "kommuner_2024_S")
	total := 0
	for _, f := range fs {
		_, n := countPoints(f.Projected)
		total += n
	}
	prev := total
	// Tolerances in metres, from street level to a whole-country thumbnail.
	for _, tol := range []float64{0, 50, 500, 2000, 10000, 50000} {
		sum := 0
		for i := range fs {
			f := &fs[i]
			before := f.Projected.Clone()
			s := f.Simplified(tol)
			if !orb.Equal(before, f.Projected) {
				t.Fatalf("Simplified(%v) modified %s", tol, f.Code)
			}
			if len(s) != len(f.Projected) {
				t.Fatalf("Simplified(%v) of %s has %d polygons, want %d", tol, f.Code, len(s), len(f.Projected))
			}
			for pi, p := range s {
				if len(p) != len(f.Projected[pi]) {
					t.Fatalf("Simplified(%v) of %s polygon %d has %d rings, want %d", tol, f.Code, pi, len(p), len(f.Projected[pi]))
				}
				for ri, r := range p {
					if len(r) < 4 || !r[0].Equal(r[len(r)-1]) {
						t.Fatalf("Simplified(%v) of %s polygon %d ring %d = %v: not a closed ring of ≥ 4 positions", tol, f.Code, pi, ri, r)
					}
					if ri == 0 && planar.Area(orb.Polygon{r}) <= 0 {
						t.Errorf("Simplified(%v) of %s polygon %d has zero area", tol, f.Code, pi)
					}
				}
			}
			_, n := countPoints(s)
			sum += n
		}
		if sum > prev {
			t.Errorf("Simplified(%v) kept %d points, more than the %d of a smaller tolerance", tol, sum, prev)
		}
		t.Logf("tolerance %6.0f m: %6d of %d points", tol, sum, total)
		prev = sum
	}
}

func TestSimplifiedUtsira(t *testing.T) {
	f := find(MustFeatures(t, "kommuner_2024_S"), "1151")
	// 20 km is far more than the island's 3 km size: it must stay a
	// triangle of comparable extent, not vanish.
	s := f.Simplified(20000)
	area := planar.Area(s)
	if area < 0.1*float64(f.Area())*1e6 {
		t.Errorf("Simplified(20 km) of Utsira has area %.2f km², original %.2f", area/1e6, f.Area())
	}
	if b, ob := s.Bound(), f.Projected.Bound(); b.Max[0]-b.Min[0] < 0.5*(ob.Max[0]-ob.Min[0]) {
		t.Errorf("Simplified(20 km) of Utsira spans %.0f m east–west, original %.0f", b.Max[0]-b.Min[0], ob.Max[0]-ob.Min[0])
	}
}

func TestTriangle(t *testing.T) {
	r := orb.Ring{{0, 0}, {1, 0}, {2, 0.1}, {2, 1}, {1, 1.2}, {0, 1}, {0, 0}}
	got := triangle(r)
	if len(got) != 4 || !got[0].Equal(got[3]) || planar.Area(orb.Polygon{got}) <= 0 {
		t.Errorf("triangle(%v) = %v", r, got)
	}
	// Winding is kept: a counter-clockwise ring gives a counter-clockwise triangle.
	if r.Orientation() != got.Orientation() {
		t.Errorf("triangle(%v) = %v changed the orientation", r, got)
	}
}
