package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"generalist/app"
)

func TestAdmissionSlots(t *testing.T) {
	ctx := context.Background()
	a := (&Server{}).newAdmission(2) // two slots, one per address, four waiting
	a.waitFor = time.Millisecond
	releaseA, err := a.acquire(ctx, "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.acquire(ctx, "192.0.2.1"); !errors.Is(err, errBusy) {
		t.Errorf("a second computation from one address: %v, want errBusy", err)
	}
	releaseB, err := a.acquire(ctx, "192.0.2.2")
	if err != nil {
		t.Fatalf("another address is refused with a slot free: %v", err)
	}
	if _, err := a.acquire(ctx, "192.0.2.3"); !errors.Is(err, errBusy) {
		t.Errorf("a third computation with both slots taken: %v, want errBusy after the wait", err)
	}
	// One waiting for a slot gets it when one is released.
	a.waitFor = time.Hour
	got := make(chan error)
	go func() {
		release, err := a.acquire(ctx, "192.0.2.3")
		if err == nil {
			release()
		}
		got <- err
	}()
	releaseA()
	releaseA() // a second release is harmless
	if err := <-got; err != nil {
		t.Errorf("a waiting computation did not get the released slot: %v", err)
	}
	// A waiter gives up with its request.
	releaseA, _ = a.acquire(ctx, "192.0.2.1")
	cctx, cancel := context.WithCancel(ctx)
	go func() { got <- func() error { _, err := a.acquire(cctx, "192.0.2.4"); return err }() }()
	cancel()
	if err := <-got; !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled waiter: %v, want context.Canceled", err)
	}
	releaseA()
	releaseB()
	if len(a.holdings) != 0 || a.waiting != 0 || len(a.slots) != 0 {
		t.Errorf("after every release: holdings %v, %d waiting, %d slots taken; want none", a.holdings, a.waiting, len(a.slots))
	}
	// Two addresses of one IPv6 /64 are one.
	a.waitFor = time.Millisecond
	release, err := a.acquire(ctx, bucketKey("2001:db8::1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.acquire(ctx, bucketKey("2001:db8::2")); !errors.Is(err, errBusy) {
		t.Errorf("a second computation from the same /64: %v, want errBusy", err)
	}
	release()
}

// TestExpensiveRoutesRefusedWhenBusy: with every slot taken, a search,
// an ensemble, the search page and an evaluation that would compute get
// 503 with Retry-After before any work, while a search the cache holds
// is still served. (They used to run however many came at once.)
func TestExpensiveRoutesRefusedWhenBusy(t *testing.T) {
	e := newInputEnv(t)
	s := e.srv
	heavy := s.newAdmission(1)
	heavy.waitFor = time.Millisecond
	serve := func(pattern string, h handler, method, target, body string) *httptest.ResponseRecorder {
		t.Helper()
		r := httptest.NewRequest(method, target, strings.NewReader(body))
		r.RemoteAddr = "192.0.2.10:4000"
		if body != "" {
			r.Header.Set("Content-Type", "application/json")
		}
		w := httptest.NewRecorder()
		s.guard(pattern, s.rules[pattern], s.apiError, h)(w, r)
		return w
	}
	search := heavy.lazily(s.apiSearch)
	if w := serve("GET /api/v1/search", search, "GET", "/api/v1/search?floor=5000", ""); w.Code != http.StatusOK {
		t.Fatalf("search with a free slot: %d %s", w.Code, w.Body)
	}
	release, err := heavy.acquire(context.Background(), "198.51.100.1")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if w := serve("GET /api/v1/search", search, "GET", "/api/v1/search?floor=5000", ""); w.Code != http.StatusOK {
		t.Errorf("a cached search with every slot taken: %d, want 200", w.Code)
	}
	for _, tt := range []struct {
		pattern string
		h       handler
		method  string
		target  string
		body    string
		page    bool
	}{
		{"GET /api/v1/search", search, "GET", "/api/v1/search?floor=5000&seed=2", "", false},
		{"GET /api/v1/search/ensemble", heavy.lazily(s.apiSearchEnsemble), "GET", "/api/v1/search/ensemble?floor=5000&steps=100", "", false},
		{"GET /sok", heavy.lazily(s.handleSearch), "GET", "/sok?floor=6000", "", true},
		{"POST /api/v1/evaluate", heavy.lazily(s.apiEvaluate), "POST", "/api/v1/evaluate", `{"name":"x","structure":2024,"year":2026}`, false},
	} {
		w := serve(tt.pattern, tt.h, tt.method, tt.target, tt.body)
		if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
			t.Errorf("%s %s with every slot taken: %d, Retry-After %q; want 503 with Retry-After", tt.method, tt.target, w.Code, w.Header().Get("Retry-After"))
		}
		if ct := w.Header().Get("Content-Type"); tt.page != strings.HasPrefix(ct, "text/html") {
			t.Errorf("%s %s: Content-Type %s", tt.method, tt.target, ct)
		}
	}
	release()
	if w := serve("GET /api/v1/search", search, "GET", "/api/v1/search?floor=5000&seed=2", ""); w.Code != http.StatusOK {
		t.Errorf("search after the slot is free: %d %s", w.Code, w.Body)
	}
}

// TestScratchFloodKeepsPages: searches and name filters with endless
// distinct parameters stay within the scratch budget and never push the
// pages out of the cache.
func TestScratchFloodKeepsPages(t *testing.T) {
	e := newInputEnv(t)
	c := newHTTPClient(t, e.URL, "192.0.2.20")
	budget := int64(512 << 10)
	e.srv.cache.SetBudget(app.Scratch, budget)
	for _, p := range []string{"/kommune/0301", "/api/v1/municipalities", "/api/v1/stats"} {
		if r := c.get(p); r.Status != http.StatusOK {
			t.Fatalf("GET %s: %d", p, r.Status)
		}
	}
	pages, _ := e.srv.cache.Usage(app.Response)
	var one int64
	for i := range 30 {
		if r := c.get(fmt.Sprintf("/api/v1/search?floor=%d&seed=%d", 4000+i, i+1)); r.Status != http.StatusOK {
			t.Fatalf("search %d: %d %s", i, r.Status, r.Body)
		}
		if i == 0 {
			_, one = e.srv.cache.Usage(app.Scratch)
		}
		if r := c.get(fmt.Sprintf("/api/v1/municipalities?q=x%d", i)); r.Status != http.StatusOK {
			t.Fatalf("name filter %d: %d", i, r.Status)
		}
		if r := c.get(fmt.Sprintf("/api/v1/stats?under=%d", 1000+i)); r.Status != http.StatusOK {
			t.Fatalf("threshold %d: %d", i, r.Status)
		}
	}
	t.Logf("one search: %d bytes as estimated", one)
	n, bytes := e.srv.cache.Usage(app.Scratch)
	if bytes > budget || n == 0 {
		t.Errorf("Usage(Scratch) = %d entries, %d bytes after 90 distinct requests; want some, at most %d", n, bytes, budget)
	}
	if after, _ := e.srv.cache.Usage(app.Response); after != pages {
		t.Errorf("the cache held %d responses before the flood and %d after; want the same", pages, after)
	}
}

// stalledBody sends a few bytes of a scenario, then waits for release
// before the rest, as a client that stalls on purpose would.
type stalledBody struct {
	head    []byte
	rest    []byte
	release chan struct{}
}

func (b *stalledBody) Read(p []byte) (int, error) {
	if len(b.head) > 0 {
		n := copy(p, b.head)
		b.head = b.head[n:]
		return n, nil
	}
	<-b.release
	if len(b.rest) == 0 {
		return 0, io.EOF
	}
	n := copy(p, b.rest)
	b.rest = b.rest[n:]
	return n, nil
}

// TestSlowBodyHoldsNoSlot: an evaluation whose client stalls while
// sending its body holds no slot, so others' computations go on. (The
// slot used to be taken before the body was read.)
func TestSlowBodyHoldsNoSlot(t *testing.T) {
	e := newInputEnv(t)
	s := e.srv
	heavy := s.newAdmission(1)
	heavy.waitFor = 50 * time.Millisecond
	body := []byte(`{"name":"x","structure":2024,"year":2026}`)
	slow := &stalledBody{head: body[:5], rest: body[5:], release: make(chan struct{})}
	r := httptest.NewRequest("POST", "/api/v1/evaluate", slow)
	r.RemoteAddr = "192.0.2.30:4000"
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.guard("POST /api/v1/evaluate", s.rules["POST /api/v1/evaluate"], s.apiError, heavy.lazily(s.apiEvaluate))(w, r)
	}()
	// While that body stalls, another address gets the only slot.
	var err error
	for range 20 { // give the stalled request time to reach its body
		var release func()
		if release, err = heavy.acquire(context.Background(), "198.51.100.7"); err == nil {
			release()
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err != nil {
		t.Errorf("another address's computation while a body stalls: %v, want a slot", err)
	}
	close(slow.release)
	<-done
	if w.Code != http.StatusOK {
		t.Errorf("the stalled evaluation, once sent: %d %s", w.Code, w.Body)
	}
}
