package ssb

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"generalist"
)

// ParseIndicatorCSV reads the values of one user-supplied indicator from
// the generic per-municipality CSV format:
//
//	kommunenummer;aar;verdi
//	0301;2024;12,5
//	1151;2024;..
//
// The header is the first non-blank line and names the columns, in any
// order: kommunenummer, aar (or år), verdi, and optionally kommunenavn,
// which is ignored. Names may be quoted and are matched without regard to
// case. The separator is ";" if the header has one, else a tab if it has
// one, else ",". Every data line has a four-digit kommunenummer ("0301",
// not "301"), a year and a value; blank lines are skipped.
//
// A value is a number with a decimal comma or point ("12,5", "12.5",
// "-0,25", "1 234,5" with spaces between groups of three digits, "1.5e-3").
// An empty value and SSB's symbols "." (not applicable), ".." (not
// available), "..." (not yet available) and ":" (confidential) mean no
// value: Known is false and Note "mangler", and the metadata counts them
// by sign (IndicatorMeta.Missing). "-" is SSB's sign for exactly zero
// (decision 0011).
//
// The file may be UTF-8 or ISO-8859-1 as opt.Encoding says (see
// CSVOptions). The values are returned sorted by municipality and year,
// with Indicator empty. Bad input gives a *generalist.Error with code
// EINVALID whose message names the line and column, such as
// `line 4, column "verdi": value "12x" is not a number`; a municipality and
// year given twice is an error naming both lines. The metadata has only
// Missing, Zeros and Places: the generic format says nothing else.
//
// kommunenummer is read by the region rule (generalist.ClassifyRegion):
// the national total, counties, Svalbard and the other codes that are not
// municipalities are skipped and listed in the metadata.
func ParseIndicatorCSV(r io.Reader, opt CSVOptions) ([]generalist.IndicatorValue, *IndicatorMeta, error) {
	var meta *IndicatorMeta
	values, err := parseFile(r, "indicator csv", decoded(opt, func(text string) (values []generalist.IndicatorValue, err error) {
		values, meta, err = parseIndicatorCSV(text)
		return values, err
	}))
	if err != nil {
		return nil, nil, err
	}
	return values, meta, nil
}

// The columns of the generic indicator CSV.
const (
	indNumber = iota
	indYear
	indValue
	indName
	numIndColumns
)

var indColumnNames = [numIndColumns]string{"kommunenummer", "aar", "verdi", "kommunenavn"}

func indicatorColumn(name string) int {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "kommunenummer":
		return indNumber
	case "aar", "år":
		return indYear
	case "verdi":
		return indValue
	case "kommunenavn":
		return indName
	}
	return -1
}

// separator picks the CSV separator from the first non-blank line.
func separator(text string) rune {
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch {
		case strings.Contains(line, ";"):
			return ';'
		case strings.Contains(line, "\t"):
			return '\t'
		}
		break
	}
	return ','
}

func parseIndicatorCSV(text string) ([]generalist.IndicatorValue, *IndicatorMeta, error) {
	sep := separator(text)
	var (
		header     []string
		cols       [numIndColumns]int
		headerLine int
		out        []generalist.IndicatorValue
		meta       = newIndicatorMeta()
		skipped    = map[string]Skip{}
	)
	type key struct {
		num  generalist.MunicipalityNumber
		year int
	}
	seen := make(map[key]int)
	err := readCSV(text, sep, func(rec []string, line int) error {
		if header == nil {
			header, headerLine = slices.Clone(rec), line
			var err error
			cols, err = indicatorHeader(header, line)
			return err
		}
		if len(rec) != len(header) {
			hint := ""
			if sep == ',' && len(rec) > len(header) {
				hint = `; a decimal comma ("12,5") must be quoted in a comma-separated file, or use ";" as the separator`
			}
			return invalidf("line %d: %d columns, but the header on line %d has %d%s", line, len(rec), headerLine, len(header), hint)
		}
		place := func(c int) string { return fmt.Sprintf("line %d, column %q", line, strings.TrimSpace(header[cols[c]])) }

		numCell := strings.TrimSpace(rec[cols[indNumber]])
		if len(numCell) == 3 && strings.Trim(numCell, "0123456789") == "" {
			return invalidf("%s: kommunenummer %q: must be exactly 4 digits (write 0%s; a spreadsheet may have dropped the leading zero, so format the column as text)",
				place(indNumber), numCell, numCell)
		}
		num, skip, err := parseRegion(numCell)
		if err != nil {
			return at(place(indNumber), err)
		}
		year, err := parseYear(rec[cols[indYear]])
		if err != nil {
			return at(place(indYear), err)
		}
		v, marker, err := parseIndicatorNumber(rec[cols[indValue]])
		if err != nil {
			return at(place(indValue), err)
		}
		if skip != "" {
			label := ""
			if cols[indName] >= 0 {
				label = strings.TrimSpace(rec[cols[indName]])
			}
			addSkip(skipped, numCell, label, skip)
			return nil
		}
		known := !isMissing(marker)
		meta.count(num, marker, fmt.Sprintf("line %d", line))
		k := key{num, year}
		if prev, dup := seen[k]; dup {
			return invalidf("line %d: kommune %s, %d is also on line %d; give each municipality and year once", line, num, year, prev)
		}
		if len(seen) >= maxGroups {
			return invalidf("line %d: more than %d values; split the file", line, maxGroups)
		}
		seen[k] = line
		iv := generalist.IndicatorValue{Municipality: num, Year: year, Value: v, Known: known}
		if !known {
			iv.Note = generalist.NoteMissing
		}
		out = append(out, iv)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if header == nil {
		return nil, nil, invalidf(`no header: the file is empty; the first line must be the header "kommunenummer;aar;verdi"`)
	}
	if len(out) == 0 {
		if len(skipped) > 0 {
			return nil, nil, invalidf("no municipality in the file: every kommunenummer is a total, a county or another area that is not a municipality")
		}
		return nil, nil, invalidf("no data after the header on line %d", headerLine)
	}
	sortIndicatorValues(out)
	meta.Skipped = sortedSkips(skipped)
	return out, meta, nil
}

func newIndicatorMeta() *IndicatorMeta {
	return &IndicatorMeta{Missing: generalist.MissingCells{}, Places: map[generalist.MunicipalityNumber]string{}}
}

// count records a municipality's cell: where the municipality is first
// named, and whether the cell is missing or SSB's zero.
func (m *IndicatorMeta) count(num generalist.MunicipalityNumber, marker, where string) {
	if _, ok := m.Places[num]; !ok {
		m.Places[num] = where
	}
	switch {
	case isMissing(marker):
		m.Missing.Add(marker)
	case marker == "-":
		m.Zeros++
	}
}

// addSkip records a value of a region the region rule skips.
func addSkip(skipped map[string]Skip, code, label, reason string) {
	s, ok := skipped[code]
	if !ok {
		s = Skip{Region: code, Label: label, Reason: reason}
	}
	s.Cells++
	skipped[code] = s
}

func sortedSkips(skipped map[string]Skip) []Skip {
	out := make([]Skip, 0, len(skipped))
	for _, s := range skipped {
		out = append(out, s)
	}
	slices.SortFunc(out, func(x, y Skip) int { return strings.Compare(x.Region, y.Region) })
	return out
}

// indicatorHeader finds the columns of the header, which must have
// kommunenummer, aar and verdi, may have kommunenavn, and nothing else.
func indicatorHeader(rec []string, line int) ([numIndColumns]int, error) {
	var cols [numIndColumns]int
	for i := range cols {
		cols[i] = -1
	}
	for i, f := range rec {
		c := indicatorColumn(f)
		name := strings.TrimSpace(f)
		switch {
		case name == "":
			return cols, invalidf("line %d, column %d: the header cell is empty; the header must be kommunenummer, aar, verdi and optionally kommunenavn", line, i+1)
		case c < 0:
			return cols, invalidf("line %d, column %d (%q): unknown column; the header must be kommunenummer, aar, verdi and optionally kommunenavn", line, i+1, name)
		case cols[c] >= 0:
			return cols, invalidf("line %d: columns %d and %d are both %q", line, cols[c]+1, i+1, indColumnNames[c])
		}
		cols[c] = i
	}
	for c := range indName {
		if cols[c] < 0 {
			return cols, invalidf("line %d: no column %q; the header must be kommunenummer, aar, verdi and optionally kommunenavn (found %s)",
				line, indColumnNames[c], strings.Join(quoteAll(rec), ", "))
		}
	}
	return cols, nil
}

func quoteAll(rec []string) []string {
	out := make([]string, len(rec))
	for i, f := range rec {
		out[i] = strconv.Quote(strings.TrimSpace(f))
	}
	return out
}

func sortIndicatorValues(vs []generalist.IndicatorValue) {
	slices.SortFunc(vs, func(x, y generalist.IndicatorValue) int {
		return cmp.Or(cmp.Compare(x.Municipality, y.Municipality), cmp.Compare(x.Year, y.Year))
	})
}

// parseIndicatorNumber reads a value as people and spreadsheets write it in
// Norway: a decimal comma or point, spaces between thousands, an optional
// exponent, and the minus sign U+2212. marker is "" for a number,
// generalist.MarkerEmpty for an empty cell, one of SSB's symbols for no
// value (".", "..", "...", ":"), or "-", SSB's sign for exactly zero.
func parseIndicatorNumber(s string) (float64, string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return 0, generalist.MarkerEmpty, nil
	case generalist.IsMissingMarker(s), s == "-":
		return 0, s, nil
	}
	norm, ok := normalizeNumber(s)
	if !ok {
		switch {
		case strings.Contains(s, "%"):
			return 0, "", invalidf("value %q is not a number; write it without the per cent sign (the unit says what it is)", s)
		case strings.Contains(s, ",") && strings.Contains(s, "."):
			return 0, "", invalidf("value %q is not a number; use either a decimal comma or a decimal point, and no thousands separator but a space", s)
		}
		return 0, "", invalidf(`value %q is not a number; write for example 12,5 or 12.5, or leave the cell empty (or "..") where there is no value`, s)
	}
	f, err := strconv.ParseFloat(norm, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, "", invalidf("value %q is not a number", s)
	}
	if math.IsInf(f, 0) || math.IsNaN(f) || math.Abs(f) > generalist.MaxIndicatorValue {
		return 0, "", invalidf("value %q is too large: the limit is %g in magnitude", s, generalist.MaxIndicatorValue)
	}
	if f == 0 {
		f = 0 // no negative zero
	}
	return f, "", nil
}

// parseIndicatorCell reads the number of a JSON-stat cell as an indicator
// value: a JSON string as people write numbers, a JSON number as it is.
func parseIndicatorCell(s string, quoted bool) (float64, string, error) {
	if quoted {
		return parseIndicatorNumber(s)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, "", invalidf("value %s is not a number", s)
	}
	if math.IsInf(f, 0) || math.Abs(f) > generalist.MaxIndicatorValue {
		return 0, "", invalidf("value %s is too large: the limit is %g in magnitude", s, generalist.MaxIndicatorValue)
	}
	if f == 0 {
		f = 0
	}
	return f, "", nil
}

// normalizeNumber checks s against
//
//	[+-−]? digits ([.,] digits)? ([eE] [+-]? digits)?
//
// where the integer digits may be grouped by threes with a space, a
// no-break space or a narrow no-break space ("1 234 567"), and returns it
// in the form strconv.ParseFloat reads.
func normalizeNumber(s string) (string, bool) {
	var b strings.Builder
	rest := s
	switch {
	case strings.HasPrefix(rest, "−"):
		b.WriteByte('-')
		rest = rest[len("−"):]
	case strings.HasPrefix(rest, "-"), strings.HasPrefix(rest, "+"):
		b.WriteByte(rest[0])
		rest = rest[1:]
	}
	digits := func() string {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		d := rest[:i]
		rest = rest[i:]
		return d
	}
	// Integer part, perhaps in groups.
	first := digits()
	if first == "" {
		return "", false
	}
	b.WriteString(first)
	grouped := false
	for {
		var sp string
		for _, g := range []string{" ", "\u00a0", "\u202f"} {
			if strings.HasPrefix(rest, g) {
				sp = g
			}
		}
		if sp == "" {
			break
		}
		if !grouped && len(first) > 3 {
			return "", false
		}
		rest = rest[len(sp):]
		g := digits()
		if len(g) != 3 {
			return "", false
		}
		b.WriteString(g)
		grouped = true
	}
	if rest != "" && (rest[0] == ',' || rest[0] == '.') {
		rest = rest[1:]
		frac := digits()
		if frac == "" {
			return "", false
		}
		b.WriteByte('.')
		b.WriteString(frac)
	}
	if rest != "" && (rest[0] == 'e' || rest[0] == 'E') {
		rest = rest[1:]
		b.WriteByte('e')
		if rest != "" && (rest[0] == '+' || rest[0] == '-') {
			b.WriteByte(rest[0])
			rest = rest[1:]
		}
		exp := digits()
		if exp == "" || len(exp) > 4 {
			return "", false
		}
		b.WriteString(exp)
	}
	return b.String(), rest == ""
}
