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
	// The domain: vocabulary, validation and the store interfaces. Only
	// the standard library, so every other package can use it and it can
	// be read alone. generalist/internal/nbfmt formats numbers, amounts
	// and dates for readers (decision 0009); it imports only the standard
	// library (its own test checks that, as this one skips internal
	// packages), so the Norwegian rules are written once.
	"generalist":      {"generalist/internal/nbfmt"},
	"generalist/data": {},

	// Import: the embedded reference files and SSB's formats become
	// domain values. refdata also reads the economy's parameter files,
	// so it knows the economy's types.
	"generalist/refdata": {"generalist", "generalist/data", "generalist/economy"},
	"generalist/ssb":     {"generalist"},

	// Pure computation: the domain and each other, never a store, HTTP
	// or the edges, so each can be tested in memory.
	"generalist/economy":    {"generalist"},
	"generalist/stats":      {"generalist"},
	"generalist/capacity":   {"generalist"},
	"generalist/sim":        {"generalist", "generalist/graph", "generalist/stats"},
	"generalist/demography": {"generalist"},
	"generalist/analysis":   {"generalist", "gonum.org/v1/gonum"},
	"generalist/geo":        {"generalist", "generalist/data", "github.com/paulmach/orb"},
	"generalist/graph":      {"generalist", "generalist/data", "generalist/geo", "github.com/paulmach/orb", "gonum.org/v1/gonum"},
	"generalist/imc":        {"generalist"},
	// Cooperation patterns: the fixed-partner index and the communities
	// of the cooperation graph (gonum's Louvain), from the registry's
	// cooperations (docs/cooperation-patterns.md).
	"generalist/imc/pattern": {"generalist", "gonum.org/v1/gonum"},
	"generalist/optimize":    {"generalist", "generalist/graph"},
	"generalist/auth":        {"generalist", "golang.org/x/crypto"},

	// Plan files: a scenario's municipalities as GeoJSON and CSV, and a
	// plan read back; boundaries dissolved with simplefeatures
	// (docs/decisions/0014-plan-files.md).
	"generalist/planfile": {"generalist", "generalist/geo", "github.com/paulmach/orb", "github.com/peterstace/simplefeatures"},

	// atlas is the read side over the store's interfaces: population on
	// any structure, the structure table, and the bases of the models.
	"generalist/atlas": {"generalist", "generalist/stats", "generalist/demography", "generalist/capacity", "generalist/analysis", "generalist/sim", "generalist/graph"},

	// Rendering: values in, SVG, HTML, Markdown or CSV out; no store.
	"generalist/chart":  {"generalist/internal/nbfmt"},
	"generalist/geomap": {"generalist", "generalist/geo", "github.com/paulmach/orb", "generalist/internal/nbfmt"},
	"generalist/report": {"generalist", "generalist/chart", "generalist/geomap", "generalist/sim", "generalist/economy", "generalist/internal/nbfmt"},

	// Storage adapters: one shared store over database/sql and a thin
	// opener per backend; neither backend knows the other (decision 0006).
	"generalist/sqlstore": {"generalist"},
	// Each backend also applies River's migrations for the job queue
	// with its own River driver (docs/decisions/0013-jobs.md).
	"generalist/sqlite":    {"generalist", "generalist/sqlstore", "modernc.org/sqlite", "github.com/riverqueue/river"},
	"generalist/postgres":  {"generalist", "generalist/sqlstore", "github.com/jackc/pgx/v5", "github.com/riverqueue/river"},
	"generalist/storetest": {"generalist", "generalist/sqlstore", "generalist/sqlite", "generalist/postgres", "generalist/refdata", "generalist/imc", "generalist/internal/testkit", "github.com/jackc/pgx/v5"},

	// The use cases, once for both edges (decision 0008): app chains the
	// models and reaches the store only through the root package's
	// interfaces, never a backend or sqlstore (wiring is cmd's), and never
	// an edge.
	"generalist/app": {"generalist", "generalist/atlas", "generalist/capacity", "generalist/sim", "generalist/economy", "generalist/refdata",
		"generalist/geo", "generalist/geomap", "generalist/graph", "generalist/optimize", "generalist/report", "generalist/imc", "generalist/imc/pattern", "generalist/planfile"},

	// Long runs as durable jobs on River (docs/decisions/0013-jobs.md):
	// each kind calls one use case of app (and the optimizer it chains);
	// the queue is River's client over a driver the wiring (cmd) chooses,
	// so jobs names no backend.
	"generalist/jobs": {"generalist", "generalist/app", "generalist/optimize", "generalist/report", "github.com/riverqueue/river"},

	// The web edge: parses requests, calls app and renders. It may use the
	// models' types and pure helpers to present results, but not refdata
	// or geo (the embedded data and geometry are app's) and never a store
	// backend or sqlstore.
	"generalist/web": {"generalist", "generalist/app", "generalist/atlas", "generalist/stats", "generalist/chart", "generalist/geomap", "generalist/graph",
		"generalist/capacity", "generalist/demography", "generalist/analysis", "generalist/sim", "generalist/report", "generalist/imc", "generalist/imc/pattern", "generalist/optimize", "generalist/economy",
		"generalist/auth", "generalist/internal/nbfmt", "generalist/jobs"},
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
