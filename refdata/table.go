package refdata

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"

	"generalist"
)

// table is one CSV file read strictly: UTF-8, a header that has exactly the
// expected columns in order, and the same number of fields on every line.
type table struct {
	file   string
	sha256 string
	col    map[string]int
	rows   [][]string
	lines  []int // line number of each row in the file, for error messages
}

// readTable reads name from fsys and checks its header against want.
func readTable(fsys fs.FS, name string, want ...string) (*table, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: %v", name, err)
	}
	return parseTable(name, b, want)
}

// readRows reads name from fsys, checks its header against want and
// passes each row to fn, stopping at the first error.
func readRows(fsys fs.FS, name string, want []string, fn func(r row) error) (*table, error) {
	t, err := readTable(fsys, name, want...)
	if err != nil {
		return nil, err
	}
	return t, t.each(fn)
}

// addRows is readRows for a file that, once read, is one of ref's
// datasets.
func addRows(fsys fs.FS, ref *generalist.Reference, name string, want []string, fn func(r row) error) error {
	t, err := readRows(fsys, name, want, fn)
	if err != nil {
		return err
	}
	ref.Datasets = append(ref.Datasets, t.dataset())
	return nil
}

func parseTable(name string, b []byte, want []string) (*table, error) {
	sum := sha256.Sum256(b)
	t := &table{file: name, sha256: hex.EncodeToString(sum[:]), col: map[string]int{}}
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		b = b[3:]
	}
	if !utf8.Valid(b) {
		line, _ := generalist.LineColumn(b, int64(generalist.InvalidUTF8At(b)))
		return nil, generalist.Errorf(generalist.EINVALID,
			"%s line %d: not valid UTF-8 (the file may be ISO-8859-1; the reference files must be UTF-8)", name, line)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = len(want)
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		return nil, csvError(name, err)
	}
	for i, h := range header {
		if h != want[i] {
			return nil, generalist.Errorf(generalist.EINVALID, "%s line 1: column %d is %q, want %q", name, i+1, h, want[i])
		}
		t.col[h] = i
	}
	err = eachRecord(name, r, func(rec []string, line int) {
		t.rows = append(t.rows, rec)
		t.lines = append(t.lines, line)
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// eachRecord passes the records of r that are left, with the line each
// starts on, to fn; an error names the file and the line.
func eachRecord(name string, r *csv.Reader, fn func(rec []string, line int)) error {
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return csvError(name, err)
		}
		line, _ := r.FieldPos(0)
		fn(rec, line)
	}
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			msg = "wrong number of fields"
		}
		return generalist.Errorf(generalist.EINVALID, "%s line %d: %s", name, pe.Line, msg)
	}
	return generalist.Errorf(generalist.EINVALID, "%s: %v", name, err)
}

// dataset describes the file for the store.
func (t *table) dataset() generalist.Dataset {
	return generalist.Dataset{Name: t.file, SHA256: t.sha256, Source: sources[t.file], Rows: len(t.rows)}
}

// row is one data row of a table; its methods parse fields and return
// errors that name file, line and field.
type row struct {
	t *table
	i int
}

func (t *table) each(fn func(r row) error) error {
	for i := range t.rows {
		if err := fn(row{t, i}); err != nil {
			return err
		}
	}
	return nil
}

func (r row) errorf(field, format string, args ...any) error {
	return generalist.Errorf(generalist.EINVALID, "%s line %d, field %q: %s",
		r.t.file, r.t.lines[r.i], field, fmt.Sprintf(format, args...))
}

// fail reports a rule broken by the row as a whole.
func (r row) fail(format string, args ...any) error {
	return generalist.Errorf(generalist.EINVALID, "%s line %d: %s", r.t.file, r.t.lines[r.i], fmt.Sprintf(format, args...))
}

func (r row) str(field string) string { return r.t.rows[r.i][r.t.col[field]] }

func (r row) nonEmpty(field string) (string, error) {
	s := r.str(field)
	if strings.TrimSpace(s) == "" {
		return "", r.errorf(field, "is empty")
	}
	return s, nil
}

func (r row) municipality(field string) (generalist.MunicipalityNumber, error) {
	n, err := generalist.ParseMunicipalityNumber(r.str(field))
	if err != nil {
		return "", r.errorf(field, "%s", generalist.ErrorMessage(err))
	}
	return n, nil
}

func (r row) county(field string) (generalist.CountyNumber, error) {
	n, err := generalist.ParseCountyNumber(r.str(field))
	if err != nil {
		return "", r.errorf(field, "%s", generalist.ErrorMessage(err))
	}
	return n, nil
}

// persons parses a non-negative whole number of persons.
func (r row) persons(field string) (generalist.Persons, error) {
	s := r.str(field)
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, r.errorf(field, "%q is not a whole number", s)
	}
	if v < 0 {
		return 0, r.errorf(field, "%d is negative", v)
	}
	return generalist.Persons(v), nil
}

func (r row) integer(field string, lo, hi int) (int, error) {
	s := r.str(field)
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, r.errorf(field, "%q is not a whole number", s)
	}
	if v < lo || v > hi {
		return 0, r.errorf(field, "%d is outside %d–%d", v, lo, hi)
	}
	return v, nil
}

// optFloat parses a decimal number with a dot, or nil for an empty cell.
func (r row) optFloat(field string) (*float64, error) {
	s := r.str(field)
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || strings.ContainsAny(s, "eEnNiI") {
		return nil, r.errorf(field, "%q is not a decimal number", s)
	}
	return &v, nil
}

func (r row) boolean(field string) (bool, error) {
	switch s := r.str(field); s {
	case "true":
		return true, nil
	case "false":
		return false, nil
	default:
		return false, r.errorf(field, "%q is not true or false", s)
	}
}
