package app_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"generalist"
	"generalist/app"
	"generalist/economy"
	"generalist/refdata"
	"generalist/storetest"
)

// settlement1820 reads the test row of KDD's settlement for 1820
// Alstahaug (testdata/economy/README.md).
func settlement1820(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../testdata/economy/inntektsutjevning_2025_1820.csv")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEconomyImportSharedByProcesses imports a table through one App and
// reads it through another on the same store, as a second server process
// would: the other sees it once its version is re-read (at most a second
// later), in the economy, in scenario outcomes and in the report's data;
// a refused import changes nothing.
func TestEconomyImportSharedByProcesses(t *testing.T) {
	ctx := context.Background()
	db := storetest.Loaded(t, storetest.OpenSQLite(t))
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	writer, reader := app.New(db, app.WithClock(clock)), app.New(db, app.WithClock(clock))
	sc := &generalist.Scenario{ID: "test", Name: "Test", Structure: generalist.Structure2024, Year: 2026,
		Mergers: []generalist.Merger{{Name: "Alstahaug", Members: []generalist.MunicipalityNumber{"1820", "1822"}}}}
	coverage := func(a *app.App) int {
		t.Helper()
		c, err := a.Report(ctx, "", []*generalist.Scenario{sc}, app.TodayOptions{})
		if err != nil {
			t.Fatal(err)
		}
		e, ok := c.Outcomes[1].Economy.(*economy.Outcome)
		if !ok {
			t.Fatalf("the report's outcome has economy %T, want *economy.Outcome", c.Outcomes[1].Economy)
		}
		return e.TaxCoverage
	}
	if got := coverage(reader); got != 7 {
		t.Fatalf("before the import the report's outcome has tax for %d municipalities, want the sample's 7", got)
	}
	row := settlement1820(t)
	bad := refdata.SourceFile{Name: "inntektsutjevning.csv", Data: bytes.Replace(row, []byte(",KDD\n"), []byte(",XYZ\n"), 1)}
	if _, err := writer.ImportEconomy(ctx, app.EconomyImport{Table: refdata.TableSettlement, Year: 2025, Files: []refdata.SourceFile{bad}}); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Fatalf("ImportEconomy(bad file) = %v, want EINVALID", err)
	}
	if files, err := db.EconomyFiles(ctx, false); err != nil || len(files) != 0 {
		t.Fatalf("after a refused import the store holds %v, %v; want nothing", files, err)
	}
	good := refdata.SourceFile{Name: "inntektsutjevning.csv", Data: row}
	if _, err := writer.ImportEconomy(ctx, app.EconomyImport{Table: refdata.TableSettlement, Year: 2025, Files: []refdata.SourceFile{good}, Author: "test"}); err != nil {
		t.Fatal(err)
	}
	if got := coverage(writer); got != 8 {
		t.Errorf("the importing App's report has tax for %d municipalities, want 8 at once", got)
	}
	now = now.Add(1100 * time.Millisecond)
	if got := coverage(reader); got != 8 {
		t.Errorf("another App on the store has tax for %d municipalities a second later, want 8", got)
	}
	st, err := reader.MunicipalityEconomy(ctx, "1820", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if st.TaxPerInhabitant == nil || float64(*st.TaxPerInhabitant) != 38042.62 {
		t.Errorf("MunicipalityEconomy(1820).TaxPerInhabitant = %v, want the imported 38042.62", st.TaxPerInhabitant)
	}
}

// TestEconomyStoredTablesNoLongerLoad: a stored table that the loader no
// longer accepts (changed outside Generalist, or a newer version's
// stricter checks) is the store's fault, not the request's: EINTERNAL
// naming the file, and removing it brings the shipped sample back.
func TestEconomyStoredTablesNoLongerLoad(t *testing.T) {
	ctx := context.Background()
	db := storetest.Loaded(t, storetest.OpenSQLite(t))
	// Stored without the App's check, as if written by another program.
	broken := bytes.Replace(settlement1820(t), []byte(",KDD\n"), []byte(",XYZ\n"), 1)
	if err := db.ImportEconomyFiles(ctx, []generalist.EconomyFile{{Name: "inntektsutjevning_2025.csv", Table: "settlement", Year: 2025, Data: string(broken)}}, false, nil); err != nil {
		t.Fatal(err)
	}
	a := app.New(db)
	_, err := a.MunicipalityEconomy(ctx, "1820", 2025)
	if generalist.ErrorCode(err) != generalist.EINTERNAL || !strings.Contains(generalist.ErrorMessage(err), "inntektsutjevning_2025.csv") {
		t.Fatalf("MunicipalityEconomy with a broken stored table = %v, want EINTERNAL naming the file", err)
	}
	if err := a.RemoveEconomyFiles(ctx, []string{"inntektsutjevning_2025.csv"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.MunicipalityEconomy(ctx, "1820", 2025); err != nil {
		t.Errorf("after removing the broken table: %v", err)
	}
}
