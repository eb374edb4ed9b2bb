package geomap

import (
	"math"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{
		{5367580, "5 367 580"},
		{717710, "717 710"},
		{5000, "5 000"},
		{999, "999"},
		{100, "100"},
		{1234.5, "1 235"},
		{99.95, "100"}, // rounds up past a precision step
		{12.5, "12,5"},
		{12, "12"},
		{3.14159, "3,14"},
		{0.5, "0,5"},
		{0, "0"},
		{-0.001, "0"},
		{-0.35, "-0,35"},
		{-12345, "-12 345"},
		{math.NaN(), "NaN"},
	} {
		if got := FormatNumber(tt.v); got != tt.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestPalette(t *testing.T) {
	for n := 1; n <= len(Blues); n++ {
		if got := len(Blues[n-1]); got != n {
			t.Errorf("len(Blues[%d]) = %d, want %d", n-1, got, n)
		}
	}
	custom := []string{"a", "b", "c", "d", "e"}
	for _, tt := range []struct {
		n    int
		want string
	}{{1, "c"}, {2, "a e"}, {3, "a c e"}, {5, "a b c d e"}} {
		got := ""
		for i, c := range palette(custom, tt.n) {
			if i > 0 {
				got += " "
			}
			got += c
		}
		if got != tt.want {
			t.Errorf("palette(%v, %d) = %q, want %q", custom, tt.n, got, tt.want)
		}
	}
}

// TestBluesContrast checks the claim of Blues' doc comment: up to six
// classes every colour has at least 3:1 contrast against white (WCAG 2.1
// relative luminance), and lightness falls from class to class.
func TestBluesContrast(t *testing.T) {
	for n, colours := range Blues {
		last := 2.0
		for i, c := range colours {
			l := luminance(t, c)
			if l >= last {
				t.Errorf("Blues[%d][%d] = %s is not darker than the colour before it", n, i, c)
			}
			last = l
			if ratio := 1.05 / (l + 0.05); n < 6 && ratio < 3 {
				t.Errorf("Blues[%d][%d] = %s has contrast %.2f:1 against white, want at least 3:1", n, i, c, ratio)
			}
		}
	}
}

func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	lin := func(s string) float64 {
		var v int
		for _, c := range s {
			v *= 16
			switch {
			case c >= '0' && c <= '9':
				v += int(c - '0')
			case c >= 'a' && c <= 'f':
				v += int(c-'a') + 10
			default:
				t.Fatalf("colour %q is not lower-case hex", hex)
			}
		}
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(hex[1:3]) + 0.7152*lin(hex[3:5]) + 0.0722*lin(hex[5:7])
}
