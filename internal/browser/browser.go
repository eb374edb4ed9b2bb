// Package browser starts headless Chromium for the browser tests, driven
// by github.com/chromedp/chromedp.
//
// The tests use Debian's chromium, which ./scripts/test installs when it is
// missing and names in GENERALIST_CHROMIUM. Without a browser the tests skip
// with a message saying how to get one, so `go test ./...` still passes on a
// machine without Chromium.
//
//	func TestPage(t *testing.T) {
//		actx, cancel := browser.Allocator(context.Background(), t)
//		defer cancel()
//		ctx, cancel := chromedp.NewContext(actx)
//		defer cancel()
//		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
//			t.Fatal(err)
//		}
//		title, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
//		…
//	}
package browser

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// EnvChromium names the environment variable that holds the path of the
// Chromium binary; ./scripts/test sets it when it finds or installs one.
const EnvChromium = "GENERALIST_CHROMIUM"

// names are the binaries looked for on PATH, in order.
var names = []string{"chromium", "chromium-browser", "google-chrome"}

// Chromium returns the path of the browser for the tests: the value of
// GENERALIST_CHROMIUM when it is set, else the first of chromium,
// chromium-browser and google-chrome found on PATH. It reports whether that
// browser exists and is executable; when GENERALIST_CHROMIUM is set, PATH is
// not searched, so a wrong setting is noticed rather than silently replaced.
func Chromium() (path string, ok bool) {
	if p := os.Getenv(EnvChromium); p != "" {
		p, err := exec.LookPath(p)
		return p, err == nil
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// Allocator returns a chromedp allocator context that starts the browser
// from Chromium headless, without the sandbox (the tests may run as root,
// where Chromium refuses to start with it) and without GPU, QUIC or any
// background network traffic (the test machines have a closed network), in
// a fresh user data directory under tb.TempDir().
//
// It skips the test when no browser is found, and fails it when
// GENERALIST_CHROMIUM names one that is not executable. The returned
// cancel stops the browser; it is also called when the test ends, before
// the user data directory is removed.
func Allocator(ctx context.Context, tb testing.TB) (context.Context, context.CancelFunc) {
	tb.Helper()
	path, ok := Chromium()
	if !ok {
		if v := os.Getenv(EnvChromium); v != "" {
			tb.Fatalf("%s=%s is not an executable browser", EnvChromium, v)
		}
		tb.Skip("browser test skipped: no chromium, chromium-browser or google-chrome on PATH; " +
			"run ./scripts/test (installs Debian's chromium as root), `apt-get install chromium`, " +
			"or set " + EnvChromium + " to a Chromium binary")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(tb.TempDir()),
	)
	actx, cancel := chromedp.NewExecAllocator(ctx, opts...)
	tb.Cleanup(cancel) // runs before the TempDir cleanup registered above
	return actx, cancel
}

// Tab starts a browser (Allocator) and opens a tab in it that lives at
// most timeout; everything is stopped when the test ends.
func Tab(tb testing.TB, timeout time.Duration) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	tb.Cleanup(cancel)
	actx, _ := Allocator(ctx, tb)
	bctx, cancelTab := chromedp.NewContext(actx)
	tb.Cleanup(cancelTab)
	return bctx
}

// Screenshot saves the whole page of the tab as name.png among the test's
// artefacts (go test -artifacts). Quality 100 makes chromedp ask for PNG.
func Screenshot(tb testing.TB, tab context.Context, name string) {
	tb.Helper()
	b, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
	if err != nil {
		tb.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(tb.ArtifactDir(), name+".png"), b, 0o644); err != nil {
		tb.Fatal(err)
	}
}
