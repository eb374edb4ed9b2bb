package geomap

// Key is what a map's legend says, and the value of every municipality
// drawn, for a page that writes the legend and a table as HTML beside the
// SVG (Options.Legend = LegendNone): HTML text keeps its size when the map
// shrinks to a phone's width, and a table is the map's text alternative.
type Key struct {
	// Title is the legend title with the unit; Unit the unit alone.
	Title, Unit string
	// Source is the source line.
	Source string
	// Classes are the colour classes, lightest (or most negative) first.
	Classes []KeyClass
	// NoData is the label of "no data" when a drawn municipality lacks a
	// value, else empty.
	NoData string
	// Areas are the municipalities drawn, in the order of their numbers.
	Areas []KeyArea
}

// KeyClass is one colour class of a Key.
type KeyClass struct {
	Class int    // the data-class of the areas and swatches
	Fill  string // its colour
	Label string // "0", "1–5", "6 og over"
	Zero  bool   // the class is zero alone
}

// KeyArea is one municipality of a Key.
type KeyArea struct {
	Code, Name string
	// Value is the formatted value with its unit, or the no-data label.
	Value string
	Known bool
	// Class is the index of its class when Known.
	Class     int
	Highlight bool
}

// Key returns the legend and the table of the map Render draws for opt,
// with the same classes and labels. Errors are Render's.
func (m *Map) Key(opt Options) (*Key, error) {
	r, err := m.prepare(opt)
	if err != nil {
		return nil, err
	}
	k := &Key{Title: r.titleText(), Unit: opt.Unit, Source: opt.Source}
	if r.hasClasses() {
		zi := -1
		if r.cls.Zero {
			zi = Classify(0, r.limits)
		}
		for i := range r.nClass {
			k.Classes = append(k.Classes, KeyClass{Class: i, Fill: unescape(r.colours[i]), Label: r.label(i), Zero: i == zi})
		}
	}
	if r.missing > 0 {
		k.NoData = r.opt.NoDataLabel
	}
	for _, i := range r.areas {
		s := &m.areas[i]
		a := KeyArea{Code: s.code, Name: r.name(s.code), Highlight: r.highlight[s.code]}
		if v, ok := opt.Values[s.code]; ok {
			a.Known, a.Class = true, Classify(v, r.limits)
			a.Value = r.format(v)
			if opt.Unit != "" {
				a.Value += " " + opt.Unit
			}
		} else {
			a.Value = r.opt.NoDataLabel
		}
		k.Areas = append(k.Areas, a)
	}
	return k, nil
}
