package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"context"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"generalist/geomap"
	"generalist/internal/browser"
)

// TestBrowserMaps checks, at a phone's width (390 px), what a reader of
// every page with a map figure needs: the legend's text is at least 12 px
// (it is HTML beside the SVG, so it does not shrink with the map), the
// link before the map moves focus past it to the table, and a
// municipality with keyboard focus has a ring drawn on top of the map in
// colours with at least 3:1 against its own fill.
func TestBrowserMaps(t *testing.T) {
	base := newTestServer(t)
	bctx := browser.Tab(t, 120*time.Second)
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	key := func(k string, mods ...chromedp.Modifier) {
		t.Helper()
		var opts []chromedp.KeyOption
		for _, m := range mods {
			opts = append(opts, chromedp.KeyModifiers(m))
		}
		if err := chromedp.Do(bctx, chromedp.KeyEvent(k, opts...)); err != nil {
			t.Fatal(err)
		}
	}
	for _, path := range []string{"/kart", "/kart?county=46&lang=en", "/kommune/4601", "/sammenlign?k=Oslo,Bergen,Utsira"} {
		if err := chromedp.Do(bctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS(".map-figure svg.geomap"))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		// Legend text: the smallest computed font size of any text in it.
		smallest := eval[float64](t, bctx, `Math.min(...[...document.querySelectorAll('.map-key, .map-key *')].filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())).map(e => parseFloat(getComputedStyle(e).fontSize)))`)
		if smallest < 12 {
			t.Errorf("%s at 390 px: legend text %.1f px, want at least 12", path, smallest)
		}
		rows := eval[[]float64](t, bctx, `[...document.querySelectorAll('.map-key-classes li')].map(e => e.getBoundingClientRect().height)`)
		t.Logf("%s: legend text at least %.1f px, rows %v", path, smallest, rows)
		if len(rows) < 2 {
			t.Errorf("%s: %d legend rows", path, len(rows))
		}
		for _, h := range rows {
			if h > 40 {
				t.Errorf("%s at 390 px: a legend row is %.0f px tall; the swatch and its label should share a line", path, h)
			}
		}

		// Tab from the skip link reaches a municipality; its ring is drawn.
		eval[bool](t, bctx, `document.querySelector('.map-skip').focus(), true`)
		key(kb.Tab)
		ring := eval[focusRing](t, bctx, `(() => {
			const a = document.activeElement, svg = a.closest('svg.geomap');
			const f = svg && svg.querySelector('.geomap-focus');
			const area = a.querySelector('path.geomap-area');
			const hex = c => '#' + c.match(/\d+/g).slice(0, 3).map(x => (+x).toString(16).padStart(2, '0')).join('');
			if (!f || !area) return {InMap: !!svg};
			const inner = f.querySelector('.geomap-focus-inner'), outer = f.querySelector('.geomap-focus-outer');
			return {InMap: !!svg, Fill: area.getAttribute('fill'), Inner: hex(getComputedStyle(inner).stroke), Outer: hex(getComputedStyle(outer).stroke),
				WInner: parseFloat(getComputedStyle(inner).strokeWidth), Last: f === svg.querySelector('.geomap-map').lastElementChild};
		})()`)
		if !ring.InMap || ring.Inner == "" {
			t.Fatalf("%s: Tab after the skip link: focus in a map %v, ring %+v", path, ring.InMap, ring)
		}
		if !ring.Last || ring.WInner < 2 {
			t.Errorf("%s: focus ring %+v: want it drawn last, at least 2 px wide", path, ring)
		}
		if strings.HasPrefix(ring.Fill, "#") {
			ci, _ := geomap.Contrast(ring.Inner, ring.Fill)
			co, _ := geomap.Contrast(ring.Outer, ring.Fill)
			if max(ci, co) < 3 {
				t.Errorf("%s: focus ring %s/%s on %s: %.2f:1 and %.2f:1, want one at least 3:1", path, ring.Inner, ring.Outer, ring.Fill, ci, co)
			}
		}

		// Back to the skip link; Enter moves focus past the map.
		key(kb.Tab, chromedp.ModifierShift)
		onSkip := eval[bool](t, bctx, `document.activeElement.classList.contains('map-skip')`)
		if !onSkip {
			t.Fatalf("%s: Shift+Tab from the first municipality does not return to the skip link", path)
		}
		key(kb.Enter)
		after := eval[struct {
			InMap bool
			ID    string
		}](t, bctx, `({InMap: !!document.activeElement.closest('svg'), ID: document.activeElement.id})`)
		if after.InMap || !strings.HasSuffix(after.ID, "-table") {
			t.Errorf("%s: after Enter on the skip link focus is on %+v, want the table after the map", path, after)
		}
		browser.Screenshot(t, bctx, fmt.Sprintf("maps-390-%s", strings.NewReplacer("/", "-", "?", "-", "=", "-", "&", "-", ",", "-").Replace(strings.Trim(path, "/"))))
	}
}

type focusRing struct {
	InMap        bool
	Fill         string
	Inner, Outer string
	WInner       float64
	Last         bool
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}
