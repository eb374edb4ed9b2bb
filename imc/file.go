package imc

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

// MaxFile bounds the size of a file of cooperations.
const MaxFile = 32 << 20

// checkFile checks what every file from a user must be, at most MaxFile
// bytes of UTF-8, and returns it without a byte order mark.
func checkFile(b []byte, name string) ([]byte, error) {
	if len(b) > MaxFile {
		return nil, fileProblem(name, "larger than %d MB", MaxFile>>20)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		return nil, fileProblem(name, "not valid UTF-8 (save the file as UTF-8; in Excel: «CSV UTF-8»)")
	}
	return b, nil
}

// ParseJSON reads cooperations from JSON: one cooperation object, a list
// of them, or {"cooperations": [...]} as ExportJSON writes. Decoding is
// strict: an unknown field, a value of the wrong type, a malformed date,
// share, amount or organisation number, or anything after the value is an
// EINVALID error that names the file, the line and the cooperation (a
// *FileError with every such problem). ids, versions and participant
// names in the file are kept as they are; the store assigns its own.
func ParseJSON(b []byte, name string) ([]generalist.IMC, error) {
	f, err := parseJSON(b, name)
	if err != nil {
		return nil, err
	}
	return f.Cooperations, nil
}

func parseJSON(b []byte, name string) (*File, error) {
	b, err := checkFile(b, name)
	if err != nil {
		return nil, err
	}
	trimmed := bytes.TrimSpace(b)
	if len(trimmed) == 0 {
		return nil, fileProblem(name, "the file is empty")
	}
	at := func(off int64) Problem {
		line, char := generalist.LineColumn(b, off)
		return Problem{Line: line, Char: char}
	}
	one := func(p Problem, format string, args ...any) error {
		p.Message = fmt.Sprintf(format, args...)
		return &FileError{File: name, Problems: []Problem{p}}
	}
	if !json.Valid(trimmed) {
		var v any
		err := json.Unmarshal(b, &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, one(at(se.Offset-1), "%s", se.Error())
		}
		return nil, fileProblem(name, "not valid JSON (unexpected end of the file?)")
	}
	var dup *generalist.DuplicateKeyError
	if errors.As(generalist.DuplicateKey(b), &dup) {
		return nil, one(at(dup.Offset), "%s: the field %q is given twice in one object; give it once (the second would silently replace the first)", dup.Path, dup.Key)
	}
	type element struct {
		raw json.RawMessage
		off int64
	}
	var elems []element
	dec := json.NewDecoder(bytes.NewReader(b))
	switch trimmed[0] {
	case '[':
		list, err := rawList(b, 0)
		if err != nil {
			return nil, fileProblem(name, "%v", err)
		}
		for _, e := range list {
			elems = append(elems, element{e.raw, e.off})
		}
	case '{':
		var top map[string]json.RawMessage
		if err := dec.Decode(&top); err != nil {
			return nil, fileProblem(name, "%v", err)
		}
		if list, ok := top["cooperations"]; ok && len(top) == 1 {
			off := int64(bytes.Index(b, list))
			if len(bytes.TrimSpace(list)) == 0 || bytes.TrimSpace(list)[0] != '[' {
				return nil, one(at(off), "\"cooperations\" must be a list")
			}
			l, err := rawList(b, off)
			if err != nil {
				return nil, fileProblem(name, "%v", err)
			}
			for _, e := range l {
				elems = append(elems, element{e.raw, e.off})
			}
		} else {
			elems = append(elems, element{json.RawMessage(trimmed), int64(bytes.Index(b, trimmed))})
		}
	default:
		return nil, fileProblem(name, "expected a cooperation object or a list of them")
	}
	if len(elems) == 0 {
		return nil, fileProblem(name, "no cooperations in the file")
	}
	f := &File{Name: name, Format: "json"}
	ps := &problems{file: name}
	for i, e := range elems {
		if ps.full() {
			break
		}
		where := at(e.off)
		where.Index = i + 1
		var peek struct {
			Name any `json:"name"`
		}
		if json.Unmarshal(e.raw, &peek) == nil {
			if s, ok := peek.Name.(string); ok && s != "" {
				where.Cooperation = s
			}
		}
		bad := func(format string, args ...any) {
			p := where
			p.Message = fmt.Sprintf(format, args...)
			ps.add(p)
		}
		if t := bytes.TrimSpace(e.raw); len(t) == 0 || t[0] != '{' {
			bad("must be an object")
			continue
		}
		var c generalist.IMC
		d := json.NewDecoder(bytes.NewReader(e.raw))
		d.DisallowUnknownFields()
		if err := d.Decode(&c); err != nil {
			var te *json.UnmarshalTypeError
			switch {
			case errors.As(err, &te):
				bad("%s must be %s, not %s (the value ends at %s)", fieldOf(te), jsonKind(te.Type.Kind().String()), te.Value, position(b, e.off+te.Offset))
			case generalist.ErrorCode(err) == generalist.EINVALID:
				bad("%s", generalist.ErrorMessage(err))
			default:
				bad("%s", strings.TrimPrefix(err.Error(), "json: "))
			}
			continue
		}
		f.Cooperations = append(f.Cooperations, c)
		f.Lines = append(f.Lines, where.Line)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return f, nil
}

type rawElem struct {
	raw json.RawMessage
	off int64
}

// rawList splits the JSON list starting at offset off of b into its
// elements with their offsets.
func rawList(b []byte, off int64) ([]rawElem, error) {
	dec := json.NewDecoder(bytes.NewReader(b[off:]))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, fmt.Errorf("expected a list")
	}
	var out []rawElem
	for dec.More() {
		start := off + dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		// InputOffset is before the separator and white space.
		for start < int64(len(b)) && strings.IndexByte(" \t\r\n,", b[start]) >= 0 {
			start++
		}
		out = append(out, rawElem{raw, start})
	}
	return out, nil
}

func fieldOf(te *json.UnmarshalTypeError) string {
	if te.Field == "" {
		return "the value"
	}
	return te.Field
}

func jsonKind(k string) string {
	switch {
	case strings.HasPrefix(k, "int"), strings.HasPrefix(k, "uint"):
		return "a whole number"
	case strings.HasPrefix(k, "float"):
		return "a number"
	case k == "string":
		return "a string"
	case k == "bool":
		return "true or false"
	case k == "slice", k == "array":
		return "a list"
	case k == "struct", k == "map", k == "ptr":
		return "an object"
	}
	return k
}

// position is "line L, column C" of byte offset off in b.
func position(b []byte, off int64) string {
	line, char := generalist.LineColumn(b, off)
	return fmt.Sprintf("line %d, column %d", line, char)
}

// ExportJSON writes cooperations as {"cooperations": [...]}, which
// ParseJSON reads back.
func ExportJSON(w io.Writer, cs []generalist.IMC) error {
	if cs == nil {
		cs = []generalist.IMC{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"cooperations": cs})
}

// csvColumns are the columns of the CSV register, one row per
// participant; the cooperation's fields repeat on each of its rows.
var csvColumns = []string{
	"id", "navn", "form", "organisasjonsnummer", "rettssubjekt", "vert", "start", "slutt", "statsforvalter_orientert",
	"oppgaver", "kostnadsnokkel", "budsjett", "budsjettaar", "eksempel", "merknad", "kilde",
	"deltaker", "deltakernavn", "eierandel", "ansvarsandel", "kostnadsandel", "medlemmer", "vedtatt", "vedtak",
}

// ExportCSV writes the register as CSV with a semicolon separator (as
// Norwegian spreadsheets expect), one row per participant. It carries who,
// what, shares and dates; the agreement's clauses, documents and process
// are in the JSON export only. A cell a spreadsheet would read as a
// formula (a name "=HYPERLINK(…)") gets a leading apostrophe
// (generalist.CSVCell), which ParseCSV drops again.
func ExportCSV(w io.Writer, cs []generalist.IMC) error {
	cw := generalist.NewCSVWriter(w)
	cw.Comma = ';'
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for _, c := range cs {
		var tasks []string
		for _, t := range c.Tasks {
			s := t.Task
			if s == "" {
				s = t.Text
			}
			if t.Authority != "" {
				s += ":" + string(t.Authority)
			}
			tasks = append(tasks, s)
		}
		entity := ""
		if c.LegalEntity != nil {
			entity = map[bool]string{true: "ja", false: "nei"}[*c.LegalEntity]
		}
		budget, year := "", ""
		if c.Budget > 0 {
			budget, year = strings.ReplaceAll(c.Budget.Text(), " ", ""), strconv.Itoa(c.BudgetYear)
		}
		key := ""
		if len(c.Agreement.CostKey) > 0 {
			key = c.Agreement.CostKey.String()
		}
		id := ""
		if c.ID != 0 {
			id = strconv.FormatInt(c.ID, 10)
		}
		for _, p := range c.Participants {
			share := func(s *generalist.Share) string {
				if s == nil {
					return ""
				}
				return strings.TrimSuffix(s.String(), " %")
			}
			seats := ""
			if p.Seats > 0 {
				seats = strconv.Itoa(p.Seats)
			}
			rec := []string{id, c.Name, c.Form.Alias(), string(c.OrgNumber), entity, c.Host, string(c.Start), string(c.End), string(c.GovernorNotified),
				strings.Join(tasks, "|"), key, budget, year, map[bool]string{true: "ja"}[c.Example], c.Notes, c.Source,
				p.Number, p.Name, share(p.Ownership), share(p.Liability), share(p.CostShare), seats, string(p.Adopted), p.Decision}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// ParseCSV reads the register written by ExportCSV, or a file an analyst
// filled in from the template (data/samarbeid_mal.csv, documented in
// docs/samarbeid-import.md): a header naming the columns (in any order;
// navn, form, start and deltaker are required), separated by ";", "," or
// tabs, in UTF-8. A line that begins with "#" is a comment. Rows with the
// same navn make one cooperation: its fields come from its first row, a
// later row may fill in a field the first left empty, and a later row that
// gives a different value is an error. The apostrophe ExportCSV puts
// before a cell that starts like a formula is dropped
// (generalist.ParseCSVCell). Every error is EINVALID and names the file,
// the line and the field; a *FileError lists every bad row, up to 100.
func ParseCSV(b []byte, name string) ([]generalist.IMC, error) {
	f, err := parseCSV(b, name)
	if err != nil {
		return nil, err
	}
	return f.Cooperations, nil
}

func parseCSV(b []byte, name string) (*File, error) {
	b, err := checkFile(b, name)
	if err != nil {
		return nil, err
	}
	first := b
	// The separator is judged on the header: the first line that is not a
	// comment.
	for len(first) > 0 && first[0] == '#' {
		_, first, _ = bytes.Cut(first, []byte("\n"))
	}
	first, _, _ = bytes.Cut(first, []byte("\n"))
	sep := ';'
	if bytes.Count(first, []byte(",")) > bytes.Count(first, []byte(";")) {
		sep = ','
	}
	if bytes.Count(first, []byte("\t")) > max(bytes.Count(first, []byte(";")), bytes.Count(first, []byte(","))) {
		sep = '\t'
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = sep
	r.Comment = '#'
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		return nil, fileProblem(name, "the file is empty")
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	headerLine, _ := r.FieldPos(0)
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if !knownColumn(h) {
			return nil, &FileError{File: name, Problems: []Problem{{Line: headerLine, Field: i + 1, Column: h,
				Message: fmt.Sprintf("unknown column %q (the columns are %s)", h, strings.Join(csvColumns, ", "))}}}
		}
		if _, dup := col[h]; dup {
			return nil, &FileError{File: name, Problems: []Problem{{Line: headerLine, Field: i + 1, Column: h, Message: fmt.Sprintf("column %q appears twice", h)}}}
		}
		col[h] = i
	}
	for _, req := range []string{"navn", "form", "start", "deltaker"} {
		if _, ok := col[req]; !ok {
			return nil, &FileError{File: name, Problems: []Problem{{Line: headerLine, Message: fmt.Sprintf("the column %q is required", req)}}}
		}
	}
	f := &File{Name: name, Format: "csv"}
	ps := &problems{file: name}
	index := map[string]int{}
	failed := map[string]bool{}
	for !ps.full() {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				ps.add(Problem{Line: pe.Line, Field: pe.Column, Message: pe.Err.Error()})
				if !errors.Is(pe.Err, csv.ErrFieldCount) {
					// After a stray quote the reader has lost the rows.
					break
				}
				continue
			}
			return nil, csvError(name, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if blank(rec) {
			continue // a spreadsheet's empty row: only separators
		}
		nm := ""
		if i, ok := col["navn"]; ok && i < len(rec) {
			nm = generalist.ParseCSVCell(strings.TrimSpace(rec[i]))
		}
		if len(rec) != len(header) {
			ps.add(Problem{Line: line, Cooperation: nm, Message: fmt.Sprintf("%d fields, but the header has %d", len(rec), len(header))})
			continue
		}
		get := func(c string) string {
			if i, ok := col[c]; ok {
				// ExportCSV defused formulas with an apostrophe.
				return generalist.ParseCSVCell(strings.TrimSpace(rec[i]))
			}
			return ""
		}
		bad := func(c, format string, args ...any) error {
			p := Problem{Line: line, Cooperation: nm, Column: c, Message: fmt.Sprintf(format, args...)}
			if i, ok := col[c]; ok {
				p.Field = i + 1
			}
			return &rowError{p}
		}
		if nm == "" {
			ps.add(Problem{Line: line, Field: col["navn"] + 1, Column: "navn", Message: "the name is empty"})
			continue
		}
		row, err := csvCooperation(get, bad)
		if err == nil {
			var p generalist.IMCParticipant
			p, err = csvParticipant(get, bad)
			row.Participants = []generalist.IMCParticipant{p}
		}
		key := strings.ToLower(nm)
		if err != nil {
			ps.add(err.(*rowError).p)
			failed[key] = true
			continue
		}
		if failed[key] {
			// An earlier row of the cooperation is wrong: this one is
			// checked for its own cells only.
			continue
		}
		i, seen := index[key]
		if !seen {
			index[key] = len(f.Cooperations)
			f.Cooperations = append(f.Cooperations, *row)
			f.Lines = append(f.Lines, line)
			continue
		}
		c := &f.Cooperations[i]
		if diff := csvConflict(c, row); diff != "" {
			ps.add(bad(diff, "%s differs from line %d for the same cooperation %q", diff, f.Lines[i], nm).(*rowError).p)
			continue
		}
		csvMerge(c, row)
		c.Participants = append(c.Participants, row.Participants...)
	}
	for i := range f.Cooperations {
		if c := &f.Cooperations[i]; c.Form == "" {
			ps.add(Problem{Line: f.Lines[i], Field: col["form"] + 1, Column: "form", Cooperation: c.Name, Message: "the form is required (ipr, ko, vertskommune, vertskommune-nemnd, iks, as, sa, forening or annet)"})
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	if len(f.Cooperations) == 0 {
		return nil, fileProblem(name, "no rows after the header (lines beginning with # are comments and are not read)")
	}
	return f, nil
}

// rowError carries one row's problem out of the column readers.
type rowError struct{ p Problem }

func (e *rowError) Error() string { return e.p.Where() + ": " + e.p.Message }

// blank reports whether every cell of a record is empty.
func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func knownColumn(h string) bool {
	for _, c := range csvColumns {
		if c == h {
			return true
		}
	}
	return false
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FileError{File: name, Problems: []Problem{{Line: pe.Line, Field: pe.Column, Message: pe.Err.Error()}}}
	}
	return fileProblem(name, "%v", err)
}

// csvCooperation reads the cooperation's own fields of one row.
func csvCooperation(get func(string) string, bad func(c, format string, args ...any) error) (*generalist.IMC, error) {
	c := &generalist.IMC{Name: get("navn"), Host: get("vert"), Notes: get("merknad"), Source: get("kilde")}
	badErr := func(column string, err error) error { return bad(column, "%s", generalist.ErrorMessage(err)) }
	var err error
	if id := get("id"); id != "" {
		if c.ID, err = strconv.ParseInt(id, 10, 64); err != nil || c.ID <= 0 {
			return nil, bad("id", "%q is not an id", id)
		}
	}
	if v := get("form"); v != "" {
		// A later row of the cooperation may leave it empty.
		if c.Form, err = generalist.ParseIMCForm(v); err != nil {
			return nil, badErr("form", err)
		}
	}
	if s := get("organisasjonsnummer"); s != "" {
		if c.OrgNumber, err = generalist.ParseOrgNumber(s); err != nil {
			return nil, badErr("organisasjonsnummer", err)
		}
	}
	switch s := strings.ToLower(get("rettssubjekt")); s {
	case "":
	case "ja", "yes", "true":
		v := true
		c.LegalEntity = &v
	case "nei", "no", "false":
		v := false
		c.LegalEntity = &v
	default:
		return nil, bad("rettssubjekt", "%q must be ja, nei or empty", s)
	}
	for _, d := range []struct {
		column string
		dst    *generalist.CalendarDate
	}{{"start", &c.Start}, {"slutt", &c.End}, {"statsforvalter_orientert", &c.GovernorNotified}} {
		if s := get(d.column); s != "" {
			if *d.dst, err = generalist.ParseCalendarDate(s); err != nil {
				return nil, badErr(d.column, err)
			}
		}
	}
	if s := get("oppgaver"); s != "" {
		for _, t := range strings.Split(s, "|") {
			t = strings.TrimSpace(t)
			if t == "" {
				continue
			}
			task := generalist.IMCTask{}
			if i := strings.LastIndex(t, ":"); i >= 0 && generalist.Delegation(t[i+1:]).Valid() && t[i+1:] != "" {
				task.Authority = generalist.Delegation(t[i+1:])
				t = t[:i]
			}
			if isTaskID(t) {
				task.Task = t
			} else {
				task.Text = t
			}
			c.Tasks = append(c.Tasks, task)
		}
	}
	if s := get("kostnadsnokkel"); s != "" {
		if c.Agreement.CostKey, err = generalist.ParseCostKey(s); err != nil {
			return nil, badErr("kostnadsnokkel", err)
		}
	}
	if s := get("budsjett"); s != "" {
		if c.Budget, err = generalist.ParseOre(s); err != nil {
			return nil, badErr("budsjett", err)
		}
	}
	if s := get("budsjettaar"); s != "" {
		if c.BudgetYear, err = strconv.Atoi(s); err != nil {
			return nil, bad("budsjettaar", "%q is not a year", s)
		}
	}
	switch s := strings.ToLower(get("eksempel")); s {
	case "", "nei", "no", "false":
	case "ja", "yes", "true":
		c.Example = true
	default:
		return nil, bad("eksempel", "%q must be ja, nei or empty", s)
	}
	return c, nil
}

// isTaskID reports whether s looks like a catalogue id (barnevern,
// brann_beredskap) rather than free text.
func isTaskID(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

func csvParticipant(get func(string) string, bad func(c, format string, args ...any) error) (generalist.IMCParticipant, error) {
	p := generalist.IMCParticipant{Number: get("deltaker"), Name: get("deltakernavn"), Decision: get("vedtak")}
	if p.Number == "" {
		return p, bad("deltaker", "the participant's number is empty")
	}
	for _, s := range []struct {
		column string
		dst    **generalist.Share
	}{{"eierandel", &p.Ownership}, {"ansvarsandel", &p.Liability}, {"kostnadsandel", &p.CostShare}} {
		if v := get(s.column); v != "" {
			sh, err := generalist.ParseShare(v)
			if err != nil {
				return p, bad(s.column, "%s", generalist.ErrorMessage(err))
			}
			*s.dst = &sh
		}
	}
	if v := get("medlemmer"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 100 {
			return p, bad("medlemmer", "%q must be a whole number from 0 to 100", v)
		}
		p.Seats = n
	}
	if v := get("vedtatt"); v != "" {
		d, err := generalist.ParseCalendarDate(v)
		if err != nil {
			return p, bad("vedtatt", "%s", generalist.ErrorMessage(err))
		}
		p.Adopted = d
	}
	return p, nil
}

// csvMerge fills the fields a cooperation's first row left empty from a
// later row.
func csvMerge(c, row *generalist.IMC) {
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill((*string)(&c.Form), string(row.Form))
	fill(&c.Host, row.Host)
	fill(&c.Notes, row.Notes)
	fill(&c.Source, row.Source)
	fill((*string)(&c.OrgNumber), string(row.OrgNumber))
	fill((*string)(&c.Start), string(row.Start))
	fill((*string)(&c.End), string(row.End))
	fill((*string)(&c.GovernorNotified), string(row.GovernorNotified))
	if c.ID == 0 {
		c.ID = row.ID
	}
	if c.LegalEntity == nil {
		c.LegalEntity = row.LegalEntity
	}
	if len(c.Tasks) == 0 {
		c.Tasks = row.Tasks
	}
	if len(c.Agreement.CostKey) == 0 {
		c.Agreement.CostKey = row.Agreement.CostKey
	}
	if c.Budget == 0 {
		c.Budget = row.Budget
	}
	if c.BudgetYear == 0 {
		c.BudgetYear = row.BudgetYear
	}
	c.Example = c.Example || row.Example
}

// csvConflict names the first column where a later row of a cooperation
// gives a value different from its first row ("" if none). An empty value
// never conflicts.
func csvConflict(c, row *generalist.IMC) string {
	bothSet := func(a, b string) bool { return a != "" && b != "" && a != b }
	switch {
	case row.ID != 0 && c.ID != 0 && row.ID != c.ID:
		return "id"
	case row.Form != "" && c.Form != "" && row.Form != c.Form:
		return "form"
	case bothSet(string(row.OrgNumber), string(c.OrgNumber)):
		return "organisasjonsnummer"
	case row.LegalEntity != nil && c.LegalEntity != nil && *row.LegalEntity != *c.LegalEntity:
		return "rettssubjekt"
	case bothSet(row.Host, c.Host):
		return "vert"
	case bothSet(string(row.Start), string(c.Start)):
		return "start"
	case bothSet(string(row.End), string(c.End)):
		return "slutt"
	case bothSet(string(row.GovernorNotified), string(c.GovernorNotified)):
		return "statsforvalter_orientert"
	case len(row.Tasks) > 0 && len(c.Tasks) > 0 && fmt.Sprint(row.Tasks) != fmt.Sprint(c.Tasks):
		return "oppgaver"
	case len(row.Agreement.CostKey) > 0 && len(c.Agreement.CostKey) > 0 && row.Agreement.CostKey.String() != c.Agreement.CostKey.String():
		return "kostnadsnokkel"
	case row.Budget != 0 && c.Budget != 0 && row.Budget != c.Budget:
		return "budsjett"
	case row.BudgetYear != 0 && c.BudgetYear != 0 && row.BudgetYear != c.BudgetYear:
		return "budsjettaar"
	case bothSet(row.Notes, c.Notes):
		return "merknad"
	case bothSet(row.Source, c.Source):
		return "kilde"
	}
	return ""
}
