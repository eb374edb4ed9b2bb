package web

import (
	"fmt"
	"testing"
	"time"
)

func TestTokenBuckets(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	b := newTokenBuckets(5, 10*time.Minute, func() time.Time { return now })
	for i := 0; i < 5; i++ {
		if ok, _ := b.take("192.0.2.1"); !ok {
			t.Fatalf("take %d refused", i+1)
		}
	}
	ok, wait := b.take("192.0.2.1")
	if ok || wait != 10*time.Minute {
		t.Fatalf("take 6 = %v, %v; want refused, 10m0s", ok, wait)
	}
	if ok, _ := b.take("192.0.2.2"); !ok {
		t.Error("another address is refused")
	}
	// Two addresses of one IPv6 /64 share a limit.
	for i := 0; i < 5; i++ {
		b.take("2001:db8::1")
	}
	if ok, _ := b.take("2001:db8::ffff"); ok {
		t.Error("the same /64 is not limited")
	}
	now = now.Add(2 * time.Minute)
	if ok, wait := b.take("192.0.2.1"); ok || wait != 8*time.Minute {
		t.Errorf("take after 2 minutes = %v, %v; want refused, 8m0s", ok, wait)
	}
	now = now.Add(8 * time.Minute)
	for i := 0; i < 5; i++ {
		if ok, _ := b.take("192.0.2.1"); !ok {
			t.Fatalf("take %d after 10 minutes refused", i+1)
		}
	}
	if ok, _ := b.take("192.0.2.1"); ok {
		t.Error("six takes after 10 minutes")
	}
}

// TestTokenBucketsWindow: an address trying every 10 seconds gets exactly
// 5 through in any 10 minutes, as the README says (a bucket refilled one
// token per 2 minutes let 9 through).
func TestTokenBucketsWindow(t *testing.T) {
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	now := start
	b := newTokenBuckets(5, 10*time.Minute, func() time.Time { return now })
	var allowed []time.Time
	for now = start; now.Before(start.Add(time.Hour)); now = now.Add(10 * time.Second) {
		if ok, _ := b.take("192.0.2.1"); ok {
			allowed = append(allowed, now)
		}
	}
	for i := range allowed {
		n := 0
		for _, a := range allowed[i:] {
			if a.Before(allowed[i].Add(10 * time.Minute)) {
				n++
			}
		}
		if n > 5 {
			t.Fatalf("%d inputs in the 10 minutes from %s, want at most 5", n, allowed[i].Sub(start))
		}
	}
	if len(allowed) != 30 {
		t.Errorf("%d inputs in an hour, want 30", len(allowed))
	}
}

// TestTokenBucketsFull: cycling through more addresses than the table
// holds forgets the least recently seen ones, never every address at
// once: an address that keeps trying stays limited.
func TestTokenBucketsFull(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	b := newTokenBuckets(5, 10*time.Minute, func() time.Time { return now })
	for i := 0; i < 5; i++ {
		b.take("192.0.2.1")
	}
	for i := range 2 * maxAddresses {
		if ok, _ := b.take(fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255)); !ok {
			t.Fatalf("new address %d refused", i)
		}
		if i%1000 == 0 {
			if ok, _ := b.take("192.0.2.1"); ok {
				t.Fatalf("after %d other addresses, the limited address is let through", i+1)
			}
		}
	}
	if n := b.lru.Len(); n > maxAddresses || len(b.byKey) != n {
		t.Errorf("%d addresses tracked (%d keys), want at most %d", n, len(b.byKey), maxAddresses)
	}
}

// TestSignInLimiterFull: past 100,000 addresses in one window the sign-in
// limiter forgets the addresses under their limit, never a limited one,
// so cycling through addresses cannot set a guesser free. (It used to
// forget every address at once.)
func TestSignInLimiterFull(t *testing.T) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	l := newLimiter(3, time.Minute, func() time.Time { return now })
	for range 3 {
		l.allow("203.0.113.5")
	}
	if l.allow("203.0.113.5") {
		t.Fatal("a fourth attempt within the window was allowed")
	}
	for i := range 100001 {
		l.allow(fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
	}
	if l.allow("203.0.113.5") {
		t.Error("after 100,001 other addresses the limited address was allowed again")
	}
	if len(l.seen) > 100003 {
		t.Errorf("the limiter keeps %d addresses", len(l.seen))
	}
}
