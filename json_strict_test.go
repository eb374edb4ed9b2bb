package generalist

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
)

// TestDecodeStrictJSON checks that DecodeStrictJSON hands back the
// decoder's own errors for its callers to word, and says where data after
// the value begins.
func TestDecodeStrictJSON(t *testing.T) {
	type doc struct {
		A int `json:"a"`
	}
	var d doc
	if err := DecodeStrictJSON([]byte(" {\"a\": 3}\r\n\t "), &d); err != nil || d.A != 3 {
		t.Errorf("white space around the value: %v, %+v", err, d)
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var extra *TrailingDataError
	for _, c := range []struct {
		in   string
		want func(error) bool
	}{
		{"", func(err error) bool { return err == io.EOF }},
		{" \n", func(err error) bool { return err == io.EOF }},
		{`{"a": 3`, func(err error) bool { return errors.Is(err, io.ErrUnexpectedEOF) }},
		{`{"a": 3,}`, func(err error) bool { return errors.As(err, &se) && se.Offset == 9 }},
		{`{"a": "3"}`, func(err error) bool { return errors.As(err, &te) && te.Field == "a" && te.Offset == 9 }},
		{`{"b": 3}`, func(err error) bool { return strings.Contains(err.Error(), `unknown field "b"`) }},
		{`{"a": 3} {}`, func(err error) bool { return errors.As(err, &extra) && extra.Offset == 9 }},
		{"{\"a\": 3}\n\n x", func(err error) bool { return errors.As(err, &extra) && extra.Offset == 11 }},
	} {
		if err := DecodeStrictJSON([]byte(c.in), &doc{}); err == nil || !c.want(err) {
			t.Errorf("DecodeStrictJSON(%q) = %#v", c.in, err)
		}
	}
}

// TestDecodeStrictJSONDuplicateKey checks that a key given twice in one
// object is refused at any depth, with its path and the byte where the
// second one begins, and that the same key in different objects passes.
func TestDecodeStrictJSONDuplicateKey(t *testing.T) {
	type job struct {
		Kind   string            `json:"kind"`
		Params map[string]string `json:"params"`
		List   []map[string]int  `json:"list"`
	}
	for _, c := range []struct {
		in, path, key string
		off           int64
	}{
		{`{"kind":"a","kind":"b"}`, "kind", "kind", 12},
		{`{"params":{"floor":"5000","floor":"1"}}`, "params.floor", "floor", 26},
		{`{"list":[{"a":1},{"a":1, "a":2}]}`, "list[1].a", "a", 25},
	} {
		var dup *DuplicateKeyError
		err := DecodeStrictJSON([]byte(c.in), &job{})
		if !errors.As(err, &dup) || dup.Path != c.path || dup.Key != c.key || dup.Offset != c.off {
			t.Errorf("DecodeStrictJSON(%s) = %#v, want %s at byte %d", c.in, err, c.path, c.off)
			continue
		}
		if c.in[dup.Offset:dup.Offset+int64(len(c.key))+2] != `"`+c.key+`"` {
			t.Errorf("%s: offset %d is not the second key", c.in, dup.Offset)
		}
	}
	if err := DecodeStrictJSON([]byte(`{"kind":"a","params":{"kind":"b"},"list":[{"a":1},{"a":2}]}`), &job{}); err != nil {
		t.Errorf("the same key in different objects: %v", err)
	}
}
