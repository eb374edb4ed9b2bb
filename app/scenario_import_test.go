package app_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/sqlstore"
	"generalist/storetest"
)

// TestImportScenarioNoRows: a plan file with nothing in it (a header
// alone, a FeatureCollection without features, units without members)
// is refused with the key the pages word, and nothing is stored.
func TestImportScenarioNoRows(t *testing.T) {
	ctx := context.Background()
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	for _, tt := range []struct{ name, file string }{
		{"header", "kommunenummer,gruppe\n"},
		{"header and blank lines", "# a comment\nkommunenummer;gruppe\n\n;\n"},
		{"no features", `{"type":"FeatureCollection","features":[]}`},
		{"units without members", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"members":[]},"geometry":null}]}`},
	} {
		for _, dry := range []bool{true, false} {
			res, err := a.ImportScenario(ctx, app.PlanImport{File: []byte(tt.file), FileName: "plan.csv", Name: "Tom plan", DryRun: dry})
			key, _ := generalist.ErrorKey(err)
			if generalist.ErrorCode(err) != generalist.EINVALID || key != "err.plan.norows" || (res != nil && res.Stored) {
				t.Errorf("%s (dry run %v): %v (key %q), %+v; want the file refused for having no rows", tt.name, dry, err, key, res)
			}
		}
	}
	if list, err := a.Store.Scenarios(ctx); err != nil || len(list) != 0 {
		t.Errorf("empty plans stored %d scenarios, %v", len(list), err)
	}
}

// TestImportScenarioStructure: an unknown structure is refused, naming
// the ones there are, not replaced by 2024.
func TestImportScenarioStructure(t *testing.T) {
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	_, err := a.ImportScenario(context.Background(), app.PlanImport{File: []byte("kommunenummer,gruppe\n1811,a\n1812,a\n"), Name: "Plan", Structure: 1999, DryRun: true})
	if key, _ := generalist.ErrorKey(err); generalist.ErrorCode(err) != generalist.EINVALID || key != "err.structure.unknown" {
		t.Errorf("structure 1999: %v (key %q), want it refused", err, key)
	}
}

// TestImportScenarioConcurrent sends one plan under one name twenty times
// at once: each import is stored, under an id of its own made from the
// name; none fails on an id the client never chose. On SQLite, and on
// PostgreSQL when there is one.
func TestImportScenarioConcurrent(t *testing.T) {
	for _, open := range []struct {
		name string
		db   func(testing.TB) *sqlstore.DB
	}{{"sqlite", storetest.OpenSQLite}, {"postgres", storetest.OpenPostgres}} {
		t.Run(open.name, func(t *testing.T) {
			ctx := context.Background()
			a := app.New(storetest.Loaded(t, open.db(t)))
			const n = 20
			ids := make([]string, n)
			errs := make([]error, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() {
					res, err := a.ImportScenario(ctx, app.PlanImport{File: []byte("kommunenummer,gruppe\n1811,a\n1812,a\n"), Name: "Race Plan", Author: "test"})
					errs[i] = err
					if err == nil && res.Stored {
						ids[i] = res.Scenario.ID
					}
				})
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Errorf("import %d: %v", i, err)
				}
			}
			slices.Sort(ids)
			if got := slices.Compact(slices.Clone(ids)); len(got) != n || got[0] == "" {
				t.Errorf("ids %v: want %d different ones", ids, n)
			}
			for i := 1; i <= n; i++ {
				id := "race-plan"
				if i > 1 {
					id = fmt.Sprintf("race-plan-%d", i)
				}
				if !slices.Contains(ids, id) {
					t.Errorf("no scenario %s among %v", id, ids)
				}
			}
		})
	}
}
