package main

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"generalist"
	"generalist/sqlite"
)

// ssbCSV writes a file in the layout of SSB's statbank download
// ("semikolonseparert med overskrift"): a title line, a blank line, quoted
// headers, "code label" region cells, in ISO-8859-1.
func ssbCSV(t *testing.T, rows [][3]string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("\"Befolkning, etter region, statistikkvariabel og år\"\n\n")
	b.WriteString("\"region\";\"statistikkvariabel\";\"år\";\"07459: Befolkning, etter region, statistikkvariabel og år\"\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "\"%s\";\"Personer\";\"%s\";%s\n", r[0], r[1], r[2])
	}
	// ISO-8859-1 is the first 256 code points, one byte each.
	var enc []byte
	for _, r := range b.String() {
		if r > 0xff {
			t.Fatalf("%q is not in ISO-8859-1", r)
		}
		enc = append(enc, byte(r))
	}
	return writeFile(t, "07459.csv", string(enc))
}

// storeSnapshot reads everything a failed import could have touched.
func storeSnapshot(t *testing.T, path string) []any {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pops, err := db.Populations(context.Background(), generalist.PopulationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := db.Datasets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return []any{pops, ds}
}

func TestImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "import.db")
	if _, _, err := runCmd("stats", "--db", db); err != nil {
		t.Fatal(err)
	}
	// Real values (SSB 07459, 1.1.2026, as in data/befolkning_k2024.csv):
	// importing what is already stored changes nothing and is no conflict.
	same := ssbCSV(t, [][3]string{{"0 Hele landet", "2026", "5627400"}, {"0301 Oslo", "2026", "728714"}, {"1151 Utsira", "2026", "219"}})
	t.Run("OK", func(t *testing.T) {
		out, _, err := runCmd("import", same, "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"2 population records", "1 January 2026", "structure 2024", "Skipped 1 region that is not a municipality:\n  region 0 Hele landet (national total, 1 value)"} {
			if !strings.Contains(out, want) {
				t.Errorf("import output lacks %q:\n%s", want, out)
			}
		}
	})
	for _, tt := range []struct {
		name string
		file string
		args []string
		msg  string
	}{
		{"ErrConflict", ssbCSV(t, [][3]string{{"0301 Oslo", "2026", "728715"}}), nil,
			"stored 728714 from befolkning_k2024.csv, file has 728715"},
		{"ErrShortNumber", ssbCSV(t, [][3]string{{"301 Oslo", "2026", "1"}}), nil, "301"},
		{"ErrLetterInNumber", ssbCSV(t, [][3]string{{"03O1 Oslo", "2026", "1"}}), nil, "03O1"},
		{"ErrNegative", ssbCSV(t, [][3]string{{"0301 Oslo", "2027", "-4"}}), nil, "negative"},
		{"ErrNonNumeric", ssbCSV(t, [][3]string{{"0301 Oslo", "2027", "12x"}}), nil, "12x"},
		{"ErrDuplicate", ssbCSV(t, [][3]string{{"0301 Oslo", "2027", "1"}, {"0301 Oslo", "2027", "1"}}), nil, "line 5"},
		{"ErrUnknownMunicipality", ssbCSV(t, [][3]string{{"0399 Oslo", "2027", "1"}}), nil, "kommune 0399"},
		{"ErrEncoding", ssbCSV(t, [][3]string{{"0301 Oslo", "2027", "1"}}), []string{"--encoding", "utf-8"}, "UTF-8"},
		{"ErrMissingFile", filepath.Join(t.TempDir(), "none.csv"), nil, "no such file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := storeSnapshot(t, db)
			_, _, err := runCmd(append([]string{"import", tt.file, "--db", db}, tt.args...)...)
			if err == nil {
				t.Fatal("import succeeded, want an error")
			}
			if exitCode(err) != 1 {
				t.Errorf("exit code = %d, want 1", exitCode(err))
			}
			if !strings.Contains(errorText(err), tt.msg) {
				t.Errorf("error = %q, want it to contain %q", errorText(err), tt.msg)
			}
			if after := storeSnapshot(t, db); !reflect.DeepEqual(before, after) {
				t.Error("the store changed after a failed import")
			}
		})
	}
	t.Run("Replace", func(t *testing.T) {
		f := ssbCSV(t, [][3]string{{"1151 Utsira", "2026", "220"}})
		if _, _, err := runCmd("import", f, "--replace", "--db", db); err != nil {
			t.Fatal(err)
		}
		out, _, err := runCmd("stats", "--structure", "2024", "--year", "2026", "--json", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, `"inhabitants": 5627401`) {
			t.Errorf("after --replace, stats = %s; want the national sum one higher", out)
		}
	})
}
