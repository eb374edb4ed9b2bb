package generalist

import (
	"strings"
	"testing"
)

func TestClassifyRegion(t *testing.T) {
	for _, tt := range []struct {
		code, num, skip string
	}{
		{"0301", "0301", ""},
		{"K-0301", "0301", ""},
		{" 1151 ", "1151", ""},
		{"0", "", "national total"},
		{"00", "", "national total"},
		{"0000", "", "national total"},
		{"03", "", "county, not a municipality"},
		{"F-03", "", "county, not a municipality"},
		{"EAK", "", "KOSTRA group, not a municipality"},
		{"EKA03", "", "KOSTRA group, not a municipality"},
		{"EKG13", "", "KOSTRA group, not a municipality"},
		{"21", "", "Svalbard, not a municipality"},
		{"2111", "", "Svalbard, not a municipality"},
		{"2121", "", "Svalbard, not a municipality"},
		{"2131", "", "Svalbard, not a municipality"},
		{"K-2111", "", "Svalbard, not a municipality"},
		{"2211", "", "Jan Mayen, not a municipality"},
		{"2399", "", "continental shelf, not a municipality"},
		{"9999", "", "unknown municipality"},
		// Numbers that look like municipalities are municipalities by
		// the rule; whether one exists is checked against the structures.
		{"1299", "1299", ""},
		{"0399", "0399", ""},
	} {
		num, skip, err := ClassifyRegion(tt.code)
		if err != nil || string(num) != tt.num || skip != tt.skip {
			t.Errorf("ClassifyRegion(%q) = %q, %q, %v; want %q, %q", tt.code, num, skip, err, tt.num, tt.skip)
		}
	}
	for _, code := range []string{"", "301", "03O1", "0301 Oslo", "00301", "K-", "E", "Eak"} {
		if num, skip, err := ClassifyRegion(code); ErrorCode(err) != EINVALID {
			t.Errorf("ClassifyRegion(%q) = %q, %q, %v; want EINVALID", code, num, skip, err)
		}
	}
}

func TestUnknownMunicipality(t *testing.T) {
	msg := ErrorMessage(UnknownMunicipality("1299", "line 7"))
	for _, want := range []string{"line 7: kommune 1299", "not a municipality in any structure", "nothing was imported"} {
		if !strings.Contains(msg, want) {
			t.Errorf("UnknownMunicipality = %q, want it to contain %q", msg, want)
		}
	}
}

func TestMissingCellsString(t *testing.T) {
	m := MissingCells{}
	if got := m.String(); got != "no cell without a value" {
		t.Errorf("empty: %q", got)
	}
	m.Add(MarkerNull)
	m.Add("..")
	m.Add("..")
	m.Add(":")
	if got, want := m.String(), `4 cells without a value (".." 2, ":" 1, null 1)`; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if m.Total() != 4 {
		t.Errorf("Total = %d", m.Total())
	}
}
