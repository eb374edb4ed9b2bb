package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist/internal/browser"
)

// TestBrowserEditorName: the plan editor's name field starts empty with
// a hint, so what an analyst types is the whole name (it was pre-filled
// with «Nytt scenario», and typing appended to it); a plan without a name
// is still evaluated, and is not saved: the editor says why and puts the
// cursor in the field. Typing a name and clicking «Lagre» saves at once:
// nothing above the button moves when the field loses focus.
func TestBrowserEditorName(t *testing.T) {
	e := newInputEnv(t)
	e.analyst(t, "analytiker")
	b := browser.Open(t, 180*time.Second)
	do, eval, text := b.Do, b.Eval, b.TextContent
	waitFor := func(what, cond string) {
		t.Helper()
		b.WaitFor(what, cond, nil)
	}
	do("sign in", chromedp.EmulateViewport(1400, 1000), chromedp.Navigate(e.URL+"/logg-inn"), chromedp.WaitVisible(chromedp.ID("password")),
		chromedp.SendKeys(chromedp.ID("name"), "analytiker"), chromedp.SendKeys(chromedp.ID("password"), inputPassword),
		chromedp.Submit(chromedp.ID("password")))
	waitFor("signed in", `location.pathname !== "/logg-inn"`)
	do("open the editor", chromedp.Navigate(e.URL+"/scenarier/ny"), chromedp.WaitVisible(chromedp.ID("plan-search")))
	if v, ph := eval(`document.getElementById("plan-name").value`), eval(`document.getElementById("plan-name").placeholder`); v != "" || !strings.HasPrefix(ph, "For eksempel") {
		t.Errorf("a new plan's name field holds %q with the hint %q; want it empty with a hint", v, ph)
	}

	// A merger without a name: figures, and a warning at the name.
	for _, code := range []string{"1111", "1112"} {
		eval(`document.getElementById("plan-search").value=""`)
		do("add "+code, chromedp.SendKeys(chromedp.ID("plan-search"), code),
			chromedp.WaitVisible(chromedp.CSS(`[data-fk="r`+code+`"]`)), chromedp.Click(chromedp.CSS(`[data-fk="r`+code+`"]`)))
	}
	waitFor("the figures without a name", `document.querySelector('[data-metric="municipalities"]').textContent.trim()==="356" && !document.getElementById("plan-outcome").classList.contains("plan-stale")`)
	if w := text(`[data-problems="name"]`); w != "" {
		t.Errorf("before saving, the name field shows %q; the name is asked for when saving", w)
	}
	do("save without a name", chromedp.Click(chromedp.ID("plan-save")))
	waitFor("the refusal", `document.getElementById("plan-save-status").textContent.length > 0`)
	if s := text("#plan-save-status"); !strings.Contains(s, "Gi scenarioet et navn før du lagrer det") {
		t.Errorf("saving without a name says %q", s)
	}
	if a := eval(`document.activeElement.id + " " + document.getElementById("plan-name").getAttribute("aria-invalid")`); a != "plan-name true" {
		t.Errorf("after the refusal the focus and the field's state are %q; want plan-name true", a)
	}
	if list, err := e.db.Scenarios(context.Background()); err != nil || len(list) != 0 {
		t.Fatalf("a plan without a name was stored: %d scenarios (%v)", len(list), err)
	}

	// Typing gives the whole name, and it is saved as typed.
	do("type a name", chromedp.SendKeys(chromedp.ID("plan-name"), "Ryfylke og Dalane test"))
	if v := eval(`document.getElementById("plan-name").value`); v != "Ryfylke og Dalane test" {
		t.Errorf("after typing the field holds %q", v)
	}
	do("save", chromedp.Click(chromedp.ID("plan-save")))
	waitFor("the save", `!!document.getElementById("plan-compare-link")`)
	if s := text("#plan-save-status"); !strings.Contains(s, "Lagret «Ryfylke og Dalane test» (versjon 1)") {
		t.Errorf("after saving: %q", s)
	}
	list, err := e.db.Scenarios(context.Background())
	if err != nil || len(list) != 1 || list[0].Name != "Ryfylke og Dalane test" {
		t.Fatalf("stored: %d scenarios (%v)", len(list), err)
	}
}
