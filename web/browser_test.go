package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist/internal/browser"
)

// TestBrowser drives headless Chromium through the real server: the home
// page, the map, a click on Oslo in the map, and Oslo's profile with its
// figures. Screenshots (PNG; quality 100 makes chromedp ask for PNG) are
// kept as test artefacts (go test -artifacts).
func TestBrowser(t *testing.T) {
	base := newTestServer(t)
	bctx := browser.Tab(t, 90*time.Second)
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	shot := func(name string) { t.Helper(); browser.Screenshot(t, bctx, name) }
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		// A no-break space reads as a space, and a soft hyphen (a
		// place a long word may break) is not seen unless it breaks.
		return strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u00ad", "").Replace(s))
	}

	if err := chromedp.Do(bctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	if h := text("h1"); !strings.Contains(h, "generalistkommunesystemet") {
		t.Errorf("home h1 = %q", h)
	}
	if s := text(".structure-table"); !strings.Contains(s, "5 367 580") || !strings.Contains(s, "174") {
		t.Errorf("home structure table = %q", s)
	}
	shot("home")

	if err := chromedp.Do(bctx, chromedp.Navigate(base+"/kart")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(bctx, chromedp.WaitVisible(chromedp.CSS(`#map [data-code="0301"]`))); err != nil {
		t.Fatal(err)
	}
	shot("map")
	if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`#map [data-code="0301"]`))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(bctx, chromedp.WaitVisible(chromedp.CSS("#municipality-name"))); err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(bctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "/kommune/0301") {
		t.Errorf("after clicking Oslo on the map, location = %s", loc)
	}
	if got := text("#municipality-name"); got != "Oslo" {
		t.Errorf("profile heading = %q, want Oslo", got)
	}
	// 1.1.2026, SSB 07459 (data/befolkning_k2024.csv).
	if got := text("#population"); got != "728 714" {
		t.Errorf("profile population = %q, want 728 714", got)
	}
	shot("profile-oslo")
}

// TestBrowserEditor makes a two-municipality merger in the plan editor:
// clicking Karmøy and Utsira on the map puts them in one group, and the
// server's outcome (356 municipalities) replaces today's figures.
func TestBrowserEditor(t *testing.T) {
	base := newTestServer(t)
	bctx := browser.Tab(t, 90*time.Second)
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1280, 1000)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(bctx, chromedp.Navigate(base+"/scenarier/ny")); err != nil {
		t.Fatal(err)
	}
	metric := func() string {
		s, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(`[data-metric="municipalities"]`)))
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(s)
	}
	if got := metric(); got != "357" {
		t.Fatalf("before: %s municipalities, want 357", got)
	}
	for _, code := range []string{"1149", "1151"} {
		// Keyboard use: focus the municipality's link and press Enter.
		if err := chromedp.Do(bctx, chromedp.Focus(chromedp.CSS(`#plan-map a:has(> path[data-code="`+code+`"])`))); err != nil {
			t.Fatalf("focus %s: %v", code, err)
		}
		if err := chromedp.Do(bctx, chromedp.KeyEvent("\r")); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for metric() != "356" {
		if time.Now().After(deadline) {
			st, _ := chromedp.Run(bctx, chromedp.Text(chromedp.ID("plan-status")))
			t.Fatalf("after merging Karmøy and Utsira: %s municipalities (status %q), want 356", metric(), st)
		}
		time.Sleep(100 * time.Millisecond)
	}
	js, err := chromedp.Run(bctx, chromedp.Value(chromedp.ID("plan-json")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js, `"1149"`) || !strings.Contains(js, `"1151"`) {
		t.Errorf("the scenario JSON lacks the merger: %s", js)
	}
	browser.Screenshot(t, bctx, "editor")
}
