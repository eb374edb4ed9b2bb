package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"generalist"
)

// TestSearchGroupsAPI: GET /api/v1/search/groups answers the CLI's JSON:
// the regions, their members as groups, count, bound, gap, validity and
// the exempt municipalities with a kind and a reason; bad input is a 400
// that says what.
func TestSearchGroupsAPI(t *testing.T) {
	r := get(t, "/api/v1/search/groups?task=barnevern&task=legevakt&task=ppt&max_km=60&exempt_infeasible=1")
	if r.Status != http.StatusOK {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	var res struct {
		Groups  [][]string `json:"groups"`
		Count   int        `json:"count"`
		Bound   int        `json:"bound"`
		Gap     float64    `json:"gap"`
		Valid   bool       `json:"valid"`
		Regions []struct {
			Members []string  `json:"members"`
			Host    string    `json:"host"`
			FTE     []float64 `json:"fte"`
			MaxKm   float64   `json:"max_km"`
		} `json:"regions"`
		Floors []struct {
			Task    string  `json:"task"`
			MinTeam float64 `json:"min_team_fte"`
		} `json:"floors"`
		Exempt []struct {
			Number string `json:"number"`
			Kind   string `json:"kind"`
			Reason string `json:"reason"`
		} `json:"exempt"`
	}
	if err := json.Unmarshal([]byte(r.Body), &res); err != nil {
		t.Fatal(err)
	}
	if !res.Valid || res.Count < 50 || res.Count != len(res.Groups) || res.Count != len(res.Regions) || res.Bound < res.Count || len(res.Floors) != 3 {
		t.Fatalf("count %d, %d groups, %d regions, bound %d, valid %v, floors %v", res.Count, len(res.Groups), len(res.Regions), res.Bound, res.Valid, res.Floors)
	}
	for k, reg := range res.Regions {
		if !slices.Equal(reg.Members, res.Groups[k]) || !slices.Contains(reg.Members, reg.Host) || reg.MaxKm > 60 {
			t.Errorf("region %d: %+v, group %v", k, reg, res.Groups[k])
		}
		for i, f := range res.Floors {
			if reg.FTE[i] < f.MinTeam-1e-9 {
				t.Errorf("region %d: %s %v FTE, below %v", k, f.Task, reg.FTE[i], f.MinTeam)
			}
		}
	}
	kinds := map[string]int{}
	for _, e := range res.Exempt {
		kinds[e.Kind]++
		if e.Reason == "" {
			t.Errorf("exempt %s has no reason", e.Number)
		}
	}
	if kinds["distance"] == 0 || kinds["search"] > 20 {
		t.Errorf("exempt by kind %v: want some out of reach, few left over", kinds)
	}

	for q, want := range map[string]string{
		"":                             "at least one task",
		"?task=nosuch":                 "nosuch",
		"?task=ppt&task=ppt":           "twice",
		"?task=ppt&max_km=-1":          "max_km",
		"?task=ppt&county=x":           "county",
		"?task=ppt&county=99":          "county",
		"?task=ppt&keep_registered=ja": "keep_registered",
		"?task=legevakt&max_km=30":     "cannot reach",
	} {
		r := get(t, "/api/v1/search/groups"+q)
		if r.Status != http.StatusBadRequest || !strings.Contains(r.Body, want) {
			t.Errorf("GET %s = %d %s, want 400 with %q", q, r.Status, r.Body, want)
		}
	}
}

// TestSearchGroupsPage: /sok has a mode for fixed cooperation regions
// with the tasks as checkboxes; its result shows the regions on a map
// and in a table, the bound and gap in words and the municipalities left
// out with reasons worded in the page's language.
func TestSearchGroupsPage(t *testing.T) {
	if r := get(t, "/sok"); !strings.Contains(r.Body, `href="/sok?mode=regions"`) {
		t.Error("/sok has no link to the regions")
	}
	r := get(t, "/sok?mode=regions")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `id="regions-form"`) || !strings.Contains(r.Body, `type="checkbox" id="task-legevakt" name="task" value="legevakt"`) ||
		strings.Contains(r.Body, `id="regions-result"`) {
		t.Fatalf("the empty regions page: %d, form or task checkboxes missing, or a result without tasks", r.Status)
	}
	if r := get(t, "/sok?mode=other"); r.Status != http.StatusBadRequest {
		t.Errorf("mode=other: %d, want 400", r.Status)
	}
	q := "/sok?mode=regions&task=barnevern&task=legevakt&task=ppt&max_km=60&exempt_infeasible=true"
	r = get(t, q)
	for _, want := range []string{`id="regions-map-fig"`, `<table class="ds-table" data-zebra="true" id="regions">`, `id="regions-exempt"`,
		"Høyst ", "regioner er mulig med kommunene som ikke bevislig er ute av stand til å nå kravene; søket fant", "under denne grensen",
		`class="geomap-key geomap-category"`, ">region (naboregioner har ulik farge)</text>", "Tegnforklaring: region (naboregioner har ulik farge);", "Når ikke minste robuste fagmiljø for Legevakt", "nei, søkets grense", "Legevakt 5,2 årsverk",
		`checked><label class="ds-label" for="task-ppt">`, "En analytiker kan lagre regionene"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("the nb page lacks %q", want)
		}
	}
	for _, not := range []string{"cannot reach", "the search found no region", "robust minimum team", "%!", "klasser (faste grenser)", "kommuner–region"} {
		if strings.Contains(r.Body, not) {
			t.Errorf("the nb page shows the engine's English %q", not)
		}
	}
	en := get(t, q+"&lang=en")
	for _, want := range []string{"Fixed cooperation regions", "Cannot reach the robust minimum team of", "no, the search", "At most ", "below this bound", "Key: region (neighbouring regions differ);"} {
		if !strings.Contains(en.Body, want) {
			t.Errorf("the en page lacks %q", want)
		}
	}
	// Criteria no plan meets, without exemptions: a warning, not a 500.
	if r := get(t, "/sok?mode=regions&task=legevakt&max_km=30"); r.Status != http.StatusOK || !strings.Contains(r.Body, `id="regions-error"`) {
		t.Errorf("infeasible criteria: %d, no warning", r.Status)
	}
}

// TestSearchGroupsSave: an analyst saves the regions as a scenario and
// lands on the comparison; bad forms are refused and store nothing.
func TestSearchGroupsSave(t *testing.T) {
	db, ts := newStoreServer(t)
	addUser(t, db, "testanalytiker", generalist.UserAnalyst, "")
	a := signIn(t, ts.URL, "testanalytiker")
	_, page := a.do("GET", "/sok?mode=regions&task=barnevern&task=ppt&county=18&exempt_infeasible=true", "", "")
	m := regexp.MustCompile(`id="regions-save">\s*<input type="hidden" name="csrf" value="[^"]*">\s*<input type="hidden" name="q" value="([^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the analyst's result has no save form")
	}
	q := strings.ReplaceAll(m[1], "&amp;", "&")
	for name, bad := range map[string]url.Values{
		"NoSearch": {"q": {""}},
		"LongName": {"q": {q}, "name": {strings.Repeat("x", 201)}},
		"BadKm":    {"q": {"mode=regions&task=ppt&max_km=langt"}},
		"Alone":    {"q": {"mode=regions&task=ppt&county=03"}},
	} {
		if code, _ := a.form("/sok/regioner/scenario", bad); code != http.StatusBadRequest {
			t.Errorf("%s: POST = %d, want 400", name, code)
		}
	}
	if n := storedScenarios(t, db); n != 0 {
		t.Fatalf("refused saves stored %d scenarios", n)
	}
	code, loc := a.form("/sok/regioner/scenario", url.Values{"q": {q}, "name": {""}})
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/scenarier/sammenlign?id=faste-samarbeidsregioner") {
		t.Fatalf("save = %d %s", code, loc)
	}
	if n := storedScenarios(t, db); n != 1 {
		t.Errorf("%d scenarios stored, want 1", n)
	}
	_, cmp := a.do("GET", loc, "", "")
	if !strings.Contains(cmp, "Faste samarbeidsregioner: Barnevernstjeneste, Pedagogisk-psykologisk tjeneste (PPT) (2024-strukturen, 2026)") {
		t.Errorf("the comparison does not show the saved regions: %q", regexp.MustCompile(`Faste samarbeidsregioner[^<]*`).FindAllString(cmp, 3))
	}
}
