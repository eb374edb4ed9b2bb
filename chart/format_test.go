package chart

import "testing"

// TestFormatNumber checks the wrapper: that it passes the value, the
// decimals and the language on to nbfmt. nbfmt's own tests cover rounding,
// grouping and the special values.
func TestFormatNumber(t *testing.T) {
	const nb = "\u00a0" // the bokmål thousands separator
	for _, tt := range []struct {
		v        float64
		decimals int
		lang     string
		want     string
	}{
		{-15077.25, 1, "nb", "-15" + nb + "077,3"},
		{-15077.25, 2, "en-GB", "-15,077.25"},
		{15077.5, 0, "", "15" + nb + "078"}, // default is bokmål
		{0.125, -1, "en", "0.125"},          // negative decimals keep every digit
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
