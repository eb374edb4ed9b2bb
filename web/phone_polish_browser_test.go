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

// regionState describes the sideways scroll regions of a page: how many
// overflow, and the first that breaks a rule.
type regionState struct {
	Regions, Overflowing int
	// HintMissing names a region that overflows without a visible hint;
	// HintStray one that fits and shows a hint anyway.
	HintMissing, HintStray string
}

const regionsJS = `(() => {
  const out = {Regions: 0, Overflowing: 0, HintMissing: "", HintStray: ""};
  const name = r => r.getAttribute("aria-label") || r.getAttribute("aria-labelledby") || r.firstElementChild?.id || "region";
  for (const r of document.querySelectorAll("main .scroll[data-hint]")) {
    if (!r.getClientRects().length) continue;
    out.Regions++;
    const st = getComputedStyle(r, "::before");
    const shown = st.visibility === "visible" && parseFloat(st.height) > 0;
    if (r.scrollWidth > r.clientWidth + 1) {
      out.Overflowing++;
      if (!shown && !out.HintMissing) out.HintMissing = name(r);
    } else if (shown && !out.HintStray) {
      out.HintStray = name(r);
    }
  }
  return out;
})()`

// TestBrowserWideRegionsSaySo: a chart or table wider than the screen
// says above it that it goes on to the right (a hint from the catalogue,
// shown by CSS alone while there is more to see), and one that fits says
// nothing: the profile's charts at 390 px and 1400 px, the scenario
// comparison at 390 px, in bokmål and English.
func TestBrowserWideRegionsSaySo(t *testing.T) {
	base := newTestServer(t)
	bctx := browser.Tab(t, 120*time.Second)
	for _, tt := range []struct {
		width int
		path  string
		// overflow: at least one region is expected to overflow.
		overflow bool
	}{
		{390, "/kommune/1151", true},
		{390, "/kommune/1151?lang=en", true},
		{1400, "/kommune/1151", false},
		{390, "/scenarier/sammenlign?id=sammenslaing-5000&id=barnevern-til-fylket-under-3000", true},
		{1400, "/scenarier/sammenlign?id=sammenslaing-5000&id=barnevern-til-fylket-under-3000&lang=en", false},
	} {
		if err := chromedp.Do(bctx, chromedp.EmulateViewport(int64(tt.width), 900)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(bctx, chromedp.Navigate(base+tt.path)); err != nil {
			t.Fatal(err)
		}
		s := eval[regionState](t, bctx, regionsJS)
		if tt.overflow && s.Overflowing == 0 {
			t.Errorf("%d px %s: no region overflows; the test needs one", tt.width, tt.path)
		}
		if s.HintMissing != "" {
			t.Errorf("%d px %s: the region %q is wider than the screen and shows no hint", tt.width, tt.path, s.HintMissing)
		}
		if s.HintStray != "" {
			t.Errorf("%d px %s: the region %q fits and shows a hint anyway", tt.width, tt.path, s.HintStray)
		}
		t.Logf("%d px %s: %d regions, %d overflow", tt.width, tt.path, s.Regions, s.Overflowing)
	}
}

// TestBrowserComparisonOnPhones: at 390 px the scenario comparison's
// tables scroll in their regions with the first column kept in view, and
// the last column can be brought whole into view; at the end the hint is
// gone.
func TestBrowserComparisonOnPhones(t *testing.T) {
	base := newTestServer(t)
	bctx := browser.Tab(t, 120*time.Second)
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(390, 900)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(bctx, chromedp.Navigate(base+"/scenarier/sammenlign?id=sammenslaing-5000&id=barnevern-til-fylket-under-3000&id=strengere-barnevernsnorm")); err != nil {
		t.Fatal(err)
	}
	// Scroll every comparison table's region to its end.
	n := eval[int](t, bctx, `(() => { let n = 0; for (const t of document.querySelectorAll("table.cmp")) { const r = t.closest(".scroll"); if (r.scrollWidth > r.clientWidth + 1) { r.scrollLeft = r.scrollWidth; n++; } } return n; })()`)
	if n == 0 {
		t.Fatal("no comparison table scrolls at 390 px; the test needs one")
	}
	type cut struct{ Label, Last, Hint string }
	got := eval[cut](t, bctx, `(() => {
  const out = {Label: "", Last: "", Hint: ""};
  for (const t of document.querySelectorAll("table.cmp")) {
    const r = t.closest(".scroll"), box = r.getBoundingClientRect();
    if (r.scrollWidth <= r.clientWidth + 1) continue;
    for (const th of t.querySelectorAll("tbody th[scope=row]")) {
      const b = th.getBoundingClientRect();
      if (b.left < box.left - 1 && !out.Label) out.Label = t.id + ": " + th.textContent.trim().slice(0, 40);
    }
    for (const tr of t.querySelectorAll("tr")) {
      const c = tr.lastElementChild, b = c.getBoundingClientRect();
      if (c.colSpan === 1 && b.right > box.right + 1 && !out.Last) out.Last = t.id + ": " + c.textContent.trim().slice(0, 40);
    }
  }
  return out;
})()`)
	if got.Label != "" {
		t.Errorf("scrolled to the end, a row's label is out of view: %s", got.Label)
	}
	if got.Last != "" {
		t.Errorf("scrolled to the end, the last column is still cut: %s", got.Last)
	}
	// At the end of the region there is nothing more to see: the hint
	// goes (the scroll timeline moves on the next frame).
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](`[...document.querySelectorAll("table.cmp")].map(t => t.closest(".scroll")).filter(r => r.scrollWidth > r.clientWidth + 1).every(r => getComputedStyle(r, "::before").visibility === "hidden")`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("scrolled to the end, a comparison region still shows its hint: %v", err)
	}
	browser.Screenshot(t, bctx, "comparison-390-scrolled")
}
