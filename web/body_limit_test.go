package web_test

import (
	"bytes"
	"generalist/web"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"generalist"
)

// TestBodyLimits: every body over a limit — the server's or a handler's
// tighter one, with a Content-Length or chunked — is answered 413, never
// 400 or 403; a small malformed body is still 400.
func TestBodyLimits(t *testing.T) {
	a := newAuthServer(t)
	u := addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	token := makeToken(t, a.db, u, generalist.ScopeWrite)
	addUser(t, a.db, "admin", generalist.UserAdmin, "")
	session := signIn(t, a.URL, "admin")

	send := func(method, path, ctype string, body string, chunked bool, auth func(*http.Request)) (int, string) {
		t.Helper()
		var rd io.Reader = strings.NewReader(body)
		if chunked {
			rd = struct{ io.Reader }{rd} // no length: sent chunked
		}
		req, err := http.NewRequest(method, a.URL+path, rd)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", ctype)
		auth(req)
		resp, err := session.http.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	bearer := func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) }
	withSession := func(r *http.Request) { r.Header.Set("X-CSRF-Token", session.csrf) }

	scenario := `{"id": "stor", "name": "` + strings.Repeat("x", 2<<20) + `", "structure": 2024, "year": 2026}`
	cooperation := `{"note": "` + strings.Repeat("x", 4<<20) + `"}`
	form := "csrf=" + session.csrf + "&note=" + strings.Repeat("x", 5<<20)
	for _, tt := range []struct {
		name, method, path, ctype, body string
		chunked                         bool
		auth                            func(*http.Request)
		want                            int
		says                            string
	}{
		{"ScenarioOverHandlerLimit", "POST", "/api/v1/scenarios", "application/json", scenario, false, bearer, 413, "1048576 bytes"},
		{"ScenarioOverHandlerLimitChunked", "POST", "/api/v1/scenarios", "application/json", scenario, true, bearer, 413, "1048576 bytes"},
		{"EvaluateOverHandlerLimitChunked", "POST", "/api/v1/evaluate", "application/json", scenario, true, bearer, 413, "1048576 bytes"},
		{"CooperationChunked", "PUT", "/api/v1/imc/1", "application/json", cooperation, true, withSession, 413, "4194304 bytes"},
		{"CooperationCheckChunked", "POST", "/api/v1/imc/check", "application/json", cooperation, true, bearer, 413, "4194304 bytes"},
		{"FormChunked", "POST", "/oppgaver/endring", "application/x-www-form-urlencoded", form, true, withSession, 413, "4194304 bytes"},
		{"ParamFormOverHandlerLimit", "POST", "/oppgaver/endring", "application/x-www-form-urlencoded", "task=barnevern&note=" + strings.Repeat("x", 20<<10), false, bearer, 413, "16384 bytes"},
		{"ModerationOverHandlerLimit", "POST", "/api/v1/moderation/inputs/1", "application/json", `{"action": "reject", "reason": "` + strings.Repeat("x", 70<<10) + `"}`, true, bearer, 413, "65536 bytes"},
		{"SmallMalformed", "POST", "/api/v1/scenarios", "application/json", `{"id": `, true, bearer, 400, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, body := send(tt.method, tt.path, tt.ctype, tt.body, tt.chunked, tt.auth)
			if code != tt.want || !strings.Contains(body, tt.says) {
				t.Errorf("%s %s = %d %.200q, want %d saying %q", tt.method, tt.path, code, body, tt.want, tt.says)
			}
		})
	}
}

// TestBodyLimitLogged: the access log records the 413 the client gets,
// not the 400 the handler gave before its answer was replaced.
func TestBodyLimitLogged(t *testing.T) {
	var logs syncBuffer
	a := newAuthServer(t, func(c *web.Config) { c.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	u := addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	token := makeToken(t, a.db, u, generalist.ScopeWrite)
	body := struct{ io.Reader }{strings.NewReader(`{"id": "stor", "name": "` + strings.Repeat("x", 2<<20) + `"}`)}
	req, err := http.NewRequest("POST", a.URL+"/api/v1/scenarios", body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", resp.StatusCode)
	}
	if got := logs.String(); !strings.Contains(got, "status=413") {
		t.Errorf("the access log does not record 413:\n%s", got)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
