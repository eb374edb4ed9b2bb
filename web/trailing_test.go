package web_test

import (
	"net/http"
	"strings"
	"testing"

	"generalist"
)

// TestTrailingJSONRefused: a JSON body with anything after its value —
// the start of a second request, a stray brace — is refused whole with a
// 400 that says where, by the cooperation registry, the job queue and the
// moderation API alike; nothing is queued or stored.
func TestTrailingJSONRefused(t *testing.T) {
	a := newAuthServer(t, withJobs(t, 0))
	admin := addUser(t, a.db, "admin", generalist.UserAdmin, "")
	c := &client{t: t, base: a.URL, http: http.DefaultClient, bearer: makeToken(t, a.db, admin, generalist.ScopeWrite)}
	job := `{"kind": "ensemble", "params": {"floor": 5000, "steps": 2000, "seed": 3}}`
	for _, tc := range []struct{ path, body string }{
		{"/api/v1/jobs", job + ` {"kind": "search"}`},
		{"/api/v1/jobs", job + `}`},
		{"/api/v1/imc", `{"note": "x", "cooperation": {}} []`},
		{"/api/v1/moderation/inputs/1", `{"action": "publish"} x`},
	} {
		code, body := c.do("POST", tc.path, "application/json", tc.body)
		if code != http.StatusBadRequest || !strings.Contains(body, "after the JSON value") {
			t.Errorf("POST %s with %q = %d %.200s; want 400 naming the data after the JSON value", tc.path, tc.body, code, body)
		}
	}
	if code, body := c.do("GET", "/api/v1/jobs", "", ""); code != http.StatusOK || strings.Contains(body, `"id"`) {
		t.Errorf("GET /api/v1/jobs = %d %.200s; want no job queued", code, body)
	}
}
