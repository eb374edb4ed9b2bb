package web_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist"
	"generalist/app"
	"generalist/internal/browser"
	"generalist/internal/testkit"
	"generalist/refdata"
	"generalist/storetest"
)

// The analyst's journeys (issue 15, item 5) in headless Chromium against
// the real server and a real store, each ending in the state a user would
// check. Journey (c), the plan editor, is TestBrowserEditorJourney. Each
// journey's screenshots at 1400 and 390 pixels are kept as test artefacts
// (go test -artifacts).

// journeyStore is a store a journey's server runs on, with the users it
// signs in as.
type journeyStore interface {
	app.Store
	generalist.UserStore
}

// journey is a server on a real store and a browser tab.
type journey struct {
	t    *testing.T
	url  string
	db   journeyStore
	tab  context.Context
	name string
}

// newJourney starts a server on a new store of backend ("sqlite" or
// "postgres") with the reference data loaded as the commands load it,
// and a browser. The PostgreSQL store skips (or fails, under
// ./scripts/test) without a server.
func newJourney(t *testing.T, backend string) *journey {
	t.Helper()
	ctx := context.Background()
	var db journeyStore
	switch backend {
	case "sqlite":
		db = storetest.OpenSQLiteAt(t, filepath.Join(t.TempDir(), "journey.db"))
	case "postgres":
		db = storetest.OpenPostgres(t)
	default:
		t.Fatalf("no backend %q", backend)
	}
	if _, err := refdata.Ensure(ctx, db); err != nil {
		t.Fatal(err)
	}
	ts := serveApp(t, app.New(db))
	j := &journey{t: t, url: ts.URL, db: db, tab: browser.Tab(t, 300*time.Second), name: backend}
	j.do("viewport", chromedp.EmulateViewport(1400, 1000))
	return j
}

func (j *journey) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	j.t.Helper()
	if err := chromedp.Do(j.tab, steps...); err != nil {
		j.t.Fatalf("%s: %v", what, err)
	}
}

func (j *journey) eval(js string) string {
	j.t.Helper()
	s, err := chromedp.Run(j.tab, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		j.t.Fatalf("evaluate %s: %v", js, err)
	}
	return s
}

// text is the text of the first element sel matches ("" without one),
// with non-breaking spaces as spaces.
func (j *journey) text(sel string) string {
	j.t.Helper()
	return strings.ReplaceAll(j.eval(fmt.Sprintf(`(document.querySelector(%q)||{}).textContent||""`, sel)), "\u00a0", " ")
}

// texts is the trimmed text of every element sel matches.
func (j *journey) texts(sel string) []string {
	j.t.Helper()
	s := j.eval(fmt.Sprintf(`Array.from(document.querySelectorAll(%q)).map(function(e){return e.textContent.trim();}).join("\n")`, sel))
	if s == "" {
		return nil
	}
	return strings.Split(strings.ReplaceAll(s, "\u00a0", " "), "\n")
}

// waitFor polls a JavaScript condition; the tab's deadline bounds it (no
// wall-clock threshold on the work itself).
func (j *journey) waitFor(what, cond string) {
	j.t.Helper()
	for {
		ok, err := chromedp.Run(j.tab, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if j.tab.Err() != nil {
			j.t.Fatalf("waiting for %s: %v (at %s)", what, j.tab.Err(), j.eval(`location.href`))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// shots saves the page at 1400 and 390 pixels wide, and returns to 1400.
func (j *journey) shots(name string) {
	j.t.Helper()
	for _, w := range []int64{1400, 390} {
		j.do("viewport", chromedp.EmulateViewport(w, 1000))
		browser.Screenshot(j.t, j.tab, fmt.Sprintf("%s-%s-%d", name, j.name, w))
	}
	j.do("viewport", chromedp.EmulateViewport(1400, 1000))
}

// signIn signs in through the form as name (a user made with addUser).
func (j *journey) signIn(name string) {
	j.t.Helper()
	j.do("sign in", chromedp.Navigate(j.url+"/logg-inn"), chromedp.WaitVisible(chromedp.ID("password")),
		chromedp.SendKeys(chromedp.ID("name"), name), chromedp.SendKeys(chromedp.ID("password"), testPassword),
		chromedp.Submit(chromedp.ID("password")))
	j.waitFor("signed in", `location.pathname !== "/logg-inn"`)
}

// smallMunicipalities reads data/befolkning_k2024.csv on its own: the
// municipalities with fewer than 5,000 inhabitants on 1 January of year,
// by number.
func smallMunicipalities(t *testing.T, year int) map[string]int {
	t.Helper()
	out := map[string]int{}
	for k, n := range dataPopulations(t, year) {
		if n < 5000 {
			out[k] = n
		}
	}
	return out
}

// dataPopulations reads data/befolkning_k2024.csv on its own: every
// municipality's inhabitants on 1 January of year, by number.
func dataPopulations(t *testing.T, year int) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, r := range testkit.DataCSV(t, "befolkning_k2024.csv") {
		y, _ := strconv.Atoi(r["aar"])
		n, err := strconv.Atoi(r["folkemengde"])
		if y == year && err == nil {
			out[r["kommunenummer"]] = n
		}
	}
	return out
}

// TestJourneySmallMunicipalities is journey (a): find the municipalities
// under 5,000 inhabitants with the list's size filter and download them
// as CSV; the file's rows are checked against data/befolkning_k2024.csv,
// read independently.
func TestJourneySmallMunicipalities(t *testing.T) {
	j := newJourney(t, "sqlite")
	j.do("open the list", chromedp.Navigate(j.url+"/kommuner"), chromedp.WaitVisible(chromedp.ID("size")))
	j.do("choose under 5 000", chromedp.SetValue(chromedp.CSS("#size"), "u5000"),
		chromedp.Click(chromedp.CSS(`form.filters button[type="submit"]`)))
	j.waitFor("the filtered list", `location.search.indexOf("size=u5000")>=0 && !!document.getElementById("municipality-table")`)
	year, err := strconv.Atoi(j.eval(`document.getElementById("year").value`))
	if err != nil {
		t.Fatal(err)
	}
	want := smallMunicipalities(t, year)
	if len(want) == 0 {
		t.Fatalf("the data file has no municipality under 5,000 in %d", year)
	}
	rows := j.texts("#municipality-table tbody tr td:first-child")
	if len(rows) != len(want) {
		t.Errorf("the list shows %d municipalities under 5,000 in %d, the data file has %d", len(rows), year, len(want))
	}
	if s := j.text(`p[aria-live="polite"]`); !strings.Contains(s, strconv.Itoa(len(want))) {
		t.Errorf("the result count says %q, want %d", s, len(want))
	}
	j.shots("journey-a-list-under-5000")

	// The download, as the CSV link fetches it.
	href := j.eval(`document.querySelector('a[href*="format=csv"]').getAttribute("href")`)
	if !strings.Contains(href, "size=u5000") {
		t.Errorf("the CSV link %q does not carry the filter", href)
	}
	body := j.eval(`fetch(` + strconv.Quote(href) + `).then(function(r){return r.text();})`)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil || len(recs) < 1 {
		t.Fatalf("the CSV file: %v", err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	got := map[string]int{}
	for _, r := range recs[1:] {
		n, err := strconv.Atoi(r[col["folkemengde"]])
		if err != nil {
			t.Errorf("row %v: population %q", r, r[col["folkemengde"]])
		}
		if r[col["aar"]] != strconv.Itoa(year) {
			t.Errorf("row %v is for %s, want %d", r[:2], r[col["aar"]], year)
		}
		got[r[col["kommunenummer"]]] = n
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("municipality %s: the file has %d inhabitants, the data %d", k, got[k], n)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("the file has %s, which the data do not put under 5,000", k)
		}
	}
	t.Logf("%d municipalities under 5,000 on 1 January %d, in the list and the file", len(got), year)
}

// TestJourneyNeighbours is journey (b): from Sokndal's profile, compare it
// with its neighbours; the comparison names exactly Sokndal and the
// neighbours the profile lists (Eigersund, Flekkefjord and Lund on the
// map), with their capacity rows.
func TestJourneyNeighbours(t *testing.T) {
	j := newJourney(t, "sqlite")
	j.do("open Sokndal", chromedp.Navigate(j.url+"/kommune/1111"), chromedp.WaitVisible(chromedp.ID("compare-neighbours")))
	neighbours := j.texts(".neighbours a")
	sorted := slices.Sorted(slices.Values(neighbours))
	if want := []string{"Eigersund", "Flekkefjord", "Lund"}; !slices.Equal(sorted, want) {
		t.Errorf("Sokndal's neighbours = %v, want %v", sorted, want)
	}
	j.shots("journey-b-profile")
	j.do("compare with the neighbours", chromedp.Click(chromedp.ID("compare-neighbours")))
	j.waitFor("the comparison", `location.pathname==="/sammenlign" && !!document.getElementById("compare-table")`)
	names := j.texts("#compare-table thead th a")
	if want := append([]string{"Sokndal"}, neighbours...); !slices.Equal(names, want) {
		t.Errorf("the comparison compares %v, want %v", names, want)
	}
	if got := j.texts("#compare-capacity thead th.num"); !slices.Equal(got, names) {
		t.Errorf("the capacity rows are for %v, want %v", got, names)
	}
	for _, form := range []string{"alone", "with"} {
		if cells := j.texts(`#compare-capacity tr[data-form="` + form + `"] td`); len(cells) != len(names) {
			t.Errorf("the %s row has %d cells, want %d", form, len(cells), len(names))
		}
	}
	if s := j.text("#economy-missing"); !strings.Contains(s, "Eigersund") || !strings.Contains(s, "Flekkefjord") || strings.Contains(s, "Sokndal") {
		t.Errorf("the sentence on missing economy = %q; want Eigersund and Flekkefjord, not Sokndal", s)
	}
	j.shots("journey-b-compare")
}

// TestJourneyAgreementCheck is journey (d): a draft host-municipality
// agreement on child welfare for Sokndal and Lund with only its purpose
// written is checked against the law in the preview; every required
// clause it lacks is failed in the check and marked in the draft, and
// nothing is stored.
func TestJourneyAgreementCheck(t *testing.T) {
	j := newJourney(t, "sqlite")
	before, err := j.db.IMCs(context.Background(), generalist.IMCFilter{})
	if err != nil {
		t.Fatal(err)
	}
	j.do("open the agreement builder", chromedp.Navigate(j.url+"/samarbeid/ny"), chromedp.WaitVisible(chromedp.ID("imc-form")))
	j.do("fill the draft",
		chromedp.SetValue(chromedp.CSS("#name"), "Dalane barnevern"),
		chromedp.SetValue(chromedp.CSS("#form"), "vertskommune_administrativt"),
		chromedp.SetValue(chromedp.CSS("#host"), "1111"),
		chromedp.SetValue(chromedp.CSS("#start"), "2027-01-01"),
		chromedp.SetValue(chromedp.CSS(`input[name="p0_number"]`), "1111"),
		chromedp.SetValue(chromedp.CSS(`input[name="p1_number"]`), "1112"),
		chromedp.SetValue(chromedp.CSS(`select[name="t0_task"]`), "barnevern"),
		chromedp.SetValue(chromedp.CSS("#clause_purpose"), "Felles barneverntjeneste for Sokndal og Lund."))
	j.do("preview", chromedp.Click(chromedp.CSS(`button[formaction^="/samarbeid/utkast"]`)))
	j.waitFor("the legal check", `!!document.getElementById("utkast")`)
	const result = `section[aria-labelledby="utkast"]`
	var tag string
	for _, s := range j.texts(result + ` > p .ds-tag[data-color="danger"]`) {
		if strings.Contains(s, "mangler") {
			tag = s
		}
	}
	var missing int
	if _, err := fmt.Sscanf(tag, "%d lovpålagte punkter mangler", &missing); err != nil || missing == 0 {
		t.Fatalf("the draft's tag says %q; want the number of missing required items", tag)
	}
	marks := j.texts(result + " article mark.missing")
	if len(marks) != missing {
		t.Errorf("the draft marks %d missing clauses, the tag says %d", len(marks), missing)
	}
	// The host-municipality agreement's contents (kommuneloven § 20-4
	// third paragraph): the participants and the host are given, what is
	// transferred when, the settlement, exit and dissolution are not.
	status := func(id string) string { return strings.TrimSpace(j.text("#krav-" + id + " td:first-child .ds-tag")) }
	for _, id := range []string{"20-4a", "20-4b"} {
		if s := status(id); s != "oppfylt" {
			t.Errorf("§ 20-4 %s: %q, want oppfylt", id, s)
		}
	}
	for _, id := range []string{"20-4d", "20-4f", "20-4g", "20-4h"} {
		if s := status(id); s != "ikke oppfylt" {
			t.Errorf("§ 20-4 %s: %q, want ikke oppfylt", id, s)
		}
	}
	for _, m := range marks {
		if !strings.HasPrefix(m, "MANGLER:") || !strings.Contains(m, "kommuneloven § 20-4") {
			t.Errorf("a missing clause is marked %q", m)
		}
	}
	if v := j.eval(`document.getElementById("name").value`); v != "Dalane barnevern" {
		t.Errorf("after the preview the form holds the name %q", v)
	}
	after, err := j.db.IMCs(context.Background(), generalist.IMCFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Errorf("the preview stored something: %d cooperations before, %d after", len(before), len(after))
	}
	j.shots("journey-d-agreement-check")
}

// TestJourneySearchToScenario is journey (e) on both stores: an analyst
// runs a structure search with a floor of 10,000 inhabitants, saves the
// proposal as a scenario and lands on its comparison with today's system,
// which confirms the save and counts the proposal's municipalities. The
// stored scenario is checked against data/befolkning_k2024.csv: every
// merger and every municipality left alone has at least 10,000
// inhabitants.
func TestJourneySearchToScenario(t *testing.T) {
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			j := newJourney(t, backend)
			addUser(t, j.db, "analytiker", generalist.UserAnalyst, "")
			j.signIn("analytiker")
			j.do("open the search", chromedp.Navigate(j.url+"/sok"), chromedp.WaitVisible(chromedp.ID("floor")))
			j.do("search with a floor of 10 000", chromedp.SetValue(chromedp.ID("floor"), "10000"),
				chromedp.Click(chromedp.CSS(`#search-form button[type="submit"]`)))
			j.waitFor("the proposal", `!!document.getElementById("search-result") && !!document.getElementById("search-save")`)
			year, err := strconv.Atoi(j.eval(`document.getElementById("year").value`))
			if err != nil {
				t.Fatal(err)
			}
			var count int
			if _, err := fmt.Sscan(strings.ReplaceAll(j.text("#plan"), " ", ""), &count); err != nil {
				t.Fatalf("the proposal's heading %q: %v", j.text("#plan"), err)
			}
			j.shots("journey-e-search")
			j.do("name and save", chromedp.SetValue(chromedp.ID("search-save-name"), "Minst 10 000 innbyggere"),
				chromedp.Click(chromedp.ID("search-save-compare")))
			j.waitFor("the comparison", `location.pathname==="/scenarier/sammenlign" && !!document.getElementById("role-summary")`)
			if f := j.text("#flash"); !strings.Contains(f, "Forslaget er lagret som scenario") {
				t.Errorf("the comparison does not confirm the save: %q", f)
			}
			if h := j.texts("#role-summary thead th"); len(h) < 3 || h[1] != "Dagens system" || h[2] != "Minst 10 000 innbyggere" {
				t.Errorf("the comparison's columns = %v; want today's system and the saved proposal", h)
			}
			municipalities := j.eval(`(function(){var r=Array.from(document.querySelectorAll("#role-summary tbody tr")).find(function(tr){return tr.querySelector("th").textContent.indexOf("Antall kommuner")===0;});return r?r.querySelectorAll("td")[1].firstChild.textContent.trim():"";})()`)
			if municipalities != strconv.Itoa(count) {
				t.Errorf("the comparison counts %q municipalities in the proposal, the search %d", municipalities, count)
			}
			j.shots("journey-e-comparison")

			// The stored scenario, against the data file.
			id := j.eval(`new URLSearchParams(location.search).get("id")`)
			sc, err := j.db.Scenario(context.Background(), id)
			if err != nil {
				t.Fatalf("the saved scenario %q: %v", id, err)
			}
			pop := dataPopulations(t, year)
			merged := map[string]bool{}
			for _, m := range sc.Mergers {
				sum := 0
				for _, n := range m.Members {
					sum += pop[string(n)]
					merged[string(n)] = true
				}
				if sum < 10000 {
					t.Errorf("merger %s %v has %d inhabitants in %d, under 10,000", m.Name, m.Members, sum, year)
				}
			}
			for k, n := range pop {
				if !merged[k] && n < 10000 {
					t.Errorf("%s (%d inhabitants) is left alone under 10,000", k, n)
				}
			}
			if got := len(pop) - len(merged) + len(sc.Mergers); got != count {
				t.Errorf("the scenario makes %d municipalities, the search %d", got, count)
			}
			t.Logf("%s: %d mergers, %d municipalities, stored as %q", backend, len(sc.Mergers), count, id)
		})
	}
}
