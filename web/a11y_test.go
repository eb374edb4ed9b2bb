package web_test

import (
	"bufio"
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
	axePath := os.Getenv(EnvAxe)
	if axePath == "" {
		t.Skipf("%s is not set: run ./scripts/test, which installs axe-core with npm", EnvAxe)
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("%s: %v", EnvAxe, err)
	}
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

// compareBaseline fails the test on every finding not in the baseline and
// reports the baseline's entries for the visited paths that no longer
// occur. It returns the findings seen, as strings.
func compareBaseline(t *testing.T, found []axeFinding, baseline map[string]bool, visited []string) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	var fresh []string
	for _, f := range found {
		seen[f.String()] = true
		if !baseline[f.String()] {
			fresh = append(fresh, f.String())
		}
	}
	slices.Sort(fresh)
	fresh = slices.Compact(fresh)
	for _, f := range fresh {
		t.Errorf("new accessibility violation (path lang width rule): %s", f)
	}
	var gone []string
	for k := range baseline {
		if !seen[k] && slices.Contains(visited, strings.Fields(k)[0]) {
			gone = append(gone, k)
		}
	}
	slices.Sort(gone)
	for _, g := range gone {
		t.Logf("fixed, remove from a11y_known.txt: %s", g)
	}
	return seen
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
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if len(strings.Fields(s)) != 4 {
			t.Fatalf("%s:%d: want \"path lang width rule\", got %q", name, line, s)
		}
		out[strings.Join(strings.Fields(s), " ")] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
