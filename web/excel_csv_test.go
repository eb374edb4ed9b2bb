package web_test

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestExcelCSVVariant checks that every table the API offers as CSV, and
// the inputs export and the comparison report, are also offered for Excel
// with Norwegian settings: the same cells, with semicolons, a byte order
// mark and decimal commas.
func TestExcelCSVVariant(t *testing.T) {
	for _, path := range []string{
		"/api/v1/municipalities?structure=2024&year=2026",
		"/api/v1/stats?structure=2024&year=2026",
		"/api/v1/municipalities/0301/population",
		"/api/v1/nordic",
		"/api/v1/graph?structure=2024",
		"/api/v1/imc/export",
		"/api/v1/inputs/export",
		"/scenarier/rapport?id=barnevern-palagt-samarbeid",
	} {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		std := get(t, path+sep+"format=csv")
		xl := get(t, path+sep+"format=csv-excel")
		if std.Status != 200 || xl.Status != 200 {
			t.Errorf("%s: status %d (csv), %d (csv-excel)", path, std.Status, xl.Status)
			continue
		}
		if !strings.HasPrefix(xl.Body, "\ufeff") || !strings.HasPrefix(xl.Type, "text/csv") {
			t.Errorf("%s: the Excel variant has no byte order mark or is %s", path, xl.Type)
		}
		ra := csv.NewReader(strings.NewReader(std.Body))
		if strings.HasPrefix(path, "/api/v1/imc/export") {
			ra.Comma = ';' // the registry's export is the import format
		}
		ra.FieldsPerRecord = -1
		a, err := ra.ReadAll()
		if err != nil {
			t.Fatalf("%s csv: %v", path, err)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(xl.Body, "\ufeff")))
		r.Comma = ';'
		r.FieldsPerRecord = -1
		b, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s csv-excel: %v", path, err)
		}
		if len(a) != len(b) || len(b) == 0 || len(b[0]) < 2 {
			t.Fatalf("%s: %d rows in csv, %d in csv-excel (first row %v)", path, len(a), len(b), b[:min(len(b), 1)])
		}
		for i := range a {
			for j := range a[i] {
				// The only change allowed: a decimal point becomes a comma.
				if a[i][j] != b[i][j] && strings.Replace(a[i][j], ".", ",", 1) != b[i][j] {
					t.Fatalf("%s row %d cell %d: %q became %q", path, i, j, a[i][j], b[i][j])
				}
			}
		}
	}
	if r := get(t, "/api/v1/municipalities?format=xlsx"); r.Status != 400 || !strings.Contains(r.Body, "csv-excel") {
		t.Errorf("format=xlsx: status %d, body %.200s", r.Status, r.Body)
	}
	if r := get(t, "/api/v1/inputs/export?format=xlsx"); r.Status != 400 {
		t.Errorf("inputs export format=xlsx: status %d", r.Status)
	}
}
