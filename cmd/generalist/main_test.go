package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// sharedDB is one loaded store for the tests that only read.
var (
	sharedOnce sync.Once
	sharedPath string
	sharedErr  error
	tempDir    string
)

func TestMain(m *testing.M) {
	var err error
	if tempDir, err = os.MkdirTemp("", "generalist-test-"); err != nil {
		panic(err)
	}
	// A command run without --db uses this store, never a file in the
	// source tree.
	os.Setenv("GENERALIST_DB", filepath.Join(tempDir, "default.db"))
	code := m.Run()
	os.RemoveAll(tempDir)
	os.Exit(code)
}

func loadedDB(t *testing.T) string {
	t.Helper()
	sharedOnce.Do(func() {
		sharedPath = filepath.Join(tempDir, "shared.db")
		_, _, sharedErr = runCmd("stats", "--db", sharedPath)
	})
	if sharedErr != nil {
		t.Fatal(sharedErr) // every caller fails, not only the first
	}
	return sharedPath
}

func runCmd(args ...string) (stdout, stderr string, err error) {
	var o, e bytes.Buffer
	err = run(context.Background(), args, &o, &e)
	return o.String(), e.String(), err
}

func TestStatsContract(t *testing.T) {
	db := loadedDB(t)
	for _, tt := range []struct {
		args []string
		want map[string]any
	}{
		// The checks of the foundation issue, from data/README.md.
		{[]string{"--structure", "2020", "--year", "2020"}, map[string]any{
			"structure": 2020.0, "year": 2020.0, "municipalities": 356.0, "inhabitants": 5367580.0,
			"median": 5162.5, "largest.number": "0301", "largest.name": "Oslo", "largest.inhabitants": 693494.0,
			"smallest.number": "1151", "smallest.inhabitants": 198.0, "under.threshold": 5000.0, "under.count": 174.0,
		}},
		{[]string{"--structure", "2024", "--year", "2026"}, map[string]any{
			"municipalities": 357.0, "inhabitants": 5627400.0, "median": 5447.0, "largest.inhabitants": 728714.0,
			"smallest.inhabitants": 219.0, "under.count": 174.0,
		}},
		{[]string{"--structure", "2019", "--year", "2019", "--under", "10000"}, map[string]any{
			"municipalities": 422.0, "inhabitants": 5328212.0, "median": 4664.0, "under.threshold": 10000.0,
		}},
		// 2024 data carried back onto the 2020 structure is exact (Ålesund
		// and Haram merge back into old Ålesund).
		{[]string{"--structure", "2020", "--year", "2024"}, map[string]any{
			"municipalities": 356.0, "with_data": 356.0, "inhabitants": 5550203.0, "carried_from": 2024.0,
		}},
		// 2020 on the 2024 structure: Ålesund and Haram have no data.
		{[]string{"--structure", "2024", "--year", "2020"}, map[string]any{
			"municipalities": 357.0, "with_data": 355.0, "inhabitants": 5367580.0 - 66258,
			"missing.0.number": "1508", "missing.1.number": "1580",
		}},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, _, err := runCmd(append([]string{"stats", "--json", "--db", db}, tt.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			var got any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("output is not one JSON object: %v\n%s", err, out)
			}
			for path, want := range tt.want {
				if v := lookup(got, path); v != want {
					t.Errorf("%s = %v, want %v", path, v, want)
				}
			}
		})
	}
}

// lookup follows a dotted path ("largest.name", "missing.0.number").
func lookup(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			i := int(k[0] - '0')
			if i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func TestStatsText(t *testing.T) {
	out, _, err := runCmd("stats", "--structure", "2020", "--year", "2020", "--db", loadedDB(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Municipalities  356", "5 367 580", "15 077.5", "5 162.5", "693 494 (0301 Oslo)", "198 (1151 Utsira)", "Under 5 000     174", "Statistisk sentralbyrå"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats output lacks %q:\n%s", want, out)
		}
	}
}

func TestStatsNordic(t *testing.T) {
	out, _, err := runCmd("stats", "--nordic", "--year", "2021", "--json", "--db", loadedDB(t))
	if err != nil {
		t.Fatal(err)
	}
	var n struct {
		Rows []struct {
			Country, Label, Source string
			Computed               bool
			Municipalities         *float64
			Inhabitants            *float64
		}
	}
	if err := json.Unmarshal([]byte(out), &n); err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, r := range n.Rows {
		if r.Municipalities != nil {
			got[r.Label] = *r.Municipalities
		}
		if r.Source == "" {
			t.Errorf("row %s has no source", r.Label)
		}
	}
	// Finland: 309 municipalities on 31.12.2020, 293 without the 16 of
	// Åland (data/README.md); Sweden, Denmark, Iceland as published.
	want := map[string]float64{"Norge": 356, "Finland med Åland": 309, "Finland uten Åland": 293, "Sverige": 290, "Danmark": 98, "Island": 69}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("municipalities[%s] = %v, want %v", k, got[k], v)
		}
	}
}

func TestBadArguments(t *testing.T) {
	db := loadedDB(t)
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{}, 2, "no command"},
		{[]string{"nope"}, 2, `unknown command "nope"`},
		{[]string{"stats", "--structure", "2030", "--db", db}, 2, `structure "2030"`},
		{[]string{"stats", "--year", "twenty", "--db", db}, 2, "invalid value"},
		{[]string{"stats", "--under", "-5", "--db", db}, 2, "--under -5"},
		{[]string{"stats", "--year", "1990", "--db", db}, 1, "no population data for 1 January 1990"},
		{[]string{"stats", "--nordic", "--source", "wiki", "--db", db}, 1, `unknown source "wiki"`},
		{[]string{"import", "--db", db}, 2, "exactly one FILE"},
		{[]string{"import", "x.txt", "--db", db}, 2, "cannot tell the format"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, _, err := runCmd(tt.args...)
			if err == nil {
				t.Fatal("run succeeded, want an error")
			}
			if c := exitCode(err); c != tt.code {
				t.Errorf("exit code = %d, want %d (%v)", c, tt.code, err)
			}
			if !strings.Contains(errorText(err), tt.msg) {
				t.Errorf("error = %q, want it to contain %q", errorText(err), tt.msg)
			}
		})
	}
}
