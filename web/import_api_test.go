package web_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"generalist"
)

// TestImportAPIMediaTypes: the import APIs read the body in the format its
// media type names (so a body in another format is refused, not guessed),
// and a refused body is answered with its problems; the registry's import
// adds the plan beside the error.
func TestImportAPIMediaTypes(t *testing.T) {
	a := newAuthServer(t)
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	c := signIn(t, a.URL, "analytiker")
	const plan = "kommunenummer;gruppe\n1811;a\n1812;a\n"
	const geo = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunenummer":"1811","gruppe":"a"},"geometry":null},{"type":"Feature","properties":{"kommunenummer":"1812","gruppe":"a"},"geometry":null}]}`
	for _, tc := range []struct {
		ctype, body string
		want        int
	}{
		{"text/csv", plan, http.StatusOK},
		{"text/tab-separated-values", plan, http.StatusOK},
		{"application/geo+json", geo, http.StatusOK},
		{"application/json; charset=utf-8", geo, http.StatusOK},
		{"text/plain", geo, http.StatusOK}, // no format named: read by the first character
		{"application/geo+json", plan, http.StatusBadRequest},
		{"application/json", plan, http.StatusBadRequest},
		{"text/csv", geo, http.StatusBadRequest},
	} {
		code, body := c.do("POST", "/api/v1/scenarios/import?name=Fra+fil&dry_run=1", tc.ctype, tc.body)
		if code != tc.want {
			t.Errorf("scenario import of %.10q as %s = %d, want %d: %s", tc.body, tc.ctype, code, tc.want, body)
		}
	}

	const coop = "navn;form;deltaker;start;kilde\nA;ko;1820;2020-01-01;S\nA;;1822;;\n"
	for _, tc := range []struct {
		ctype string
		want  int
	}{
		{"text/csv", http.StatusOK},
		{"text/plain", http.StatusOK},
		{"text/tab-separated-values", http.StatusOK},
		{"application/json", http.StatusBadRequest},
	} {
		code, body := c.do("POST", "/api/v1/imc/import?dry_run=1", tc.ctype, coop)
		if code != tc.want {
			t.Errorf("registry import of CSV as %s = %d, want %d: %s", tc.ctype, code, tc.want, body)
		}
	}

	var refused struct {
		Error struct {
			Code     string            `json:"code"`
			Problems []json.RawMessage `json:"problems"`
		} `json:"error"`
		Plan *json.RawMessage `json:"plan"`
	}
	code, body := c.do("POST", "/api/v1/imc/import?dry_run=1", "text/csv", "navn;form;deltaker;start\nA;ko;1820;2020-13-01\nA;;1822;\n")
	if err := json.Unmarshal([]byte(body), &refused); err != nil || code != http.StatusBadRequest || refused.Error.Code != "invalid" || len(refused.Error.Problems) == 0 || refused.Plan == nil {
		t.Errorf("registry import of a bad file = %d %s, want 400 with its problems and the plan", code, body)
	}
	refused.Plan = nil
	code, body = c.do("POST", "/api/v1/scenarios/import?name=Feil", "text/csv", "kommunenummer;gruppe\n1811;a\n1811;b\n")
	if err := json.Unmarshal([]byte(body), &refused); err != nil || code != http.StatusBadRequest || refused.Error.Code != "invalid" || len(refused.Error.Problems) == 0 || refused.Plan != nil {
		t.Errorf("scenario import of a bad file = %d %s, want 400 with its problems and no plan", code, body)
	}
}
