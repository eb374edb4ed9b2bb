package web

import (
	"container/list"
	"net"
	"sync"
	"time"
)

// tokenBuckets limits how often each client address may do something: at
// most n actions in any window of length per (a sliding window: each
// address keeps the times of its last n actions, and a new one is allowed
// when the oldest of them is at least per ago). A refused attempt is not
// counted, so hammering does not extend the wait. It lives in memory, per
// server process: behind a load balancer with several processes the limit
// is per process.
//
// (It was a token bucket of n refilled evenly over per, which let about
// 2n through in one window; the name stays for its callers.)
type tokenBuckets struct {
	mu  sync.Mutex
	n   int
	per time.Duration
	now func() time.Time
	// max bounds the addresses tracked; past it the least recently seen
	// address is forgotten, one at a time, so that cycling through many
	// addresses never resets the others' windows all at once.
	max   int
	byKey map[string]*list.Element // of *window
	lru   *list.List               // most recently seen at the front
}

// window is one address's recent actions, oldest first (at most n).
type window struct {
	key   string
	times []time.Time
}

// maxAddresses bounds the memory (about 200 bytes an address).
const maxAddresses = 50000

func newTokenBuckets(n int, per time.Duration, now func() time.Time) *tokenBuckets {
	if now == nil {
		now = time.Now
	}
	return &tokenBuckets{n: n, per: per, now: now, max: maxAddresses, byKey: map[string]*list.Element{}, lru: list.New()}
}

// take records an action for addr. When addr has had n actions in the
// last per it returns false and how long until the oldest of them leaves
// the window.
func (b *tokenBuckets) take(addr string) (bool, time.Duration) {
	key := bucketKey(addr)
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	el := b.byKey[key]
	if el == nil {
		for b.lru.Len() >= b.max {
			oldest := b.lru.Back()
			delete(b.byKey, oldest.Value.(*window).key)
			b.lru.Remove(oldest)
		}
		el = b.lru.PushFront(&window{key: key, times: make([]time.Time, 0, b.n)})
		b.byKey[key] = el
	} else {
		b.lru.MoveToFront(el)
	}
	w := el.Value.(*window)
	if b.n <= 0 {
		return false, b.per
	}
	i := 0
	for i < len(w.times) && !now.Before(w.times[i].Add(b.per)) {
		i++
	}
	w.times = append(w.times[:0], w.times[i:]...)
	if len(w.times) >= b.n {
		return false, w.times[0].Add(b.per).Sub(now)
	}
	w.times = append(w.times, now)
	return true, 0
}

// bucketKey is the address a limit applies to: an IPv4 address, or the
// /64 network of an IPv6 address (one subscriber usually has a whole /64).
func bucketKey(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil {
		return addr
	}
	if v4 := ip.To4(); v4 != nil {
		return v4.String()
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}
