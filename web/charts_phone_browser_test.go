package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist/internal/browser"
)

// chartPages are the pages with charts (package chart), as a phone and a
// desktop show them.
var chartPages = []string{
	"/okonomi?municipality=1111",
	"/okonomi?members=1111,1112&year=2025", // Sokndal and Lund: both in the economy tables, so the years are charted
	"/kommune/0301",
	"/kommune/1151",
	"/sammenlign?k=0301,4601,1151",
	"/analyse",
	"/sok?floor=5000&ensemble=true",
	// Pages the issue names that draw maps and tables, not charts: only
	// the sideways scrolling is checked.
	"/kapasitet",
	"/scenarier/sammenlign?id=barnevern-palagt-samarbeid&id=barnevern-til-fylket-under-3000",
}

// noCharts are the pages of chartPages without a chart.
var noCharts = map[string]bool{
	"/kapasitet": true,
	"/scenarier/sammenlign?id=barnevern-palagt-samarbeid&id=barnevern-til-fylket-under-3000": true,
}

// chartText is the smallest text of a page's charts as rendered (its font
// size times the scale of the SVG on the screen) and how far the page
// scrolls sideways.
type chartText struct {
	Overflow float64
	Charts   int
	Min      float64
	Where    string
	// Unreachable names a chart wider than the window that is not in a
	// scroll region the keyboard can reach.
	Unreachable string
}

// measureCharts measures the rendered size of every text in every SVG
// chart of main that is shown, and the page's sideways overflow.
const measureCharts = `(() => {
  const out = {Overflow: document.documentElement.scrollWidth - window.innerWidth, Charts: 0, Min: 1e9, Where: ""};
  for (const svg of document.querySelectorAll("main svg")) {
    if (svg.closest(".map, .plan-map, .map-swatch") || svg.classList.contains("map-swatch") || !svg.getClientRects().length) continue;
    const texts = svg.querySelectorAll("text");
    if (!texts.length) continue;
    out.Charts++;
    if (svg.getBoundingClientRect().width > window.innerWidth && !svg.closest('.scroll[tabindex="0"][role="region"][aria-label]')) out.Unreachable = svg.id || "svg";
    for (const t of texts) {
      if (!t.getClientRects().length || !t.textContent.trim()) continue;
      const m = t.getScreenCTM();
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      if (px < out.Min) { out.Min = px; out.Where = (svg.id || svg.getAttribute("class") || "svg") + ": " + t.textContent.trim().slice(0, 40); }
    }
  }
  return out;
})()`

// TestBrowserChartsOnPhones: at 390 px no chart makes the page scroll
// sideways, and no chart text renders below 12 px (the chart keeps its
// size and scrolls in its own keyboard-reachable region, or is drawn for
// the width it gets); at 1400 px the same holds.
func TestBrowserChartsOnPhones(t *testing.T) {
	base := newTestServer(t)
	bctx := browser.Tab(t, 180*time.Second)
	for _, width := range []int{390, 1400} {
		if err := chromedp.Do(bctx, chromedp.EmulateViewport(int64(width), 900)); err != nil {
			t.Fatal(err)
		}
		for _, path := range chartPages {
			if err := chromedp.Do(bctx, chromedp.Navigate(base+path)); err != nil {
				t.Fatal(err)
			}
			m := eval[chartText](t, bctx, measureCharts)
			if m.Charts == 0 && !noCharts[path] {
				t.Errorf("%d px %s: no chart found", width, path)
				continue
			}
			if m.Overflow > 1 {
				t.Errorf("%d px %s: the page scrolls %.0f px sideways", width, path, m.Overflow)
			}
			if m.Unreachable != "" {
				t.Errorf("%d px %s: the chart %s is wider than the window and not in a keyboard-reachable scroll region", width, path, m.Unreachable)
			}
			if m.Charts > 0 && m.Min < 11.95 {
				t.Errorf("%d px %s: chart text renders at %.1f px (%s); want at least 12", width, path, m.Min, m.Where)
			}
			t.Logf("%d px %s: %d charts, smallest text %.1f px, overflow %.0f", width, path, m.Charts, m.Min, m.Overflow)
			if width == 390 {
				browser.Screenshot(t, bctx, fmt.Sprintf("charts-390-%s", strings.NewReplacer("/", "-", "?", "-", "=", "-", "&", "-", ",", "-").Replace(strings.Trim(path, "/"))))
			}
		}
	}
}
