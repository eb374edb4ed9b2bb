package web_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

const (
	twoScenarios   = "id=barnevern-palagt-samarbeid&id=barnevern-til-fylket-under-3000"
	threeScenarios = twoScenarios + "&id=fylket-avlaster-sarbare"
)

// legendKey finds a map legend's classes (the HTML legend beside the
// map): the swatch's class and colour and the label beside it.
var legendKey = regexp.MustCompile(`<li data-class="(\d+)"><svg class="map-swatch"[^>]*><rect[^>]*fill="([^"]+)"[^>]*/></svg> ([^<]*)</li>`)

// TestCompareMapsSameClasses: the maps side by side (today's system and
// each scenario) use the same colour classes, computed once over all the
// compared outcomes: their legends are identical.
func TestCompareMapsSameClasses(t *testing.T) {
	for _, q := range []string{twoScenarios, threeScenarios} {
		r := get(t, "/scenarier/sammenlign/kart?"+q)
		if r.Status != http.StatusOK {
			t.Fatalf("maps of %s: %d", q, r.Status)
		}
		block := regexp.MustCompile(`(?s)<div class="maps" id="cmp-maps-shortfall">(.*)`).FindStringSubmatch(r.Body)
		if block == nil {
			t.Fatalf("maps of %s: no shortfall maps", q)
		}
		svgs := strings.Split(block[1], `<div class="map-figure"`)[1:]
		if want := strings.Count(q, "id=") + 1; len(svgs) != want {
			t.Fatalf("maps of %s: %d maps, want %d (today and each scenario)", q, len(svgs), want)
		}
		var first string
		for i, svg := range svgs {
			var legend []string
			for _, m := range legendKey.FindAllStringSubmatch(svg, -1) {
				legend = append(legend, m[1]+" "+m[2]+" "+m[3])
			}
			if len(legend) < 2 {
				t.Fatalf("maps of %s: map %d has %d classes in its legend", q, i, len(legend))
			}
			if i == 0 {
				first = strings.Join(legend, "; ")
				continue
			}
			if got := strings.Join(legend, "; "); got != first {
				t.Errorf("maps of %s: map %d's legend differs from today's:\n%s\n%s", q, i, got, first)
			}
		}
	}
}

// TestCompareReadsAsAComparison: the summary per role comes first, with
// the four roles by name; tasks are named, never shown by id; each
// figure links to a paragraph on the page that says how it is computed;
// the maps are reachable without JavaScript through a link.
func TestCompareReadsAsAComparison(t *testing.T) {
	for _, lang := range []string{"nb", "en"} {
		r := get(t, "/scenarier/sammenlign?"+twoScenarios+"&lang="+lang)
		if r.Status != http.StatusOK {
			t.Fatalf("%s: %d", lang, r.Status)
		}
		body := r.Body
		roles := map[string][]string{"nb": {"Tjenesteyter", "Demokratisk arena", "Myndighetsutøver", "Samfunnsutvikler"}, "en": {"Service provider", "Democratic arena", "Authority", "Community developer"}}[lang]
		summary, details := strings.Index(body, `id="role-summary"`), strings.Index(body, `id="comparison"`)
		if summary < 0 || details < 0 || summary > details {
			t.Errorf("%s: the summary per role does not come before the details", lang)
		}
		for _, role := range roles {
			if i := strings.Index(body, role); i < 0 || i > details {
				t.Errorf("%s: the summary lacks the role %q", lang, role)
			}
		}
		// Visible text only: no task id such as oyeblikkelig_hjelp_dogn.
		text := regexp.MustCompile(`(?s)<script.*?</script>|<[^>]*>`).ReplaceAllString(body, " ")
		if ids := regexp.MustCompile(`\b[a-z]+(_[a-z]+)+\b`).FindAllString(text, 5); ids != nil {
			t.Errorf("%s: the page shows ids: %v", lang, ids)
		}
		name := map[string]string{"nb": "Øyeblikkelig hjelp døgnopphold", "en": "Municipal acute 24-hour inpatient care"}[lang]
		if !strings.Contains(body, name) {
			t.Errorf("%s: the per-task table lacks the task name %q", lang, name)
		}
		// Every "how" link points to a paragraph of the page.
		links := regexp.MustCompile(`<td class="how"><a class="ds-link" href="#([a-z-]+)"`).FindAllStringSubmatch(body, -1)
		if len(links) < 10 {
			t.Errorf("%s: %d figures link to how they are computed", lang, len(links))
		}
		for _, l := range links {
			if !strings.Contains(body, `id="`+l[1]+`"`) {
				t.Errorf("%s: a figure links to #%s, which is not on the page", lang, l[1])
			}
		}
		if !strings.Contains(body, `href="/scenarier/sammenlign/kart?`) {
			t.Errorf("%s: no link to the maps page", lang)
		}
		if strings.Contains(body, "<svg") {
			t.Errorf("%s: the default view inlines maps; they load on demand", lang)
		}
	}
	// No message key shows, on the comparison or its maps.
	for _, path := range []string{"/scenarier/sammenlign?" + twoScenarios, "/scenarier/sammenlign/kart?" + twoScenarios, "/scenarier/sammenlign/kart?" + twoScenarios + "&vis=endring", "/scenarier?x=1"} {
		for _, lang := range []string{"nb", "en"} {
			text := regexp.MustCompile(`(?s)<script.*?</script>|<[^>]*>`).ReplaceAllString(get(t, path+"&lang="+lang).Body, " ")
			if keys := regexp.MustCompile(`\b(cmp|scl|cap)\.[a-z.]+\b`).FindAllString(text, 5); keys != nil {
				t.Errorf("%s (%s) shows message keys: %v", path, lang, keys)
			}
		}
	}
	// The fragment the page fetches holds the maps and no page around them.
	r := get(t, "/scenarier/sammenlign/kart?"+twoScenarios+"&fragment=1")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "<svg") || strings.Contains(r.Body, "<html") {
		t.Errorf("maps fragment: %d, %.200q", r.Status, r.Body)
	}
}

// TestCompareMapsBadInput: a bad view or page is a clear 400, a page past
// the last a 404, never a 500.
func TestCompareMapsBadInput(t *testing.T) {
	for q, want := range map[string]int{
		"&vis=x": 400, "&side=0": 400, "&side=x": 400, "&side=99": 400, "&side=2": 404, "&vis=endring&side=2": 404,
	} {
		if r := get(t, "/scenarier/sammenlign/kart?"+twoScenarios+q); r.Status != want {
			t.Errorf("maps%s: %d, want %d", q, r.Status, want)
		}
	}
	if r := get(t, "/scenarier/sammenlign/kart"); r.Status != 400 {
		t.Errorf("maps without scenarios: %d, want 400", r.Status)
	}
}

// comparisonPages are the heavy pages of issue 16 in their default view,
// and the pages their heavy parts load from.
var comparisonPages = []string{
	"/kapasitet",
	"/scenarier/sammenlign?" + twoScenarios,
	"/scenarier/sammenlign?" + threeScenarios,
	"/scenarier/sammenlign?id=sammenslaing-5000",
	"/scenarier/sammenlign/kart?" + threeScenarios,
	"/scenarier/sammenlign/kart?" + threeScenarios + "&vis=endring",
	"/scenarier/sammenlign/kart?" + threeScenarios + "&id=sammenslaing-5000&id=strengere-barnevernsnorm",
}

// TestComparisonPageWeight: the capacity page, the comparison of two and
// of three scenarios and the maps pages weigh less than 300 KB
// compressed (gzip, default level) in bokmål and English; the sizes are
// logged for docs/benchmarks.md.
func TestComparisonPageWeight(t *testing.T) {
	const limit = 300_000
	base := newTestServer(t)
	for _, path := range comparisonPages {
		for _, lang := range []string{"nb", "en"} {
			resp, err := http.Get(base + path + map[bool]string{true: "&", false: "?"}[strings.Contains(path, "?")] + "lang=" + lang)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := io.ReadAll(resp.Body) // decompressed by the client
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d, %v", path, resp.StatusCode, err)
			}
			var z bytes.Buffer
			zw := gzip.NewWriter(&z)
			zw.Write(raw)
			zw.Close()
			t.Logf("%-120s %s raw %7d B, gzip %6d B", path, lang, len(raw), z.Len())
			if z.Len() > limit {
				t.Errorf("GET %s (%s): %d bytes compressed, over %d", path, lang, z.Len(), limit)
			}
		}
	}
}

// TestCapacityHeatMapOnDemand: /kapasitet shows the 40 municipalities
// with the most shortfalls in its heat map and links to all of them
// (reachable without JavaScript); ?alle=1 shows every municipality, and
// a bad value is a clear 400.
func TestCapacityHeatMapOnDemand(t *testing.T) {
	rows := regexp.MustCompile(`(?s)<table class="heatmap" id="heatmap">.*?</table>`)
	count := func(body string) int {
		return strings.Count(rows.FindString(body), `<th scope="row">`)
	}
	r := get(t, "/kapasitet")
	if n := count(r.Body); n != 40 {
		t.Errorf("default heat map: %d municipalities, want 40", n)
	}
	link := regexp.MustCompile(`<p class="ds-paragraph" id="heat-all"><a class="ds-link" href="([^"]+)">`).FindStringSubmatch(r.Body)
	if link == nil {
		t.Fatal("the heat map does not link to every municipality")
	}
	all := get(t, strings.ReplaceAll(link[1], "&amp;", "&"))
	if n := count(all.Body); all.Status != http.StatusOK || n != 357 {
		t.Errorf("the heat map of every municipality: %d, %d rows, want 357", all.Status, n)
	}
	if strings.Contains(all.Body, `id="heat-all"`) {
		t.Error("the full heat map still links to itself")
	}
	if r := get(t, "/kapasitet?alle=ja"); r.Status != http.StatusBadRequest || !strings.Contains(r.Body, "alle") {
		t.Errorf("/kapasitet?alle=ja: %d", r.Status)
	}
}

// TestCompareEconomyOnce: of the 80 mergers of the example, only the one
// the shipped tables cover (Sokndal + Lund) gets a row; the others are
// named once, in one sentence that says how their data come in, never as
// rows of "ingen data".
func TestCompareEconomyOnce(t *testing.T) {
	for lang, want := range map[string]string{"nb": "Økonomien mangler for Stavanger &#43; Kvitsøy,", "en": "The economy is missing for Stavanger &#43; Kvitsøy,"} {
		body := get(t, "/scenarier/sammenlign?id=sammenslaing-5000&lang="+lang).Body
		if n := strings.Count(body, "<tr data-merger="); n != 1 || !strings.Contains(body, `<tr data-merger="1111,1112">`) {
			t.Errorf("%s: %d economy rows, want one, for Sokndal + Lund", lang, n)
		}
		if n := strings.Count(body, want); n != 1 {
			t.Errorf("%s: the sentence on the mergers without data appears %d times, want once", lang, n)
		}
		if n := strings.Count(body, "Stavanger &#43; Kvitsøy"); n != 1 {
			t.Errorf("%s: Stavanger named %d times", lang, n)
		}
	}
	// Without mergers, no economy section.
	if body := get(t, "/scenarier/sammenlign?"+twoScenarios).Body; strings.Contains(body, `id="economy"`) {
		t.Error("a comparison without mergers has an economy section")
	}
}

// TestCompareAPIEconomy: the JSON twin of the comparison carries each
// merger's economy as the page shows it.
func TestCompareAPIEconomy(t *testing.T) {
	var v struct {
		Outcomes []json.RawMessage `json:"outcomes"`
		Economy  *struct {
			Year    int `json:"budget_year"`
			Mergers []struct {
				Members []string        `json:"members"`
				Economy json.RawMessage `json:"economy"`
			} `json:"mergers"`
			Lacking []json.RawMessage `json:"lacking"`
		} `json:"merger_economy"`
	}
	r := get(t, "/api/v1/compare?id=sammenslaing-5000")
	if err := json.Unmarshal([]byte(r.Body), &v); err != nil {
		t.Fatal(err)
	}
	if e := v.Economy; e == nil || e.Year != 2025 || len(e.Mergers) != 1 || strings.Join(e.Mergers[0].Members, ",") != "1111,1112" || len(e.Mergers[0].Economy) < 100 || len(e.Lacking) != 79 {
		t.Errorf("/api/v1/compare merger_economy: %+v", v.Economy)
	}
	v.Economy = nil
	if err := json.Unmarshal([]byte(get(t, "/api/v1/compare?"+twoScenarios).Body), &v); err != nil || v.Economy != nil || len(v.Outcomes) != 3 {
		t.Errorf("/api/v1/compare without mergers: %v, economy %+v, %d outcomes", err, v.Economy, len(v.Outcomes))
	}
}
