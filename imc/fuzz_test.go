package imc

import (
	"bytes"
	"strings"
	"testing"

	"generalist"
)

// The file parsers take files from users. Whatever they get, they return
// cooperations that export and parse back the same, or an EINVALID error.

func FuzzParseJSON(f *testing.F) {
	f.Add(examplesJSON)
	for _, s := range []string{`{"name": "A", "colour": 1}`, `[{"name": "A"}]`, `{"cooperations": [{"start": "31.02.2026"}]}`, `{"participants": [{"ownership": 33.333}]}`, `[1]`, `{"cooperations": {}}`, "{\"budget\": 1e3}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := ParseJSON(data, "f.json")
		if err != nil {
			if generalist.ErrorCode(err) != generalist.EINVALID {
				t.Fatalf("ParseJSON = %v, want EINVALID", err)
			}
			return
		}
		reparse(t, cs, ExportJSON, ParseJSON, "again.json")
		for i := range cs {
			// Checking and rendering never fail on parsed input.
			Check(&cs[i], nil, Options{Invalid: cs[i].Validate()})
			if _, err := Render(&cs[i], nil, nil, "2026-01-01"); err != nil {
				t.Fatalf("Render: %v", err)
			}
		}
	})
}

func FuzzParseCSV(f *testing.F) {
	var buf bytes.Buffer
	cs, _ := Examples()
	ExportCSV(&buf, cs)
	f.Add(buf.Bytes())
	for _, s := range []string{
		"navn;form;start;deltaker;eierandel\nA;ko;2020-01-01;1820;50\nA;ko;;1822;50\n",
		"navn,form,start,deltaker,vert\nA,ko,2020-01-01,1820,\nA,ko,,1822,1822\n",
		"navn;form;start;deltaker;oppgaver\nA;vertskommune;2020-01-01;1820;barnevern:enkeltvedtak|Fritt: tekst\n",
		"navn;form;start;deltaker\nA;ko;\"2020;1820\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := ParseCSV(data, "f.csv")
		if err != nil {
			if generalist.ErrorCode(err) != generalist.EINVALID {
				t.Fatalf("ParseCSV = %v, want EINVALID", err)
			}
			return
		}
		back := reparse(t, cs, ExportCSV, ParseCSV, "again.csv")
		if len(back) != len(cs) {
			t.Fatalf("round trip: %d cooperations, want %d", len(back), len(cs))
		}
	})
}

func FuzzMarkup(f *testing.F) {
	for _, s := range []string{
		"# Tittel\n\nEn **fet** setning\n\n- punkt [[MANGLER: x]]\n\n| a | b |\n| --- | --- |\n| 1 | 2 \\| 3 |\n\n> merk\n\n---\n",
		"<script>alert(1)</script>", "**", "[[MANGLER:", "\\", "| a \\", "|---|\n|x|", "#x\n##  y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h := markupToHTML(s)
		checkHTML(t, s, h)
		markupToMarkdown(s)
		// Text escaped for the markup comes out as the same words.
		esc := markupToHTML(escapeMarkup(s))
		checkHTML(t, s, esc)
		if strings.Contains(esc, "<mark") || strings.Contains(esc, "<strong>") {
			t.Fatalf("escaped text %q became markup: %s", s, esc)
		}
	})
}
