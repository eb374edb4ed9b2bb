package web

import (
	"net/http/httptest"
	"testing"
)

// TestAuthorizationSchemes: credentials of another scheme than Bearer
// (Basic from a proxy or a browser) are not this server's and leave the
// request anonymous; a malformed or unknown Bearer token is refused.
func TestAuthorizationSchemes(t *testing.T) {
	s := newBareServer(t)
	for _, c := range []struct {
		path, auth string
		status     int
	}{
		{"/healthz", "Basic YTpi", 200},
		{"/api/v1/openapi.json", "Basic YTpi", 200},
		{"/api/v1/openapi.json", "Negotiate abc", 200},
		{"/api/v1/openapi.json", "Bearer", 401},
		{"/api/v1/openapi.json", "Bearer not-a-token", 401},
		{"/api/v1/openapi.json", "bearer gen_" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 401},
	} {
		r := httptest.NewRequest("GET", c.path, nil)
		r.Header.Set("Authorization", c.auth)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != c.status {
			t.Errorf("GET %s with Authorization %q = %d, want %d", c.path, c.auth, w.Code, c.status)
		}
	}
}
