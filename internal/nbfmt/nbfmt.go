// Package nbfmt writes numbers, amounts and dates for people to read, in
// bokmål (the default language of Generalist) or English.
//
// Bokmål groups thousands with a no-break space U+00A0 and uses a decimal
// comma ("15 077,5"), as the CLDR data for nb and nn and browsers'
// Intl.NumberFormat("nb") do, so a number never wraps across lines; a
// percentage has a no-break space before the sign ("21,8 %", per
// Språkrådet); dates read "1. januar 2026" or "01.01.2026". English writes
// "15,077.5", "21.8%", "1 January 2026" and "2026-01-01".
//
// Every package that shows a number to a reader formats it here, so the
// rules are written once. The package imports only the standard library,
// which is what lets the root package and chart use it (see
// docs/decisions/0009-number-format.md).
package nbfmt

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Locale is a way of writing numbers and dates. The zero value is not
// useful; use [Bokmal], [BokmalPlain], [English] or [For].
type Locale struct {
	english bool
	group   string // between groups of three digits
	point   string // before the decimals
	space   string // between a number and its unit ("kr")
	pct     string // between a number and "%"
}

var (
	// Bokmal is bokmål with no-break spaces: "5 367 580", "12,5 %". It
	// suits HTML, SVG and reports.
	Bokmal = Locale{group: "\u00a0", point: ",", space: "\u00a0", pct: "\u00a0"}
	// BokmalPlain is bokmål with ordinary spaces: "5 367 580", "12,5 %".
	// It suits terminals and text a reader may search or edit, where a
	// no-break space is invisible but does not match a typed space.
	BokmalPlain = Locale{group: " ", point: ",", space: " ", pct: " "}
	// English groups with commas and uses a decimal point: "5,367,580",
	// "12.5%".
	English = Locale{english: true, group: ",", point: ".", space: "\u00a0"}
	// Terminal is the CLI's: its words are English, its numbers group
	// digits with spaces and use a decimal point ("5 367 580", "15 077.5",
	// "90.00 %", as ISO 80000-1 allows), which reads the same to a
	// Norwegian and an English reader and never confuses a decimal with a
	// group. Its dates are English; the CLI writes ISO dates.
	Terminal = Locale{english: true, group: " ", point: ".", space: " ", pct: " "}
)

// For returns the locale of a language tag as the web UI and the charts
// pass it: English for "en" with or without a region ("en-GB", "en_US"),
// and [Bokmal] for every other value, including "", "nb", "nn" and "no".
func For(lang string) Locale {
	if IsEnglish(lang) {
		return English
	}
	return Bokmal
}

// IsEnglish reports whether lang selects English ("en", "en-GB", …).
func IsEnglish(lang string) bool {
	return len(lang) >= 2 && strings.EqualFold(lang[:2], "en") && (len(lang) == 2 || lang[2] == '-' || lang[2] == '_')
}

// IsEnglish reports whether l writes English.
func (l Locale) IsEnglish() bool { return l.english }

// Int formats a whole number: "-1 234 567" in bokmål, "-1,234,567" in
// English. The minus sign is ASCII "-" in both.
func (l Locale) Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 0 {
		return "-" + l.groupInt(s[1:])
	}
	return l.groupInt(s)
}

// Decimal formats v rounded to the given number of decimals and padded to
// exactly that many ("12,0"); a negative decimals keeps every digit of the
// shortest representation of v.
//
// Rounding is half away from zero on the decimal the reader sees, not on
// the binary value, so 2.5 becomes "3" and 1.005 with two decimals "1,01".
// A value that rounds to zero has no sign. NaN and ±Inf, which no valid
// statistic has, are shown as "–".
func (l Locale) Decimal(v float64, decimals int) string {
	digits, ok := rounded(v, decimals)
	if !ok {
		return "–"
	}
	return l.compose(v < 0, digits)
}

// rounded returns the shortest decimal digits of |v|, rounded to the
// given number of decimals unless that is negative; false for NaN and ±Inf.
func rounded(v float64, decimals int) (string, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "", false
	}
	digits := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	if decimals >= 0 {
		digits = roundDecimal(digits, decimals)
	}
	return digits, true
}

// Round is Decimal with trailing zeros dropped: at most decimals decimals,
// "12" rather than "12,0" and "0,5" rather than "0,50".
func (l Locale) Round(v float64, decimals int) string {
	digits, ok := rounded(v, decimals)
	if !ok {
		return "–"
	}
	if strings.Contains(digits, ".") {
		digits = strings.TrimSuffix(strings.TrimRight(digits, "0"), ".")
	}
	return l.compose(v < 0, digits)
}

// Signed is Decimal with an explicit "+" on a value that does not round to
// zero, for changes ("+6 925").
func (l Locale) Signed(v float64, decimals int) string {
	s := l.Decimal(v, decimals)
	if v > 0 && !roundsToZero(s) {
		return "+" + s
	}
	return s
}

// Percent formats v, given in percent, with the percent sign: "21,8 %" in
// bokmål (a space before the sign, per Språkrådet), "21.8%" in English.
func (l Locale) Percent(v float64, decimals int) string {
	return l.percent(l.Decimal(v, decimals))
}

// SignedPercent is Percent with Signed's "+": "+1,2 %".
func (l Locale) SignedPercent(v float64, decimals int) string {
	return l.percent(l.Signed(v, decimals))
}

// Kroner formats an amount in Norwegian kroner: "36 076,14 kr". English
// keeps "kr" after the amount ("36,076.14 kr"), as the UI has done, so
// both languages show the same unit.
func (l Locale) Kroner(v float64, decimals int) string {
	return l.Decimal(v, decimals) + l.space + "kr"
}

var (
	monthsNB = [...]string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}
	monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// Date writes the day of t in words, in t's location: "1. januar 2026" in
// bokmål, "1 January 2026" in English.
func (l Locale) Date(t time.Time) string {
	y, m, d := t.Date()
	if l.english {
		return strconv.Itoa(d) + " " + monthsEN[m-1] + " " + strconv.Itoa(y)
	}
	return strconv.Itoa(d) + ". " + monthsNB[m-1] + " " + strconv.Itoa(y)
}

// NumericDate writes the day of t in digits, in t's location: "1.1.2026"
// in bokmål (day and month without leading zeros, as the pages' headings
// write dates), ISO 8601 "2026-01-01" in English (unambiguous, where
// "01/02/2026" is not).
func (l Locale) NumericDate(t time.Time) string {
	if l.english {
		return t.Format(time.DateOnly)
	}
	return t.Format("2.1.2006")
}

// DateTime is NumericDate followed by the time of day on the 24-hour
// clock: "1.1.2026 15:04", "2026-01-01 15:04".
func (l Locale) DateTime(t time.Time) string {
	return l.NumericDate(t) + " " + t.Format("15:04")
}

func (l Locale) percent(s string) string { return s + l.pct + "%" }

// compose writes the sign, the grouped whole part and the decimals of the
// non-negative decimal string digits ("1234.5").
func (l Locale) compose(neg bool, digits string) string {
	intPart, frac, _ := strings.Cut(digits, ".")
	var b strings.Builder
	b.Grow(len(digits) + len(intPart)/3*len(l.group) + len(l.point) + 1)
	if neg && strings.Trim(digits, "0.") != "" {
		b.WriteByte('-')
	}
	b.WriteString(l.groupInt(intPart))
	if frac != "" {
		b.WriteString(l.point)
		b.WriteString(frac)
	}
	return b.String()
}

// groupInt puts the group separator between groups of three digits of
// the unsigned digit string s.
func (l Locale) groupInt(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/3*len(l.group))
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(l.group)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// roundsToZero reports whether the formatted number s has no non-zero
// digit.
func roundsToZero(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '1' && s[i] <= '9' {
			return false
		}
	}
	return true
}

// roundDecimal rounds the non-negative decimal string s ("1234.5678") to
// d decimals, half up, and pads it with zeros to exactly d decimals.
func roundDecimal(s string, d int) string {
	intPart, frac, _ := strings.Cut(s, ".")
	if len(frac) <= d {
		if d == 0 {
			return intPart
		}
		return intPart + "." + frac + strings.Repeat("0", d-len(frac))
	}
	keep := []byte(intPart + frac[:d])
	if frac[d] >= '5' {
		i := len(keep) - 1
		for ; i >= 0 && keep[i] == '9'; i-- {
			keep[i] = '0'
		}
		if i < 0 {
			keep = append([]byte{'1'}, keep...)
		} else {
			keep[i]++
		}
	}
	n := len(keep) - d
	if d == 0 {
		return string(keep)
	}
	return string(keep[:n]) + "." + string(keep[n:])
}
