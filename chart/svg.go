package chart

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Colours. Every colour that carries meaning has a contrast ratio of at
// least 4.5:1 against the white background (checked by TestContrast), so
// it passes WCAG 1.4.11 (3:1 for graphics) and also 1.4.3 where it colours
// text. Gridlines and the hatch background are decoration and lighter.
const (
	colBackground = "#ffffff"
	colText       = "#1a1a1a" // 17.4:1
	colMuted      = "#595959" // 7.0:1, axis lines, notes, "ingen data"
	colGrid       = "#d9d9d9" // decoration only
	colHatch      = "#6b6b6b" // 5.3:1, the lines of the "no data" hatching
	colHatchBG    = "#f5f5f5" // decoration only
	colBar        = "#2c5f8a" // 6.8:1
	colHighlight  = "#b3420b" // 5.7:1
	colReference  = "#1a1a1a"
)

// seriesStyle distinguishes the series of a line chart by colour, dash
// pattern and marker shape at once, so that no series is told apart by
// colour alone (WCAG 1.4.1) and the chart survives greyscale printing.
type seriesStyle struct {
	colour string
	dash   string // stroke-dasharray; "" for solid
	marker string // circle, square, triangle, diamond, down, cross
}

// seriesStyles holds six styles; the colours are a darkened Okabe–Ito set,
// distinguishable with the common colour-vision deficiencies.
var seriesStyles = []seriesStyle{
	{"#0b5fa5", "", "circle"},          // blue, solid
	{"#b3420b", "8 4", "square"},       // vermilion, dashed
	{"#137752", "2 3", "triangle"},     // bluish green, dotted
	{"#7b3294", "12 4 2 4", "diamond"}, // purple, dash-dot
	{"#8a5a00", "5 2", "down"},         // ochre, short dashes
	{"#3d3d3d", "1 2 6 2", "cross"},    // dark grey, dot-dash
}

// Font sizes in pixels. Nothing is smaller than 12 px.
const (
	fontTitle = 16
	fontText  = 12
	lineTitle = 20 // line height of the title
	lineText  = 16 // line height of ordinary text
	pad       = 12 // outer padding
)

// svg builds an SVG document in memory, so that nothing is written when
// a chart is rejected and the writer sees one Write.
type svg struct {
	b bytes.Buffer
}

// num appends v rounded to one decimal, without a trailing ".0" and
// without a negative zero.
func (s *svg) num(v float64) {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // turns -0 into 0
	}
	var buf [32]byte
	s.b.Write(strconv.AppendFloat(buf[:0], v, 'f', -1, 64))
}

// start opens an element: "<name".
func (s *svg) start(name string) *svg {
	s.b.WriteByte('<')
	s.b.WriteString(name)
	return s
}

// attr appends ` k="v"`, escaping v.
func (s *svg) attr(k, v string) *svg {
	s.b.WriteByte(' ')
	s.b.WriteString(k)
	s.b.WriteString(`="`)
	escape(&s.b, v)
	s.b.WriteByte('"')
	return s
}

// attrf appends a numeric attribute.
func (s *svg) attrf(k string, v float64) *svg {
	s.b.WriteByte(' ')
	s.b.WriteString(k)
	s.b.WriteString(`="`)
	s.num(v)
	s.b.WriteByte('"')
	return s
}

// attrOpt appends the attribute only when v is not empty.
func (s *svg) attrOpt(k, v string) *svg {
	if v != "" {
		s.attr(k, v)
	}
	return s
}

// halo gives text a white outline painted under its fill, so it stays
// readable where it crosses a line.
func (s *svg) halo() *svg {
	return s.attr("stroke", colBackground).attr("stroke-width", "3").attr("stroke-linejoin", "round").attr("paint-order", "stroke")
}

// end closes an empty element: "/>".
func (s *svg) end() { s.b.WriteString("/>\n") }

// open closes a start tag: ">".
func (s *svg) open() { s.b.WriteString(">") }

// openLine closes a start tag and starts a new line.
func (s *svg) openLine() { s.b.WriteString(">\n") }

// close writes an end tag.
func (s *svg) close(name string) {
	s.b.WriteString("</")
	s.b.WriteString(name)
	s.b.WriteString(">\n")
}

// content writes escaped character data.
func (s *svg) content(t string) { escape(&s.b, t) }

// textElem ends a start tag opened with start and attributes, and writes
// the escaped text and the end tag: s.start("text").attr(…).textElem("text", t).
func (s *svg) textElem(name, text string) {
	s.open()
	s.content(text)
	s.close(name)
}

// path is a builder for the d attribute of a path.
type path struct {
	b []byte
}

func (p *path) cmd(c byte, vs ...float64) {
	p.b = append(p.b, c)
	for i, v := range vs {
		if i > 0 {
			p.b = append(p.b, ' ')
		}
		v = math.Round(v*10) / 10
		if v == 0 {
			v = 0
		}
		p.b = strconv.AppendFloat(p.b, v, 'f', -1, 64)
	}
}

func (p *path) M(x, y float64) { p.cmd('M', x, y) }
func (p *path) L(x, y float64) { p.cmd('L', x, y) }
func (p *path) H(x float64)    { p.cmd('H', x) }
func (p *path) V(y float64)    { p.cmd('V', y) }
func (p *path) Z()             { p.b = append(p.b, 'Z') }

// rect adds a closed rectangle to the path.
func (p *path) rect(x, y, w, h float64) {
	p.M(x, y)
	p.H(x + w)
	p.V(y + h)
	p.H(x)
	p.Z()
}

func (p *path) String() string { return string(p.b) }

// escape writes t as XML character data or attribute value. Characters
// XML does not allow (most control characters, lone surrogates, U+FFFE,
// U+FFFF) are replaced by U+FFFD, so every output parses.
func escape(b *bytes.Buffer, t string) {
	last := 0 // t[last:i] is pending and needs no escaping
	for i := 0; i < len(t); {
		c := t[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		var rep string
		switch {
		case r == '&':
			rep = "&amp;"
		case r == '<':
			rep = "&lt;"
		case r == '>':
			rep = "&gt;"
		case r == '"':
			rep = "&quot;"
		case r == '\'':
			rep = "&#39;"
		case r == '\n' || r == '\r' || r == '\t':
			rep = " "
		case r == utf8.RuneError && size == 1, r < 0x20, r >= 0xFFFE && r <= 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			rep = "\uFFFD"
		default:
			i += size
			continue
		}
		b.WriteString(t[last:i])
		b.WriteString(rep)
		i += size
		last = i
	}
	b.WriteString(t[last:])
}

// textWidth estimates the rendered width in pixels of s at the given font
// size in a common sans-serif face. There are no font metrics on the
// server; the estimate errs on the wide side and is only used for layout
// (margins, wrapping, whether a label fits). The widths per character are
// those of DejaVu Sans, the widest of the faces the charts name or fall
// back to (Linux browsers without Roboto draw it), measured in Chromium:
// a label laid out for it fits in Segoe UI, Roboto and Arial too.
func textWidth(s string, size float64) float64 {
	var w float64
	for _, r := range s {
		switch {
		case r == ' ' || r == '\u00a0' || r == '\u202f':
			w += 0.32
		case strings.ContainsRune("iljtfrI.,:;'!|()[]", r):
			w += 0.36
		case r >= '0' && r <= '9':
			w += 0.64
		case strings.ContainsRune("mwMWæÆ", r):
			w += 0.95
		case r == '–' || r == '—':
			w += 0.62
		case r == '…':
			w += 1
		case strings.ContainsRune("ØÅÄÖ", r):
			w += 0.8
		case unicode.IsUpper(r):
			w += 0.72
		default:
			w += 0.62
		}
	}
	return w * size
}

// wrap breaks s at spaces into lines no wider than width; a single word
// wider than width gets a line of its own.
func wrap(s string, width, size float64) []string {
	words := strings.Fields(s)
	var lines []string
	var line string
	for _, w := range words {
		if line == "" {
			line = w
			continue
		}
		if textWidth(line+" "+w, size) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line += " " + w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// truncate shortens s with "…" until it fits width.
func truncate(s string, width, size float64) string {
	if textWidth(s, size) <= width {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := strings.TrimRight(string(rs[:n]), " ") + "…"
		if textWidth(t, size) <= width {
			return t
		}
	}
	return "…"
}

// header writes the opening svg tag, the accessible name and description,
// and the background. The root has role="img" and points at <title> and
// <desc> with aria-labelledby and aria-describedby, the pattern that the
// most screen readers announce; role is "group" instead when the chart
// holds links, because the children of an img are presentational and the
// links would be hidden from assistive technology.
func (s *svg) header(kind, id string, w, h int, lang, title, desc string, interactive bool) {
	role := "img"
	if interactive {
		role = "group"
	}
	s.start("svg").attr("xmlns", "http://www.w3.org/2000/svg").
		attr("viewBox", "0 0 "+strconv.Itoa(w)+" "+strconv.Itoa(h)).
		attr("width", strconv.Itoa(w)).attr("height", strconv.Itoa(h)).
		attr("role", role).attr("aria-labelledby", id+"-title").attr("aria-describedby", id+"-desc").
		attr("lang", langTag(lang)).attr("class", "chart chart-"+kind).attr("id", id).
		attr("font-family", "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif").
		attr("font-size", strconv.Itoa(fontText)).attr("fill", colText).openLine()
	s.start("title").attr("id", id+"-title").textElem("title", title)
	s.start("desc").attr("id", id+"-desc").textElem("desc", desc)
	s.start("rect").attr("class", "chart-bg").attr("width", strconv.Itoa(w)).attr("height", strconv.Itoa(h)).attr("fill", colBackground).end()
}

// langTag returns the BCP 47 tag of the language the chart is written in.
func langTag(lang string) string {
	if english(lang) {
		return "en"
	}
	return "nb"
}

// titleText writes the visible title, already wrapped to the width.
// Host pages that show the title in HTML can hide it with CSS
// (.chart-title { display: none }).
func (s *svg) titleText(lines []string) {
	y := float64(pad)
	for _, l := range lines {
		y += lineTitle
		s.start("text").attr("class", "chart-title").attrf("x", pad).attrf("y", y-5).
			attr("font-size", strconv.Itoa(fontTitle)).attr("font-weight", "bold").textElem("text", l)
	}
}

// titleHeight is the space from the top of the chart to below the title.
func titleHeight(lines []string) float64 { return float64(pad + len(lines)*lineTitle + 4) }

// footerLines wraps the notes and the source line shown at the bottom of
// the chart into lines of (class, text); each takes lineText pixels.
func footerLines(t *texts, notes []string, source string, w int) [][2]string {
	var out [][2]string
	for _, n := range notes {
		for _, l := range wrap(n, float64(w-2*pad), fontText) {
			out = append(out, [2]string{"chart-note", l})
		}
	}
	if source != "" {
		for _, l := range wrap(t.source+": "+source, float64(w-2*pad), fontText) {
			out = append(out, [2]string{"chart-source", l})
		}
	}
	return out
}

// footer writes the lines of footerLines at the bottom of a chart of
// height h.
func (s *svg) footer(lines [][2]string, h int) {
	y := float64(h) - pad - float64(len(lines)-1)*lineText
	for _, l := range lines {
		s.start("text").attr("class", l[0]).attrf("x", pad).attrf("y", y).attr("fill", colMuted).textElem("text", l[1])
		y += lineText
	}
}

// finish writes the footer lines at the bottom of a chart of height h and
// ends the document.
func (s *svg) finish(foot [][2]string, h int) {
	s.footer(foot, h)
	s.close("svg")
}

// grid writes the gridlines drawn in d.
func (s *svg) grid(d *path) {
	s.start("path").attr("class", "chart-grid").attr("d", d.String()).attr("stroke", colGrid).attr("stroke-width", "1").attr("fill", "none").end()
}

// axisLine writes an axis line and its tick marks, drawn in d.
func (s *svg) axisLine(class string, d *path) {
	s.start("path").attr("class", class).attr("d", d.String()).attr("stroke", colMuted).attr("stroke-width", "1").attr("fill", "none").end()
}

// zeroLine writes the line at zero, drawn in d.
func (s *svg) zeroLine(d string) {
	s.start("path").attr("class", "chart-zero").attr("d", d).attr("stroke", colText).attr("stroke-width", "1").end()
}

// xTickLabels writes the labels of an x axis, each centred on its tick
// (at pixel xOf(v)) with its baseline at y.
func (s *svg) xTickLabels(ticks []float64, xOf func(float64) float64, labels []string, y float64) {
	s.start("g").attr("class", "chart-axis chart-axis-x").attr("text-anchor", "middle").openLine()
	for i, v := range ticks {
		s.start("text").attrf("x", xOf(v)).attrf("y", y).textElem("text", labels[i])
	}
	s.close("g")
}

// yTickLabels writes the labels of a y axis whose line is at pixel left,
// each ending 6 px left of it and level with its tick (at pixel yOf(v)).
func (s *svg) yTickLabels(ticks []float64, yOf func(float64) float64, labels []string, left float64) {
	s.start("g").attr("class", "chart-axis chart-axis-y").attr("text-anchor", "end").openLine()
	for i, v := range ticks {
		s.start("text").attrf("x", left-6).attrf("y", yOf(v)+4).textElem("text", labels[i])
	}
	s.close("g")
}

// yAxisLabel writes the name or unit of the y axis at the top left, with
// its baseline at y.
func (s *svg) yAxisLabel(y float64, text string) {
	s.start("text").attr("class", "chart-axis-label").attrf("x", pad).attrf("y", y).textElem("text", text)
}

// xAxisLabel writes the name or unit of the x axis centred on x, with its
// baseline at y.
func (s *svg) xAxisLabel(x, y float64, text string) {
	s.start("text").attr("class", "chart-axis-label").attrf("x", x).attrf("y", y).attr("text-anchor", "middle").textElem("text", text)
}

// noData says "ingen data" in place of the plot.
func (s *svg) noData(t *texts, w, h int, top float64) {
	s.start("text").attr("class", "chart-nodata").attrf("x", float64(w)/2).attrf("y", (top+float64(h))/2).
		attr("text-anchor", "middle").attr("fill", colMuted).attr("font-style", "italic").textElem("text", t.noData)
}

// hatch writes the pattern used for "no data" areas: grey diagonal lines
// on a light background, so the area reads as "missing" without colour.
func (s *svg) hatch(id string) {
	s.b.WriteString("<defs>\n")
	s.start("pattern").attr("id", id).attr("width", "6").attr("height", "6").
		attr("patternUnits", "userSpaceOnUse").attr("patternTransform", "rotate(45)").openLine()
	s.start("rect").attr("width", "6").attr("height", "6").attr("fill", colHatchBG).end()
	s.start("line").attr("x1", "0").attr("y1", "0").attr("x2", "0").attr("y2", "6").attr("stroke", colHatch).attr("stroke-width", "1.5").end()
	s.close("pattern")
	s.b.WriteString("</defs>\n")
}

// marker adds the marker shape centred on (x, y) with radius r to p.
func marker(p *path, shape string, x, y, r float64) {
	switch shape {
	case "square":
		p.rect(x-r*0.9, y-r*0.9, r*1.8, r*1.8)
	case "triangle":
		p.M(x, y-r*1.15)
		p.L(x+r*1.1, y+r*0.8)
		p.H(x - r*1.1)
		p.Z()
	case "down":
		p.M(x, y+r*1.15)
		p.L(x+r*1.1, y-r*0.8)
		p.H(x - r*1.1)
		p.Z()
	case "diamond":
		p.M(x, y-r*1.3)
		p.L(x+r*1.3, y)
		p.L(x, y+r*1.3)
		p.L(x-r*1.3, y)
		p.Z()
	case "cross":
		a, b := r*1.2, r*0.45
		p.M(x-a, y-b)
		p.H(x - b)
		p.V(y - a)
		p.H(x + b)
		p.V(y - b)
		p.H(x + a)
		p.V(y + b)
		p.H(x + b)
		p.V(y + a)
		p.H(x - b)
		p.V(y + b)
		p.H(x - a)
		p.Z()
	default: // circle, as two arcs
		p.M(x-r, y)
		p.cmd('a', r, r, 0, 1, 0, 2*r, 0)
		p.cmd('a', r, r, 0, 1, 0, -2*r, 0)
	}
}

// chartID returns the caller's id, or derives a stable one from the
// inputs (an FNV-1a hash of everything drawn) so that two different charts
// on one page do not share ids.
func chartID(given, kind string, parts ...any) (string, error) {
	if given != "" {
		if !validID(given) {
			return "", fmt.Errorf("invalid id %q: want a letter followed by letters, digits, '-' or '_'", given)
		}
		return given, nil
	}
	h := fnv.New64a()
	var buf [8]byte
	num := func(v uint64) {
		binary.LittleEndian.PutUint64(buf[:], v)
		h.Write(buf[:])
	}
	str := func(s string) {
		num(uint64(len(s)))
		io.WriteString(h, s)
	}
	str(kind)
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			str(p)
		case int:
			num(uint64(p))
		case bool:
			num(b2u(p))
		case []float64:
			num(uint64(len(p)))
			for _, v := range p {
				num(math.Float64bits(v))
			}
		case []Series:
			num(uint64(len(p)))
			for _, sr := range p {
				str(sr.Name)
				num(uint64(len(sr.Points)))
				for _, pt := range sr.Points {
					num(uint64(pt.X))
					num(math.Float64bits(pt.Y))
					num(b2u(pt.Known))
				}
			}
		case []Bar:
			num(uint64(len(p)))
			for _, b := range p {
				str(b.Label)
				str(b.Href)
				num(math.Float64bits(b.Value))
				num(b2u(b.Known) | b2u(b.Highlight)<<1)
			}
		case *Reference:
			if p != nil {
				str(p.Label)
				num(math.Float64bits(p.Value))
			}
		default:
			panic(fmt.Sprintf("chartID: unexpected %T", p))
		}
	}
	return fmt.Sprintf("chart-%08x", uint32(h.Sum64())), nil
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func validID(id string) bool {
	for i, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '-' || r == '_'):
		default:
			return false
		}
	}
	return id != ""
}

// errUnsafeHref is returned for a link that is not http(s), mailto or a
// relative reference: the SVG is inlined into pages as trusted HTML, so a
// javascript: URL must never get through.
var errUnsafeHref = errors.New("unsafe href")

func checkHref(h string) error {
	u, err := url.Parse(h)
	if err != nil {
		return fmt.Errorf("%w %q: %v", errUnsafeHref, h, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
		return nil
	}
	return fmt.Errorf("%w %q: scheme %s", errUnsafeHref, h, u.Scheme)
}

// write renders a chart of the given kind into memory and writes it to w
// in one Write, so that nothing is written when the chart is rejected.
func write(w io.Writer, kind, title string, render func(*svg) error) error {
	var s svg
	if err := render(&s); err != nil {
		return fmt.Errorf("chart: %s %q: %w", kind, title, err)
	}
	_, err := w.Write(s.b.Bytes())
	return err
}

// writeDesc starts a description with the caller's own text, if any,
// which goes before the generated summary.
func writeDesc(b *strings.Builder, desc string) {
	if d := strings.TrimSpace(desc); d != "" {
		b.WriteString(d)
		b.WriteString(" ")
	}
}

// checkFrame validates what every chart is given, in this order: its
// width (zero means 640), its height (zero means defH; BarChart, whose
// height follows from its bars, passes zeros) and its title.
func checkFrame(title string, width, height, defH, minH int) (w, h int, err error) {
	if w, err = checkSize("width", width, 640, 240); err != nil {
		return 0, 0, err
	}
	if h, err = checkSize("height", height, defH, minH); err != nil {
		return 0, 0, err
	}
	if strings.TrimSpace(title) == "" {
		return 0, 0, errors.New("title is required")
	}
	return w, h, nil
}

// checkSize validates a width or height, with def for zero.
func checkSize(name string, v, def, min int) (int, error) {
	if v == 0 {
		return def, nil
	}
	if v < min || v > 10000 {
		return 0, fmt.Errorf("%s %d out of range [%d, 10000]", name, v, min)
	}
	return v, nil
}

func itoa(i int) string { return strconv.Itoa(i) }

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
