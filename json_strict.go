package generalist

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// DecodeStrictJSON decodes b into v. b must hold one JSON value and after
// it nothing but white space, and the value no field that v does not
// have. The error is encoding/json's own (io.EOF for no value at all,
// io.ErrUnexpectedEOF, *json.SyntaxError, *json.UnmarshalTypeError, an
// unknown field) or a *TrailingDataError, and each caller words it for its
// own input: a request body by byte, a file by line and column.
func DecodeStrictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if rest := bytes.TrimLeft(b[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return &TrailingDataError{Offset: int64(len(b) - len(rest))}
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
