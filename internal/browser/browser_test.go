package browser_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"generalist/internal/browser"
)

// page sets its text from a script, so reading it proves that the browser
// ran the page's JavaScript, not only parsed the HTML.
const page = `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Generalist</title></head>
<body><p id="greeting">loading</p>
<script>document.getElementById("greeting").textContent = "Hei, " + "Utsira";</script>
</body></html>`

func TestAllocator(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()

	bctx := browser.Tab(t, 60*time.Second)

	for _, tt := range []struct {
		name, url, want string
	}{
		{"HTTP", srv.URL, "Hei, Utsira"},
		{"DataURL", "data:text/html;charset=utf-8,<p id=greeting>Hei, Oslo</p>", "Hei, Oslo"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := chromedp.Do(bctx, chromedp.Navigate(tt.url)); err != nil {
				t.Fatalf("Navigate(%s): %v", tt.url, err)
			}
			got, err := chromedp.Run(bctx, chromedp.Text(chromedp.ID("greeting")))
			if err != nil {
				t.Fatalf("Text(#greeting) on %s: %v", tt.url, err)
			}
			if got != tt.want {
				t.Errorf("Text(#greeting) = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestChromium(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "chromium")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "not-executable")
	if err := os.WriteFile(plain, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, env, path string
		wantPath        string
		wantOK          bool
	}{
		{"EnvExecutable", exe, "", exe, true},
		{"EnvNotExecutable", plain, dir, "", false},
		{"EnvMissing", filepath.Join(dir, "nothing"), dir, "", false},
		{"PATH", "", dir, exe, true},
		{"None", "", t.TempDir(), "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(browser.EnvChromium, tt.env)
			t.Setenv("PATH", tt.path)
			path, ok := browser.Chromium()
			if ok != tt.wantOK || ok && path != tt.wantPath {
				t.Errorf("Chromium() = %q, %v, want %q, %v", path, ok, tt.wantPath, tt.wantOK)
			}
		})
	}
}
