package geomap

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
)

// Legend metrics, in pixels. Text widths are estimated at charWidth em per
// character, an upper bound for common sans-serif fonts (DejaVu Sans, the
// widest usual default, averages about 0.6 em over digits and lower case),
// so the text fits its box whichever font the viewer picks.
const (
	legendPad     = 8
	titleSize     = 13
	titleLeading  = 16
	rowSize       = 12
	rowHeight     = 18
	swatchW       = 18
	swatchH       = 12
	swatchGap     = 6
	sourceSize    = 10
	sourceLeading = 13
	sectionGap    = 4
	charWidth     = 0.6
	maxLandShare  = 0.02 // of the legend box, for a corner to qualify
)

// legend is the laid-out legend box.
type legend struct {
	w, h   int
	x, y   int
	below  bool
	title  []string
	rows   []legendRow
	source []string
}

type legendRow struct {
	fill, label string
	fills       []string // the colours of a category, side by side
	class       string   // data-class of the swatch, "" for no data
}

func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * charWidth
}

// wrap breaks s into lines of at most width pixels at spaces (a longer
// word gets a line of its own).
func wrap(s string, size, width float64) []string {
	if s == "" {
		return nil
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && textWidth(line+" "+word, size) > width {
			lines = append(lines, line)
			line = ""
		}
		if line == "" {
			line = word
		} else {
			line += " " + word
		}
	}
	return append(lines, line)
}

// newLegend lays out the legend's contents with lines at most maxW pixels
// wide; placeLegend then positions it.
func (r *render) newLegend(maxW float64) *legend {
	inner := maxW - 2*legendPad
	l := &legend{
		title:  wrap(r.titleText(), titleSize, inner/1.05), // bold runs wider
		source: wrap(r.opt.Source, sourceSize, inner),
	}
	if r.opt.cats != nil {
		for _, c := range r.opt.cats {
			l.rows = append(l.rows, legendRow{fills: c.fills, label: c.label})
		}
	} else if r.hasClasses() {
		for i := range r.nClass {
			l.rows = append(l.rows, legendRow{fill: r.colours[i], label: r.label(i), class: strconv.Itoa(i)})
		}
	}
	if r.missing > 0 {
		l.rows = append(l.rows, legendRow{fill: "url(#" + r.id + "-nodata-key)", label: r.opt.NoDataLabel})
	}
	if len(l.title) == 0 && len(l.rows) == 0 && len(l.source) == 0 {
		return nil
	}
	w := 0.0
	for _, t := range l.title {
		w = math.Max(w, 1.05*textWidth(t, titleSize))
	}
	for _, row := range l.rows {
		w = math.Max(w, swatchW+swatchGap+textWidth(row.label, rowSize))
	}
	for _, t := range l.source {
		w = math.Max(w, textWidth(t, sourceSize))
	}
	l.w = int(math.Ceil(w)) + 2*legendPad
	h := legendPad
	sections := 0
	if len(l.title) > 0 {
		h += len(l.title) * titleLeading
		sections++
	}
	if len(l.rows) > 0 {
		h += len(l.rows) * rowHeight
		sections++
	}
	if len(l.source) > 0 {
		h += len(l.source) * sourceLeading
		sections++
	}
	l.h = h + (sections-1)*sectionGap + legendPad
	return l
}

// placeLegend puts the legend in the first corner that covers little land
// (see LegendAuto) or below the map, growing the SVG's height.
func (r *render) placeLegend() {
	l := r.leg
	if r.opt.Legend == LegendAuto && l.w+2*mapPad <= r.width && l.h+2*mapPad <= r.mapHeight {
		right, bottom := r.width-mapPad-l.w, r.mapHeight-mapPad-l.h
		for _, c := range [4][2]int{{right, bottom}, {mapPad, mapPad}, {right, mapPad}, {mapPad, bottom}} {
			if r.cornerFree(c[0], c[1], l.w, l.h) {
				l.x, l.y = c[0], c[1]
				return
			}
		}
	}
	// Below the map the legend may take the whole width, which saves
	// lines on narrow maps.
	l = r.newLegend(float64(r.width - 2*mapPad))
	l.below = true
	l.x, l.y = mapPad, r.mapHeight
	r.leg = l
	r.height = r.mapHeight + l.h
}

// cornerFree reports whether the legend box at pixel (x, y) of size w×h
// covers at most maxLandShare land of the drawn municipalities and none of
// the focused or highlighted ones. The land is measured on the coarsest
// geometry, which is exact enough to choose a corner.
func (r *render) cornerFree(x, y, w, h int) bool {
	mpp := (r.ext.Max[0] - r.ext.Min[0]) / float64(r.width-2*mapPad)
	box := orb.Bound{
		Min: orb.Point{r.ext.Min[0] + float64(x-mapPad)*mpp, r.ext.Max[1] - float64(y+h-mapPad)*mpp},
		Max: orb.Point{r.ext.Min[0] + float64(x+w-mapPad)*mpp, r.ext.Max[1] - float64(y-mapPad)*mpp},
	}
	limit := maxLandShare * (box.Max[0] - box.Min[0]) * (box.Max[1] - box.Min[1])
	land := 0.0
	for _, i := range r.areas {
		s := &r.m.areas[i]
		if !s.bound.Intersects(box) {
			continue
		}
		a := clippedArea(s.coarse, box)
		if a > 0 && (r.focus[s.code] || r.highlight[s.code]) {
			return false
		}
		land += a
		if land > limit {
			return false
		}
	}
	return true
}

// clippedArea returns the area of g inside box: each ring is clipped to the
// box (Sutherland–Hodgman, exact for a convex clip region) and holes are
// subtracted from their polygon's outer ring.
func clippedArea(g orb.MultiPolygon, box orb.Bound) float64 {
	total := 0.0
	var buf1, buf2 []orb.Point
	for _, poly := range g {
		a := 0.0
		for j, ring := range poly {
			var c []orb.Point
			c, buf1, buf2 = clipRing(ring, box, buf1, buf2)
			ra := math.Abs(shoelace(c))
			if j == 0 {
				a = ra
			} else {
				a -= ra
			}
		}
		if a > 0 {
			total += a
		}
	}
	return total
}

// clipRing clips a ring to box, one edge at a time, using the two buffers.
func clipRing(ring orb.Ring, box orb.Bound, in, out []orb.Point) (clipped, b1, b2 []orb.Point) {
	in = append(in[:0], ring...)
	for edge := range 4 {
		out = out[:0]
		inside := func(p orb.Point) bool {
			switch edge {
			case 0:
				return p[0] >= box.Min[0]
			case 1:
				return p[0] <= box.Max[0]
			case 2:
				return p[1] >= box.Min[1]
			}
			return p[1] <= box.Max[1]
		}
		cross := func(a, b orb.Point) orb.Point {
			var t float64
			switch edge {
			case 0:
				t = (box.Min[0] - a[0]) / (b[0] - a[0])
			case 1:
				t = (box.Max[0] - a[0]) / (b[0] - a[0])
			case 2:
				t = (box.Min[1] - a[1]) / (b[1] - a[1])
			default:
				t = (box.Max[1] - a[1]) / (b[1] - a[1])
			}
			return orb.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])}
		}
		for i := range in {
			cur, prev := in[i], in[(i+len(in)-1)%len(in)]
			switch ci, pi := inside(cur), inside(prev); {
			case ci && pi:
				out = append(out, cur)
			case ci:
				out = append(out, cross(prev, cur), cur)
			case pi:
				out = append(out, cross(prev, cur))
			}
		}
		in, out = out, in
		if len(in) == 0 {
			break
		}
	}
	return in, in, out
}

// shoelace returns the signed area of a polygon given by its vertices.
func shoelace(p []orb.Point) float64 {
	a := 0.0
	for i := range p {
		j := (i + 1) % len(p)
		a += p[i][0]*p[j][1] - p[j][0]*p[i][1]
	}
	return a / 2
}

// writeLegend writes the legend group in pixel units.
func (r *render) writeLegend(b *bytes.Buffer) {
	l := r.leg
	fmt.Fprintf(b, `<g class="geomap-legend" transform="translate(%d %d)" fill="%s" font-size="%d">`+"\n", l.x, l.y, textFill, rowSize)
	if l.below {
		fmt.Fprintf(b, `<rect x="%d" width="%d" height="%d" fill="#ffffff"/>`+"\n", -l.x, r.width, l.h)
	} else {
		fmt.Fprintf(b, `<rect width="%d" height="%d" fill="#ffffff" fill-opacity="0.9" stroke="#cccccc"/>`+"\n", l.w, l.h)
	}
	y := legendPad
	first := true
	gap := func() {
		if !first {
			y += sectionGap
		}
		first = false
	}
	if len(l.title) > 0 {
		gap()
		for _, t := range l.title {
			fmt.Fprintf(b, `<text x="%d" y="%d" font-size="%d" font-weight="bold">%s</text>`+"\n", legendPad, y+titleSize, titleSize, escape(t))
			y += titleLeading
		}
	}
	if len(l.rows) > 0 {
		gap()
		for _, row := range l.rows {
			if row.fills != nil {
				r.writeCategorySwatch(b, row.fills, y)
				fmt.Fprintf(b, `<text x="%d" y="%d">%s</text>`+"\n", legendPad+swatchW+swatchGap, y+rowHeight/2+rowSize*7/20, escape(row.label))
				y += rowHeight
				continue
			}
			attr := `class="geomap-key geomap-nodata"`
			if row.class != "" {
				attr = `class="geomap-key" data-class="` + row.class + `"`
			}
			fmt.Fprintf(b, `<rect %s x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="%s"/>`, attr, legendPad, y+(rowHeight-swatchH)/2, swatchW, swatchH, row.fill, swatchStroke)
			fmt.Fprintf(b, `<text x="%d" y="%d">%s</text>`+"\n", legendPad+swatchW+swatchGap, y+rowHeight/2+rowSize*7/20, escape(row.label))
			y += rowHeight
		}
	}
	if len(l.source) > 0 {
		gap()
		for _, t := range l.source {
			fmt.Fprintf(b, `<text x="%d" y="%d" font-size="%d" fill="%s">%s</text>`+"\n", legendPad, y+sourceSize, sourceSize, sourceFill, escape(t))
			y += sourceLeading
		}
	}
	b.WriteString("</g>\n")
}

// writeCategorySwatch writes the swatch of a category at row top y: its
// colours as equal stripes side by side, in one outline.
func (r *render) writeCategorySwatch(b *bytes.Buffer, fills []string, y int) {
	top := y + (rowHeight-swatchH)/2
	fmt.Fprintf(b, `<g class="geomap-key geomap-category">`)
	w := float64(swatchW) / float64(len(fills))
	for i, f := range fills {
		fmt.Fprintf(b, `<rect x="%s" y="%d" width="%s" height="%d" fill="%s"/>`, formatFloat(float64(legendPad)+float64(i)*w, 2), top, formatFloat(w, 2), swatchH, escape(f))
	}
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="%s"/></g>`, legendPad, top, swatchW, swatchH, swatchStroke)
}
