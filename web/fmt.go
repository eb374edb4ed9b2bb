package web

import (
	"encoding/json"
	"fmt"
	"io"
)

var fmtSprintf = fmt.Sprintf

func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc
}
