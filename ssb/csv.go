package ssb

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"generalist"
)

// CSVOptions controls ParseCSV.
type CSVOptions struct {
	// Encoding is "" or "auto", "utf-8" or "latin1" (ISO-8859-1). Auto
	// takes valid UTF-8 as UTF-8 and anything else as ISO-8859-1, which is
	// what SSB's downloads from the statbank often are; that guess is safe
	// because Latin-1 text with letters such as æ, ø and å is almost never
	// valid UTF-8. Name the encoding to have a wrong guess reported instead.
	Encoding string
}

// ParseCSV reads a table in SSB's semicolon-separated CSV, in the long
// layout (one value column, the year in a column "år") or the wide layout
// (the year in the value columns' headers, such as "Personer 2024"). See the
// package documentation for the format. Bad input gives a
// *generalist.Error with code EINVALID whose message names the line and
// column.
func ParseCSV(r io.Reader, opt CSVOptions) (*Dataset, error) {
	return parseFile(r, "csv", decoded(opt, parseCSV))
}

// parseFile reads all of r and parses it, prefixing errors with "ssb: "
// and what the file is, such as "csv".
func parseFile[T any](r io.Reader, what string, parse func([]byte) (T, error)) (T, error) {
	var zero T
	data, err := io.ReadAll(r)
	if err != nil {
		return zero, fmt.Errorf("ssb: read %s: %w", what, err)
	}
	v, err := parse(data)
	if err != nil {
		return zero, fmt.Errorf("ssb: %s: %w", what, err)
	}
	return v, nil
}

// decoded returns a parser of a file's bytes that decodes them as opt
// says and gives the text to parse.
func decoded[T any](opt CSVOptions, parse func(string) (T, error)) func([]byte) (T, error) {
	return func(data []byte) (T, error) {
		text, err := decode(data, opt.Encoding)
		if err != nil {
			var zero T
			return zero, err
		}
		return parse(text)
	}
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decode returns the file's text as UTF-8.
func decode(b []byte, encoding string) (string, error) {
	// NUL never occurs in a text table but fills every other byte of UTF-16,
	// which Excel's "Unicode text" produces. Reading such a file as Latin-1
	// would give garbage instead of an error, so it is refused in any mode.
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return "", invalidf("the file is not UTF-8 or ISO-8859-1: it starts with a UTF-16 byte order mark; save it as UTF-8")
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return "", invalidf("the file is not UTF-8 or ISO-8859-1: line %d has a NUL byte, as UTF-16 files do; save it as UTF-8",
			1+bytes.Count(b[:i], []byte("\n")))
	}
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "auto":
		b = bytes.TrimPrefix(b, utf8BOM)
		if utf8.Valid(b) {
			return string(b), nil
		}
		return latin1(b), nil
	case "utf-8", "utf8":
		b = bytes.TrimPrefix(b, utf8BOM)
		if err := checkUTF8(b, `the file may be ISO-8859-1 (encoding "latin1" or "auto")`); err != nil {
			return "", err
		}
		return string(b), nil
	case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859-1":
		if bytes.HasPrefix(b, utf8BOM) {
			return "", invalidf("the file starts with a UTF-8 byte order mark, but the encoding was given as %q; use \"utf-8\" or \"auto\"", encoding)
		}
		return latin1(b), nil
	}
	return "", invalidf("encoding %q: want \"auto\", \"utf-8\" or \"latin1\"", encoding)
}

func checkUTF8(b []byte, hint string) error {
	line, start := 1, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return invalidf("line %d: byte %d of the line (0x%02X) is not valid UTF-8; %s",
				line, i-start+1, b[i], hint)
		}
		if r == '\n' {
			line, start = line+1, i+1
		}
		i += n
	}
	return nil
}

// latin1 decodes ISO-8859-1, whose bytes are the first 256 code points.
func latin1(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// column is one column of the header.
type column struct {
	name string
	dim  dimension

	// A value column; in the wide layout its header gives the year and
	// may give the sex.
	value  bool
	year   int
	sex    sex
	hasSex bool

	// The one category an extra dimension may have, and where it was
	// first seen.
	extra     string
	extraLine int
}

type csvTable struct {
	cols       []column
	dims       [dimYear + 1]int // column of each dimension, or -1
	values     []int            // the value columns
	headerLine int
}

func parseCSV(text string) (*Dataset, error) {
	var (
		t            *csvTable
		b            *builder
		table, title string
	)
	err := readCSV(text, ';', func(rec []string, line int) error {
		if t != nil {
			return t.row(b, rec, line)
		}
		if !isHeader(rec) {
			if title == "" {
				title = strings.TrimSpace(strings.Join(rec, " "))
			}
			return nil
		}
		var err error
		if t, err = parseHeader(rec, line); err != nil {
			return err
		}
		table, title = splitTitle(title)
		if last := t.cols[len(t.cols)-1]; table == "" && len(t.values) == 1 && last.year == 0 {
			// The long layout's value column is headed "07459: Befolkning, …".
			if tab, name := splitTitle(last.name); tab != "" {
				table = tab
				if title == "" {
					title = name
				}
			}
		}
		b = newBuilder(t.where)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if t == nil {
		return nil, invalidf(`no header: no line has a column "region" (SSB's header looks like "region";"kjønn";"alder";"statistikkvariabel";"år";…)`)
	}
	if b.cells == 0 {
		return nil, invalidf("no data after the header on line %d", t.headerLine)
	}
	ds, err := b.dataset()
	if err != nil {
		return nil, err
	}
	ds.Table, ds.Title = table, title
	return ds, nil
}

// readCSV calls row with each record of text that is not blank, and the
// line it starts on, until row returns an error. Records may have any
// number of fields.
func readCSV(text string, sep rune, row func(rec []string, line int) error) error {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return invalidf("line %d, byte %d: %v", pe.Line, pe.Column, pe.Err)
			}
			return invalidf("%v", err)
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		if err := row(rec, line); err != nil {
			return err
		}
	}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// isHeader reports whether rec is the header: the first line with a column
// "region", since title lines come before it and region is required.
func isHeader(rec []string) bool {
	for _, f := range rec {
		if dimensionOf(f) == dimRegion {
			return true
		}
	}
	return false
}

func parseHeader(rec []string, line int) (*csvTable, error) {
	t := &csvTable{cols: make([]column, len(rec)), headerLine: line}
	for d := range t.dims {
		t.dims[d] = -1
	}
	for i, f := range rec {
		c := column{name: strings.TrimSpace(f), dim: dimensionOf(f)}
		if c.dim != dimExtra {
			if j := t.dims[c.dim]; j >= 0 {
				return nil, invalidf("line %d: columns %d (%q) and %d (%q) are the same dimension", line, j+1, t.cols[j].name, i+1, c.name)
			}
			t.dims[c.dim] = i
		}
		t.cols[i] = c
	}
	last := len(t.cols) - 1
	if t.dims[dimYear] >= 0 {
		// Long layout: one value column, last.
		if t.cols[last].dim != dimExtra {
			return nil, invalidf("line %d: the last column %q is a dimension, but it must hold the values", line, t.cols[last].name)
		}
		t.cols[last].value = true
		t.values = []int{last}
		return t, nil
	}
	// Wide layout: the trailing columns whose headers name a year.
	i := last
	for ; i >= 0 && t.cols[i].dim == dimExtra; i-- {
		c := &t.cols[i]
		ok, err := c.parseValueHeader()
		if err != nil {
			return nil, at(fmt.Sprintf("line %d, column %q", line, c.name), err)
		}
		if !ok {
			break
		}
		if c.hasSex && t.dims[dimSex] >= 0 {
			return nil, invalidf("line %d, column %q: the header names a sex, but there is also a column %q", line, c.name, t.cols[t.dims[dimSex]].name)
		}
		t.values = append([]int{i}, t.values...)
	}
	if len(t.values) == 0 {
		return nil, invalidf(`line %d: no year: the header needs a column "år", or value columns named by year such as "Personer 2024"`, line)
	}
	return t, nil
}

// parseValueHeader reads a wide-layout value header: a year, optionally with
// the contents ("Personer") and a sex ("Menn"), in any order. It reports
// false if the header has no year and so is not a value column.
func (c *column) parseValueHeader() (bool, error) {
	words := strings.Fields(c.name)
	yearAt := -1
	for i, w := range words {
		if len(w) == 4 && strings.Trim(w, "0123456789") == "" {
			if yearAt >= 0 {
				return true, invalidf("two years, %s and %s", words[yearAt], w)
			}
			yearAt = i
		}
	}
	if yearAt < 0 {
		return false, nil
	}
	y, err := parseYear(words[yearAt])
	if err != nil {
		return true, err
	}
	c.value, c.year = true, y
	words = append(words[:yearAt:yearAt], words[yearAt+1:]...)
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(words[i])
		s, ok := sexWords[w]
		if i+1 < len(words) && !ok {
			s, ok = sexWords[w+" "+strings.ToLower(words[i+1])]
			if ok {
				i++
			}
		}
		switch {
		case ok && w != "0" && w != "1" && w != "2":
			if c.hasSex {
				return true, invalidf("the header names two sexes")
			}
			c.sex, c.hasSex = s, true
		case isPersons(w):
		default:
			return true, invalidf(`cannot read %q; want a year with "Personer" and optionally a sex, such as "Personer 2024" or "Menn Personer 2024"`, words[i])
		}
	}
	return true, nil
}

func (t *csvTable) where(line, col int) string {
	if len(t.values) > 1 {
		return fmt.Sprintf("line %d, column %q", line, t.cols[col].name)
	}
	return fmt.Sprintf("line %d", line)
}

// row reads one data line.
func (t *csvTable) row(b *builder, rec []string, line int) error {
	if len(rec) != len(t.cols) {
		return invalidf("line %d: %d columns, but the header on line %d has %d", line, len(rec), t.headerLine, len(t.cols))
	}
	place := func(i int) string { return fmt.Sprintf("line %d, column %q", line, t.cols[i].name) }
	get := func(d dimension) (string, int, bool) {
		i := t.dims[d]
		if i < 0 {
			return "", i, false
		}
		return strings.TrimSpace(rec[i]), i, true
	}

	regionCell, ri, _ := get(dimRegion)
	code, label, _ := strings.Cut(regionCell, " ")
	label = strings.TrimSpace(label)
	num, skip, err := parseRegion(code)
	if err != nil {
		if strings.Trim(code, "0123456789") == code {
			// A download with labels only ("Oslo") cannot be matched to
			// municipalities reliably: names repeat (Herøy) and change.
			return invalidf("%s: %q has no region code; download the table with codes and labels (\"0301 Oslo\")", place(ri), regionCell)
		}
		return at(place(ri), err)
	}
	rowSex := sexBoth
	if s, i, ok := get(dimSex); ok {
		if rowSex, err = parseSexCell(s); err != nil {
			return at(place(i), err)
		}
	}
	age := ageTotal
	if s, i, ok := get(dimAge); ok {
		if age, err = parseAge(s); err != nil {
			return at(place(i), err)
		}
	}
	if s, i, ok := get(dimContents); ok && !isPersons(s) {
		return invalidf("%s: %q is not a count of persons; this importer reads population (Personer)", place(i), s)
	}
	rowYear := 0
	if s, i, ok := get(dimYear); ok {
		if rowYear, err = parseYear(s); err != nil {
			return at(place(i), err)
		}
	}
	for i := range t.cols {
		c := &t.cols[i]
		if c.dim != dimExtra || c.value {
			continue
		}
		v := strings.TrimSpace(rec[i])
		if c.extraLine == 0 {
			c.extra, c.extraLine = v, line
		} else if v != c.extra {
			return invalidf("%s: %q, but line %d has %q; a column this importer does not know may have only one value (select one category in the statbank)",
				place(i), v, c.extraLine, c.extra)
		}
	}

	for _, i := range t.values {
		col := &t.cols[i]
		v, marker, err := parseValue(rec[i])
		if err != nil {
			return at(place(i), err)
		}
		c := &cell{num: num, year: rowYear, sex: rowSex, age: age, value: v, missing: generalist.IsMissingMarker(marker), marker: marker, pos: line, col: i}
		if col.year != 0 {
			c.year = col.year
		}
		if col.hasSex {
			c.sex = col.sex
		}
		if skip != "" {
			err = b.skip(code, label, skip)
		} else {
			err = b.add(c, label)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// parseSexCell reads "1 Menn", "1", "Menn" or "Begge kjønn".
func parseSexCell(s string) (sex, error) {
	if v, ok := sexWords[strings.ToLower(s)]; ok {
		return v, nil
	}
	code, label, _ := strings.Cut(s, " ")
	return parseSex(code, label)
}
