package browser_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist/internal/browser"
)

// TestSession drives a page through the session's helpers: the text of a
// script-set element with a no-break space read as a space, "" for an
// element that is not there, and a wait for a condition the page meets
// later.
func TestSession(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>t</title></head><body><p id="n"></p>
<script>document.getElementById("n").textContent = "1\u00a0000 kr"; setTimeout(function(){ document.body.dataset.done = "1"; }, 50);</script></body></html>`)
	}))
	defer srv.Close()
	b := browser.Open(t, 60*time.Second)
	b.Do("open", chromedp.Navigate(srv.URL))
	if got := b.TextContent("#n"); got != "1 000 kr" {
		t.Errorf("TextContent(#n) = %q, want %q", got, "1 000 kr")
	}
	if got := b.TextContent("#missing"); got != "" {
		t.Errorf("TextContent(#missing) = %q, want empty", got)
	}
	b.WaitFor("the timer", `document.body.dataset.done === "1"`, nil)
	if got := b.Eval(`Promise.resolve("ok")`); got != "ok" {
		t.Errorf("Eval(promise) = %q, want ok", got)
	}
}
