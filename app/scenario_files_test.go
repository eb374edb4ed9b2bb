package app_test

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/planfile"
	"generalist/storetest"
)

// The GeoJSON of a scenario is checked here independently of the
// dissolve: with the test's own ring geometry (spherical area, segment
// crossings, point in ring) on the file as written and on the source
// boundaries read with encoding/json.

type gjFile struct {
	Type     string         `json:"type"`
	CRS      map[string]any `json:"crs"`
	Features []struct {
		Properties map[string]any `json:"properties"`
		Geometry   struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

type ring = [][2]float64
type poly = []ring

func multiPolygon(t *testing.T, typ string, raw json.RawMessage) []poly {
	t.Helper()
	switch typ {
	case "Polygon":
		var p poly
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatal(err)
		}
		return []poly{p}
	case "MultiPolygon":
		var mp []poly
		if err := json.Unmarshal(raw, &mp); err != nil {
			t.Fatal(err)
		}
		return mp
	}
	t.Fatalf("geometry type %s", typ)
	return nil
}

// sphericalArea is a ring's area on a sphere of the mean Earth radius in
// km² (Chamberlain and Duquette 2007, "Some algorithms for polygons on a
// sphere", JPL): R²/2 · |Σ (λ₂−λ₁)(2 + sin φ₁ + sin φ₂)|.
func sphericalArea(r ring) float64 {
	const R = 6371.0088
	rad := math.Pi / 180
	s := 0.0
	for i := 0; i+1 < len(r); i++ {
		s += (r[i+1][0] - r[i][0]) * rad * (2 + math.Sin(r[i][1]*rad) + math.Sin(r[i+1][1]*rad))
	}
	return math.Abs(s) * R * R / 2
}

func polyArea(mp []poly) float64 {
	a := 0.0
	for _, p := range mp {
		for i, r := range p {
			if i == 0 {
				a += sphericalArea(r)
			} else {
				a -= sphericalArea(r)
			}
		}
	}
	return a
}

func orient(p, q, r [2]float64) float64 {
	return (q[0]-p[0])*(r[1]-p[1]) - (q[1]-p[1])*(r[0]-p[0])
}

// properlyCross reports whether segments ab and cd cross at a point
// inside both.
func properlyCross(a, b, c, d [2]float64) bool {
	o1, o2, o3, o4 := orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
	return o1*o2 < 0 && o3*o4 < 0
}

// inRing reports whether p is strictly inside r (even-odd rule).
func inRing(p [2]float64, r ring) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

// checkValid checks a multipolygon as OGC simple features require: rings
// closed with four or more positions, no segment in two rings (an inner
// boundary left between members), no two segments of the whole geometry
// properly crossing, and no polygon's outer ring inside another polygon's
// area. It returns the first fault.
func checkValid(mp []poly) string {
	type seg struct{ a, b [2]float64 }
	var segs []seg
	shared := map[seg]bool{}
	for _, p := range mp {
		for _, r := range p {
			if len(r) < 4 || r[0] != r[len(r)-1] {
				return "a ring is not closed or has fewer than four positions"
			}
			for i := 0; i+1 < len(r); i++ {
				s := seg{r[i], r[i+1]}
				segs = append(segs, s)
				if s.b[0] < s.a[0] || s.b[0] == s.a[0] && s.b[1] < s.a[1] {
					s.a, s.b = s.b, s.a
				}
				if shared[s] {
					return "a segment is in two rings (an inner boundary)"
				}
				shared[s] = true
			}
		}
	}
	minX := func(s seg) float64 { return math.Min(s.a[0], s.b[0]) }
	slices.SortFunc(segs, func(x, y seg) int { return int(math.Copysign(1, minX(x)-minX(y))) })
	for i, s := range segs {
		maxX := math.Max(s.a[0], s.b[0])
		for _, u := range segs[i+1:] {
			if minX(u) > maxX {
				break
			}
			if properlyCross(s.a, s.b, u.a, u.b) {
				return "two segments cross"
			}
		}
	}
	for i, p := range mp {
		for j, q := range mp {
			if i != j && inRing(q[0][0], p[0]) && !slices.ContainsFunc(p[1:], func(h ring) bool { return inRing(q[0][0], h) }) {
				return "a polygon lies inside another"
			}
		}
	}
	return ""
}

func TestScenarioGeoJSON(t *testing.T) {
	ctx := context.Background()
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	sc, err := a.Scenario(ctx, "sammenslaing-5000", false)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := a.ExportScenario(ctx, sc, app.FormatGeoJSON, 0, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var f gjFile
	if err := json.Unmarshal(ex.Body, &f); err != nil {
		t.Fatal(err)
	}
	// The source boundaries, read here without package geo.
	b, err := os.ReadFile("../data/geo/kommuner_2024_S.geojson")
	if err != nil {
		t.Fatal(err)
	}
	var src gjFile
	if err := json.Unmarshal(b, &src); err != nil {
		t.Fatal(err)
	}
	srcGeom := map[string][]poly{}
	country := 0.0
	for _, sf := range src.Features {
		mp := multiPolygon(t, sf.Geometry.Type, sf.Geometry.Coordinates)
		srcGeom[sf.Properties["kommunenummer"].(string)] = mp
		country += polyArea(mp)
	}
	// One feature per municipality the scenario makes: 233 (the example's
	// description and TestExamples).
	if f.Type != "FeatureCollection" || len(f.Features) != 233 {
		t.Fatalf("%s with %d features, want a FeatureCollection of 233", f.Type, len(f.Features))
	}
	total, merged, seen := 0.0, 0, map[string]bool{}
	for i, ft := range f.Features {
		p := ft.Properties
		name := p["name"].(string)
		var members []string
		for _, m := range p["members"].([]any) {
			members = append(members, m.(string))
			if seen[m.(string)] {
				t.Errorf("kommune %s is in two features", m)
			}
			seen[m.(string)] = true
		}
		if ft.Geometry.Type != "MultiPolygon" {
			t.Fatalf("feature %d (%s): %s, want MultiPolygon", i, name, ft.Geometry.Type)
		}
		mp := multiPolygon(t, ft.Geometry.Type, ft.Geometry.Coordinates)
		if fault := checkValid(mp); fault != "" {
			t.Errorf("feature %d (%s): invalid: %s", i, name, fault)
		}
		area := polyArea(mp)
		total += area
		// No holes where members shared borders: a hole is kept only
		// around a municipality that is not a member, which lies in it.
		for _, pg := range mp {
			for _, hole := range pg[1:] {
				enclave := false
				for code, g := range srcGeom {
					if !slices.Contains(members, code) && inRing(g[0][0][len(g[0][0])/2], hole) {
						enclave = true
					}
				}
				if !enclave {
					t.Errorf("feature %d (%s): a hole of %.4f km² holds no other municipality", i, name, sphericalArea(hole))
				}
			}
		}
		// The members' own area is all there: none lost (a hole or a
		// gap), and little gained (the lobes of the few source rings that
		// cross themselves, which the shoelace sum of the source counts
		// with opposite signs, up to 1.5 % in Farsund).
		memberArea := 0.0
		for _, m := range members {
			memberArea += polyArea(srcGeom[m])
		}
		if area < 0.999*memberArea || area > 1.02*memberArea {
			t.Errorf("feature %d (%s): %.1f km², its members %.1f km²", i, name, area, memberArea)
		}
		if p["kind"] == planfile.KindMerged {
			merged++
		}
		if _, ok := p["inhabitants"].(float64); !ok {
			t.Errorf("feature %d (%s): inhabitants %v", i, name, p["inhabitants"])
		}
	}
	if len(seen) != 357 || merged != 80 {
		t.Errorf("%d municipalities in %d merged features, want 357 in 80", len(seen), merged)
	}
	if math.Abs(total-country) > 0.001*country {
		t.Errorf("the features cover %.0f km², the country %.0f km² (%.3f %%)", total, country, 100*(total-country)/country)
	}
	t.Logf("country %.0f km², features %.0f km² (%+.4f %%)", country, total, 100*(total-country)/country)

	// EPSG:25833: the same features in metres, the CRS named for QGIS.
	ex, err = a.ExportScenario(ctx, sc, app.FormatGeoJSON, planfile.UTM33, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var u gjFile
	if err := json.Unmarshal(ex.Body, &u); err != nil {
		t.Fatal(err)
	}
	if name := u.CRS["properties"].(map[string]any)["name"]; name != "urn:ogc:def:crs:EPSG::25833" || len(u.Features) != 233 {
		t.Errorf("25833: crs %v, %d features", name, len(u.Features))
	}
	mp := multiPolygon(t, u.Features[0].Geometry.Type, u.Features[0].Geometry.Coordinates)
	if x, y := mp[0][0][0][0], mp[0][0][0][1]; x < -100e3 || x > 1200e3 || y < 6.4e6 || y > 8e6 {
		t.Errorf("25833: first vertex %v, %v is not in Norway in metres", x, y)
	}
	if _, err := a.ExportScenario(ctx, sc, app.FormatGeoJSON, 3857, app.TodayOptions{}); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("crs 3857 = %v, want EINVALID", err)
	}
}

// TestScenarioCSVRoundTrip: the CSV of the 5 000 example, imported back
// (standard and Excel variant), gives a scenario that evaluates to the
// same outcome.
func TestScenarioCSVRoundTrip(t *testing.T) {
	ctx := context.Background()
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	sc, err := a.Scenario(ctx, "sammenslaing-5000", false)
	if err != nil {
		t.Fatal(err)
	}
	want, err := a.Evaluate(ctx, sc, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{app.FormatCSV, app.FormatCSVExcel} {
		ex, err := a.ExportScenario(ctx, sc, format, 0, app.TodayOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if lines := strings.Count(string(ex.Body), "\n"); lines != 358 {
			t.Errorf("%s: %d lines, want a header and 357 rows", format, lines)
		}
		res, err := a.ImportScenario(ctx, app.PlanImport{File: ex.Body, FileName: ex.FileName, Name: "Tilbake " + format, Year: sc.Year})
		if err != nil {
			t.Fatalf("%s: %v (%v)", format, err, res)
		}
		got, err := a.Evaluate(ctx, res.Scenario, app.TodayOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got.Municipalities != want.Municipalities || got.Inhabitants != want.Inhabitants || got.Vulnerable != want.Vulnerable ||
			got.VulnerableInhabitants != want.VulnerableInhabitants || len(got.Units) != len(want.Units) {
			t.Fatalf("%s: imported %d municipalities, %d below robust; the example %d, %d", format, got.Municipalities, got.Vulnerable, want.Municipalities, want.Vulnerable)
		}
		for i := range got.Units {
			g, w := got.Units[i], want.Units[i]
			if g.Number != w.Number || g.Name != w.Name || !slices.Equal(g.Members, w.Members) || g.Population != w.Population || !slices.Equal(g.Shortfalls, w.Shortfalls) {
				t.Errorf("%s: unit %d is %+v, the example's %+v", format, i, g, w)
			}
		}
		if stored, err := a.Scenario(ctx, res.Scenario.ID, true); err != nil || len(stored.Mergers) != 80 {
			t.Errorf("%s: stored %v, %v", format, stored, err)
		}
	}
}

// TestImportProblems: each refused plan names the place of its problem,
// and nothing is stored.
func TestImportProblems(t *testing.T) {
	ctx := context.Background()
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	for _, tt := range []struct {
		name, file, want string
	}{
		{"unknown", "kommunenummer,gruppe\n1811,a\n9999,a\n", "plan.csv line 3, column kommunenummer: kommune 9999 is not in the base structure"},
		{"twice", "kommunenummer;gruppe\n1811;a\n1812;a\n1811;b\n", "plan.csv line 4, column kommunenummer: kommune 1811 is given twice (first at plan.csv line 2)"},
		{"not contiguous", "kommunenummer,gruppe,gruppenavn\n0301,a,Langt\n5601,a,Langt\n", "plan.csv line 2, column gruppe: group Langt (0301, 5601): the members do not form a contiguous area"},
		{"bad number", "kommunenummer,gruppe\n18x1,a\n", "plan.csv line 2, column kommunenummer:"},
		{"centre", "kommunenummer,gruppe,senter\n1811,a,1811\n1812,a,1813\n", "plan.csv line 3, column senter: group a has centre 1813 here and 1811 at plan.csv line 2, column senter"},
		{"no header", "nummer,navn\n1811,a\n", "plan.csv line 1: the header has no column kommunenummer"},
		{"geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunenummer":"1811","gruppe":"x"},"geometry":null},{"type":"Feature","properties":{"kommunenummer":999,"gruppe":"x"},"geometry":null}]}`,
			"plan.csv feature 2, property kommunenummer: kommune 0999 is not in the base structure"},
	} {
		res, err := a.ImportScenario(ctx, app.PlanImport{File: []byte(tt.file), FileName: "plan.csv", Name: tt.name})
		if generalist.ErrorCode(err) != generalist.EINVALID || res == nil || len(res.Problems) == 0 || !strings.HasPrefix(res.Problems[0].String(), tt.want) {
			t.Errorf("%s: %v, problems %v; want %q", tt.name, err, res, tt.want)
		}
	}
	list, err := a.Store.Scenarios(ctx)
	if err != nil || len(list) != 0 {
		t.Errorf("refused imports stored %d scenarios, %v", len(list), err)
	}
	// Excel drops the leading zero; the import puts it back.
	res, err := a.ImportScenario(ctx, app.PlanImport{File: []byte("\ufeffkommunenummer;gruppe;gruppenavn\r\n301;a;Stor-Oslo\r\n3201;a;Stor-Oslo\r\n"), Name: "Stor-Oslo", DryRun: true})
	if err != nil || len(res.Scenario.Mergers) != 1 || res.Scenario.Mergers[0].Members[0] != "0301" || res.Scenario.ID != "stor-oslo" || res.Stored {
		t.Errorf("Excel file: %v, %+v", err, res)
	}
}
