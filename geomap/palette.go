package geomap

import "math"

// Blues are the default class colours of values at or above zero: for n
// classes, Blues[n-1] (n from 1 to 7), light to dark. They are single-hue
// blues interpolated in the OKLab colour space and placed at even steps
// of WCAG 2.1 relative luminance, so they vary in lightness alone and read
// the same with every kind of colour-vision deficiency and in greyscale.
//
// The target is a contrast ratio of at least 1.5:1 between every pair of
// neighbouring classes (TestPaletteContrast). 3:1, the non-text contrast of
// WCAG 2.1 success criterion 1.4.11, cannot hold between neighbours beyond
// three classes: white to the darkest navy is about 16:1, and 3⁴ = 81. So
// the classes are told apart by lightness steps of 1.5:1, and the value of
// every municipality is also given as text (the area's title and the table
// beside each map), which 1.4.11 accepts as the alternative. Up to five
// classes the lightest blue also has 3:1 against white, so every area
// stands out from the page and from the pale zero class; six and seven
// classes need lighter blues, and their light areas get grey borders
// (see borderFor).
var Blues = [7][]string{
	{"#5098d5"},
	{"#5098d5", "#081e42"},
	{"#5098d5", "#245b8f", "#081e42"},
	{"#5098d5", "#2d6ea8", "#1b4877", "#081e42"},
	{"#5098d5", "#3278b5", "#245b8f", "#163d6b", "#081e42"},
	{"#a0c6e9", "#5fa1d9", "#357dbb", "#255e93", "#17406d", "#081e42"},
	{"#e7f0f9", "#a0c6e9", "#5fa1d9", "#357dbb", "#255e93", "#17406d", "#081e42"},
}

// Oranges are the class colours of values below zero on a diverging map
// (a change): for n classes, Oranges[n-1], from the class nearest zero to
// the most negative, light to dark. The lightest is darker than the
// lightest blue by 1.5:1, so the two classes on either side of zero stay
// apart in lightness as well as in hue when there is no zero class between
// them.
var Oranges = [4][]string{
	{"#b55817"},
	{"#b55817", "#3a1400"},
	{"#b55817", "#7a3708", "#3a1400"},
	{"#b55817", "#8c420d", "#662c04", "#3a1400"},
}

// ZeroFill is the colour of the zero class (a municipality with no
// cooperations, no tasks below the minimum, no change) and of a class that
// spans zero on a diverging map: a pale grey blue, 2.4:1 against the
// lightest blue of up to five classes and 3.7:1 against the lightest
// orange. With a zero class a map has at most five classes above it.
const ZeroFill = "#dde4eb"

// maxZeroClasses is the most classes beside a zero class (or on either
// side of it), so that the zero class keeps 1.5:1 against its neighbours.
const maxZeroClasses = 5

// Colours of the parts that are not classes.
const (
	noDataFill   = "#f2f2f2" // background of the no-data hatch
	noDataHatch  = "#8c8c8c" // its lines
	areaStroke   = "#ffffff" // municipality borders
	lightStroke  = "#767676" // borders of light areas, 4.5:1 against white
	countyStroke = "#1a1a1a" // county borders
	highlightFg  = "#000000" // outline of highlighted municipalities …
	highlightBg  = "#ffffff" // … over a white casing, visible on every class
	swatchStroke = "#737373" // legend swatch outline, 4.7:1 against white
	textFill     = "#1a1a1a"
	sourceFill   = "#4d4d4d" // 8.5:1 against white
)

// palette returns n colours: the default Blues, or n colours spread evenly
// over custom from its first to its last (a custom palette is taken to be
// ordered light to dark like Blues).
func palette(custom []string, n int) []string {
	if len(custom) == 0 {
		return Blues[n-1]
	}
	if n == 1 {
		return []string{custom[(len(custom)-1)/2]}
	}
	out := make([]string, n)
	for i := range out {
		out[i] = custom[(i*(len(custom)-1)+(n-1)/2)/(n-1)]
	}
	return out
}

// Luminance returns the WCAG 2.1 relative luminance of a colour written
// "#rrggbb" (either case), and false for anything else (an SVG colour name,
// a short form): callers then make no claim about it.
func Luminance(hex string) (float64, bool) {
	if len(hex) != 7 || hex[0] != '#' {
		return 0, false
	}
	var ch [3]float64
	for i := range ch {
		v := 0
		for _, c := range hex[1+2*i : 3+2*i] {
			v *= 16
			switch {
			case c >= '0' && c <= '9':
				v += int(c - '0')
			case c >= 'a' && c <= 'f':
				v += int(c-'a') + 10
			case c >= 'A' && c <= 'F':
				v += int(c-'A') + 10
			default:
				return 0, false
			}
		}
		x := float64(v) / 255
		if x <= 0.04045 {
			ch[i] = x / 12.92
		} else {
			ch[i] = math.Pow((x+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2], true
}

// Contrast returns the WCAG 2.1 contrast ratio of two "#rrggbb" colours,
// from 1 to 21, and false if either is not in that form.
func Contrast(a, b string) (float64, bool) {
	la, ok1 := Luminance(a)
	lb, ok2 := Luminance(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05), true
}

// borderFor returns the border colour of an area filled with fill: white
// on colours with at least 3:1 against white, else grey, so that the
// border between two light areas of one class is still drawn.
func borderFor(fill string) string {
	if c, ok := Contrast(fill, "#ffffff"); ok && c < 3 {
		return lightStroke
	}
	return areaStroke
}
