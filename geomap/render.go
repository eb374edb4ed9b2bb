package geomap

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"strconv"
	"strings"

	"generalist"

	"github.com/paulmach/orb"
)

// Options says what to draw. The zero value draws every municipality as
// "no data" at 600 pixels wide; set Values for a choropleth.
type Options struct {
	// Values maps kommunenummer to the value drawn. A municipality absent
	// from the map is "no data", drawn with a grey hatch and NoDataLabel in
	// its title; nothing is ever estimated. A code the map has no shape for
	// (a number of another structure) and a NaN or infinite value are
	// errors.
	Values map[string]float64
	// Classes is the number of classes (1 to 7 with the default palette, up
	// to len(Palette) with a custom one). Zero means 5. Data-driven methods
	// may give fewer classes when there are few distinct values (see
	// Breaks), and zeros and negative values change the classes (see
	// NewScale).
	Classes int
	// Method chooses the class limits from Values (all of them, also on a
	// Focus map, so a detail uses the colours of the country map).
	Method Method
	// Limits, if set, are fixed ascending class limits as Breaks returns
	// them (for round numbers such as 5 000, 10 000, 100 000); Classes and
	// Method are then ignored. Zeros get a class of their own below them
	// (see FixedScale).
	Limits []float64
	// Scale, if set, is the classification, computed by NewScale over the
	// values of several maps so that maps side by side share their
	// classes; Limits, Classes and Method are then ignored.
	Scale *Scale
	// Title, Unit and Source go in the legend: the title with the unit in
	// parentheses ("Folkemengde (innbyggere)") and the source line below
	// the classes ("Kilde: Statistisk sentralbyrå, tabell 07459"). The unit
	// also follows each value in the titles ("Oslo: 717 710 innbyggere").
	Title, Unit, Source string
	// Format formats values in the legend and the titles. Nil means
	// FormatNumber (Norwegian: "5 367 580", "12,5").
	Format func(float64) string
	// Names maps kommunenummer to the name shown in titles. Municipalities
	// absent from it keep the name of the boundary file.
	Names map[string]string
	// Link returns the href of a municipality ("/kommune/0301"); the empty
	// string, or a nil Link, means no link.
	Link func(code string) string
	// Highlight lists municipalities drawn with a thick black outline on a
	// white casing (the group of a scenario, compared municipalities).
	Highlight []string
	// Focus, if set, zooms to these municipalities: the map shows their
	// bounding box with a margin of 15 % (at least 3 km), widened to an
	// aspect ratio between 0.6 and 1.4, and draws only the shapes that
	// reach into it, at the zoom level of that extent.
	Focus []string
	// Width is the width of the SVG in pixels; the height follows the
	// map's aspect ratio (plus the legend when it goes below). Zero means
	// 600; otherwise 100 to 8 000.
	Width int
	// Palette lists class colours light to dark (any SVG colour). Nil means
	// the default colours: Blues, Oranges below zero and ZeroFill for a
	// zero class. With fewer classes than colours, colours are taken evenly
	// from first to last.
	Palette []string
	// NoDataLabel is the legend entry and title text for a municipality
	// without a value. Empty means "ingen data" ("no data" for Lang "en").
	NoDataLabel string
	// Lang is the language of built-in words: "nb" (the default) or "en".
	// It does not change Format.
	Lang string
	// Legend says where the legend goes; the zero value LegendAuto picks a
	// corner that covers no land, else puts it below the map.
	Legend LegendPosition
	// ID prefixes the ids of the SVG's title, description and patterns: a
	// letter, then letters, digits, "-" or "_". Pages that inline several
	// maps need distinct prefixes; empty means "geomap-" and a hash of the
	// options, which differs between maps that differ.
	ID string

	// cats, set by RenderGroups, are the categories of a categorical map,
	// listed by the legend and the description instead of the classes.
	cats []category
}

// LegendPosition says where the legend goes.
type LegendPosition int

// Legend positions.
const (
	// LegendAuto puts the legend in the first corner of the map, of lower
	// right, upper left, upper right and lower left, whose box covers at
	// most 2 % land and none of the focused or highlighted municipalities;
	// for the whole country that is the lower right (Sweden). If no corner
	// qualifies, the legend goes below the map.
	LegendAuto LegendPosition = iota
	// LegendBelow puts the legend below the map.
	LegendBelow
	// LegendNone draws no legend (for small maps next to a large one).
	LegendNone
)

// words are the built-in words of one language.
type words struct {
	noData, below, above, to, mapTitle, municipalities, without, classes, oneClass, focus, highlight string
	categories                                                                                       string
	methods                                                                                          [3]string
	fixed                                                                                            string
}

var langs = map[string]*words{
	"nb": {
		noData: "ingen data", below: "under %s", above: "%s og over", to: "%s til %s",
		mapTitle: "Kart over kommuner", municipalities: "%d kommuner", without: "%d uten data",
		classes: "%d klasser (%s)", oneClass: "1 klasse", focus: "Utsnitt rundt %s", highlight: "Uthevet: %s",
		methods: [3]string{"kvantiler", "naturlige brudd, Jenks", "like intervaller"},
		fixed:   "faste grenser", categories: "Tegnforklaring",
	},
	"en": {
		noData: "no data", below: "below %s", above: "%s and above", to: "%s to %s",
		mapTitle: "Map of municipalities", municipalities: "%d municipalities", without: "%d without data",
		classes: "%d classes (%s)", oneClass: "1 class", focus: "Detail around %s", highlight: "Highlighted: %s",
		methods: [3]string{"quantiles", "natural breaks, Jenks", "equal intervals"},
		fixed:   "fixed limits", categories: "Key",
	},
}

// Layout constants, in pixels.
const (
	defaultWidth   = 600
	mapPad         = 4   // between the extent and the SVG edge
	areaStrokePx   = 0.5 // municipality borders
	countyStrokePx = 1.2
	highlightFgPx  = 2.5
	highlightBgPx  = 5
	hatchPx        = 6 // period of the no-data hatch
	levelSlack     = 1.25
)

// Render writes opt's map as a standalone SVG document to w, which can also
// be inlined in HTML. Output is deterministic: the same Map and options give
// the same bytes. Render returns an EINVALID *generalist.Error for invalid
// options (see Options) and a wrapped error if w fails; nothing is written
// then, as the document is built in memory first.
//
// Render is O(p + n log n) for p path bytes drawn and n values: for the
// whole country at 600 pixels it writes about 150 KB in well under a
// millisecond plus the class computation.
func (m *Map) Render(w io.Writer, opt Options) error {
	r, err := m.prepare(opt)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.Grow(m.sizeHint(r))
	r.write(&b)
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("geomap: render: %w", err)
	}
	return nil
}

// render is one validated rendering: options with defaults filled in, and
// the layout.
type render struct {
	m      *Map
	opt    Options
	words  *words
	format func(float64) string
	unit   string // " " + escaped unit, or ""
	id     string

	cls     Scale
	limits  []float64
	colours []string // escaped for attributes
	borders []string // border colour of each class
	nClass  int
	present int // municipalities with a value
	missing int // municipalities drawn without a value
	manual  bool

	ext       orb.Bound // UTM metres shown
	level     int
	step      float64 // grid step of level, metres
	scale     float64 // pixels per grid step
	tx, ty    float64
	width     int
	mapHeight int
	height    int

	areas     []int // indices into m.areas, drawn
	counties  []int
	highlight map[string]bool
	focus     map[string]bool

	leg *legend
}

func invalid(format string, args ...any) error {
	return generalist.Errorf(generalist.EINVALID, "geomap: render: "+format, args...)
}

func (m *Map) prepare(opt Options) (*render, error) {
	r := &render{m: m, opt: opt, format: opt.Format}
	lang := opt.Lang
	if lang == "" {
		lang = "nb"
	}
	r.words = langs[lang]
	if r.words == nil {
		return nil, invalid("language %q: must be nb or en", opt.Lang)
	}
	if r.format == nil {
		r.format = FormatNumber
	}
	if r.opt.NoDataLabel == "" {
		r.opt.NoDataLabel = r.words.noData
	}
	if opt.Unit != "" {
		r.unit = " " + escape(opt.Unit)
	}
	r.width = opt.Width
	switch {
	case r.width == 0:
		r.width = defaultWidth
	case r.width < 100 || r.width > 8000:
		return nil, invalid("width %d: must be 100 to 8000 pixels", opt.Width)
	}
	if opt.Legend < LegendAuto || opt.Legend > LegendNone {
		return nil, invalid("legend position %d is unknown", int(opt.Legend))
	}
	maxClasses := len(Blues)
	if len(opt.Palette) > 0 {
		maxClasses = len(opt.Palette)
		for i, c := range opt.Palette {
			if c == "" {
				return nil, invalid("palette colour %d is empty", i)
			}
		}
	}

	// Values: every code must have a shape, every value be finite.
	vals := make([]float64, 0, len(opt.Values))
	var unknown []string
	for _, s := range m.areas {
		v, ok := opt.Values[s.code]
		if !ok {
			continue
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, invalid("value of %s is %v", s.code, v)
		}
		vals = append(vals, v)
	}
	if len(vals) != len(opt.Values) {
		for code := range opt.Values {
			if _, ok := m.index[code]; !ok {
				unknown = append(unknown, code)
			}
		}
		return nil, invalid("no municipality %s on this map (a number of another structure?)", firstSorted(unknown))
	}
	r.present = len(vals)

	// Classes.
	switch {
	case opt.Scale != nil:
		r.manual = true
		r.cls = *opt.Scale
		if err := checkLimits(r.cls.Limits); err != nil {
			return nil, err
		}
	case len(opt.Limits) > 0:
		r.manual = true
		if err := checkLimits(opt.Limits); err != nil {
			return nil, err
		}
		r.cls = FixedScale(opt.Limits, opt.Values)
		if len(opt.Palette) > 0 { // a custom palette has no zero colour
			r.cls.Limits, r.cls.Zero = opt.Limits, false
		}
	default:
		k := opt.Classes
		if k == 0 {
			k = 5
		}
		if k < 1 || k > maxClasses {
			return nil, invalid("%d classes: must be 1 to %d", opt.Classes, maxClasses)
		}
		if opt.Method < 0 || int(opt.Method) >= len(methodNames) {
			return nil, invalid("class method %d is unknown", int(opt.Method))
		}
		if len(opt.Palette) > 0 {
			r.cls = NewScale(1, opt.Method, opt.Values)
			r.cls.Limits, r.cls.Zero = Breaks(vals, k, opt.Method), false
		} else {
			r.cls = NewScale(k, opt.Method, opt.Values)
		}
	}
	r.limits = r.cls.Limits
	r.nClass = len(r.limits) + 1
	if r.nClass > maxClasses {
		return nil, invalid("%d limits make %d classes, more than the %d colours of the palette", len(r.limits), r.nClass, maxClasses)
	}
	var colours []string
	if len(opt.Palette) > 0 {
		colours = palette(opt.Palette, r.nClass)
	} else {
		var ok bool
		if colours, ok = r.cls.colours(); !ok {
			return nil, invalid("limits %v make more classes on one side of zero than the palette has colours for", r.limits)
		}
	}
	for _, c := range colours {
		r.colours = append(r.colours, escape(c))
		r.borders = append(r.borders, borderFor(c))
	}

	// Focus and highlight.
	r.focus = map[string]bool{}
	r.highlight = map[string]bool{}
	for _, set := range []struct {
		name  string
		codes []string
		into  map[string]bool
	}{{"focus", opt.Focus, r.focus}, {"highlight", opt.Highlight, r.highlight}} {
		for _, c := range set.codes {
			if _, ok := m.index[c]; !ok {
				return nil, invalid("%s: no municipality %s on this map", set.name, c)
			}
			set.into[c] = true
		}
	}

	// Extent, zoom level and transform.
	r.ext = m.extent(opt.Focus)
	innerW := float64(r.width - 2*mapPad)
	extW, extH := r.ext.Max[0]-r.ext.Min[0], r.ext.Max[1]-r.ext.Min[1]
	mpp := extW / innerW
	r.level = levelFor(mpp)
	r.step = levels[r.level] / gridDivisor
	r.scale = innerW / (extW / r.step)
	r.tx = mapPad - r.scale*(r.ext.Min[0]-m.origin[0])/r.step
	r.ty = mapPad - r.scale*(m.origin[1]-r.ext.Max[1])/r.step
	r.mapHeight = int(math.Round(extH/mpp)) + 2*mapPad
	r.height = r.mapHeight

	// What to draw.
	for i, s := range m.areas {
		if len(opt.Focus) == 0 || s.bound.Intersects(r.ext) {
			r.areas = append(r.areas, i)
			if _, ok := opt.Values[s.code]; !ok {
				r.missing++
			}
		}
	}
	for i, s := range m.counties {
		if len(opt.Focus) == 0 || s.bound.Intersects(r.ext) {
			r.counties = append(r.counties, i)
		}
	}

	r.id = opt.ID
	if r.id == "" {
		r.id = r.hashID()
	} else if !validID(r.id) {
		return nil, invalid("id %q: must be a letter followed by letters, digits, - or _", opt.ID)
	}
	if opt.Legend != LegendNone {
		// In a corner the legend takes at most half the width.
		r.leg = r.newLegend(math.Min(math.Max(0.5*float64(r.width), 160), 320))
		if r.leg != nil {
			r.placeLegend()
		}
	}
	return r, nil
}

func checkLimits(limits []float64) error {
	for i, b := range limits {
		if math.IsNaN(b) || math.IsInf(b, 0) || (i > 0 && b <= limits[i-1]) {
			return invalid("limits %v: must be finite and strictly increasing", limits)
		}
	}
	return nil
}

// levelFor returns the coarsest level whose tolerance is at most
// levelSlack pixels of mpp metres.
func levelFor(mpp float64) int {
	for l, tol := range levels {
		if tol <= levelSlack*mpp {
			return l
		}
	}
	return len(levels) - 1
}

// extent returns the UTM bound the map shows: all municipalities, or the
// focused ones with a margin and a bounded aspect ratio.
func (m *Map) extent(focus []string) orb.Bound {
	if len(focus) == 0 {
		return m.bound
	}
	b := m.areas[m.index[focus[0]]].bound
	for _, c := range focus[1:] {
		b = b.Union(m.areas[m.index[c]].bound)
	}
	dx, dy := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	margin := math.Max(0.15*math.Max(dx, dy), 3000)
	dx += 2 * margin
	dy += 2 * margin
	cx, cy := (b.Min[0]+b.Max[0])/2, (b.Min[1]+b.Max[1])/2
	if dy > 1.4*dx {
		dx = dy / 1.4
	} else if dy < 0.6*dx {
		dy = 0.6 * dx
	}
	return orb.Bound{Min: orb.Point{cx - dx/2, cy - dy/2}, Max: orb.Point{cx + dx/2, cy + dy/2}}
}

// hashID derives an id prefix from everything that changes the drawing, so
// two different maps inlined in one page get different ids.
func (r *render) hashID() string {
	h := fnv.New32a()
	o := &r.opt
	fmt.Fprintf(h, "%q %q %q %d %d %d %v %q %v %v %q %q %d|", o.Title, o.Unit, o.Source, r.width, r.nClass, int(o.Method),
		r.limits, o.NoDataLabel, o.Focus, o.Highlight, o.Lang, o.Palette, int(o.Legend))
	var buf [8]byte
	for _, s := range r.m.areas {
		if v, ok := o.Values[s.code]; ok {
			h.Write([]byte(s.code))
			bits := math.Float64bits(v)
			for i := range buf {
				buf[i] = byte(bits >> (8 * i))
			}
			h.Write(buf[:])
		}
	}
	return fmt.Sprintf("geomap-%08x", h.Sum32())
}

// validID reports whether id can prefix XML ids and be listed in
// aria-labelledby, which separates ids by spaces.
func validID(id string) bool {
	for i, c := range id {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '_'):
		default:
			return false
		}
	}
	return true
}

func firstSorted(codes []string) string {
	min := codes[0]
	for _, c := range codes[1:] {
		if c < min {
			min = c
		}
	}
	if len(codes) > 1 {
		return fmt.Sprintf("%s (and %d more)", min, len(codes)-1)
	}
	return min
}

// sizeHint estimates the document size so the buffer grows once.
func (m *Map) sizeHint(r *render) int {
	n := 4096
	for _, i := range r.areas {
		n += len(m.areas[i].path[r.level]) + 160
	}
	for _, i := range r.counties {
		n += len(m.counties[i].path[r.level]) + 40
	}
	return n
}

// label returns the legend label of class i: "0" for the zero class;
// for whole numbers the numbers in the class ("1–5", "6–20", "21–717 710"
// with the largest value last); otherwise the limits ("under 5", "5–10",
// "10 og over"). A range with a negative end is written with a word
// ("-5 til -1"), as a dash would read as a minus.
func (r *render) label(i int) string {
	f := r.format
	sc := &r.cls
	span := func(lo, hi float64) string {
		switch {
		case lo >= hi:
			return f(lo)
		case lo < 0 || hi < 0:
			return fmt.Sprintf(r.words.to, f(lo), f(hi))
		}
		return f(lo) + "–" + f(hi)
	}
	switch {
	case r.nClass == 1:
		return span(sc.Min, sc.Max)
	case sc.Zero && i == Classify(0, r.limits):
		return f(0)
	case sc.Integer && r.present > 0:
		return span(sc.classRange(i))
	case i == 0:
		return fmt.Sprintf(r.words.below, f(r.limits[0]))
	case i == r.nClass-1:
		return fmt.Sprintf(r.words.above, f(r.limits[i-1]))
	}
	return span(r.limits[i-1], r.limits[i])
}

// hasClasses reports whether the legend lists classes: there are values,
// or fixed limits.
func (r *render) hasClasses() bool { return r.present > 0 || r.manual }

// titleText is the legend title with the unit.
func (r *render) titleText() string {
	t := r.opt.Title
	switch {
	case t != "" && r.opt.Unit != "":
		return t + " (" + r.opt.Unit + ")"
	case t == "":
		return r.opt.Unit
	}
	return t
}

// description is the text of the <desc> element: what the map shows, the
// classes and the source, so that a screen reader gets the legend too.
func (r *render) description() string {
	wd := r.words
	var parts []string
	if t := r.titleText(); t != "" {
		parts = append(parts, t)
	}
	if len(r.opt.Focus) > 0 {
		parts = append(parts, fmt.Sprintf(wd.focus, r.nameList(r.opt.Focus)))
	}
	s := fmt.Sprintf(wd.municipalities, len(r.areas))
	if r.opt.cats != nil {
		labels := make([]string, len(r.opt.cats))
		for i, c := range r.opt.cats {
			labels[i] = c.label
		}
		s += ". " + wd.categories + ": " + strings.Join(labels, "; ")
	} else if r.hasClasses() {
		method := wd.fixed
		if !r.cls.Fixed && r.cls.Method >= 0 && int(r.cls.Method) < len(wd.methods) {
			method = wd.methods[r.cls.Method]
		}
		labels := make([]string, r.nClass)
		for i := range labels {
			labels[i] = r.label(i)
		}
		classes := wd.oneClass
		if r.nClass > 1 {
			classes = fmt.Sprintf(wd.classes, r.nClass, method)
		}
		s += ", " + classes + ": " + strings.Join(labels, "; ")
	}
	parts = append(parts, s)
	if r.missing > 0 {
		parts = append(parts, fmt.Sprintf(wd.without, r.missing))
	}
	if len(r.opt.Highlight) > 0 {
		parts = append(parts, fmt.Sprintf(wd.highlight, r.nameList(r.opt.Highlight)))
	}
	if r.opt.Source != "" {
		parts = append(parts, r.opt.Source)
	}
	for i, p := range parts {
		parts[i] = strings.TrimSuffix(p, ".")
	}
	return strings.Join(parts, ". ") + "."
}

// nameList lists the names of codes, at most six.
func (r *render) nameList(codes []string) string {
	var names []string
	for i, c := range codes {
		if i == 6 {
			names = append(names, "…")
			break
		}
		names = append(names, r.name(c))
	}
	return strings.Join(names, ", ")
}

// name returns the unescaped display name of a municipality.
func (r *render) name(code string) string {
	if n, ok := r.opt.Names[code]; ok && n != "" {
		return n
	}
	return unescape(r.m.areas[r.m.index[code]].nameXML)
}

var xmlUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'")

func unescape(s string) string { return xmlUnescaper.Replace(s) }

// write writes the SVG document.
func (r *render) write(b *bytes.Buffer) {
	m := r.m
	px := func(v float64) string { return formatFloat(v/r.scale, 3) }

	// Root. An SVG whose municipalities are links is a group of links for
	// assistive technology; role="img" would hide them (its children are
	// presentational in ARIA).
	role := "img"
	if r.opt.Link != nil {
		role = "group"
	}
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" class="geomap" width="%d" height="%d" viewBox="0 0 %d %d" role="%s" aria-labelledby="%s-title %s-desc" font-family="sans-serif">`+"\n",
		r.width, r.height, r.width, r.height, role, r.id, r.id)
	title := r.titleText()
	if title == "" {
		title = r.words.mapTitle
	}
	fmt.Fprintf(b, "<title id=\"%s-title\">%s</title>\n<desc id=\"%s-desc\">%s</desc>\n", r.id, escape(title), r.id, escape(r.description()))

	// Definitions: the no-data hatch in grid units for the areas and in
	// pixels for the legend swatch, and the clip of the map when the legend
	// goes below it.
	needHatch := r.missing > 0
	clip := r.leg != nil && r.leg.below
	if needHatch || clip {
		b.WriteString("<defs>")
		if needHatch {
			r.writeHatch(b, r.id+"-nodata", hatchPx/r.scale)
			if r.leg != nil {
				r.writeHatch(b, r.id+"-nodata-key", hatchPx)
			}
		}
		if clip {
			fmt.Fprintf(b, `<clipPath id="%s-clip"><rect width="%d" height="%d"/></clipPath>`, r.id, r.width, r.mapHeight)
		}
		b.WriteString("</defs>\n")
	}

	// The clip path applies in the user space of the element it is set
	// on, so it goes on a group outside the transform.
	if clip {
		fmt.Fprintf(b, `<g clip-path="url(#%s-clip)">`, r.id)
	}
	fmt.Fprintf(b, `<g class="geomap-map" transform="matrix(%s 0 0 %s %s %s)">`+"\n", formatFloat(r.scale, 6), formatFloat(r.scale, 6), formatFloat(r.tx, 3), formatFloat(r.ty, 3))

	// Municipalities.
	fmt.Fprintf(b, `<g class="geomap-areas" stroke="%s" stroke-width="%s" stroke-linejoin="round">`+"\n", areaStroke, px(areaStrokePx))
	for _, i := range r.areas {
		s := &m.areas[i]
		href := ""
		if r.opt.Link != nil {
			href = r.opt.Link(s.code)
		}
		if href != "" {
			b.WriteString(`<a href="`)
			b.WriteString(escape(href))
			b.WriteString(`">`)
		}
		v, ok := r.opt.Values[s.code]
		b.WriteString(`<path class="geomap-area`)
		if !ok {
			b.WriteString(` geomap-nodata`)
		}
		if r.highlight[s.code] {
			b.WriteString(` geomap-highlight`)
		}
		b.WriteString(`" data-code="`)
		b.WriteString(s.code)
		if ok {
			c := Classify(v, r.limits)
			b.WriteString(`" data-class="`)
			b.WriteString(strconv.Itoa(c))
			if r.borders[c] != areaStroke {
				b.WriteString(`" stroke="`)
				b.WriteString(r.borders[c])
			}
			b.WriteString(`" fill="`)
			b.WriteString(r.colours[c])
		} else {
			fmt.Fprintf(b, `" stroke="%s" fill="url(#%s-nodata)`, lightStroke, r.id)
		}
		b.WriteString(`" d="`)
		b.WriteString(s.path[r.level])
		b.WriteString(`"><title>`)
		if n, ok := r.opt.Names[s.code]; ok && n != "" {
			b.WriteString(escape(n))
		} else {
			b.WriteString(s.nameXML)
		}
		b.WriteString(": ")
		if ok {
			b.WriteString(escape(r.format(v)))
			b.WriteString(r.unit)
		} else {
			b.WriteString(escape(r.opt.NoDataLabel))
		}
		b.WriteString("</title></path>")
		if href != "" {
			b.WriteString("</a>")
		}
		b.WriteByte('\n')
	}
	b.WriteString("</g>\n")

	// County borders over the municipality borders.
	if len(r.counties) > 0 {
		fmt.Fprintf(b, `<g class="geomap-counties" fill="none" stroke="%s" stroke-width="%s" stroke-linejoin="round" pointer-events="none">`+"\n", countyStroke, px(countyStrokePx))
		for _, i := range r.counties {
			s := &m.counties[i]
			fmt.Fprintf(b, `<path data-county="%s" d="%s"/>`+"\n", s.code, s.path[r.level])
		}
		b.WriteString("</g>\n")
	}

	// Highlighted municipalities on top: black on a white casing.
	if len(r.highlight) > 0 {
		b.WriteString(`<g class="geomap-highlights" fill="none" stroke-linejoin="round" pointer-events="none">` + "\n")
		for _, layer := range [2]struct {
			colour string
			width  float64
		}{{highlightBg, highlightBgPx}, {highlightFg, highlightFgPx}} {
			fmt.Fprintf(b, `<g stroke="%s" stroke-width="%s">`+"\n", layer.colour, px(layer.width))
			for _, i := range r.areas {
				if s := &m.areas[i]; r.highlight[s.code] {
					fmt.Fprintf(b, `<path data-highlight="%s" d="%s"/>`+"\n", s.code, s.path[r.level])
				}
			}
			b.WriteString("</g>\n")
		}
		b.WriteString("</g>\n")
	}
	b.WriteString("</g>\n")
	if clip {
		b.WriteString("</g>\n")
	}

	if r.leg != nil {
		r.writeLegend(b)
	}
	b.WriteString("</svg>\n")
}

// writeHatch writes a diagonal hatch pattern with the given period in the
// user units of the element that uses it.
func (r *render) writeHatch(b *bytes.Buffer, id string, period float64) {
	p := formatFloat(period, 3)
	fmt.Fprintf(b, `<pattern id="%s" width="%s" height="%s" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="%s" height="%s" fill="%s"/><path d="M0 0V%s" stroke="%s" stroke-width="%s"/></pattern>`,
		id, p, p, p, p, noDataFill, p, noDataHatch, formatFloat(period/4, 3))
}
