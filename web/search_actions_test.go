package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"generalist"
)

// TestSearchSave: the search's proposal is saved by an analyst and opened
// in the plan editor with a confirmation; the public is told who can save
// it; bad forms are refused and store nothing.
func TestSearchSave(t *testing.T) {
	db, ts := newStoreServer(t)
	addUser(t, db, "testanalytiker", generalist.UserAnalyst, "")
	addUser(t, db, "redaktor", generalist.UserEditor, "0301")
	if _, page := newClient(t, ts.URL).do("GET", "/sok?floor=10000", "", ""); strings.Contains(page, `id="search-save"`) || !strings.Contains(page, "En analytiker kan lagre forslaget") {
		t.Error("the public sees the save form, or is not told who may save")
	}
	a := signIn(t, ts.URL, "testanalytiker")
	_, page := a.do("GET", "/sok?floor=10000", "", "")
	m := regexp.MustCompile(`name="q" value="([^"]*)"`).FindStringSubmatch(page)
	if m == nil || !strings.Contains(page, `id="search-save-editor"`) {
		t.Fatal("the analyst's search result has no save form with the editor button")
	}
	q := strings.ReplaceAll(m[1], "&amp;", "&")
	for name, bad := range map[string]url.Values{
		"NoSearch":      {"q": {""}, "to": {"compare"}},
		"BadTarget":     {"q": {q}, "to": {"elsewhere"}},
		"Editor2020":    {"q": {"floor=10000&structure=2020&year=2020"}, "to": {"editor"}},
		"LongName":      {"q": {q}, "to": {"compare"}, "name": {strings.Repeat("x", 201)}},
		"BadFloor":      {"q": {"floor=ti"}, "to": {"compare"}},
		"NothingMerged": {"q": {"floor=1"}, "to": {"compare"}},
	} {
		if code, _ := a.form("/sok/scenario", bad); code != http.StatusBadRequest {
			t.Errorf("%s: POST = %d, want 400", name, code)
		}
	}
	if code, _ := signIn(t, ts.URL, "redaktor").form("/sok/scenario", url.Values{"q": {q}, "to": {"compare"}}); code != http.StatusForbidden {
		t.Errorf("an editor's save = %d, want 403", code)
	}
	if n := storedScenarios(t, db); n != 0 {
		t.Fatalf("refused saves stored %d scenarios", n)
	}
	code, loc := a.form("/sok/scenario", url.Values{"q": {q}, "to": {"editor"}, "name": {""}})
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/scenarier/ny?id=strukturforslag-minst-10") {
		t.Fatalf("save and open in the editor = %d %s", code, loc)
	}
	_, ed := a.do("GET", loc, "", "")
	if !strings.Contains(ed, "Forslaget er lagret som scenario og åpnet i planleggeren") || !strings.Contains(ed, "Strukturforslag: minst 10") {
		t.Error("the editor neither confirms the save nor opens the proposal")
	}
	if n := storedScenarios(t, db); n != 1 {
		t.Errorf("%d scenarios stored, want 1", n)
	}
}
