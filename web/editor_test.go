package web

import (
	"context"
	"html"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"generalist"
)

// TestEditorProblemTexts checks that every problem the scenario checks
// give for a scenario full of mistakes has a bokmål text (never the
// English message) and an English one, with names instead of numbers and
// ids, and no formatting errors.
func TestEditorProblemTexts(t *testing.T) {
	e := newInputEnv(t)
	ctx := context.Background()
	rows, err := e.srv.rows(ctx, generalist.Structure2024, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var ms []generalist.Municipality
	for _, r := range rows {
		ms = append(ms, r.Municipality)
	}
	cat, err := e.srv.app.Catalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := func(v float64) *float64 { return &v }
	sc := &generalist.Scenario{Structure: generalist.Structure2024, Year: 2026,
		Mergers: []generalist.Merger{
			{Name: "A", Members: []generalist.MunicipalityNumber{"1111"}},
			{Name: "B", Members: []generalist.MunicipalityNumber{"1111", "1112"}, Centre: "0301"},
			{Name: "C", Members: []generalist.MunicipalityNumber{"9999", "1101"}},
		},
		Arrangements: []generalist.Arrangement{
			{Task: "finnes_ikke", Form: "ukjent", Members: []generalist.MunicipalityNumber{"1106"}, Host: "0301"},
			{Task: "barnevern", Form: generalist.FormKO, Members: []generalist.MunicipalityNumber{"1106", "1151"}},
			{Task: "barnevern", Form: generalist.FormSamkommune, Members: []generalist.MunicipalityNumber{"1106", "1144"}},
			{Task: "legevakt", Form: generalist.FormHostAdmin, Members: []generalist.MunicipalityNumber{"1144", "1145"}},
		},
		Differentiated: []generalist.TaskTransfer{
			{Task: "ppt", To: "kommunen", Criteria: generalist.Criteria{}},
			{Task: "kulturskole", To: generalist.ToCounty, Criteria: generalist.Criteria{Centrality: []int{7}, PopulationBelow: -1}},
		},
		Mandated:     []generalist.MandatedIMC{{Task: "byggesak", Form: generalist.FormKO, Criteria: generalist.Criteria{BelowRobust: true}}},
		CountyRelief: []generalist.CountyRelief{{Task: "barnevern", Counties: []generalist.CountyNumber{"99"}}},
		Norms: []generalist.NormChange{
			{Task: "fastlege"},
			{Task: "fastlege", MinTeam: f(-5)},
			{Task: "renovasjon", FTEPer1000: f(1)},
		},
	}
	ps := sc.Validate(ms, cat)
	// The graph's and the base's problems come from package sim.
	ps = append(ps,
		generalist.Problem{Where: "mergers[1] (B)", Message: "the members do not form a contiguous area on the adjacency graph (sea links count); set allow_non_contiguous to accept it"},
		generalist.Problem{Where: "mergers[1] (B)", Warning: true, Message: "the members do not form a contiguous area on the adjacency graph (sea links count); allowed by the scenario"},
		generalist.Problem{Where: "structure", Message: "the scenario is on the 2024 structure, 1.1.2025; the data given is for the 2024 structure, 1.1.2026"})
	if len(ps) < 20 {
		t.Fatalf("the scenario has only %d problems: %v", len(ps), ps)
	}
	names := editorNames{municipality: map[string]string{}, task: map[string]string{}}
	for _, r := range rows {
		names.municipality[string(r.Number)] = r.ShortName + " (" + string(r.Number) + ")"
	}
	for _, tk := range cat.Tasks {
		names.task[tk.ID] = tk.NameNB
	}
	english := regexp.MustCompile(`\b(the|is|not|must|already|needs|give)\b|_`)
	for _, p := range ps {
		nb := placeProblem(p, "nb", names)
		switch {
		case nb.Text == editorOther[0]:
			t.Errorf("no bokmål text for %q", p.Message)
		case english.MatchString(nb.Text) || strings.Contains(nb.Text, "%!"):
			t.Errorf("bokmål text for %q = %q", p.Message, nb.Text)
		case regexp.MustCompile(`(^|[^(\d.])\d{4}([^)\d-]|$)`).MatchString(nb.Text) && !strings.Contains(nb.Text, "9999"):
			t.Errorf("bokmål text for %q names a bare number: %q", p.Message, nb.Text)
		}
		en := placeProblem(p, "en", names)
		if strings.HasPrefix(en.Text, "This part") || strings.Contains(en.Text, "%!") {
			t.Errorf("English text for %q = %q", p.Message, en.Text)
		}
		if strings.HasPrefix(p.Where, "mergers[") && (nb.Section != "mergers" || nb.Index < 0) {
			t.Errorf("problem at %s placed at %s[%d]", p.Where, nb.Section, nb.Index)
		}
	}
	if got := problemText("something new went wrong", "nb", names); got != editorOther[0] {
		t.Errorf("an unknown problem in bokmål = %q, want the plain request", got)
	}
	if got := placeProblem(generalist.Problem{Where: "mergers[1] (B)", Message: "kommune 1111 is also in mergers[0] (A)"}, "nb", names); got.Text != "Sokndal (1111) er også med i sammenslåingen «A». En kommune kan bare være med i én sammenslåing: fjern den fra en av dem." || got.Index != 1 {
		t.Errorf("a duplicate member = %+v", got)
	}
}

// TestEditorContrast checks the editor's map colours: every merger's
// pattern colour against the unselected fill at least 4.5:1 (WCAG's
// ratio for text; 3:1 is what graphics need), and the selected outline
// against the unselected fill.
func TestEditorContrast(t *testing.T) {
	tmpl, err := os.ReadFile("templates/editor.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	css, err := os.ReadFile("static/app/app.css")
	if err != nil {
		t.Fatal(err)
	}
	base := regexp.MustCompile(`\.plan-map path\.geomap-area \{ fill: (#[0-9a-f]{6});`).FindSubmatch(css)
	outline := regexp.MustCompile(`\.plan-map path\.geomap-area\.plan-selected \{ stroke: (#[0-9a-f]{6});`).FindSubmatch(css)
	if base == nil || outline == nil {
		t.Fatal("app.css: no unselected fill or selected outline for the editor's map")
	}
	pats := regexp.MustCompile(`<pattern id="plan-pat-(\d)"[^>]*><rect width="8" height="8" fill="(#[0-9a-f]{6})"`).FindAllSubmatch(tmpl, -1)
	if len(pats) != 6 {
		t.Fatalf("editor.tmpl has %d group patterns, want 6", len(pats))
	}
	for _, p := range pats {
		if c := wcagRatio(string(p[2]), string(base[1])); c < 4.5 {
			t.Errorf("group pattern %s (%s) against the unselected fill %s: %.2f:1, want at least 4.5:1", p[1], p[2], base[1], c)
		}
	}
	if c := wcagRatio(string(outline[1]), string(base[1])); c < 3 {
		t.Errorf("the selected outline against the unselected fill: %.2f:1", c)
	}
}

// TestEditorEvaluate checks POST /scenarier/ny/beregn: figures for a
// valid scenario, placed problems in the page's language for an invalid
// one, and a 400 with a sentence (never a 500) for bad input.
func TestEditorEvaluate(t *testing.T) {
	e := newInputEnv(t)
	post := func(lang, body string) (int, map[string]any) {
		t.Helper()
		var v map[string]any
		code := postEvaluate(t, e.URL, lang, body, &v)
		return code, v
	}
	merger := `{"name":"x","structure":2024,"year":2026,"mergers":[{"name":"Dalane","members":["1111","1112","1101"],"centre":"1101"}]}`
	code, v := post("nb", merger)
	if code != 200 || v["ok"] != true || v["figures"].(map[string]any)["municipalities"] != "355" {
		t.Errorf("a merger of three: %d %v", code, v)
	}
	econ, _ := v["economy"].(map[string]any)
	if econ == nil || !strings.Contains(econ["caption"].(string), "Økonomi per sammenslåing") {
		t.Errorf("a merger's economy: %v", v["economy"])
	} else if rows := econ["rows"].([]any); len(rows) == 0 && !strings.Contains(econ["missing"].(string), "«Dalane»") {
		t.Errorf("the economy neither shows nor names Dalane: %v", econ)
	}
	code, v = post("nb", strings.Replace(merger, `"1101"],"centre":"1101"`, `"0301"],"centre":"1111"`, 1))
	ps, _ := v["problems"].([]any)
	if code != 200 || v["ok"] != false || v["figures"] != nil || len(ps) != 1 {
		t.Fatalf("a non-neighbour: %d %v", code, v)
	}
	p := ps[0].(map[string]any)
	if p["section"] != "mergers" || p["index"] != 0.0 || !strings.Contains(p["text"].(string), "grenser ikke til hverandre") {
		t.Errorf("the non-neighbour's problem: %v", p)
	}
	_, v = post("en", strings.Replace(merger, `"1101"],"centre":"1101"`, `"0301"],"centre":"1111"`, 1))
	if p := v["problems"].([]any)[0].(map[string]any); !strings.Contains(p["text"].(string), "do not border each other") {
		t.Errorf("the non-neighbour's problem in English: %v", p)
	}
	for _, body := range []string{`{`, `{"name":"x","structure":2024,"year":2026,"mergers":[{"members":"1111"}]}`, `{"name":"x","structure":2020,"year":2026}`, `{"name":"x","structure":2024,"year":1850}`, `{"name":"x","structure":2024,"year":2026,"unknown":1}`} {
		code, v := post("nb", body)
		msg, _ := v["error"].(map[string]any)
		if code != 400 || msg == nil || !strings.Contains(msg["message"].(string), "Last siden") && !strings.Contains(msg["message"].(string), "2024-strukturen") {
			t.Errorf("%s: %d %v", body, code, v)
		}
	}
}

// TestEditorOpen checks opening: an example as a copy, an unknown id with
// a notice and an empty editor.
func TestEditorOpen(t *testing.T) {
	e := newInputEnv(t)
	get := func(path string) string {
		t.Helper()
		r, err := http.Get(e.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		b, err := io.ReadAll(r.Body)
		if err != nil || r.StatusCode != 200 {
			t.Fatalf("%s: %d %v", path, r.StatusCode, err)
		}
		return html.UnescapeString(string(b))
	}
	body := get("/scenarier/ny?id=forsok-haugalandet")
	if !strings.Contains(body, `"mode":"example"`) || !strings.Contains(body, `"name":"Kopi av Forsøk`) || strings.Contains(body, `"id":"forsok-haugalandet"`) {
		t.Errorf("an example is not opened as a copy")
	}
	body = get("/scenarier/ny?id=finnes-ikke")
	if !strings.Contains(body, "Fant ikke scenarioet") || !strings.Contains(body, `"mode":"new"`) {
		t.Errorf("an unknown id gives no notice")
	}
	if strings.Contains(get("/scenarier/ny"), "generalist scenario") {
		t.Errorf("the editor names a CLI command")
	}
}
