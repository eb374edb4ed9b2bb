package planfile

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"generalist"
)

// Column names read, each with the English names accepted beside it.
var columnNames = map[string][]string{
	ColNumber:    {ColNumber, "number", "knr", "municipality"},
	ColGroup:     {ColGroup, "group"},
	ColGroupName: {ColGroupName, "group_name"},
	ColCentre:    {ColCentre, "centre", "center"},
}

// MaxAssignments bounds the rows or features of a plan file: a structure
// has some hundreds of municipalities.
const MaxAssignments = 5000

// ReadCSV reads a plan from CSV: a header naming at least kommunenummer
// and gruppe (optionally gruppenavn and senter; other columns, such as
// those WriteCSV adds, are ignored), then a row per municipality. Commas,
// semicolons or tabs separate the cells (the header decides); a UTF-8
// byte order mark, lines starting with # and empty lines are skipped;
// a file that is not UTF-8 is read as Windows-1252, as Excel saves it.
// Cells are read with generalist.ParseCSVCell. Every problem has its
// line and column.
func ReadCSV(b []byte, file string) ([]Assignment, Problems) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !utf8.Valid(b) {
		b = fromWindows1252(b)
	}
	whole := func(format string, args ...any) Problems {
		return Problems{{Place{File: file}, fmt.Sprintf(format, args...)}}
	}
	// The header is the first line that is neither empty nor a comment;
	// its separator is the one it has most of.
	lines := bytes.Split(b, []byte("\n"))
	comma := ','
	for _, l := range lines {
		t := bytes.TrimSpace(l)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		best := 0
		for _, c := range []rune{',', ';', '\t'} {
			if n := bytes.Count(t, []byte(string(c))); n > best {
				best, comma = n, c
			}
		}
		break
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = comma
	r.Comment = '#'
	r.FieldsPerRecord = -1
	var (
		as   []Assignment
		ps   Problems
		col  map[string]int
		head []string
	)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, append(ps, Problem{Place{File: file, Line: pe.Line}, pe.Err.Error()})
			}
			return nil, whole("%v", err)
		}
		line, _ := r.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimSpace(generalist.ParseCSVCell(strings.TrimSpace(rec[i])))
		}
		if col == nil {
			head = rec
			col = map[string]int{}
			for i, h := range rec {
				for want, names := range columnNames {
					for _, n := range names {
						if strings.EqualFold(h, n) {
							if _, dup := col[want]; !dup {
								col[want] = i
							}
						}
					}
				}
			}
			for _, need := range []string{ColNumber, ColGroup} {
				if _, ok := col[need]; !ok {
					ps = append(ps, Problem{Place{File: file, Line: line}, fmt.Sprintf("the header has no column %s (the columns are %s)", need, strings.Join(rec, ", "))})
				}
			}
			if len(ps) > 0 {
				return nil, ps
			}
			continue
		}
		if len(as) >= MaxAssignments {
			return nil, append(ps, Problem{Place{File: file, Line: line}, fmt.Sprintf("more than %d rows", MaxAssignments)})
		}
		cell := func(c string) (string, Place) {
			at := Place{File: file, Line: line, Column: c}
			if i, ok := col[c]; ok && i < len(rec) {
				at.Column = head[i]
				return rec[i], at
			}
			return "", at
		}
		if strings.Join(rec, "") == "" {
			continue // an empty row, as spreadsheets leave at the end
		}
		a := Assignment{At: Place{File: file, Line: line}}
		var num string
		num, a.NumberAt = cell(ColNumber)
		a.Group, a.GroupAt = cell(ColGroup)
		a.GroupName, a.NameAt = cell(ColGroupName)
		a.Centre, a.CentreAt = cell(ColCentre)
		n, err := parseNumber(num)
		if err != nil {
			ps = append(ps, Problem{a.NumberAt, generalist.ErrorMessage(err)})
			continue
		}
		a.Number = n
		as = append(as, a)
	}
	if col == nil {
		return nil, whole("the file is empty: give a header (kommunenummer, gruppe) and a row per municipality")
	}
	return as, ps
}

// fromWindows1252 decodes Windows-1252 (Latin-1 with typographic marks in
// 0x80–0x9F) to UTF-8.
func fromWindows1252(b []byte) []byte {
	const high = "€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ"
	hi := []rune(high)
	var out bytes.Buffer
	for _, c := range b {
		switch {
		case c < 0x80:
			out.WriteByte(c)
		case c < 0xA0:
			out.WriteRune(hi[c-0x80])
		default:
			out.WriteRune(rune(c))
		}
	}
	return out.Bytes()
}

// ReadGeoJSON reads a plan from a GeoJSON FeatureCollection; geometries
// are not read. Either each feature is a municipality whose properties
// give its number (kommunenummer) and group (gruppe), optionally
// gruppenavn and senter, as in ReadCSV; or each feature is a unit as
// WriteGeoJSON writes it, whose members array lists its municipalities,
// with name and centre. A number may be a string or a JSON number.
func ReadGeoJSON(b []byte, file string) ([]Assignment, Problems) {
	whole := func(format string, args ...any) Problems {
		return Problems{{Place{File: file}, fmt.Sprintf(format, args...)}}
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + bytes.Count(b[:min(max(int(se.Offset), 0), len(b))], []byte("\n"))
			return nil, whole("not valid JSON at line %d: %v", line, se)
		}
		return nil, whole("not a GeoJSON FeatureCollection: %v", err)
	}
	if p, ok := duplicateProblem(b, file); ok {
		return nil, Problems{p}
	}
	if fc.Type != "FeatureCollection" {
		return nil, whole("the file is a GeoJSON %q, not a FeatureCollection", fc.Type)
	}
	if len(fc.Features) > MaxAssignments {
		return nil, whole("more than %d features", MaxAssignments)
	}
	var as []Assignment
	var ps Problems
	for i, f := range fc.Features {
		at := Place{File: file, Feature: i + 1}
		prop := func(c string) (string, Place, error) {
			for _, n := range columnNames[c] {
				if raw, ok := f.Properties[n]; ok {
					p := at
					p.Column = n
					s, err := scalar(raw)
					return s, p, err
				}
			}
			p := at
			p.Column = c
			return "", p, nil
		}
		if raw, ok := f.Properties["members"]; ok {
			var members []json.RawMessage
			p := at
			p.Column = "members"
			if err := json.Unmarshal(raw, &members); err != nil {
				ps = append(ps, Problem{p, "members must be a list of municipality numbers"})
				continue
			}
			group := fmt.Sprintf("feature %d", i+1)
			name, nameAt, _ := propAny(f.Properties, at, "name")
			centre, centreAt, _ := propAny(f.Properties, at, "centre")
			for _, m := range members {
				s, err := scalar(m)
				if err != nil {
					ps = append(ps, Problem{p, err.Error()})
					continue
				}
				n, err := parseNumber(s)
				if err != nil {
					ps = append(ps, Problem{p, generalist.ErrorMessage(err)})
					continue
				}
				as = append(as, Assignment{Number: n, Group: group, GroupName: name, Centre: centre, At: at, NumberAt: p, GroupAt: p, NameAt: nameAt, CentreAt: centreAt})
			}
			continue
		}
		a := Assignment{At: at}
		var num string
		var errs [4]error
		num, a.NumberAt, errs[0] = prop(ColNumber)
		a.Group, a.GroupAt, errs[1] = prop(ColGroup)
		a.GroupName, a.NameAt, errs[2] = prop(ColGroupName)
		a.Centre, a.CentreAt, errs[3] = prop(ColCentre)
		bad := false
		for k, err := range errs {
			if err != nil {
				p := []Place{a.NumberAt, a.GroupAt, a.NameAt, a.CentreAt}[k]
				ps = append(ps, Problem{p, err.Error()})
				bad = true
			}
		}
		if bad {
			continue
		}
		if num == "" {
			ps = append(ps, Problem{a.NumberAt, "the feature has no municipality number (property kommunenummer)"})
			continue
		}
		n, err := parseNumber(num)
		if err != nil {
			ps = append(ps, Problem{a.NumberAt, generalist.ErrorMessage(err)})
			continue
		}
		a.Number = n
		as = append(as, a)
	}
	return as, ps
}

func propAny(props map[string]json.RawMessage, at Place, name string) (string, Place, error) {
	at.Column = name
	raw, ok := props[name]
	if !ok {
		return "", at, nil
	}
	s, err := scalar(raw)
	return s, at, err
}

// scalar reads a property as text: a string, an integer or null.
func scalar(raw json.RawMessage) (string, error) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", err
	}
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return strings.TrimSpace(x), nil
	case float64:
		if x != float64(int64(x)) || x < 0 || x > 1e12 {
			return "", fmt.Errorf("%v is not a whole number", x)
		}
		return strconv.FormatInt(int64(x), 10), nil
	}
	return "", fmt.Errorf("must be text or a number, not %s", strings.TrimSpace(string(raw)))
}
