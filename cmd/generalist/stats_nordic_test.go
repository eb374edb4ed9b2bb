package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// By default the comparison is on the committee's dates: Finland without
// Åland on 31.12.2020, as the committee's table (293, 18 784, 6 415, 124;
// data/README.md §7), and every row says how it is dated.
func TestStatsNordicDefault(t *testing.T) {
	out, _, err := runCmd("stats", "--nordic", "--json", "--db", loadedDB(t))
	if err != nil {
		t.Fatal(err)
	}
	var n struct {
		Basis string
		Rows  []struct {
			Country, Variant, Label, Date, Source string
			DateStatus                            string `json:"date_status"`
			Municipalities, Mean, Median          *float64
			Under5000                             *float64 `json:"under_5000"`
		}
	}
	if err := json.Unmarshal([]byte(out), &n); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range n.Rows {
		if r.DateStatus == "" || r.Source == "" {
			t.Errorf("%s: date status %q, source %q", r.Label, r.DateStatus, r.Source)
		}
		if r.Country == "FI" && r.Variant == "mainland" {
			found = true
			if r.Date != "2020-12-31" || *r.Municipalities != 293 || math.Round(*r.Mean) != 18784 || *r.Median != 6415 || *r.Under5000 != 124 {
				t.Errorf("Finland: %s %v %v %v %v", r.Date, *r.Municipalities, *r.Mean, *r.Median, *r.Under5000)
			}
		}
	}
	if !found || n.Basis != "source" {
		t.Errorf("basis %q, Finland without Åland found: %v", n.Basis, found)
	}
	text, _, err := runCmd("stats", "--nordic", "--db", loadedDB(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2020-12-31", "not stated in the source", "per figure, below", "none of the dates checked"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}
