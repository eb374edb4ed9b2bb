package generalist

import (
	"encoding/csv"
	"io"
	"strings"
)

// CSVCell returns s as a CSV cell a spreadsheet will not run as a formula
// (CWE-1236): a cell that starts with = + - @, a tab or a carriage
// return gets a leading apostrophe, which spreadsheets show as text.
//
// Every CSV the project writes goes through this rule (NewCSVWriter).
// It looks at the cell, not at the column, so a new column cannot forget
// it: a cell that is a plain number keeps its sign and is not prefixed,
// so "-475795", "-3.5", "+12" and "-1 234,5 %" stay numbers. A plain
// number is an optional sign, then a digit, then only digits, "." and ","
// (decimal marks), spaces (ASCII, no-break or narrow no-break, the group
// separators nbfmt writes) and "%"; a spreadsheet reads such a cell as a
// number at worst as a harmless error, since it names no function and no
// cell. Any other cell that starts with a sign, "-1+HYPERLINK(…)" or
// "-E1" say, is prefixed.
//
// A cell that already starts with apostrophes before such a character
// ("'=x") gets one more, so ParseCSVCell gives back exactly s.
func CSVCell(s string) string {
	rest := strings.TrimLeft(s, "'")
	if !risky(rest) || rest == s && plainNumber(strings.TrimLeft(s, " ")) {
		return s
	}
	return "'" + s
}

// risky reports whether a spreadsheet could read s as a formula: its first
// character, after any spaces (which some imports trim), is = + - @, a
// tab or a carriage return.
func risky(s string) bool {
	s = strings.TrimLeft(s, " ")
	return s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0
}

// ParseCSVCell undoes CSVCell: it drops the apostrophe CSVCell added to a
// cell read back from a file the project wrote.
func ParseCSVCell(s string) string {
	rest := strings.TrimLeft(s, "'")
	if rest != s && risky(rest) {
		return s[1:]
	}
	return s
}

// plainNumber reports whether s is a number as CSVCell means it: an
// optional sign, a digit, then only digits, decimal marks, spaces and %.
func plainNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',', r == ' ', r == '\u00a0', r == '\u202f', r == '%':
		default:
			return false
		}
	}
	return true
}

// CSVWriter is a csv.Writer whose Write and WriteAll pass every cell
// through CSVCell. Set Comma and UseCRLF on it as on a csv.Writer.
type CSVWriter struct {
	*csv.Writer
}

// NewCSVWriter returns a CSVWriter writing to w.
func NewCSVWriter(w io.Writer) CSVWriter { return CSVWriter{csv.NewWriter(w)} }

// Write writes one record, each cell defused; rec is not changed.
func (w CSVWriter) Write(rec []string) error {
	out := make([]string, len(rec))
	for i, c := range rec {
		out[i] = CSVCell(c)
	}
	return w.Writer.Write(out)
}

// WriteAll writes the records with Write and flushes.
func (w CSVWriter) WriteAll(recs [][]string) error {
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}
