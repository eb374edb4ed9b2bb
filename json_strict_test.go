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
