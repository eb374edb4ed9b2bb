package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist/internal/browser"
)

// TestBrowserEditorJourney is journey (c) of the analyst's workbench in
// headless Chromium against the real server and a real SQLite store: an
// analyst builds a merger of three neighbours (Sokndal, Lund and
// Eigersund) from the searchable list, sees its figures and its economy
// (or the one sentence saying the year's tables lack it), saves it,
// follows the link to the comparison with today's system, reopens it with
// the same groups and downloads the report. Then: a non-neighbour gets a
// Norwegian message beside the merger and the figures are cleared, not
// left stale; a save over a version someone else stored in between is
// refused with the edits kept, and saved as a copy. On the way it
// measures the map's targets in the county of the smallest municipality
// (Kvitsøy, Rogaland) and takes screenshots at 1400 and 390 pixels in
// bokmål and English.
func TestBrowserEditorJourney(t *testing.T) {
	e := newInputEnv(t)
	e.analyst(t, "analytiker")
	b := browser.Open(t, 240*time.Second)
	bctx, do, eval, text := b.Ctx, b.Do, b.Eval, b.TextContent
	waitFor := func(what, cond string) {
		t.Helper()
		b.WaitFor(what, cond, func() string {
			return fmt.Sprintf("status %q, problems %q", text("#plan-status"), text("#plan-groups .plan-problem-list"))
		})
	}
	metric := func(k string) string { return strings.TrimSpace(text(`[data-metric="` + k + `"]`)) }
	fresh := `!document.getElementById("plan-outcome").classList.contains("plan-stale")`
	shot := func(name string) { t.Helper(); browser.Screenshot(t, bctx, name) }
	addFromList := func(query, code string) {
		t.Helper()
		eval(`document.getElementById("plan-search").value=""`)
		do("search "+query, chromedp.SendKeys(chromedp.ID("plan-search"), query),
			chromedp.WaitVisible(chromedp.CSS(`[data-fk="r`+code+`"]`)), chromedp.Click(chromedp.CSS(`[data-fk="r`+code+`"]`)))
	}

	do("viewport", chromedp.EmulateViewport(1400, 1000))
	do("sign in", chromedp.Navigate(e.URL+"/logg-inn"), chromedp.WaitVisible(chromedp.ID("password")),
		chromedp.SendKeys(chromedp.ID("name"), "analytiker"), chromedp.SendKeys(chromedp.ID("password"), inputPassword),
		chromedp.Submit(chromedp.ID("password")))
	waitFor("signed in", `location.pathname !== "/logg-inn"`)
	do("open the editor", chromedp.Navigate(e.URL+"/scenarier/ny"), chromedp.WaitVisible(chromedp.ID("plan-search")))
	if got := metric("municipalities"); got != "357" {
		t.Fatalf("before any change the scenario has %s municipalities, want 357", got)
	}

	// Every target of the map is at least 24 × 24 pixels in the county
	// view of Rogaland, which holds the smallest municipality (Kvitsøy,
	// 6.28 km²).
	eval(`(function(){var s=document.getElementById("plan-county"); s.value="11"; s.dispatchEvent(new Event("change")); return "";})()`)
	waitFor("the map of Rogaland", `!!document.querySelector('#plan-map path[data-code="1144"]') && !!document.querySelector('#plan-map .plan-hit')`)
	sizes := eval(`(function(){var w=1e9,h=1e9,n=0,at="";document.querySelectorAll("#plan-map a").forEach(function(a){var r=a.getBoundingClientRect();n++;if(Math.min(r.width,r.height)<Math.min(w,h)){at=a.querySelector("path").getAttribute("data-code");}w=Math.min(w,r.width);h=Math.min(h,r.height);});return n+" "+w.toFixed(1)+" "+h.toFixed(1)+" "+at;})()`)
	var n int
	var w, h float64
	var smallest string
	if _, err := fmt.Sscan(sizes, &n, &w, &h, &smallest); err != nil || n < 23 {
		t.Fatalf("map targets in Rogaland: %q (%v)", sizes, err)
	}
	t.Logf("Rogaland's map: %d targets, the smallest %.1f × %.1f px (%s)", n, w, h, smallest)
	if w < 24 || h < 24 {
		t.Errorf("the smallest target of Rogaland's map is %.1f × %.1f px (%s), want at least 24 × 24", w, h, smallest)
	}

	// Build the merger from the searchable list.
	addFromList("Sokndal", "1111")
	addFromList("Lund", "1112")
	addFromList("1101", "1101")
	waitFor("the merger's figures", `document.querySelector('[data-metric="municipalities"]').textContent.trim()==="355" && `+fresh)
	for _, name := range []string{"Sokndal (1111)", "Lund (1112)", "Eigersund (1101)"} {
		if g := text("#plan-groups"); !strings.Contains(g, name) {
			t.Errorf("the merger card does not name %s: %q", name, g)
		}
	}
	if m := eval(`document.querySelectorAll("#plan-map path.plan-selected").length+""`); m != "3" {
		t.Errorf("%s municipalities are marked on the map, want 3", m)
	}
	eval(`(function(){var i=document.getElementById("plan-g0-name"); i.value="Dalane"; i.dispatchEvent(new Event("change")); i=document.getElementById("plan-name"); i.value="Dalane som én kommune"; i.dispatchEvent(new Event("change")); return "";})()`)
	waitFor("the renamed merger's figures", `document.getElementById("plan-g0-h").textContent.indexOf("Dalane")>=0 && `+fresh)
	// The economy: each merger with data in a block, the others in one
	// sentence; never a block of "ingen data" only.
	waitFor("the economy", `!!document.querySelector("#plan-economy h3")`)
	econ := text("#plan-economy")
	rows := eval(`Array.from(document.querySelectorAll("#plan-economy .plan-econ-group")).map(function(g){return g.dataset.merger;}).join("|")`)
	missing := text("#plan-econ-missing")
	t.Logf("economy: rows %q; missing %q", rows, missing)
	if !strings.Contains(rows, "Dalane") && !strings.Contains(missing, "Dalane") {
		t.Errorf("the economy neither shows nor names the merger Dalane: %q", econ)
	}
	if strings.Count(econ, "Det mangler") > 1 {
		t.Errorf("the economy says more than once what is missing: %q", econ)
	}
	shot("editor-merger-nb-1400")

	// Save, and go on to the comparison.
	do("save", chromedp.Click(chromedp.ID("plan-save")), chromedp.WaitVisible(chromedp.ID("plan-compare-link")))
	if s := text("#plan-save-status"); !strings.Contains(s, "Lagret «Dalane som én kommune» (versjon 1)") {
		t.Errorf("after saving: %q", s)
	}
	shot("editor-saved-nb-1400")
	u, err := url.Parse(eval(`location.href`))
	if err != nil {
		t.Fatal(err)
	}
	id := u.Query().Get("id")
	if id == "" {
		t.Fatalf("after saving the address %s names no scenario", u)
	}
	stored, err := e.db.Scenario(context.Background(), id)
	if err != nil || len(stored.Mergers) != 1 || len(stored.Mergers[0].Members) != 3 || stored.Mergers[0].Name != "Dalane" {
		t.Fatalf("stored scenario %s: %+v, %v", id, stored, err)
	}
	do("compare", chromedp.Click(chromedp.ID("plan-compare-link")))
	waitFor("the comparison", `location.pathname==="/scenarier/sammenlign" && document.readyState==="complete"`)
	if body := text("main"); !strings.Contains(body, "Dalane som én kommune") {
		t.Errorf("the comparison does not show the scenario: %.300q", body)
	}

	// Reopen: the same groups.
	do("reopen", chromedp.Navigate(e.URL+"/scenarier/ny?id="+id), chromedp.WaitVisible(chromedp.ID("plan-g0-name")))
	waitFor("the reopened figures", `document.querySelector('[data-metric="municipalities"]').textContent.trim()==="355" && `+fresh)
	if v := eval(`document.getElementById("plan-g0-name").value`); v != "Dalane" {
		t.Errorf("the reopened merger is called %q", v)
	}
	for _, name := range []string{"Sokndal (1111)", "Lund (1112)", "Eigersund (1101)"} {
		if g := text("#plan-groups"); !strings.Contains(g, name) {
			t.Errorf("the reopened merger does not name %s", name)
		}
	}
	// The report, as the link downloads it.
	rep := eval(`fetch("/scenarier/rapport?id=` + id + `").then(function(r){return r.text().then(function(b){return r.status+" "+b;});})`)
	if !strings.HasPrefix(rep, "200 ") || !strings.Contains(rep, "Dalane") {
		t.Errorf("the report: %.200q", rep)
	}

	// A non-neighbour: a Norwegian message beside the merger, no figures.
	addFromList("Oslo", "0301")
	waitFor("the problem", `document.querySelector('[data-problems="mergers:0"]').textContent.length>0`)
	if p := text(`[data-problems="mergers:0"]`); !strings.Contains(p, "grenser ikke til hverandre") || strings.Contains(p, "adjacency") {
		t.Errorf("the merger's problem = %q", p)
	}
	waitFor("the figures cleared", fresh)
	if got := metric("municipalities"); got == "355" || got == "354" {
		t.Errorf("with an error in the scenario the figures still show %s municipalities", got)
	}
	shot("editor-problem-nb-1400")
	do("undo", chromedp.Click(chromedp.ID("plan-undo")))
	waitFor("the figures after undo", `document.querySelector('[data-metric="municipalities"]').textContent.trim()==="355" && `+fresh)

	// Someone else saves the scenario in between: the save is refused,
	// the edits stay, and they can be saved as a copy.
	other := *stored
	other.Description = "Endret av en annen analytiker"
	if err := e.db.UpdateScenario(context.Background(), &other); err != nil {
		t.Fatal(err)
	}
	eval(`(function(){var i=document.getElementById("plan-g0-name"); i.value="Dalane kommune"; i.dispatchEvent(new Event("change")); return "";})()`)
	waitFor("the renamed merger", `document.getElementById("plan-g0-h").textContent.indexOf("Dalane kommune")>=0 && `+fresh)
	do("save a stale version", chromedp.Click(chromedp.ID("plan-save")), chromedp.WaitVisible(chromedp.ID("plan-conflict")))
	if c := text("#plan-conflict"); !strings.Contains(c, "Noen andre har lagret") || !strings.Contains(c, "beholdt") {
		t.Errorf("the conflict says %q", c)
	}
	if v := eval(`document.getElementById("plan-g0-name").value`); v != "Dalane kommune" {
		t.Errorf("after the refused save the merger is called %q; the edit is lost", v)
	}
	if again, err := e.db.Scenario(context.Background(), id); err != nil || again.Mergers[0].Name != "Dalane" || again.Version != 2 {
		t.Errorf("the refused save changed the store: %+v, %v", again, err)
	}
	shot("editor-conflict-nb-1400")
	do("save as a copy", chromedp.Click(chromedp.ID("plan-conflict-copy")), chromedp.WaitVisible(chromedp.ID("plan-compare-link")))
	u2, _ := url.Parse(eval(`location.href`))
	if id2 := u2.Query().Get("id"); id2 == "" || id2 == id {
		t.Errorf("the copy was saved as %q (the original is %q)", id2, id)
	} else if cp, err := e.db.Scenario(context.Background(), id2); err != nil || cp.Mergers[0].Name != "Dalane kommune" {
		t.Errorf("the copy: %+v, %v", cp, err)
	}

	// Screenshots: English at 1400, both languages at 390.
	do("english", chromedp.Navigate(e.URL+"/scenarier/ny?lang=en&id="+id), chromedp.WaitVisible(chromedp.ID("plan-g0-name")))
	waitFor("the English figures", `document.querySelector('[data-metric="municipalities"]').textContent.trim()==="355" && `+fresh)
	if h := text("h1"); h != "Scenario planner" {
		t.Errorf("English heading %q", h)
	}
	shot("editor-en-1400")
	do("narrow", chromedp.EmulateViewport(390, 900), chromedp.Navigate(e.URL+"/scenarier/ny?lang=en&id="+id), chromedp.WaitVisible(chromedp.ID("plan-g0-name")))
	waitFor("the narrow English figures", fresh+` && document.querySelector('[data-metric="municipalities"]').textContent.trim()==="355"`)
	shot("editor-en-390")
	do("narrow bokmål", chromedp.Navigate(e.URL+"/scenarier/ny?lang=nb&id="+id), chromedp.WaitVisible(chromedp.ID("plan-g0-name")))
	waitFor("the narrow figures", fresh+` && document.querySelector('[data-metric="municipalities"]').textContent.trim()==="355"`)
	if wide := eval(`(document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)+""`); wide != "false" {
		t.Errorf("at 390 px the page scrolls sideways")
	}
	shot("editor-nb-390")
}

// TestBrowserEditorLevers builds the other levers in their forms as a
// visitor who is not signed in: a norm change, a cooperation with
// members chosen by name and a host, and a differentiation rule without
// criteria, whose Norwegian error stands beside it while the figures are
// cleared. The visitor is told how to save and may download the file.
func TestBrowserEditorLevers(t *testing.T) {
	e := newInputEnv(t)
	b := browser.Open(t, 180*time.Second)
	bctx, do, eval := b.Ctx, b.Do, b.Eval
	waitFor := func(what, cond string) {
		t.Helper()
		b.WaitFor(what, cond, func() string { return fmt.Sprintf("status %q", b.TextContent("#plan-status")) })
	}
	fresh := `!document.getElementById("plan-outcome").classList.contains("plan-stale")`
	scenario := func() map[string]any {
		t.Helper()
		var v map[string]any
		if err := json.Unmarshal([]byte(eval(`document.getElementById("plan-json").value`)), &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	do("open", chromedp.EmulateViewport(1400, 1000), chromedp.Navigate(e.URL+"/scenarier/ny"), chromedp.WaitVisible(chromedp.ID("plan-search")))
	if eval(`(!!document.getElementById("plan-save"))+" "+document.getElementById("plan-savehow").textContent`) == "" ||
		!strings.Contains(eval(`document.getElementById("plan-savehow").textContent`), "logget inn som analytiker") || eval(`(!!document.getElementById("plan-save"))+""`) != "false" {
		t.Error("a visitor is not told how to save, or is offered to save")
	}

	// A norm change: the minimum team of barnevern to 7.
	do("norms", chromedp.Click(chromedp.CSS(`#plan-sec-norms summary`)), chromedp.Click(chromedp.CSS(`[data-fk="plan-add-norms"]`)), chromedp.WaitVisible(chromedp.ID("plan-norms-0-task")))
	eval(`(function(){var s=document.getElementById("plan-norms-0-task"); s.value="barnevern"; s.dispatchEvent(new Event("change")); return "";})()`)
	waitFor("the task", `document.getElementById("plan-norms-0-task").value==="barnevern"`)
	eval(`(function(){var i=document.getElementById("plan-norms-0-min"); i.value="7,5"; i.dispatchEvent(new Event("change")); return "";})()`)
	waitFor("the norm's figures", `document.getElementById("plan-norms-0-min").value==="7,5" && `+fresh)
	if n, _ := scenario()["norms"].([]any); len(n) != 1 || n[0].(map[string]any)["min_team"] != 7.5 {
		t.Errorf("the norm change in the scenario: %v", scenario()["norms"])
	}

	// A cooperation on legevakt, members by name, Haugesund hosting.
	do("cooperation", chromedp.Click(chromedp.CSS(`#plan-sec-cooperations summary`)), chromedp.Click(chromedp.CSS(`[data-fk="plan-add-cooperations"]`)), chromedp.WaitVisible(chromedp.ID("plan-cooperations-0-members")))
	for _, name := range []string{"Haugesund", "Utsira (1151)", "1145"} {
		do("member "+name, chromedp.SendKeys(chromedp.ID("plan-cooperations-0-members"), name+"\r"))
		waitFor("the member "+name, `document.querySelectorAll('[data-rule="cooperations:0"] .plan-chips li').length>=`+map[string]string{"Haugesund": "1", "Utsira (1151)": "2", "1145": "3"}[name])
	}
	eval(`(function(){var s=document.getElementById("plan-cooperations-0-host"); s.value="1106"; s.dispatchEvent(new Event("change")); return "";})()`)
	waitFor("the cooperation's figures", `document.getElementById("plan-cooperations-0-host").value==="1106" && `+fresh)
	c, _ := scenario()["cooperations"].([]any)
	if len(c) != 1 || fmt.Sprint(c[0].(map[string]any)["members"]) != "[1106 1151 1145]" || c[0].(map[string]any)["host"] != "1106" {
		t.Errorf("the cooperation in the scenario: %v", scenario()["cooperations"])
	}
	if chips := eval(`document.querySelector('[data-rule="cooperations:0"] .plan-chips').textContent`); !strings.Contains(chips, "Haugesund (1106)") || !strings.Contains(chips, "Bokn (1145)") {
		t.Errorf("the members are shown as %q", chips)
	}

	// A differentiation without criteria: an error beside it.
	do("differentiation", chromedp.Click(chromedp.CSS(`#plan-sec-differentiation summary`)), chromedp.Click(chromedp.CSS(`[data-fk="plan-add-differentiation"]`)))
	waitFor("the rule's problem", `document.querySelector('[data-problems="differentiation:0"]').textContent.indexOf("ingen kriterier")>=0`)
	waitFor("the figures cleared", fresh+` && document.querySelector('[data-metric="municipalities"]').textContent.trim()==="–"`)
	browser.Screenshot(t, bctx, "editor-levers-nb-1400")
}
