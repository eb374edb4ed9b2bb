package geomap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"generalist"
	"generalist/geo"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// osloAndNeighbours is Oslo and the eight municipalities it borders in the
// 2024 structure.
var osloAndNeighbours = []string{"0301", "3201", "3205", "3207", "3220", "3222", "3232", "3234", "3305"}

// mustCountyMap returns a Map of one county of the 2024 structure: its
// municipalities and its own outline.
func mustCountyMap(tb testing.TB, county string) *Map {
	tb.Helper()
	munis, counties := MustFeatures(tb)
	var ms, cs []geo.Feature
	for _, f := range munis {
		if strings.HasPrefix(f.Code, county) {
			ms = append(ms, f)
		}
	}
	for _, f := range counties {
		if f.Code == county {
			cs = append(cs, f)
		}
	}
	m, err := New(ms, cs)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func mustRender(tb testing.TB, m *Map, opt Options) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := m.Render(&b, opt); err != nil {
		tb.Fatalf("Render: %v", err)
	}
	return b.Bytes()
}

// compareGolden compares got with testdata/name, or rewrites the file with
// -update.
func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./geomap -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs from the output at line %d (run go test ./geomap -update to accept):\n got: %.300s\nwant: %.300s", path, i+1, g, w)
		}
	}
}

func TestGolden(t *testing.T) {
	pop := mustPopulation(t)
	link := func(code string) string { return "/kommune/" + code }
	for _, tt := range []struct {
		name   string
		county string
		opt    func() Options
	}{
		// Vestfold: six municipalities at 400 pixels, quantiles in three
		// classes, one without data, links and a highlight.
		{"vestfold_quantile.svg", "39", func() Options {
			v := subset(pop, "39")
			delete(v, "3911")
			return Options{
				Values: v, Classes: 3, Title: "Folkemengde 1. januar 2024", Unit: "innbyggere",
				Source: "Kilde: Statistisk sentralbyrå, tabell 07459", Link: link,
				Highlight: []string{"3909"}, Width: 400,
			}
		}},
		// Møre og Romsdal: 27 municipalities at 300 pixels (the 500 m
		// level), natural breaks, English words, a name from Names.
		{"moreromsdal_jenks_en.svg", "15", func() Options {
			return Options{
				Values: subset(pop, "15"), Classes: 4, Method: NaturalBreaks, Lang: "en",
				Title: "Population 1 January 2024", Unit: "residents",
				Source: "Source: Statistics Norway, table 07459",
				Names:  map[string]string{"1508": "Aalesund"}, Width: 300,
			}
		}},
		// A detail around Tønsberg with fixed limits, a custom palette and
		// the legend below.
		{"vestfold_focus_limits.svg", "39", func() Options {
			return Options{
				Values: subset(pop, "39"), Limits: []float64{30000, 50000},
				Palette: []string{"#fee5d9", "#fcae91", "#fb6a4a", "#cb181d"},
				Title:   "Folkemengde", Focus: []string{"3905"}, Legend: LegendBelow,
				Width: 300, ID: "detail",
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := mustCountyMap(t, tt.county)
			got := mustRender(t, m, tt.opt())
			mustWellFormed(t, got)
			compareGolden(t, tt.name, got)
		})
	}
}

// subset returns the values of the municipalities of one county.
func subset(values map[string]float64, county string) map[string]float64 {
	out := map[string]float64{}
	for code, v := range values {
		if strings.HasPrefix(code, county) {
			out[code] = v
		}
	}
	return out
}

// mustWellFormed parses doc as XML and checks the root's attributes and
// that every id reference resolves.
func mustWellFormed(tb testing.TB, doc []byte) {
	tb.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	ids := map[string]bool{}
	var refs []string
	first := true
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			tb.Fatalf("SVG is not well-formed XML: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := map[string]string{}
		for _, a := range se.Attr {
			attr[a.Name.Local] = a.Value
			if a.Name.Local == "id" {
				if ids[a.Value] {
					tb.Errorf("duplicate id %q", a.Value)
				}
				ids[a.Value] = true
			}
			for _, m := range urlRef.FindAllStringSubmatch(a.Value, -1) {
				refs = append(refs, m[1])
			}
		}
		if first {
			first = false
			if se.Name.Local != "svg" || se.Name.Space != "http://www.w3.org/2000/svg" {
				tb.Fatalf("root is %v, want svg in the SVG namespace", se.Name)
			}
			for _, a := range []string{"viewBox", "width", "height", "role", "aria-labelledby"} {
				if attr[a] == "" {
					tb.Errorf("root has no %s", a)
				}
			}
			refs = append(refs, strings.Fields(attr["aria-labelledby"])...)
		}
	}
	for _, r := range refs {
		if !ids[r] {
			tb.Errorf("reference to missing id %q", r)
		}
	}
}

var urlRef = regexp.MustCompile(`url\(#([^)]+)\)`)

var (
	areaPath  = regexp.MustCompile(`<path class="geomap-area[^"]*" data-code="(\d{4})"(?: data-class="(\d)")?(?: stroke="[^"]*")? fill="([^"]*)" d="M(-?\d+) (-?\d+)[^"]*"><title>([^<]*)</title>`)
	transform = regexp.MustCompile(`<g class="geomap-map" transform="matrix\(([-\d.]+) 0 0 [-\d.]+ ([-\d.]+) ([-\d.]+)\)">`)
	viewBox   = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
)

// area is one municipality as drawn: its class, fill, title and the pixel
// position of its first point.
type area struct {
	class, fill, title string
	x, y               float64
}

// parseAreas returns the drawn municipalities by code.
func parseAreas(tb testing.TB, doc []byte) map[string]area {
	tb.Helper()
	tm := transform.FindSubmatch(doc)
	if tm == nil {
		tb.Fatal("no geomap-map transform")
	}
	num := func(b []byte) float64 {
		v, err := strconv.ParseFloat(string(b), 64)
		if err != nil {
			tb.Fatal(err)
		}
		return v
	}
	s, tx, ty := num(tm[1]), num(tm[2]), num(tm[3])
	out := map[string]area{}
	for _, m := range areaPath.FindAllSubmatch(doc, -1) {
		out[string(m[1])] = area{
			class: string(m[2]), fill: string(m[3]), title: string(m[6]),
			x: s*num(m[4]) + tx, y: s*num(m[5]) + ty,
		}
	}
	return out
}

func TestRenderCountry(t *testing.T) {
	m := mustMap(t)
	pop := mustPopulation(t)
	missing := []string{"1856", "5601", "4601"} // Røst, Alta, Bergen
	for _, c := range missing {
		delete(pop, c)
	}
	opt := Options{
		Values: pop, Title: "Folkemengde 1. januar 2024", Unit: "innbyggere",
		Source:    "Kilde: Statistisk sentralbyrå, tabell 07459",
		Link:      func(code string) string { return "/kommune/" + code },
		Highlight: []string{"0301", "3201"},
	}
	doc := mustRender(t, m, opt)
	mustWellFormed(t, doc)
	t.Logf("whole country at %d px: %d bytes", defaultWidth, len(doc))
	if len(doc) > 500_000 {
		t.Errorf("whole-country SVG is %d bytes, want under 500 000", len(doc))
	}
	if !bytes.Equal(doc, mustRender(t, m, opt)) {
		t.Error("two renderings of the same options differ")
	}

	areas := parseAreas(t, doc)
	if got := bytes.Count(doc, []byte(`<path class="geomap-area`)); got != 357 || len(areas) != 357 {
		t.Fatalf("drew %d municipality paths (%d parsed with data-code), want 357", got, len(areas))
	}
	if got := bytes.Count(doc, []byte(`<a href="/kommune/`)); got != 357 {
		t.Errorf("%d links, want 357", got)
	}
	if oslo := areas["0301"]; oslo.title != "Oslo: 717 710 innbyggere" || oslo.class != "4" {
		t.Errorf("Oslo drawn as %+v, want title %q in class 4 (the top quintile)", oslo, "Oslo: 717 710 innbyggere")
	}
	for _, c := range missing {
		a := areas[c]
		if !strings.HasSuffix(a.fill, `-nodata)`) || a.class != "" || !strings.HasSuffix(a.title, ": ingen data") {
			t.Errorf("%s without a value drawn as %+v, want the no-data hatch and title", c, a)
		}
	}
	for code, a := range areas {
		if _, ok := pop[code]; ok && !strings.HasPrefix(a.fill, "#") {
			t.Errorf("%s with a value drawn with fill %q", code, a.fill)
		}
	}
	if !bytes.Contains(doc, []byte(`<text x="32" y=`)) || !bytes.Contains(doc, []byte(`>ingen data</text>`)) {
		t.Error("legend has no 'ingen data' entry")
	}
	// North is up: Alta lies above Oslo, Bergen to its left.
	if a, o := areas["5601"], areas["0301"]; !(a.y < o.y-300) {
		t.Errorf("Alta at y=%.0f, Oslo at y=%.0f: want Alta far above Oslo", a.y, o.y)
	}
	if b, o := areas["4601"], areas["0301"]; !(b.x < o.x-50) {
		t.Errorf("Bergen at x=%.0f, Oslo at x=%.0f: want Bergen left of Oslo", b.x, o.x)
	}
	// Every point lies within the viewBox.
	vb := viewBox.FindSubmatch(doc)
	w, _ := strconv.Atoi(string(vb[1]))
	h, _ := strconv.Atoi(string(vb[2]))
	for code, a := range areas {
		if a.x < 0 || a.x > float64(w) || a.y < 0 || a.y > float64(h) {
			t.Errorf("%s starts at (%.1f, %.1f), outside the viewBox %dx%d", code, a.x, a.y, w, h)
		}
	}
	// Highlight: the area carries the class, and its outline is drawn
	// twice (casing and line) on top.
	for _, c := range opt.Highlight {
		if !bytes.Contains(doc, []byte(`class="geomap-area geomap-highlight" data-code="`+c+`"`)) {
			t.Errorf("%s lacks class geomap-highlight", c)
		}
		if got := bytes.Count(doc, []byte(`data-highlight="`+c+`"`)); got != 2 {
			t.Errorf("%s outline drawn %d times, want 2", c, got)
		}
	}
	if got := bytes.Count(doc, []byte(`data-highlight="`)); got != 4 {
		t.Errorf("%d highlight outlines, want 4", got)
	}
	if got := bytes.Count(doc, []byte(`<path data-county="`)); got != 15 {
		t.Errorf("%d county borders, want 15", got)
	}
	if i, j := bytes.Index(doc, []byte(`class="geomap-areas"`)), bytes.Index(doc, []byte(`class="geomap-counties"`)); i < 0 || j < i {
		t.Error("county borders are not drawn after the municipalities")
	}
	// The legend sits in the lower right, over Sweden.
	r := mustPrepare(t, m, opt)
	if r.leg.below || r.leg.x < r.width/2 || r.leg.y < r.mapHeight/2 {
		t.Errorf("legend at (%d, %d), below=%v in a %dx%d map, want the lower right corner", r.leg.x, r.leg.y, r.leg.below, r.width, r.mapHeight)
	}
	if r.level != 0 {
		t.Errorf("country at %d px drawn at level %d, want 0 (%g m)", r.width, r.level, levels[0])
	}
}

func mustPrepare(tb testing.TB, m *Map, opt Options) *render {
	tb.Helper()
	r, err := m.prepare(opt)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func TestRenderFocus(t *testing.T) {
	m := mustMap(t)
	opt := Options{Values: mustPopulation(t), Focus: osloAndNeighbours, Highlight: []string{"0301"}}
	doc := mustRender(t, m, opt)
	mustWellFormed(t, doc)
	areas := parseAreas(t, doc)
	for _, c := range osloAndNeighbours {
		if _, ok := areas[c]; !ok {
			t.Errorf("focused municipality %s not drawn", c)
		}
	}
	for _, c := range []string{"5601", "4601", "1103", "1804"} { // Alta, Bergen, Stavanger, Bodø
		if _, ok := areas[c]; ok {
			t.Errorf("far-away municipality %s drawn in the detail around Oslo", c)
		}
	}
	if len(areas) > 80 {
		t.Errorf("detail around Oslo draws %d municipalities, want only those near", len(areas))
	}
	r := mustPrepare(t, m, opt)
	full := mustPrepare(t, m, Options{})
	for axis, name := range []string{"width", "height"} {
		fw := full.ext.Max[axis] - full.ext.Min[axis]
		rw := r.ext.Max[axis] - r.ext.Min[axis]
		if rw > fw/5 {
			t.Errorf("detail extent %v: %s %.0f km, want under a fifth of the country's %.0f km", r.ext, name, rw/1000, fw/1000)
		}
	}
	for _, c := range osloAndNeighbours {
		if b := m.areas[m.index[c]].bound; !r.ext.Contains(b.Min) || !r.ext.Contains(b.Max) {
			t.Errorf("extent %v does not contain %s (%v)", r.ext, c, b)
		}
	}
	if r.level != len(levels)-1 {
		t.Errorf("detail drawn at level %d, want the finest", r.level)
	}
	t.Logf("detail around Oslo: %d bytes, %d municipalities, legend below=%v", len(doc), len(areas), r.leg.below)
}

func TestRenderLevels(t *testing.T) {
	m := mustMap(t)
	for _, tt := range []struct {
		width int
		want  int
	}{{300, 0}, {600, 0}, {740, 0}, {800, 1}, {2000, 1}, {3000, 2}} {
		if r := mustPrepare(t, m, Options{Width: tt.width}); r.level != tt.want {
			t.Errorf("country at %d px: level %d, want %d", tt.width, r.level, tt.want)
		}
	}
}

func TestRenderNoValues(t *testing.T) {
	m := mustCountyMap(t, "39")
	doc := mustRender(t, m, Options{Lang: "en"})
	mustWellFormed(t, doc)
	if got := bytes.Count(doc, []byte(`: no data</title>`)); got != 6 {
		t.Errorf("%d municipalities titled no data, want all 6", got)
	}
	if !bytes.Contains(doc, []byte(`role="img"`)) || !bytes.Contains(doc, []byte(`<title id="`)) {
		t.Error("map without links is not role=img with a title")
	}
	if !bytes.Contains(doc, []byte(`>Map of municipalities</title>`)) {
		t.Error("untitled map lacks the default title")
	}
}

func TestRenderOneClass(t *testing.T) {
	m := mustCountyMap(t, "39")
	doc := mustRender(t, m, Options{Values: map[string]float64{"3901": 7, "3903": 7}})
	if !bytes.Contains(doc, []byte(`>7</text>`)) {
		t.Errorf("legend of a single value lacks the value:\n%s", doc)
	}
}

func TestRenderErrors(t *testing.T) {
	m := mustCountyMap(t, "39")
	for _, tt := range []struct {
		name string
		opt  Options
		want string
	}{
		{"UnknownCode", Options{Values: map[string]float64{"0301": 1}}, "no municipality 0301"},
		{"NaN", Options{Values: map[string]float64{"3901": math.NaN()}}, "value of 3901 is NaN"},
		{"Classes", Options{Classes: 10}, "10 classes"},
		{"ClassesPalette", Options{Classes: 3, Palette: []string{"#fff", "#000"}}, "3 classes"},
		{"Method", Options{Method: 9}, "class method 9"},
		{"Limits", Options{Limits: []float64{5, 5}}, "strictly increasing"},
		{"Width", Options{Width: 50}, "width 50"},
		{"Lang", Options{Lang: "de"}, `language "de"`},
		{"Focus", Options{Focus: []string{"0301"}}, "focus: no municipality 0301"},
		{"Highlight", Options{Highlight: []string{"9999"}}, "highlight: no municipality 9999"},
		{"Legend", Options{Legend: 7}, "legend position 7"},
		{"ID", Options{ID: "a b"}, `id "a b"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := m.Render(&b, tt.opt)
			if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Render(%+v) = %v, want EINVALID containing %q", tt.opt, err, tt.want)
			}
			if b.Len() != 0 {
				t.Errorf("Render wrote %d bytes on error", b.Len())
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRenderWriteError(t *testing.T) {
	m := mustCountyMap(t, "39")
	err := m.Render(failWriter{}, Options{})
	if err == nil || !strings.Contains(err.Error(), "disk full") || generalist.ErrorCode(err) != generalist.EINTERNAL {
		t.Errorf("Render to a failing writer = %v, want the write error wrapped", err)
	}
}

func TestNewErrors(t *testing.T) {
	munis, _ := MustFeatures(t)
	if _, err := New(nil, nil); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("New(nil, nil) = %v, want EINVALID", err)
	}
	if _, err := New([]geo.Feature{munis[0], munis[0]}, nil); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("New with a duplicate = %v, want EINVALID", err)
	}
	if _, err := New([]geo.Feature{{Code: "0301", Name: "Oslo"}}, nil); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("New with an empty geometry = %v, want EINVALID", err)
	}
}

// TestDistinctIDs checks that two different maps inlined in one page get
// different ids by default.
func TestDistinctIDs(t *testing.T) {
	m := mustCountyMap(t, "39")
	id := func(opt Options) string { return mustPrepare(t, m, opt).id }
	a, b := id(Options{}), id(Options{Focus: []string{"3905"}})
	if a == b {
		t.Errorf("default ids of different maps are both %q", a)
	}
	if c := id(Options{ID: "map-2"}); c != "map-2" {
		t.Errorf("ID %q written as %q", "map-2", c)
	}
}

// BenchmarkRenderCountry renders the whole 2024 structure at the default
// width with population values, links and a highlight, with each class
// method (the classification is part of every render), and a detail
// around Oslo.
func BenchmarkRenderCountry(b *testing.B) {
	m := mustMap(b)
	base := Options{
		Values: mustPopulation(b), Title: "Folkemengde 1. januar 2024", Unit: "innbyggere",
		Source:    "Kilde: Statistisk sentralbyrå, tabell 07459",
		Link:      func(code string) string { return "/kommune/" + code },
		Highlight: []string{"0301"},
	}
	for _, bb := range []struct {
		name   string
		method Method
		focus  []string
	}{
		{"quantile", Quantile, nil},
		{"jenks", NaturalBreaks, nil},
		{"equal", EqualInterval, nil},
		{"focus-oslo", Quantile, osloAndNeighbours},
	} {
		b.Run(bb.name, func(b *testing.B) {
			opt := base
			opt.Method, opt.Focus = bb.method, bb.focus
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := m.Render(&buf, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/svg")
		})
	}
}

// BenchmarkNew times the precomputation of the three levels.
func BenchmarkNew(b *testing.B) {
	munis, counties := MustFeatures(b)
	for b.Loop() {
		if _, err := New(munis, counties); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRenderConcurrent renders from several goroutines at once; with -race
// it checks that Render only reads the Map.
func TestRenderConcurrent(t *testing.T) {
	m := mustCountyMap(t, "15")
	opt := Options{Values: subset(mustPopulation(t), "15"), Method: NaturalBreaks, Highlight: []string{"1508"}}
	want := mustRender(t, m, opt)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var b bytes.Buffer
			if err := m.Render(&b, opt); err != nil || !bytes.Equal(b.Bytes(), want) {
				t.Errorf("concurrent Render = %d bytes, %v; want the %d bytes of a single one", b.Len(), err, len(want))
			}
		})
	}
	wg.Wait()
}
