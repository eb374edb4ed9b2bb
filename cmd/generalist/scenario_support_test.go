package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScenarioEvalSupport: eval prints a support scheme's cost per year
// and what each municipality receives, and --json carries it. One new
// IKS for ppt of Utsira and Bokn, 1 000 000 kr a year for 2 years, no
// criteria: by hand 1 000 000 kr each year, 2 000 000 kr in all, 500 000
// kr a year to each.
func TestScenarioEvalSupport(t *testing.T) {
	db := loadedDB(t)
	file := filepath.Join(t.TempDir(), "support.json")
	os.WriteFile(file, []byte(`{"name": "Støtte til nytt samarbeid", "structure": 2024, "year": 2026,
  "cooperations": [{"task": "ppt", "form": "interkommunalt_selskap", "members": ["1151", "1145"]}],
  "support": [{"name": "IKS-støtte", "per_cooperation": 1000000, "years": 2}]}`), 0o644)
	out, _, err := runCmd("scenario", "eval", file, "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Support for new cooperation: Støtte til nytt samarbeid, 2026–2027", "IKS-støtte: 1 of 1 new cooperations qualify",
		"2026  1 000 000 kr", "2027  1 000 000 kr", "In all  2 000 000 kr", "1145 Bokn", "500 000 kr", "1 000 000 kr", "1151 Utsira"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval lacks %q:\n%s", want, out)
		}
	}
	out, _, err = runCmd("scenario", "eval", file, "--json", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	var o struct {
		Support struct {
			Total          float64
			Municipalities []struct {
				Number string
				Total  float64
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	if o.Support.Total != 2_000_000 || len(o.Support.Municipalities) != 2 || o.Support.Municipalities[0].Total != 1_000_000 {
		t.Errorf("json support = %+v", o.Support)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"name": "Feil", "structure": 2024, "year": 2026,
  "cooperations": [{"task": "ppt", "form": "interkommunalt_selskap", "members": ["1151", "1145"]}],
  "support": [{"per_cooperation": -5, "years": 0, "criteria": {"forms": ["iks"]}}]}`), 0o644)
	_, stderr, err := runCmd("scenario", "validate", bad, "--db", db)
	if exitCode(err) != 1 {
		t.Fatalf("validate(bad) = %v, want exit 1", err)
	}
	for _, want := range []string{"support[0]: the grant per cooperation -5 is negative", "support[0]: the transition period of 0 years", `support[0]: unknown form "iks"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("validate stderr lacks %q:\n%s", want, stderr)
		}
	}
}
