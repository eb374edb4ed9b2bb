package web

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/sqlite"
)

// TestServePublic: the public's answer is computed once and then served
// from memory, compressed when asked; an answer that sets a cookie or is
// not 200 is sent as it is and computed again next time; a signed-in
// viewer always gets the handler's own answer.
func TestServePublic(t *testing.T) {
	s := newBareServer(t)
	calls := map[string]int{}
	h := func(w http.ResponseWriter, r *http.Request) error {
		calls[r.URL.Path]++
		switch r.URL.Path {
		case "/cookie":
			http.SetCookie(w, &http.Cookie{Name: "x", Value: "y"})
		case "/missing":
			writeBytes(w, http.StatusNotFound, "text/plain", []byte("no"))
			return nil
		case "/error":
			return generalist.Errorf(generalist.EINVALID, "bad")
		}
		writeBytes(w, http.StatusOK, "text/plain; charset=utf-8", []byte("svar "+r.URL.Path))
		return nil
	}
	do := func(path string, v viewer, gzip bool) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", path, nil)
		if gzip {
			r.Header.Set("Accept-Encoding", "gzip")
		}
		r = r.WithContext(context.WithValue(app.WithVersion(r.Context()), viewerKey, v))
		w := httptest.NewRecorder()
		if err := s.servePublic(w, r, h); err != nil {
			w.WriteHeader(statusOf[generalist.ErrorCode(err)])
		}
		return w
	}
	public := viewer{Role: generalist.UserPublic}
	for i := range 3 {
		w := do("/side", public, i == 2)
		if w.Code != http.StatusOK || (i < 2 && w.Body.String() != "svar /side") || (i == 2 && w.Header().Get("Content-Encoding") != "gzip") {
			t.Fatalf("GET /side #%d = %d %q %v", i+1, w.Code, w.Body.String(), w.Header())
		}
	}
	for _, path := range []string{"/cookie", "/missing", "/error"} {
		do(path, public, false)
		w := do(path, public, false)
		if path == "/cookie" && w.Header().Get("Set-Cookie") == "" || path == "/missing" && w.Code != http.StatusNotFound || path == "/error" && w.Code != http.StatusBadRequest {
			t.Errorf("GET %s the second time = %d %v", path, w.Code, w.Header())
		}
	}
	signedIn := viewer{User: &generalist.User{Name: "kari"}, Role: generalist.UserAnalyst}
	do("/side", signedIn, false)
	do("/side", signedIn, false)
	want := map[string]int{"/side": 3, "/cookie": 2, "/missing": 2, "/error": 2}
	for path, n := range want {
		if calls[path] != n {
			t.Errorf("%s was computed %d times, want %d (%v)", path, calls[path], n, calls)
		}
	}
}

// TestServePublicPersonal: a personal answer — a language switch that must
// be remembered, or any answer that sets a cookie — still reaches a client
// that accepts gzip compressed, and a language switch gets its cookie even
// when the page is kept in memory already.
func TestServePublicPersonal(t *testing.T) {
	s := newBareServer(t)
	page := strings.Repeat("en side som er stor nok til å pakkes ", 100)
	h := func(w http.ResponseWriter, r *http.Request) error {
		rememberLang(w, r)
		if r.URL.Path == "/skjema" {
			http.SetCookie(w, &http.Cookie{Name: "form", Value: "token"})
		}
		writePage(w, r, http.StatusOK, "text/html; charset=utf-8", []byte(page))
		return nil
	}
	do := func(path, cookie string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", path, nil)
		r.Header.Set("Accept-Encoding", "gzip")
		if cookie != "" {
			r.Header.Set("Cookie", cookie)
		}
		r = r.WithContext(context.WithValue(app.WithVersion(r.Context()), viewerKey, viewer{Role: generalist.UserPublic}))
		w := httptest.NewRecorder()
		if err := s.servePublic(w, r, h); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		return w
	}
	cases := []struct{ path, cookie, wantCookie string }{
		{"/side?lang=en", "", "lang=en"},        // the first visit: computed, personal
		{"/side?lang=en", "lang=en", ""},        // remembered already: kept in memory
		{"/side?lang=en", "lang=nb", "lang=en"}, // kept, but the switch must still be remembered
		{"/skjema", "", "form=token"},           // a form's token
	}
	for _, c := range cases {
		w := do(c.path, c.cookie)
		if got := w.Header().Get("Content-Encoding"); got != "gzip" {
			t.Errorf("GET %s (cookie %q): Content-Encoding %q, want gzip", c.path, c.cookie, got)
		}
		zr, err := gzip.NewReader(w.Body)
		if err != nil {
			t.Errorf("GET %s (cookie %q): %v", c.path, c.cookie, err)
		} else if b, err := io.ReadAll(zr); err != nil || string(b) != page {
			t.Errorf("GET %s (cookie %q): body %d bytes, err %v", c.path, c.cookie, len(b), err)
		}
		got := w.Header().Get("Set-Cookie")
		if c.wantCookie == "" && got != "" || !strings.HasPrefix(got, c.wantCookie) {
			t.Errorf("GET %s (cookie %q): Set-Cookie %q, want %q", c.path, c.cookie, got, c.wantCookie)
		}
	}
}

// newBareServer is a server on an empty store of its own, for tests that
// call its methods directly.
func newBareServer(t *testing.T) *Server {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "public.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := NewServer(Config{App: app.New(db)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
