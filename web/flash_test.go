package web_test

import (
	"io"
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
		body := getWithCookie(t, ts.URL+"/kommune/0301", &http.Cookie{Name: "generalist_flash", Value: url.QueryEscape(v)})
		if strings.Contains(body, `id="flash"`) {
			t.Errorf("cookie %q shows a confirmation", v)
		}
	}
	body := getWithCookie(t, ts.URL+"/kommune/0301", &http.Cookie{Name: "generalist_flash", Value: "flash.imc.deleted"})
	if !strings.Contains(body, "Samarbeidet er slettet") {
		t.Error("a cached page does not show the confirmation")
	}
	if body := getWithCookie(t, ts.URL+"/kommune/0301", nil); strings.Contains(body, `id="flash"`) {
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
		if strings.Contains(getWithCookie(t, ts.URL+path, nil), link) {
			t.Errorf("%s: the public's menu lists the moderation queue", path)
		}
		if _, page := signIn(t, ts.URL, "testanalytiker").do("GET", path, "", ""); !strings.Contains(page, link) {
			t.Errorf("%s: the analyst's menu lacks the moderation queue", path)
		}
		if _, page := signIn(t, ts.URL, "redaktor").do("GET", path, "", ""); strings.Contains(page, link) {
			t.Errorf("%s: an editor's menu lists the moderation queue", path)
		}
		if strings.Contains(getWithCookie(t, ts.URL+path, nil), link) {
			t.Errorf("%s: after an analyst's visit the public's menu lists the moderation queue", path)
		}
	}
}

func getWithCookie(t *testing.T, u string, c *http.Cookie) string {
	t.Helper()
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c != nil {
		req.AddCookie(c)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
