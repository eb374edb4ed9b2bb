package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestIMCPatterns(t *testing.T) {
	db := filepath.Join(t.TempDir(), "imc.db")
	imcCmd := func(args ...string) (string, error) {
		out, _, err := runCmd(append(append([]string{"imc"}, args...), "--db", db)...)
		return out, err
	}
	if _, err := imcCmd("examples", "--author", "Test"); err != nil {
		t.Fatal(err)
	}
	type result struct {
		Cooperations    int  `json:"cooperations"`
		Examples        bool `json:"examples_counted"`
		ExamplesLeftOut int  `json:"examples_left_out"`
		Municipalities  []struct {
			Number string   `json:"number"`
			Index  *float64 `json:"index"`
		} `json:"municipalities"`
		Regions []struct {
			Name       string   `json:"name"`
			Modularity *float64 `json:"modularity"`
		} `json:"regions"`
	}
	patterns := func(args ...string) result {
		t.Helper()
		out, err := imcCmd(append([]string{"patterns", "--today", "2026-06-01", "--json"}, args...)...)
		var r result
		if err != nil || json.Unmarshal([]byte(out), &r) != nil {
			t.Fatalf("patterns %v: %v\n%s", args, err, out)
		}
		return r
	}

	// Only examples in the registry: nothing is counted unless asked.
	if r := patterns(); r.Cooperations != 0 || r.ExamplesLeftOut != 4 || len(r.Municipalities) != 0 {
		t.Errorf("registered only = %+v", r)
	}
	out, err := imcCmd("patterns", "--today", "2026-06-01")
	if err != nil || !strings.Contains(out, "No patterns to show: import cooperations") || !strings.Contains(out, "4 example cooperations not counted") {
		t.Errorf("text, registered only: %v\n%s", err, out)
	}
	r := patterns("--examples")
	if !r.Examples || r.Cooperations != 4 || len(r.Municipalities) != 21 || len(r.Regions) != 4 {
		t.Errorf("with examples = %+v", r)
	}
	for _, m := range r.Municipalities {
		if m.Index != nil {
			t.Errorf("%s has index %v with one cooperation; want null", m.Number, *m.Index)
		}
	}

	// A registered host arrangement of Alstahaug and Leirfjord: with the
	// examples, Alstahaug's partner sets are {1822, 1818} and {1822}, so
	// its index is 1/2.
	if _, err := imcCmd("add", "--author", "Test", "--name", "Legevakt Ytre Helgeland", "--form", "vertskommune", "--participant", "1820", "--participant", "1822",
		"--host", "1820", "--start", "2025-01-01", "--task", "legevakt:ingen"); err != nil {
		t.Fatal(err)
	}
	if r := patterns(); r.Cooperations != 1 || len(r.Municipalities) != 2 || r.Municipalities[0].Index != nil {
		t.Errorf("one registered = %+v", r)
	}
	r = patterns("--examples")
	var found bool
	for _, m := range r.Municipalities {
		if m.Number == "1820" {
			found = m.Index != nil && *m.Index == 0.5
		}
	}
	if !found || r.Cooperations != 5 {
		t.Errorf("1820 with the examples = %+v", r)
	}
	out, err = imcCmd("patterns", "--today", "2026-06-01", "--examples")
	for _, w := range []string{"EXAMPLES COUNTED", "Alstahaug", "0.50", "no data", "Nordland", "Q 0.00", "Louvain"} {
		if err != nil || !strings.Contains(out, w) {
			t.Errorf("text with examples lacks %q (%v)\n%s", w, err, out)
		}
	}

	for _, args := range [][]string{{"patterns", "--today", "2026-13-01"}, {"patterns", "extra"}} {
		if _, err := imcCmd(args...); exitCode(err) != 2 {
			t.Errorf("imc %v: exit %d (%v), want 2", args, exitCode(err), err)
		}
	}
}
