package web

import (
	"generalist"
	"generalist/internal/nbfmt"
)

// longDay writes a registry date in words in the page's language: "1.
// januar 2024" in bokmål, "1 January 2024" in English. A date that does
// not parse is shown as stored.
func longDay(lang string, d generalist.CalendarDate) string {
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	return nbfmt.For(lang).Date(t)
}

// shortDay writes a registry date in digits: "1.1.2024" in bokmål,
// "2024-01-01" in English (nbfmt's NumericDate). A date that does not
// parse is shown as stored.
func shortDay(lang string, d generalist.CalendarDate) string {
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	return nbfmt.For(lang).NumericDate(t)
}
