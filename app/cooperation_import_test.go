package app_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/imc"
	"generalist/sqlstore"
	"generalist/storetest"
)

// registry is the registry's cooperations and histories, to compare
// before and after a refused import.
func registry(t *testing.T, db *sqlstore.DB) string {
	t.Helper()
	ctx := context.Background()
	cs, err := db.IMCs(ctx, generalist.IMCFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []any
	for _, c := range cs {
		h, err := db.IMCHistory(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c, h)
	}
	b, _ := json.Marshal(out)
	return string(b)
}

const importHead = "navn;form;deltaker;vert;oppgaver;start;kilde\n"

// TestImportCooperations runs the import use case on both stores: a bad
// file is refused whole with every problem and the store unchanged; a
// good one is planned, then imported with its source; examples stay
// examples.
func TestImportCooperations(t *testing.T) {
	for name, b := range map[string]storetest.Backend{"SQLite": storetest.SQLite, "PostgreSQL": storetest.Postgres} {
		t.Run(name, func(t *testing.T) {
			db := storetest.Loaded(t, b.Open(t))
			testImportCooperations(t, db)
		})
	}
}

func testImportCooperations(t *testing.T, db *sqlstore.DB) {
	ctx := context.Background()
	a := app.New(db)
	edit := generalist.IMCEdit{Author: "Analytiker"}
	run := func(file, source string, mod func(*app.CooperationImport)) (*app.ImportPlan, error) {
		req := app.CooperationImport{File: []byte(file), Name: "f.csv", Source: source, Edit: edit, Today: "2026-06-01"}
		if mod != nil {
			mod(&req)
		}
		return a.ImportCooperations(ctx, req)
	}
	if plan, err := run(string(imc.ExamplesJSON()), "", func(r *app.CooperationImport) { r.Name, r.Examples = "eksempler.json", true }); err != nil || plan.Created != 4 {
		t.Fatalf("import of the shipped examples = %+v, %v", plan, err)
	}
	before := registry(t, db)

	good := importHead +
		"Legevakt Ytre;vertskommune;1820;1820;legevakt;2016-01-01;Statsforvalteren i Nordland 2024\n" +
		"Legevakt Ytre;;1822;;;;\n" +
		"Revisjon Indre;ko;3401;3401;revisjon;1.1.2020;\n" +
		"Revisjon Indre;;3415;;;;\n"
	bad := good +
		"Brann Nord;iks;1820;;brann_beredskap;2020-01-01;S\n" + // one participant only
		"Ukjent;ko;9999;;;2020-01-01;S\n" + // no such municipality
		"Ukjent;;1820;;;;\n"
	t.Run("Refused", func(t *testing.T) {
		plan, err := run(bad, "", nil)
		ps := imc.ProblemsOf(err)
		if generalist.ErrorCode(err) != generalist.EINVALID || len(ps) != 3 {
			t.Fatalf("import of a bad file = %v with %d problems %+v, want EINVALID with 3", err, len(ps), ps)
		}
		want := []struct {
			line int
			kind string
			text string
		}{{4, imc.KindSource, "no source"}, {6, "", "at least two participants"}, {7, "", "participant 9999"}}
		for i, w := range want {
			if ps[i].Line != w.line || ps[i].Kind != w.kind || !strings.Contains(ps[i].Message, w.text) {
				t.Errorf("problem %d = %+v, want line %d, kind %q, %q", i, ps[i], w.line, w.kind, w.text)
			}
		}
		if len(plan.Problems) != 3 || plan.Imported {
			t.Errorf("plan of a refused file = %+v", plan)
		}
		if registry(t, db) != before {
			t.Error("a refused import changed the registry")
		}
	})
	t.Run("ExampleTricks", func(t *testing.T) {
		// The name of a shipped example without its mark is refused; a
		// row marked as an example is left out.
		trick := importHead + "Barnevern Helgeland vertskommunesamarbeid (eksempel);vertskommune;1820;1820;barnevern;2024-01-01;S\nBarnevern Helgeland vertskommunesamarbeid (eksempel);;1822;;;;\n"
		if _, err := run(trick, "", func(r *app.CooperationImport) { r.Replace = true }); len(imc.ProblemsOf(err)) != 1 || imc.ProblemsOf(err)[0].Kind != imc.KindExample {
			t.Errorf("import of an example's name = %v, want one example problem", err)
		}
		marked := "navn;form;deltaker;start;eksempel\nX;ko;1820;2020-01-01;ja\nX;;1822;;\n"
		if plan, err := run(marked, "S", nil); generalist.ErrorCode(err) != generalist.EINVALID || plan.Skipped != 1 || !strings.Contains(generalist.ErrorMessage(err), "nothing to import") {
			t.Errorf("import of only an example row = %+v, %v; want it left out and nothing to import", plan, err)
		}
		if registry(t, db) != before {
			t.Error("a refused import changed the registry")
		}
	})
	t.Run("DryRunThenImport", func(t *testing.T) {
		plan, err := run(good, "KS-undersøkelse 2025", func(r *app.CooperationImport) { r.DryRun = true })
		if err != nil || plan.Created != 2 || plan.Imported || len(plan.Items) != 2 || plan.Items[1].Source != "KS-undersøkelse 2025" || plan.Items[0].Source != "Statsforvalteren i Nordland 2024" {
			t.Fatalf("dry run = %+v, %v", plan, err)
		}
		if registry(t, db) != before {
			t.Error("a dry run changed the registry")
		}
		plan, err = run(good, "KS-undersøkelse 2025", nil)
		if err != nil || plan.Created != 2 || !plan.Imported {
			t.Fatalf("import = %+v, %v", plan, err)
		}
		cs, _ := db.IMCs(ctx, generalist.IMCFilter{})
		sources := map[string]string{}
		examples := 0
		for _, c := range cs {
			sources[c.Name] = c.Source
			if c.Example {
				examples++
			}
		}
		if sources["Legevakt Ytre"] != "Statsforvalteren i Nordland 2024" || sources["Revisjon Indre"] != "KS-undersøkelse 2025" || examples != 4 || len(cs) != 6 {
			t.Errorf("after import: sources %v, %d examples of %d", sources, examples, len(cs))
		}
		// Again: refused without replace, unchanged or updated with it.
		if _, err := run(good, "KS-undersøkelse 2025", nil); generalist.ErrorCode(err) != generalist.ECONFLICT {
			t.Errorf("import of registered names = %v, want ECONFLICT", err)
		}
		changed := strings.Replace(good, "2016-01-01", "2017-01-01", 1)
		plan, err = run(changed, "KS-undersøkelse 2025", func(r *app.CooperationImport) { r.Replace = true })
		if err != nil || plan.Updated != 1 || plan.Unchanged != 1 {
			t.Errorf("import with replace = %+v, %v; want 1 updated, 1 unchanged", plan, err)
		}
	})
	t.Run("May", func(t *testing.T) {
		mine := importHead + "Bibliotek Sør;ko;3401;;folkebibliotek;2020-01-01;S\nBibliotek Sør;;3415;;;;\n"
		refuse := func(cur, next *generalist.IMC) error {
			if next.Participant("1820") == nil {
				return generalist.Errorf(generalist.EFORBIDDEN, "not yours")
			}
			return nil
		}
		snap := registry(t, db)
		if _, err := run(mine, "", func(r *app.CooperationImport) { r.May = refuse }); len(imc.ProblemsOf(err)) != 1 || !strings.Contains(err.Error(), "not yours") {
			t.Errorf("import refused by May = %v", err)
		}
		if registry(t, db) != snap {
			t.Error("a refused import changed the registry")
		}
	})
}
