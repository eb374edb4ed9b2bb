package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist/internal/browser"
)

// TestBrowserInput drives headless Chromium through the input pages: the
// public submits an input through the real form, an analyst signs in and
// publishes it, and it then shows in the list filtered by tag and
// municipality and in the text search. Screenshots are kept as test
// artefacts.
func TestBrowserInput(t *testing.T) {
	e := newInputEnv(t)
	e.analyst(t, "analytiker")
	b := browser.Open(t, 120*time.Second)
	bctx, do := b.Ctx, b.Do
	text := b.Text
	shot := func(name string) { t.Helper(); browser.Screenshot(t, bctx, name) }
	// waitURL waits until the page at a URL containing part has loaded,
	// after a click that navigates.
	waitURL := func(part string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			loc, err := chromedp.Run(bctx, chromedp.Location())
			if err == nil && strings.Contains(loc, part) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s: at %s (%v)", part, loc, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
		do("wait for "+part, chromedp.WaitReady(chromedp.CSS("footer")))
	}
	do("viewport", chromedp.EmulateViewport(1280, 1000))

	// The public sends an input.
	const title = "Sårbart fagmiljø i barnevernet"
	do("open the form", chromedp.Navigate(e.URL+"/innspill/ny"), chromedp.WaitVisible(chromedp.ID("input-form")))
	do("fill in the form",
		chromedp.Click(chromedp.CSS(`input[name="kind"][value="challenge"]`)),
		chromedp.SendKeys(chromedp.ID("title"), title),
		chromedp.SendKeys(chromedp.ID("text"), "Barnevernet i kommunen har to ansatte. Når én slutter, står tjenesten nesten stille.\n\nEt felles barnevern med nabokommunene ville gitt et robust fagmiljø."),
		chromedp.Click(chromedp.CSS(`input[name="tag"][value="utfordring.fagmiljo"]`)),
		chromedp.Click(chromedp.CSS(`input[name="tag"][value="rolle.myndighetsutover"]`)),
		chromedp.SetValue(chromedp.ID("municipality"), "1151"),
		chromedp.SetValue(chromedp.ID("sender_type"), "person"),
		chromedp.SendKeys(chromedp.ID("name"), "Nora Nettleser"),
		chromedp.SendKeys(chromedp.ID("email"), "nora@example.no"),
		chromedp.Click(chromedp.ID("consent")),
	)
	shot("input-form")
	do("send", chromedp.Click(chromedp.ID("input-send")))
	waitURL("/innspill/kvittering/")
	do("receipt", chromedp.WaitVisible(chromedp.ID("input-reference")))
	ref := text("#input-reference")
	if !strings.HasPrefix(ref, "INN-") || text("#input-status") != "Til behandling" {
		t.Fatalf("receipt: reference %q, status %q", ref, text("#input-status"))
	}
	shot("input-receipt")

	// Not yet in the public list.
	do("the list", chromedp.Navigate(e.URL+"/innspill"), chromedp.WaitVisible(chromedp.ID("input-total")))
	if got := text("#input-total"); got != "0 publiserte innspill" {
		t.Errorf("before moderation the list says %q", got)
	}

	// An analyst signs in and publishes it.
	// The queue sends the public to the sign-in page, and back after it.
	do("the queue asks to sign in", chromedp.Navigate(e.URL+"/innspill/moderering"), chromedp.WaitVisible(chromedp.ID("password")))
	do("sign in", chromedp.SendKeys(chromedp.ID("name"), "analytiker"), chromedp.SendKeys(chromedp.ID("password"), inputPassword),
		chromedp.Submit(chromedp.ID("password")), chromedp.WaitVisible(chromedp.ID("input-queue")))
	if q := text("#input-queue"); !strings.Contains(q, title) || !strings.Contains(q, "nora@example.no") {
		t.Fatalf("queue = %q", q)
	}
	shot("input-queue")
	do("open the input", chromedp.Click(chromedp.CSS(`#input-queue a[href="/innspill/moderering/1"]`)))
	waitURL("/innspill/moderering/1")
	do("the moderation page", chromedp.WaitVisible(chromedp.ID("input-publish")))
	do("publish", chromedp.Click(chromedp.ID("input-publish")))
	// The page reloads after the post; until it has, the old one (or
	// none) answers.
	deadline := time.Now().Add(15 * time.Second)
	for {
		s, err := chromedp.Run(bctx, chromedp.Text(chromedp.ID("input-status")))
		if err == nil && strings.TrimSpace(s) == "Publisert" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after publishing the status is %q (%v)", s, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	shot("input-published")

	// The public finds it in the filtered list and in the search.
	do("filter", chromedp.Navigate(e.URL+"/innspill"), chromedp.WaitVisible(chromedp.ID("input-filter")),
		chromedp.Click(chromedp.CSS(`#input-filter input[name="tag"][value="utfordring.fagmiljo"]`)),
		chromedp.SetValue(chromedp.CSS(`#input-filter #municipality`), "1151"),
		chromedp.Click(chromedp.ID("input-filter-submit")))
	waitURL("municipality=1151")
	if got := text("#input-results"); !strings.Contains(got, title) || strings.Contains(got, "Nora") {
		t.Errorf("filtered list = %q", got)
	}
	if got := text("#input-total"); got != "1 publisert innspill" {
		t.Errorf("filtered total = %q", got)
	}
	loc, err := chromedp.Run(bctx, chromedp.Location())
	if err != nil || !strings.Contains(loc, "tag=utfordring.fagmiljo") || !strings.Contains(loc, "municipality=1151") {
		t.Errorf("filtered list location = %s, %v", loc, err)
	}
	shot("input-filtered")
	do("another municipality", chromedp.Navigate(e.URL+"/innspill?municipality=0301"), chromedp.WaitVisible(chromedp.ID("input-total")))
	if got := text("#input-total"); got != "0 publiserte innspill" {
		t.Errorf("Oslo's list = %q", got)
	}
	do("search", chromedp.Navigate(e.URL+"/innspill"), chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "nabokommunene robust"),
		chromedp.Click(chromedp.ID("input-filter-submit")))
	waitURL("q=nabokommunene")
	if got := text("#input-results"); !strings.Contains(got, title) {
		t.Errorf("search results = %q", got)
	}
	shot("input-search")
	do("a search that finds nothing", chromedp.Navigate(e.URL+"/innspill?q=nora"), chromedp.WaitVisible(chromedp.ID("input-total")))
	if got := text("#input-total"); got != "0 publiserte innspill" {
		t.Errorf("searching the sender's name finds %q", got)
	}
}
