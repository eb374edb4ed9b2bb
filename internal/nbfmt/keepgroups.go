package nbfmt

import "strings"

// KeepGroups joins the digit groups of the numbers in text written by
// people (a scenario's name or description from data: "minst 5 000
// innbyggere") with no-break spaces, so that a line never wraps between
// "5" and "000". An ordinary space (or a thin space U+2009) counts as a
// group separator when a digit stands before it and exactly three digits
// follow it; every other space is kept as it is, so "i 2024 200 kommuner"
// is read as the groups it looks like, and "kapittel 3 og 4" is left
// alone.
func KeepGroups(s string) string {
	if !strings.ContainsAny(s, " \u2009") {
		return s
	}
	r := []rune(s)
	changed := false
	for i := 1; i+3 < len(r); i++ {
		if (r[i] != ' ' && r[i] != '\u2009') || !isDigit(r[i-1]) {
			continue
		}
		if !isDigit(r[i+1]) || !isDigit(r[i+2]) || !isDigit(r[i+3]) {
			continue
		}
		if i+4 < len(r) && isDigit(r[i+4]) {
			continue
		}
		r[i] = '\u00a0'
		changed = true
	}
	if !changed {
		return s
	}
	return string(r)
}

func isDigit(c rune) bool { return c >= '0' && c <= '9' }
