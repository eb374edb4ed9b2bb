package chart

import (
	"math"

	"generalist/internal/nbfmt"
)

// english reports whether lang selects English ("en", "en-GB", …). Every
// other value, including "", "nb", "nn" and "no", selects bokmål, the
// default language of Generalist.
func english(lang string) bool { return nbfmt.IsEnglish(lang) }

// FormatNumber formats v for display in lang: bokmål (the default) groups
// thousands with a no-break space U+00A0 and uses a decimal comma
// ("15 077,5"); English ("en", "en-GB", …) uses "15,077.5".
//
// The value is rounded to the given number of decimals, half away from
// zero on its shortest decimal representation, so 2.5 becomes "3" and
// 1.005 becomes "1,01" as a reader of the decimal would expect. A negative
// decimals keeps every digit of the shortest representation. The minus
// sign is ASCII "-" in both languages, and a value that rounds to zero has
// no sign. NaN and ±Inf, which no valid statistic has, are shown as "–".
//
// It is nbfmt's Decimal, exported here for the callers of chart.
func FormatNumber(v float64, decimals int, lang string) string {
	return nbfmt.For(lang).Decimal(v, decimals)
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

// formatOr returns format, or when it is nil FormatNumber in lang with the
// decimals decimalsFor gives the values.
func formatOr(format func(float64) string, lang string, values ...float64) func(float64) string {
	if format != nil {
		return format
	}
	dec := decimalsFor(values...)
	return func(v float64) string { return FormatNumber(v, dec, lang) }
}

// formatTicks formats the tick values with dec decimals in lang.
func formatTicks(ticks []float64, dec int, lang string) []string {
	labels := make([]string, len(ticks))
	for i, v := range ticks {
		labels[i] = FormatNumber(v, dec, lang)
	}
	return labels
}
