package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"time"
)

// Admission: the expensive public routes (a structure search, an
// ensemble, the /sok page with its ensemble, POST /api/v1/evaluate) take
// tens of milliseconds to seconds of CPU each, and anyone may call them.
// They run in a few slots per process, one core each, so that the pages
// and the cheap API keep at least one core whatever the public asks:
//
//   - slots: GOMAXPROCS − 1, at least 1, computations at once; each runs
//     its search or ensemble on one goroutine (optimize's Workers = 1, which
//     does not change the result);
//   - one address (an IPv6 /64, bucketKey) holds at most half the slots, at least
//     one, running or waiting;
//   - a request finds a free slot or waits for one up to admissionWait,
//     with at most 2 × slots waiting; otherwise it gets 503 with
//     Retry-After, before any work.
//
// A search served from the cache takes no slot: the routes ask for a slot
// (lazily, then admit) only around the computation itself, never while a
// client sends its body or reads the answer, which a slow client could
// stretch to the server's timeouts.

// admissionWait is how long a request waits for a slot before 503: longer
// than the longest computation (searchTimeout), so that a request waiting
// behind one address's back-to-back computations is served first (the
// slots are a channel, whose waiting senders go in order), even with a
// single slot; the queue's bound still refuses a flood at once.
const admissionWait = searchTimeout + time.Second

// retryAfter is the Retry-After of a refused request, in seconds.
const retryAfter = 2

// admission is the slots of one server's expensive work.
type admission struct {
	s        *Server
	slots    chan struct{}
	perAddr  int
	maxWait  int
	waitFor  time.Duration
	mu       sync.Mutex
	waiting  int
	holdings map[string]int // running or waiting, per address
}

// newAdmission returns the admission of s with the given number of slots
// (0: GOMAXPROCS − 1, at least 1).
func (s *Server) newAdmission(slots int) *admission {
	if slots <= 0 {
		slots = max(1, runtime.GOMAXPROCS(0)-1)
	}
	return &admission{s: s, slots: make(chan struct{}, slots), perAddr: max(1, slots/2), maxWait: 2 * slots,
		waitFor: admissionWait, holdings: map[string]int{}}
}

// errBusy refuses a computation: every slot (or the address's share) is
// taken. The admission wrappers answer it with 503.
var errBusy = errors.New("web: too many computations at once")

// acquire takes a slot for addr, waiting up to a.waitFor, and returns its
// release.
func (a *admission) acquire(ctx context.Context, addr string) (func(), error) {
	a.mu.Lock()
	if a.holdings[addr] >= a.perAddr {
		a.mu.Unlock()
		return nil, errBusy
	}
	select {
	case a.slots <- struct{}{}:
		a.holdings[addr]++
		a.mu.Unlock()
		return a.releaser(addr), nil
	default:
	}
	if a.waiting >= a.maxWait {
		a.mu.Unlock()
		return nil, errBusy
	}
	a.waiting++
	a.holdings[addr]++
	a.mu.Unlock()
	t := time.NewTimer(a.waitFor)
	defer t.Stop()
	var err error
	select {
	case a.slots <- struct{}{}:
	case <-t.C:
		err = errBusy
	case <-ctx.Done():
		err = ctx.Err()
	}
	a.mu.Lock()
	a.waiting--
	if err != nil {
		a.drop(addr)
	}
	a.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return a.releaser(addr), nil
}

func (a *admission) releaser(addr string) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			<-a.slots
			a.mu.Lock()
			a.drop(addr)
			a.mu.Unlock()
		})
	}
}

// drop forgets one holding of addr; a.mu is held.
func (a *admission) drop(addr string) {
	if a.holdings[addr]--; a.holdings[addr] <= 0 {
		delete(a.holdings, addr)
	}
}

// admitKey carries a request's admission ticket in its context.
type admitKey struct{}

type ticket struct {
	a    *admission
	addr string
}

// lazily marks h's route as expensive on a cache miss: its computations
// call admit, which takes a slot.
func (a *admission) lazily(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		ctx := context.WithValue(r.Context(), admitKey{}, ticket{a, bucketKey(a.s.clientIP(r))})
		return a.refuse(w, r, h(w, r.WithContext(ctx)))
	}
}

// refuse answers errBusy with 503 and Retry-After, and so a request
// whose client left while it waited (nobody reads the answer; it is no
// internal error); other errors go on.
func (a *admission) refuse(w http.ResponseWriter, r *http.Request, err error) error {
	gone := errors.Is(err, context.Canceled) && r.Context().Err() != nil
	if !errors.Is(err, errBusy) && !gone {
		return err
	}
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	text := fmt.Sprintf("the server is busy with other computations; try again in %d seconds", retryAfter)
	if isAPI(r) {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"error": map[string]string{"code": "busy", "message": text}})
		return nil
	}
	a.s.render(w, r, http.StatusServiceUnavailable, "error.tmpl", page{Title: msg(langOf(r), "error"), Data: errorPage{Text: text}})
	return nil
}

func isAPI(r *http.Request) bool { return len(r.URL.Path) >= 5 && r.URL.Path[:5] == "/api/" }

// admit takes a slot for the expensive computation of a request that
// came through lazily, and returns its release; elsewhere (a command, a
// test calling the method directly) it takes none. It returns errBusy
// when the request must be refused.
func admit(ctx context.Context) (func(), error) {
	t, ok := ctx.Value(admitKey{}).(ticket)
	if !ok {
		return func() {}, nil
	}
	return t.a.acquire(ctx, t.addr)
}
