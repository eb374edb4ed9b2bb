package chart

import (
	"fmt"
	"io"
	"strings"
)

// HistogramChart shows how a sample is distributed: Counts are the draws
// in len(Counts) bins of equal width from Lo to Hi, drawn as adjoining
// vertical bars whose height is the bin's share of all draws (%).
type HistogramChart struct {
	Title  string // required
	Desc   string // optional; put before the generated summary
	Unit   string // the value axis' name, e.g. "Innbyggere i den største gruppen"
	Source string
	// Of names what is counted, in the plural ("planer", "plans"); it
	// makes the share axis "Andel av planer (%)". Empty means
	// "observasjoner" ("observations").
	Of     string
	Lo, Hi float64
	Counts []int
	// Marks are labelled values drawn as dashed vertical lines across the
	// bars (such as the plan found, or today's structure); the axis widens
	// to include them.
	Marks []Reference
	// Width and Height in pixels; zero means 640 × 260.
	Width, Height int
	// Format formats values in the marks and the description; nil means
	// FormatNumber with the decimals the values need.
	Format func(float64) string
	Lang   string // "nb" (default) or "en"
	ID     string // see LineChart.ID
}

// Histogram writes c as an SVG histogram to w. With no draws at all it
// says "ingen data". Errors: a missing title, a width or height out of
// range, Lo or Hi not finite or Hi < Lo, a negative count, or a mark that
// is not finite.
func Histogram(w io.Writer, c HistogramChart) error {
	return write(w, "histogram", c.Title, c.render)
}

func (c *HistogramChart) render(s *svg) error {
	W, H, err := checkFrame(c.Title, c.Width, c.Height, 260, 180)
	if err != nil {
		return err
	}
	t := textsFor(c.Lang)
	if !finite(c.Lo) || !finite(c.Hi) || c.Hi < c.Lo {
		return fmt.Errorf("range %v–%v: want finite Lo ≤ Hi", c.Lo, c.Hi)
	}
	total := 0
	for i, n := range c.Counts {
		if n < 0 {
			return fmt.Errorf("bin %d: negative count %d", i, n)
		}
		total += n
	}
	lo, hi := c.Lo, c.Hi
	values := []float64{c.Lo, c.Hi}
	for _, m := range c.Marks {
		if !finite(m.Value) {
			return fmt.Errorf("mark %q: value %v is not finite", m.Label, m.Value)
		}
		lo, hi = min(lo, m.Value), max(hi, m.Value)
		values = append(values, m.Value)
	}
	id, err := chartID(c.ID, "histogram", c.Title, c.Desc, c.Unit, c.Source, c.Lo, c.Hi, c.Counts, c.Marks, W, H, c.Lang)
	if err != nil {
		return err
	}
	format := formatOr(c.Format, t.lang, values...)
	titles := wrap(c.Title, float64(W-2*pad), fontTitle)
	// Under the title: the share axis' name, then a line per mark.
	top := titleHeight(titles) + float64(1+len(c.Marks))*lineText + 10
	foot := footerLines(t, nil, c.Source, W)
	bottom := float64(H) - pad - float64(len(foot))*lineText - 22
	if c.Unit != "" {
		bottom -= lineText
	}
	s.header("histogram", id, W, H, t.lang, c.Title, c.desc(t, format, total), false)
	s.titleText(titles)
	if total == 0 || len(c.Counts) == 0 || bottom-top < 40 {
		s.noData(t, W, H-len(foot)*lineText, top)
		s.finish(foot, H)
		return nil
	}
	maxShare := 0.0
	for _, n := range c.Counts {
		maxShare = max(maxShare, 100*float64(n)/float64(total))
	}
	yTicks, yDec := niceTicks(0, maxShare, 4)
	yTop := yTicks[len(yTicks)-1]
	yLabels := formatTicks(yTicks, yDec, t.lang)
	var labelW float64
	for _, l := range yLabels {
		labelW = max(labelW, textWidth(l, fontText))
	}
	if lo == hi { // one value: a bin of width 1 around it
		lo, hi = lo-0.5, hi+0.5
	}
	// Room on the right for half the widest tick label.
	plotL, plotR := pad+labelW+8, float64(W)-pad-4
	xTicks, xDec := niceTicks(lo, hi, max(3, int(plotR-plotL)/90))
	xLabels := formatTicks(xTicks, xDec, t.lang)
	plotR = float64(W) - pad - max(4, textWidth(xLabels[len(xLabels)-1], fontText)/2)
	d0, d1 := xTicks[0], xTicks[len(xTicks)-1]
	xOf := func(v float64) float64 { return plotL + (v-d0)/(d1-d0)*(plotR-plotL) }
	yOf := func(v float64) float64 { return bottom - v/yTop*(bottom-top) }

	var grid path
	for _, v := range yTicks[1:] {
		grid.M(plotL, yOf(v))
		grid.H(plotR)
	}
	s.grid(&grid)
	s.yTickLabels(yTicks, yOf, yLabels, plotL)
	s.xTickLabels(xTicks, xOf, xLabels, bottom+18)
	if c.Unit != "" {
		s.xAxisLabel((plotL+plotR)/2, bottom+18+lineText+2, c.Unit)
	}
	s.yAxisLabel(titleHeight(titles)+lineText-4, t.shareOf+" "+c.of(t)+" (%)")

	// The bins.
	binLo, binW := c.Lo, (c.Hi-c.Lo)/float64(len(c.Counts))
	if c.Hi == c.Lo {
		binLo, binW = c.Lo-0.5, 1
	}
	s.start("g").attr("class", "chart-bars").openLine()
	for i, n := range c.Counts {
		if n == 0 {
			continue
		}
		a, b := binLo+float64(i)*binW, binLo+float64(i+1)*binW
		share := 100 * float64(n) / float64(total)
		x0, x1 := xOf(a), xOf(b)
		s.start("rect").attr("class", "chart-bar").attrf("x", x0).attrf("y", yOf(share)).attrf("width", max(0.5, x1-x0-0.5)).
			attrf("height", bottom-yOf(share)).attr("fill", colBar).openLine()
		s.start("title").textElem("title", format(a)+"–"+format(b)+": "+FormatNumber(share, 1, t.lang)+" %")
		s.close("rect")
	}
	s.close("g")
	var axis path
	axis.M(plotL, bottom)
	axis.H(plotR)
	s.axisLine("chart-axis chart-axis-x", &axis)

	// The marks, each labelled on a line of its own above the plot.
	for i, m := range c.Marks {
		x := xOf(m.Value)
		ly := titleHeight(titles) + float64(i+2)*lineText - 2
		label := strings.TrimSpace(m.Label + ": " + format(m.Value))
		tw := textWidth(label, fontText)
		xl := min(max(x, pad+tw/2), float64(W)-pad-tw/2)
		s.start("g").attr("class", "chart-ref").openLine()
		s.start("path").attr("d", "M"+fnum(x)+" "+fnum(ly+4)+"V"+fnum(bottom)).attr("stroke", colHighlight).attr("stroke-width", "2").
			attr("stroke-dasharray", dashes[i%len(dashes)]).end()
		s.start("text").attrf("x", xl).attrf("y", ly).attr("text-anchor", "middle").attr("fill", colHighlight).halo().textElem("text", label)
		s.close("g")
	}
	s.finish(foot, H)
	return nil
}

// dashes tell the marks apart without colour.
var dashes = []string{"6 3", "2 3", "10 3 2 3"}

// desc summarises the histogram: the number of draws, the range, the most
// common bin, and for each mark the share of draws below it.
func (c *HistogramChart) desc(t *texts, format func(float64) string, total int) string {
	var b strings.Builder
	writeDesc(&b, c.Desc)
	if total == 0 || len(c.Counts) == 0 {
		b.WriteString(t.noData + ".")
		return b.String()
	}
	binW := (c.Hi - c.Lo) / float64(len(c.Counts))
	best := 0
	for i, n := range c.Counts {
		if n > c.Counts[best] {
			best = i
		}
	}
	fmt.Fprintf(&b, "%s %s, %s %s–%s. %s %s–%s (%s %%).", FormatNumber(float64(total), 0, t.lang), c.of(t), t.from, format(c.Lo), format(c.Hi), t.mostCommon,
		format(c.Lo+float64(best)*binW), format(c.Lo+float64(best+1)*binW), FormatNumber(100*float64(c.Counts[best])/float64(total), 1, t.lang))
	for _, m := range c.Marks {
		below := 0.0
		for i, n := range c.Counts {
			a, e := c.Lo+float64(i)*binW, c.Lo+float64(i+1)*binW
			switch {
			case e <= m.Value:
				below += float64(n)
			case a < m.Value && binW > 0:
				below += float64(n) * (m.Value - a) / binW
			}
		}
		fmt.Fprintf(&b, " %s: %s, %s %s %% %s %s.", m.Label, format(m.Value), t.about, FormatNumber(100*below/float64(total), 0, t.lang), c.of(t), t.drawsBelow)
	}
	return b.String()
}

func (c *HistogramChart) of(t *texts) string {
	if c.Of != "" {
		return c.Of
	}
	return t.counted
}
