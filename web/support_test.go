package web

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"strings"
	"testing"
)

// supportScenario is a new IKS for ppt of Utsira and Bokn with a grant of
// 1 000 000 kr a year per new cooperation for two years and no criteria.
// By hand: the state pays 1 000 000 kr in 2026 and in 2027, 2 000 000 kr
// in all; each municipality 500 000 kr a year, 1 000 000 kr in all.
const supportScenario = `{"id": "stotte-test", "name": "Støtte til nytt samarbeid", "structure": 2024, "year": 2026,
  "cooperations": [{"task": "ppt", "form": "interkommunalt_selskap", "members": ["1151", "1145"]}],
  "support": [{"name": "Etableringsstøtte", "per_cooperation": 1000000, "years": 2}]}`

// supPlain turns the page's non-breaking and narrow spaces into spaces.
func supPlain(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(html.UnescapeString(s))
}

// TestCompareSupport: the comparison shows a scenario's support scheme
// in the economy part: the state's cost per year, in all, and what each
// municipality receives.
func TestCompareSupport(t *testing.T) {
	e := newInputEnv(t)
	e.publish(t, e.scenario(t, supportScenario).ID)
	for _, c := range []struct{ lang, title, cost, total string }{
		{"nb", "Støtteordning for nye samarbeid", "Statens kostnad per år", "Til sammen"},
		{"en", "Support scheme for new cooperation", "The state's cost per year", "In all"},
	} {
		r, err := http.Get(e.URL + "/scenarier/sammenlign?id=stotte-test&lang=" + c.lang)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r.Body)
		r.Body.Close()
		body := supPlain(string(b))
		if r.StatusCode != 200 {
			t.Fatalf("%s: %d", c.lang, r.StatusCode)
		}
		i := strings.Index(body, `id="support"`)
		if i < 0 {
			t.Fatalf("%s: no support section", c.lang)
		}
		sec := body[i:]
		sec = sec[:strings.Index(sec, "</section>")]
		amount := func(v string) string {
			if c.lang == "en" {
				return strings.ReplaceAll(v, " ", ",") + " kr"
			}
			return v + " kr"
		}
		for _, want := range []string{c.title, c.cost, `<th scope="row">2026</th><td class="num" data-f="cost">` + amount("1 000 000") + `</td>`,
			`<th scope="row">2027</th><td class="num" data-f="cost">` + amount("1 000 000") + `</td>`, c.total + `</th><td class="num" data-f="total">` + amount("2 000 000") + `</td>`,
			`data-municipality="1145"><th scope="row">Bokn</th><td class="num">1</td><td class="num" data-f="first">` + amount("500 000") + `</td><td class="num" data-f="period">` + amount("1 000 000") + `</td>`,
			`data-municipality="1151"><th scope="row">Utsira</th>`} {
			if !strings.Contains(sec, want) {
				t.Errorf("%s: the support section lacks %q:\n%s", c.lang, want, sec)
			}
		}
		if strings.Contains(sec, "per_cooperation") || strings.Contains(sec, "interkommunalt_selskap") {
			t.Errorf("%s: the support section shows a code name:\n%s", c.lang, sec)
		}
	}
}

// TestEditorSupport: the plan editor's evaluation gives the support
// scheme's cost per year, and words a scheme's errors from their keys.
func TestEditorSupport(t *testing.T) {
	e := newInputEnv(t)
	post := func(lang, body string) map[string]any {
		t.Helper()
		var v map[string]any
		if code := postEvaluate(t, e.URL, lang, body, &v); code != 200 {
			t.Fatalf("%d %v", code, v)
		}
		return v
	}
	v := post("nb", supportScenario)
	s, _ := v["support"].(map[string]any)
	if s == nil {
		t.Fatalf("no support in %v", v)
	}
	years, _ := json.Marshal(s["years"])
	if got := supPlain(string(years)); got != `[["2026","1 000 000 kr"],["2027","1 000 000 kr"]]` || supPlain(s["total"].(string)) != "2 000 000 kr" {
		t.Errorf("cost per year %s, in all %v", got, s["total"])
	}
	bad := strings.Replace(supportScenario, `"per_cooperation": 1000000, "years": 2`, `"per_cooperation": -5, "years": 0, "criteria": {"forms": ["iks"]}`, 1)
	for lang, wants := range map[string][]string{
		"nb": {"Tilskuddet per samarbeid, -5, er negativt", "Overgangsperioden på 0 år må være fra 1 til 50 år", "Samarbeidsformen «iks» i kriteriene er ukjent"},
		"en": {"The grant per cooperation, -5, is negative", "The transition period of 0 years must be from 1 to 50 years", "The form «iks» in the criteria is unknown"},
	} {
		v := post(lang, bad)
		var texts []string
		for _, p := range v["problems"].([]any) {
			p := p.(map[string]any)
			if p["section"] != "support" || p["index"] != 0.0 {
				t.Errorf("%s: problem placed at %v[%v]", lang, p["section"], p["index"])
			}
			texts = append(texts, supPlain(p["text"].(string)))
		}
		all := strings.Join(texts, "\n")
		for _, want := range wants {
			if !strings.Contains(all, want) {
				t.Errorf("%s: problems lack %q:\n%s", lang, want, all)
			}
		}
	}
}
