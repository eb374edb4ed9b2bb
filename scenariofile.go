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
		var dup *DuplicateKeyError
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
		case errors.As(err, &dup):
			return nil, scenarioErrorAt(b, name, dup.Offset, fmt.Sprintf("field %q is given twice in one object (at %s); give it once (the second would silently replace the first)", dup.Key, dup.Path))
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
