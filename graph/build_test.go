package graph

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"generalist"
	"generalist/geo"

	"github.com/paulmach/orb"
)

// box is a closed ring from (lon, lat) to (lon+w, lat+h), counter-clockwise.
func box(lon, lat, w, h float64) string {
	return fmt.Sprintf("[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]", lon, lat, lon+w, lat, lon+w, lat+h, lon, lat+h, lon, lat)
}

// feature returns a GeoJSON MultiPolygon feature; each polygon is a list of
// rings.
func feature(code string, polys ...[]string) string {
	ps := make([]string, len(polys))
	for i, p := range polys {
		ps[i] = "[" + strings.Join(p, ",") + "]"
	}
	return fmt.Sprintf(`{"type":"Feature","properties":{"kommunenummer":%q,"kommunenavn":"K%s"},"geometry":{"type":"MultiPolygon","coordinates":[%s]}}`,
		code, code, strings.Join(ps, ","))
}

func mustRead(t *testing.T, fs ...string) []geo.Feature {
	t.Helper()
	out, err := geo.ReadMunicipalities(strings.NewReader(`{"type":"FeatureCollection","features":[` + strings.Join(fs, ",") + `]}`))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func kinds(g *Graph) string {
	var b strings.Builder
	for _, e := range g.Edges() {
		fmt.Fprintf(&b, "%s-%s:%s ", g.Node(e.A).Code, g.Node(e.B).Code, e.Kind)
	}
	return strings.TrimSpace(b.String())
}

func TestBuildSynthetic(t *testing.T) {
	const d = 0.01
	for _, tt := range []struct {
		name     string
		features []string
		opt      Options
		want     string
	}{
		{
			name: "RookQueen",
			features: []string{
				feature("4201", []string{box(10, 60, d, d)}),
				feature("4202", []string{box(10+d, 60, d, d)}),
				feature("4203", []string{box(10+2*d, 60+d, d, d)}),
			},
			want: "4201-4202:rook 4202-4203:queen",
		},
		{
			// The segments of B run the other way round; a shared border is
			// found whatever the direction.
			name: "ReversedRing",
			features: []string{
				feature("4201", []string{box(10, 60, d, d)}),
				feature("4202", []string{fmt.Sprintf("[[%g,60],[%g,%g],[%g,%g],[%g,60],[%g,60]]", 10+d, 10+d, 60+d, 10+2*d, 60+d, 10+2*d, 10+d)}),
			},
			want: "4201-4202:rook",
		},
		{
			// Two islands nearer each other than the mainland pick each
			// other in the first round; the second round joins the pair
			// to the mainland.
			name: "IslandPair",
			features: []string{
				feature("4201", []string{box(10, 60, d, d)}),
				feature("4202", []string{box(10+d, 60, d, d)}),
				feature("4203", []string{box(10.1, 60, d, d)}),
				feature("4204", []string{box(10.1+2*d, 60, d, d)}),
			},
			want: "4201-4202:rook 4202-4203:bridge 4203-4204:bridge",
		},
		{
			name: "NoBridges",
			features: []string{
				feature("4201", []string{box(10, 60, d, d)}),
				feature("4203", []string{box(10.1, 60, d, d)}),
			},
			opt:  Options{NoBridges: true},
			want: "",
		},
		{
			// An enclave filling a hole of its neighbour, and a feature
			// whose two parts share a side (no self-loop).
			name: "EnclaveAndSelfTouch",
			features: []string{
				feature("4201", []string{box(10, 60, 3*d, 3*d), box(10+d, 60+d, d, d)}),
				feature("4202", []string{box(10+d, 60+d, d, d)}),
				feature("4203", []string{box(10+3*d, 60, d, 3*d)}, []string{box(10+4*d, 60, d, 3*d)}),
			},
			want: "4201-4202:rook 4201-4203:rook",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Build(mustRead(t, tt.features...), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := kinds(g); got != tt.want {
				t.Errorf("Build edges = %q, want %q", got, tt.want)
			}
			if !tt.opt.NoBridges && !g.IsConnected() {
				t.Errorf("Build graph not connected")
			}
		})
	}
}

func TestBuildLengths(t *testing.T) {
	const d = 0.01
	g, err := Build(mustRead(t,
		feature("4201", []string{box(15, 60, 3*d, 3*d), box(15+d, 60+d, d, d)}),
		feature("4202", []string{box(15+d, 60+d, d, d)}),
		feature("4203", []string{box(15.1, 60, d, d)}),
	), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Near the central meridian at 60.015°N, 0.01° of latitude is
	// M·0.01° = 1 114.13 m on GRS80 and 0.01° of longitude N·cos φ·0.01° =
	// 557.75 m (M, N the radii of curvature), both times the scale 0.9996:
	// the enclave's border is 2·0.9996·(1114.13 + 557.75) = 3 342.4 m.
	e, _ := g.Edge(0, 1)
	if want := 3342.4; math.Abs(e.BorderM-want) > 0.5 {
		t.Errorf("enclave border = %.1f m, want %.1f", e.BorderM, want)
	}
	// 4203 lies 0.07° of longitude east of 4201; the gap is narrowest at
	// the top of 4203, 60.01°N: 0.9996·N·cos φ·0.07° = 3 903.3 m.
	e, _ = g.Edge(0, 2)
	if e.Kind != Bridge || math.Abs(e.GapM-3903.3) > 0.5 {
		t.Errorf("bridge = %+v, want a gap of 3 903.3 m", e)
	}
}

func TestBuildErrors(t *testing.T) {
	if _, err := Build(nil, Options{}); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Build(nil) = %v, want EINVALID", err)
	}
	fs := mustRead(t, feature("4201", []string{box(10, 60, 0.01, 0.01)}))
	fs = append(fs, fs[0])
	if _, err := Build(fs, Options{}); generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), "4201") {
		t.Errorf("Build(duplicate) = %v, want EINVALID naming 4201", err)
	}
	fs = []geo.Feature{{Code: "4201", Name: "X"}}
	if _, err := Build(fs, Options{}); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Build(no geometry) = %v, want EINVALID", err)
	}
}

func TestSegmentDistance(t *testing.T) {
	for _, tt := range []struct {
		p, q, r, s [2]float64
		want       float64
	}{
		{[2]float64{0, 0}, [2]float64{2, 2}, [2]float64{0, 2}, [2]float64{2, 0}, 0}, // crossing
		{[2]float64{0, 0}, [2]float64{1, 0}, [2]float64{1, 0}, [2]float64{2, 5}, 0}, // shared end
		{[2]float64{0, 0}, [2]float64{4, 0}, [2]float64{2, 3}, [2]float64{2, 1}, 1}, // T, apart
		{[2]float64{0, 0}, [2]float64{1, 0}, [2]float64{4, 4}, [2]float64{5, 4}, 5}, // corner to corner
		{[2]float64{0, 0}, [2]float64{4, 0}, [2]float64{1, 2}, [2]float64{3, 2}, 2}, // parallel
		{[2]float64{0, 0}, [2]float64{4, 0}, [2]float64{2, 0}, [2]float64{6, 0}, 0}, // collinear overlap
		{[2]float64{0, 0}, [2]float64{1, 0}, [2]float64{3, 0}, [2]float64{6, 0}, 2}, // collinear apart
	} {
		if got := segmentDistance(tt.p, tt.q, tt.r, tt.s); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("segmentDistance(%v, %v, %v, %v) = %v, want %v", tt.p, tt.q, tt.r, tt.s, got, tt.want)
		}
	}
}

func TestHaversine(t *testing.T) {
	// A quarter of a great circle, and one degree of the equator.
	for _, tt := range []struct {
		lon1, lat1, lon2, lat2 float64
		want                   generalist.Km
	}{
		{0, 0, 90, 0, EarthRadius * math.Pi / 2},
		{0, 0, 0, 90, EarthRadius * math.Pi / 2},
		{10, 0, 11, 0, EarthRadius * math.Pi / 180},
		{5, 60, 5, 60, 0},
	} {
		if got := haversine(tt.lon1, tt.lat1, tt.lon2, tt.lat2); math.Abs(float64(got-tt.want)) > 1e-9 {
			t.Errorf("haversine(%v, %v, %v, %v) = %v, want %v", tt.lon1, tt.lat1, tt.lon2, tt.lat2, got, tt.want)
		}
	}
}

func TestNearestOutsideTie(t *testing.T) {
	sq := func(pts ...orb.Point) outline {
		r := orb.Ring(append(pts, pts[0]))
		return outline{bound: r.Bound(), rings: []orb.Ring{r}, boxes: []orb.Bound{r.Bound()}}
	}
	a := sq(orb.Point{0, 0}, orb.Point{10, 0}, orb.Point{10, 10}, orb.Point{0, 10})
	b := sq(orb.Point{10, 0}, orb.Point{20, 0}, orb.Point{20, 10}, orb.Point{10, 10})
	// An island whose tip is 5 m below the corner the two share.
	c := sq(orb.Point{10, -5}, orb.Point{5, -10}, orb.Point{15, -10})
	// Like b, but with a leg reaching down past the island (6 m from it),
	// so its bounding box is nearer than a's though its distance is the same.
	b2 := sq(orb.Point{10, 0}, orb.Point{21, 0}, orb.Point{21, -20}, orb.Point{30, -20}, orb.Point{30, 10}, orb.Point{10, 10})
	for _, tt := range []struct {
		outlines     []outline
		comp         []int
		wantU, wantV int
	}{
		{[]outline{a, b, c}, []int{2}, 2, 0},
		{[]outline{c, b, a}, []int{0}, 0, 1},
		{[]outline{b, c, a}, []int{1}, 1, 0},
		{[]outline{a, b2, c}, []int{2}, 2, 0},
		{[]outline{b2, a, c}, []int{2}, 2, 0},
	} {
		u, v, d := nearestOutside(tt.outlines, tt.comp)
		if u != tt.wantU || v != tt.wantV || d != 5 {
			t.Errorf("nearestOutside(comp %v) = %d, %d, %v; want %d, %d, 5", tt.comp, u, v, d, tt.wantU, tt.wantV)
		}
	}
}
