package auth

import "time"

// Throttle is the sign-in throttling policy. Failed attempts are counted
// in the store (so every server process sees them) over Window, per user
// name and client address: after Free failures of a name from one
// address, that address must wait before trying the name again, doubling
// from Base up to Max. An attacker's failures thus lock only the
// attacker's own address, and the owner signing in from an address with
// no recent failures is never refused.
//
// Guessing stays bounded per name through Busy: once a name has had Busy
// failures in the window from all addresses together, every address gets
// a single try at it before its own lock, instead of Free. Per-address
// limits across names are the web layer's.
type Throttle struct {
	Window time.Duration
	Free   int
	Base   time.Duration
	Max    time.Duration
	Busy   int // 0: no per-name rule
}

// DefaultThrottle allows 5 free failures per name and address in 15
// minutes, then locks the pair for 30 s, 1 min, 2 min … up to 15 min per
// further failure; once a name has had 20 failures in 15 minutes, each
// address gets one try before its lock.
var DefaultThrottle = Throttle{Window: 15 * time.Minute, Free: 5, Base: 30 * time.Second, Max: 15 * time.Minute, Busy: 20}

// Failures are the failed sign-ins counted for one attempt, in the
// window: Name from every address, Pair from the attempt's own address,
// and the time of the pair's last failure.
type Failures struct {
	Name     int
	Pair     int
	PairLast time.Time
}

// Wait reports how long the attempt's address must wait before trying
// the name again; 0 when it may try now. An address without failures of
// its own in the window never waits, whatever other addresses did.
func (t Throttle) Wait(f Failures, now time.Time) time.Duration {
	free := t.Free
	if t.Busy > 0 && f.Name >= t.Busy {
		free = min(free, 1)
	}
	return t.lock(free, f.Pair, f.PairLast, now)
}

// Locked reports how long a name and address pair stays locked, given
// the pair's number of failures in the window and the time of the last
// one; 0 when a sign-in may be tried now.
func (t Throttle) Locked(failures int, last, now time.Time) time.Duration {
	return t.lock(t.Free, failures, last, now)
}

func (t Throttle) lock(free, failures int, last, now time.Time) time.Duration {
	if failures < max(free, 1) {
		return 0
	}
	wait := t.Base
	for i := free; i < failures && wait < t.Max; i++ {
		wait *= 2
	}
	wait = min(wait, t.Max)
	if left := last.Add(wait).Sub(now); left > 0 {
		return left
	}
	return 0
}
