package chart

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// BarChart compares a value across municipalities (or any categories) as
// horizontal bars, one row per bar in the order given.
type BarChart struct {
	Title  string // required
	Desc   string // optional; put before the generated summary
	Unit   string // shown under the value axis and in the description, e.g. "Prosent"
	Source string
	Bars   []Bar
	// Reference is an optional vertical line across the bars, such as the
	// national median or a threshold like 5 000 inhabitants.
	Reference *Reference
	// Width in pixels; zero means 640. The height follows from the number
	// of bars (24 px a row).
	Width int
	// Format formats the value labels and the description; nil means
	// FormatNumber with 0 decimals when every value is whole and 1
	// otherwise. The axis ticks use FormatNumber with the decimals of
	// their step.
	Format func(float64) string
	Lang   string // "nb" (default) or "en"
	ID     string // see LineChart.ID
}

// Bar is one row of a BarChart.
type Bar struct {
	Label string
	Value float64
	// Known is false when there is no data: the row says "ingen data"
	// instead of drawing a bar.
	Known bool
	// Highlight draws the bar in the highlight colour and its label and
	// value in bold, so it stands out without relying on colour.
	Highlight bool
	// Href, when set, links the row (label, bar and value) there. It must
	// be a relative reference or an http, https or mailto URL.
	Href string
}

// Reference is a labelled value marked across a BarChart.
type Reference struct {
	Label string
	Value float64
}

const (
	barRow    = 24 // row height
	barHeight = 16
)

// Bars writes c as an SVG horizontal bar chart to w. Bars grow from a
// zero line, so negative values point left; the value axis always
// includes zero, since a bar's length is its value.
func Bars(w io.Writer, c BarChart) error {
	return write(w, "bars", c.Title, c.render)
}

func (c *BarChart) render(s *svg) error {
	W, _, err := checkFrame(c.Title, c.Width, 0, 0, 0) // the height follows from the bars
	if err != nil {
		return err
	}
	t := textsFor(c.Lang)
	lo, hi := 0.0, 0.0
	var values []float64
	links := false
	for _, b := range c.Bars {
		if b.Href != "" {
			if err := checkHref(b.Href); err != nil {
				return fmt.Errorf("bar %q: %w", b.Label, err)
			}
			links = true
		}
		if !b.Known {
			continue
		}
		if !finite(b.Value) {
			return fmt.Errorf("bar %q: value %v is not finite", b.Label, b.Value)
		}
		lo, hi = min(lo, b.Value), max(hi, b.Value)
		values = append(values, b.Value)
	}
	if r := c.Reference; r != nil {
		if !finite(r.Value) {
			return fmt.Errorf("reference %q: value %v is not finite", r.Label, r.Value)
		}
		lo, hi = min(lo, r.Value), max(hi, r.Value)
		values = append(values, r.Value)
	}
	id, err := chartID(c.ID, "bars", c.Title, c.Desc, c.Unit, c.Source, c.Bars, c.Reference, W, c.Lang)
	if err != nil {
		return err
	}
	format := formatOr(c.Format, t.lang, values...)

	// Vertical layout.
	titles := wrap(c.Title, float64(W-2*pad), fontTitle)
	y := titleHeight(titles)
	refLabelY := y + fontText
	if c.Reference != nil {
		y += lineText + 4
	}
	barsTop := y + 4
	barsBottom := barsTop + float64(len(c.Bars)*barRow)
	unitY := barsBottom + 20 + lineText
	foot := footerLines(t, nil, c.Source, W)
	H := int(unitY) + 6 + len(foot)*lineText + pad
	if c.Unit == "" {
		H -= lineText
	}

	if len(c.Bars) == 0 {
		H = int(barsTop) + 3*lineText + len(foot)*lineText + pad
	}
	s.header("bars", id, W, H, t.lang, c.Title, c.barDesc(t, format), links)
	s.titleText(titles)
	if len(c.Bars) == 0 {
		s.noData(t, W, H-len(foot)*lineText, barsTop)
		s.finish(foot, H)
		return nil
	}

	// Horizontal layout: a label column, then the plot, with room on
	// either side for the value labels at the ends of the bars.
	labels := make([]string, len(c.Bars))
	valueLabels := make([]string, len(c.Bars))
	var labelW float64
	for i, b := range c.Bars {
		labelW = max(labelW, labelWidth(b.Label, b.Highlight))
		if b.Known {
			valueLabels[i] = format(b.Value)
		} else {
			valueLabels[i] = t.noData
		}
	}
	labelW = min(labelW, float64(W)*0.35)
	for i, b := range c.Bars {
		labels[i] = b.Label
		if labelWidth(b.Label, b.Highlight) > labelW {
			labels[i] = truncate(b.Label, labelW/boldFactor(b.Highlight), fontText)
		}
	}
	ticks, dec := niceTicks(lo, hi, max(3, (W-int(labelW))/110))
	d0, d1 := ticks[0], ticks[len(ticks)-1]
	minL := pad + labelW + 8
	// The last tick's label is centred on the plot's right edge: keep
	// half of it inside the chart.
	tickLabels := formatTicks(ticks, dec, t.lang)
	maxR := float64(W) - max(pad, textWidth(tickLabels[len(tickLabels)-1], fontText)/2+2)
	plotL, plotR := minL, maxR
	xOf := func(v float64) float64 { return plotL + (v-d0)/(d1-d0)*(plotR-plotL) }
	// Shrink the plot until every value label fits; the estimate of text
	// widths makes a few rounds enough.
	for range 6 {
		var overR, overL float64
		for i, b := range c.Bars {
			lw := textWidth(valueLabels[i], fontText)*boldFactor(b.Highlight) + 4
			switch v := b.Value; {
			case !b.Known && d1 > 0, b.Known && v >= 0:
				if !b.Known {
					v = 0
				}
				overR = max(overR, xOf(v)+lw-maxR)
			default:
				if !b.Known {
					v = 0
				}
				overL = max(overL, minL-(xOf(v)-lw))
			}
		}
		if overR <= 0.05 && overL <= 0.05 {
			break
		}
		plotR -= max(0, overR)
		plotL += max(0, overL)
	}
	x0 := xOf(0)

	// Gridlines and the value axis.
	var grid path
	for _, v := range ticks {
		if v != 0 {
			grid.M(xOf(v), barsTop)
			grid.V(barsBottom)
		}
	}
	s.grid(&grid)
	s.xTickLabels(ticks, xOf, tickLabels, barsBottom+18)
	if c.Unit != "" {
		s.xAxisLabel((plotL+plotR)/2, unitY, c.Unit)
	}

	// The reference line and its label, clamped inside the chart. The
	// line goes under the rows, whose value labels have a white halo.
	if r := c.Reference; r != nil {
		xr := xOf(r.Value)
		label := strings.TrimSpace(r.Label + ": " + format(r.Value))
		if r.Label == "" {
			label = format(r.Value)
		}
		tw := textWidth(label, fontText)
		xl := min(max(xr, pad+tw/2), float64(W)-pad-tw/2)
		s.start("g").attr("class", "chart-ref").openLine()
		s.start("path").attr("d", "M"+fnum(xr)+" "+fnum(refLabelY+4)+"V"+fnum(barsBottom+2)).attr("stroke", colReference).attr("stroke-width", "1.5").attr("stroke-dasharray", "6 3").end()
		s.start("text").attrf("x", xl).attrf("y", refLabelY).attr("text-anchor", "middle").textElem("text", label)
		s.close("g")
	}
	// The rows.
	s.start("g").attr("class", "chart-bars").openLine()
	for i, b := range c.Bars {
		top := barsTop + float64(i*barRow)
		mid := top + barRow/2
		class := "chart-row"
		fill, weight := colBar, ""
		if b.Highlight {
			class += " chart-highlight"
			fill, weight = colHighlight, "bold"
		}
		if b.Href != "" {
			s.start("a").attr("href", b.Href).attr("class", "chart-link").openLine()
		}
		s.start("g").attr("class", class).openLine()
		s.start("title").textElem("title", b.Label+": "+valueLabels[i])
		s.start("text").attr("class", "chart-label").attrf("x", minL-8).attrf("y", mid+4).attr("text-anchor", "end").attrOpt("font-weight", weight).textElem("text", labels[i])
		switch {
		case !b.Known:
			x, anchor := x0+4, "start"
			if d1 <= 0 {
				x, anchor = x0-4, "end"
			}
			s.start("text").attr("class", "chart-value chart-nodata").attrf("x", x).attrf("y", mid+4).attr("text-anchor", anchor).
				attr("fill", colMuted).attr("font-style", "italic").halo().textElem("text", t.noData)
		default:
			xv := xOf(b.Value)
			s.start("rect").attr("class", "chart-bar").attrf("x", min(x0, xv)).attrf("y", mid-barHeight/2).attrf("width", max(x0, xv)-min(x0, xv)).
				attr("height", strconv.Itoa(barHeight)).attr("fill", fill).end()
			x, anchor := xv+4, "start"
			if b.Value < 0 {
				x, anchor = xv-4, "end"
			}
			s.start("text").attr("class", "chart-value").attrf("x", x).attrf("y", mid+4).attr("text-anchor", anchor).attrOpt("font-weight", weight).
				halo().textElem("text", valueLabels[i])
		}
		s.close("g")
		if b.Href != "" {
			s.close("a")
		}
	}
	s.close("g")

	// Where a bar covers the reference line, the line continues over the
	// bar in white.
	if r := c.Reference; r != nil {
		xr := xOf(r.Value)
		var over path
		for i, b := range c.Bars {
			if xv := xOf(b.Value); b.Known && min(x0, xv) < xr-1 && xr+1 < max(x0, xv) {
				mid := barsTop + float64(i*barRow) + barRow/2
				over.M(xr, mid-barHeight/2)
				over.V(mid + barHeight/2)
			}
		}
		if len(over.b) > 0 {
			s.start("path").attr("class", "chart-ref").attr("d", over.String()).attr("stroke", colBackground).attr("stroke-width", "1.5").attr("stroke-dasharray", "3 2").end()
		}
	}

	// The zero line, over the bars' ends.
	s.zeroLine("M" + fnum(x0) + " " + fnum(barsTop-2) + "V" + fnum(barsBottom+2))

	s.finish(foot, H)
	return nil
}

// boldFactor is how much wider bold text is than regular.
func boldFactor(bold bool) float64 {
	if bold {
		return 1.08
	}
	return 1
}

func labelWidth(s string, bold bool) float64 { return textWidth(s, fontText) * boldFactor(bold) }

// barDesc lists every bar with its value in the order shown, then the
// highest and lowest, the highlighted bars and the reference line: for a
// comparison the values are the content, so the text alternative gives
// them all.
func (c *BarChart) barDesc(t *texts, format func(float64) string) string {
	var b strings.Builder
	writeDesc(&b, c.Desc)
	if len(c.Bars) == 0 {
		b.WriteString(t.noData + ".")
		return b.String()
	}
	if c.Unit != "" {
		fmt.Fprintf(&b, "%s: %s. ", t.unit, c.Unit)
	}
	fmt.Fprintf(&b, "%d %s: ", len(c.Bars), t.bars)
	var hi, lo *Bar
	var marked []string
	for i := range c.Bars {
		bar := &c.Bars[i]
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(bar.Label + " ")
		if !bar.Known {
			b.WriteString(t.noData)
		} else {
			b.WriteString(format(bar.Value))
			if hi == nil || bar.Value > hi.Value {
				hi = bar
			}
			if lo == nil || bar.Value < lo.Value {
				lo = bar
			}
		}
		if bar.Highlight {
			marked = append(marked, bar.Label)
		}
	}
	b.WriteString(".")
	if hi != nil && hi != lo {
		fmt.Fprintf(&b, " %s: %s (%s), %s: %s (%s).", t.highestBar, hi.Label, format(hi.Value), t.lowest, lo.Label, format(lo.Value))
	}
	if len(marked) > 0 {
		fmt.Fprintf(&b, " %s: %s.", t.highlighted, t.list(marked))
	}
	if r := c.Reference; r != nil {
		fmt.Fprintf(&b, " %s: %s.", t.reference, strings.TrimSpace(r.Label+" "+format(r.Value)))
	}
	return b.String()
}
