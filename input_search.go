package generalist

import (
	"slices"
	"strings"
	"unicode"
)

// InputTerms splits s into search terms the way both stores index text:
// runs of letters and decimal digits (any script), lower-cased. Everything else
// separates terms. Terms longer than 64 bytes are dropped. At most max
// terms are returned; max < 0 means all.
//
// The stores index InputSearchText, which is these terms joined by
// spaces, so that SQLite FTS5 (unicode61) and PostgreSQL ('simple') see
// the same tokens and give the same results.
func InputTerms(s string, max int) []string {
	var out []string
	for t := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if max >= 0 && len(out) >= max {
			break
		}
		t = strings.ToLower(t)
		if len(t) > inputQueryTermBytes {
			continue
		}
		out = append(out, t)
	}
	return out
}

// InputQueryTerms returns the terms of a user's search query (at most 10,
// without repeats). An input matches when it contains every term, each as a
// word or the start of a word.
func InputQueryTerms(q string) []string {
	var out []string
	for _, t := range InputTerms(q, -1) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
		if len(out) == inputQueryTermsMax {
			break
		}
	}
	return out
}

// InputSearchText is the text the stores index for full-text search: the
// terms of the title and the text. Personal data is never indexed.
func InputSearchText(in *Input) string {
	return strings.Join(InputTerms(in.Title+"\n"+in.Text, -1), " ")
}
