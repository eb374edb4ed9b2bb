package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"generalist"
	"generalist/atlas"
	"generalist/sqlite"
	"generalist/storetest"
)

// indicatorFixture is a TEST FIXTURE, not real data: made-up values shaped
// like KOSTRA's "andel barn 1–5 år med barnehageplass" for a handful of
// municipalities of the 2024 structure, written as a Norwegian spreadsheet
// saves CSV (semicolons, decimal commas, a name column, ".." for no value).
const indicatorFixture = `kommunenummer;kommunenavn;aar;verdi
0301;Oslo;2023;91,2
0301;Oslo;2024;91,9
1103;Stavanger;2023;94,1
1103;Stavanger;2024;..
1151;Utsira;2023;100
1151;Utsira;2024;87,5
1508;Ålesund;2024;93,4
1580;Haram;2024;95,0
3101;Halden;2024;89,7
4601;Bergen;2024;93,0
5001;Trondheim - Tråante;2024;92,6
`

// writeFile writes content to the file name in a new temporary directory
// of t and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// indicatorState reads everything an indicator import could have touched
// (storetest.IndicatorSnapshot).
func indicatorState(t *testing.T, path string) []any {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return storetest.IndicatorSnapshot(t, db)
}

func TestIndicator(t *testing.T) {
	db := filepath.Join(t.TempDir(), "indicator.db")
	file := writeFile(t, "barnehage.csv", indicatorFixture)
	importArgs := []string{"indicator", "import", file, "--db", db, "--id", "test-barnehage",
		"--name", "Andel barn 1–5 år med barnehageplass (testdata)", "--unit", "prosent", "--source", "Testdata, ikke SSB"}

	t.Run("Import", func(t *testing.T) {
		out, _, err := runCmd(importArgs...)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Imported indicator test-barnehage", "not additive", "10 values", `No data: 1 cell without a value (".." 1); nothing was stored for them (1 value)`, "2023–2024", "2024 structure"} {
			if !strings.Contains(out, want) {
				t.Errorf("import output lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("List", func(t *testing.T) {
		out, _, err := runCmd("indicator", "list", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"test-barnehage", "2024", "2023–2024", "prosent", "Testdata, ikke SSB"} {
			if !strings.Contains(out, want) {
				t.Errorf("list output lacks %q:\n%s", want, out)
			}
		}
		out, _, err = runCmd("indicator", "list", "--json", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		var inds []generalist.Indicator
		if err := json.Unmarshal([]byte(out), &inds); err != nil {
			t.Fatalf("list --json: %v\n%s", err, out)
		}
		if len(inds) != 1 || inds[0].ID != "test-barnehage" || inds[0].Structure != 2024 || inds[0].Additive ||
			!reflect.DeepEqual(inds[0].Years, []int{2023, 2024}) || inds[0].CreatedAt.IsZero() {
			t.Errorf("list --json = %+v", inds)
		}
	})
	t.Run("Show", func(t *testing.T) {
		out, _, err := runCmd("indicator", "show", "test-barnehage", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"(prosent), 2024, structure 2024", "7 of 357 municipalities have a value",
			"0301  Oslo", "91.9", "1103  Stavanger", "no data (the source has no value)", "Source: Testdata, ikke SSB"} {
			if !strings.Contains(out, want) {
				t.Errorf("show output lacks %q:\n%s", want, out)
			}
		}
		// On the 2020 structure: Halden keeps its value under its old
		// number; Ålesund and Haram were one municipality, and a rate
		// cannot be summed.
		out, _, err = runCmd("indicator", "show", "test-barnehage", "--structure", "2020", "--year", "2024", "--json", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		var l atlas.IndicatorLayer
		if err := json.Unmarshal([]byte(out), &l); err != nil {
			t.Fatalf("show --json: %v\n%s", err, out)
		}
		if l.Structure != 2020 || l.CarriedFrom != 2024 || len(l.Values) != 356 {
			t.Fatalf("show --json: structure %d, carried from %d, %d values", l.Structure, l.CarriedFrom, len(l.Values))
		}
		for _, v := range l.Values {
			switch v.Municipality {
			case "3001":
				if !v.Known || v.Value != 89.7 {
					t.Errorf("3001 on 2020 = %+v, want 89.7 carried from 3101", v)
				}
			case "1507":
				if v.Known || v.Note != generalist.NoteMergedNotAdditive {
					t.Errorf("1507 on 2020 = %+v, want no data (%s)", v, generalist.NoteMergedNotAdditive)
				}
			}
		}
	})

	for _, tt := range []struct {
		name string
		csv  string
		args []string
		msg  string
	}{
		{"ErrExists", indicatorFixture, nil, "indicator test-barnehage already exists"},
		{"ErrUnknownMunicipality", "kommunenummer;aar;verdi\n0301;2024;1\n0399;2024;2\n", []string{"--id", "test-x"},
			"line 3: kommune 0399 is not a municipality in any structure"},
		{"ErrDuplicate", "kommunenummer;aar;verdi\n0301;2024;1\n1103;2024;2\n0301;2024;1\n", []string{"--id", "test-x"},
			"line 4: kommune 0301, 2024 is also on line 2"},
		{"ErrNonNumeric", "kommunenummer;aar;verdi\n0301;2024;12x\n", []string{"--id", "test-x"},
			`line 2, column "verdi": value "12x" is not a number`},
		{"ErrMixedStructures", "kommunenummer;aar;verdi\n1507;2023;5\n1508;2024;6\n", []string{"--id", "test-x"},
			"mixed structures: no single structure has every municipality in the file (the 2024 structure lacks 1507; the 2020 structure lacks 1508"},
		{"ErrWrongStructure", "kommunenummer;aar;verdi\n1508;2024;6\n", []string{"--id", "test-x", "--structure", "2020"},
			"not a municipality of the 2020 structure: 1508"},
		{"ErrShortNumber", "kommunenummer;aar;verdi\n301;2024;6\n", []string{"--id", "test-x"}, "write 0301"},
		{"ErrHeader", "knr;aar;verdi\n0301;2024;6\n", []string{"--id", "test-x"}, `line 1, column 1 ("knr"): unknown column`},
		{"ErrEmpty", "", []string{"--id", "test-x"}, "no header"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := indicatorState(t, db)
			args := append([]string{}, importArgs...)
			args[2] = writeFile(t, "bad.csv", tt.csv)
			_, _, err := runCmd(append(args, tt.args...)...)
			if err == nil {
				t.Fatal("import succeeded, want an error")
			}
			if c := exitCode(err); c != 1 {
				t.Errorf("exit code = %d, want 1 (%v)", c, err)
			}
			if !strings.Contains(errorText(err), tt.msg) {
				t.Errorf("error = %q, want it to contain %q", errorText(err), tt.msg)
			}
			if after := indicatorState(t, db); !reflect.DeepEqual(before, after) {
				t.Error("the store changed after a failed import")
			}
		})
	}

	for _, tt := range []struct {
		name string
		args []string
		msg  string
	}{
		{"NoCommand", []string{"indicator"}, "no command given"},
		{"UnknownCommand", []string{"indicator", "frobnicate"}, `unknown command "frobnicate"`},
		{"NoFile", []string{"indicator", "import", "--id", "x", "--db", db}, "give exactly one FILE"},
		{"NoID", []string{"indicator", "import", file, "--name", "n", "--unit", "u", "--source", "s", "--db", db}, "--id is required"},
		{"BadID", []string{"indicator", "import", file, "--id", "Barnehage!", "--name", "n", "--unit", "u", "--source", "s", "--db", db}, `--id: indicator id "Barnehage!"`},
		{"BuiltinID", []string{"indicator", "import", file, "--id", "population", "--name", "n", "--unit", "u", "--source", "s", "--db", db}, "built-in"},
		{"NoNameUnitSource", []string{"indicator", "import", file, "--id", "x", "--db", db}, "--name, --unit, --source are required"},
		{"NoSource", []string{"indicator", "import", file, "--id", "x", "--name", "n", "--unit", "u", "--db", db}, "--source is required"},
		{"BadStructure", []string{"indicator", "import", file, "--id", "x", "--structure", "2021", "--db", db}, "--structure"},
		{"BadFormat", []string{"indicator", "import", file, "--id", "x", "--format", "xlsx", "--db", db}, `--format "xlsx"`},
		{"UnknownFlag", []string{"indicator", "list", "--verbose", "--db", db}, "verbose"},
		{"ShowNoID", []string{"indicator", "show", "--db", db}, "give exactly one indicator ID"},
		{"ShowBadYear", []string{"indicator", "show", "x", "--year", "24", "--db", db}, "--year 24"},
		{"DeleteNoID", []string{"indicator", "delete", "--db", db}, "give exactly one indicator ID"},
	} {
		t.Run("Usage"+tt.name, func(t *testing.T) {
			before := indicatorState(t, db)
			_, _, err := runCmd(tt.args...)
			if c := exitCode(err); err == nil || c != 2 {
				t.Fatalf("error = %v (exit code %d), want a usage error (2)", err, c)
			}
			if !strings.Contains(errorText(err), tt.msg) {
				t.Errorf("error = %q, want it to contain %q", errorText(err), tt.msg)
			}
			if after := indicatorState(t, db); !reflect.DeepEqual(before, after) {
				t.Error("the store changed after a usage error")
			}
		})
	}

	t.Run("ErrShowYear", func(t *testing.T) {
		_, _, err := runCmd("indicator", "show", "test-barnehage", "--year", "2019", "--db", db)
		if exitCode(err) != 1 || !strings.Contains(errorText(err), "no values for 2019 (it has 2023–2024)") {
			t.Errorf("show --year 2019 = %v (exit %d), want exit 1 naming the years", err, exitCode(err))
		}
	})

	t.Run("Replace", func(t *testing.T) {
		f := writeFile(t, "ny.csv", "kommunenummer,aar,verdi\n0301,2025,\"92,3\"\n")
		args := append([]string{}, importArgs...)
		args[2] = f
		if _, _, err := runCmd(append(args, "--replace")...); err != nil {
			t.Fatal(err)
		}
		out, _, err := runCmd("indicator", "show", "test-barnehage", "--db", db)
		if err != nil || !strings.Contains(out, "2025, structure 2024") || !strings.Contains(out, "1 of 357") {
			t.Errorf("after --replace, show = %q, %v; want only the 2025 value", out, err)
		}
	})

	t.Run("JSONStat", func(t *testing.T) {
		// Test fixture in the shape of SSB's API answer; made-up values.
		f := writeFile(t, "12362.json", `{"version": "2.0", "class": "dataset",
  "label": "12362: Utvalgte nøkkeltall for barnehager (testdata)", "source": "Statistisk sentralbyrå",
  "id": ["KOKkommuneregion0000", "ContentsCode", "Tid"], "size": [3, 1, 1],
  "role": {"geo": ["KOKkommuneregion0000"], "time": ["Tid"], "metric": ["ContentsCode"]},
  "dimension": {
    "KOKkommuneregion0000": {"category": {"index": ["EAK", "3001", "1507"], "label": {"EAK": "Landet", "3001": "Halden", "1507": "Ålesund"}}},
    "ContentsCode": {"category": {"index": ["KOSandel"], "label": {"KOSandel": "Andel barn 1-5 år med barnehageplass"},
      "unit": {"KOSandel": {"base": "prosent", "decimals": 1}}}},
    "Tid": {"category": {"index": ["2022"]}}},
  "value": [93.4, 90.1, 94.7]}`)
		out, _, err := runCmd("indicator", "import", f, "--id", "test-ssb", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Imported indicator test-ssb (Andel barn 1-5 år med barnehageplass, prosent", "2 values", "2020 structure", "Skipped 1 region that is not a municipality:\n  region EAK Landet (KOSTRA group, not a municipality, 1 value)"} {
			if !strings.Contains(out, want) {
				t.Errorf("import output lacks %q:\n%s", want, out)
			}
		}
		out, _, err = runCmd("indicator", "show", "test-ssb", "--db", db)
		if err != nil || !strings.Contains(out, "Source: Statistisk sentralbyrå, tabell 12362") {
			t.Errorf("show = %q, %v; want the source from the file", out, err)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		out, _, err := runCmd("indicator", "delete", "test-barnehage", "--db", db)
		if err != nil || !strings.Contains(out, "Deleted indicator test-barnehage") {
			t.Fatalf("delete = %q, %v", out, err)
		}
		for _, args := range [][]string{{"delete", "test-barnehage"}, {"show", "test-barnehage"}} {
			_, _, err := runCmd(append(append([]string{"indicator"}, args...), "--db", db)...)
			if exitCode(err) != 1 || !strings.Contains(errorText(err), `no indicator "test-barnehage"`) {
				t.Errorf("%s after delete = %v (exit %d), want exit 1, not found", args[0], err, exitCode(err))
			}
		}
	})
}

// TestAnalyseAsTheWeb: the CLI's analysis is the web's (app.Analyse): an
// unknown indicator is EINVALID as on /analyse (400), and on a structure
// without centrality classes the default covariates leave centrality out
// instead of failing.
func TestAnalyseAsTheWeb(t *testing.T) {
	db := loadedDB(t)
	if _, _, err := runCmd("indicator", "analyse", "nosuch", "--db", db); generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(errorText(err), "or the id of an imported indicator") {
		t.Errorf("analyse nosuch: %v, want EINVALID listing the indicators", err)
	}
	out, _, err := runCmd("indicator", "analyse", "share80", "--structure", "2020", "--year", "2020", "--db", db)
	if err != nil || !strings.Contains(out, "log2(folkemengde)") || !strings.Contains(out, "n = 356") {
		t.Errorf("analyse share80 on the 2020 structure: %v\n%s", err, out)
	}
	if strings.Contains(out, "sentralitet") || strings.Contains(out, "Centrality class ") {
		t.Errorf("the 2020 structure has no centrality classes, but the analysis used them:\n%s", out)
	}
}
