package web

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"generalist"
	"generalist/app"
)

// editorBootOf fetches the plan editor at path and returns its boot.
func editorBootOf(t *testing.T, base, path string) editorBoot {
	t.Helper()
	r, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	m := regexp.MustCompile(`data-boot="([^"]*)"`).FindSubmatch(b)
	if r.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("GET %s: %d, no boot", path, r.StatusCode)
	}
	var boot editorBoot
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &boot); err != nil {
		t.Fatal(err)
	}
	return boot
}

// groupKey is a region's members as one sorted string.
func groupKey(ms []generalist.MunicipalityNumber) string {
	s := make([]string, len(ms))
	for i, m := range ms {
		s[i] = string(m)
	}
	slices.Sort(s)
	return strings.Join(s, ",")
}

// TestEditorCountyRegionSources: the plan editor offers, for the county
// lever's regions, a saved plan of fixed cooperation regions with the
// regions the structure search found (checked against the search's own
// regions, not against the scenario's arrangements), named after their
// hosts; a stored scenario whose host cooperations overlap, and the
// shipped examples, are not offered. The regions taken into an
// abolished county's lever evaluate.
func TestEditorCountyRegionSources(t *testing.T) {
	e := newInputEnv(t)
	ctx := context.Background()
	res, err := e.srv.app.SearchGroups(ctx, app.GroupsCriteria{Structure: generalist.Structure2024, Tasks: []string{"barnevern", "ppt"},
		MaxKm: 60, County: "11", ExemptInfeasible: true, Seed: 1, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	saved, err := e.srv.app.SaveGroups(ctx, res, "Faste regioner i Rogaland", "test")
	if err != nil {
		t.Fatal(err)
	}
	overlap := e.scenario(t, `{"id": "overlapp", "name": "Overlapp", "structure": 2024, "year": 2026, "cooperations": [
  {"task": "ppt", "form": "vertskommune_administrativt", "members": ["1101", "1111"], "host": "1101"},
  {"task": "barnevern", "form": "vertskommune_administrativt", "members": ["1101", "1112"], "host": "1101"}]}`)
	for _, id := range []string{saved.ID, overlap.ID} {
		e.publish(t, id)
	}
	boot := editorBootOf(t, e.URL, "/scenarier/ny")
	if len(boot.RegionSources) != 1 || boot.RegionSources[0].ID != saved.ID {
		t.Fatalf("region sources %+v, want only %s", boot.RegionSources, saved.ID)
	}
	src := boot.RegionSources[0]
	want := map[string]generalist.MunicipalityNumber{}
	for _, r := range res.Regions {
		if len(r.Members) >= 2 {
			want[groupKey(r.Members)] = r.Host
		}
	}
	if len(want) < 2 {
		t.Fatalf("the search found %d regions of two or more; the test needs at least two", len(want))
	}
	names := map[generalist.MunicipalityNumber]string{}
	for _, m := range boot.Municipalities {
		names[m.Number] = m.Name
	}
	got := map[string]bool{}
	for _, r := range src.Regions {
		k := groupKey(r.Members)
		host, ok := want[k]
		if !ok || got[k] {
			t.Errorf("region %s (%s) is not one of the search's regions, or appears twice", r.Name, k)
			continue
		}
		got[k] = true
		if r.Name != "Region "+names[host] {
			t.Errorf("region %s is named %q, want it named after its host %s", k, r.Name, names[host])
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d regions offered, the search found %d of two or more", len(got), len(want))
	}
	t.Logf("%d regions from %q", len(src.Regions), src.Name)

	// Abolish the county with upper-secondary education to the regions.
	sc := generalist.Scenario{Name: "Fylket legges ned", Structure: generalist.Structure2024, Year: 2026,
		County: &generalist.CountyChange{Abolish: true, Others: generalist.CountyToState, Regions: src.Regions,
			Moves: []generalist.CountyMove{{Task: "videregaende", To: generalist.CountyToRegions}}}}
	body, _ := json.Marshal(sc)
	res2 := postEditor(t, e.URL, "nb", string(body))
	if !res2.OK || res2.Figures == nil {
		t.Errorf("the abolished county with the saved regions does not evaluate: %+v", res2)
	}
}

// postEditor posts body to the editor's evaluation and decodes the answer,
// which must be a 200.
func postEditor(t *testing.T, base, lang, body string) editorResult {
	t.Helper()
	var res editorResult
	if code := postEvaluate(t, base, lang, body, &res); code != http.StatusOK {
		t.Fatalf("POST beregn: %d %+v", code, res)
	}
	return res
}

// postEvaluate posts body to the editor's evaluation in lang, decodes the
// JSON answer into v and returns the status.
func postEvaluate(t *testing.T, base, lang, body string, v any) int {
	t.Helper()
	r, err := http.Post(base+"/scenarier/ny/beregn?lang="+lang, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("POST beregn %s: %d, not JSON: %v\n%s", body, r.StatusCode, err, b)
	}
	return r.StatusCode
}

// TestEditorCountyProblems: a county lever with an unknown task, an
// unknown receiver and tasks to regions without regions is answered with
// its problems at the county section, worded in bokmål and English; a
// lever of the wrong shape is a 400 with a sentence. Never a 500.
func TestEditorCountyProblems(t *testing.T) {
	e := newInputEnv(t)
	body := `{"name": "Feil", "structure": 2024, "year": 2026, "county": {"abolish": true, "others": "staten",
  "moves": [{"task": "ferje", "to": "staten"}, {"task": "tannhelse", "to": "fylket"}, {"task": "videregaende", "to": "regioner"}]}}`
	want := map[string][]string{
		"nb": {"«ferje» finnes ikke i katalogen over fylkeskommunens oppgaver", "Mottakeren «fylket» finnes ikke", "ingen regioner er oppgitt"},
		"en": {"«ferje» is not in the county task catalogue", "The receiver «fylket» does not exist", "no regions are given"},
	}
	for lang, texts := range want {
		res := postEditor(t, e.URL, lang, body)
		if res.OK || res.Figures != nil {
			t.Errorf("%s: a bad county lever evaluates: %+v", lang, res)
		}
		var all []string
		for _, p := range res.Problems {
			if p.Section != "county" || p.Index != -1 {
				t.Errorf("%s: problem %q is placed at %s[%d], want the county section", lang, p.Text, p.Section, p.Index)
			}
			all = append(all, p.Text)
		}
		for _, w := range texts {
			if !strings.Contains(strings.Join(all, " | "), w) {
				t.Errorf("%s: no problem says %q: %q", lang, w, all)
			}
		}
	}
	for _, bad := range []string{
		`{"name": "Feil", "structure": 2024, "year": 2026, "county": {"moves": "videregaende"}}`,
		`{"name": "Feil", "structure": 2024, "year": 2026, "county": {"regions": [{"name": "A", "members": [4204]}]}}`,
		`{"name": "Feil", "structure": 2024, "year": 2026, "county": true}`,
	} {
		r, err := http.Post(e.URL+"/scenarier/ny/beregn?lang=nb", "application/json", strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if r.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), `"message"`) {
			t.Errorf("%s: %d %s, want a 400 with a message", bad, r.StatusCode, b)
		}
	}
}
