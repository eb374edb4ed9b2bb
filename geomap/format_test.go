package geomap

import (
	"fmt"
	"math"
	"slices"
	"strings"
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

// minAdjacent is the target contrast between neighbouring classes (see
// Blues: 3:1 is out of reach beyond three classes).
const minAdjacent = 1.5

// TestPaletteContrast computes the WCAG 2.1 contrast of every pair of
// neighbouring classes of every default palette — each Blues and Oranges
// ramp, the zero class below up to five blues, and every diverging
// sequence of oranges, an optional zero class and blues — and fails below
// minAdjacent. It also checks the claims of Blues' comment: lightness falls
// from class to class, and up to five classes every blue has 3:1 against
// white.
func TestPaletteContrast(t *testing.T) {
	check := func(what string, seq []string) {
		t.Helper()
		for i := 1; i < len(seq); i++ {
			c := contrast(t, seq[i-1], seq[i])
			if c < minAdjacent {
				t.Errorf("%s: %s next to %s is %.3f:1, want at least %.1f:1", what, seq[i-1], seq[i], c, minAdjacent)
			}
		}
	}
	for n, ramp := range Blues {
		check(fmt.Sprintf("Blues[%d]", n), ramp)
		last := 2.0
		for i, c := range ramp {
			l := luminance(t, c)
			if l >= last {
				t.Errorf("Blues[%d][%d] = %s is not darker than the colour before it", n, i, c)
			}
			last = l
			if ratio := 1.05 / (l + 0.05); n < maxZeroClasses && ratio < 3 {
				t.Errorf("Blues[%d][%d] = %s has contrast %.2f:1 against white, want at least 3:1", n, i, c, ratio)
			}
		}
		if n < maxZeroClasses {
			check(fmt.Sprintf("zero and Blues[%d]", n), append([]string{ZeroFill}, ramp...))
		}
	}
	for n, ramp := range Oranges {
		check(fmt.Sprintf("Oranges[%d]", n), ramp)
		rev := slices.Clone(ramp)
		slices.Reverse(rev)
		for p := range maxZeroClasses {
			check(fmt.Sprintf("Oranges[%d], Blues[%d]", n, p), append(slices.Clone(rev), Blues[p]...))
			check(fmt.Sprintf("Oranges[%d], zero, Blues[%d]", n, p), append(append(slices.Clone(rev), ZeroFill), Blues[p]...))
		}
		check(fmt.Sprintf("Oranges[%d], zero", n), append(rev, ZeroFill))
	}
}

// TestScaleColours: the colours a scale gives its classes follow the
// palettes the contrast test checks, on real kinds of data.
func TestScaleColours(t *testing.T) {
	for _, tt := range []struct {
		name   string
		values map[string]float64
		want   string
	}{
		{"counts with zeros", map[string]float64{"a": 0, "b": 0, "c": 1, "d": 2, "e": 3, "f": 7, "g": 12}, ZeroFill},
		{"a change", map[string]float64{"a": -3, "b": -1, "c": 0, "d": 2, "e": 5}, Oranges[0][0]},
	} {
		s := NewScale(5, Quantile, tt.values)
		got, ok := s.colours()
		if !ok {
			t.Fatalf("%s: no colours for limits %v", tt.name, s.Limits)
		}
		if !slices.Contains(got, tt.want) {
			t.Errorf("%s: colours %v lack %s", tt.name, got, tt.want)
		}
		for i := 1; i < len(got); i++ {
			if c := contrast(t, got[i-1], got[i]); c < minAdjacent {
				t.Errorf("%s: classes %d and %d: %.2f:1", tt.name, i-1, i, c)
			}
		}
	}
}

// contrast is Contrast's ratio of two palette colours, which must be
// written #rrggbb in lower case.
func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	c, ok := Contrast(a, b)
	if !ok || a != strings.ToLower(a) || b != strings.ToLower(b) {
		t.Fatalf("colours %q and %q are not both lower-case #rrggbb", a, b)
	}
	return c
}

// luminance is Luminance of a palette colour, which must be written
// #rrggbb in lower case.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	l, ok := Luminance(hex)
	if !ok || hex != strings.ToLower(hex) {
		t.Fatalf("colour %q is not lower-case #rrggbb", hex)
	}
	return l
}

// TestContrast checks Luminance and Contrast against WCAG 2.1's own
// figures (the palette tests rely on them) and their refusal of other
// forms of colour.
func TestContrast(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21}, {"#ffffff", "#000000", 21}, {"#ffffff", "#FFFFFF", 1},
		{"#767676", "#ffffff", 4.54}, {"#ffda06", "#ffffff", 1.37}, {"#0000ff", "#ffffff", 8.59}, {"#ff0000", "#000000", 5.25},
	} {
		got, ok := Contrast(c.a, c.b)
		if !ok || math.Abs(got-c.want) > 0.005 {
			t.Errorf("Contrast(%s, %s) = %.3f, %v; want %.2f", c.a, c.b, got, ok, c.want)
		}
	}
	for hex, want := range map[string]float64{"#000000": 0, "#ffffff": 1, "#808080": 0.2158605, "#00Ff00": 0.7152} {
		if got, ok := Luminance(hex); !ok || math.Abs(got-want) > 1e-6 {
			t.Errorf("Luminance(%s) = %.7f, %v; want %.7f", hex, got, ok, want)
		}
	}
	for _, bad := range []string{"", "#fff", "white", "#gggggg", "ffffff0", "#ffffff0", "#12345g"} {
		if _, ok := Luminance(bad); ok {
			t.Errorf("Luminance(%q) is ok", bad)
		}
		if _, ok := Contrast(bad, "#ffffff"); ok {
			t.Errorf("Contrast(%q, #ffffff) is ok", bad)
		}
	}
}
