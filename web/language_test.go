package web_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"mime/multipart"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The language crawler (TestPageLanguage) reads every public page in
// bokmål as a reader sees it and flags English prose, internal
// identifiers and format errors (%!d(string=…), a value given to the
// wrong verb) in the visible text; TestPageLanguageEnglish flags the
// format errors of the English pages too.
//
// Visible text is the text of the page's elements and the alt,
// aria-label, placeholder and title attributes, without:
//   - <head> (except its <title>), <script>, <style>, <code>, <template>;
//   - a "Teknisk" disclosure: a <details> whose class contains "tech"
//     (tech, technical, plan-tech) — technical details belong there;
//   - an element in another language (lang="en" such as the language
//     switch, lang="sv", "da", "fi" for Nordic names);
//   - an element marked translate="no": proper names, source titles and
//     quotations that stay as they are in every language (HTML's own
//     attribute for "do not translate").
//
// The text is cut into segments at block elements (paragraphs, cells,
// list items, headings, options, buttons …); inline elements (links,
// emphasis, abbreviations) stay inside their segment. A segment is
// English prose when it holds two or more English function words that
// are not also Norwegian words (englishWords). Identifiers are snake_case
// words, API paths, CLI commands, file names, CamelCase code names and
// ids with three or more hyphenated lowercase parts (identifierPatterns).
//
// Findings known to exist are listed in language_known.txt as
// "route kind finding"; the test fails on any other and logs listed ones
// that no longer occur on the routes visited.

// englishWords are English function words that are not Norwegian words
// (so not "for", "by", "at", "to", "be", "under", "man", "do", "i").
var englishWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and of is are was were with not this that which from or in on it its
		has have had been will would can could should must an if than then into only each other such about
		after between more most some any their they there these those what when where who whom whose you your
		our does did isn't aren't doesn't don't can't won't per-cent`) {
		englishWords[w] = true
	}
}

// identifierPatterns name the kinds of internal identifier.
var identifierPatterns = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"snake", regexp.MustCompile(`\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b`)},
	{"api", regexp.MustCompile(`/api/v\d[\w/{}.-]*`)},
	{"cli", regexp.MustCompile(`\bgeneralist [a-z][a-z-]+`)},
	{"file", regexp.MustCompile(`\b[\w-]+\.(?:csv|json|geojson|go|yaml|yml|toml|sql|js|md|txt)\b`)},
	{"camel", regexp.MustCompile(`\b(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[a-z]+[A-Z][A-Za-z]*)\b`)},
	{"id", regexp.MustCompile(`(?:^|[\s(«"])([a-z][a-z0-9]*(?:-[a-z0-9]+){2,})(?:$|[\s),.;:»"])`)},
}

// camelNames are proper names written in CamelCase, not code.
var camelNames = map[string]bool{"PostgreSQL": true, "SQLite": true, "GitHub": true, "OpenStreetMap": true, "GeoJSON": true, "JavaScript": true, "OpenAPI": true}

// langPages are pages the crawler visits beyond the accessibility test's
// list and the links it finds: error pages a reader meets.
var langPages = []string{
	"/kommune/9999",
	"/kommune/03O1",
	"/kommuner?county=4",
	"/kommuner?sort=shoe",
	"/kommuner?structure=1999",
	"/kart?indicator=bogus",
	"/analyse?cov=nonsense",
	"/scenarier/sammenlign?id=nosuch",
	"/samarbeid/999999",
	"/ordliste",
	"/sok?floor=9000000",
	"/sok?mode=regions&task=barnevern&task=legevakt&task=ppt&max_km=60&exempt_infeasible=1",
	"/sok?mode=regions&task=legevakt&max_km=30",
}

// langForms are forms the crawler sends with bad input (as the route's
// key, "POST /path").
var langForms = []struct {
	path      string
	multipart bool // as the page's form sends it
	values    url.Values
	status    int
}{
	{"/innspill/ny", true, url.Values{"kind": {"challenge"}, "sender_type": {"person"}, "consent": {"on"}}, 400},
	{"/innspill/ny", true, url.Values{"kind": {"challenge"}, "title": {"Tittel"}, "text": {"For kort."}, "sender_type": {"person"}, "consent": {"on"}}, 400},
	{"/innspill/ny", true, url.Values{"kind": {"challenge"}, "title": {"<b>Tittel</b>"}, "text": {"En tekst som er lang nok til å bli godtatt her."}, "sender_type": {"person"}, "consent": {"on"}}, 400},
	{"/innspill/ny", true, url.Values{"kind": {"challenge"}, "title": {"Tittel"}, "text": {"En tekst som er lang nok til å bli godtatt her."}, "sender_type": {"person"}, "email": {"ola at example"}, "consent": {"on"}}, 400},
	{"/innspill/ny", true, url.Values{"kind": {"challenge"}, "title": {"Tittel"}, "text": {"En tekst som er lang nok til å bli godtatt her."}, "sender_type": {"person"}}, 400},
	{"/innspill/ny", false, url.Values{"kind": {"challenge"}, "title": {"Tittel"}, "text": {"For kort."}, "sender_type": {"person"}, "consent": {"on"}}, 400},
	{"/samarbeid/utkast", false, url.Values{"form": {"ko"}, "name": {""}}, 200},
	{"/samarbeid/utkast", false, url.Values{"form": {"ko"}, "name": {"Test kommunalt oppgavefellesskap"}, "p_number": {"1151"}}, 200},
}

// langMaxPerRoute bounds how many pages of one route (path with its
// numbers replaced) the crawler visits; langMaxPages bounds the crawl.
const (
	langMaxPerRoute = 3
	langMaxPages    = 220
)

type langFinding struct {
	Route, Kind, Text string
}

func (f langFinding) String() string { return f.Route + " " + f.Kind + " " + f.Text }

func TestPageLanguage(t *testing.T) {
	base := newTestServer(t)
	known := readLanguageKnown(t, "language_known.txt")

	queue := slices.Concat(a11yPages, langPages)
	seen := map[string]bool{}
	perRoute := map[string]int{}
	routes := map[string]bool{}
	var found []langFinding
	for len(queue) > 0 && len(seen) < langMaxPages {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		route := routeOf(p)
		if perRoute[route] >= langMaxPerRoute {
			continue
		}
		seen[p] = true
		perRoute[route]++
		routes[route] = true
		body, ok := fetchPage(t, base+withLang(p, "nb"))
		if !ok {
			continue
		}
		segs, links := visibleText(body)
		for _, s := range segs {
			for _, f := range segmentFindings(s) {
				f.Route = route
				found = append(found, f)
			}
		}
		for _, l := range links {
			if l = siteLink(l); l != "" && !seen[l] {
				queue = append(queue, l)
			}
		}
	}

	// Forms sent with bad input, as a reader would: the refusals must be
	// in bokmål too.
	c := newClient(t, base)
	for _, fp := range langForms {
		send := c.form
		if fp.multipart {
			send = c.multipart
		}
		code, body := send(fp.path+"?lang=nb", fp.values)
		if code != fp.status {
			t.Errorf("POST %s %v = %d, want %d", fp.path, fp.values, code, fp.status)
		}
		route := "POST:" + routeOf(fp.path)
		routes[route] = true
		segs, _ := visibleText(body)
		for _, s := range segs {
			for _, f := range segmentFindings(s) {
				f.Route = route
				found = append(found, f)
			}
		}
	}

	got := compareLanguage(t, found, known, routes)
	kinds := map[string]int{}
	for k := range got {
		kinds[strings.Fields(k)[1]]++
	}
	t.Logf("%d pages on %d routes: %d findings %v (%d known)", len(seen), len(routes), len(got), kinds, len(known))
}

// fetchPage gets an HTML page; other content types are skipped.
func fetchPage(t *testing.T, u string) (string, bool) {
	t.Helper()
	r := getURL(t, u)
	if r.Status >= 500 {
		t.Errorf("GET %s = %d", u, r.Status)
	}
	return r.Body, strings.HasPrefix(r.Type, "text/html")
}

func withLang(p, lang string) string {
	if strings.Contains(p, "?") {
		return p + "&lang=" + lang
	}
	return p + "?lang=" + lang
}

var digitsSeg = regexp.MustCompile(`^\d+$`)

// routeOf is a page's path with its numeric segments replaced by {n}: the
// key of its findings, so that the same template on another municipality
// gives the same finding.
func routeOf(p string) string {
	path, _, _ := strings.Cut(p, "?")
	parts := strings.Split(path, "/")
	for i, s := range parts {
		if digitsSeg.MatchString(s) {
			parts[i] = "{n}"
		}
	}
	return strings.Join(parts, "/")
}

// siteLink returns a link on the page as a page to visit, or "" for links
// off the site, to files, to the API, to downloads and to the other
// language.
func siteLink(href string) string {
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
		return ""
	}
	for _, pre := range []string{"/api/", "/static/", "/logg-ut", "/admin", "/konto"} {
		if strings.HasPrefix(u.Path, pre) {
			return ""
		}
	}
	q := u.Query()
	if q.Get("format") != "" || q.Get("fragment") != "" {
		return ""
	}
	q.Del("lang")
	if len(q) == 0 {
		return u.Path
	}
	return u.Path + "?" + q.Encode()
}

// visibleText returns the visible text segments of a bokmål page and its
// links.
func visibleText(page string) (segs []string, links []string) {
	return visibleTextIn(page, "nb")
}

// visibleTextIn returns the visible text segments of a page in lang (nb or
// en): elements marked as another language are left out.
func visibleTextIn(page, lang string) (segs []string, links []string) {
	d := xml.NewDecoder(strings.NewReader(page))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var stack []langFrame
	var cur strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			segs = append(segs, s)
		}
		cur.Reset()
	}
	skipping := func() bool { return len(stack) > 0 && stack[len(stack)-1].skip }
	for {
		tok, err := d.Token()
		if err != nil {
			if err != io.EOF && os.Getenv("LANGDEBUG") != "" {
				fmt.Println("decode:", err)
			}
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(tok.Name.Local)
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[strings.ToLower(a.Name.Local)] = a.Value
			}
			if name == "a" && attr["href"] != "" {
				links = append(links, attr["href"])
			}
			skip := skipping() || skipElement(name, attr, stack == nil, lang)
			if blockElements[name] {
				flush()
			}
			if !skip {
				for _, a := range []string{"alt", "aria-label", "placeholder", "title"} {
					if v := strings.TrimSpace(attr[a]); v != "" {
						segs = append(segs, strings.Join(strings.Fields(v), " "))
					}
				}
			}
			if voidElements[name] {
				continue
			}
			stack = append(stack, langFrame{name, skip})
		case xml.EndElement:
			name := strings.ToLower(tok.Name.Local)
			// Pop to the matching element (HTML may leave some open).
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == name {
					stack = stack[:i]
					break
				}
			}
			if blockElements[name] {
				flush()
			}
		case xml.CharData:
			if !skipping() && !inHead(stack) {
				cur.Write(tok)
				cur.WriteByte(' ')
			}
		}
	}
	flush()
	return segs, links
}

// langFrame is an open element while reading a page.
type langFrame struct {
	name string
	skip bool
}

func inHead(stack []langFrame) bool {
	inHead, inTitle := false, false
	for _, f := range stack {
		inHead = inHead || f.name == "head"
		inTitle = inTitle || f.name == "title"
	}
	return inHead && !inTitle
}

func skipElement(name string, attr map[string]string, root bool, lang string) bool {
	switch name {
	case "script", "style", "code", "template", "noscript":
		return true
	case "details":
		if strings.Contains(attr["class"], "tech") {
			return true
		}
	}
	if attr["translate"] == "no" {
		return true
	}
	if l, ok := attr["lang"]; ok && !root {
		l = strings.ToLower(l)
		norwegian := strings.HasPrefix(l, "nb") || strings.HasPrefix(l, "no") || strings.HasPrefix(l, "nn")
		if norwegian != (lang == "nb") {
			return true
		}
	}
	return false
}

var blockElements = setOf(`p div li td th tr h1 h2 h3 h4 h5 h6 dt dd caption figcaption summary option button label
	section article nav header footer main ul ol table form fieldset legend br title text details aside blockquote pre
	select textarea figure dl hr body thead tbody tfoot`)

var voidElements = setOf(`br hr img input meta link area base col embed source track wbr`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var wordRe = regexp.MustCompile(`[\p{L}']+`)

// segmentFindings flags one segment of visible text.
func segmentFindings(s string) []langFinding {
	var out []langFinding
	n := 0
	for _, w := range wordRe.FindAllString(s, -1) {
		if isAllCaps(w) {
			continue
		}
		if englishWords[strings.ToLower(w)] {
			n++
		}
	}
	if n >= 2 {
		out = append(out, langFinding{Kind: "english", Text: normalizeSegment(s)})
	}
	if strings.Contains(s, "%!") { // a format verb given the wrong value: %!d(string=2024)
		out = append(out, langFinding{Kind: "format", Text: normalizeSegment(s)})
	}
	for _, p := range identifierPatterns {
		for _, m := range p.re.FindAllStringSubmatch(s, -1) {
			id := m[len(m)-1]
			if p.kind == "camel" && camelNames[id] {
				continue
			}
			out = append(out, langFinding{Kind: p.kind, Text: id})
		}
	}
	return out
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		letters++
	}
	return letters > 1
}

// normalizeSegment makes a segment a stable key: digits become #, and it
// is cut at 90 characters.
func normalizeSegment(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsDigit(r) {
			r = '#'
		}
		b.WriteRune(r)
	}
	r := []rune(b.String())
	if len(r) > 90 {
		r = r[:90]
	}
	return strings.TrimSpace(string(r))
}

// compareLanguage compares the findings with the known ones
// (compareKnown); routes are the routes the test visited.
func compareLanguage(t *testing.T, found []langFinding, known, routes map[string]bool) map[string]bool {
	t.Helper()
	return compareKnown(t, found, known, func(r string) bool { return routes[r] },
		"new language finding (route kind text)", "no longer found, remove from language_known.txt")
}

// readLanguageKnown reads language_known.txt: "route kind text" per line;
// blank lines and lines starting with # are comments.
func readLanguageKnown(t *testing.T, name string) map[string]bool {
	t.Helper()
	return readKnown(t, name, "route kind text", func(n int) bool { return n >= 3 })
}

// norwegianWords are Norwegian function words that are not English words.
var norwegianWords = setOf(`og er ikke som på til av med det den de fra har kan skal eller ved når også bare etter uten mellom
	hvor hva hvilke seg sin sine være blir ble`)

// TestPageLanguageEnglish is the reverse check on the English pages
// (?lang=en): a segment with three or more Norwegian function words is
// Norwegian prose, unless it is marked lang="nb" (text that exists in
// bokmål only, such as law texts and the task catalogue's notes) or
// translate="no". Known findings are in language_known.txt with the route
// written "en:/path".
func TestPageLanguageEnglish(t *testing.T) {
	base := newTestServer(t)
	known := readLanguageKnown(t, "language_known.txt")
	routes := map[string]bool{}
	var found []langFinding
	for _, p := range slices.Concat(a11yPages, langPages) {
		body, ok := fetchPage(t, base+withLang(p, "en"))
		if !ok {
			continue
		}
		route := "en:" + routeOf(p)
		routes[route] = true
		segs, _ := visibleTextIn(body, "en")
		for _, s := range segs {
			n := 0
			for _, w := range wordRe.FindAllString(s, -1) {
				if norwegianWords[strings.ToLower(w)] {
					n++
				}
			}
			if n >= 3 {
				found = append(found, langFinding{Route: route, Kind: "norsk", Text: normalizeSegment(s)})
			}
			if strings.Contains(s, "%!") {
				found = append(found, langFinding{Route: route, Kind: "format", Text: normalizeSegment(s)})
			}
		}
	}
	got := compareLanguage(t, found, known, routes)
	t.Logf("%d English pages: %d findings of Norwegian prose", len(routes), len(got))
}

// TestPageLanguageDetects checks the crawler's own rules on examples.
func TestPageLanguageDetects(t *testing.T) {
	for _, tt := range []struct {
		html string
		want []string // kinds
	}{
		{`<p>kommune 9999 is not in the 2024 structure</p>`, []string{"english"}},
		{`<p>Folkemengde for to kommuner i by og land</p>`, nil},
		{`<p>Parameteren <b>income_equalisation.symmetric_rate</b></p>`, []string{"snake", "snake"}},
		{`<p>Kjør generalist import-economy med fila</p>`, []string{"cli"}},
		{`<p>Se /api/v1/municipalities</p>`, []string{"api"}},
		{`<p>Les kdd.csv her</p>`, []string{"file"}},
		{`<p>FitDeduction er trukket fra</p>`, []string{"camel"}},
		{`<p>Scenario barnevern-til-fylket-under-3000 er valgt</p>`, []string{"id"}},
		{`<p>1 sammenslåinger på %!d(string=2024)-strukturen</p>`, []string{"format"}},
		{`<p>Data fra PostgreSQL og IKS-loven, oppgave–kommune-par</p>`, nil},
		{`<details class="tech"><summary>Teknisk</summary><p>the file is kdd.csv</p></details>`, nil},
		{`<p lang="en">This is the English page</p><p translate="no">The Book of the Law</p><code>a_b</code>`, nil},
	} {
		segs, _ := visibleText(`<html lang="nb"><body>` + tt.html + `</body></html>`)
		var kinds []string
		for _, s := range segs {
			for _, f := range segmentFindings(s) {
				kinds = append(kinds, f.Kind)
			}
		}
		if fmt.Sprint(kinds) != fmt.Sprint(tt.want) {
			t.Errorf("%s: found %v, want %v (segments %q)", tt.html, kinds, tt.want, segs)
		}
	}
}

// multipart sends a form as multipart/form-data, as a browser sends a form
// with a file field, with the client's CSRF token.
func (c *client) multipart(path string, v url.Values) (int, string) {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if v.Get("csrf") == "" && c.csrf != "" {
		v.Set("csrf", c.csrf)
	}
	for k, vs := range v {
		for _, x := range vs {
			mw.WriteField(k, x)
		}
	}
	mw.Close()
	return c.do("POST", path, mw.FormDataContentType(), buf.String())
}
