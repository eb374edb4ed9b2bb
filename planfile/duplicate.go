package planfile

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"generalist"
)

// duplicateProblem finds a key given twice in one object of the GeoJSON
// b (encoding/json would keep the last value without a word) and places
// it at its feature and property.
func duplicateProblem(b []byte, file string) (Problem, bool) {
	var dup *generalist.DuplicateKeyError
	if !errors.As(generalist.DuplicateKey(b), &dup) {
		return Problem{}, false
	}
	at := Place{File: file}
	if rest, ok := strings.CutPrefix(dup.Path, "features["); ok {
		if i := strings.IndexByte(rest, ']'); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				at.Feature = n + 1
			}
		}
		if strings.HasPrefix(dup.Path, "features["+strconv.Itoa(at.Feature-1)+"].properties."+dup.Key) {
			at.Column = dup.Key
		}
	}
	line, _ := generalist.LineColumn(b, dup.Offset)
	return Problem{at, fmt.Sprintf("%s is given twice in one object (line %d, byte %d); give it once (the second would silently replace the first)", dup.Path, line, dup.Offset)}, true
}
