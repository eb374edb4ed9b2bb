package chart

import (
	"math"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	const nb = "\u00a0" // the bokmål thousands separator
	for _, tt := range []struct {
		v        float64
		decimals int
		lang     string
		want     string
	}{
		{5367580, 0, "nb", "5" + nb + "367" + nb + "580"},
		{5367580, 0, "en", "5,367,580"},
		{15077.5, 1, "nb", "15" + nb + "077,5"},
		{15077.5, 1, "en", "15,077.5"},
		{15077.5, 1, "", "15" + nb + "077,5"},    // default is bokmål
		{15077.5, 1, "nn", "15" + nb + "077,5"},  // nynorsk writes numbers the same way
		{15077.5, 1, "en-GB", "15,077.5"},        // a region suffix still selects English
		{15077.5, 1, "eng", "15" + nb + "077,5"}, // not an English tag
		{15077.5, 0, "nb", "15" + nb + "078"},    // half away from zero
		{2.5, 0, "en", "3"},                      // not banker's rounding
		{-2.5, 0, "en", "-3"},                    // half away from zero for negatives too
		{1.005, 2, "en", "1.01"},                 // rounds the decimal the reader sees, not the binary
		{0.05, 1, "nb", "0,1"},                   //
		{999.96, 1, "nb", "1" + nb + "000,0"},    // carry into a new group
		{9.99, 1, "en", "10.0"},                  // carry into a new digit
		{-0.04, 1, "nb", "0,0"},                  // no "-0,0"
		{-1234567.891, 2, "nb", "-1" + nb + "234" + nb + "567,89"},
		{-1234, 0, "en", "-1,234"},
		{0, 0, "nb", "0"},
		{0, 2, "nb", "0,00"},
		{12, 1, "nb", "12,0"}, // pads to the decimals asked for
		{123, 0, "nb", "123"}, // no separator below a thousand
		{1000, 0, "nb", "1" + nb + "000"},
		{0.125, -1, "en", "0.125"}, // negative decimals keep every digit
		{1e21, 0, "en", "1,000,000,000,000,000,000,000"},
		{math.NaN(), 1, "nb", "–"},
		{math.Inf(-1), 1, "en", "–"},
	} {
		if got := FormatNumber(tt.v, tt.decimals, tt.lang); got != tt.want {
			t.Errorf("FormatNumber(%v, %d, %q) = %q, want %q", tt.v, tt.decimals, tt.lang, got, tt.want)
		}
	}
}

func BenchmarkFormatNumber(b *testing.B) {
	for b.Loop() {
		FormatNumber(-1234567.891, 1, "nb")
	}
}
