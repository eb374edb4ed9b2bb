package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"generalist"
)

// TestFlash checks the confirmation after a change: the page the change
// redirects to says it once, a reload does not, a forged cookie shows
// nothing, and a cached page shows it too.
func TestFlash(t *testing.T) {
	db, ts := newStoreServer(t)
	addUser(t, db, "testanalytiker", generalist.UserAnalyst, "")
	c := signIn(t, ts.URL, "testanalytiker")
	const saved = "Endringen er lagret."
	form := url.Values{"task": {"barnevern"}, "field": {"min_team"}, "value": {"2,5"}, "note": {"Test av bekreftelsen"}}
	if code, loc := c.form("/oppgaver/endring", form); code != http.StatusSeeOther {
		t.Fatalf("POST change = %d %s, want 303", code, loc)
	}
	if _, page := c.do("GET", "/oppgaver", "", ""); !strings.Contains(page, `id="flash"`) || !strings.Contains(page, saved) {
		t.Error("the page after the change does not confirm it")
	}
	if _, page := c.do("GET", "/oppgaver", "", ""); strings.Contains(page, saved) {
		t.Error("the confirmation shows again on reload")
	}
	// A bad change gives no confirmation.
	if code, _ := c.form("/oppgaver/endring", url.Values{"task": {"barnevern"}, "field": {"min_team"}, "value": {"mange"}, "note": {"n"}}); code != http.StatusBadRequest {
		t.Errorf("bad change = %d, want 400", code)
	}
	if _, page := c.do("GET", "/oppgaver", "", ""); strings.Contains(page, `id="flash"`) {
		t.Error("a refused change is confirmed")
	}
	// Signing out confirms on the home page, a cached one as well as a
	// rendered one; only known keys are shown.
	if code, loc := c.form("/logg-ut", url.Values{}); code != http.StatusSeeOther || loc != "/" {
		t.Fatalf("sign out = %d %s", code, loc)
	}
	if _, page := c.do("GET", "/", "", ""); !strings.Contains(page, "Du er logget ut.") {
		t.Error("the home page does not confirm the sign-out")
	}
	for _, v := range []string{"<b>hei</b>", "flash.nokey", "nav.list"} {
		body := getURL(t, ts.URL+"/kommune/0301", &http.Cookie{Name: "generalist_flash", Value: url.QueryEscape(v)}).Body
		if strings.Contains(body, `id="flash"`) {
			t.Errorf("cookie %q shows a confirmation", v)
		}
	}
	body := getURL(t, ts.URL+"/kommune/0301", &http.Cookie{Name: "generalist_flash", Value: "flash.imc.deleted"}).Body
	if !strings.Contains(body, "Samarbeidet er slettet") {
		t.Error("a cached page does not show the confirmation")
	}
	if body := getURL(t, ts.URL+"/kommune/0301").Body; strings.Contains(body, `id="flash"`) {
		t.Error("the cached page kept the confirmation for others")
	}
}

// TestMenuModeration checks that the menu lists the moderation queue for
// analysts only, on rendered and cached pages in either order.
func TestMenuModeration(t *testing.T) {
	db, ts := newStoreServer(t)
	addUser(t, db, "testanalytiker", generalist.UserAnalyst, "")
	addUser(t, db, "redaktor", generalist.UserEditor, "0301")
	const link = `href="/innspill/moderering"`
	for _, path := range []string{"/kommune/0301", "/kommuner", "/sammenlign"} {
		if strings.Contains(getURL(t, ts.URL+path).Body, link) {
			t.Errorf("%s: the public's menu lists the moderation queue", path)
		}
		if _, page := signIn(t, ts.URL, "testanalytiker").do("GET", path, "", ""); !strings.Contains(page, link) {
			t.Errorf("%s: the analyst's menu lacks the moderation queue", path)
		}
		if _, page := signIn(t, ts.URL, "redaktor").do("GET", path, "", ""); strings.Contains(page, link) {
			t.Errorf("%s: an editor's menu lists the moderation queue", path)
		}
		if strings.Contains(getURL(t, ts.URL+path).Body, link) {
			t.Errorf("%s: after an analyst's visit the public's menu lists the moderation queue", path)
		}
	}
}

// TestScenarioListActions: the scenario list opens each scenario of the
// 2024 structure in the plan editor (an example as a copy), and an
// analyst deletes a stored scenario there with a confirmation; the public
// and an editor may not.
func TestScenarioListActions(t *testing.T) {
	db, ts := newStoreServer(t)
	addUser(t, db, "testanalytiker", generalist.UserAnalyst, "")
	addUser(t, db, "redaktor", generalist.UserEditor, "0301")
	sc := &generalist.Scenario{ID: "dalane", Name: "Dalane som én kommune", Structure: generalist.Structure2024, Year: 2026,
		Mergers: []generalist.Merger{{Name: "Dalane", Members: []generalist.MunicipalityNumber{"1111", "1112"}, Centre: "1111"}}}
	if err := db.CreateScenario(context.Background(), sc); err != nil {
		t.Fatal(err)
	}
	a := signIn(t, ts.URL, "testanalytiker")
	_, page := a.do("GET", "/scenarier", "", "")
	if !strings.Contains(page, `href="/scenarier/ny?id=dalane" data-open="dalane">Åpne i planleggeren</a>`) {
		t.Error("the list does not open the stored scenario in the editor")
	}
	if !strings.Contains(page, "Åpne en kopi i planleggeren") {
		t.Error("the list does not open an example as a copy in the editor")
	}
	if !strings.Contains(page, `form="delete-dalane"`) || strings.Count(page, `action="/scenarier/slett"`) != 1 {
		t.Error("the analyst's list lacks the one delete form (for the stored scenario only)")
	}
	if _, pub := newClient(t, ts.URL).do("GET", "/scenarier", "", ""); strings.Contains(pub, "/scenarier/slett") {
		t.Error("the public's list offers to delete")
	}
	if code, _ := signIn(t, ts.URL, "redaktor").form("/scenarier/slett", url.Values{"id": {"dalane"}}); code != http.StatusForbidden {
		t.Errorf("an editor's delete = %d, want 403", code)
	}
	if code, _ := a.form("/scenarier/slett", url.Values{"id": {"finnes-ikke"}}); code != http.StatusNotFound {
		t.Errorf("deleting an unknown scenario = %d, want 404", code)
	}
	if code, loc := a.form("/scenarier/slett", url.Values{"id": {"dalane"}}); code != http.StatusSeeOther || loc != "/scenarier" {
		t.Fatalf("delete = %d %s, want 303 to /scenarier", code, loc)
	}
	_, page = a.do("GET", "/scenarier", "", "")
	if !strings.Contains(page, "Scenarioet er slettet.") || strings.Contains(page, "Dalane som én kommune") {
		t.Error("after the deletion the list does not confirm it, or still lists the scenario")
	}
}
