package refdata

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"generalist"
	"generalist/data"
)

// ParseScenario reads a scenario file (JSON) strictly: unknown fields,
// wrong types and syntax errors are EINVALID errors with the line and
// column. The scenario's content is checked by sim.Validate, which needs
// the municipalities and the task catalogue.
func ParseScenario(b []byte, name string) (*generalist.Scenario, error) {
	if !utf8.Valid(b) {
		return nil, scenarioErrorAt(b, name, int64(firstInvalidUTF8(b)), "not valid UTF-8")
	}
	var s generalist.Scenario
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case err == io.EOF:
			return nil, generalist.Errorf(generalist.EINVALID, "%s: the file is empty", name)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, scenarioErrorAt(b, name, int64(len(b)), "unexpected end of the file (a bracket or quote is not closed)")
		case errors.As(err, &se):
			return nil, scenarioErrorAt(b, name, max(se.Offset-1, 0), se.Error())
		case errors.As(err, &te):
			return nil, scenarioErrorAt(b, name, te.Offset, fmt.Sprintf("field %s must be %s, not %s", te.Field, te.Type, te.Value))
		}
		// Unknown fields: the decoder names the field but not the place.
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if f, ok := strings.CutPrefix(msg, "unknown field "); ok {
			if i := bytes.Index(b, []byte(strings.Trim(f, `"`)+`"`)); i > 0 {
				return nil, scenarioErrorAt(b, name, int64(i-1), "unknown field "+f)
			}
		}
		return nil, generalist.Errorf(generalist.EINVALID, "%s: %s", name, msg)
	}
	if rest := bytes.TrimLeft(b[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return nil, scenarioErrorAt(b, name, int64(len(b)-len(rest)), "unexpected data after the scenario")
	}
	return &s, nil
}

func scenarioErrorAt(b []byte, name string, off int64, msg string) error {
	off = min(max(off, 0), int64(len(b)))
	line := 1 + bytes.Count(b[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(b[:off], '\n')
	return generalist.Errorf(generalist.EINVALID, "%s line %d, column %d: %s", name, line, col, msg)
}

// ExampleScenarios returns the example scenarios shipped in data/scenarios,
// by file name.
func ExampleScenarios() ([]*generalist.Scenario, error) {
	names, err := fs.Glob(data.FS, "scenarios/*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*generalist.Scenario
	for _, n := range names {
		b, err := fs.ReadFile(data.FS, n)
		if err != nil {
			return nil, err
		}
		s, err := ParseScenario(b, n)
		if err != nil {
			return nil, err
		}
		if s.ID == "" {
			s.ID = strings.TrimSuffix(path.Base(n), ".json")
		}
		out = append(out, s)
	}
	return out, nil
}
