package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"generalist"
	"generalist/web"
)

// fromAddress sends every request as if from addr (the server trusts
// X-Forwarded-For).
type fromAddress string

func (a fromAddress) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Forwarded-For", string(a))
	return http.DefaultTransport.RoundTrip(r)
}

// TestLoginNoLockout: wrong passwords for a name from other addresses
// lock those addresses, never the owner signing in from an address
// without failures of its own; and once a name has had many failures,
// each further address gets one try before it is locked (guessing stays
// bounded).
func TestLoginNoLockout(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	a := newAuthServer(t, func(c *web.Config) {
		c.TrustProxy = true
		c.Now = func() time.Time { return now }
	})
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	from := func(addr string) *client {
		c := newClient(t, a.URL)
		c.http.Transport = fromAddress(addr)
		return c
	}
	try := func(c *client, password string) int {
		t.Helper()
		code, _ := c.form("/logg-inn", url.Values{"name": {"analytiker"}, "password": {password}})
		return code
	}

	attacker := from("203.0.113.1")
	for i := range 6 {
		code := try(attacker, "wrong password x")
		if want := map[bool]int{true: http.StatusUnauthorized, false: http.StatusTooManyRequests}[i < 5]; code != want {
			t.Errorf("wrong password %d from one address = %d, want %d", i+1, code, want)
		}
	}
	if code := try(from("203.0.113.2"), "wrong password y"); code != http.StatusUnauthorized {
		t.Errorf("a wrong password from a second address = %d, want 401", code)
	}
	if code := try(from("198.51.100.9"), testPassword); code != http.StatusSeeOther {
		t.Errorf("the right password from a new address after 7 failures from others = %d, want 303 (signed in)", code)
	}
	if code := try(attacker, testPassword); code != http.StatusTooManyRequests {
		t.Errorf("the right password from the locked address = %d, want 429", code)
	}

	// Twenty failures in all: each new address now gets one try.
	for i := 3; i <= 14; i++ {
		if code := try(from(fmt.Sprintf("203.0.113.%d", i)), "wrong password z"); code != http.StatusUnauthorized {
			t.Fatalf("a wrong password from address %d = %d, want 401", i, code)
		}
	}
	late := from("192.0.2.50")
	if code := try(late, "wrong password w"); code != http.StatusUnauthorized {
		t.Errorf("a new address's first wrong password on a busy name = %d, want 401", code)
	}
	if code := try(late, "wrong password v"); code != http.StatusTooManyRequests {
		t.Errorf("a new address's second try on a busy name = %d, want 429", code)
	}
	if code := try(from("192.0.2.60"), testPassword); code != http.StatusSeeOther {
		t.Errorf("the right password from a new address on a busy name = %d, want 303", code)
	}
}

// TestLoginThrottleIPv6Network: addresses of one IPv6 /64 are one address
// to the sign-in throttle, so cycling through them does not get a guesser
// past its lock. (Each full address used to count on its own.)
func TestLoginThrottleIPv6Network(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	a := newAuthServer(t, func(c *web.Config) {
		c.TrustProxy = true
		c.Now = func() time.Time { return now }
	})
	addUser(t, a.db, "analytiker", generalist.UserAnalyst, "")
	locked := 0
	for i := range 8 {
		c := newClient(t, a.URL)
		c.http.Transport = fromAddress(fmt.Sprintf("2001:db8:1:2::%x", i+1))
		code, _ := c.form("/logg-inn", url.Values{"name": {"analytiker"}, "password": {"wrong password"}})
		if code == http.StatusTooManyRequests {
			locked++
		}
	}
	if locked < 3 {
		t.Errorf("8 wrong passwords from 8 addresses of one /64: %d refused as locked, want the ones after the fifth", locked)
	}
}
