package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/imc"
	"generalist/sqlite"
)

// imcFile writes one cooperation as a JSON file, after change.
func imcFile(t *testing.T, example int, change func(c *generalist.IMC)) string {
	t.Helper()
	cs, err := imc.Examples()
	if err != nil {
		t.Fatal(err)
	}
	c := cs[example]
	change(&c)
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, "samarbeid.json", string(b))
}

func TestIMCRequirementsContract(t *testing.T) {
	for _, tt := range []struct {
		form     string
		n        int
		first    string
		verified bool
	}{{"ipr", 8, "18-4a", true}, {"ko", 10, "19-4a", true}, {"vertskommune", 9, "20-4a", true}, {"vertskommune-nemnd", 10, "20-4a", true}, {"iks", 8, "iks-4-1", false}} {
		out, _, err := runCmd("imc", "requirements", "--form", tt.form, "--json")
		if err != nil {
			t.Fatal(err)
		}
		var items []map[string]any
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatalf("requirements --form %s: %v\n%s", tt.form, err, out)
		}
		if len(items) != tt.n || items[0]["id"] != tt.first {
			t.Errorf("requirements --form %s = %d items starting %v", tt.form, len(items), items[0]["id"])
		}
		for _, it := range items {
			for _, f := range []string{"id", "text", "reference", "verified"} {
				if _, ok := it[f]; !ok {
					t.Errorf("requirements --form %s: item lacks %s", tt.form, f)
				}
			}
			if it["verified"] != tt.verified {
				t.Errorf("requirements --form %s: %v verified = %v", tt.form, it["id"], it["verified"])
			}
		}
	}
	_, _, err := runCmd("imc", "requirements", "--form", "samkommune")
	if exitCode(err) != 2 {
		t.Errorf("requirements --form samkommune: exit %d (%v), want 2", exitCode(err), err)
	}
	out, _, _ := runCmd("imc", "requirements", "--form", "iks")
	if !strings.Contains(out, "IKKE VERIFISERT") {
		t.Error("the text output does not mark the IKS items as unverified")
	}
}

func TestIMCCheckContract(t *testing.T) {
	good := imcFile(t, 0, func(*generalist.IMC) {})
	out, _, err := runCmd("imc", "check", good, "--json", "--today", "2026-06-01")
	if err != nil {
		t.Fatalf("check of a complete agreement: %v\n%s", err, out)
	}
	var l imc.Checklist
	if err := json.Unmarshal([]byte(out), &l); err != nil || len(l.Items) == 0 || l.Failed != 0 {
		t.Fatalf("check --json = %+v, %v", l, err)
	}
	broken := imcFile(t, 0, func(c *generalist.IMC) {
		c.Agreement.Exit, c.Agreement.NoticeMonths, c.GovernorNotified = "", nil, ""
	})
	out, _, err = runCmd("imc", "check", broken, "--json")
	if err == nil || exitCode(err) != 1 {
		t.Fatalf("check of a broken agreement: exit %d, want 1", exitCode(err))
	}
	if err := json.Unmarshal([]byte(out), &l); err != nil || l.Failed != 2 {
		t.Fatalf("check --json of a broken agreement = failed %d, %v", l.Failed, err)
	}
	failed := map[string]bool{}
	for _, it := range l.Items {
		if it.Status == imc.Fail {
			failed[it.ID] = true
		}
	}
	if !failed["20-4g"] || !failed["statsforvalter"] {
		t.Errorf("failing items = %v, want 20-4g and statsforvalter", failed)
	}
	// Shares not summing to 100 % are a failing item, not a crash.
	shares := imcFile(t, 1, func(c *generalist.IMC) { s := generalist.Share(100); c.Participants[0].Ownership = &s })
	out, _, err = runCmd("imc", "check", shares)
	if exitCode(err) != 1 || !strings.Contains(out, "FAIL eierandeler") || !strings.Contains(out, "FAIL registrering") {
		t.Errorf("check of bad shares: exit %d\n%s", exitCode(err), out)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"name": "x", "colour": 1}`), 0o644)
	if _, _, err := runCmd("imc", "check", bad); err == nil || !strings.Contains(errorText(err), `unknown field "colour"`) {
		t.Errorf("check of a malformed file = %v", err)
	}
}

func TestIMC(t *testing.T) {
	db := filepath.Join(t.TempDir(), "imc.db")
	imcCmd := func(args ...string) (string, error) {
		out, _, err := runCmd(append(append([]string{"imc"}, args...), "--db", db)...)
		return out, err
	}
	if out, err := imcCmd("examples", "--author", "Test"); err != nil || !strings.Contains(out, "4 registered") {
		t.Fatalf("examples: %v\n%s", err, out)
	}
	if _, err := imcCmd("examples", "--author", "Test"); generalist.ErrorCode(err) != generalist.ECONFLICT {
		t.Errorf("examples twice = %v, want ECONFLICT", err)
	}
	export := func() string {
		out, err := imcCmd("export")
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	state := export()

	t.Run("List", func(t *testing.T) {
		out, err := imcCmd("list")
		if err != nil || !strings.Contains(out, "Barnevern Helgeland") || !strings.Contains(out, "vertskommune") {
			t.Errorf("list: %v\n%s", err, out)
		}
		out, _ = imcCmd("list", "--municipality", "3427", "--json")
		var cs []generalist.IMC
		if err := json.Unmarshal([]byte(out), &cs); err != nil || len(cs) != 1 || cs[0].Form != generalist.FormKO {
			t.Errorf("list --municipality 3427 = %v, %v", cs, err)
		}
	})

	t.Run("BadInput", func(t *testing.T) {
		for _, tt := range []struct {
			name string
			args []string
			want string
		}{
			{"UnknownMunicipality", []string{"--participant", "9999"}, "participant 9999: there is no kommune"},
			{"SharesNot100", []string{"--form", "ko", "--participant", "3427:60", "--participant", "3426:30"}, "ownership shares sum to 90 %"},
			{"EndBeforeStart", []string{"--end", "2019-01-01"}, "end date 2019-01-01 is before the start date 2020-01-01"},
			{"BadOrgNumber", []string{"--org", "974760674"}, "check digit is wrong"},
			{"HostNotParticipant", []string{"--host", "3401"}, "the host 3401 is not a participant"},
			{"NoAuthor", []string{"--author", ""}, "--author is required"},
			{"Strict", []string{"--strict"}, "fails 7 required legal check(s): 20-4d (kommuneloven § 20-4 tredje ledd bokstav d)"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				args := []string{"add", "--author", "Test", "--name", "Ny revisjon kommunalt oppgavefellesskap", "--form", "vertskommune",
					"--participant", "3427", "--participant", "3426", "--host", "3427", "--start", "2020-01-01", "--task", "revisjon:ingen"}
				_, err := imcCmd(append(args, tt.args...)...)
				if err == nil || !strings.Contains(errorText(err), tt.want) {
					t.Errorf("add = %v, want an error containing %q", err, tt.want)
				}
			})
		}
		if export() != state {
			t.Error("bad input changed the registry")
		}
	})

	t.Run("AddEditHistory", func(t *testing.T) {
		out, err := imcCmd("add", "--author", "Kari", "--name", "Legevakt Fjellregionen vertskommunesamarbeid", "--form", "vertskommune",
			"--participant", "3427", "--participant", "3426", "--host", "3427", "--start", "2025-01-01", "--task", "legevakt:ingen",
			"--clause", "exit=Ett års varsel.", "--cost-key", "50 % lik + 50 % innbyggere")
		if err != nil || !strings.Contains(out, "as cooperation 5") {
			t.Fatalf("add: %v\n%s", err, out)
		}
		out, err = imcCmd("edit", "5", "--author", "Ola", "--note", "Os blir med", "--participant", "3430", "--notice-months", "6")
		if err != nil || !strings.Contains(out, "version 2") {
			t.Fatalf("edit: %v\n%s", err, out)
		}
		if _, err := imcCmd("edit", "5", "--author", "Ola", "--version", "1", "--notes", "gammel"); generalist.ErrorCode(err) != generalist.ECONFLICT {
			t.Errorf("edit of a stale version = %v, want ECONFLICT", err)
		}
		out, _ = imcCmd("history", "5")
		for _, want := range []string{"Version 1, opprettet", "by Kari", "Version 2, endret", "by Ola: Os blir med", "participants[3430].number:", "agreement.notice_months: 6"} {
			if !strings.Contains(out, want) {
				t.Errorf("history lacks %q:\n%s", want, out)
			}
		}
		out, _ = imcCmd("show", "5", "--version", "1", "--json")
		var v1 generalist.IMC
		if err := json.Unmarshal([]byte(out), &v1); err != nil || len(v1.Participants) != 2 || v1.Version != 1 {
			t.Errorf("show --version 1 = %+v, %v", v1, err)
		}
		if out, err := imcCmd("process", "5", "avtale", "ferdig", "--author", "Ola", "--owner", "Kommunedirektøren"); err != nil || !strings.Contains(out, "avtale") || !strings.Contains(out, "Kommunedirektøren") {
			t.Errorf("process: %v\n%s", err, out)
		}
		if _, err := imcCmd("process", "5", "budsjett_regnskap", "ferdig", "--author", "Ola"); err == nil || !strings.Contains(errorText(err), "does not apply") {
			t.Errorf("process step of another form = %v", err)
		}
		if out, err := imcCmd("delete", "5", "--author", "Ola"); err != nil || !strings.Contains(out, "history is kept") {
			t.Errorf("delete: %v", err)
		}
		if _, err := imcCmd("show", "5"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("show of a deleted cooperation = %v", err)
		}
	})

	t.Run("Agreement", func(t *testing.T) {
		out, err := imcCmd("agreement", "2")
		if err != nil || !strings.HasPrefix(out, "# Samarbeidsavtale for Fjellregionen") || strings.Contains(out, "MANGLER") {
			t.Errorf("agreement 2: %v\n%.300s", err, out)
		}
		out, err = imcCmd("agreement", "2", "--format", "html")
		if err != nil || !strings.Contains(out, "<!doctype html>") || !strings.Contains(out, "<h2>§ 7 Låneopptak</h2>") {
			t.Errorf("agreement --format html: %v", err)
		}
		dir := t.TempDir()
		if _, err := imcCmd("agreement", "--templates", dir); err != nil {
			t.Fatal(err)
		}
		tmpl := filepath.Join(dir, "ko.md.tmpl")
		b, _ := os.ReadFile(tmpl)
		os.WriteFile(tmpl, []byte(strings.Replace(string(b), "## § 7 Låneopptak", "## § 7 Lån (tilpasset)", 1)), 0o644)
		if out, err := imcCmd("agreement", "2", "--template", tmpl); err != nil || !strings.Contains(out, "## § 7 Lån (tilpasset)") {
			t.Errorf("agreement --template: %v", err)
		}
	})

	t.Run("Costs", func(t *testing.T) {
		out, err := imcCmd("costs", "1", "--total", "1 000 000", "--year", "2026", "--json")
		if err != nil {
			t.Fatal(err)
		}
		var cmp imc.Comparison
		if err := json.Unmarshal([]byte(out), &cmp); err != nil || len(cmp.Allocations) != 3 {
			t.Fatalf("costs --json = %v\n%s", err, out)
		}
		for _, a := range cmp.Allocations {
			var sum generalist.Ore
			for _, r := range a.Rows {
				sum += r.Amount
			}
			if sum != 100000000 {
				t.Errorf("key %s sums to %d øre", a.Key, sum)
			}
		}
		if cmp.Allocations[0].Rows[0].Inhabitants == 0 || cmp.Allocations[0].InhabitantsYear != 2026 {
			t.Error("no real inhabitants were used")
		}
		out, err = imcCmd("costs", "1", "--total", "100", "--key", "bruk", "--usage", "1820=3", "--usage", "1822=1", "--usage", "1818=0")
		if err != nil || !strings.Contains(out, "75,00") || !strings.Contains(out, "25,00") {
			t.Errorf("costs by usage: %v\n%s", err, out)
		}
		if _, err := imcCmd("costs", "1", "--total", "1.000.000"); exitCode(err) != 2 {
			t.Errorf("costs --total 1.000.000 = %v, want a usage error", err)
		}
		if _, err := imcCmd("costs", "1", "--total", "100", "--year", "1990"); err == nil || !strings.Contains(errorText(err), "no population on 1 January 1990") {
			t.Errorf("costs --year 1990 = %v", err)
		}
	})

	t.Run("Exit", func(t *testing.T) {
		out, err := imcCmd("exit", "1", "--participant", "1822", "--date", "2026-03-31", "--json")
		if err != nil {
			t.Fatal(err)
		}
		var a imc.ExitAnswer
		if err := json.Unmarshal([]byte(out), &a); err != nil || a.Earliest != "2027-03-31" || !strings.Contains(a.Reference, "§ 20-8") {
			t.Errorf("exit = %+v, %v", a, err)
		}
		out, err = imcCmd("exit", "1", "--participant", "1822", "--date", "2026-03-31", "--boundary-change", "2026-01-01")
		if err != nil || !strings.Contains(out, "30. september 2026") || !strings.Contains(out, "inndelingslova § 16") {
			t.Errorf("exit after a boundary change: %v\n%s", err, out)
		}
		if _, err := imcCmd("exit", "1", "--participant", "0301", "--date", "2026-03-31"); err == nil || !strings.Contains(errorText(err), "not a participant") {
			t.Errorf("exit of a stranger = %v", err)
		}
	})

	t.Run("Overview", func(t *testing.T) {
		out, err := imcCmd("overview", "--municipality", "1820", "--today", "2026-06-01", "--json")
		if err != nil {
			t.Fatal(err)
		}
		var o imc.MunicipalityOverview
		if err := json.Unmarshal([]byte(out), &o); err != nil || o.Name != "Alstahaug" || len(o.Rows) != 1 || o.Rows[0].Cost == nil || *o.Rows[0].Cost <= 0 {
			t.Errorf("overview 1820 = %+v, %v", o, err)
		}
		out, err = imcCmd("overview", "--today", "2026-06-01")
		if err != nil || !strings.Contains(out, "4 cooperations running") || !strings.Contains(out, "Barnevernstjeneste") {
			t.Errorf("national overview: %v\n%s", err, out)
		}
	})

	t.Run("ExportImport", func(t *testing.T) {
		// A file without a source is refused, naming the line; with
		// --source it is imported, and the source is kept.
		real := filepath.Join(t.TempDir(), "legevakt.csv")
		os.WriteFile(real, []byte("navn;form;deltaker;vert;oppgaver;start\nLegevakt Ytre;vertskommune;1820;1820;legevakt;1.1.2016\nLegevakt Ytre;;1822;;;\n"), 0o644)
		before := export()
		if _, err := imcCmd("import", real, "--author", "Test"); err == nil || !strings.Contains(errorText(err), "line 2") || !strings.Contains(errorText(err), "no source") {
			t.Errorf("import without a source = %v", err)
		}
		if export() != before {
			t.Error("a refused import changed the registry")
		}
		if out, err := imcCmd("import", real, "--author", "Test", "--source", "Statsforvalteren i Nordland 2024", "--dry-run"); err != nil || !strings.Contains(out, "would register 1") || export() != before {
			t.Errorf("import --dry-run: %v\n%s", err, out)
		}
		if out, err := imcCmd("import", real, "--author", "Test", "--source", "Statsforvalteren i Nordland 2024"); err != nil || !strings.Contains(out, "1 registered") {
			t.Fatalf("import --source: %v\n%s", err, out)
		}
		if out, err := imcCmd("list", "--json"); err != nil || !strings.Contains(out, `"source": "Statsforvalteren i Nordland 2024"`) {
			t.Errorf("the source was not kept: %v\n%s", err, out)
		}
		// The export carries the examples, marked: imported elsewhere
		// they are left out, and the real cooperation comes with its
		// source.
		for _, format := range []string{"json", "csv"} {
			path := filepath.Join(t.TempDir(), "register."+format)
			if _, err := imcCmd("export", "--format", format, "--out", path); err != nil {
				t.Fatal(err)
			}
			fresh := filepath.Join(t.TempDir(), "fresh.db")
			out, errOut, err := runCmd("imc", "import", path, "--author", "Test", "--db", fresh)
			if err != nil || !strings.Contains(out, "1 registered") || !strings.Contains(errOut, "Left out 4") {
				t.Errorf("import %s: %v\n%s%s", format, err, out, errOut)
			}
		}
		bad := filepath.Join(t.TempDir(), "bad.csv")
		os.WriteFile(bad, []byte("navn;form;start;deltaker;eierandel\nA;ko;2020-01-01;1820;60\nA;ko;2020-01-01;9999;40\n"), 0o644)
		before = export()
		if _, err := imcCmd("import", bad, "--author", "Test"); err == nil || !strings.Contains(errorText(err), "nothing was imported") {
			t.Errorf("import of a bad file = %v", err)
		}
		if export() != before {
			t.Error("a failed import changed the registry")
		}
	})
}

func TestIMCUsage(t *testing.T) {
	for _, args := range [][]string{{"imc"}, {"imc", "nosuch"}, {"imc", "show"}, {"imc", "show", "x"}, {"imc", "exit", "1"}, {"imc", "agreement", "1", "--format", "pdf"}} {
		_, _, err := runCmd(args...)
		var u usageError
		if !errors.As(err, &u) {
			t.Errorf("%v = %v, want a usage error", args, err)
		}
	}
}

// TestIMCUnknownParticipant checks that the CLI answers a number that is no
// participant as the application, and so the web, does: ENOTFOUND with the
// same message.
func TestIMCUnknownParticipant(t *testing.T) {
	path := loadedDB(t)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, want := app.New(db).ParticipantName(ctx, "9999")
	if generalist.ErrorCode(want) != generalist.ENOTFOUND {
		t.Fatalf("app ParticipantName(9999) = %v, want ENOTFOUND", want)
	}
	_, _, err = runCmd("imc", "overview", "--municipality", "9999", "--db", path)
	if generalist.ErrorCode(err) != generalist.ErrorCode(want) || errorText(err) != generalist.ErrorMessage(want) || exitCode(err) != 1 {
		t.Errorf("imc overview --municipality 9999 = %v (exit %d), want %v (exit 1)", err, exitCode(err), want)
	}
}
