package refdata_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"generalist"
	"generalist/economy"
	"generalist/refdata"
)

// xlsxFile writes rows (string or float64 cells, nil for empty) as a
// minimal XLSX workbook with shared strings, as Excel writes them.
func xlsxFile(tb testing.TB, rows [][]any) []byte {
	tb.Helper()
	var shared []string
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r, row := range rows {
		fmt.Fprintf(&sheet, `<row r="%d">`, r+1)
		for c, v := range row {
			ref := fmt.Sprintf("%c%d", 'A'+c, r+1)
			switch v := v.(type) {
			case nil:
			case string:
				fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, len(shared))
				shared = append(shared, v)
			case float64:
				fmt.Fprintf(&sheet, `<c r="%s"><v>%v</v></c>`, ref, v)
			case int:
				fmt.Fprintf(&sheet, `<c r="%s"><v>%d</v></c>`, ref, v)
			}
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	var sst strings.Builder
	sst.WriteString(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for _, s := range shared {
		fmt.Fprintf(&sst, `<si><t>%s</t></si>`, html.EscapeString(s))
	}
	sst.WriteString(`</sst>`)
	return zipFiles(tb, map[string]string{
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>`,
		"xl/worksheets/data.xml":     sheet.String(),
		"xl/sharedStrings.xml":       sst.String(),
	})
}

// odsFile writes rows as a minimal OpenDocument spreadsheet, with a long
// run of repeated empty cells and rows as LibreOffice writes them.
func odsFile(tb testing.TB, rows [][]any) []byte {
	tb.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="1-k">`)
	for _, row := range rows {
		b.WriteString(`<table:table-row>`)
		for _, v := range row {
			switch v := v.(type) {
			case nil:
				b.WriteString(`<table:table-cell/>`)
			case string:
				fmt.Fprintf(&b, `<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>`, html.EscapeString(v))
			case float64, int:
				fmt.Fprintf(&b, `<table:table-cell office:value-type="float" office:value="%v"><text:p>%v</text:p></table:table-cell>`, v, v)
			}
		}
		b.WriteString(`<table:table-cell table:number-columns-repeated="16000"/></table:table-row>`)
	}
	b.WriteString(`<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table><table:table table:name="other"/></office:spreadsheet></office:body></office:document-content>`)
	return zipFiles(tb, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": b.String()})
}

func zipFiles(tb testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, s := range files {
		f, err := w.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		f.Write([]byte(s))
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func mustEconomy(tb testing.TB) *economy.Model {
	tb.Helper()
	m, err := refdata.EmbeddedEconomy()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// Grønt hefte 2025 values of the shipped sample, 1,000 NOK.
func table1k(total float64) [][]any {
	return [][]any{
		{"Tabell 1-k Rammetilskudd til kommunene 2025"},
		{},
		{"Kommune", "Innbyggertilskudd", "Distriktstilskudd Sør-Norge", "Distriktstilskudd Nord-Norge", "Veksttilskudd", "Storbytilskudd", "Skjønnstilskudd", "Rammetilskudd 2025"},
		{"Østlandet"},
		{"1111 Sokndal", 145946.0, 4747.0, 0.0, 0.0, 0.0, 500.0, total},
		{"1112 Lund", 144376.0, 5768.0, 0.0, 0.0, 0.0, 700.0, 150844.0},
		{"Landet", nil, nil},
	}
}

func table2k() [][]any {
	return [][]any{
		{"Tabell 2-k Innbyggertilskudd 2025"},
		{"Kommune", "Innbyggertilskudd (likt beløp per innbygger) før omfordeling", "Utgiftsutjevning", "Saker med særskilt fordeling", "Inntektsgarantiordning (INGAR)", "Innbyggertilskudd inkl. inntektsgaranti"},
		{"1112 Lund", 102276.62664148, 37295.11452851, 5198.0, -393.82133568, 144376.0},
		{"1111 Sokndal", 106115.93385694, 36627.16694945, 3612.0, -408.60478274, 145946.0},
	}
}

func TestImportGrants(t *testing.T) {
	m := mustEconomy(t)
	im, err := refdata.ImportEconomy(m, refdata.TableGrants, 2025, []refdata.SourceFile{
		{Name: "tabell-2-k-2025.xlsx", Data: xlsxFile(t, table2k())},
		{Name: "tabell-1-k-2025.ods", Data: odsFile(t, table1k(151193))},
	})
	if err != nil {
		t.Fatal(err)
	}
	if im.Rows != 2 || im.Files["rammetilskudd_2025.csv"] == nil {
		t.Fatalf("imported %d rows, files %v", im.Rows, im.Files)
	}
	fsys := fstest.MapFS{"rammetilskudd_2025.csv": {Data: im.Files["rammetilskudd_2025.csv"]}}
	mm := mustEconomy(t)
	if err := refdata.OverlayEconomy(mm, fsys); err != nil {
		t.Fatal(err)
	}
	k := economy.Key{Municipality: "1111", Year: 2025}
	got, want := mm.Data.Grants[k], m.Data.Grants[k]
	got.Source, want.Source = "", ""
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("imported Sokndal 2025\n %+v\nshipped\n %+v", got, want)
	}
	if !strings.Contains(strings.Join(im.Notes, "\n"), `skjonnstilskudd ← "Skjønnstilskudd" (column G)`) {
		t.Errorf("notes do not say where skjønnstilskudd came from:\n%s", strings.Join(im.Notes, "\n"))
	}
}

func TestImportErrors(t *testing.T) {
	m := mustEconomy(t)
	settlement := func(knr any, pct float64) []byte {
		return xlsxFile(t, [][]any{
			{"Inntektsutjevning 2025"},
			{"Knr", "Kommune", "Skatt", "Innbyggere", "Skatt per innbygger", "I prosent av landet"},
			{}, {}, {},
			{nil, nil, 1, 2, 3, 4, 5, 6, 7, 8, 9},
			{},
			{knr, "Sokndal", 121612.7, 3371, 36076.14, pct, nil, nil, nil, nil, 4150.06},
			{1112, "Lund", 123143.1, 3259, 37785.54, 37785.54 / 42269.58 * 100, nil, nil, nil, nil, 2491.95},
		})
	}
	for _, tt := range []struct {
		name, table string
		year        int
		files       []refdata.SourceFile
		want        string
	}{
		{"TotalOff", refdata.TableGrants, 2025, []refdata.SourceFile{{"1k.ods", odsFile(t, table1k(151293))}, {"2k.xlsx", xlsxFile(t, table2k())}},
			"1k.ods row 5, column H: kommune 1111: the 1-k parts add up to 151193.0, not the total 151293"},
		{"Not2k", refdata.TableGrants, 2025, []refdata.SourceFile{{"1k.ods", odsFile(t, table1k(151193))}, {"1k-again.ods", odsFile(t, table1k(151193))}},
			"does not look like table 2-k"},
		{"YearColumn", refdata.TableGrants, 2024, []refdata.SourceFile{{"1k.ods", odsFile(t, table1k(151193))}, {"2k.xlsx", xlsxFile(t, table2k())}},
			`no header row with a municipality column and "Rammetilskudd 2024"`},
		{"OldYear", refdata.TableGrants, 2023, []refdata.SourceFile{{"1k.ods", nil}}, "year 2023: imports need tables on the 2024 municipality numbers"},
		{"Xls", refdata.TableSettlement, 2025, []refdata.SourceFile{{"x.xls", []byte("\xd0\xcf\x11\xe0rest")}}, "x.xls: an old binary Excel file (.xls)"},
		{"Layout", refdata.TableSettlement, 2025, []refdata.SourceFile{{"x.xlsx", xlsxFile(t, table2k())}}, "x.xlsx: not KDD's settlement layout"},
		{"FileYear", refdata.TableSettlement, 2025, []refdata.SourceFile{{"internettinntektsutj_2024kom.xlsx", settlement(1111, 36076.14/42269.58*100)}},
			"the file name says 2024, but the import is for 2025"},
		{"Unknown", refdata.TableSettlement, 2025, []refdata.SourceFile{{"s.xlsx", settlement(1199, 36076.14/42269.58*100)}},
			"s.xlsx row 8, column A: kommune 1199 is not in the 2024 structure"},
		{"Average", refdata.TableSettlement, 2025, []refdata.SourceFile{{"s.xlsx", settlement(1111, 85.0)}},
			"s.xlsx: tax ÷ share of the average gives national averages from"},
		{"Table", "a-k", 2025, []refdata.SourceFile{{"a.csv", []byte("x")}}, `unknown table "a-k" (known: grants, settlement, cost-index)`},
		{"CostIndex", refdata.TableCostIndex, 2025, []refdata.SourceFile{{"a.csv", []byte("Kommune;Kostnadsindeks\n1101 Eigersund;abc\n")}},
			`a.csv row 2, column B: "abc" is not a number`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := refdata.ImportEconomy(m, tt.table, tt.year, tt.files)
			if err == nil || !strings.Contains(err.Error(), tt.want) || generalist.ErrorCode(err) != generalist.EINVALID {
				t.Errorf("ImportEconomy = %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
}

func TestImportSettlementAndOverlay(t *testing.T) {
	m := mustEconomy(t)
	// Eigersund is not in the shipped sample; its values here are made up.
	rows := [][]any{
		{"Inntektsutjevning 2025, kommunevise sluttavregninger"},
		{"Knr", "Kommune", "Skatt", "Innbyggere 1.1.2025", "Skatt per innbygger", "I prosent av landet"},
		{}, {}, {},
		{nil, nil, 1, 2, 3, 4, 5, 6, 7, 8, 9},
		{},
		{1101, "Eigersund", 615000.0, 15375, 40000.0, 40000 / 42269.58 * 100, nil, nil, nil, nil, 1028.00},
		{1111, "Sokndal", 121612.7, 3371, 36076.14, 36076.14 / 42269.58 * 100, nil, nil, nil, nil, 4150.06},
		{nil, "Landet"},
	}
	im, err := refdata.ImportEconomy(m, refdata.TableSettlement, 2025, []refdata.SourceFile{{"internettsinntektsutj_2025kom.xlsx", xlsxFile(t, rows)}})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, b := range im.Files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	// An analyst's parameter file for a new year rides along.
	fsys["2026.json"] = &fstest.MapFile{Data: relabelled2026(t)}
	if err := refdata.OverlayEconomy(m, fsys); err != nil {
		t.Fatal(err)
	}
	s, err := economy.Show(m, "1101", 2025)
	if err != nil {
		t.Fatal(err)
	}
	want := 0.62*(42269.58-40000) - 378.1392
	if s.TaxPerInhabitant == nil || math.Abs(float64(*s.IncomeEqualisationPerInhabitant)-want) > 1e-6 || !strings.Contains(strings.Join(s.Sources, ";"), "Importert") {
		t.Errorf("Eigersund 2025 after import: tax %v, equalisation %v (want %v), sources %v", s.TaxPerInhabitant, s.IncomeEqualisationPerInhabitant, want, s.Sources)
	}
	if _, err := m.Params.Year(2026); err != nil {
		t.Errorf("the 2026 parameter file was not overlaid: %v", err)
	}
}

// relabelled2026 returns the shipped 2025 parameter file relabelled as
// 2026, standing in for an analyst's own file.
func relabelled2026(t *testing.T) []byte {
	b := economyFS(t, "", "", "")["economy/2025.json"].Data
	return bytes.Replace(b, []byte(`"budget_year": 2025`), []byte(`"budget_year": 2026`), 1)
}
