package generalist

import (
	"strings"
	"testing"
)

func TestCSVCell(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		// Formulas and what a spreadsheet starts one with.
		{`=HYPERLINK("http://x","klikk")`, `'=HYPERLINK("http://x","klikk")`},
		{"+SUM(A1)", "'+SUM(A1)"},
		{"-1+HYPERLINK(1)", "'-1+HYPERLINK(1)"},
		{"-E1", "'-E1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"-", "'-"},
		{"- punkt", "'- punkt"},
		{"-1e5", "'-1e5"},
		{"'=1", "''=1"},
		{" =HYPERLINK(1)", "' =HYPERLINK(1)"}, // an import that trims spaces would see a formula
		{"  @A1", "'  @A1"},
		// Plain numbers keep their sign.
		{"-475795", "-475795"},
		{"-3.5", "-3.5"},
		{"+12", "+12"},
		{"-1 234,5", "-1 234,5"},
		{"-1\u00a0234", "-1\u00a0234"},
		{"-2,1 %", "-2,1 %"},
		{" -5", " -5"},
		// Text that is no formula is left alone.
		{"", ""},
		{"Oslo", "Oslo"},
		{"'sitat", "'sitat"},
		{"1+1", "1+1"},
		{"a=b", "a=b"},
	} {
		if got := CSVCell(tt.in); got != tt.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back := ParseCSVCell(CSVCell(tt.in)); back != tt.in {
			t.Errorf("ParseCSVCell(CSVCell(%q)) = %q", tt.in, back)
		}
	}
}

func FuzzCSVCell(f *testing.F) {
	for _, s := range []string{"=1", "-1", "'", "''-x", "-1 2", "@", "\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CSVCell(s)
		if back := ParseCSVCell(c); back != s {
			t.Fatalf("ParseCSVCell(CSVCell(%q)) = %q", s, back)
		}
		if c != "" && strings.IndexByte("=+-@\t\r", c[0]) >= 0 && !plainNumber(c) {
			t.Fatalf("CSVCell(%q) = %q starts a formula", s, c)
		}
	})
}

func TestCSVWriter(t *testing.T) {
	var b strings.Builder
	w := NewCSVWriter(&b)
	w.Comma = ';'
	rec := []string{"=1+1", "-475795", "Oslo"}
	if err := w.WriteAll([][]string{rec}); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "'=1+1;-475795;Oslo\n"; got != want {
		t.Errorf("CSVWriter wrote %q, want %q", got, want)
	}
	if rec[0] != "=1+1" {
		t.Errorf("Write changed its record: %q", rec)
	}
}
