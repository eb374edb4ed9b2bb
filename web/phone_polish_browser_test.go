package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist/internal/browser"
)

// brokenWords finds the words of the vulnerability table's task names and
// headers that a phone breaks across two lines (a word whose text has more
// than one line box). Headless Chromium has no hyphenation dictionary, so
// a break inside a word there is a break anywhere, not at a syllable.
const brokenWords = `(() => {
  const out = [];
  const cells = document.querySelectorAll("#vulnerability thead th, #vulnerability tbody th a");
  for (const el of cells) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const re = /[^\s\u00a0\-–]+/g;
      let m;
      while ((m = re.exec(n.data))) {
        const r = document.createRange();
        r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
  }
  return out;
})()`

// TestBrowserVulnerabilityWordsWhole: at 390 px the profile's
// vulnerability table breaks no task name or header inside a word
// ("Barnevernst|jeneste"); the column grows instead.
func TestBrowserVulnerabilityWordsWhole(t *testing.T) {
	base := newTestServer(t)
	bctx := browser.Tab(t, 120*time.Second)
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(390, 900)); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/kommune/1151", "/kommune/1151?lang=en", "/kommune/1820"} {
		if err := chromedp.Do(bctx, chromedp.Navigate(base+path)); err != nil {
			t.Fatal(err)
		}
		if got := eval[[]string](t, bctx, brokenWords); len(got) > 0 {
			t.Errorf("390 px %s: the vulnerability table breaks words across lines: %q", path, got)
		}
		d := eval[map[string]float64](t, bctx, `(() => { const s = document.querySelector("#vulnerability").closest(".scroll"); return {scroll: s.scrollWidth, client: s.clientWidth}; })()`)
		t.Logf("390 px %s: the vulnerability table is %.0f px wide in a region of %.0f", path, d["scroll"], d["client"])
	}
}
