package main

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"generalist"
	"generalist/sqlstore"
	"generalist/storetest"
)

// backend is a store the CLI can be pointed at: SQLite by --db, or a new
// PostgreSQL schema by DATABASE_URL (skipped without a test server).
type backend struct {
	name string
	open func(t *testing.T) (db string)
}

var backends = []backend{
	{"sqlite", func(t *testing.T) string {
		t.Setenv("DATABASE_URL", "")
		return filepath.Join(t.TempDir(), "g.db")
	}},
	{"postgres", func(t *testing.T) string {
		t.Setenv("DATABASE_URL", storetest.PostgresURL(t))
		return filepath.Join(t.TempDir(), "unused.db")
	}},
}

// openTest opens the store the CLI uses for db, as the CLI does.
func openTest(t *testing.T, db string) *sqlstore.DB {
	t.Helper()
	s, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func populationOf(t *testing.T, s *sqlstore.DB, num generalist.MunicipalityNumber, year int) []generalist.Population {
	t.Helper()
	ps, err := s.Populations(context.Background(), generalist.PopulationFilter{Structure: generalist.Structure2024, Year: year, Municipality: num})
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// jsonStat07459 is a JSON-stat file of table 07459 with one value per
// region for one year; status is the JSON of the status field.
func jsonStat07459(regions []string, year int, values, status string) string {
	var idx []string
	for i, r := range regions {
		idx = append(idx, fmt.Sprintf("%q: %d", r, i))
	}
	return fmt.Sprintf(`{"version": "2.0", "class": "dataset", "label": "07459: Befolkning",
 "id": ["Region", "Tid"], "size": [%d, 1],
 "dimension": {"Region": {"category": {"index": {%s}}}, "Tid": {"category": {"index": {"%d": 0}}}},
 "value": %s, "status": %s}`, len(regions), strings.Join(idx, ", "), year, values, status)
}

// TestImportMarkers imports, for each of SSB's signs for no value and a
// JSON-stat null, a file in which Oslo's shipped 1.1.2026 and Bergen's
// not yet stored 1.1.2027 have no value, on SQLite and PostgreSQL: the
// import succeeds, reports the cells by sign, keeps Oslo's stored figure,
// stores nothing for Bergen and stores the value the file does give.
func TestImportMarkers(t *testing.T) {
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			db := be.open(t)
			if _, _, err := runCmd("stats", "--db", db); err != nil {
				t.Fatal(err)
			}
			type file struct{ name, content, report string }
			var files []file
			for _, m := range []string{".", "..", "...", ":"} {
				q := fmt.Sprintf("%q", m)
				files = append(files,
					file{"csv" + m, "\"Befolkning\"\n\n\"region\";\"år\";\"07459: Befolkning\"\n" +
						"\"0301 Oslo\";\"2026\";" + m + "\n\"1151 Utsira\";\"2026\";219\n", q},
					file{"object" + m, jsonStat07459([]string{"0301", "1151"}, 2026, "[null, 219]", `{"0": `+q+`}`), q},
					file{"array" + m, jsonStat07459([]string{"0301", "1151"}, 2026, "[5, 219]", `[`+q+`, null]`), q},
				)
			}
			files = append(files, file{"null", jsonStat07459([]string{"0301", "1151"}, 2026, "[null, 219]", "null"), "null"})
			for i, f := range files {
				t.Run(f.name, func(t *testing.T) {
					ext := ".json"
					if strings.HasPrefix(f.name, "csv") {
						ext = ".csv"
					}
					// Oslo 1.1.2026 is stored (shipped); the same file for
					// Bergen 1.1.2027 meets an empty place in the store.
					c27 := strings.NewReplacer("2026", "2027", "0301 Oslo", "4601 Bergen", `"0301"`, `"4601"`).Replace(f.content)
					want := "No data: 1 cell without a value (" + f.report + " 1); nothing was stored for them (1 municipality-year)"
					for j, content := range []string{f.content, c27} {
						path := writeFile(t, fmt.Sprintf("m%d-%d%s", i, j, ext), content)
						out, _, err := runCmd("import", path, "--db", db)
						if err != nil {
							t.Fatalf("import %d: %v", j, err)
						}
						if !strings.Contains(out, want) {
							t.Errorf("import %d output lacks %q:\n%s", j, want, out)
						}
					}
					s := openTest(t, db)
					if ps := populationOf(t, s, "0301", 2026); len(ps) != 1 || ps[0].Missing || ps[0].Total != 728714 {
						t.Errorf("Oslo 1.1.2026 after the import = %+v, want the shipped 728714", ps)
					}
					if ps := populationOf(t, s, "4601", 2027); len(ps) != 0 {
						t.Errorf("Bergen 1.1.2027 = %+v, want nothing stored", ps)
					}
					if ps := populationOf(t, s, "1151", 2027); len(ps) != 1 || ps[0].Total != 219 {
						t.Errorf("Utsira 1.1.2027 = %+v, want 219", ps)
					}
				})
			}
		})
	}
}

// TestImportRegionRule: totals and SSB's unknown code are skipped and
// reported; a number that is no municipality refuses the whole import,
// naming the code, the file and the line, and leaves the store unchanged.
func TestImportRegionRule(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rule.db")
	t.Setenv("DATABASE_URL", "")
	if _, _, err := runCmd("stats", "--db", db); err != nil {
		t.Fatal(err)
	}
	ok := ssbCSV(t, [][3]string{{"0000 Hele landet", "2026", "5627400"}, {"0301 Oslo", "2026", "728714"}, {"9999 Uoppgitt", "2026", "12"}})
	out, _, err := runCmd("import", ok, "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Skipped 2 regions that are not municipalities:",
		"region 0000 Hele landet (national total, 1 value)", "region 9999 Uoppgitt (unknown municipality, 1 value)"} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	for _, tt := range []struct{ name, file, want string }{
		{"CSV", ssbCSV(t, [][3]string{{"0301 Oslo", "2026", "728714"}, {"1299 X", "2026", ".."}}), "07459.csv, line 5: kommune 1299 is not a municipality in any structure"},
		{"JSONStat", writeFile(t, "1299.json", jsonStat07459([]string{"0301", "1299"}, 2027, "[1, 2]", "null")),
			"1299.json, value[1] (Region=1299, Tid=2027): kommune 1299 is not a municipality in any structure"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := storeSnapshot(t, db)
			_, _, err := runCmd("import", tt.file, "--db", db)
			if err == nil || !strings.Contains(errorText(err), tt.want) {
				t.Fatalf("import = %v, want an error containing %q", err, tt.want)
			}
			if after := storeSnapshot(t, db); !reflect.DeepEqual(before, after) {
				t.Error("the store changed after a refused import")
			}
		})
	}
}

// TestIndicatorImportMarkers: in the indicator importer, each sign for no
// value (and an empty CSV cell, and a JSON-stat null) is reported by sign
// and nothing is stored for it, on SQLite and PostgreSQL.
func TestIndicatorImportMarkers(t *testing.T) {
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			db := be.open(t)
			n := 0
			for _, m := range []string{".", "..", "...", ":", ""} {
				q := fmt.Sprintf("%q", m)
				name := m
				if m == "" {
					q, name = "empty", "empty"
				}
				files := []struct{ ext, content, report string }{
					{".csv", "kommunenummer;aar;verdi\n0301;2024;" + m + "\n1151;2024;12,5\n9999;2024;1\n", q + " 1"},
				}
				if m != "" {
					files = append(files, struct{ ext, content, report string }{
						".json", jsonStat07459([]string{"0301", "1151", "0"}, 2024, "[null, 12.5, 1]", `{"0": `+q+`}`), q + " 1"})
				} else {
					files = append(files, struct{ ext, content, report string }{
						".json", jsonStat07459([]string{"0301", "1151", "0"}, 2024, "[null, 12.5, 1]", `null`), "null 1"})
				}
				for _, f := range files {
					n++
					id := fmt.Sprintf("test-m%d", n)
					t.Run(name+f.ext, func(t *testing.T) {
						path := writeFile(t, id+f.ext, f.content)
						out, _, err := runCmd("indicator", "import", path, "--db", db, "--id", id,
							"--name", "Test", "--unit", "enhet", "--source", "Testdata")
						if err != nil {
							t.Fatal(err)
						}
						want := "No data: 1 cell without a value (" + f.report + "); nothing was stored for them (1 value)"
						if !strings.Contains(out, want) || !strings.Contains(out, "1 values for 2024") {
							t.Errorf("import output lacks %q or the count of stored values:\n%s", want, out)
						}
						if !strings.Contains(out, "Skipped 1 region that is not a municipality") {
							t.Errorf("import output does not report the skipped total:\n%s", out)
						}
						vs, err := openTest(t, db).IndicatorValues(context.Background(), id, 2024)
						if err != nil {
							t.Fatal(err)
						}
						if len(vs) != 1 || vs[0].Municipality != "1151" || vs[0].Value != 12.5 {
							t.Errorf("stored values = %+v, want only Utsira's 12.5", vs)
						}
					})
				}
			}
		})
	}
}
