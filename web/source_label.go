package web

import "strings"

// sourceLabel writes a source line in the page's language. The reference
// data's sources start with the bokmål label ("Kilde: Statistisk
// sentralbyrå, tabell 07459"); an English page says "Source: " instead.
// What follows the label is a source title and stays as the source has it.
func sourceLabel(lang, s string) string {
	if rest, ok := strings.CutPrefix(s, "Kilde: "); ok {
		return msg(lang, "source") + ": " + rest
	}
	return s
}
