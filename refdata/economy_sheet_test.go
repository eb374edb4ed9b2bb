package refdata

import (
	"archive/zip"
	"bytes"
	"testing"
)

// TestReadXLSXRichText reads shared and inline strings that Excel writes as
// runs of rich text as well as plain.
func TestReadXLSXRichText(t *testing.T) {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, s := range map[string]string{
		"xl/workbook.xml":      `<workbook ` + ns + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/sharedStrings.xml": `<sst ` + ns + `><si><t>Knr</t></si><si><r><t>Kommune</t></r><r><t>navn</t></r></si></sst>`,
		"xl/worksheets/sheet1.xml": `<worksheet ` + ns + `><sheetData><row r="1">` +
			`<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>` +
			`<c r="C1" t="inlineStr"><is><t>plain</t></is></c><c r="D1" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c>` +
			`</row></sheetData></worksheet>`,
	} {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(s))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	sh, err := readSheet("rich.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for col, want := range []string{"Knr", "Kommunenavn", "plain", "inline"} {
		if got := sh.cell(0, col).text; got != want {
			t.Errorf("cell %s1 = %q, want %q", columnName(col), got, want)
		}
	}
}

func TestLabel(t *testing.T) {
	for in, want := range map[string]string{
		"Knr":                          "knr",
		"  Skatt i pst. av landsgj.  ": "skatt i pst av landsgj",
		"Innbyggere 1.1.2025":          "innbyggere 1 1 2025",
		"Særskilt fordeling":           "saerskilt fordeling",
		"Nord-Norge/Øvrige":            "nord norge ovrige",
		"Tilskudd på/för ÅÄÀÁ É è":     "tilskudd pa for aaaa e e",
		"Sør-Trøndelag ÖVRE":           "sor trondelag ovre",
		"Ω ß ü":                        "",
	} {
		if got := label(in); got != want {
			t.Errorf("label(%q) = %q, want %q", in, got, want)
		}
	}
}
