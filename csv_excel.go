package generalist

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
)

// ExcelCSV rewrites a standard CSV file (comma-separated, decimal point,
// as every CSV of the project is written) in the variant Excel with
// Norwegian settings opens correctly: a UTF-8 byte order mark (else Excel
// reads æøå as Latin-1), semicolons between cells (the list separator
// when the decimal mark is a comma), CRLF line ends, and a decimal comma
// in every cell that is a plain decimal number ("-3.5" → "-3,5"). Other
// cells are kept as they are, so dates ("1.1.2026"), numbers
// ("0301") and text are not touched; the formula defusing of CSVCell is
// kept, since cells are copied, not re-read as values.
//
// Excel drops the leading zero of a number such as kommunenummer "0301";
// the standard variant is the one to use for other tools.
func ExcelCSV(std []byte) ([]byte, error) { return ExcelCSVFrom(std, ',') }

// ExcelCSVFrom is ExcelCSV for a file whose cells are separated by comma:
// the cooperation registry's export is written with semicolons already
// (imc.ExportCSV), and gets the byte order mark and CRLF line ends here.
func ExcelCSVFrom(std []byte, comma rune) ([]byte, error) {
	r := csv.NewReader(bytes.NewReader(std))
	r.Comma = comma
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("excel csv: %w", err)
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true
	for _, rec := range recs {
		for i, c := range rec {
			if decimalNumber.MatchString(c) {
				rec[i] = strings.Replace(c, ".", ",", 1)
			}
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// decimalNumber matches a number with a decimal point as strconv writes
// it: an optional sign, digits, a point, digits, an optional exponent.
var decimalNumber = regexp.MustCompile(`^[+-]?[0-9]+\.[0-9]+([eE][+-]?[0-9]+)?$`)
