package chart

import (
	"math"
	"strconv"
	"strings"
)

// Separators used by FormatNumber. Norwegian groups thousands with a
// no-break space (U+00A0), as the CLDR locale data for nb and nn does and
// as browsers' Intl.NumberFormat("nb") does, so a number never wraps
// across lines in HTML or a report; English uses a comma.
const (
	groupNB   = "\u00a0"
	decimalNB = ","
	groupEN   = ","
	decimalEN = "."
)

// english reports whether lang selects English ("en", "en-GB", …). Every
// other value, including "", "nb", "nn" and "no", selects bokmål, the
// default language of Generalist.
func english(lang string) bool {
	return len(lang) >= 2 && strings.EqualFold(lang[:2], "en") && (len(lang) == 2 || lang[2] == '-' || lang[2] == '_')
}

// FormatNumber formats v for display in lang: bokmål (the default) groups
// thousands with a no-break space U+00A0 and uses a decimal comma
// ("15 077,5"); English ("en", "en-GB", …) uses "15,077.5".
//
// The value is rounded to the given number of decimals, half away from
// zero on its shortest decimal representation, so 2.5 becomes "3" and
// 1.005 becomes "1,01" as a reader of the decimal would expect. A negative
// decimals keeps every digit of the shortest representation. The minus
// sign is ASCII "-" in both languages, as in generalist.Persons.String, and
// a value that rounds to zero has no sign. NaN and ±Inf, which no valid
// statistic has, are shown as "–".
func FormatNumber(v float64, decimals int, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	group, point := groupNB, decimalNB
	if english(lang) {
		group, point = groupEN, decimalEN
	}
	digits := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	if decimals >= 0 {
		digits = roundDecimal(digits, decimals)
	}
	intPart, frac, _ := strings.Cut(digits, ".")
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3*len(group) + 1)
	if v < 0 && strings.Trim(digits, "0.") != "" {
		b.WriteByte('-')
	}
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteByte(intPart[i])
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
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

// formatSigned is FormatNumber with an explicit "+" on positive values, for
// changes ("+6 925").
func formatSigned(v float64, decimals int, lang string) string {
	s := FormatNumber(v, decimals, lang)
	if v > 0 && strings.Trim(s, "0,.\u00a0") != "" {
		return "+" + s
	}
	return s
}

// formatPercent formats a percentage as written in lang: "21,8 %" in
// bokmål (with a no-break space, per Språkrådet) and "21.8%" in English.
func formatPercent(s string, lang string) string {
	if english(lang) {
		return s + "%"
	}
	return s + "\u00a0%"
}

// decimalsFor returns 0 when every value is a whole number and 1
// otherwise, the default precision of value labels.
func decimalsFor(vs ...float64) int {
	for _, v := range vs {
		if v != math.Trunc(v) {
			return 1
		}
	}
	return 0
}
