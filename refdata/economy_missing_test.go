package refdata_test

import (
	"strings"
	"testing"

	"generalist"
	"generalist/refdata"
)

// TestEconomyMarkers: SSB's signs for a missing value never become 0 in
// the economy tables (decision 0011). The grants and the settlement need a
// figure for every municipality and refuse one, naming the place; the cost
// index leaves the municipality out, with a note that counts it.
func TestEconomyMarkers(t *testing.T) {
	m := mustEconomy(t)
	for _, mk := range []string{".", "..", "...", ":"} {
		t.Run(mk, func(t *testing.T) {
			// Grants: a component of table 1-k.
			k1 := table1k(151193)
			k1[4][2] = mk // Sokndal's Distriktstilskudd Sør-Norge
			_, err := refdata.ImportEconomy(m, refdata.TableGrants, 2025, []refdata.SourceFile{{"1k.ods", odsFile(t, k1)}, {"2k.xlsx", xlsxFile(t, table2k())}})
			wantRefused(t, "grants", err, `1k.ods row 5, column C: "`+mk+`" is a sign for a missing value`)

			// Grants: a required column of table 2-k.
			k2 := table2k()
			k2[2][2] = mk // Lund's Utgiftsutjevning
			_, err = refdata.ImportEconomy(m, refdata.TableGrants, 2025, []refdata.SourceFile{{"1k.ods", odsFile(t, table1k(151193))}, {"2k.xlsx", xlsxFile(t, k2)}})
			wantRefused(t, "grants 2-k", err, `2k.xlsx row 3, column C: "`+mk+`" is a sign for a missing value`)

			// Settlement: the tax per inhabitant.
			rows := [][]any{
				{"Inntektsutjevning 2025"},
				{"Knr", "Kommune", "Skatt", "Innbyggere", "Skatt per innbygger", "I prosent av landet"},
				{}, {}, {},
				{nil, nil, 1, 2, 3, 4, 5, 6, 7, 8, 9},
				{},
				{1111, "Sokndal", 121612.7, 3371, mk, 36076.14 / 42269.58 * 100, nil, nil, nil, nil, 4150.06},
			}
			_, err = refdata.ImportEconomy(m, refdata.TableSettlement, 2025, []refdata.SourceFile{{"s.xlsx", xlsxFile(t, rows)}})
			wantRefused(t, "settlement", err, `s.xlsx row 8, column E: "`+mk+`" is a sign for a missing value`)

			// Cost index: left out, counted, never written as 0.
			csv := "Kommune;Kostnadsindeks\n0 Hele landet;1\n1101 Eigersund;" + mk + "\n1111 Sokndal;1,05\n1112 Lund;\n9999 Uoppgitt;1\n"
			im, err := refdata.ImportEconomy(m, refdata.TableCostIndex, 2025, []refdata.SourceFile{{"a.csv", []byte(csv)}})
			if err != nil {
				t.Fatalf("cost index: %v", err)
			}
			out := string(im.Files["kostnadsindeks_2025.csv"])
			if im.Rows != 1 || strings.Contains(out, "1101") || strings.Contains(out, "1112") || !strings.Contains(out, "1111,Sokndal,2025,1.05") {
				t.Errorf("cost index: %d rows, file\n%s\nwant Sokndal only", im.Rows, out)
			}
			notes := strings.Join(im.Notes, "\n")
			for _, want := range []string{
				`2 cells without a value ("` + mk + `" 1, empty 1)`,
				"a.csv row 2, column A: 0 Hele landet skipped (national total)",
				"a.csv row 6, column A: 9999 Uoppgitt skipped (unknown municipality)",
			} {
				if !strings.Contains(notes, want) {
					t.Errorf("cost index notes lack %q:\n%s", want, notes)
				}
			}
		})
	}
	t.Run("OnlyMissing", func(t *testing.T) {
		_, err := refdata.ImportEconomy(m, refdata.TableCostIndex, 2025, []refdata.SourceFile{{"a.csv", []byte("Kommune;Kostnadsindeks\n1101 Eigersund;..\n")}})
		wantRefused(t, "cost index", err, `a.csv: no municipality has an index (1 cell without a value (".." 1))`)
	})
}

func wantRefused(t *testing.T, what string, err error, want string) {
	t.Helper()
	if err == nil || generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), want) {
		t.Errorf("%s: ImportEconomy = %v, want EINVALID containing %q", what, err, want)
	}
}
