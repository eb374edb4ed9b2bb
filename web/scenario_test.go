package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"generalist"
	"generalist/app"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestScenarioAPI stores, updates and deletes a scenario through the API on
// its own server and store, including a stale update (409) that changes
// nothing.
func TestScenarioAPI(t *testing.T) {
	ctx := context.Background()
	db, ts := newStoreServer(t)
	addUser(t, db, "analytiker", generalist.UserAnalyst, "")
	analyst := signIn(t, ts.URL, "analytiker")
	// do sends a JSON request as the signed-in analyst, with the session's
	// CSRF header unless headers override it.
	do := func(method, path, body string, headers ...string) (int, string) {
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", analyst.csrf)
		for i := 0; i+1 < len(headers); i += 2 {
			if headers[i] == "Host" {
				req.Host = headers[i+1]
			} else {
				req.Header.Set(headers[i], headers[i+1])
			}
		}
		resp, err := analyst.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	sc := `{"id": "haugalandet", "name": "Haugalandet", "structure": 2024, "year": 2026,
	  "cooperations": [{"task": "barnevern", "form": "vertskommune_administrativt", "members": ["1106", "1151"], "host": "1106"}]}`
	if code, body := do("POST", "/api/v1/scenarios", sc); code != http.StatusCreated || !strings.Contains(body, `"version": 1`) {
		t.Fatalf("create = %d %s", code, body)
	}
	if code, _ := do("POST", "/api/v1/scenarios", sc); code != http.StatusConflict {
		t.Errorf("create again = %d, want 409", code)
	}
	// Cross-site writes are refused: another origin, a missing or wrong
	// CSRF token, a form content type; and nothing is stored.
	other := strings.Replace(sc, "haugalandet", "annen", 1)
	for name, c := range map[string]struct {
		h    []string
		code int
	}{
		"Origin":      {[]string{"Origin", "https://evil.example"}, http.StatusForbidden},
		"NoCSRF":      {[]string{"X-CSRF-Token", ""}, http.StatusForbidden},
		"WrongCSRF":   {[]string{"X-CSRF-Token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}, http.StatusForbidden},
		"ContentType": {[]string{"Content-Type", "text/plain"}, http.StatusUnsupportedMediaType}, // 415: the media type, not the body, is wrong
	} {
		if code, body := do("POST", "/api/v1/scenarios", other, c.h...); code != c.code {
			t.Errorf("%s: cross-site create = %d %s, want %d", name, code, body, c.code)
		}
	}
	if _, err := db.Scenario(ctx, "annen"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("a refused create was stored: %v", err)
	}
	if code, body := do("POST", "/api/v1/scenarios", strings.Replace(sc, "haugalandet", "kommunereformen-2020", 1)); code != http.StatusConflict || !strings.Contains(body, "shipped example") {
		t.Errorf("create with an example's id = %d %s", code, body)
	}
	bad := `{"id": "feil", "name": "Feil", "structure": 2024, "year": 2026, "mergers": [{"name": "x", "members": ["0301", "1507"]}]}`
	if code, body := do("POST", "/api/v1/scenarios", bad); code != http.StatusBadRequest || !strings.Contains(body, "kommune 1507 is not in the 2024 structure") {
		t.Errorf("create invalid = %d %s", code, body)
	}
	if code, body := do("POST", "/api/v1/scenarios", `{"id": "x", "nme": "typo"}`); code != http.StatusBadRequest || !strings.Contains(body, `unknown field`) {
		t.Errorf("create with unknown field = %d %s", code, body)
	}
	// Two editors read version 1; the second save is refused.
	_, cur := do("GET", "/api/v1/scenarios/haugalandet", "")
	var a, b map[string]any
	json.Unmarshal([]byte(cur), &a)
	json.Unmarshal([]byte(cur), &b)
	a["name"], b["name"] = "Redaktør A", "Redaktør B"
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if code, body := do("PUT", "/api/v1/scenarios/haugalandet", string(ja)); code != http.StatusOK || !strings.Contains(body, `"version": 2`) {
		t.Fatalf("update = %d %s", code, body)
	}
	if code, body := do("PUT", "/api/v1/scenarios/haugalandet", string(jb)); code != http.StatusConflict || !strings.Contains(body, "saved by someone else") {
		t.Errorf("stale update = %d %s, want 409", code, body)
	}
	if _, body := do("GET", "/api/v1/scenarios/haugalandet", ""); !strings.Contains(body, "Redaktør A") {
		t.Errorf("after the conflict the stored scenario is %s", body)
	}
	if code, body := do("GET", "/api/v1/scenarios/haugalandet/outcome", ""); code != http.StatusOK || !strings.Contains(body, `"municipalities": 357`) {
		t.Errorf("outcome = %d", code)
	}
	if code, body := do("POST", "/api/v1/evaluate", strings.Replace(sc, "haugalandet", "", 1)); code != http.StatusOK || !strings.Contains(body, `"vulnerable"`) {
		t.Errorf("evaluate = %d %s", code, body[:min(200, len(body))])
	}
	if code, _ := do("DELETE", "/api/v1/scenarios/haugalandet", ""); code != http.StatusNoContent {
		t.Errorf("delete = %d", code)
	}
	if code, _ := do("GET", "/api/v1/scenarios/haugalandet", ""); code != http.StatusNotFound {
		t.Errorf("get deleted = %d", code)
	}
	// A new scenario under the old id and version gets its own outcome,
	// not the cached one of the deleted scenario.
	merged := `{"id": "haugalandet", "name": "Karmøy og Utsira", "structure": 2024, "year": 2026,
	  "mergers": [{"name": "Karmøy", "members": ["1149", "1151"], "centre": "1149"}]}`
	if code, body := do("POST", "/api/v1/scenarios", merged); code != http.StatusCreated {
		t.Fatalf("recreate = %d %s", code, body)
	}
	if _, body := do("GET", "/api/v1/scenarios/haugalandet/outcome", ""); !strings.Contains(body, `"municipalities": 356`) {
		t.Errorf("the recreated scenario's outcome is stale: %.200s", body)
	}
	// Signed out, writes are refused and saved scenarios are not listed.
	resp, err := http.Post(ts.URL+"/api/v1/scenarios", "application/json", bytes.NewBufferString(other))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("write when signed out = %d, want 401", resp.StatusCode)
	}
	if code, body := newClient(t, ts.URL).do("GET", "/api/v1/scenarios", "", ""); code != 200 || strings.Contains(body, `"id": "haugalandet"`) || !strings.Contains(body, "kommunereformen-2020") {
		t.Errorf("the public's scenario list = %d; it must hold the examples only", code)
	}
}

// TestCompareBounded: a comparison names at most app.MaxCompared distinct
// scenarios; a repeated id counts once, and more are refused (400) before
// any evaluation. (200 copies of one example id used to build a 74 MB
// answer.)
func TestCompareBounded(t *testing.T) {
	base := newTestServer(t)
	get := func(q string) int {
		t.Helper()
		resp, err := http.Get(base + "/api/v1/compare?" + q)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := get(strings.Repeat("id=sammenslaing-5000&", 200)); code != http.StatusOK {
		t.Errorf("one example id 200 times: %d, want 200 (it counts once)", code)
	}
	var ids []string
	for i := range app.MaxCompared + 1 {
		ids = append(ids, fmt.Sprintf("id=s%d", i))
	}
	if code := get(strings.Join(ids, "&")); code != http.StatusBadRequest {
		t.Errorf("%d distinct ids: %d, want 400", app.MaxCompared+1, code)
	}
}
