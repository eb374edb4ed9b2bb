package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"generalist/internal/nbfmt"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// haugesund is the population of Haugesund (1106) on 1 January 2006–2026
// from SSB table 07459 (2024 structure); 2012 and 2013 are marked as
// unknown to exercise the gaps.
var haugesund = []float64{31738, 32303, 32956, 33665, 34049, 34619, 35099, 35753, 36099, 36538, 36951, 37166, 37167, 37250, 37357, 37323, 37444, 37855, 38292, 38441, 38663}

// karmoy is Karmøy (1149) over the same years, with 2006 unknown.
var karmoy = []float64{38447, 38756, 39152, 39631, 40124, 40738, 41164, 41528, 41950, 42187, 42273, 42186, 42115, 42126, 42221, 42186, 42262, 42650, 43091, 43466, 43761}

func series(name string, first int, vs []float64, unknown ...int) Series {
	s := Series{Name: name}
	for i, v := range vs {
		p := Point{X: first + i, Y: v, Known: true}
		for _, u := range unknown {
			if u == p.X {
				p = Point{X: p.X}
			}
		}
		s.Points = append(s.Points, p)
	}
	return s
}

// haugesundAges is Haugesund's population by single year of age (0…105)
// on 1 January 2026, and norwayAges the same for the whole country, from
// data/befolkning_ettarig_alder.csv.
var haugesundAges = []float64{354, 338, 362, 360, 412, 357, 367, 350, 411, 410, 434, 407, 452, 440, 451, 466, 475, 507, 476, 511, 498, 516, 474, 479, 434, 474, 442, 431, 486, 452, 474, 488, 479, 487, 504, 502, 530, 516, 519, 544, 561, 524, 558, 529, 534, 544, 580, 550, 545, 550, 553, 547, 547, 557, 564, 557, 510, 604, 534, 501, 472, 433, 432, 428, 415, 427, 414, 434, 388, 389, 408, 389, 378, 374, 322, 374, 346, 306, 328, 279, 257, 249, 177, 197, 149, 143, 131, 119, 83, 81, 73, 48, 39, 46, 28, 21, 22, 16, 13, 5, 3, 2, 0, 3, 1, 3}

var norwayAges = []float64{55578, 54634, 53386, 53700, 58702, 56053, 57653, 58265, 60012, 62749, 63025, 63442, 63855, 66038, 66438, 68454, 69837, 69559, 68294, 68960, 67162, 67396, 67171, 65886, 67580, 71235, 72138, 72553, 74686, 76764, 76762, 77162, 78168, 79823, 81038, 82212, 81166, 80548, 77588, 77234, 75797, 74676, 74039, 74228, 72461, 73127, 71773, 71184, 69305, 70623, 72221, 74886, 74564, 76898, 76607, 75609, 76707, 75710, 73401, 72570, 71096, 69545, 66536, 64617, 63254, 61997, 61430, 60184, 58286, 58172, 56116, 54320, 52842, 51521, 48341, 48296, 47244, 46702, 46334, 46336, 39601, 36686, 31029, 27162, 22164, 21411, 18955, 16448, 14071, 11830, 9752, 8045, 6635, 5809, 4465, 3405, 2390, 1716, 1172, 811, 565, 362, 186, 101, 55, 113}

// cases are the charts checked against testdata/<name>.svg.
var cases = []struct {
	name   string
	render func(io.Writer) error
}{
	{"line", func(w io.Writer) error {
		return Line(w, LineChart{
			Title:  "Folkemengde i Haugesund 2006–2026",
			YLabel: "Innbyggere",
			Source: "SSB, tabell 07459",
			Series: []Series{series("Haugesund", 2006, haugesund, 2012, 2013)},
		})
	}},
	{"line-two-en", func(w io.Writer) error {
		return Line(w, LineChart{
			Title:  "Population 2006–2026",
			Desc:   "Haugesund and Karmøy, 1 January each year.",
			YLabel: "Inhabitants",
			Source: "Statistics Norway, table 07459",
			Series: []Series{series("Haugesund", 2006, haugesund, 2012, 2013), series("Karmøy", 2006, karmoy, 2006)},
			Lang:   "en",
		})
	}},
	{"line-zero", func(w io.Writer) error {
		return Line(w, LineChart{
			Title:     "Folkemengde i Haugesund, akse fra null",
			Series:    []Series{series("Haugesund", 2006, haugesund)},
			ZeroBased: true,
			Width:     480, Height: 300,
		})
	}},
	{"age", func(w io.Writer) error {
		return AgeProfile(w, AgeChart{
			Title:       "Aldersfordeling i Haugesund 1. januar 2026",
			Source:      "SSB, tabell 07459",
			Name:        "Haugesund",
			Ages:        haugesundAges,
			Compare:     norwayAges,
			CompareName: "Norge",
		})
	}},
	{"bars", func(w io.Writer) error {
		return Bars(w, BarChart{
			Title:  "Befolkningsendring 2016–2026 i utvalgte kommuner",
			Unit:   "Prosent",
			Source: "SSB, tabell 07459",
			Bars: []Bar{
				{Label: "Haugesund", Value: 4.6, Known: true, Highlight: true, Href: "/kommune/1106"},
				{Label: "Karmøy", Value: 3.5, Known: true, Href: "/kommune/1149"},
				{Label: "Tysvær", Value: 9.2, Known: true},
				{Label: "Utsira", Value: -10.3, Known: true},
				{Label: "Bokn"},
			},
			Reference: &Reference{Label: "Norge", Value: 6.2},
			Format:    func(v float64) string { return nbfmt.Bokmal.Percent(v, 1) },
		})
	}},
}

func TestGolden(t *testing.T) {
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, tt.name, tt.render)
		})
	}
}

// checkGolden compares what render writes with testdata/name.svg, or
// rewrites the file with -update, and checks that a second rendering is
// the same as the first. It returns the rendering.
func checkGolden(t *testing.T, name string, render func(io.Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	file := filepath.Join("testdata", name+".svg")
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return got
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./chart -update and review the diff", name)
	}
	var again bytes.Buffer
	if err := render(&again); err != nil || !bytes.Equal(got, again.Bytes()) {
		t.Errorf("%s: second rendering differs from the first", name)
	}
	return got
}

// TestAccessible parses every chart, including the edge cases below, with
// encoding/xml and checks the rules of doc.go: a root with role and the
// aria references, <title> and <desc> first and not empty, no <style>
// element or style attribute, no text below 12 px.
func TestAccessible(t *testing.T) {
	all := append([]struct {
		name   string
		render func(io.Writer) error
	}{}, cases...)
	all = append(all, edgeCases...)
	for _, tt := range all {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.render(&buf); err != nil {
				t.Fatal(err)
			}
			checkSVG(t, buf.Bytes())
		})
	}
}

var edgeCases = []struct {
	name   string
	render func(io.Writer) error
}{
	{"LineEmpty", func(w io.Writer) error { return Line(w, LineChart{Title: "Ingenting"}) }},
	{"LineAllUnknown", func(w io.Writer) error {
		return Line(w, LineChart{Title: "Ukjent", Series: []Series{{Name: "A", Points: []Point{{X: 2020}, {X: 2021}}}}})
	}},
	{"LineOnePoint", func(w io.Writer) error {
		return Line(w, LineChart{Title: "Ett punkt", Series: []Series{{Name: "A", Points: []Point{{X: 2020, Y: 5, Known: true}}}}})
	}},
	{"LineSixSeries", func(w io.Writer) error {
		var ss []Series
		for i := range 7 {
			ss = append(ss, series("Serie <"+strconv.Itoa(i)+"> & co", 2006, haugesund, 2006+i))
		}
		return Line(w, LineChart{Title: "Mange serier med et langt navn som må brytes over flere linjer i diagrammet", Series: ss, Lang: "en"})
	}},
	{"LineNegative", func(w io.Writer) error {
		return Line(w, LineChart{Title: "Netto", Series: []Series{{Points: []Point{{X: 2020, Y: -3.5, Known: true}, {X: 2021, Y: 2.25, Known: true}, {X: 2022}, {X: 2023, Y: 1, Known: true}}}}})
	}},
	{"AgeNoCompare", func(w io.Writer) error {
		return AgeProfile(w, AgeChart{Title: "Alder", Ages: haugesundAges, Lang: "en"})
	}},
	{"AgeEmpty", func(w io.Writer) error { return AgeProfile(w, AgeChart{Title: "Alder"}) }},
	// The sizes web uses on the municipality page.
	{"AgeWeb", func(w io.Writer) error {
		return AgeProfile(w, AgeChart{Title: "Aldersprofil – Haugesund, 1.1.2026", Ages: haugesundAges, Compare: norwayAges, CompareName: "Hele landet", Width: 520, Height: 420, Source: "SSB"})
	}},
	{"LineWeb", func(w io.Writer) error {
		return Line(w, LineChart{Title: "Folkemengde – Haugesund", YLabel: "Innbyggere", Source: "SSB", Series: []Series{series("Haugesund", 2006, haugesund, 2012)}, Width: 560, Height: 300})
	}},
	{"BarsEmpty", func(w io.Writer) error { return Bars(w, BarChart{Title: "Ingen stolper"}) }},
	{"BarsNegative", func(w io.Writer) error {
		return Bars(w, BarChart{Title: "Netto driftsresultat", Lang: "en", Bars: []Bar{{Label: "A", Value: -120.5, Known: true}, {Label: "B", Value: -3, Known: true}, {Label: "C"}}})
	}},
	{"BarsMany", func(w io.Writer) error {
		var bs []Bar
		for i := range 50 {
			bs = append(bs, Bar{Label: "Kommune med et ganske langt navn " + strconv.Itoa(i), Value: float64(i * i * 37), Known: i%7 != 3, Highlight: i == 10})
		}
		return Bars(w, BarChart{Title: "Femti", Bars: bs, Reference: &Reference{Label: "Grense", Value: 5000}, Width: 400})
	}},
}

func checkSVG(t *testing.T, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var (
		depth          int
		first          []string // names of the root's first children
		title, desc    string
		in             string
		role, labelled string
		describedby    string
		ids            = map[string]bool{}
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			name := tok.Name.Local
			if depth == 1 {
				if name != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg" {
					t.Fatalf("root is %v, want svg in the SVG namespace", tok.Name)
				}
			}
			if depth == 2 && len(first) < 2 {
				first = append(first, name)
			}
			if name == "style" || name == "script" {
				t.Errorf("has a <%s> element", name)
			}
			for _, a := range tok.Attr {
				switch a.Name.Local {
				case "style":
					t.Errorf("<%s> has a style attribute", name)
				case "font-size":
					if n, err := strconv.Atoi(a.Value); err != nil || n < 12 {
						t.Errorf("<%s> has font-size %q, want at least 12", name, a.Value)
					}
				case "role":
					if depth == 1 {
						role = a.Value
					}
				case "aria-labelledby":
					labelled = a.Value
				case "aria-describedby":
					describedby = a.Value
				case "id":
					if ids[a.Value] {
						t.Errorf("id %q appears twice", a.Value)
					}
					ids[a.Value] = true
				case "href":
					if strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Value)), "javascript:") {
						t.Errorf("unsafe href %q", a.Value)
					}
				}
			}
			if depth == 2 {
				in = name
			}
		case xml.EndElement:
			depth--
			in = ""
		case xml.CharData:
			switch in {
			case "title":
				title += string(tok)
			case "desc":
				desc += string(tok)
			}
		}
	}
	if len(first) < 2 || first[0] != "title" || first[1] != "desc" {
		t.Errorf("first children are %v, want [title desc]", first)
	}
	if strings.TrimSpace(title) == "" || strings.TrimSpace(desc) == "" {
		t.Errorf("empty title %q or desc %q", title, desc)
	}
	if role != "img" && role != "group" {
		t.Errorf("role = %q, want img (or group when the chart has links)", role)
	}
	if !ids[labelled] || !ids[describedby] {
		t.Errorf("aria-labelledby %q / aria-describedby %q do not name elements", labelled, describedby)
	}
}
