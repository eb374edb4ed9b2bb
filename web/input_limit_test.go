package web

import (
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
	if ok || wait != 2*time.Minute {
		t.Fatalf("take 6 = %v, %v; want refused, 2m0s", ok, wait)
	}
	if ok, _ := b.take("192.0.2.2"); !ok {
		t.Error("another address is refused")
	}
	// Two addresses of one IPv6 /64 share a bucket.
	for i := 0; i < 5; i++ {
		b.take("2001:db8::1")
	}
	if ok, _ := b.take("2001:db8::ffff"); ok {
		t.Error("the same /64 is not limited")
	}
	now = now.Add(2 * time.Minute)
	if ok, _ := b.take("192.0.2.1"); !ok {
		t.Error("no token after 2 minutes")
	}
	if ok, _ := b.take("192.0.2.1"); ok {
		t.Error("two tokens after 2 minutes")
	}
}
