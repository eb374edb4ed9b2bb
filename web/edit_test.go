package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"generalist/refdata"
	"generalist/sqlite"
	"generalist/web"
)

// TestParamChangeForm changes a task parameter through the form of
// /oppgaver on its own server and store, and checks the history, the
// capacity model and the protections of the form.
func TestParamChangeForm(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "edit.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := refdata.Ensure(ctx, db); err != nil {
		t.Fatal(err)
	}
	cat, err := refdata.EmbeddedTasks()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.NewServer(web.Config{Store: db, Catalogue: cat, Changes: db, AllowEdits: true})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	fetch := func(path string) string {
		resp, err := client.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	token := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(fetch("/oppgaver"))
	if token == nil {
		t.Fatal("no csrf token in the form")
	}
	post := func(form url.Values) *http.Response {
		resp, err := client.PostForm(ts.URL+"/oppgaver/endring", form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	form := url.Values{"csrf": {token[1]}, "task": {"barnevern"}, "field": {"min_team"}, "value": {"2,5"},
		"note": {"Test av skjemaet"}, "author": {"Testanalytiker"}}
	if resp := post(form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST change = %d, want 303", resp.StatusCode)
	}
	page := fetch("/oppgaver")
	if !strings.Contains(page, "Testanalytiker") || !strings.Contains(page, "Test av skjemaet") || !strings.Contains(page, "Endret av Testanalytiker") {
		t.Error("the change is not in the history or the catalogue")
	}
	if api := fetch("/api/v1/tasks"); !strings.Contains(api, `"value": 2.5`) {
		t.Error("the API catalogue does not carry the change")
	}
	for name, bad := range map[string]url.Values{
		"NoToken":     {"task": {"barnevern"}, "field": {"min_team"}, "value": {"1"}, "note": {"n"}, "author": {"a"}},
		"BadValue":    {"csrf": {token[1]}, "task": {"barnevern"}, "field": {"min_team"}, "value": {"mange"}, "note": {"n"}, "author": {"a"}},
		"NoNote":      {"csrf": {token[1]}, "task": {"barnevern"}, "field": {"min_team"}, "value": {"3"}, "author": {"a"}},
		"UnknownTask": {"csrf": {token[1]}, "task": {"nosuch"}, "field": {"min_team"}, "value": {"3"}, "note": {"n"}, "author": {"a"}},
	} {
		if resp := post(bad); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: POST = %d, want 400", name, resp.StatusCode)
		}
	}
	changes, err := db.ParamChanges(ctx)
	if err != nil || len(changes) != 1 {
		t.Errorf("stored changes = %d, %v; want exactly the one good change", len(changes), err)
	}
}
