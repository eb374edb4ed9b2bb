package chart

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"generalist/internal/nbfmt"
)

// rogaland holds the municipalities of Rogaland: population on 1 January
// 2026 and its change since 2016 in per cent (SSB table 07459, 2024
// structure, from data/befolkning_tidsserie_k2024.csv) and the
// centrality class (data/sentralitetsklasse_k2024_uverifisert.csv).
var rogaland = []struct {
	num, name string
	pop       float64
	change    float64
	class     string
}{
	{"1101", "Eigersund", 15546, 4.0, "4"},
	{"1103", "Stavanger", 151669, 7.8, "2"},
	{"1106", "Haugesund", 38663, 4.6, "3"},
	{"1108", "Sandnes", 85785, 12.8, "2"},
	{"1111", "Sokndal", 3356, 1.3, "5"},
	{"1112", "Lund", 3229, -0.4, "5"},
	{"1114", "Bjerkreim", 2894, 2.4, "4"},
	{"1119", "Hå", 20087, 8.0, "4"},
	{"1120", "Klepp", 21444, 13.0, "3"},
	{"1121", "Time", 20461, 10.2, "3"},
	{"1122", "Gjesdal", 12715, 7.3, "3"},
	{"1124", "Sola", 29541, 13.2, "2"},
	{"1127", "Randaberg", 11841, 10.3, "3"},
	{"1130", "Strand", 13959, 12.0, "3"},
	{"1133", "Hjelmeland", 2612, -4.6, "5"},
	{"1134", "Suldal", 3891, -0.3, "6"},
	{"1135", "Sauda", 4603, -2.3, "5"},
	{"1144", "Kvitsøy", 579, 10.5, "6"},
	{"1145", "Bokn", 907, 4.9, "5"},
	{"1146", "Tysvær", 11750, 7.6, "4"},
	{"1149", "Karmøy", 43990, 4.3, "4"},
	{"1151", "Utsira", 219, 9.5, "6"},
	{"1160", "Vindafjord", 9181, 4.5, "5"},
}

// rogalandFit is the least-squares line of change on log₂ population,
// from the closed form of simple regression.
func rogalandFit() *Fit {
	var n, mx, my float64
	for _, m := range rogaland {
		n++
		mx += math.Log2(m.pop)
		my += m.change
	}
	mx /= n
	my /= n
	var sxx, sxy float64
	for _, m := range rogaland {
		dx := math.Log2(m.pop) - mx
		sxx += dx * dx
		sxy += dx * (m.change - my)
	}
	b := sxy / sxx
	return &Fit{Intercept: my - b*mx, Slope: b, LogBase: 2, Label: "Regresjonslinje"}
}

func rogalandChart() ScatterChart {
	c := ScatterChart{
		Title:  "Befolkningsendring 2016–2026 etter folkemengde, Rogaland",
		XLabel: "Innbyggere 2026",
		YLabel: "Endring (%)",
		Source: "SSB, tabell 07459; sentralitetsklasser uverifisert",
		Groups: []string{"Sentralitet 2", "Sentralitet 3", "Sentralitet 4", "Sentralitet 5", "Sentralitet 6"},
		LogX:   true,
		Fit:    rogalandFit(),
		Format: func(v float64) string { return nbfmt.Bokmal.Percent(v, 1) },
	}
	for _, m := range rogaland {
		c.Points = append(c.Points, ScatterPoint{X: m.pop, Y: m.change, Label: m.name, Group: "Sentralitet " + m.class,
			Href: "/kommune/" + m.num, Highlight: m.name == "Haugesund"})
	}
	return c
}

var scatterCases = []struct {
	name   string
	render func(io.Writer) error
}{
	{"scatter", func(w io.Writer) error { return Scatter(w, rogalandChart()) }},
	{"scatter-linear-en", func(w io.Writer) error {
		c := rogalandChart()
		c.Title, c.XLabel, c.YLabel, c.Source, c.Lang = "Population change 2016–2026 by size, Rogaland", "Inhabitants 2026", "Change (%)", "Statistics Norway, table 07459", "en"
		c.LogX, c.Groups, c.Format = false, nil, nil
		c.Fit.Label = ""
		for i := range c.Points {
			c.Points[i].Group, c.Points[i].Href = "", ""
		}
		return Scatter(w, c)
	}},
}

func TestScatterGolden(t *testing.T) {
	for _, tt := range scatterCases {
		t.Run(tt.name, func(t *testing.T) {
			checkSVG(t, checkGolden(t, tt.name, tt.render))
		})
	}
}

func scatterDescOf(t *testing.T, c ScatterChart) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := Scatter(&buf, c); err != nil {
		t.Fatal(err)
	}
	checkSVG(t, buf.Bytes())
	m := regexp.MustCompile(`<desc[^>]*>([^<]*)</desc>`).FindStringSubmatch(buf.String())
	if m == nil {
		t.Fatalf("no desc in\n%s", buf.String())
	}
	return m[1], buf.String()
}

func TestScatterAccessible(t *testing.T) {
	desc, out := scatterDescOf(t, rogalandChart())
	for _, want := range []string{
		"23 punkter, 5 grupper: Sentralitet 2 (3), Sentralitet 3 (6), Sentralitet 4 (5), Sentralitet 5 (6) og Sentralitet 6 (3).",
		"Innbyggere 2026: fra 219 (Utsira) til 151\u00a0669 (Stavanger), logaritmisk skala.",
		"Endring (%): fra -4,6\u00a0% (Hjelmeland) til 13,2\u00a0% (Sola).",
		"Regresjonslinje: fra ",
		"per dobling av innbyggere 2026",
		"Uthevet: Haugesund (38\u00a0663; 4,6\u00a0%).",
	} {
		if !strings.Contains(desc, want) {
			t.Errorf("desc lacks %q:\n%s", want, desc)
		}
	}
	for _, want := range []string{
		`role="group"`, // links
		`<a href="/kommune/1151" class="chart-link">`,
		"<title>Utsira: Innbyggere 2026 219; Endring (%) 9,5\u00a0%</title>",
		">1\u00a0000<", ">10\u00a0000<", ">100\u00a0000<", // plain numbers on the log axis
		"Innbyggere 2026 (logaritmisk skala)",
		`class="chart-fit"`,
		`class="chart-highlight"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	c := rogalandChart()
	for i := range c.Points {
		c.Points[i].Href = ""
	}
	if _, out := scatterDescOf(t, c); !strings.Contains(out, `role="img"`) || strings.Contains(out, "<a ") {
		t.Error("a scatter plot without links should have role img and no <a>")
	}
}

// TestScatterFitLine checks that a line in log₂ x on a log axis is one
// straight segment through the right points, and that on a linear axis
// it is a curve.
func TestScatterFitLine(t *testing.T) {
	fitPath := func(c ScatterChart) string {
		var buf bytes.Buffer
		if err := Scatter(&buf, c); err != nil {
			t.Fatal(err)
		}
		_, rest, ok := strings.Cut(buf.String(), `<path class="chart-fit" d="`)
		if !ok {
			t.Fatalf("no fitted line in\n%s", buf.String())
		}
		d, _, _ := strings.Cut(rest, `"`)
		return d
	}
	c := ScatterChart{Title: "x", LogX: true, Points: []ScatterPoint{{X: 100, Y: 0}, {X: 10000, Y: 10}}, Fit: &Fit{Intercept: -10, Slope: 10 / math.Log2(100), LogBase: 2}}
	d := fitPath(c)
	if strings.Count(d, "L") != 1 {
		t.Errorf("line in log x on a log axis: d = %q, want one segment", d)
	}
	// The line passes through both points, so it starts and ends where
	// they are drawn.
	var buf bytes.Buffer
	Scatter(&buf, c)
	pts := regexp.MustCompile(`class="chart-point" d="M([0-9.]+) ([0-9.]+)a4`).FindAllStringSubmatch(buf.String(), -1)
	nums := regexp.MustCompile(`[0-9.]+`).FindAllString(d, -1)
	if len(pts) != 2 || len(nums) != 4 {
		t.Fatalf("points %q, line %q", pts, d)
	}
	for i, p := range pts {
		px, _ := strconv.ParseFloat(p[1], 64)
		py, _ := strconv.ParseFloat(p[2], 64)
		lx, _ := strconv.ParseFloat(nums[2*i], 64)
		ly, _ := strconv.ParseFloat(nums[2*i+1], 64)
		if math.Abs(px+scatterRadius-lx) > 0.11 || math.Abs(py-ly) > 0.11 {
			t.Errorf("line end %d at (%v, %v), point at (%v, %v)", i, lx, ly, px+scatterRadius, py)
		}
	}
	c.LogX = false
	if d := fitPath(c); strings.Count(d, "L") != 64 {
		t.Errorf("line in log x on a linear axis: d has %d segments, want 64", strings.Count(d, "L"))
	}
	// A line leaving the plot is clipped to it.
	c = ScatterChart{Title: "x", Points: []ScatterPoint{{X: 0, Y: 0}, {X: 1, Y: 1}}, Fit: &Fit{Intercept: -5, Slope: 20}}
	d = fitPath(c)
	if strings.Count(d, "M") != 1 {
		t.Errorf("clipped line d = %q", d)
	}
}

func TestLogTicks(t *testing.T) {
	for _, tt := range []struct {
		lo, hi, width float64
		dlo, dhi      float64
		ticks         []float64
	}{
		{219, 151669, 560, 200, 200000, []float64{1000, 10000, 100000}},
		{219, 151669, 2000, 200, 200000, []float64{200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000}},
		{3000, 8000, 500, 2000, 10000, []float64{2000, 5000, 10000}},
		{1000, 1000, 500, 500, 2000, []float64{500, 1000, 2000}},
		{0.03, 0.4, 500, 0.02, 0.5, []float64{0.02, 0.05, 0.1, 0.2, 0.5}},
		{150, 4e7, 300, 100, 5e7, []float64{100, 10000, 1e6}},
	} {
		dlo, dhi, ticks, labels := logTicks(tt.lo, tt.hi, tt.width, "nb")
		if dlo != tt.dlo || dhi != tt.dhi || !slicesEqual(ticks, tt.ticks) || len(labels) != len(ticks) {
			t.Errorf("logTicks(%v, %v, %v) = %v, %v, %v, %q; want %v, %v, %v", tt.lo, tt.hi, tt.width, dlo, dhi, ticks, labels, tt.dlo, tt.dhi, tt.ticks)
		}
	}
	if _, _, _, labels := logTicks(219, 151669, 560, "en"); strings.Join(labels, " ") != "1,000 10,000 100,000" {
		t.Errorf("English labels = %q", labels)
	}
}

func slicesEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestScatterEdgeCases(t *testing.T) {
	for _, tt := range []struct {
		name string
		c    ScatterChart
	}{
		{"Empty", ScatterChart{Title: "Ingen punkter", LogX: true, Fit: &Fit{Slope: 1}}},
		{"OnePoint", ScatterChart{Title: "Ett punkt", LogX: true, Points: []ScatterPoint{{X: 1000, Y: 5, Label: "A"}}, Fit: &Fit{Intercept: 1, Slope: 1, LogBase: 10}}},
		{"SameY", ScatterChart{Title: "Lik y", Points: []ScatterPoint{{X: 1, Y: 5}, {X: 2, Y: 5}}}},
		{"Negative", ScatterChart{Title: "Negativ", Lang: "en", Points: []ScatterPoint{{X: -3, Y: -2, Label: "<a&b>"}, {X: 4, Y: 7.5, Highlight: true, Label: "Langt navn helt ute til høyre"}}}},
		{"ManyGroups", func() ScatterChart {
			c := ScatterChart{Title: "Mange grupper med et langt navn som må brytes over flere linjer", Width: 320, Height: 300}
			for i := range 40 {
				c.Points = append(c.Points, ScatterPoint{X: float64(i*i + 1), Y: float64(i % 7), Group: "Gruppe " + strconv.Itoa(i%8), Href: "https://example.org/" + strconv.Itoa(i)})
			}
			c.LogX = true
			return c
		}()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Scatter(&buf, tt.c); err != nil {
				t.Fatal(err)
			}
			checkSVG(t, buf.Bytes())
		})
	}
}

func TestScatterErrors(t *testing.T) {
	ok := []ScatterPoint{{X: 1, Y: 1}}
	for _, tt := range []struct {
		name string
		c    ScatterChart
		want string
	}{
		{"NoTitle", ScatterChart{}, "title is required"},
		{"NaN", ScatterChart{Title: "x", Points: []ScatterPoint{{X: math.NaN(), Y: 1, Label: "A"}}}, `point "A": (NaN, 1) is not finite`},
		{"Inf", ScatterChart{Title: "x", Points: []ScatterPoint{{X: 1, Y: math.Inf(-1)}}}, "not finite"},
		{"LogZero", ScatterChart{Title: "x", LogX: true, Points: []ScatterPoint{{X: 0, Y: 1, Label: "B"}}}, `point "B": x 0 is not positive`},
		{"Href", ScatterChart{Title: "x", Points: []ScatterPoint{{X: 1, Y: 1, Href: "javascript:alert(1)"}}}, "unsafe href"},
		{"FitNaN", ScatterChart{Title: "x", Points: ok, Fit: &Fit{Slope: math.NaN()}}, "fit:"},
		{"FitBase1", ScatterChart{Title: "x", Points: ok, Fit: &Fit{Slope: 1, LogBase: 1}}, "fit:"},
		{"FitLogNegative", ScatterChart{Title: "x", Points: []ScatterPoint{{X: -1, Y: 1}, {X: 2, Y: 3}}, Fit: &Fit{Slope: 1, LogBase: 2}}, "needs positive x"},
		{"Small", ScatterChart{Title: "x", Width: 100}, "width 100 out of range"},
		{"Short", ScatterChart{Title: "x", Height: 200, Source: strings.Repeat("lang kilde ", 40), Points: ok}, "leaves no room"},
		{"BadID", ScatterChart{Title: "x", ID: "1 bad"}, "invalid id"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Scatter(&buf, tt.c)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "chart: scatter ") {
				t.Errorf("error = %v, want one starting with \"chart: scatter\" containing %q", err, tt.want)
			}
			if buf.Len() > 0 {
				t.Errorf("wrote %d bytes on error", buf.Len())
			}
		})
	}
	if err := Scatter(failWriter{}, ScatterChart{Title: "x"}); !errors.Is(err, errWrite) {
		t.Errorf("Scatter to a failing writer: error %v, want %v", err, errWrite)
	}
}

func TestScatterID(t *testing.T) {
	id := func(c ScatterChart) string {
		var buf bytes.Buffer
		if err := Scatter(&buf, c); err != nil {
			t.Fatal(err)
		}
		_, r, _ := strings.Cut(buf.String(), ` id="`)
		v, _, _ := strings.Cut(r, `"`)
		return v
	}
	a := rogalandChart()
	b := rogalandChart()
	b.Points[0].Y += 0.1
	if id(a) == id(b) {
		t.Error("two different scatter plots share an id")
	}
	b = rogalandChart()
	b.Points[3].Highlight = true
	if id(a) == id(b) {
		t.Error("a different highlight does not change the id")
	}
}

// BenchmarkScatter draws the 357 municipalities of the 2024 structure
// (synthetic values) in six groups, with links and a fitted line.
func BenchmarkScatter(b *testing.B) {
	c := ScatterChart{Title: "Lovoppfyllelse etter folkemengde", XLabel: "Innbyggere", YLabel: "Lovoppfyllelse (%)", Source: "Menon Economics", LogX: true,
		Fit: &Fit{Intercept: 40, Slope: 3, LogBase: 2}}
	for i := range 357 {
		pop := 200 * math.Pow(3500, float64(i)/356)
		c.Points = append(c.Points, ScatterPoint{X: math.Round(pop), Y: 40 + 3*math.Log2(pop) + float64(i%13) - 6, Label: "Kommune " + strconv.Itoa(i),
			Group: "Sentralitet " + strconv.Itoa(1+i%6), Href: "/kommune/" + strconv.Itoa(1000+i), Highlight: i == 100})
	}
	benchRender(b, func(w io.Writer) error { return Scatter(w, c) })
}

// The description screen readers announce summarises the points, the
// axes and the fitted line (illustrative values).
func ExampleScatter() {
	var buf bytes.Buffer
	err := Scatter(&buf, ScatterChart{
		Title:  "Statutory compliance by population",
		XLabel: "Inhabitants",
		YLabel: "Compliance (%)",
		LogX:   true,
		Lang:   "en",
		Points: []ScatterPoint{
			{X: 219, Y: 61, Label: "Utsira"},
			{X: 11750, Y: 78, Label: "Tysvær"},
			{X: 38663, Y: 84, Label: "Haugesund", Highlight: true},
		},
		Fit: &Fit{Intercept: 40, Slope: 2.8, LogBase: 2},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	desc := regexp.MustCompile(`<desc[^>]*>([^<]*)</desc>`).FindStringSubmatch(buf.String())[1]
	fmt.Println(desc)
	// Output:
	// 3 points. Inhabitants: from 219 (Utsira) to 38,663 (Haugesund), logarithmic scale. Compliance (%): from 61 (Utsira) to 84 (Haugesund). Fitted line: from 62 at 219 to 83 at 38,663 (+2.8 per doubling of inhabitants). Highlighted: Haugesund (38,663; 84).
}
