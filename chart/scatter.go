package chart

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// ScatterChart plots one value against another for many units, such as
// an indicator of every municipality against its population, with an
// optional fitted line from a regression.
type ScatterChart struct {
	Title  string // required; the accessible name and the visible heading
	Desc   string // optional; put before the generated summary in <desc>
	XLabel string // quantity of the x axis, e.g. "Innbyggere"
	YLabel string // quantity of the y axis, e.g. "Lovoppfyllelse (%)"
	Source string // shown as "Kilde: …"
	Points []ScatterPoint
	// Groups orders the legend: the groups named here come first, in
	// this order, and any others after them in the order they first
	// appear in Points. Groups differ by colour and marker shape.
	Groups []string
	// LogX draws the x axis on a logarithmic (base 10) scale with ticks
	// at 1, 2 and 5 times powers of ten, or at powers of ten when the
	// data span too many decades for that; every X must be positive.
	// Municipal populations, from a few hundred to 700 000, need it.
	LogX bool
	// Fit is an optional fitted line, drawn across the range of the data.
	Fit *Fit
	// Width and Height in pixels; zero means 640 × 420.
	Width, Height int
	// Format formats y values (axis ticks excepted) and XFormat x values
	// in the tooltips and the description; nil means FormatNumber with 0
	// decimals when every value is whole and 1 otherwise. The axis ticks
	// use FormatNumber with the decimals their step needs.
	Format, XFormat func(float64) string
	Lang            string // "nb" (default) or "en"
	ID              string // see LineChart.ID
}

// ScatterPoint is one unit of a ScatterChart.
type ScatterPoint struct {
	X, Y  float64
	Label string // names the point in its tooltip, its link and the description
	// Group selects the colour and marker shape; "" is a group too.
	Group string
	// Href, when set, links the point there. It must be a relative
	// reference or an http, https or mailto URL.
	Href string
	// Highlight draws the point larger, ringed and labelled, such as the
	// municipality a page is about.
	Highlight bool
}

// Fit is a fitted line y = Intercept + Slope·x, or, when LogBase is set,
// y = Intercept + Slope·log_LogBase(x), the form of a regression on the
// logarithm of the population. On a logarithmic x axis the second form
// is a straight line and the first a curve; on a linear axis the other
// way round.
type Fit struct {
	Intercept, Slope float64
	LogBase          float64 // 0 for a line in x; 2, 10 or math.E for one in log x
	Label            string  // legend text; empty means "Tilpasset linje" ("Fitted line")
}

// scatterTexts are the words only the scatter chart uses.
type scatterTexts struct {
	points, groups, logScale, fitted, per, doubling, slope, from, to, at, highlighted string
}

var (
	scatterNB = scatterTexts{"punkter", "grupper", "logaritmisk skala", "Tilpasset linje", "per", "dobling av", "stigningstall", "fra", "til", "ved", "Uthevet"}
	scatterEN = scatterTexts{"points", "groups", "logarithmic scale", "Fitted line", "per", "doubling of", "slope", "from", "to", "at", "Highlighted"}
)

const scatterRadius = 4

// Scatter writes c as an SVG scatter plot to w: one marker per point,
// coloured and shaped by group with a legend, on a linear or logarithmic
// x axis and a linear y axis with nice ticks around the data, the fitted
// line on top and the highlighted points, labelled, above everything.
//
// It follows the rules of the package (see the package documentation):
// the root has role="img", or role="group" when points are links, each
// link then carrying the point's label and values in its <title>; the
// <desc> gives the number of points and groups, the range of each axis
// with the units at its ends, the fitted line by its ends and its change
// per doubling (or its slope), and the highlighted points. Every point
// has a tooltip. Class names for host style sheets: chart-scatter on
// the root, chart-point on the markers, chart-fit on the fitted line and
// its legend entry, and those of the other charts.
//
// Scatter returns an error, and writes nothing, for a missing title, a
// value that is not finite, a non-positive x on a logarithmic axis, an
// unsafe link, an invalid fit or size. It takes O(n) time in the number
// of points.
func Scatter(w io.Writer, c ScatterChart) error {
	return write(w, "scatter", c.Title, c.render)
}

// scatterGroup is the points of one group with their style.
type scatterGroup struct {
	name  string
	style seriesStyle
	class string
	pts   []int // indices into Points
}

// axis maps data values to pixels along one axis.
type axis struct {
	log    bool
	lo, hi float64 // the domain, in data units
	p0, p1 float64 // the pixels of lo and hi
	ticks  []float64
	labels []string
}

func (a *axis) t(v float64) float64 {
	if a.log {
		return math.Log10(v)
	}
	return v
}

func (a *axis) px(v float64) float64 {
	return a.p0 + (a.t(v)-a.t(a.lo))/(a.t(a.hi)-a.t(a.lo))*(a.p1-a.p0)
}

func (c *ScatterChart) render(s *svg) error {
	W, H, err := checkFrame(c.Title, c.Width, c.Height, 420, 200)
	if err != nil {
		return err
	}
	t := textsFor(c.Lang)
	st := &scatterNB
	if english(c.Lang) {
		st = &scatterEN
	}

	// Check the points, find the ranges and sort the points into groups.
	n := len(c.Points)
	xs, ys := make([]float64, n), make([]float64, n)
	var labels, groupNames, hrefs strings.Builder
	links := false
	xmin, xmax := math.Inf(1), math.Inf(-1)
	ymin, ymax := math.Inf(1), math.Inf(-1)
	index := map[string]int{}
	var groups []*scatterGroup
	addGroup := func(name string) *scatterGroup {
		if i, ok := index[name]; ok {
			return groups[i]
		}
		i := len(groups)
		g := &scatterGroup{name: name, style: seriesStyles[i%len(seriesStyles)], class: "chart-series chart-series-" + itoa(i+1)}
		index[name] = i
		groups = append(groups, g)
		return g
	}
	for _, name := range c.Groups {
		addGroup(name)
	}
	for i, p := range c.Points {
		if !finite(p.X) || !finite(p.Y) {
			return fmt.Errorf("point %q: (%v, %v) is not finite", p.Label, p.X, p.Y)
		}
		if c.LogX && p.X <= 0 {
			return fmt.Errorf("point %q: x %v is not positive, as a logarithmic axis needs", p.Label, p.X)
		}
		if p.Href != "" {
			if err := checkHref(p.Href); err != nil {
				return fmt.Errorf("point %q: %w", p.Label, err)
			}
			links = true
		}
		xs[i], ys[i] = p.X, p.Y
		xmin, xmax = min(xmin, p.X), max(xmax, p.X)
		ymin, ymax = min(ymin, p.Y), max(ymax, p.Y)
		for _, b := range []*strings.Builder{&labels, &groupNames, &hrefs} {
			b.WriteByte(0)
		}
		labels.WriteString(p.Label)
		groupNames.WriteString(p.Group)
		hrefs.WriteString(p.Href)
		if p.Highlight {
			labels.WriteByte(1)
		}
		g := addGroup(p.Group)
		g.pts = append(g.pts, i)
	}
	// Groups named in c.Groups but without points are left out.
	used := groups[:0]
	for _, g := range groups {
		if len(g.pts) > 0 {
			used = append(used, g)
		}
	}
	groups = used
	var fitParts []float64
	if f := c.Fit; f != nil {
		if !finite(f.Intercept) || !finite(f.Slope) || !finite(f.LogBase) || f.LogBase < 0 || f.LogBase == 1 {
			return fmt.Errorf("fit: intercept %v, slope %v, log base %v: want finite numbers and a base that is 0 or positive and not 1", f.Intercept, f.Slope, f.LogBase)
		}
		if f.LogBase > 0 && n > 0 && xmin <= 0 {
			return fmt.Errorf("fit: a line in log x needs positive x, and the smallest is %v", xmin)
		}
		fitParts = []float64{f.Intercept, f.Slope, f.LogBase}
	}
	id, err := chartID(c.ID, "scatter", c.Title, c.Desc, c.XLabel, c.YLabel, c.Source, xs, ys, labels.String(), groupNames.String(), hrefs.String(),
		strings.Join(c.Groups, "\x00"), c.LogX, fitParts, fitLabel(c.Fit), W, H, c.Lang)
	if err != nil {
		return err
	}
	format, xformat := formatOr(c.Format, t.lang, ys...), formatOr(c.XFormat, t.lang, xs...)

	// Vertical layout, top down and bottom up.
	titles := wrap(c.Title, float64(W-2*pad), fontTitle)
	legend := c.layoutScatterLegend(groups, st, W)
	top := titleHeight(titles)
	legendTop := top
	if len(legend) > 0 {
		top += legend[len(legend)-1].y + lineText + 4
	}
	yLabelY := top + fontText
	if c.YLabel != "" {
		top += lineText + 2
	}
	plotTop := top + 8
	foot := footerLines(t, nil, c.Source, W)
	xLabel := c.XLabel
	if c.LogX && n > 0 {
		if xLabel == "" {
			xLabel = st.logScale
		} else {
			xLabel += " (" + st.logScale + ")"
		}
	}
	plotBottom := float64(H-pad-len(foot)*lineText) - 22
	xLabelY := plotBottom + 20 + lineText
	if xLabel != "" {
		plotBottom -= lineText + 2
		xLabelY = plotBottom + 20 + lineText
	}
	if plotBottom-plotTop < 60 {
		return fmt.Errorf("height %d leaves no room for the plot", H)
	}

	s.header("scatter", id, W, H, t.lang, c.Title, c.scatterDesc(t, st, groups, format, xformat), links)
	s.titleText(titles)
	if n == 0 {
		s.noData(t, W, H, plotTop)
		s.finish(foot, H)
		return nil
	}

	// The y axis: nice ticks around the data, which set the left margin.
	yticks, ydec := niceTicks(ymin, ymax, max(3, int((plotBottom-plotTop)/45)))
	y := axis{lo: yticks[0], hi: yticks[len(yticks)-1], p0: plotBottom, p1: plotTop, ticks: yticks}
	y.labels = formatTicks(yticks, ydec, t.lang)
	var labelW float64
	for _, l := range y.labels {
		labelW = max(labelW, textWidth(l, fontText))
	}
	left := pad + labelW + 8
	right := float64(W) - pad
	// The x axis; half the widest tick label may hang over either end.
	x := axis{log: c.LogX, p0: left, p1: right}
	if c.LogX {
		x.lo, x.hi, x.ticks, x.labels = logTicks(xmin, xmax, right-left, t.lang)
	} else {
		ticks, dec := niceTicks(xmin, xmax, max(3, int((right-left)/90)))
		x.lo, x.hi, x.ticks, x.labels = ticks[0], ticks[len(ticks)-1], ticks, formatTicks(ticks, dec, t.lang)
	}
	if hang := textWidth(x.labels[len(x.labels)-1], fontText)/2 - pad; hang > 0 && x.ticks[len(x.ticks)-1] == x.hi {
		x.p1 -= hang
		right = x.p1
	}

	if len(legend) > 0 {
		drawScatterLegend(s, legend, legendTop)
	}
	if c.YLabel != "" {
		s.yAxisLabel(yLabelY, c.YLabel)
	}

	// Gridlines at every tick, then the axes and their labels.
	var grid path
	for _, v := range y.ticks {
		grid.M(left, y.px(v))
		grid.H(right)
	}
	for _, v := range x.ticks {
		grid.M(x.px(v), plotTop)
		grid.V(plotBottom)
	}
	s.grid(&grid)
	var ax path
	ax.M(left, plotTop)
	ax.V(plotBottom)
	ax.H(right)
	for _, v := range x.ticks {
		ax.M(x.px(v), plotBottom)
		ax.V(plotBottom + 5)
	}
	s.axisLine("chart-axis", &ax)
	s.yTickLabels(y.ticks, y.px, y.labels, left)
	s.xTickLabels(x.ticks, x.px, x.labels, plotBottom+18)
	if xLabel != "" {
		s.xAxisLabel((left+right)/2, xLabelY, xLabel)
	}
	if y.lo < 0 && y.hi > 0 {
		s.zeroLine("M" + fnum(left) + " " + fnum(y.px(0)) + "H" + fnum(right))
	}

	// The points, one group after the other; each has a tooltip, and a
	// link has the point's label and values as its accessible name.
	tip := func(p ScatterPoint) string {
		v := xformat(p.X) + "; " + format(p.Y)
		if c.XLabel != "" && c.YLabel != "" {
			v = c.XLabel + " " + xformat(p.X) + "; " + c.YLabel + " " + format(p.Y)
		}
		if p.Label == "" {
			return v
		}
		return p.Label + ": " + v
	}
	for _, g := range groups {
		s.start("g").attr("class", g.class).attr("fill", g.style.colour).attr("stroke", colBackground).attr("stroke-width", "1").openLine()
		for _, i := range g.pts {
			p := c.Points[i]
			var m path
			marker(&m, g.style.marker, x.px(p.X), y.px(p.Y), scatterRadius)
			if p.Href != "" {
				s.start("a").attr("href", p.Href).attr("class", "chart-link").openLine()
			}
			s.start("path").attr("class", "chart-point").attr("d", m.String()).open()
			s.start("title").textElem("title", tip(p))
			s.close("path")
			if p.Href != "" {
				s.close("a")
			}
		}
		s.close("g")
	}

	// The fitted line, over the points, across the range of the data.
	if f := c.Fit; f != nil {
		c.drawFit(s, f, &x, &y, xmin, xmax)
	}

	// Highlighted points on top: larger, ringed in the text colour and
	// labelled, so they stand out without relying on colour.
	first := true
	for _, g := range groups {
		for _, i := range g.pts {
			p := c.Points[i]
			if !p.Highlight {
				continue
			}
			if first {
				s.start("g").attr("class", "chart-highlight").openLine()
				first = false
			}
			px, py := x.px(p.X), y.px(p.Y)
			var m path
			marker(&m, g.style.marker, px, py, scatterRadius*1.6)
			s.start("path").attr("d", m.String()).attr("fill", g.style.colour).attr("stroke", colText).attr("stroke-width", "2").end()
			if p.Label != "" {
				tw := textWidth(p.Label, fontText) * boldFactor(true)
				lx, anchor := px+scatterRadius*1.6+4, "start"
				if lx+tw > float64(W)-pad {
					lx, anchor = px-scatterRadius*1.6-4, "end"
				}
				s.start("text").attr("class", "chart-label").attrf("x", lx).attrf("y", py+4).attr("text-anchor", anchor).attr("font-weight", "bold").
					halo().textElem("text", p.Label)
			}
		}
	}
	if !first {
		s.close("g")
	}
	s.finish(foot, H)
	return nil
}

// fitLabel is the legend text of the fitted line.
func fitLabel(f *Fit) string {
	if f == nil {
		return ""
	}
	return f.Label
}

// at evaluates the fitted line at x.
func (f *Fit) at(x float64) float64 {
	if f.LogBase > 0 {
		return f.Intercept + f.Slope*math.Log(x)/math.Log(f.LogBase)
	}
	return f.Intercept + f.Slope*x
}

// drawFit draws the fitted line from xmin to xmax, clipped to the plot.
// A line that is straight on the axis needs two points; otherwise it is
// sampled at 64 even steps in log x, where a curve in log x bends on a
// linear axis (or a line in x bends on a log axis).
func (c *ScatterChart) drawFit(s *svg, f *Fit, x, y *axis, xmin, xmax float64) {
	steps := 1
	if (f.LogBase > 0) != x.log && xmax > xmin {
		steps = 64
	}
	logSteps := x.log || f.LogBase > 0
	top, bottom := y.p1, y.p0
	var p path
	pen := false
	var x0, y0 float64
	for i := 0; i <= steps; i++ {
		var v float64
		switch {
		case i == steps:
			v = xmax
		case logSteps:
			v = math.Pow(10, math.Log10(xmin)+(math.Log10(xmax)-math.Log10(xmin))*float64(i)/float64(steps))
		default:
			v = xmin + (xmax-xmin)*float64(i)/float64(steps)
		}
		x1, y1 := x.px(v), y.px(f.at(v))
		if i > 0 {
			if ax, ay, bx, by, ok := clipY(x0, y0, x1, y1, top, bottom); ok {
				if !pen {
					p.M(ax, ay)
				}
				p.L(bx, by)
				pen = by == y1 // continue only if the segment was not cut at its end
			} else {
				pen = false
			}
		}
		x0, y0 = x1, y1
	}
	if len(p.b) == 0 {
		return
	}
	s.start("path").attr("class", "chart-fit").attr("d", p.String()).attr("fill", "none").attr("stroke", colReference).
		attr("stroke-width", "2").attr("stroke-linejoin", "round").end()
}

// clipY clips the segment (x0, y0)–(x1, y1) to top ≤ y ≤ bottom.
func clipY(x0, y0, x1, y1, top, bottom float64) (ax, ay, bx, by float64, ok bool) {
	t0, t1 := 0.0, 1.0
	dy := y1 - y0
	for _, e := range [][2]float64{{-dy, y0 - top}, {dy, bottom - y0}} { // Liang–Barsky
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, 0, 0, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
	}
	if t0 > t1 {
		return 0, 0, 0, 0, false
	}
	dx := x1 - x0
	return x0 + t0*dx, y0 + t0*dy, x0 + t1*dx, y0 + t1*dy, true
}

// logTicks chooses the domain and ticks of a logarithmic axis of the
// given width in pixels for data from lo to hi (both positive). The
// domain runs from the 1-2-5 value at or below lo to the one at or above
// hi; the ticks are the values 1, 2 and 5 times a power of ten in it, or
// if their labels would collide, the powers of ten, or every other one.
func logTicks(lo, hi, width float64, lang string) (dlo, dhi float64, ticks []float64, labels []string) {
	dlo, dhi = step125(lo, false), step125(hi, true)
	if dlo == dhi {
		dlo, dhi = step125(dlo*0.99, false), step125(dhi*1.01, true)
	}
	px := func(v float64) float64 {
		return (math.Log10(v) - math.Log10(dlo)) / (math.Log10(dhi) - math.Log10(dlo)) * width
	}
	for _, round := range []struct {
		mantissas []int64
		every     int // decades
	}{{[]int64{1, 2, 5}, 1}, {[]int64{1}, 1}, {[]int64{1}, 2}} {
		ticks, labels = ticks[:0], labels[:0]
		e0, e1 := int(math.Floor(math.Log10(dlo))), int(math.Ceil(math.Log10(dhi)))
		for e := e0; e <= e1; e++ {
			if e%round.every != 0 {
				continue
			}
			for _, m := range round.mantissas {
				v := decimal(m, e)
				if v >= dlo*(1-1e-9) && v <= dhi*(1+1e-9) {
					ticks = append(ticks, v)
					labels = append(labels, FormatNumber(v, max(0, -e), lang))
				}
			}
		}
		fits := len(ticks) >= 2
		for i := 1; i < len(ticks) && fits; i++ {
			need := (textWidth(labels[i-1], fontText)+textWidth(labels[i], fontText))/2 + 16
			fits = px(ticks[i])-px(ticks[i-1]) >= need
		}
		if fits {
			return dlo, dhi, ticks, labels
		}
	}
	// Nothing fits (a very narrow chart): the ends of the domain.
	return dlo, dhi, []float64{dlo, dhi}, []string{FormatNumber(dlo, decimalsOf(dlo), lang), FormatNumber(dhi, decimalsOf(dhi), lang)}
}

// step125 returns the largest value 1, 2 or 5 times a power of ten at or
// below v (up false), or the smallest at or above v (up true); v > 0.
func step125(v float64, up bool) float64 {
	const eps = 1e-9
	e := int(math.Floor(math.Log10(v)))
	m := v / math.Pow10(e)
	if up {
		for _, k := range []int64{1, 2, 5, 10} {
			if m <= float64(k)*(1+eps) {
				return decimal(k, e)
			}
		}
		return decimal(10, e)
	}
	for _, k := range []int64{10, 5, 2, 1} {
		if m >= float64(k)*(1-eps) {
			return decimal(k, e)
		}
	}
	return decimal(1, e-1) * 5 // m just under 1 by rounding
}

// decimal returns m·10^e exactly as the decimal reads (0.2, not
// 0.20000000000000004).
func decimal(m int64, e int) float64 {
	if e >= 0 {
		return float64(m) * math.Pow10(e)
	}
	return float64(m) / math.Pow10(-e)
}

// decimalsOf is the number of decimals a 1-2-5 value needs.
func decimalsOf(v float64) int {
	return max(0, -int(math.Floor(math.Log10(v)+1e-9)))
}

// scatterLegendItem is one entry of the legend, relative to its top.
type scatterLegendItem struct {
	x, y  float64
	label string
	group *scatterGroup // nil for the fitted line
}

// layoutScatterLegend places the groups (when there are two or more)
// and the fitted line in rows that fit the width.
func (c *ScatterChart) layoutScatterLegend(groups []*scatterGroup, st *scatterTexts, w int) []scatterLegendItem {
	var items []scatterLegendItem
	if len(groups) > 1 {
		for _, g := range groups {
			items = append(items, scatterLegendItem{label: g.name, group: g})
		}
	}
	if c.Fit != nil {
		items = append(items, scatterLegendItem{label: c.fitName(st)})
	}
	x, y := float64(pad), 0.0
	for i := range items {
		sample := 14.0
		if items[i].group == nil {
			sample = legendSample
		}
		iw := sample + 6 + textWidth(items[i].label, fontText)
		if x > pad && x+iw > float64(w-pad) {
			x, y = pad, y+lineText+2
		}
		items[i].x, items[i].y = x, y
		x += iw + 18
	}
	return items
}

func (c *ScatterChart) fitName(st *scatterTexts) string {
	if c.Fit != nil && c.Fit.Label != "" {
		return c.Fit.Label
	}
	return st.fitted
}

func drawScatterLegend(s *svg, items []scatterLegendItem, top float64) {
	s.start("g").attr("class", "chart-legend").openLine()
	for _, it := range items {
		y := top + it.y + 10
		var mark path
		tx := it.x + legendSample + 6
		if g := it.group; g != nil {
			marker(&mark, g.style.marker, it.x+7, y, scatterRadius)
			tx = it.x + 14 + 6
			s.start("g").attr("class", g.class).openLine()
			s.start("path").attr("d", mark.String()).attr("fill", g.style.colour).attr("stroke", colBackground).attr("stroke-width", "1").end()
		} else {
			mark.M(it.x, y)
			mark.H(it.x + legendSample)
			s.start("g").attr("class", "chart-fit").openLine()
			s.start("path").attr("d", mark.String()).attr("stroke", colReference).attr("stroke-width", "2").attr("fill", "none").end()
		}
		s.start("text").attrf("x", tx).attrf("y", y+4).textElem("text", it.label)
		s.close("g")
	}
	s.close("g")
}

// scatterDesc summarises the plot: the number of points and groups, the
// range of each axis with the units at its ends, the fitted line by its
// ends and its change per step (per doubling for a line in log x), and
// the highlighted points with their values.
func (c *ScatterChart) scatterDesc(t *texts, st *scatterTexts, groups []*scatterGroup, format, xformat func(float64) string) string {
	var b strings.Builder
	writeDesc(&b, c.Desc)
	if len(c.Points) == 0 {
		b.WriteString(t.noData + ".")
		return b.String()
	}
	fmt.Fprintf(&b, "%d %s", len(c.Points), st.points)
	if len(groups) > 1 {
		var gs []string
		for _, g := range groups {
			gs = append(gs, g.name+" ("+itoa(len(g.pts))+")")
		}
		fmt.Fprintf(&b, ", %d %s: %s", len(groups), st.groups, t.list(gs))
	}
	b.WriteString(". ")
	name := func(p ScatterPoint) string {
		if p.Label == "" {
			return ""
		}
		return " (" + p.Label + ")"
	}
	ext := func(axisName string, v func(ScatterPoint) float64, f func(float64) string, log bool) {
		lo, hi := c.Points[0], c.Points[0]
		for _, p := range c.Points {
			if v(p) < v(lo) {
				lo = p
			}
			if v(p) > v(hi) {
				hi = p
			}
		}
		if axisName != "" {
			b.WriteString(axisName + ": ")
		}
		fmt.Fprintf(&b, "%s %s%s %s %s%s", st.from, f(v(lo)), name(lo), st.to, f(v(hi)), name(hi))
		if log {
			b.WriteString(", " + st.logScale)
		}
		b.WriteString(". ")
	}
	xName, yName := c.XLabel, c.YLabel
	if xName == "" {
		xName = "X"
	}
	if yName == "" {
		yName = "Y"
	}
	ext(xName, func(p ScatterPoint) float64 { return p.X }, xformat, c.LogX)
	ext(yName, func(p ScatterPoint) float64 { return p.Y }, format, false)
	if f := c.Fit; f != nil {
		xmin, xmax := math.Inf(1), math.Inf(-1)
		for _, p := range c.Points {
			xmin, xmax = min(xmin, p.X), max(xmax, p.X)
		}
		fmt.Fprintf(&b, "%s: %s %s %s %s %s %s %s %s", c.fitName(st), st.from, format(f.at(xmin)), st.at, xformat(xmin), st.to, format(f.at(xmax)), st.at, xformat(xmax))
		if f.LogBase > 0 {
			// The change per doubling with two significant digits, unless
			// the caller formats values (say, with a unit).
			d := f.Slope * math.Log(2) / math.Log(f.LogBase)
			fd := FormatNumber(d, sigDecimals(d, 2), t.lang)
			if c.Format != nil {
				fd = format(d)
			}
			fmt.Fprintf(&b, " (%s %s %s %s)", signed(fd, d), st.per, st.doubling, strings.ToLower(xName))
		} else {
			fmt.Fprintf(&b, " (%s %s)", st.slope, FormatNumber(f.Slope, sigDecimals(f.Slope, 3), t.lang))
		}
		b.WriteString(". ")
	}
	var marked []string
	for _, p := range c.Points {
		if p.Highlight {
			marked = append(marked, strings.TrimSpace(p.Label+" ("+xformat(p.X)+"; "+format(p.Y)+")"))
		}
	}
	if len(marked) > 0 {
		fmt.Fprintf(&b, "%s: %s.", st.highlighted, t.list(marked))
	}
	return strings.TrimSpace(b.String())
}

// sigDecimals is the number of decimals that shows v with about sig
// significant digits.
func sigDecimals(v float64, sig int) int {
	if v == 0 || !finite(v) {
		return 0
	}
	return max(0, sig-1-int(math.Floor(math.Log10(math.Abs(v)))))
}
