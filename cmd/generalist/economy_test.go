package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"generalist"
)

// TestEconomyShowContract checks the interface contract of issue 9:
// municipality, year, tax_per_inhabitant and
// income_equalisation_per_inhabitant (null without data, named in
// missing).
func TestEconomyShowContract(t *testing.T) {
	for _, tt := range []struct {
		num        string
		tax, net   any
		missing    string
		notMissing string
	}{
		{"1111", 36076.14, 4150.06, "expenditure_equalisation_per_inhabitant", "tax_per_inhabitant"},
		{"1101", nil, nil, "income_equalisation_per_inhabitant", "cost_index"},
	} {
		out, _, err := runCmd("economy", "show", "--municipality", tt.num, "--year", "2025", "--json")
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		missing := strings.Join(anyStrings(got["missing"]), ",")
		if got["municipality"] != tt.num || got["year"] != 2025.0 || got["tax_per_inhabitant"] != tt.tax ||
			got["income_equalisation_per_inhabitant"] != tt.net || !strings.Contains(missing, tt.missing) || strings.Contains(missing, tt.notMissing) {
			t.Errorf("economy show %s: municipality %v, year %v, tax %v, net %v, missing %v", tt.num, got["municipality"], got["year"],
				got["tax_per_inhabitant"], got["income_equalisation_per_inhabitant"], missing)
		}
	}
}

func anyStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestEconomyErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"economy", "show", "--municipality", "1111", "--year", "2031"}, 1, "no income-system parameters for budget year 2031 (there are files for 2015–2025)"},
		{[]string{"economy", "show", "--municipality", "1111"}, 2, "--year is required"},
		{[]string{"economy", "show", "--municipality", "111", "--year", "2025"}, 2, "must be exactly 4 digits"},
		{[]string{"economy", "show", "--municipality", "1199", "--year", "2025"}, 1, "kommune 1199 is not in the 2024 structure"},
		{[]string{"economy", "merge", "--members", "1111", "--year", "2025"}, 2, "at least two municipalities"},
		{[]string{"economy", "merge", "--members", "1111,1111", "--year", "2025"}, 1, "kommune 1111 is listed twice"},
		{[]string{"economy", "import", "--year", "2025", "x.ods"}, 2, "--table is required"},
		{[]string{"economy", "import", "--table", "grants", "--year", "2025"}, 2, "no file given"},
		{[]string{"economy", "import", "--data", "x", "--table", "grants"}, 2, "not both"},
		{[]string{"economy", "frobnicate"}, 2, `unknown command "frobnicate"`},
	} {
		_, _, err := runCmd(tt.args...)
		if err == nil || exitCode(err) != tt.code || !strings.Contains(errorText(err), tt.want) {
			t.Errorf("%v: %v (exit %d), want exit %d and %q", tt.args, err, exitCode(err), tt.code, tt.want)
		}
	}
}

func TestEconomyMerge(t *testing.T) {
	out, _, err := runCmd("economy", "merge", "--members", "1111,1112", "--year", "2024", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Years []struct {
			Year  int     `json:"year"`
			Known float64 `json:"known_change"`
		} `json:"years"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Years) != 20 || got.Years[0].Year != 2024 || got.Years[19].Known != -475794.96 {
		t.Errorf("merge: %+v", got.Years)
	}
	out, _, err = runCmd("economy", "merge", "--members", "1111,1112", "--year", "2024")
	if err != nil || !strings.Contains(out, "-475 794.96") && !strings.Contains(out, "-475 795 kr") {
		t.Errorf("merge text: %v\n%s", err, out)
	}
}

func TestEconomyCheck(t *testing.T) {
	out, _, err := runCmd("economy", "check")
	if err != nil || !strings.Contains(out, "77 rows; 77 within one øre") {
		t.Errorf("check: %v\n%s", err, out[max(0, len(out)-300):])
	}
	// The deduction and the 2025 rates are fitted to these rows: the
	// output must not present the match as an independent check.
	if !strings.Contains(out, "in-sample fit, not an independent check") {
		t.Errorf("check does not say the agreement is an in-sample fit:\n%s", out[max(0, len(out)-300):])
	}
}

func TestEconomyImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "import.db")
	src := filepath.Join(t.TempDir(), "tabell-a-k-2025.csv")
	if err := os.WriteFile(src, []byte("Kommune;Kostnadsindeks\n1101 Eigersund;1,0311\n1103 Stavanger;0,9517\nLandet;1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"economy", "import", "--table", "cost-index", "--year", "2025", "--db", db, src}
	out, _, err := runCmd(args...)
	if err != nil || !strings.Contains(out, "Imported 2 municipalities (cost-index, 2025)") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if _, _, err := runCmd(args...); generalist.ErrorCode(err) != generalist.ECONFLICT || !strings.Contains(err.Error(), "import it again with replace") {
		t.Errorf("second import without --replace: %v", err)
	}
	out, _, err = runCmd("economy", "show", "--municipality", "1101", "--year", "2025", "--db", db, "--json")
	if err != nil || !strings.Contains(out, `"cost_index": 1.0311`) {
		t.Errorf("show after import: %v\n%s", err, out)
	}
	if _, _, err := runCmd(append(args, "--replace")...); err != nil {
		t.Errorf("import --replace: %v", err)
	}
}

// TestEconomyImportDir imports a directory in the stored layout (as
// economy import --data DIR wrote it before the tables moved into the
// store): the files are checked and stored in one transaction.
func TestEconomyImportDir(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dir.db")
	dir := t.TempDir()
	row, err := os.ReadFile(settlementTestFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "inntektsutjevning_2025.csv"), row, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd("economy", "import", "--data", dir, "--db", db)
	if err != nil || !strings.Contains(out, "Imported 1 files") {
		t.Fatalf("import --data: %v\n%s", err, out)
	}
	out, _, err = runCmd("economy", "show", "--municipality", "1820", "--year", "2025", "--db", db, "--json")
	if err != nil || !strings.Contains(out, `"tax_per_inhabitant": 38042.62`) {
		t.Errorf("show after import --data: %v\n%s", err, out)
	}
	// A directory with a bad file stores nothing, not even its good one.
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "inntektsutjevning_2024.csv"), []byte(strings.Replace(string(row), "2025,7465", "2024,1", 1)), 0o644)
	os.WriteFile(filepath.Join(bad, "kostnadsindeks_2025.csv"), []byte("kommunenummer,kommunenavn,budsjettaar,kostnadsindeks\n1101,Eigersund,2025,1.0311\n"), 0o644)
	if _, _, err := runCmd("economy", "import", "--data", bad, "--db", db); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("import --data with a bad file: %v, want EINVALID", err)
	}
	out, _, err = runCmd("economy", "show", "--municipality", "1101", "--year", "2025", "--db", db, "--json")
	if err != nil || strings.Contains(out, "1.0311") {
		t.Errorf("after a refused directory import the cost index of 1101 is %v\n%s; want the shipped one", err, out)
	}
}

// TestEconomyDataEnvWarns: the directory variable of earlier versions is
// no longer read; a command says so instead of silently using the
// shipped sample.
func TestEconomyDataEnvWarns(t *testing.T) {
	t.Setenv("GENERALIST_ECONOMY_DATA", "/srv/okonomi")
	_, stderr, err := runCmd("economy", "check", "--db", loadedDB(t))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "GENERALIST_ECONOMY_DATA (/srv/okonomi) is no longer read") || !strings.Contains(stderr, "economy import --data /srv/okonomi") {
		t.Errorf("stderr = %q, want the warning with the import command", stderr)
	}
}

// TestEconomyListRemove lists an imported table and removes it: the
// shipped sample shows again, and an unknown name removes nothing.
func TestEconomyListRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "list.db")
	if out, _, err := runCmd("economy", "list", "--db", db); err != nil || !strings.Contains(out, "No economy tables are imported") {
		t.Fatalf("list on a new store: %v\n%s", err, out)
	}
	if _, _, err := runCmd("economy", "import", "--table", "settlement", "--year", "2025", "--db", db, settlementTestFile); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd("economy", "list", "--db", db)
	if err != nil || !strings.Contains(out, "inntektsutjevning_2025.csv") || !strings.Contains(out, "settlement") {
		t.Fatalf("list after the import: %v\n%s", err, out)
	}
	if _, _, err := runCmd("economy", "remove", "inntektsutjevning_2025.csv", "nosuch.csv", "--db", db); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("remove with an unknown name: %v, want ENOTFOUND", err)
	}
	if _, _, err := runCmd("economy", "remove", "inntektsutjevning_2025.csv", "--db", db); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCmd("economy", "show", "--municipality", "1820", "--year", "2025", "--db", db)
	if err != nil || !regexp.MustCompile(`Tax per inhabitant\s+no data`).MatchString(out) {
		t.Errorf("after remove economy show says %v\n%s; want no data for 1820's tax again", err, out)
	}
}
