package web

import (
	"net"
	"sync"
	"time"
)

// tokenBuckets limits how often each client address may do something:
// each address has a bucket of burst tokens, refilled evenly over per
// (burst per per), and every action takes one. It lives in memory, per
// server process: behind a load balancer with several processes the limit
// is per process.
type tokenBuckets struct {
	mu      sync.Mutex
	burst   float64
	per     time.Duration
	now     func() time.Time
	buckets map[string]*tokens
}

type tokens struct {
	n    float64
	last time.Time
}

// maxBuckets bounds the memory: when more addresses than this are
// tracked, the full buckets (addresses that have waited long enough) are
// dropped.
const maxBuckets = 50000

func newTokenBuckets(burst int, per time.Duration, now func() time.Time) *tokenBuckets {
	if now == nil {
		now = time.Now
	}
	return &tokenBuckets{burst: float64(burst), per: per, now: now, buckets: map[string]*tokens{}}
}

// take takes a token for addr. When there is none it returns false and how
// long until there is one.
func (b *tokenBuckets) take(addr string) (bool, time.Duration) {
	key := bucketKey(addr)
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	rate := b.burst / float64(b.per) // tokens per nanosecond
	if len(b.buckets) >= maxBuckets {
		for k, t := range b.buckets {
			if t.n+float64(now.Sub(t.last))*rate >= b.burst {
				delete(b.buckets, k)
			}
		}
		if len(b.buckets) >= maxBuckets {
			clear(b.buckets) // rather forget than grow without bound
		}
	}
	t := b.buckets[key]
	if t == nil {
		t = &tokens{n: b.burst, last: now}
		b.buckets[key] = t
	}
	if d := now.Sub(t.last); d > 0 {
		t.n = min(b.burst, t.n+float64(d)*rate)
		t.last = now
	}
	if t.n >= 1 {
		t.n--
		return true, 0
	}
	return false, time.Duration((1 - t.n) / rate)
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
