package generalist

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"
)

// ParseScenario reads a scenario file (JSON) strictly: unknown fields,
// wrong types and syntax errors are EINVALID errors with the line and
// column. The scenario's content is checked by sim.Validate, which needs
// the municipalities and the task catalogue.
func ParseScenario(b []byte, name string) (*Scenario, error) {
	if !utf8.Valid(b) {
		return nil, scenarioErrorAt(b, name, int64(InvalidUTF8At(b)), "not valid UTF-8")
	}
	var s Scenario
	if err := DecodeStrictJSON(b, &s); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		var extra *TrailingDataError
		switch {
		case err == io.EOF:
			return nil, Errorf(EINVALID, "%s: the file is empty", name)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, scenarioErrorAt(b, name, int64(len(b)), "unexpected end of the file (a bracket or quote is not closed)")
		case errors.As(err, &se):
			return nil, scenarioErrorAt(b, name, max(se.Offset-1, 0), se.Error())
		case errors.As(err, &te):
			return nil, scenarioErrorAt(b, name, te.Offset, typeProblem(te))
		case errors.As(err, &extra):
			return nil, scenarioErrorAt(b, name, extra.Offset, "unexpected data after the scenario")
		}
		// Unknown fields: the decoder names the field but not the place.
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if f, ok := strings.CutPrefix(msg, "unknown field "); ok {
			if i := bytes.Index(b, []byte(strings.Trim(f, `"`)+`"`)); i > 0 {
				return nil, scenarioErrorAt(b, name, int64(i-1), "unknown field "+f)
			}
		}
		return nil, Errorf(EINVALID, "%s: %s", name, msg)
	}
	if off, key, ok := duplicateKey(b); ok {
		return nil, scenarioErrorAt(b, name, off, fmt.Sprintf("field %q is given twice in one object; give it once (the second would silently replace the first)", key))
	}
	return &s, nil
}

func scenarioErrorAt(b []byte, name string, off int64, msg string) error {
	line, col := LineColumn(b, off)
	return Errorf(EINVALID, "%s line %d, column %d: %s", name, line, col, msg)
}

// typeProblem words a value of the wrong type in JSON's terms: the field
// and what it takes ("a whole number", "a list"), not a Go type.
func typeProblem(te *json.UnmarshalTypeError) string {
	want := jsonKind(te.Type)
	if n, ok := strings.CutPrefix(te.Value, "number "); ok {
		return fmt.Sprintf("field %s must be %s in range, not %s", te.Field, want, n)
	}
	return fmt.Sprintf("field %s must be %s, not %s", te.Field, want, te.Value)
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "text in quotes"
	case reflect.Slice, reflect.Array:
		return "a list […]"
	case reflect.Struct, reflect.Map:
		return "an object {…}"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	}
	return t.Kind().String()
}

// duplicateKey finds the first key that appears twice in one object of
// the valid JSON b, and its offset; encoding/json would keep the last of
// them without a word.
func duplicateKey(b []byte) (int64, string, bool) {
	type frame struct {
		obj  bool
		keys map[string]bool
		key  bool // the next token is a key or the object's end
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	var stack []*frame
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return 0, "", false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			continue
		}
		if top != nil && top.obj && top.key {
			k, _ := tok.(string)
			if top.keys[k] {
				for before < int64(len(b)) && bytes.IndexByte([]byte(" \t\r\n,"), b[before]) >= 0 {
					before++
				}
				return before, k, true
			}
			top.keys[k] = true
			top.key = false
			continue
		}
		if top != nil && top.obj {
			top.key = true // this value ends the pair
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{obj: true, keys: map[string]bool{}, key: true})
		case json.Delim('['):
			stack = append(stack, &frame{})
		}
	}
}
