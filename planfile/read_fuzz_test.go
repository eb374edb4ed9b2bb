package planfile

import (
	"strings"
	"testing"
	"unicode/utf8"

	"generalist"
)

// municipalities is a small base structure for the parsers' tests.
var municipalities = []generalist.Municipality{{Number: "0301"}, {Number: "1811"}, {Number: "1812"}, {Number: "1813"}}

// checkParsed holds for any file: either problems, each placed in the
// file and with a message, or assignments with valid numbers; and
// Mergers never fails on what the parser gave.
func checkParsed(t *testing.T, as []Assignment, ps Problems) {
	t.Helper()
	for _, p := range ps {
		if p.File != "plan" || p.Message == "" || !utf8.ValidString(p.String()) {
			t.Fatalf("problem without place or message: %+v", p)
		}
	}
	for _, a := range as {
		if _, err := generalist.ParseMunicipalityNumber(string(a.Number)); err != nil {
			t.Fatalf("assignment with number %q: %v", a.Number, err)
		}
		if a.At.File != "plan" || a.At.Line == 0 && a.At.Feature == 0 {
			t.Fatalf("assignment without place: %+v", a)
		}
	}
	ms, mps := Mergers(as, municipalities)
	for _, m := range ms {
		if len(m.Members) < 2 || len(m.At) != len(m.Members) || m.Centre == "" {
			t.Fatalf("merger %+v", m)
		}
	}
	for _, p := range mps {
		if p.Message == "" {
			t.Fatalf("merger problem without message: %+v", p)
		}
	}
}

var csvSeeds = []string{
	"kommunenummer,gruppe\n1811,a\n1812,a\n",
	"\ufeffkommunenummer;gruppe;gruppenavn;senter\r\n1811;a;Sør-Helgeland;1812\r\n1812;a;Sør-Helgeland;1812\r\n",
	"# kommentar\nnumber\tgroup\n301\tx\n",
	"kommunenummer,gruppe\n1811,a\n1811,b\n",
	"kommunenummer,gruppe\n\"18\n11\",a\n",
	"kommunenummer,gruppe\n'=1811,a\n",
	"gruppe\n1\n",
	"",
	"kommunenummer,gruppe,senter\n1811,a,1813\n1812,a,1811\n",
	"kommunenummer,gruppe\n\xe6\xf8\xe5,a\n",
	"kommunenummer,gruppe\n1811\n",
}

var geojsonSeeds = []string{
	`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunenummer":"1811","gruppe":"a"},"geometry":null},{"type":"Feature","properties":{"kommunenummer":1812,"gruppe":"a"},"geometry":null}]}`,
	`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"members":["1811","1812"],"name":"Ny","centre":"1811"}}]}`,
	`{"type":"FeatureCollection","features":[{"properties":{"kommunenummer":1.5}}]}`,
	`{"type":"FeatureCollection","features":[{"properties":{"members":"1811"}}]}`,
	`{"type":"Feature"}`,
	`{"type":"FeatureCollection","features":[{"properties":{"kommunenummer":["x"],"gruppe":{}}}]}`,
	`[`,
	`{"type":"FeatureCollection","features":[{"properties":null}]}`,
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		as, ps := ReadCSV(b, "plan")
		checkParsed(t, as, ps)
	})
}

func FuzzReadGeoJSON(f *testing.F) {
	for _, s := range geojsonSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		as, ps := ReadGeoJSON(b, "plan")
		checkParsed(t, as, ps)
	})
}

// TestReadSeeds pins what the seeds give.
func TestReadSeeds(t *testing.T) {
	for i, tt := range []struct {
		geojson bool
		in      string
		n       int    // assignments
		problem string // the first problem, "" for none
	}{
		{false, csvSeeds[0], 2, ""},
		{false, csvSeeds[1], 2, ""},
		{false, csvSeeds[2], 1, ""},
		{false, csvSeeds[5], 0, "plan line 2, column kommunenummer: "},
		{false, csvSeeds[6], 0, "plan line 1: the header has no column kommunenummer"},
		{false, csvSeeds[7], 0, "plan: the file is empty"},
		{false, csvSeeds[9], 0, "plan line 2, column kommunenummer: "},
		{false, csvSeeds[10], 1, ""},
		{true, geojsonSeeds[0], 2, ""},
		{true, geojsonSeeds[1], 2, ""},
		{true, geojsonSeeds[2], 0, "plan feature 1, property kommunenummer: 1.5 is not a whole number"},
		{true, geojsonSeeds[3], 0, "plan feature 1, property members: members must be a list"},
		{true, geojsonSeeds[4], 0, `plan: the file is a GeoJSON "Feature", not a FeatureCollection`},
		{true, geojsonSeeds[6], 0, "plan: not valid JSON at line 1"},
	} {
		var as []Assignment
		var ps Problems
		if tt.geojson {
			as, ps = ReadGeoJSON([]byte(tt.in), "plan")
		} else {
			as, ps = ReadCSV([]byte(tt.in), "plan")
		}
		first := ""
		if len(ps) > 0 {
			first = ps[0].String()
		}
		if len(as) != tt.n || tt.problem == "" && first != "" || tt.problem != "" && !strings.HasPrefix(first, tt.problem) {
			t.Errorf("seed %d: %d assignments, first problem %q; want %d, %q", i, len(as), first, tt.n, tt.problem)
		}
	}
	// Excel's dropped leading zero and a centre and name on every row.
	as, _ := ReadCSV([]byte(csvSeeds[1]), "plan")
	ms, ps := Mergers(as, municipalities)
	if len(ps) > 0 || len(ms) != 1 || ms[0].Name != "Sør-Helgeland" || ms[0].Centre != "1812" {
		t.Errorf("Mergers = %+v, %v", ms, ps)
	}
	as, _ = ReadCSV([]byte(csvSeeds[8]), "plan")
	if _, ps := Mergers(as, municipalities); len(ps) != 2 || !strings.Contains(ps[0].String(), "has centre 1811 here and 1813 at plan line 2") {
		t.Errorf("conflicting centres: %v", ps)
	}
}
