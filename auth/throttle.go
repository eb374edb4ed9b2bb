package auth

import "time"

// Throttle is the login throttling policy. Failed attempts for a user
// name are counted in the store (so every server process sees them) over
// Window; after Free failures each further attempt must wait, doubling
// from Base up to Max. Per-address limits are the web layer's.
type Throttle struct {
	Window time.Duration
	Free   int
	Base   time.Duration
	Max    time.Duration
}

// DefaultThrottle allows 5 free failures in 15 minutes, then locks the
// name for 30 s, 1 min, 2 min … up to 15 min per further failure.
var DefaultThrottle = Throttle{Window: 15 * time.Minute, Free: 5, Base: 30 * time.Second, Max: 15 * time.Minute}

// Locked reports how long the name stays locked, given the number of
// failures in the window and the time of the last one; 0 when a login
// may be tried now.
func (t Throttle) Locked(failures int, last, now time.Time) time.Duration {
	if failures < t.Free {
		return 0
	}
	wait := t.Base
	for i := t.Free; i < failures && wait < t.Max; i++ {
		wait *= 2
	}
	wait = min(wait, t.Max)
	if left := last.Add(wait).Sub(now); left > 0 {
		return left
	}
	return 0
}
