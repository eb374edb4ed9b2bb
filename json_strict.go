package generalist

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// DecodeStrictJSON decodes b into v. b must hold one JSON value and after
// it nothing but white space, the value no field that v does not have,
// and no object a key twice (encoding/json would keep the last value
// without a word). The error is encoding/json's own (io.EOF for no value
// at all, io.ErrUnexpectedEOF, *json.SyntaxError,
// *json.UnmarshalTypeError, an unknown field), a *TrailingDataError or a
// *DuplicateKeyError, and each caller words it for its own input: a
// request body by byte, a file by line and column.
func DecodeStrictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if rest := bytes.TrimLeft(b[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return &TrailingDataError{Offset: int64(len(b) - len(rest))}
	}
	if err := DuplicateKey(b); err != nil {
		return err
	}
	return nil
}

// TrailingDataError is DecodeStrictJSON's error for data after the JSON
// value; Offset is the byte where that data begins.
type TrailingDataError struct {
	Offset int64
}

func (e *TrailingDataError) Error() string {
	return fmt.Sprintf("unexpected data at byte %d after the JSON value", e.Offset)
}

// DuplicateKeyError is a key given twice in one object of a JSON
// document. Path is where the second one is ("params.floor",
// "mergers[0].name"), Key the key and Offset the byte (from 0) where the
// second one begins.
type DuplicateKeyError struct {
	Path   string
	Key    string
	Offset int64
}

func (e *DuplicateKeyError) Error() string {
	return fmt.Sprintf("%s: the field %q is given twice in one object (the second at byte %d); give it once (the second would silently replace the first)", e.Path, e.Key, e.Offset)
}

// AsError is the error as an EINVALID *Error with a message key, for the
// readers that hand it on as it is.
func (e *DuplicateKeyError) AsError() *Error {
	return Errorw(EINVALID, "err.json.duplicate", "%s: the field %q is given twice in one object (the second at byte %d); give it once", e.Path, e.Key, e.Offset)
}

// DuplicateKey returns the first key given twice in one object of b as a
// *DuplicateKeyError, and nil when there is none or b is not valid JSON
// (its decoder says what is wrong then). This is the one rule every
// reader of JSON (scenarios, request bodies, the registry's import, plan
// files) applies.
func DuplicateKey(b []byte) error {
	type frame struct {
		obj   bool
		keys  map[string]bool
		key   bool   // the next token is a key or the object's end
		name  string // the path of this object or list
		last  string // the object's current key
		index int    // the list's next index
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	var stack []*frame
	// child is the path of the value that starts now in top.
	child := func(top *frame) string {
		if top == nil {
			return ""
		}
		if top.obj {
			return jsonPathKey(top.name, top.last)
		}
		p := top.name + "[" + strconv.Itoa(top.index) + "]"
		top.index++
		return p
	}
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil
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
				return &DuplicateKeyError{Path: jsonPathKey(top.name, k), Key: k, Offset: before}
			}
			top.keys[k] = true
			top.key = false
			top.last = k
			continue
		}
		path := child(top)
		if top != nil && top.obj {
			top.key = true // this value ends the pair
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{obj: true, keys: map[string]bool{}, key: true, name: path})
		case json.Delim('['):
			stack = append(stack, &frame{name: path})
		}
	}
}

// jsonPathKey appends key to path: "a.b", or "b" at the top.
func jsonPathKey(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
