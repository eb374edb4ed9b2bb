package generalist_test

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// allowed lists, for each package of the module, the module packages and
// third-party module prefixes it may import. Dependencies point inward: the
// domain imports only the standard library, computation imports the
// domain, adapters import the domain, and only cmd/ wires everything.
var allowed = map[string][]string{
	// generalist/internal/nbfmt formats numbers, amounts and dates for
	// readers (docs/decisions/0009-number-format.md). It imports only the
	// standard library (its own test checks that, as this one skips
	// internal packages), so the domain, chart and geomap may use it and
	// the Norwegian rules are written once rather than in every package.
	"generalist":            {"generalist/internal/nbfmt"},
	"generalist/data":       {},
	"generalist/refdata":    {"generalist", "generalist/data", "generalist/economy"},
	"generalist/economy":    {"generalist"},
	"generalist/ssb":        {"generalist"},
	"generalist/stats":      {"generalist"},
	"generalist/atlas":      {"generalist", "generalist/stats", "generalist/demography", "generalist/capacity", "generalist/analysis", "generalist/sim", "generalist/graph"},
	"generalist/capacity":   {"generalist"},
	"generalist/sim":        {"generalist", "generalist/graph", "generalist/stats"},
	"generalist/demography": {"generalist"},
	"generalist/analysis":   {"generalist", "gonum.org/v1/gonum"},
	"generalist/geo":        {"generalist", "generalist/data", "github.com/paulmach/orb"},
	"generalist/graph":      {"generalist", "generalist/data", "generalist/geo", "github.com/paulmach/orb", "gonum.org/v1/gonum"},
	"generalist/sqlstore":   {"generalist"},
	"generalist/sqlite":     {"generalist", "generalist/sqlstore", "modernc.org/sqlite"},
	"generalist/postgres":   {"generalist", "generalist/sqlstore", "github.com/jackc/pgx/v5"},
	"generalist/storetest":  {"generalist", "generalist/sqlstore", "generalist/sqlite", "generalist/postgres", "generalist/refdata", "generalist/imc", "github.com/jackc/pgx/v5"},
	"generalist/imc":        {"generalist"},
	"generalist/auth":       {"generalist", "golang.org/x/crypto"},
	"generalist/chart":      {"generalist/internal/nbfmt"},
	"generalist/report":     {"generalist", "generalist/chart", "generalist/geomap", "generalist/sim", "generalist/internal/nbfmt"},
	"generalist/optimize":   {"generalist", "generalist/graph"},
	"generalist/geomap":     {"generalist", "generalist/geo", "github.com/paulmach/orb", "generalist/internal/nbfmt"},
	// app holds each use case once: it chains the models for the edges,
	// and reaches the store only through the interfaces of the root
	// package, never a backend (wiring is cmd's).
	"generalist/app": {"generalist", "generalist/atlas", "generalist/capacity", "generalist/sim", "generalist/economy", "generalist/refdata",
		"generalist/geo", "generalist/geomap", "generalist/graph", "generalist/optimize", "generalist/report", "generalist/imc"},
	"generalist/web": {"generalist", "generalist/app", "generalist/atlas", "generalist/stats", "generalist/chart", "generalist/geomap", "generalist/graph",
		"generalist/capacity", "generalist/demography", "generalist/analysis", "generalist/sim", "generalist/report", "generalist/imc", "generalist/optimize", "generalist/economy",
		"generalist/auth", "generalist/internal/nbfmt"},
	"generalist/web/static": {},
}

func TestDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports,Standard", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(p.ImportPath, "generalist/cmd/") || strings.HasPrefix(p.ImportPath, "generalist/internal/") {
			continue
		}
		rules, ok := allowed[p.ImportPath]
		if !ok {
			t.Errorf("package %s has no dependency rule; add one to allowed", p.ImportPath)
			continue
		}
	imports:
		for _, imp := range p.Imports {
			first := strings.SplitN(imp, "/", 2)[0]
			if !strings.Contains(first, ".") && first != "generalist" {
				continue // standard library
			}
			for _, r := range rules {
				if imp == r || strings.HasPrefix(imp, r+"/") && !strings.HasPrefix(r, "generalist") {
					continue imports
				}
			}
			t.Errorf("%s imports %s, which its rule does not allow", p.ImportPath, imp)
		}
	}
}
