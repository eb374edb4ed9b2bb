package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestNoRoute checks the answers for a path no route serves with the
// request's method: under /api/ the JSON error shape, 405 with the
// methods the path has in Allow, 404 for a path with no route at all
// whatever the method; pages 404 with the error page.
func TestNoRoute(t *testing.T) {
	s := newBareServer(t)
	for _, c := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{"DELETE", "/api/v1/municipalities", 405, "GET, HEAD"},
		{"GET", "/api/v1/evaluate", 405, "POST"},
		{"PUT", "/api/v1/evaluate", 405, "POST"},
		{"POST", "/api/v1/nosuch", 404, ""},
		{"GET", "/api/v1/nosuch", 404, ""},
		{"DELETE", "/api/v1/scenarios", 405, "GET, HEAD, POST"},
	} {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(c.method, c.path, nil))
		var e struct {
			Error struct{ Code, Message string }
		}
		if w.Code != c.status || w.Header().Get("Allow") != c.allow || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") ||
			json.Unmarshal(w.Body.Bytes(), &e) != nil || e.Error.Message == "" {
			t.Errorf("%s %s = %d, Allow %q, %s %q; want %d, Allow %q, the JSON error shape", c.method, c.path, w.Code, w.Header().Get("Allow"),
				w.Header().Get("Content-Type"), w.Body.String(), c.status, c.allow)
		}
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/ingen-side", nil))
	if w.Code != 404 || !strings.Contains(w.Body.String(), "</html>") {
		t.Errorf("POST /ingen-side = %d %q, want the 404 page", w.Code, w.Body.String())
	}
}
