package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist"
	"generalist/internal/browser"
)

// a11ySignedPages are the pages behind sign-in that the accessibility test
// visits as an administrator (who may see them all).
var a11ySignedPages = []string{
	"/konto",
	"/admin",
	"/innspill/moderering",
	"/oppgaver",
	"/samarbeid/ny",
	"/samarbeid/importer",
	"/scenarier/importer",
	"/jobber",
}

// TestAccessibilitySignedIn signs in through the form in the browser and
// runs the checks of TestAccessibility (axe-core and sideways scrolling,
// bokmål and English, 1400 and 390 px) on the pages behind sign-in, against
// the same baseline.
func TestAccessibilitySignedIn(t *testing.T) {
	axe := axeScript(t)
	baseline := readBaseline(t, "a11y_known.txt")
	a := newAuthServer(t)
	addUser(t, a.db, "tilgjengelig", generalist.UserAdmin, "")
	bctx := browser.Tab(t, 10*time.Minute)
	if err := chromedp.Do(bctx, chromedp.Navigate(a.URL+"/logg-inn")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(bctx, chromedp.SendKeys("#name", "tilgjengelig")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(bctx, chromedp.SendKeys("#password", testPassword)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(bctx, chromedp.Submit("#password")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(bctx, chromedp.WaitNotPresent("#password")); err != nil {
		t.Fatal(err)
	}
	var found []axeFinding
	for _, width := range a11yWidths {
		if err := chromedp.Do(bctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"nb", "en"} {
			for _, path := range a11ySignedPages {
				if err := chromedp.Do(bctx, chromedp.Navigate(a.URL+path+"?lang="+lang)); err != nil {
					t.Fatal(err)
				}
				loc, err := chromedp.Run(bctx, chromedp.Evaluate[string](`location.pathname`))
				if err != nil || loc != path {
					t.Fatalf("GET %s as administrator ended on %q (%v): not signed in?", path, loc, err)
				}
				fs, err := axePage(bctx, a.URL, path, lang, width, string(axe))
				if err != nil {
					t.Fatalf("%s (%s, %d px): %v", path, lang, width, err)
				}
				found = append(found, fs...)
			}
		}
	}
	// The signed-in view of a public page is listed under its own name.
	for i := range found {
		found[i].Path = "signed-in:" + found[i].Path
	}
	visited := make([]string, len(a11ySignedPages))
	for i, p := range a11ySignedPages {
		visited[i] = "signed-in:" + p
	}
	seen := compareBaseline(t, found, baseline, visited)
	t.Logf("%d pages behind sign-in × 2 languages × %d widths: %d serious or critical findings", len(a11ySignedPages), len(a11yWidths), len(seen))
}
