package web

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist/internal/browser"
)

// TestBrowserEditorCounty: in the plan editor an analyst abolishes the
// county authority: every task is set to the state, visibly; upper-
// secondary education goes to regions, and until regions are chosen the
// county section says that none are given and the figures are cleared;
// the regions are taken from a saved plan of two fixed cooperation
// regions in Rogaland. Saved, the comparison shows the county section:
// abolished, the task moved to regions, 354 bodies (2 regions and the 352
// municipalities in no region) with their inhabitants, and what
// Generalist cannot compute. Screenshots of the section and the
// comparison in bokmål and English at 1400 and 390 pixels.
func TestBrowserEditorCounty(t *testing.T) {
	e := newInputEnv(t)
	e.analyst(t, "analytiker")
	ctx := context.Background()
	e.scenario(t, `{"id": "regioner-rogaland", "name": "Faste regioner i Rogaland", "structure": 2024, "year": 2026, "cooperations": [
  {"task": "barnevern", "form": "vertskommune_administrativt", "members": ["1101", "1111", "1112"], "host": "1101"},
  {"task": "ppt", "form": "vertskommune_administrativt", "members": ["1101", "1111", "1112"], "host": "1101"},
  {"task": "barnevern", "form": "vertskommune_administrativt", "members": ["1103", "1127"], "host": "1103"},
  {"task": "ppt", "form": "vertskommune_administrativt", "members": ["1103", "1127"], "host": "1103"}]}`)
	b := browser.Open(t, 240*time.Second)
	bctx, do, eval, text := b.Ctx, b.Do, b.Eval, b.TextContent
	waitFor := func(what, cond string) {
		t.Helper()
		b.WaitFor(what, cond, func() string {
			return fmt.Sprintf("status %q, county %q", text("#plan-status"), text("#plan-sec-county"))
		})
	}
	fresh := `!document.getElementById("plan-outcome").classList.contains("plan-stale")`
	choose := func(id, value string) {
		t.Helper()
		eval(`(function(){var s=document.getElementById("` + id + `"); s.value="` + value + `"; s.dispatchEvent(new Event("change")); return "";})()`)
	}
	// shot saves the element sel as name.png with the test's artifacts.
	shot := func(name, sel string) {
		t.Helper()
		do("scroll to "+name, chromedp.ScrollIntoView(chromedp.CSS(sel)))
		png, err := chromedp.Run(bctx, chromedp.Screenshot(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(t.ArtifactDir(), name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	do("viewport", chromedp.EmulateViewport(1400, 1000))
	do("sign in", chromedp.Navigate(e.URL+"/logg-inn"), chromedp.WaitVisible(chromedp.ID("password")),
		chromedp.SendKeys(chromedp.ID("name"), "analytiker"), chromedp.SendKeys(chromedp.ID("password"), inputPassword),
		chromedp.Submit(chromedp.ID("password")))
	waitFor("signed in", `location.pathname !== "/logg-inn"`)
	do("open the editor", chromedp.Navigate(e.URL+"/scenarier/ny"), chromedp.WaitReady(chromedp.ID("plan-sec-county")))
	eval(`(function(){document.getElementById("plan-sec-county").open = true; var i=document.getElementById("plan-name"); i.value="Fylkeskommunen legges ned"; i.dispatchEvent(new Event("change")); return "";})()`)
	waitFor("the named scenario", `document.getElementById("plan-status").textContent.indexOf("oppdatert") >= 0 && `+fresh)
	// Strengthen: a county relief rule to fill in; give up some tasks:
	// nothing moves until a task is chosen, and the section says so.
	do("strengthen", chromedp.Click(chromedp.ID("plan-county-mode-strengthen")), chromedp.WaitVisible(chromedp.ID("plan-county_relief-0-task")))
	if s := text("#plan-county-strengthen"); !strings.Contains(s, "Fylkeskommunen avlaster") {
		t.Errorf("the strengthening hint: %q", s)
	}
	do("give up tasks", chromedp.Click(chromedp.ID("plan-county-mode-move")), chromedp.WaitVisible(chromedp.ID("plan-county-task-tannhelse")))
	waitFor("nothing moved", `document.querySelector('[data-problems="county"]').textContent.indexOf("endrer ingenting") >= 0`)
	if n := eval(`document.querySelectorAll("[id^=plan-county_relief-]").length + ""`); n != "0" {
		t.Errorf("the county gives up tasks, but the county relief rule stays (%s fields)", n)
	}
	choose("plan-county-task-tannhelse", "staten")
	waitFor("one task moved", `document.getElementById("plan-status").textContent.indexOf("oppdatert") >= 0 && `+fresh+` && document.querySelector('[data-problems="county"]').textContent === ""`)
	do("keep", chromedp.Click(chromedp.ID("plan-county-mode-keep")))
	waitFor("the county kept", `document.getElementById("plan-json").value.indexOf('"county"') < 0 && `+fresh)
	do("abolish", chromedp.Click(chromedp.ID("plan-county-mode-abolish")), chromedp.WaitVisible(chromedp.ID("plan-county-task-videregaende")))
	waitFor("the abolished county's figures", `document.getElementById("plan-status").textContent.indexOf("oppdatert") >= 0 && `+fresh)
	sel := eval(`Array.from(document.querySelectorAll("#plan-sec-county select[id^=plan-county-task-]")).map(function(s){return s.value;}).join(",")`)
	if n := strings.Count(sel, "staten"); n != 14 || strings.Count(sel, ",") != 13 {
		t.Errorf("after abolishing, the tasks' receivers are %q, want the state for all 14 tasks but the democratic bodies", sel)
	}
	if s := text("#plan-sec-county"); !strings.Contains(s, "satt til staten") || !strings.Contains(s, "Fylkestinget") {
		t.Errorf("the section does not show the default or the bodies that end: %q", s)
	}
	if p := text(`[data-problems="county"]`); p != "" {
		t.Errorf("an abolished county with every task to the state has problems: %q", p)
	}

	// Upper-secondary education to regions, none chosen yet.
	choose("plan-county-task-videregaende", "regioner")
	waitFor("the missing regions", `document.querySelector('[data-problems="county"]').textContent.indexOf("ingen regioner er oppgitt") >= 0`)
	waitFor("the figures cleared", fresh)
	if got := strings.TrimSpace(text(`[data-metric="municipalities"]`)); got != "–" {
		t.Errorf("with the regions missing the figures still show %s municipalities", got)
	}
	shot("editor-county-missing-nb-1400", "#plan-sec-county")
	choose("plan-county-regions", "regioner-rogaland")
	waitFor("the regions' figures", `document.getElementById("plan-status").textContent.indexOf("oppdatert") >= 0 && `+fresh)
	if c := text("#plan-county-regions-count"); !strings.Contains(c, "2 regioner med til sammen 5 kommuner") || !strings.Contains(c, "352 kommuner") {
		t.Errorf("the regions chosen: %q", c)
	}
	if p := text(`[data-problems="county"]`); p != "" {
		t.Errorf("with the regions chosen the county has problems: %q", p)
	}
	eval(`(function(){document.querySelector(".plan-county-regionlist").open = true; return "";})()`)
	if l := text(".plan-county-regionlist"); !strings.Contains(l, "Region Eigersund: Eigersund, Sokndal, Lund") {
		t.Errorf("the regions listed: %q", l)
	}
	shot("editor-county-nb-1400", "#plan-sec-county")
	// The section fully shown has no serious accessibility violation.
	if path := os.Getenv("GENERALIST_AXE"); path != "" {
		axe, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		eval(string(axe) + `;""`)
		v, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`axe.run(document.getElementById("plan-sec-county"), {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})
			.then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", ")))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("axe-core: %d serious or critical violations in the county section", len(v))
		for _, x := range v {
			t.Errorf("the county section: %s", x)
		}
	}

	do("save", chromedp.Click(chromedp.ID("plan-save")), chromedp.WaitVisible(chromedp.ID("plan-compare-link")))
	u, err := url.Parse(eval(`location.href`))
	if err != nil {
		t.Fatal(err)
	}
	id := u.Query().Get("id")
	stored, err := e.db.Scenario(ctx, id)
	if err != nil || stored.County == nil || !stored.County.Abolish || len(stored.County.Regions) != 2 || len(stored.County.Moves) != 14 {
		t.Fatalf("the stored scenario %s: %+v, %v", id, stored, err)
	}
	do("compare", chromedp.Click(chromedp.ID("plan-compare-link")))
	waitFor("the comparison", `location.pathname==="/scenarier/sammenlign" && !!document.getElementById("county")`)
	county := text("#county")
	for _, want := range []string{"Fylkeskommunen legges ned.", "Regioner av kommuner", "352 kommuner er ikke i noen region", "Videregående opplæring", "16–22 år): 354 organer", "Regionenes styring", "2 regioner har til sammen", "Region Stavanger, har"} {
		if !strings.Contains(county, want) {
			t.Errorf("the comparison's county section lacks %q: %q", want, county)
		}
	}
	row := text(`[id^=county-receivers-] tbody tr:last-child`)
	if !strings.Contains(row, "Regioner av kommuner") || !strings.Contains(row, "354") || strings.Contains(row, "ingen data") {
		t.Errorf("the regions' row: %q", row)
	}
	shot("compare-county-nb-1400", "#county")

	// The shipped illustration, with others: each task shows its own
	// receiver, and the democratic bodies end.
	do("the example", chromedp.Navigate(e.URL+"/scenarier/ny?id=fylkeskommunen-avvikles"), chromedp.WaitVisible(chromedp.ID("plan-county-task-kultur")))
	waitFor("the example's figures", `document.getElementById("plan-status").textContent.indexOf("oppdatert") >= 0 && `+fresh)
	if got := eval(`["kultur","folkehelse","videregaende","fylkesveg"].map(function(k){return document.getElementById("plan-county-task-"+k).value;}).join(",")`); got != "kommunene,kommunene,staten,staten" {
		t.Errorf("the example's receivers: %s", got)
	}
	if s := text("#plan-county-ends"); !strings.Contains(s, "Fylkestinget") || !strings.Contains(s, "Kontrollutvalg") {
		t.Errorf("the example's bodies that end: %q", s)
	}

	// English, and both languages at 390 pixels.
	for _, v := range []struct {
		lang  string
		width int64
	}{{"en", 1400}, {"en", 390}, {"nb", 390}} {
		do("viewport", chromedp.EmulateViewport(v.width, 900))
		do("editor "+v.lang, chromedp.Navigate(e.URL+"/scenarier/ny?lang="+v.lang+"&id="+id), chromedp.WaitVisible(chromedp.ID("plan-county-regions")))
		waitFor("the figures "+v.lang, fresh+` && /[0-9]/.test(document.querySelector('[data-metric="municipalities"]').textContent)`)
		shot(fmt.Sprintf("editor-county-%s-%d", v.lang, v.width), "#plan-sec-county")
		do("comparison "+v.lang, chromedp.Navigate(e.URL+"/scenarier/sammenlign?lang="+v.lang+"&id="+id), chromedp.WaitVisible(chromedp.ID("county")))
		shot(fmt.Sprintf("compare-county-%s-%d", v.lang, v.width), "#county")
		if c := text("#county"); v.lang == "en" && !strings.Contains(c, "The county authority is abolished.") {
			t.Errorf("the English comparison: %q", c)
		}
	}
}
