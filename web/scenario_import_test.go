package web_test

import (
	"net/http"
	"strings"
	"testing"

	"generalist"
)

// TestScenarioImportPageSays: the import page words its refusals in
// bokmål and its preview has no format error; a plan with nothing in it
// is refused on the page and in the API, and nothing is stored.
func TestScenarioImportPageSays(t *testing.T) {
	a := newAuthServer(t)
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	c := signIn(t, a.URL, "analytiker")
	plan := []byte("kommunenummer,gruppe,gruppenavn\n1811,a,Bindal og Sømna\n1812,a,Bindal og Sømna\n")
	for _, tt := range []struct {
		name   string
		fields map[string]string
		file   []byte
		status int
		want   string
	}{
		{"preview", map[string]string{"step": "preview", "scenario_name": "X"}, plan, 200, "1 sammenslåinger på 2024-strukturen"},
		{"preview 2020", map[string]string{"step": "preview", "scenario_name": "X", "structure": "2020"}, []byte("kommunenummer,gruppe\n1811,a\n1812,a\n"), 200, "på 2020-strukturen"},
		{"structure 1999", map[string]string{"step": "preview", "scenario_name": "X", "structure": "1999"}, plan, 400, "Kommunestrukturen «1999» finnes ikke. Velg en av strukturene 2019, 2020 og 2024."},
		{"structure text", map[string]string{"step": "preview", "scenario_name": "X", "structure": "tjuetjuefire"}, plan, 400, "Kommunestrukturen «tjuetjuefire» finnes ikke."},
		{"header only", map[string]string{"step": "preview", "scenario_name": "X"}, []byte("kommunenummer,gruppe\n"), 400, "har ingen rader"},
		{"no features", map[string]string{"step": "import", "scenario_name": "X"}, []byte(`{"type":"FeatureCollection","features":[]}`), 400, "har ingen rader"},
		{"damaged", map[string]string{"step": "import", "scenario_name": "X", "content": "!!ikke base64!!"}, nil, 400, "Filen som ble sendt tilbake fra forhåndsvisningen, er skadet."},
	} {
		code, body := c.upload("/scenarier/importer", tt.fields, "plan.csv", tt.file)
		body = strings.ReplaceAll(body, "\u00a0", " ")
		if code != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d, want %d and %q:\n%s", tt.name, code, tt.status, tt.want, alertOf(body))
		}
		if strings.Contains(body, "%!") {
			t.Errorf("%s: a format error on the page: %s", tt.name, body[strings.Index(body, "%!")-100:][:200])
		}
	}
	for _, f := range []struct{ ctype, file string }{{"text/csv", "kommunenummer,gruppe\n"}, {"application/geo+json", `{"type":"FeatureCollection","features":[]}`}} {
		code, body := c.do("POST", "/api/v1/scenarios/import?name=Tom", f.ctype, f.file)
		if code != http.StatusBadRequest || !strings.Contains(body, "has no rows") {
			t.Errorf("API, %q: %d %s", f.file, code, body)
		}
	}
	if code, body := c.do("GET", "/api/v1/scenarios", "", ""); code != 200 || strings.Contains(body, `"X"`) || strings.Contains(body, `"Tom"`) {
		t.Errorf("refused plans were stored: %d %.300s", code, body)
	}
}
