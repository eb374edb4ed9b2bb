package generalist

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// FuzzExcelCSV writes random cells as the downloads do (NewCSVWriter:
// rows of any length, cells with quotes, separators, line breaks and
// formula starts) and converts them for Excel (format=csv-excel): the
// conversion of the program's own CSV never fails (the web answers 500 if
// it does), keeps every row and cell, and changes a cell only by a
// decimal comma for a decimal point (and a carriage return inside a cell,
// which the CRLF writer drops: Excel breaks lines on "\r\n" alone). The
// seeds run as a test.
func FuzzExcelCSV(f *testing.F) {
	for _, s := range []string{
		"kommune,innbyggere\n0301 Oslo,3.402\n", "a\tb\n", "\"x\"\"y\",1.5e+3\n\n", "=1+1,-1.5,@x\r\n;;\n", "\xff\xfe,\x00\n",
		"\ufeffa,b\n", " 1.5 ,1.5\n", "1.5.5,-.5,+1.0\n", "a\rb,c\n", "\"\n\",\"", strings.Repeat("1.25,", 100) + "\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Rows on "\n", cells on "," of the input: any text per cell.
		var rows [][]string
		for _, line := range strings.Split(s, "\n") {
			rows = append(rows, strings.Split(line, ","))
		}
		var std bytes.Buffer
		w := NewCSVWriter(&std)
		for _, r := range rows {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		x, err := ExcelCSV(std.Bytes())
		if err != nil {
			t.Fatalf("ExcelCSV of the writer's own CSV %q: %v", std.String(), err)
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(x, []byte("\ufeff"))))
		r.Comma, r.FieldsPerRecord = ';', -1
		got, err := r.ReadAll()
		if err != nil {
			t.Fatalf("the Excel CSV %q does not read back: %v", x, err)
		}
		in := csv.NewReader(bytes.NewReader(std.Bytes()))
		in.FieldsPerRecord = -1
		want, _ := in.ReadAll()
		if len(got) != len(want) {
			t.Fatalf("ExcelCSV gave %d rows of %d", len(got), len(want))
		}
		for i := range want {
			if len(got[i]) != len(want[i]) {
				t.Fatalf("row %d: %d cells of %d", i, len(got[i]), len(want[i]))
			}
			for j := range want[i] {
				w := strings.ReplaceAll(want[i][j], "\r", "")
				if got[i][j] != w && got[i][j] != strings.Replace(w, ".", ",", 1) {
					t.Fatalf("cell %d,%d: %q became %q", i, j, want[i][j], got[i][j])
				}
			}
		}
	})
}
