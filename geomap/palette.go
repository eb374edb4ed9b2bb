package geomap

// Blues are the default class colours: for n classes, Blues[n-1] (n from 1
// to 9), light to dark. They are sequential single-hue blues interpolated in
// the OKLab colour space, so steps look even, and they vary in lightness
// alone, so they read the same with every kind of colour-vision deficiency
// and in greyscale.
//
// Up to six classes the lightest colour has a contrast of 3.1:1 against
// white and the darkest 14:1, so every class meets WCAG 2.1 success
// criterion 1.4.11 (non-text contrast, 3:1) against a white page. Seven to
// nine classes need a wider lightness range for neighbouring classes to stay
// distinguishable, and there the lightest one or two fall below 3:1 (1.96:1
// at best); the white municipality borders and the legend swatches' grey
// outline still mark every area.
var Blues = [9][]string{
	{"#285f96"},
	{"#4a98d3", "#0b2a5c"},
	{"#4a98d3", "#285f96", "#0b2a5c"},
	{"#4a98d3", "#3371aa", "#1e4d82", "#0b2a5c"},
	{"#4a98d3", "#397bb4", "#285f96", "#194478", "#0b2a5c"},
	{"#4a98d3", "#3c81ba", "#2f6aa2", "#22548a", "#163f73", "#0b2a5c"},
	{"#8cbfe6", "#73a2ca", "#5c86af", "#456b95", "#2f517b", "#1b3762", "#081f4a"},
	{"#8cbfe6", "#77a6ce", "#628eb7", "#4e76a0", "#3b5f8a", "#294974", "#18345f", "#081f4a"},
	{"#8cbfe6", "#79a9d1", "#6794bd", "#567fa9", "#456b95", "#345782", "#25446f", "#16315c", "#081f4a"},
}

// Colours of the parts that are not classes.
const (
	noDataFill   = "#f2f2f2" // background of the no-data hatch
	noDataHatch  = "#8c8c8c" // its lines
	areaStroke   = "#ffffff" // municipality borders
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
