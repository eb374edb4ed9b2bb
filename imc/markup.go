package imc

import (
	"html"
	"strings"
	"unicode/utf8"
)

// The agreement templates write a small, line-based markup that becomes
// both Markdown and HTML:
//
//	# Heading, ## Subheading, ### Subsubheading
//	- list item
//	| table | row |        (a row of only -, : and | separates the header)
//	> note
//	---                    (a rule)
//	paragraph text, joined over lines until a blank line
//
// Inline, **text** is strong, [[MANGLER: text]] marks a missing required
// item, and a backslash makes the next character literal. Everything else
// is text: the HTML writer escapes it, and the Markdown writer writes <, >
// and & as entities and escapes Markdown's syntax, so no input can inject
// markup or HTML into either.

type blockKind int

const (
	bPara blockKind = iota
	bHeading
	bList
	bTable
	bNote
	bRule
)

type block struct {
	kind   blockKind
	level  int        // heading level 1–3
	lines  []string   // paragraph, list items, note lines
	rows   [][]string // table rows
	header int        // number of header rows of a table
}

// parseMarkup splits the markup into blocks.
func parseMarkup(src string) []block {
	var out []block
	var cur *block
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	for _, raw := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		line := strings.TrimRight(raw, " \t\r")
		trim := strings.TrimLeft(line, " \t")
		switch {
		case trim == "":
			flush()
		case trim == "---":
			flush()
			out = append(out, block{kind: bRule})
		case headingLevel(trim) > 0:
			flush()
			lvl := headingLevel(trim)
			out = append(out, block{kind: bHeading, level: lvl, lines: []string{strings.TrimSpace(trim[lvl+1:])}})
		case strings.HasPrefix(trim, "- "):
			if cur == nil || cur.kind != bList {
				flush()
				cur = &block{kind: bList}
			}
			cur.lines = append(cur.lines, strings.TrimSpace(trim[2:]))
		case strings.HasPrefix(trim, "|"):
			if cur == nil || cur.kind != bTable {
				flush()
				cur = &block{kind: bTable}
			}
			if isSeparatorRow(trim) {
				if cur.header == 0 {
					cur.header = len(cur.rows)
				}
				continue
			}
			cur.rows = append(cur.rows, splitRow(trim))
		case trim == ">" || strings.HasPrefix(trim, "> "):
			if cur == nil || cur.kind != bNote {
				flush()
				cur = &block{kind: bNote}
			}
			cur.lines = append(cur.lines, strings.TrimSpace(strings.TrimPrefix(trim, ">")))
		default:
			if cur == nil || cur.kind != bPara {
				flush()
				cur = &block{kind: bPara}
			}
			cur.lines = append(cur.lines, trim)
		}
	}
	flush()
	return out
}

func headingLevel(s string) int {
	for lvl := 1; lvl <= 3; lvl++ {
		if strings.HasPrefix(s, strings.Repeat("#", lvl)+" ") {
			return lvl
		}
	}
	return 0
}

func isSeparatorRow(s string) bool {
	return strings.Trim(s, "|-: \t") == "" && strings.Contains(s, "-")
}

// splitRow splits a table row on unescaped pipes, dropping the outer
// ones.
func splitRow(s string) []string {
	var cells []string
	var b strings.Builder
	esc := false
	for _, r := range s {
		switch {
		case esc:
			b.WriteRune('\\')
			b.WriteRune(r)
			esc = false
		case r == '\\':
			esc = true
		case r == '|':
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteRune(r)
		}
	}
	if esc {
		b.WriteRune('\\')
	}
	if rest := strings.TrimSpace(b.String()); rest != "" {
		cells = append(cells, rest)
	}
	if len(cells) > 0 && cells[0] == "" && strings.HasPrefix(strings.TrimSpace(s), "|") {
		cells = cells[1:]
	}
	return cells
}

type spanKind int

const (
	sText spanKind = iota
	sStrong
	sMissing
)

type span struct {
	kind spanKind
	text string
}

// parseInline splits text into literal text, strong text and missing
// markers, resolving backslash escapes.
func parseInline(s string) []span {
	var out []span
	var b strings.Builder
	emit := func(k spanKind) {
		if b.Len() > 0 || k != sText {
			out = append(out, span{k, b.String()})
		}
		b.Reset()
	}
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			_, n := utf8.DecodeRuneInString(s[i+1:])
			b.WriteString(s[i+1 : i+1+n])
			i += 1 + n
		case strings.HasPrefix(s[i:], "[[MANGLER:"):
			end := strings.Index(s[i:], "]]")
			if end < 0 {
				b.WriteByte(s[i])
				i++
				continue
			}
			emit(sText)
			b.WriteString(strings.TrimSpace(s[i+len("[[MANGLER:") : i+end]))
			emit(sMissing)
			i += end + 2
		case strings.HasPrefix(s[i:], "**"):
			end := strings.Index(s[i+2:], "**")
			if end < 0 {
				b.WriteString("**")
				i += 2
				continue
			}
			emit(sText)
			b.WriteString(unescape(s[i+2 : i+2+end]))
			emit(sStrong)
			i += end + 4
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	emit(sText)
	if len(out) > 0 && out[len(out)-1].kind == sText && out[len(out)-1].text == "" {
		out = out[:len(out)-1]
	}
	return out
}

func unescape(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// escapeMarkup makes s literal text of the markup: it escapes the inline
// syntax and a line start that would begin a block, and joins lines
// (paragraph breaks in s are kept).
func escapeMarkup(s string) string {
	var b strings.Builder
	for i, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		line = strings.TrimSpace(line)
		for j, r := range line {
			if strings.ContainsRune(`\*[]|#>-`, r) && (r != '#' && r != '>' && r != '-' || j == 0) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeCell is escapeMarkup for one table cell: on one line.
func escapeCell(s string) string {
	return escapeMarkup(strings.Join(strings.Fields(s), " "))
}

// markupToHTML renders the markup as an HTML fragment.
func markupToHTML(src string) string {
	var b strings.Builder
	for _, bl := range parseMarkup(src) {
		switch bl.kind {
		case bHeading:
			tag := []string{"", "h1", "h2", "h3"}[bl.level]
			b.WriteString("<" + tag + ">" + inlineHTML(bl.lines[0]) + "</" + tag + ">\n")
		case bPara:
			b.WriteString("<p>" + inlineHTML(strings.Join(bl.lines, " ")) + "</p>\n")
		case bRule:
			b.WriteString("<hr>\n")
		case bNote:
			b.WriteString(`<div class="note"><p>` + inlineHTML(strings.Join(bl.lines, " ")) + "</p></div>\n")
		case bList:
			b.WriteString("<ul>\n")
			for _, l := range bl.lines {
				b.WriteString("<li>" + inlineHTML(l) + "</li>\n")
			}
			b.WriteString("</ul>\n")
		case bTable:
			b.WriteString("<table>\n")
			rowsHTML := func(rows [][]string, cell string) {
				for _, row := range rows {
					b.WriteString("<tr>")
					for _, c := range row {
						b.WriteString("<" + cell + ">" + inlineHTML(c) + "</" + cell + ">")
					}
					b.WriteString("</tr>\n")
				}
			}
			if bl.header > 0 {
				b.WriteString("<thead>\n")
				rowsHTML(bl.rows[:bl.header], "th")
				b.WriteString("</thead>\n")
			}
			b.WriteString("<tbody>\n")
			rowsHTML(bl.rows[bl.header:], "td")
			b.WriteString("</tbody>\n</table>\n")
		}
	}
	return b.String()
}

func inlineHTML(s string) string {
	var b strings.Builder
	for _, sp := range parseInline(s) {
		t := html.EscapeString(sp.text)
		switch sp.kind {
		case sStrong:
			b.WriteString("<strong>" + t + "</strong>")
		case sMissing:
			b.WriteString(`<mark class="missing">MANGLER: ` + t + "</mark>")
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

// markupToMarkdown renders the markup as CommonMark with pipe tables.
func markupToMarkdown(src string) string {
	var b strings.Builder
	for i, bl := range parseMarkup(src) {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch bl.kind {
		case bHeading:
			b.WriteString(strings.Repeat("#", bl.level) + " " + inlineMD(bl.lines[0], false) + "\n")
		case bPara:
			b.WriteString(inlineMD(strings.Join(bl.lines, " "), true) + "\n")
		case bRule:
			b.WriteString("---\n")
		case bNote:
			b.WriteString("> " + inlineMD(strings.Join(bl.lines, " "), false) + "\n")
		case bList:
			for _, l := range bl.lines {
				b.WriteString("- " + inlineMD(l, false) + "\n")
			}
		case bTable:
			width := 0
			for _, row := range bl.rows {
				width = max(width, len(row))
			}
			for j, row := range bl.rows {
				cells := make([]string, width)
				for k := range cells {
					if k < len(row) {
						cells[k] = inlineMD(row[k], false)
					}
				}
				b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
				if j == max(bl.header, 1)-1 {
					b.WriteString("|" + strings.Repeat(" --- |", width) + "\n")
				}
			}
		}
	}
	return b.String()
}

// inlineMD writes spans as Markdown, escaping what Markdown would read as
// syntax; start escapes a block marker at the start of a paragraph.
func inlineMD(s string, start bool) string {
	var b strings.Builder
	for i, sp := range parseInline(s) {
		t := escapeMD(sp.text)
		if i == 0 && start && sp.kind == sText {
			t = escapeBlockStart(t)
		}
		switch sp.kind {
		case sStrong:
			if strings.TrimSpace(t) != "" {
				b.WriteString("**" + t + "**")
			}
		case sMissing:
			b.WriteString("**[MANGLER: " + t + "]**")
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

// escapeBlockStart escapes what would make a paragraph's first line a
// heading, list, quote or rule in Markdown ("# ", "- ", "1. ", "> ").
func escapeBlockStart(t string) string {
	if t == "" {
		return t
	}
	if strings.ContainsRune("#-+>=~", rune(t[0])) {
		return "\\" + t
	}
	digits := 0
	for digits < len(t) && t[digits] >= '0' && t[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(t) && (t[digits] == '.' || t[digits] == ')') {
		return t[:digits] + "\\" + t[digits:]
	}
	return t
}

// escapeMD makes text literal in Markdown: <, > and & become entities,
// which every Markdown renderer shows as the characters and none reads as
// raw HTML or an autolink (a backslash before < is CommonMark's rule, not
// every renderer's, and leaves "<img onerror" in the file); the inline
// syntax is backslash-escaped.
func escapeMD(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case strings.ContainsRune("\\`*_[]|", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
