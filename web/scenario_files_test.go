package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"generalist"
)

// TestScenarioSharing: a saved scenario is for signed-in users until an
// analyst publishes it; then anyone reads it (page, API, downloads) with
// who published it; unpublished, it is gone from the public again.
func TestScenarioSharing(t *testing.T) {
	a := newAuthServer(t)
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	addUser(t, a.db, "redaktor", generalist.UserEditor, a.editorMuni)
	analyst := signIn(t, a.URL, "analytiker")
	editor := signIn(t, a.URL, "redaktor")
	public := newClient(t, a.URL)
	sc := `{"id":"delt-plan","name":"Delt plan","structure":2024,"year":2026,"mergers":[{"name":"Ny","members":["1811","1812"]}]}`
	if code, body := analyst.do("POST", "/api/v1/scenarios", "application/json", sc); code != http.StatusCreated {
		t.Fatalf("create: %d %s", code, body)
	}
	urls := []string{"/api/v1/scenarios/delt-plan", "/scenarier/sammenlign?id=delt-plan", "/api/v1/scenarios/delt-plan/export?format=csv", "/api/v1/scenarios/delt-plan/outcome"}
	readable := func(c *client) (n int) {
		for _, u := range urls {
			if code, _ := c.do("GET", u, "", ""); code == http.StatusOK {
				n++
			}
		}
		return n
	}
	listed := func(c *client) bool {
		_, body := c.do("GET", "/api/v1/scenarios", "", "")
		return strings.Contains(body, `"delt-plan"`)
	}
	if n := readable(public); n != 0 || listed(public) {
		t.Errorf("unpublished: the public reads %d of %d addresses (listed %v)", n, len(urls), listed(public))
	}
	if n := readable(editor); n != len(urls) || !listed(editor) {
		t.Errorf("unpublished: a signed-in editor reads %d of %d addresses", n, len(urls))
	}
	// An editor may not publish; an analyst may, on the page.
	if code, _ := editor.form("/scenarier/publisering", url.Values{"id": {"delt-plan"}, "action": {"publish"}}); code != http.StatusForbidden {
		t.Errorf("an editor publishing: %d, want 403", code)
	}
	if code, loc := analyst.form("/scenarier/publisering", url.Values{"id": {"delt-plan"}, "action": {"publish"}}); code != http.StatusSeeOther || !strings.HasPrefix(loc, "/scenarier/sammenlign?id=delt-plan") {
		t.Fatalf("publish: %d %s", code, loc)
	}
	if n := readable(public); n != len(urls) || !listed(public) {
		t.Errorf("published: the public reads %d of %d addresses (listed %v)", n, len(urls), listed(public))
	}
	_, page := public.do("GET", "/scenarier/sammenlign?id=delt-plan", "", "")
	if !strings.Contains(page, "Publisert av analytiker") || strings.Contains(page, `action="/scenarier/publisering"`) {
		t.Errorf("the public's page does not say who published, or offers to unpublish")
	}
	_, page = analyst.do("GET", "/scenarier/sammenlign?id=delt-plan", "", "")
	if !strings.Contains(page, `value="unpublish"`) || !strings.Contains(page, "Last ned kart (GeoJSON)") || !strings.Contains(page, "Last ned tabell (CSV / Excel)") {
		t.Errorf("the analyst's page has no unpublish button or downloads")
	}
	if code, body := analyst.do("DELETE", "/api/v1/scenarios/delt-plan/publication", "", ""); code != http.StatusOK || strings.Contains(body, `"published"`) {
		t.Fatalf("unpublish: %d %s", code, body)
	}
	if n := readable(public); n != 0 || listed(public) {
		t.Errorf("unpublished again: the public reads %d of %d addresses", n, len(urls))
	}
}

// TestScenarioImportAPI: a plan file becomes a scenario in one request; a
// refused one names the place of each problem and stores nothing.
func TestScenarioImportAPI(t *testing.T) {
	a := newAuthServer(t)
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	analyst := signIn(t, a.URL, "analytiker")
	code, body := analyst.do("POST", "/api/v1/scenarios/import?name=Fra+fil", "text/csv", "kommunenummer;gruppe;gruppenavn\n1811;a;Bindal og Sømna\n1812;a;Bindal og Sømna\n")
	if code != http.StatusCreated {
		t.Fatalf("import: %d %s", code, body)
	}
	var res struct {
		Scenario generalist.Scenario `json:"scenario"`
		Stored   bool                `json:"stored"`
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil || !res.Stored || res.Scenario.ID != "fra-fil" || len(res.Scenario.Mergers) != 1 {
		t.Fatalf("import answered %s", body)
	}
	code, body = analyst.do("POST", "/api/v1/scenarios/import?name=Feil", "text/csv", "kommunenummer,gruppe\n1811,a\n1811,b\n")
	if code != http.StatusBadRequest || !strings.Contains(body, `"line": 3`) || !strings.Contains(body, `"column": "kommunenummer"`) {
		t.Errorf("a municipality twice: %d %s", code, body)
	}
	if code, _ := analyst.do("GET", "/api/v1/scenarios/feil", "", ""); code != http.StatusNotFound {
		t.Errorf("a refused plan was stored: %d", code)
	}
	// The page: a preview first, then the scenario, then its comparison.
	code, body = analyst.upload("/scenarier/importer", map[string]string{"step": "preview", "scenario_name": "Fra siden"},
		"plan.csv", []byte("kommunenummer,gruppe\n1811,a\n1812,a\n0301,b\n5601,b\n"))
	if code != http.StatusBadRequest || !strings.Contains(body, "linje 4") || !strings.Contains(body, "contiguous") {
		t.Errorf("the page's preview of a plan that is not contiguous: %d, %.300s", code, body)
	}
}
