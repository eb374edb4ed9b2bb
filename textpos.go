package generalist

import (
	"bytes"
	"unicode/utf8"
)

// The place in a file that a reader's error names, written once for every
// reader of JSON and CSV files (scenarios, the task catalogue, reference
// tables, the registry).

// LineColumn returns the line and the column, both from 1, of byte offset
// off in b (clamped to b). Columns count characters, not bytes, so "æ"
// is one column as an editor shows it.
func LineColumn(b []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(b)))
	line = 1 + bytes.Count(b[:off], []byte("\n"))
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(b[start:off])
}

// InvalidUTF8At returns the offset of the first byte of b that is not
// valid UTF-8, or len(b) when b is valid.
func InvalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}
