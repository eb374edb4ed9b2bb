package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestMunicipalityCooperationExamples: on a fresh server (nothing in
// the registry) the patterns page with the examples counted links each
// municipality to its cooperation page with the same choice, and that
// page lists the example cooperations the patterns counted, marked as
// examples, without writing them: the page without the choice still
// lists none.
func TestMunicipalityCooperationExamples(t *testing.T) {
	_, ts := newStoreServer(t)
	read := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, strings.ReplaceAll(string(b), "\u00a0", " ")
	}
	const link = `/kommune/1106/samarbeid?date=2026-06-01&amp;examples=1`
	if st, body := read("/samarbeid/monster?examples=1&date=2026-06-01"); st != 200 || strings.Count(body, `href="`+link+`"`) < 2 {
		t.Fatalf("the patterns page (%d) links Haugesund %d times to %s, want the table's and the map's link", st, strings.Count(body, `href="`+link+`"`), link)
	}
	for _, tc := range []struct {
		path      string
		want, not []string
	}{
		{strings.ReplaceAll(link, "&amp;", "&"), []string{`<th scope="row">Nord-Rogaland avfall IKS <span class="ds-tag" data-color="warning">eksempel</span>`, `id="examples-on"`,
			"Eksempelsamarbeidene er tatt med", `href="/kommune/1106/samarbeid?date=2026-06-01">Vis bare registrerte samarbeid`, "<td>hovedkontor: Haugesund (1106)</td>",
			`<th scope="col">Vertskommune eller kontor</th>`, "<strong>ingen data</strong>"},
			[]string{`href="/samarbeid/0"`, "deltar ikke i noe", "<strong>0 kr</strong>", "IKS (eksempel)", "vertskommune: Haugesund"}},
		{"/kommune/1106/samarbeid?examples=1&lang=en", []string{`Nord-Rogaland avfall IKS <span class="ds-tag" data-color="warning">example</span>`, "<td>head office: Haugesund (1106)</td>",
			"The example cooperations are included", "Show registered cooperations only"}, []string{"(eksempel)"}},
		{"/kommune/1106/samarbeid?date=2026-06-01", []string{"deltar ikke i noe registrert samarbeid"}, []string{"Nord-Rogaland avfall", `id="examples-on"`}},
		{"/kommune/0301/samarbeid?examples=1&date=2026-06-01", []string{"deltar ikke i noe registrert samarbeid eller eksempelsamarbeid"}, nil},
		{"/api/v1/municipalities/1106/imc?examples=true&date=2026-06-01", []string{`"name": "Nord-Rogaland avfall IKS (eksempel)"`, `"example": true`, `"host": "Haugesund (1106)"`}, nil},
		{"/api/v1/municipalities/1106/imc?date=2026-06-01", []string{`"rows": []`}, []string{"Nord-Rogaland"}},
	} {
		st, body := read(tc.path)
		if st != 200 {
			t.Errorf("GET %s = %d", tc.path, st)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s lacks %q", tc.path, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(body, w) {
				t.Errorf("GET %s has %q", tc.path, w)
			}
		}
	}
	for _, path := range []string{"/kommune/1106/samarbeid?examples=kanskje", "/api/v1/municipalities/1106/imc?examples=kanskje"} {
		if st, body := read(path); st != 400 || !strings.Contains(body, "examples") {
			t.Errorf("GET %s = %d, want 400 naming examples", path, st)
		}
	}
}
