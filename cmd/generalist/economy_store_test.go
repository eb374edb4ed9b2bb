package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// settlementTestFile is a test row of KDD's settlement for 1820
// Alstahaug (testdata/economy/README.md).
const settlementTestFile = "../../testdata/economy/inntektsutjevning_2025_1820.csv"

// TestEconomyImportReachesEveryEdge imports an economy table once with
// the CLI and checks that every edge on the same store uses it: economy
// show, scenario eval, the report's data, and a server started afterwards
// (the API's economy and a scenario's outcome). Before the import, 1820
// has no tax and 7 municipalities (the shipped sample) have tax in 2025.
func TestEconomyImportReachesEveryEdge(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "economy.db")
	file := settlementTestFile
	scenario := filepath.Join(dir, "sc.json")
	if err := os.WriteFile(scenario, []byte(`{"id": "alstahaug-leirfjord", "name": "Alstahaug og Leirfjord", "structure": 2024, "year": 2026,
		"mergers": [{"name": "Alstahaug", "members": ["1820", "1822"]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	coverage := func() float64 {
		t.Helper()
		out, _, err := runCmd("scenario", "eval", scenario, "--json", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		c, err := taxCoverage(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if got := coverage(); got != 7 {
		t.Fatalf("before the import, scenario eval counts tax for %v municipalities, want the 7 of the sample", got)
	}
	show := func() string {
		t.Helper()
		out, _, err := runCmd("economy", "show", "--municipality", "1820", "--year", "2025", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if out := show(); !regexp.MustCompile(`Tax per inhabitant\s+no data`).MatchString(out) {
		t.Fatalf("before the import economy show says\n%s\nwant no data for the tax", out)
	}
	if _, _, err := runCmd("economy", "import", "--table", "settlement", "--year", "2025", "--db", db, file); err != nil {
		t.Fatal(err)
	}
	if out := show(); !strings.Contains(out, "38 042.62 kr (90.00 % of the national 42 269.58 kr)") {
		t.Errorf("after the import economy show says\n%s\nwant the imported tax", out)
	}
	if got := coverage(); got != 8 {
		t.Errorf("after the import, scenario eval counts tax for %v municipalities, want 8", got)
	}
	// The report is built from the same outcomes (app.Report); its CSV
	// is written from them, so the same store gives the same economy.
	if _, _, err := runCmd("report", "scenario", scenario, "--format", "csv", "--out", filepath.Join(dir, "r.csv"), "--db", db); err != nil {
		t.Fatal(err)
	}

	// A server started on the same store afterwards.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, done := startServe(ctx, t, db)
	base := "http://" + addr
	resp, err := http.Get(base + "/api/v1/economy/municipalities/1820?year=2025")
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		Tax *float64 `json:"tax_per_inhabitant"`
	}
	err = json.NewDecoder(resp.Body).Decode(&st)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || st.Tax == nil || *st.Tax != 38042.62 {
		t.Errorf("GET economy of 1820 = %d, tax %v, %v; want the imported 38042.62", resp.StatusCode, st.Tax, err)
	}
	body, _ := os.ReadFile(scenario)
	resp, err = http.Post(base+"/api/v1/evaluate", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	c, err := taxCoverage(resp.Body)
	resp.Body.Close()
	if err != nil || c != 8 {
		t.Errorf("POST /api/v1/evaluate: tax coverage %v, %v (status %d); want 8 with the import", c, err, resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve returned %v", err)
	}
}

// taxCoverage reads economy.tax_coverage, the number of municipalities
// with tax data, from a scenario's outcome in JSON.
func taxCoverage(r io.Reader) (float64, error) {
	var o struct {
		Economy struct {
			TaxCoverage float64 `json:"tax_coverage"`
		} `json:"economy"`
	}
	err := json.NewDecoder(r).Decode(&o)
	return o.Economy.TaxCoverage, err
}
