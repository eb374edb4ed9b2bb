package chart

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"generalist/internal/nbfmt"
)

// MaxAge is the top single-year age class of SSB's population tables,
// "105 år eller eldre", the same as generalist.MaxAge. An age profile has
// MaxAge+1 values.
const MaxAge = 105

// AgeChart is the age profile of a population by single year of age, with
// an optional second distribution, such as the whole country, to compare
// it with.
type AgeChart struct {
	Title  string // required
	Desc   string // optional; put before the generated summary
	Source string
	// Name labels Ages in the legend and the description, e.g.
	// "Haugesund"; empty means "Kommunen".
	Name string
	// Ages holds the persons of each single age 0…MaxAge, the last one
	// meaning "MaxAge or older". They need not be whole numbers
	// (projections are not). Nil or all zero draws an "ingen data" chart.
	Ages []float64
	// Compare is an optional distribution of the same length, drawn as a
	// step line over the bars. Only its shares matter, so it may be
	// counts or percentages. CompareName labels it (e.g. "Norge").
	Compare     []float64
	CompareName string
	// Width and Height in pixels; zero means 640 × 560.
	Width, Height int
	Lang          string // "nb" (default) or "en"
	ID            string // see LineChart.ID
}

// ageBands are the broad groups the description reports: children and
// young people, working age, young old and old (the age from which the
// need for health and care services rises steeply).
var ageBands = [][2]int{{0, 17}, {18, 66}, {67, 79}, {80, MaxAge}}

// AgeProfile writes c as an SVG chart to w: one horizontal bar per single
// age, 0 at the bottom, with the share of the population in per cent on
// the horizontal axis, and the comparison drawn as a step line.
//
// Our single-age data has no split by sex, so this is a one-sided
// "pyramid". Shares rather than counts make municipalities of any size
// comparable with each other and with Norway.
func AgeProfile(w io.Writer, c AgeChart) error {
	return write(w, "age profile", c.Title, c.render)
}

// shares returns vs as per cent of their sum, and the sum.
func shares(vs []float64) ([]float64, float64, error) {
	var total float64
	for a, v := range vs {
		if !finite(v) || v < 0 {
			return nil, 0, fmt.Errorf("age %d: %v persons", a, v)
		}
		total += v
	}
	if total == 0 {
		return nil, 0, nil
	}
	out := make([]float64, len(vs))
	for a, v := range vs {
		out[a] = v / total * 100
	}
	return out, total, nil
}

func (c *AgeChart) render(s *svg) error {
	W, H, err := checkFrame(c.Title, c.Width, c.Height, 560, 300)
	if err != nil {
		return err
	}
	if n := len(c.Ages); n != 0 && n != MaxAge+1 {
		return fmt.Errorf("%d ages, want %d (0…%d)", n, MaxAge+1, MaxAge)
	}
	if n := len(c.Compare); n != 0 && n != MaxAge+1 {
		return fmt.Errorf("%d ages to compare with, want %d (0…%d)", n, MaxAge+1, MaxAge)
	}
	p, total, err := shares(c.Ages)
	if err != nil {
		return err
	}
	q, qtotal, err := shares(c.Compare)
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	if len(c.Compare) > 0 && qtotal == 0 {
		return errors.New("compare: all ages are zero")
	}
	t := textsFor(c.Lang)
	name := c.Name
	if name == "" {
		name = t.municipal
	}
	cname := c.CompareName
	if cname == "" {
		cname = t.comparison
	}
	id, err := chartID(c.ID, "age", c.Title, c.Desc, c.Source, name, c.Ages, c.Compare, cname, W, H, c.Lang)
	if err != nil {
		return err
	}

	// Layout.
	titles := wrap(c.Title, float64(W-2*pad), fontTitle)
	legendTop := titleHeight(titles)
	ageLabelY := legendTop + lineText + 4 + fontText
	plotTop := ageLabelY + 10
	foot := footerLines(t, nil, c.Source, W)
	axisLabelY := float64(H-pad-len(foot)*lineText) - 4
	plotBottom := axisLabelY - 34
	if plotBottom-plotTop < 106 {
		return fmt.Errorf("height %d leaves less than a pixel per age", H)
	}
	left := pad + textWidth("105+", fontText) + 10
	right := float64(W) - pad - 8

	s.header("age", id, W, H, t.lang, c.Title, c.ageDesc(t, name, cname, p, total, q), false)
	s.titleText(titles)
	if p == nil {
		s.noData(t, W, H, plotTop)
		s.finish(foot, H)
		return nil
	}

	var top float64
	for a := range p {
		top = max(top, p[a])
		if q != nil {
			top = max(top, q[a])
		}
	}
	ticks, dec := niceTicks(0, top, max(3, int((right-left)/90)))
	hi := ticks[len(ticks)-1]
	xOf := func(v float64) float64 { return left + v/hi*(right-left) }
	row := (plotBottom - plotTop) / (MaxAge + 1)
	rowTop := func(a int) float64 { return plotBottom - float64(a+1)*row }

	// Legend: a swatch for the bars, a line sample for the comparison.
	s.start("g").attr("class", "chart-legend").openLine()
	x, ly := float64(pad), legendTop+10
	s.start("rect").attr("class", "chart-bar").attrf("x", x).attrf("y", ly-6).attr("width", "14").attr("height", "12").attr("fill", colBar).end()
	s.start("text").attrf("x", x+20).attrf("y", ly+4).textElem("text", name)
	if q != nil {
		x += 20 + textWidth(name, fontText) + 24
		d := "M" + fnum(x) + " " + fnum(ly+5) + "H" + fnum(x+10) + "V" + fnum(ly-5) + "H" + fnum(x+legendSample)
		s.start("path").attr("d", d).attr("fill", "none").attr("stroke", colBackground).attr("stroke-width", "4").end()
		s.start("path").attr("class", "chart-compare").attr("d", d).attr("fill", "none").attr("stroke", colText).attr("stroke-width", "2").end()
		s.start("text").attrf("x", x+legendSample+6).attrf("y", ly+4).textElem("text", cname)
	}
	s.close("g")
	s.yAxisLabel(ageLabelY, t.age)

	// Gridlines and the share axis.
	var grid path
	for _, v := range ticks[1:] {
		grid.M(xOf(v), plotTop)
		grid.V(plotBottom)
	}
	s.grid(&grid)
	s.xTickLabels(ticks, xOf, formatTicks(ticks, dec, t.lang), plotBottom+16)
	s.xAxisLabel((left+right)/2, axisLabelY, t.share)

	// The bars, one path for all ages.
	gap := min(1, row*0.25)
	var bars path
	for a, v := range p {
		if v > 0 {
			bars.rect(left, rowTop(a)+gap/2, xOf(v)-left, row-gap)
		}
	}
	s.start("path").attr("class", "chart-bar").attr("d", bars.String()).attr("fill", colBar).end()

	// The age axis: ticks and labels every ten years and at the top class.
	var axis path
	axis.M(left, plotTop)
	axis.V(plotBottom)
	axis.H(right)
	s.start("g").attr("class", "chart-axis chart-axis-y").attr("text-anchor", "end").openLine()
	for a := 0; a <= MaxAge; a += 10 {
		y := rowTop(a) + row/2
		axis.M(left-4, y)
		axis.H(left)
		s.start("text").attrf("x", left-6).attrf("y", y+4).textElem("text", itoa(a))
	}
	if 5*row >= 14 {
		y := rowTop(MaxAge) + row/2
		axis.M(left-4, y)
		axis.H(left)
		s.start("text").attrf("x", left-6).attrf("y", y+4).textElem("text", strconv.Itoa(MaxAge)+"+")
	}
	s.close("g")
	s.axisLine("chart-axis", &axis)

	// The comparison as a step line with a white halo, so it stands out
	// on the bars and on the background alike.
	if q != nil {
		var step path
		step.M(xOf(q[0]), plotBottom)
		for a, v := range q {
			if a > 0 {
				step.H(xOf(v))
			}
			step.V(rowTop(a))
		}
		s.start("g").attr("class", "chart-compare").openLine()
		s.start("path").attr("d", step.String()).attr("fill", "none").attr("stroke", colBackground).attr("stroke-width", "4").attr("stroke-linejoin", "round").end()
		s.start("path").attr("d", step.String()).attr("fill", "none").attr("stroke", colText).attr("stroke-width", "2").attr("stroke-linejoin", "round").end()
		s.close("g")
	}
	s.finish(foot, H)
	return nil
}

// ageDesc summarises the profile: population, median age and the share
// of each broad age group, for the municipality and the comparison.
func (c *AgeChart) ageDesc(t *texts, name, cname string, p []float64, total float64, q []float64) string {
	var b strings.Builder
	writeDesc(&b, c.Desc)
	b.WriteString(t.ageIntro)
	if p == nil {
		b.WriteString(" " + name + ": " + t.noData + ".")
		return b.String()
	}
	fmt.Fprintf(&b, " %s: %s %s, ", name, FormatNumber(total, decimalsFor(c.Ages...), t.lang), t.persons)
	writeProfile(&b, t, p)
	if q != nil {
		fmt.Fprintf(&b, " %s: ", cname)
		writeProfile(&b, t, q)
	}
	return b.String()
}

func writeProfile(b *strings.Builder, t *texts, shares []float64) {
	var cum float64
	median := MaxAge
	for a, v := range shares {
		cum += v
		if cum >= 50 {
			median = a
			break
		}
	}
	fmt.Fprintf(b, "%s %d %s", t.medianAge, median, t.years)
	for _, band := range ageBands {
		var sum float64
		for _, v := range shares[band[0] : band[1]+1] {
			sum += v
		}
		label := itoa(band[0]) + "–" + itoa(band[1]) + " " + t.years
		if band[1] == MaxAge {
			label = itoa(band[0]) + " " + t.years + " " + t.orOlder
		}
		fmt.Fprintf(b, "; %s %s", label, nbfmt.For(t.lang).Percent(sum, 1))
	}
	b.WriteString(".")
}
