package web_test

import (
	"context"
	"generalist"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"generalist/app"
	"generalist/refdata"
	"generalist/sqlite"
	"generalist/storetest"
	"generalist/web"
)

// newStoreServer starts a server on its own SQLite file with the
// reference data, for tests that change the store; both are closed when
// the test ends.
func newStoreServer(t *testing.T) (*sqlite.DB, *httptest.Server) {
	t.Helper()
	db := openLoaded(t, filepath.Join(t.TempDir(), "store.db"))
	return db, serveApp(t, app.New(db))
}

// openLoaded opens the SQLite store at path, closed when tb ends, with
// the reference data loaded as the commands load it.
func openLoaded(tb testing.TB, path string) *sqlite.DB {
	tb.Helper()
	db := storetest.OpenSQLiteAt(tb, path)
	if _, err := refdata.Ensure(context.Background(), db); err != nil {
		tb.Fatal(err)
	}
	return db
}

// serveApp starts a server on a, closed when t ends.
func serveApp(t *testing.T, a *app.App) *httptest.Server {
	t.Helper()
	srv, err := web.NewServer(web.Config{App: a})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

// storedScenarios counts the scenarios db holds.
func storedScenarios(t *testing.T, db *sqlite.DB) int {
	t.Helper()
	scs, err := db.Scenarios(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(scs)
}

// TestParamChangeForm changes a task parameter through the form of
// /oppgaver on its own server and store, and checks the history, the
// capacity model and the protections of the form.
func TestParamChangeForm(t *testing.T) {
	ctx := context.Background()
	db, ts := newStoreServer(t)
	addUser(t, db, "testanalytiker", generalist.UserAnalyst, "")
	addUser(t, db, "redaktor", generalist.UserEditor, "0301")
	// The public sees no form, and an editor may not change parameters.
	public := newClient(t, ts.URL)
	if _, page := public.do("GET", "/oppgaver", "", ""); strings.Contains(page, `action="/oppgaver/endring"`) {
		t.Error("the public sees the parameter form")
	}
	c := signIn(t, ts.URL, "testanalytiker")
	form := url.Values{"task": {"barnevern"}, "field": {"min_team"}, "value": {"2,5"}, "note": {"Test av skjemaet"}}
	if code, _ := signIn(t, ts.URL, "redaktor").form("/oppgaver/endring", form); code != http.StatusForbidden {
		t.Errorf("an editor's change = %d, want 403", code)
	}
	if _, page := c.do("GET", "/oppgaver", "", ""); !strings.Contains(page, `action="/oppgaver/endring"`) {
		t.Error("the analyst sees no parameter form")
	}
	if code, loc := c.form("/oppgaver/endring", form); code != http.StatusSeeOther {
		t.Fatalf("POST change = %d %s, want 303", code, loc)
	}
	_, page := c.do("GET", "/oppgaver", "", "")
	if !strings.Contains(page, "Test av skjemaet") || !strings.Contains(page, "<td>testanalytiker</td>") {
		t.Error("the change is not in the history or the catalogue, with the signed-in user as author")
	}
	if _, api := c.do("GET", "/api/v1/tasks", "", ""); !strings.Contains(api, `"value": 2.5`) {
		t.Error("the API catalogue does not carry the change")
	}
	// Without the CSRF token the change is refused (403), and bad values
	// are refused (400); nothing of them is stored.
	noToken := url.Values{"csrf": {"x"}, "task": {"barnevern"}, "field": {"min_team"}, "value": {"1"}, "note": {"n"}}
	if code, _ := c.form("/oppgaver/endring", noToken); code != http.StatusForbidden {
		t.Errorf("NoToken: POST = %d, want 403", code)
	}
	for name, bad := range map[string]url.Values{
		"BadValue":    {"task": {"barnevern"}, "field": {"min_team"}, "value": {"mange"}, "note": {"n"}},
		"NoNote":      {"task": {"barnevern"}, "field": {"min_team"}, "value": {"3"}},
		"UnknownTask": {"task": {"nosuch"}, "field": {"min_team"}, "value": {"3"}, "note": {"n"}},
	} {
		if code, _ := c.form("/oppgaver/endring", bad); code != http.StatusBadRequest {
			t.Errorf("%s: POST = %d, want 400", name, code)
		}
	}
	changes, err := db.ParamChanges(ctx)
	if err != nil || len(changes) != 1 {
		t.Errorf("stored changes = %d, %v; want exactly the one good change", len(changes), err)
	}
}
