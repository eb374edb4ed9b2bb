package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/riverqueue/river/riverdriver/riversqlite"

	"generalist"
	"generalist/app"
	"generalist/internal/browser"
	"generalist/internal/testkit"
	"generalist/jobs"
	"generalist/sqlstore"
	"generalist/web"
)

// TestBrowserJobPageFollowsState opens a job's page while the job is
// queued, then has a worker start it and hold it after its first write of
// progress: the page, left open, must say «kjører» with that progress and
// its steps, not «i kø» beside a progress bar that moves (as it did when
// the script followed only the progress).
func TestBrowserJobPageFollowsState(t *testing.T) {
	var (
		a0 *app.App
		db *sqlstore.DB
	)
	a := newAuthServer(t, withJobs(t, 0), func(cfg *web.Config) { a0, db = cfg.App, cfg.App.Store.(*sqlstore.DB) })
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	c := signIn(t, a.URL, "analytiker")
	code, loc := c.form("/jobber", url.Values{"kind": {"ensemble"}, "floor": {"5000"}, "steps": {"20000"}, "structure": {"2024"}, "seed": {"7"}})
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/jobber/") {
		t.Fatalf("POST /jobber = %d %s", code, loc)
	}

	b := browser.Open(t, 2*time.Minute)
	bctx := b.Ctx
	if err := chromedp.Do(bctx, chromedp.Navigate(a.URL+"/logg-inn"), chromedp.SendKeys("#name", "analytiker"),
		chromedp.SendKeys("#password", testPassword), chromedp.Submit("#password"), chromedp.WaitNotPresent("#password"),
		chromedp.Navigate(a.URL+loc)); err != nil {
		t.Fatal(err)
	}
	text := b.Text
	if got := text("#job-state-text"); got != "i kø" {
		t.Fatalf("the queued job's page says %q; want «i kø»", got)
	}

	// A worker on the same database takes the job and holds it after its
	// first write of progress.
	release := make(chan struct{})
	q, err := jobs.New(riversqlite.New(db.SQL()), a0, jobs.Config{Workers: 1, PollInterval: 100 * time.Millisecond,
		ProgressEvery: 5 * time.Millisecond, AfterProgress: func() { <-release }})
	if err != nil {
		t.Fatal(err)
	}
	testkit.Started(t, q)
	t.Cleanup(func() { close(release) }) // before the worker stops
	id, err := jobs.ParseID(strings.TrimPrefix(loc, "/jobber/"))
	if err != nil {
		t.Fatal(err)
	}
	for {
		j, err := q.Get(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		if j.State == jobs.StateRunning && j.Done > 0 {
			break
		}
		if j.Over() {
			t.Fatalf("job ended %s (%s) before it was held running", j.State, j.Error)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The page as the server now writes it: the state and the progress
	// the open page must come to show.
	_, body := c.do("GET", loc, "", "")
	want := regexp.MustCompile(`id="job-percent">([^<]*)<`).FindStringSubmatch(body)
	if want == nil || !strings.Contains(body, "kjører") {
		t.Fatalf("GET %s while the job runs: no «kjører» or percent in the page", loc)
	}
	wantPercent := strings.ReplaceAll(want[1], "\u00a0", " ")
	deadline := time.Now().Add(30 * time.Second)
	for text("#job-state-text") != "kjører" {
		if time.Now().After(deadline) {
			t.Fatalf("the open page says %q (progress %q) while the job runs; want «kjører»", text("#job-state-text"), text("#job-percent"))
		}
		time.Sleep(100 * time.Millisecond)
	}
	if got := text("#job-percent"); got != wantPercent {
		t.Errorf("the open page shows %q done; the server's page %q", got, wantPercent)
	}
	if got := text("#job-step-count"); !strings.Contains(got, " av 20 000 steg") {
		t.Errorf("the open page's steps = %q; want «… av 20 000 steg»", got)
	}
	browser.Screenshot(t, bctx, "job-running")
}
