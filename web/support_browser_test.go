package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist/internal/browser"
)

// TestBrowserEditorSupport: in the plan editor an analyst adds a support
// scheme to a scenario with a new IKS of Utsira and Bokn (1 000 000 kr
// per cooperation a year, two years) and sees the state's cost per year
// under the figures: 1 000 000 kr in 2026 and 2027, 2 000 000 kr in all.
func TestBrowserEditorSupport(t *testing.T) {
	e := newInputEnv(t)
	e.publish(t, e.scenario(t, `{"id": "stotte-nettleser", "name": "Nytt IKS", "structure": 2024, "year": 2026,
  "cooperations": [{"task": "ppt", "form": "interkommunalt_selskap", "members": ["1151", "1145"]}]}`).ID)
	b := browser.Open(t, 120*time.Second)
	bctx, do, text := b.Ctx, b.Do, b.TextContent
	waitFor := func(what, cond string) {
		t.Helper()
		b.WaitFor(what, cond, func() string { return fmt.Sprintf("status %q", text("#plan-status")) })
	}
	do("viewport", chromedp.EmulateViewport(1400, 1000))
	do("open", chromedp.Navigate(e.URL+"/scenarier/ny?id=stotte-nettleser"), chromedp.WaitReady(chromedp.CSS(`[data-fk="plan-add-support"]`)))
	waitFor("the first evaluation", `document.getElementById("plan-status").textContent.indexOf("oppdatert") >= 0`)
	do("open the section and add a scheme", chromedp.Evaluate[chromedp.Void](`document.getElementById("plan-sec-support").open = true`),
		chromedp.Click(chromedp.CSS(`[data-fk="plan-add-support"]`)), chromedp.WaitVisible(chromedp.ID("plan-support-0-per_cooperation")))
	do("amount", chromedp.SendKeys(chromedp.ID("plan-support-0-per_cooperation"), "1 000 000\t"))
	waitFor("the amount kept", `!!document.getElementById("plan-support-0-years")`)
	do("years", chromedp.SendKeys(chromedp.ID("plan-support-0-years"), "2\t"))
	waitFor("the cost per year", `!!document.getElementById("plan-support-years") && document.getElementById("plan-support-years").textContent.indexOf("2027") >= 0`)
	got := text("#plan-support-years")
	for _, want := range []string{"2026", "2027", "1 000 000 kr", "Til sammen", "2 000 000 kr"} {
		if !strings.Contains(got, want) {
			t.Errorf("the cost per year lacks %q: %q", want, got)
		}
	}
	if box := text("#plan-support"); !strings.Contains(box, "Utsira") || !strings.Contains(box, "500 000 kr") {
		t.Errorf("the grants per municipality: %q", box)
	}
	browser.Screenshot(t, bctx, "editor-support")
}
