package chart

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"generalist/internal/nbfmt"
)

// LineChart is a time series with one or more series over whole years,
// such as the population of a municipality 2006–2026.
type LineChart struct {
	Title  string // required; the accessible name and the visible heading
	Desc   string // optional; put before the generated summary in <desc>
	YLabel string // unit or quantity of the y axis, e.g. "Innbyggere"
	Source string // e.g. "SSB, tabell 07459"; shown as "Kilde: …"
	// Series are drawn in order with the styles of seriesStyles; a legend
	// is shown when there are two or more. Beyond six, styles repeat.
	Series []Series
	// Width and Height in pixels; zero means 640 × 360.
	Width, Height int
	// Format formats values on the y axis and in the description; nil
	// means FormatNumber with 0 decimals when every value is whole and 1
	// otherwise (the ticks get the decimals their step needs).
	Format func(float64) string
	Lang   string // "nb" (default) or "en"
	// ZeroBased forces the y axis to start at zero. Otherwise it starts
	// at zero only when the data come within half their maximum of zero
	// (or cross it); when it does not, the chart says so under the plot
	// and in the description, and the y axis shows a break symbol.
	ZeroBased bool
	// ID is the prefix of the element ids; empty means one derived from
	// the inputs. Set it when the same chart appears twice on a page.
	ID string
}

// Series is one line of a LineChart.
type Series struct {
	Name   string
	Points []Point
}

// Point is the value of a series in year X. Known is false when there is
// no data for the year: the line is broken there and the year is marked
// "ingen data". A year absent from Points is not a gap: the line joins
// the points on either side, so series with a value every fifth year draw
// as one line.
type Point struct {
	X     int
	Y     float64
	Known bool
}

// Line writes c as an SVG line chart to w.
func Line(w io.Writer, c LineChart) error {
	return write(w, "line", c.Title, c.render)
}

type lineSeries struct {
	name    string
	pts     []Point // sorted by year
	missing []int   // years with Known false
	style   seriesStyle
	class   string
}

func (c *LineChart) render(s *svg) error {
	W, H, err := checkFrame(c.Title, c.Width, c.Height, 360, 160)
	if err != nil {
		return err
	}
	t := textsFor(c.Lang)

	// Sort and check the series; find the ranges.
	series := make([]lineSeries, len(c.Series))
	xmin, xmax := math.MaxInt, math.MinInt
	ymin, ymax := math.Inf(1), math.Inf(-1)
	var values []float64
	for i, sr := range c.Series {
		pts := slices.Clone(sr.Points)
		slices.SortStableFunc(pts, func(a, b Point) int { return cmp.Compare(a.X, b.X) })
		ls := lineSeries{name: sr.Name, pts: pts, style: seriesStyles[i%len(seriesStyles)], class: "chart-series chart-series-" + strconv.Itoa(i+1)}
		for j, p := range pts {
			if j > 0 && p.X == pts[j-1].X {
				return fmt.Errorf("series %q: year %d appears twice", sr.Name, p.X)
			}
			xmin, xmax = min(xmin, p.X), max(xmax, p.X)
			if !p.Known {
				ls.missing = append(ls.missing, p.X)
				continue
			}
			if !finite(p.Y) {
				return fmt.Errorf("series %q: year %d: value %v is not finite", sr.Name, p.X, p.Y)
			}
			ymin, ymax = min(ymin, p.Y), max(ymax, p.Y)
			values = append(values, p.Y)
		}
		series[i] = ls
	}
	id, err := chartID(c.ID, "line", c.Title, c.Desc, c.YLabel, c.Source, c.Series, W, H, c.Lang, c.ZeroBased)
	if err != nil {
		return err
	}
	format := formatOr(c.Format, t.lang, values...)

	// The y range; see ZeroBased.
	zero := len(values) > 0 && (c.ZeroBased || ymin == ymax || ymin <= 0 && ymax >= 0 || ymin > 0 && ymin <= ymax/2 || ymax < 0 && ymax >= ymin/2)
	lo, hi := ymin, ymax
	if zero {
		lo, hi = min(lo, 0), max(hi, 0)
	}

	// Vertical layout, top down and bottom up.
	titles := wrap(c.Title, float64(W-2*pad), fontTitle)
	legend := layoutLegend(series, W)
	top := titleHeight(titles)
	if len(legend) > 0 {
		top += legend[len(legend)-1].y + lineText + 4
	}
	labelY := top + fontText
	if c.YLabel != "" {
		top += lineText + 2
	}
	plotTop := top + 8
	var notes []string
	if len(values) > 0 && !zero {
		notes = append(notes, t.notZero)
	}
	foot := footerLines(t, notes, c.Source, W)
	plotBottom := float64(H-pad-len(foot)*lineText) - 22
	if plotBottom-plotTop < 60 {
		return fmt.Errorf("height %d leaves no room for the plot", H)
	}

	var ticks []float64
	var dec int
	if len(values) > 0 {
		ticks, dec = niceTicks(lo, hi, max(3, int((plotBottom-plotTop)/40)))
		lo, hi = min(ticks[0], lo), max(ticks[len(ticks)-1], hi)
		if !zero && lo <= 0 && hi >= 0 {
			// The nice ticks reached zero after all: no note, and the
			// plot takes its place.
			zero = true
			foot = footerLines(t, nil, c.Source, W)
			plotBottom = float64(H-pad-len(foot)*lineText) - 22
		}
	}
	desc := c.lineDesc(t, series, xmin, xmax, format, zero, lo, values)
	s.header("line", id, W, H, t.lang, c.Title, desc, false)
	s.titleText(titles)
	if len(values) == 0 {
		s.noData(t, W, H, plotTop)
		s.finish(foot, H)
		return nil
	}

	// Y ticks and the left margin.
	tickFormat := c.Format
	if tickFormat == nil {
		tickFormat = func(v float64) string { return FormatNumber(v, dec, t.lang) }
	}
	labels := make([]string, len(ticks))
	var labelW float64
	for i, v := range ticks {
		labels[i] = tickFormat(v)
		labelW = max(labelW, textWidth(labels[i], fontText))
	}
	left := pad + labelW + 8
	right := float64(W) - pad
	yOf := func(v float64) float64 { return plotBottom - (v-lo)/(hi-lo)*(plotBottom-plotTop) }
	// Each year owns a slot of width perYear and is drawn at its centre,
	// so the first point does not sit on the y axis and a gap in the
	// first or last year gets a full band.
	perYear := (right - left) / float64(xmax-xmin+1)
	xOf := func(year int) float64 { return left + (float64(year-xmin)+0.5)*perYear }

	if len(legend) > 0 {
		drawLegend(s, legend, titleHeight(titles))
	}
	if c.YLabel != "" {
		s.yAxisLabel(labelY, c.YLabel)
	}

	// Gridlines and y labels.
	var grid path
	for _, v := range ticks {
		grid.M(left, yOf(v))
		grid.H(right)
	}
	s.grid(&grid)
	s.yTickLabels(ticks, yOf, labels, left)

	// "No data" bands, under the lines.
	c.drawGaps(s, t, id, series, xOf, perYear, left, right, plotTop, plotBottom)

	// X axis: line, ticks every year when there is room, labels on
	// multiples of a step that leaves room for them.
	step := 1
	for _, st := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000} {
		step = st
		if float64(st)*perYear >= textWidth(itoa(xmax), fontText)+10 {
			break
		}
	}
	var axis path
	axis.M(left, plotBottom)
	axis.H(right)
	for yr := xmin; yr <= xmax; yr++ {
		if yr%step == 0 || perYear >= 4 {
			axis.M(xOf(yr), plotBottom)
			if yr%step == 0 {
				axis.V(plotBottom + 5)
			} else {
				axis.V(plotBottom + 3)
			}
		}
	}
	axis.M(left, plotTop)
	axis.V(plotBottom)
	s.axisLine("chart-axis chart-axis-x", &axis)
	s.start("g").attr("class", "chart-axis chart-axis-x").attr("text-anchor", "middle").openLine()
	for yr := xmin; yr <= xmax; yr++ {
		if yr%step == 0 {
			s.start("text").attrf("x", xOf(yr)).attrf("y", plotBottom+18).textElem("text", itoa(yr))
		}
	}
	s.close("g")
	if lo < 0 && hi > 0 {
		s.zeroLine("M" + fnum(left) + " " + fnum(yOf(0)) + "H" + fnum(right))
	}
	if !zero {
		// An axis break: two slanted strokes across the y axis near the
		// bottom, the usual sign that the axis does not start at zero.
		yb := plotBottom - 8
		var br path
		br.M(left-6, yb+3)
		br.L(left+6, yb-1)
		br.M(left-6, yb-1)
		br.L(left+6, yb-5)
		s.start("rect").attr("class", "chart-axis-break").attrf("x", left-6).attrf("y", yb-3).attr("width", "12").attr("height", "4").attr("fill", colBackground).end()
		s.start("path").attr("class", "chart-axis-break").attr("d", br.String()).attr("stroke", colMuted).attr("stroke-width", "1.5").attr("fill", "none").end()
	}

	// The series: one path each, with a new subpath after every gap, and
	// a marker on every known point so that single points between gaps
	// show and series differ by shape as well as colour and dash.
	r := min(3.5, max(2, perYear/4))
	for _, ls := range series {
		var line, marks path
		pen := false
		segs := 0
		for _, p := range ls.pts {
			if !p.Known {
				pen = false
				continue
			}
			if pen {
				line.L(xOf(p.X), yOf(p.Y))
			} else {
				line.M(xOf(p.X), yOf(p.Y))
				pen = true
				segs++
			}
			marker(&marks, ls.style.marker, xOf(p.X), yOf(p.Y), r)
		}
		if len(marks.b) == 0 {
			continue
		}
		s.start("g").attr("class", ls.class).openLine()
		s.start("path").attr("class", "chart-series-line").attr("d", line.String()).attr("fill", "none").attr("stroke", ls.style.colour).
			attr("stroke-width", "2").attrOpt("stroke-dasharray", ls.style.dash).attr("stroke-linejoin", "round").end()
		s.start("path").attr("class", "chart-series-marker").attr("d", marks.String()).attr("fill", ls.style.colour).attr("stroke", colBackground).attr("stroke-width", "1").end()
		s.close("g")
	}
	s.finish(foot, H)
	return nil
}

// lineDesc writes the textual summary: the years, then per series the
// first and last value, the change, the extremes and the years without
// data, then whether the y axis starts at zero.
func (c *LineChart) lineDesc(t *texts, series []lineSeries, xmin, xmax int, format func(float64) string, zero bool, lo float64, values []float64) string {
	var b strings.Builder
	writeDesc(&b, c.Desc)
	if xmin > xmax {
		b.WriteString(t.noData + ".")
		return b.String()
	}
	b.WriteString(t.series + " " + itoa(xmin))
	if xmax > xmin {
		b.WriteString("–" + itoa(xmax))
	}
	b.WriteString(".")
	for _, ls := range series {
		b.WriteString(" ")
		if ls.name != "" {
			b.WriteString(ls.name + ": ")
		}
		var known []Point
		for _, p := range ls.pts {
			if p.Known {
				known = append(known, p)
			}
		}
		switch len(known) {
		case 0:
			b.WriteString(t.noData)
		case 1:
			fmt.Fprintf(&b, "%s %s %d", format(known[0].Y), t.in, known[0].X)
		default:
			f, l := known[0], known[len(known)-1]
			fmt.Fprintf(&b, "%s %s %d %s %s %s %d (%s %s", format(f.Y), t.in, f.X, t.and, format(l.Y), t.in, l.X, t.change, signed(format(l.Y-f.Y), l.Y-f.Y))
			if f.Y != 0 {
				pct := (l.Y - f.Y) / math.Abs(f.Y) * 100
				fmt.Fprintf(&b, ", %s", nbfmt.For(t.lang).SignedPercent(pct, 1))
			}
			lo, hi := known[0], known[0]
			for _, p := range known {
				if p.Y < lo.Y {
					lo = p
				}
				if p.Y > hi.Y {
					hi = p
				}
			}
			fmt.Fprintf(&b, "); %s %s %s %d, %s %s %s %d", t.lowest, format(lo.Y), t.in, lo.X, t.highest, format(hi.Y), t.in, hi.X)
		}
		if len(ls.missing) > 0 && len(known) > 0 {
			fmt.Fprintf(&b, "; %s %s", strings.ToLower(t.noDataFor[:1])+t.noDataFor[1:], t.list(yearRanges(ls.missing)))
		}
		b.WriteString(".")
	}
	if len(values) > 0 && !zero {
		fmt.Fprintf(&b, " %s %s.", t.notZeroDesc, format(lo))
	}
	return b.String()
}

// signed puts a "+" before a formatted positive change.
func signed(s string, v float64) string {
	if v > 0 && !strings.HasPrefix(s, "+") && !strings.HasPrefix(s, "-") && strings.Trim(s, "0,.\u00a0 ") != "" {
		return "+" + s
	}
	return s
}

// drawGaps shades the years in which a series has no data with the hatch
// pattern and labels them "ingen data"; the tooltip names the series when
// not all of them lack data.
func (c *LineChart) drawGaps(s *svg, t *texts, id string, series []lineSeries, xOf func(int) float64, perYear, left, right, top, bottom float64) {
	who := map[int][]string{}
	for _, ls := range series {
		for _, yr := range ls.missing {
			who[yr] = append(who[yr], ls.name)
		}
	}
	if len(who) == 0 {
		return
	}
	years := make([]int, 0, len(who))
	for yr := range who {
		years = append(years, yr)
	}
	slices.Sort(years)
	s.hatch(id + "-hatch")
	s.start("g").attr("class", "chart-gaps").openLine()
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 && slices.Equal(who[years[j+1]], who[years[i]]) {
			j++
		}
		x0 := max(left, xOf(years[i])-perYear/2)
		x1 := min(right, xOf(years[j])+perYear/2)
		tip := t.noData + ": " + yearRanges(years[i : j+1])[0]
		label := t.noData
		if names := who[years[i]]; len(names) < len(series) {
			tip += " (" + t.list(names) + ")"
			label += " (" + t.list(names) + ")"
		}
		s.start("g").attr("class", "chart-nodata").openLine()
		s.start("title").textElem("title", tip)
		s.start("rect").attrf("x", x0).attrf("y", top).attrf("width", x1-x0).attrf("height", bottom-top).attr("fill", "url(#"+id+"-hatch)").end()
		// The label runs across the band when it fits and up along it
		// otherwise, shortened to the band if need be (the tooltip and
		// the description have it in full).
		// A white plate under the label keeps it readable on the hatching.
		if tw := textWidth(label, fontText); tw+6 <= x1-x0 {
			s.start("rect").attrf("x", (x0+x1-tw)/2-2).attrf("y", top+2).attrf("width", tw+4).attr("height", "16").attr("fill", colBackground).end()
			s.start("text").attrf("x", (x0+x1)/2).attrf("y", top+fontText+2).attr("text-anchor", "middle").attr("fill", colText).
				attr("font-style", "italic").textElem("text", label)
		} else {
			x, y := (x0+x1)/2+4, top+6
			label = truncate(label, bottom-top-12, fontText)
			tw := textWidth(label, fontText)
			rot := "rotate(-90 " + fnum(x) + " " + fnum(y) + ")"
			s.start("rect").attrf("x", x-tw-2).attrf("y", y-12).attrf("width", tw+4).attr("height", "16").attr("fill", colBackground).attr("transform", rot).end()
			s.start("text").attrf("x", x).attrf("y", y).attr("text-anchor", "end").attr("fill", colText).attr("font-style", "italic").
				attr("transform", rot).textElem("text", label)
		}
		s.close("g")
		i = j + 1
	}
	s.close("g")
}

// legendItem is one series in the legend, positioned relative to the top
// of the legend.
type legendItem struct {
	x, y float64
	ls   *lineSeries
}

const legendSample = 30 // length of the line sample in the legend

// layoutLegend places the legend items in rows that fit the width; nil
// when there is a single series.
func layoutLegend(series []lineSeries, w int) []legendItem {
	if len(series) < 2 {
		return nil
	}
	var items []legendItem
	x, y := float64(pad), 0.0
	for i := range series {
		iw := legendSample + 6 + textWidth(series[i].name, fontText)
		if x > pad && x+iw > float64(w-pad) {
			x, y = pad, y+lineText+2
		}
		items = append(items, legendItem{x: x, y: y, ls: &series[i]})
		x += iw + 18
	}
	return items
}

func drawLegend(s *svg, items []legendItem, top float64) {
	s.start("g").attr("class", "chart-legend").openLine()
	for _, it := range items {
		y := top + it.y + 10
		var line, mark path
		line.M(it.x, y)
		line.H(it.x + legendSample)
		marker(&mark, it.ls.style.marker, it.x+legendSample/2, y, 3.5)
		s.start("g").attr("class", it.ls.class).openLine()
		s.start("path").attr("d", line.String()).attr("stroke", it.ls.style.colour).attr("stroke-width", "2").attrOpt("stroke-dasharray", it.ls.style.dash).attr("fill", "none").end()
		s.start("path").attr("d", mark.String()).attr("fill", it.ls.style.colour).attr("stroke", colBackground).attr("stroke-width", "1").end()
		s.start("text").attrf("x", it.x+legendSample+6).attrf("y", y+4).textElem("text", it.ls.name)
		s.close("g")
	}
	s.close("g")
}

// fnum formats a coordinate as svg.num does.
func fnum(v float64) string {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
