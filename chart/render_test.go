package chart

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"generalist"
	"generalist/geomap"
)

func TestMaxAge(t *testing.T) {
	if MaxAge != generalist.MaxAge {
		t.Errorf("MaxAge = %d, want generalist.MaxAge = %d", MaxAge, generalist.MaxAge)
	}
}

// contrast is the WCAG 2.1 contrast ratio of two #rrggbb colours, by
// geomap.Contrast (which its tests check against WCAG's figures).
func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	c, ok := geomap.Contrast(a, b)
	if !ok {
		t.Fatalf("bad colour %q or %q", a, b)
	}
	return c
}

// TestContrast checks that every colour that carries meaning reaches
// 4.5:1 against the background, enough for text (WCAG 1.4.3) and more
// than the 3:1 graphics need (1.4.11).
func TestContrast(t *testing.T) {
	colours := map[string]string{"text": colText, "muted": colMuted, "hatch": colHatch, "bar": colBar, "highlight": colHighlight, "reference": colReference}
	for i, st := range seriesStyles {
		colours["series "+strconv.Itoa(i+1)] = st.colour
	}
	for name, c := range colours {
		if r := contrast(t, c, colBackground); r < 4.5 {
			t.Errorf("%s %s: contrast %.2f:1 against %s, want at least 4.5:1", name, c, r, colBackground)
		}
	}
	// The "ingen data" labels sit on a white plate, but the hatch
	// background must not make the plate's surroundings unreadable.
	if r := contrast(t, colText, colHatchBG); r < 4.5 {
		t.Errorf("text on hatch background: contrast %.2f:1", r)
	}
	// Series must differ in dash and marker as well as colour.
	dash, mark := map[string]bool{}, map[string]bool{}
	for _, st := range seriesStyles {
		if dash[st.dash] || mark[st.marker] {
			t.Errorf("style %+v repeats a dash pattern or marker", st)
		}
		dash[st.dash], mark[st.marker] = true, true
	}
}

func TestErrors(t *testing.T) {
	ages := make([]float64, MaxAge+1)
	ages[30] = 1
	bad := make([]float64, MaxAge+1)
	bad[3] = -1
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"LineNoTitle", Line(new(bytes.Buffer), LineChart{}), "title is required"},
		{"LineDuplicateYear", Line(new(bytes.Buffer), LineChart{Title: "x", Series: []Series{{Name: "A", Points: []Point{{X: 2020, Known: true}, {X: 2020}}}}}), "year 2020 appears twice"},
		{"LineNaN", Line(new(bytes.Buffer), LineChart{Title: "x", Series: []Series{{Name: "A", Points: []Point{{X: 2020, Y: math.NaN(), Known: true}}}}}), "not finite"},
		{"LineSmall", Line(new(bytes.Buffer), LineChart{Title: "x", Width: 100}), "width 100 out of range"},
		{"LineShort", Line(new(bytes.Buffer), LineChart{Title: "x", Height: 160, Source: strings.Repeat("lang kilde ", 40), Series: []Series{series("A", 2000, haugesund)}}), "leaves no room"},
		{"LineBadID", Line(new(bytes.Buffer), LineChart{Title: "x", ID: "1 bad"}), "invalid id"},
		{"AgeLength", AgeProfile(new(bytes.Buffer), AgeChart{Title: "x", Ages: []float64{1, 2}}), "2 ages, want 106"},
		{"AgeNegative", AgeProfile(new(bytes.Buffer), AgeChart{Title: "x", Ages: bad}), "age 3: -1 persons"},
		{"AgeCompareLength", AgeProfile(new(bytes.Buffer), AgeChart{Title: "x", Ages: ages, Compare: []float64{1}}), "1 ages to compare with"},
		{"AgeCompareZero", AgeProfile(new(bytes.Buffer), AgeChart{Title: "x", Ages: ages, Compare: make([]float64, MaxAge+1)}), "compare: all ages are zero"},
		{"AgeShort", AgeProfile(new(bytes.Buffer), AgeChart{Title: "x", Ages: ages, Height: 300, Source: strings.Repeat("lang kilde ", 60)}), "less than a pixel per age"},
		{"BarsNoTitle", Bars(new(bytes.Buffer), BarChart{Title: " "}), "title is required"},
		{"BarsJavascript", Bars(new(bytes.Buffer), BarChart{Title: "x", Bars: []Bar{{Label: "A", Href: "JavaScript:alert(1)"}}}), "unsafe href"},
		{"BarsData", Bars(new(bytes.Buffer), BarChart{Title: "x", Bars: []Bar{{Label: "A", Href: "data:text/html,hi"}}}), "unsafe href"},
		{"BarsInf", Bars(new(bytes.Buffer), BarChart{Title: "x", Bars: []Bar{{Label: "A", Value: math.Inf(1), Known: true}}}), "not finite"},
		{"BarsRefNaN", Bars(new(bytes.Buffer), BarChart{Title: "x", Reference: &Reference{Value: math.NaN()}}), "not finite"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) || !strings.HasPrefix(tt.err.Error(), "chart: ") {
				t.Errorf("error = %v, want one starting with \"chart: \" containing %q", tt.err, tt.want)
			}
		})
	}
	if err := Bars(new(bytes.Buffer), BarChart{Title: "x", Bars: []Bar{{Label: "A", Href: "javascript:x"}}}); !errors.Is(err, errUnsafeHref) {
		t.Errorf("Bars with a javascript: link: error %v is not errUnsafeHref", err)
	}
}

// TestNothingWrittenOnError checks that a rejected chart writes nothing,
// so a handler can still send an error page.
func TestNothingWrittenOnError(t *testing.T) {
	var buf bytes.Buffer
	if err := Bars(&buf, BarChart{Title: "x", Bars: []Bar{{Label: "A", Href: "javascript:x"}}}); err == nil || buf.Len() > 0 {
		t.Errorf("Bars wrote %d bytes and returned %v, want nothing and an error", buf.Len(), err)
	}
}

type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriteError(t *testing.T) {
	for name, err := range map[string]error{
		"Line":       Line(failWriter{}, LineChart{Title: "x"}),
		"AgeProfile": AgeProfile(failWriter{}, AgeChart{Title: "x"}),
		"Bars":       Bars(failWriter{}, BarChart{Title: "x"}),
	} {
		if !errors.Is(err, errWrite) {
			t.Errorf("%s to a failing writer: error %v, want %v", name, err, errWrite)
		}
	}
}

// seriesPath returns the d attribute of the line of the first series.
func seriesPath(t *testing.T, c LineChart) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Line(&buf, c); err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(buf.String(), `class="chart-series-line" d="`)
	if !ok {
		t.Fatalf("no line in\n%s", buf.String())
	}
	d, _, _ := strings.Cut(rest, `"`)
	return d
}

func TestLineGaps(t *testing.T) {
	for _, tt := range []struct {
		name     string
		points   []Point
		subpaths int
	}{
		{"Continuous", []Point{{2020, 1, true}, {2021, 2, true}, {2022, 3, true}}, 1},
		{"Gap", []Point{{2020, 1, true}, {2021, 0, false}, {2022, 3, true}, {2023, 4, true}}, 2},
		{"Absent", []Point{{2010, 1, true}, {2015, 2, true}, {2020, 3, true}}, 1}, // an absent year is no gap
		{"Unsorted", []Point{{2022, 3, true}, {2020, 1, true}, {2021, 0, false}}, 2},
		{"Isolated", []Point{{2020, 1, true}, {2021, 0, false}, {2022, 3, true}, {2023, 0, false}, {2024, 1, true}}, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := seriesPath(t, LineChart{Title: "x", Series: []Series{{Name: "A", Points: tt.points}}})
			if got := strings.Count(d, "M"); got != tt.subpaths {
				t.Errorf("line %q has %d subpaths, want %d", d, got, tt.subpaths)
			}
		})
	}
}

func TestLineZeroNote(t *testing.T) {
	for _, tt := range []struct {
		name      string
		values    []float64
		zeroBased bool
		note      bool
	}{
		{"Population", haugesund, false, true},
		{"Forced", haugesund, true, false},
		{"NearZero", []float64{40, 100}, false, false}, // within half the maximum of zero
		{"Constant", []float64{5, 5}, false, false},
		{"Crossing", []float64{-2, 3}, false, false},
		{"Negative", []float64{-100, -90}, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Line(&buf, LineChart{Title: "x", Series: []Series{series("A", 2000, tt.values)}, ZeroBased: tt.zeroBased}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if got := strings.Contains(out, "Y-aksen starter ikke på null"); got != tt.note {
				t.Errorf("note shown = %v, want %v", got, tt.note)
			}
			if got := strings.Contains(out, "chart-axis-break"); got != tt.note {
				t.Errorf("axis break shown = %v, want %v", got, tt.note)
			}
		})
	}
}

func TestBarsLinks(t *testing.T) {
	var buf bytes.Buffer
	c := BarChart{Title: "x", Bars: []Bar{{Label: "Haugesund", Value: 1, Known: true, Href: "/kommune/1106?structure=k2024&x=<y>"}}}
	if err := Bars(&buf, c); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`role="group"`, `<a href="/kommune/1106?structure=k2024&amp;x=&lt;y&gt;" class="chart-link">`, "<title>Haugesund: 1</title>"} {
		if !strings.Contains(out, want) {
			t.Errorf("Bars with a link: output lacks %s", want)
		}
	}
	buf.Reset()
	c.Bars[0].Href = ""
	if err := Bars(&buf, c); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `role="img"`) {
		t.Errorf("Bars without links: role is not img")
	}
}

func TestID(t *testing.T) {
	var a, b bytes.Buffer
	if err := Bars(&a, BarChart{Title: "x", ID: "befolkning"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.String(), `aria-labelledby="befolkning-title"`) {
		t.Errorf("the given id is not used")
	}
	a.Reset()
	Bars(&a, BarChart{Title: "x"})
	Bars(&b, BarChart{Title: "y"})
	id := func(s string) string { _, r, _ := strings.Cut(s, ` id="`); v, _, _ := strings.Cut(r, `"`); return v }
	if id(a.String()) == id(b.String()) {
		t.Errorf("two different charts share the id %q", id(a.String()))
	}
}

func TestEscape(t *testing.T) {
	var b bytes.Buffer
	escape(&b, "a<b>&\"'\x00\x1b\n\uFFFE ø")
	if got, want := b.String(), "a&lt;b&gt;&amp;&quot;&#39;\uFFFD\uFFFD \uFFFD ø"; got != want {
		t.Errorf("escape = %q, want %q", got, want)
	}
}

func TestWrap(t *testing.T) {
	lines := wrap("Folkemengde i Haugesund og Karmøy 2006–2026", 150, fontTitle)
	if len(lines) < 2 || strings.Join(lines, " ") != "Folkemengde i Haugesund og Karmøy 2006–2026" {
		t.Errorf("wrap = %q", lines)
	}
	for _, l := range lines[:len(lines)-1] {
		if textWidth(l, fontTitle) > 150 {
			t.Errorf("line %q is wider than 150", l)
		}
	}
	if got := truncate("Kommune med et langt navn", 60, fontText); !strings.HasSuffix(got, "…") || textWidth(got, fontText) > 60 {
		t.Errorf("truncate = %q", got)
	}
}

func BenchmarkLine(b *testing.B) {
	var ss []Series
	for i := range 6 {
		ss = append(ss, series("Kommune "+strconv.Itoa(i), 2006, haugesund, 2012+i))
	}
	c := LineChart{Title: "Folkemengde 2006–2026", YLabel: "Innbyggere", Source: "SSB", Series: ss}
	benchRender(b, func(w io.Writer) error { return Line(w, c) })
}

func BenchmarkAgeProfile(b *testing.B) {
	c := AgeChart{Title: "Aldersfordeling", Name: "Haugesund", Ages: haugesundAges, Compare: norwayAges, CompareName: "Norge", Source: "SSB"}
	benchRender(b, func(w io.Writer) error { return AgeProfile(w, c) })
}

func BenchmarkBars(b *testing.B) {
	var bs []Bar
	for i := range 50 {
		bs = append(bs, Bar{Label: "Kommune " + strconv.Itoa(i), Value: float64(i*i*37 - 20000), Known: i%9 != 4, Highlight: i == 7, Href: "/kommune/" + strconv.Itoa(1100+i)})
	}
	c := BarChart{Title: "Femti kommuner", Unit: "Innbyggere", Source: "SSB", Bars: bs, Reference: &Reference{Label: "Median", Value: 5000}}
	benchRender(b, func(w io.Writer) error { return Bars(w, c) })
}

// benchRender renders a chart b.N times into one buffer and reports the
// size of the SVG.
func benchRender(b *testing.B, render func(io.Writer) error) {
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := render(&buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/svg")
}
