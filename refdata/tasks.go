package refdata

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"generalist"
	"generalist/data"
)

// TasksFile is the name of the task catalogue in package data.
const TasksFile = "tasks.json"

// EmbeddedTasks parses the task catalogue embedded in the binary
// (data/tasks.json).
func EmbeddedTasks() (*generalist.Catalogue, error) {
	f, err := data.FS.Open(TasksFile)
	if err != nil {
		return nil, fmt.Errorf("refdata: %w", err)
	}
	defer f.Close()
	return ParseTasks(f, TasksFile)
}

// ParseTasks reads a task catalogue (a generalist.Catalogue as JSON) from r
// strictly, and names the file name in its errors. It rejects
//
//   - malformed JSON, a value of the wrong type, an unknown field, a key
//     given twice, a null where the field is not optional, a missing field
//     whose JSON tag has no omitempty, an unknown age group key, and
//     anything after the catalogue: the message gives the line and column
//     ("tasks.json line 12, column 5, task 7 (barnevern): …");
//   - a catalogue that Catalogue.Validate rejects: the message names the
//     task by position and id ("tasks.json, task 7 (barnevern): …");
//   - a norm without its norm_source, or a norm_source without a norm.
//
// Every error is a *generalist.Error with code EINVALID, except a failure
// to read r.
func ParseTasks(r io.Reader, name string) (*generalist.Catalogue, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("refdata: read %s: %w", name, err)
	}
	if !utf8.Valid(b) {
		return nil, errorAt(b, name, int64(generalist.InvalidUTF8At(b)), "", "not valid UTF-8")
	}
	var c generalist.Catalogue
	var dup *generalist.DuplicateKeyError
	if err := generalist.DecodeStrictJSON(b, &c); err != nil {
		var extra *generalist.TrailingDataError
		switch {
		case errors.As(err, &extra):
			return nil, errorAt(b, name, extra.Offset, "", "unexpected data after the catalogue")
		case !errors.As(err, &dup): // a key given twice: the walk names its task and place
			return nil, decodeError(b, name, err)
		}
	}
	w := walk(b, name, reflect.TypeFor[generalist.Catalogue]())
	if len(w.problems) > 0 {
		return nil, w.error(w.problems[0])
	}
	if dup != nil {
		return nil, errorAt(b, name, dup.Offset, "", dup.Error())
	}
	if err := c.Validate(); err != nil {
		return nil, validationError(&c, name, err)
	}
	for i := range c.Tasks {
		t := &c.Tasks[i]
		if (t.Norm == "") != (t.NormSource == "") {
			return nil, generalist.Errorf(generalist.EINVALID,
				"%s, %s: norm and norm_source go together: a quoted norm needs its source, and a source needs the norm it supports", name, taskLabel(i, t.ID))
		}
	}
	return &c, nil
}

// decodeError turns an error of json.Decoder.Decode into a message with the
// line and column of the offending place in b.
func decodeError(b []byte, name string, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case err == io.EOF:
		return generalist.Errorf(generalist.EINVALID, "%s: the file is empty", name)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errorAt(b, name, int64(len(b)), "", "unexpected end of the file (a bracket or quote is not closed)")
	case errors.As(err, &se):
		// Offset counts the offending byte as read.
		return errorAt(b, name, max(se.Offset-1, 0), "", se.Error())
	case errors.As(err, &te):
		w := walk(b, name, reflect.TypeFor[generalist.Catalogue]())
		n, ok := w.nodeAt(te.Offset)
		if !ok {
			return errorAt(b, name, te.Offset, "", fmt.Sprintf("%s must be %s, not %s", te.Field, want(te.Type), got(te.Value)))
		}
		return w.errorAt(n.start, n.task, "%s must be %s, not %s", w.rel(n.path, n.task), want(te.Type), got(te.Value))
	}
	// An unknown field or a value an UnmarshalText rejects: the decoder
	// does not say where, so find the first such place.
	w := walk(b, name, reflect.TypeFor[generalist.Catalogue]())
	for _, p := range w.problems {
		if p.decoder {
			return w.error(p)
		}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	return generalist.Errorf(generalist.EINVALID, "%s: %s", name, msg)
}

// validationError wraps an error of Catalogue.Validate with the file name
// and the position and id of the task it is about.
func validationError(c *generalist.Catalogue, name string, err error) error {
	code := generalist.ErrorCode(err)
	if code == generalist.EINTERNAL {
		return err
	}
	if c.Version == "" {
		return generalist.Errorf(code, "%s: version is required", name)
	}
	seen := map[string]int{}
	for i := range c.Tasks {
		t := &c.Tasks[i]
		if err := t.Validate(); err != nil {
			msg := generalist.ErrorMessage(err)
			for _, prefix := range []string{"task " + t.ID + ": ", fmt.Sprintf("task %q: ", t.ID)} {
				msg = strings.TrimPrefix(msg, prefix)
			}
			if rest, ok := strings.CutPrefix(msg, "task "+t.ID+" "); ok {
				msg = "the task " + rest
			}
			return generalist.Errorf(generalist.ErrorCode(err), "%s, %s: %s", name, taskLabel(i, t.ID), msg)
		}
		if j, ok := seen[t.ID]; ok {
			return generalist.Errorf(generalist.EINVALID, "%s, %s: id %s is already used by task %d", name, taskLabel(i, t.ID), t.ID, j+1)
		}
		seen[t.ID] = i
	}
	return generalist.Errorf(code, "%s: %s", name, generalist.ErrorMessage(err))
}

// taskLabel names the i-th task (0-based) for a message: "task 7
// (barnevern)".
func taskLabel(i int, id string) string {
	if id == "" {
		return fmt.Sprintf("task %d", i+1)
	}
	return fmt.Sprintf("task %d (%s)", i+1, id)
}

// errorAt returns an EINVALID error at byte offset off of b: "tasks.json
// line 12, column 5[, task]: msg". Columns count characters, not bytes.
func errorAt(b []byte, name string, off int64, task, msg string) error {
	line, col := generalist.LineColumn(b, off)
	where := fmt.Sprintf("%s line %d, column %d", name, line, col)
	if task != "" {
		where += ", " + task
	}
	return generalist.Errorf(generalist.EINVALID, "%s: %s", where, msg)
}

// skipSpace returns the offset of the first byte at or after off that is
// not JSON white space or a separator (',' or ':'): the start of the next
// token.
func skipSpace(b []byte, off int64) int64 {
	for off < int64(len(b)) && strings.IndexByte(" \t\r\n,:", b[off]) >= 0 {
		off++
	}
	return off
}

// want describes what a Go type reads from JSON.
func want(t reflect.Type) string {
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object"
	}
	return t.String()
}

// got describes the JSON value of a json.UnmarshalTypeError.
func got(v string) string {
	switch v {
	case "string", "number":
		return "a " + v
	case "bool":
		return "true or false"
	case "array":
		return "a list"
	case "object":
		return "an object"
	}
	return v // e.g. "number 1.5"
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// A walker walks a syntactically valid JSON document with a token decoder
// alongside the Go type it decodes into, and records where every value
// starts and ends and what json.Decoder does not check or does not locate:
// unknown fields (with the exact spelling; the decoder ignores case), values
// an UnmarshalText rejects, keys given twice, nulls for fields that are not
// optional, and missing fields whose JSON tag has no omitempty.
type walker struct {
	b        []byte
	name     string
	dec      *json.Decoder
	nodes    []node         // every value, children before parents
	ids      map[int]string // tasks[i].id by i
	problems []problem      // sorted by offset
}

type node struct {
	start, end int64
	path       string // e.g. "tasks[6].staffing.min_team"
	task       int    // index in tasks, or -1
}

type problem struct {
	off     int64
	task    int
	msg     string
	decoder bool // json.Decoder reports it, without a position
}

// walk walks b, which must be valid JSON, against type t.
func walk(b []byte, name string, t reflect.Type) *walker {
	w := &walker{b: b, name: name, dec: json.NewDecoder(bytes.NewReader(b)), ids: map[int]string{}}
	w.value(t, "", -1)
	sort.SliceStable(w.problems, func(i, j int) bool { return w.problems[i].off < w.problems[j].off })
	return w
}

func (w *walker) value(t reflect.Type, path string, task int) {
	start := skipSpace(w.b, w.dec.InputOffset())
	tok, err := w.dec.Token()
	if err != nil {
		return // not valid JSON; the decoder reports it
	}
	optional := t == nil
	for t != nil && t.Kind() == reflect.Pointer {
		optional, t = true, t.Elem()
	}
	if t != nil {
		switch t.Kind() {
		case reflect.Slice, reflect.Map, reflect.Interface:
			optional = true
		}
	}
	switch tok := tok.(type) {
	case nil:
		if !optional {
			w.problem(start, task, false, "%s must not be null", w.rel(path, task))
		}
	case string:
		if t != nil && reflect.PointerTo(t).Implements(textUnmarshaler) {
			if err := reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(tok)); err != nil {
				w.problem(start, task, true, "%s: %s", w.rel(path, task), generalist.ErrorMessage(err))
			}
		}
		if _, ok := w.ids[task]; !ok && task >= 0 && path == fmt.Sprintf("tasks[%d].id", task) {
			w.ids[task] = tok
		}
	case json.Delim:
		switch tok {
		case '{':
			w.object(t, path, task, start)
		case '[':
			var elem reflect.Type
			if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
				elem = t.Elem()
			}
			for i := 0; w.dec.More(); i++ {
				child := task
				if path == "tasks" {
					child = i
				}
				w.value(elem, fmt.Sprintf("%s[%d]", path, i), child)
			}
			w.dec.Token() // ']'
		}
	}
	w.nodes = append(w.nodes, node{start: start, end: w.dec.InputOffset(), path: path, task: task})
}

// object walks the members of an object after its '{'.
func (w *walker) object(t reflect.Type, path string, task int, start int64) {
	type field struct {
		typ      reflect.Type
		required bool
	}
	var fields map[string]field
	if t != nil && t.Kind() == reflect.Struct {
		fields = map[string]field{}
		for i := range t.NumField() {
			f := t.Field(i)
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" || !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			fields[name] = field{f.Type, !strings.Contains(","+opts+",", ",omitempty,")}
		}
	}
	seen := map[string]bool{}
	for w.dec.More() {
		keyStart := skipSpace(w.b, w.dec.InputOffset())
		tok, err := w.dec.Token()
		if err != nil {
			return
		}
		key, _ := tok.(string)
		sub := key
		if path != "" {
			sub = path + "." + key
		}
		if seen[key] {
			w.problem(keyStart, task, false, "field %q appears twice%s", key, w.in(path, task))
		}
		seen[key] = true
		var ft reflect.Type
		switch {
		case fields != nil:
			f, ok := fields[key]
			if !ok {
				w.problem(keyStart, task, true, "unknown field %q%s", key, w.in(path, task))
			}
			ft = f.typ
		case t != nil && t.Kind() == reflect.Map:
			ft = t.Elem()
		}
		w.value(ft, sub, task)
	}
	w.dec.Token() // '}'
	var missing []string
	for name, f := range fields {
		if f.required && !seen[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	for _, name := range missing {
		w.problem(start, task, false, "missing field %q%s", name, w.in(path, task))
	}
}

func (w *walker) problem(off int64, task int, decoder bool, format string, args ...any) {
	w.problems = append(w.problems, problem{off: off, task: task, msg: fmt.Sprintf(format, args...), decoder: decoder})
}

// rel returns path relative to its task ("staffing.min_team" for
// "tasks[6].staffing.min_team"); "catalogue" for the whole document.
func (w *walker) rel(path string, task int) string {
	if task >= 0 {
		path = strings.TrimPrefix(strings.TrimPrefix(path, fmt.Sprintf("tasks[%d]", task)), ".")
		if path == "" {
			return "the task"
		}
	}
	if path == "" {
		return "the catalogue"
	}
	return path
}

// in says which object a field is in, for a message; nothing for the
// catalogue or the task itself.
func (w *walker) in(path string, task int) string {
	if path == "" || (task >= 0 && path == fmt.Sprintf("tasks[%d]", task)) {
		return ""
	}
	return " in " + w.rel(path, task)
}

// nodeAt returns the innermost value that holds the byte before offset
// off. The decoder reports a wrong literal by its end and a wrong object or
// list by the offset just after its opening bracket; either way this is the
// value.
func (w *walker) nodeAt(off int64) (node, bool) {
	for _, n := range w.nodes { // children come before their parents
		if n.start < off && off <= n.end {
			return n, true
		}
	}
	return node{}, false
}

func (w *walker) errorAt(off int64, task int, format string, args ...any) error {
	label := ""
	if task >= 0 {
		label = taskLabel(task, w.ids[task])
	}
	return errorAt(w.b, w.name, off, label, fmt.Sprintf(format, args...))
}

func (w *walker) error(p problem) error { return w.errorAt(p.off, p.task, "%s", p.msg) }
