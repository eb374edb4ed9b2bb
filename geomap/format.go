package geomap

import (
	"math"
	"strconv"
	"strings"

	"generalist/internal/nbfmt"
)

// FormatNumber formats v the Norwegian way, as SSB's tables do: a space
// between groups of three digits and a decimal comma ("5 367 580", "12,5",
// "-0,35"). Halves round away from zero, on the decimal the reader sees.
// The precision follows the size of the number, which suits both counts
// and shares: no decimals from 100 up, one from 10, two below 10, with
// trailing zeros dropped ("12" rather than "12,0"). The space is an
// ordinary one (nbfmt.BokmalPlain). NaN is "NaN" and ±Inf "∞" and "-∞". It
// is the default Options.Format.
func FormatNumber(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "-∞"
	}
	a := math.Abs(v)
	prec := 0
	switch {
	case a < 10:
		prec = 2
	case a < 100:
		prec = 1
	}
	return nbfmt.BokmalPlain.Round(v, prec)
}

// xmlEscaper escapes text for both element content and attribute values.
var xmlEscaper = strings.NewReplacer(
	"&", "&amp;",
	"<", "&lt;",
	">", "&gt;",
	`"`, "&quot;",
	"'", "&#39;",
)

func escape(s string) string { return xmlEscaper.Replace(s) }

// formatFloat formats v with at most prec decimals and no trailing zeros,
// for coordinates and widths in the SVG.
func formatFloat(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}
