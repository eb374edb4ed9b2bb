package web_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist/internal/browser"
)

// EnvAxe names the environment variable holding the path of axe-core's
// axe.min.js; ./scripts/test installs axe-core with npm (tools/axe) and
// sets it.
const EnvAxe = "GENERALIST_AXE"

// a11yPages are the public pages the accessibility test visits: every
// public page route with a representative argument. The pages behind
// sign-in are visited by TestAccessibilitySignedIn (a11y_signed_test.go).
var a11yPages = []string{
	"/",
	"/kommuner",
	"/kommune/0301",
	"/kommune/1151",
	"/kommune/1151/samarbeid",
	"/sammenlign?k=0301,Bergen,Utsira",
	"/kart",
	"/oppgaver",
	"/kapasitet",
	"/analyse",
	"/sok",
	"/sok?mode=regions&task=barnevern&task=legevakt&task=ppt&max_km=60&exempt_infeasible=1",
	"/scenarier",
	"/scenarier/sammenlign?id=barnevern-palagt-samarbeid&id=barnevern-til-fylket-under-3000",
	// The county lever (its section on the comparison) beside mergers
	// (the economy per merger).
	"/scenarier/sammenlign?id=fylkeskommunen-avvikles&id=sammenslaing-5000",
	"/scenarier/ny",
	"/okonomi",
	"/samarbeid",
	"/samarbeid/lovkrav",
	"/samarbeid/monster?examples=1",
	"/samarbeid/ny",
	"/samarbeid/1",
	"/samarbeid/1/avtale",
	"/samarbeid/1/kostnader",
	"/samarbeid/1/uttreden",
	"/samarbeid/1/prosess",
	"/samarbeid/1/historikk",
	"/innspill",
	"/innspill/ny",
	"/logg-inn",
	"/finnes-ikke",
	"/om",
	"/tilgjengelighet",
	"/ordliste",
	"/scenarier/sammenlign/kart?id=barnevern-palagt-samarbeid&id=barnevern-til-fylket-under-3000",
}

// a11yWidths are the viewport widths of the test: a desktop and a phone.
var a11yWidths = []int64{1400, 390}

// axeFinding is one rule that failed on one page: what the test compares
// with the baseline.
type axeFinding struct {
	Path, Lang string
	Width      int64
	Rule       string
}

func (f axeFinding) String() string {
	return fmt.Sprintf("%s %s %d %s", f.Path, f.Lang, f.Width, f.Rule)
}

// TestAccessibility runs axe-core (WCAG 2.1 A and AA rules) on every
// public page, in bokmål and English, at 1400 and 390 px, and checks that
// no page scrolls sideways. A serious or critical violation that is not in
// a11y_known.txt fails the test; the baseline lists the known
// ones, to be fixed (issue 16), and may only shrink: an entry that no
// longer occurs is reported so that it can be removed.
func TestAccessibility(t *testing.T) {
	axe := axeScript(t)
	baseline := readBaseline(t, "a11y_known.txt")
	base := newTestServer(t)
	bctx := browser.Tab(t, 10*time.Minute)

	var found []axeFinding
	for _, width := range a11yWidths {
		if err := chromedp.Do(bctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"nb", "en"} {
			for _, path := range a11yPages {
				fs, err := axePage(bctx, base, path, lang, width, string(axe))
				if err != nil {
					t.Fatalf("%s (%s, %d px): %v", path, lang, width, err)
				}
				found = append(found, fs...)
			}
		}
	}

	seen := compareBaseline(t, found, baseline, a11yPages)
	t.Logf("%d pages × 2 languages × %d widths: %d serious or critical findings (%d in the baseline)", len(a11yPages), len(a11yWidths), len(seen), len(baseline))
}

// axeScript returns axe-core's axe.min.js from the path EnvAxe names; it
// skips the test when EnvAxe is not set.
func axeScript(t *testing.T) []byte {
	t.Helper()
	path := os.Getenv(EnvAxe)
	if path == "" {
		t.Skipf("%s is not set: run ./scripts/test, which installs axe-core with npm", EnvAxe)
	}
	axe, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v", EnvAxe, err)
	}
	return axe
}

// compareBaseline compares the findings with the baseline
// (compareKnown); visited are the paths the test visited.
func compareBaseline(t *testing.T, found []axeFinding, baseline map[string]bool, visited []string) map[string]bool {
	t.Helper()
	return compareKnown(t, found, baseline, func(p string) bool { return slices.Contains(visited, p) },
		"new accessibility violation (path lang width rule)", "fixed, remove from a11y_known.txt")
}

// axePage loads one page and returns its serious and critical axe
// violations, plus the pseudo-rule "horizontal-scroll" when the page is
// wider than the viewport.
func axePage(ctx context.Context, base, path, lang string, width int64, axe string) ([]axeFinding, error) {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+path+sep+"lang="+lang)); err != nil {
		return nil, err
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axe+";true")); err != nil {
		return nil, fmt.Errorf("loading axe-core: %w", err)
	}
	run := `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})
		.then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id))`
	rules, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("running axe-core: %w", err)
	}
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`))
	if err != nil {
		return nil, err
	}
	if wide {
		rules = append(rules, "horizontal-scroll")
	}
	out := make([]axeFinding, 0, len(rules))
	for _, r := range rules {
		out = append(out, axeFinding{Path: path, Lang: lang, Width: width, Rule: r})
	}
	return out, nil
}

// readBaseline reads the known findings, one per line as
// "path lang width rule"; blank lines and lines starting with # are
// comments.
func readBaseline(t *testing.T, name string) map[string]bool {
	t.Helper()
	return readKnown(t, name, "path lang width rule", func(n int) bool { return n == 4 })
}
