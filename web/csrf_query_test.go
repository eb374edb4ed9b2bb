package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"generalist"
)

// TestCSRFTokenNotFromQuery: a form's CSRF token counts only from its
// body (or the header), never from the URL, where it would leak into
// logs and Referer headers.
func TestCSRFTokenNotFromQuery(t *testing.T) {
	a := newAuthServer(t)
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	c := signIn(t, a.URL, "analytiker")
	bare := *c
	bare.csrf = "" // sends no X-CSRF-Token header
	if code, body := bare.do("POST", "/scenarier/slett?csrf="+url.QueryEscape(c.csrf), "application/x-www-form-urlencoded", "id=finnes-ikke"); code != http.StatusForbidden {
		t.Errorf("the token in the query string = %d %s, want 403", code, body)
	}
	if code, body := bare.do("POST", "/scenarier/slett", "application/x-www-form-urlencoded", url.Values{"csrf": {c.csrf}, "id": {"finnes-ikke"}}.Encode()); code == http.StatusForbidden {
		t.Errorf("the token in the body = %d %s, want it accepted", code, body)
	}
}
