package browser

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Session is a tab (Tab) with the steps the page tests repeat, each of
// which fails the test on an error, so a test reads as what a user does.
type Session struct {
	tb testing.TB
	// Ctx is the tab, for chromedp calls the helpers do not cover.
	Ctx context.Context
}

// Open starts a browser with a tab that lives at most timeout (Tab).
func Open(tb testing.TB, timeout time.Duration) *Session {
	tb.Helper()
	return &Session{tb: tb, Ctx: Tab(tb, timeout)}
}

// Do runs steps in the tab; what names them in the failure.
func (s *Session) Do(what string, steps ...chromedp.Action[chromedp.Void]) {
	s.tb.Helper()
	if err := chromedp.Do(s.Ctx, steps...); err != nil {
		s.tb.Fatalf("%s: %v", what, err)
	}
}

// Eval returns the string a JavaScript expression gives, awaiting it when
// it is a promise.
func (s *Session) Eval(js string) string {
	s.tb.Helper()
	v, err := chromedp.Run(s.Ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		s.tb.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// TextContent returns the text of the first element sel matches, "" when
// there is none, with no-break spaces (as Norwegian numbers have them)
// read as spaces. It does not wait for the element.
func (s *Session) TextContent(sel string) string {
	s.tb.Helper()
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s.Eval(fmt.Sprintf(`(document.querySelector(%q)||{}).textContent||""`, sel)))
}

// Text returns the visible text of the first element sel matches,
// waiting for it to be there, trimmed and with no-break spaces read as
// spaces.
func (s *Session) Text(sel string) string {
	s.tb.Helper()
	v, err := chromedp.Run(s.Ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		s.tb.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(v))
}

// WaitFor polls a JavaScript condition until it is true. The tab's
// deadline bounds the wait, so no wall-clock threshold is put on the work
// itself; when it passes, the failure says what was awaited and, when
// state is not nil, what state gives (such as the page's status line).
func (s *Session) WaitFor(what, cond string, state func() string) {
	s.tb.Helper()
	for {
		ok, err := chromedp.Run(s.Ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if s.Ctx.Err() != nil {
			detail := ""
			if state != nil {
				detail = " (" + state() + ")"
			}
			s.tb.Fatalf("waiting for %s: %v%s", what, s.Ctx.Err(), detail)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
