package web_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"generalist"
)

// TestSearchEnsembleQuick: the page's short ensemble says at its top that
// it is a quick indication and whether its own check found it long
// enough; the public is told an analyst can run the long one, and an
// analyst starts it as a background job with one click, on the same
// criteria.
func TestSearchEnsembleQuick(t *testing.T) {
	const q = "/sok?floor=5000&max_km=150&ensemble=true"
	for _, tc := range []struct{ lang, quick, plans, short, long, signin string }{
		{"nb", "En rask indikasjon.", "bare 2 000 alternative", "Det er for få", "gjerne 1 000 000", "En analytiker kan kjøre den lange beregningen"},
		{"en", "A quick indication.", "only 2,000 alternative", "That is too few", "say 1,000,000", "An analyst can run the long computation"},
	} {
		r := get(t, q+"&lang="+tc.lang)
		i, j := strings.Index(r.Body, `id="ens-quick"`), strings.Index(r.Body, `id="ens-ceiling"`)
		if r.Status != http.StatusOK || i < 0 || j < i {
			t.Fatalf("%s: %d; want the quick-indication notice at the top of the ensemble (at %d, the ceiling at %d)", tc.lang, r.Status, i, j)
		}
		top := r.Body[i:j]
		for _, want := range []string{tc.quick, tc.plans, tc.short, tc.long, tc.signin, `href="/logg-inn?neste=`} {
			if !strings.Contains(top, want) {
				t.Errorf("%s: the notice lacks %q: %q", tc.lang, want, top)
			}
		}
		if strings.Contains(r.Body, `id="ens-job"`) {
			t.Errorf("%s: the public sees the job's button", tc.lang)
		}
	}

	a := newAuthServer(t, withJobs(t, 0))
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	s := signIn(t, a.URL, "analytiker")
	code, body := s.do("GET", q, "", "")
	form := regexp.MustCompile(`(?s)<form method="post" action="/jobber" id="ens-job">(.*?)</form>`).FindStringSubmatch(body)
	if code != http.StatusOK || form == nil {
		t.Fatalf("GET %s as analyst = %d; want the one-click job form in the notice", q, code)
	}
	if !strings.Contains(form[1], "Kjør 1\u00a0000\u00a0000 planer som bakgrunnsjobb") {
		t.Errorf("the button does not say what it runs: %s", form[1])
	}
	v := url.Values{}
	for _, m := range regexp.MustCompile(`name="(\w+)" value="([^"]*)"`).FindAllStringSubmatch(form[1], -1) {
		v.Set(m[1], html.UnescapeString(m[2]))
	}
	if v.Get("csrf") == "" || v.Get("kind") != "ensemble" || v.Get("steps") != "1000000" || v.Get("floor") != "5000" || v.Get("max_km") != "150" {
		t.Fatalf("the form sends %v", v)
	}
	code, loc := s.form("/jobber", v)
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/jobber/") {
		t.Fatalf("POST /jobber = %d %s; want the job's page", code, loc)
	}
	code, body = s.do("GET", "/api"+strings.Replace(loc, "/jobber/", "/v1/jobs/", 1), "", "")
	var j struct {
		Kind   string
		Params struct {
			Floor float64
			MaxKm float64 `json:"max_km"`
			Steps int
		}
	}
	if err := json.Unmarshal([]byte(body), &j); err != nil || code != http.StatusOK {
		t.Fatalf("the job: %d %v %.300s", code, err, body)
	}
	if j.Kind != "ensemble" || j.Params.Steps != 1000000 || j.Params.MaxKm != 150 || j.Params.Floor != 5000 {
		t.Errorf("the job queued is %+v; want the page's criteria with 1 000 000 steps", j)
	}
}
