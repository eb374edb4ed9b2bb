package testkit

import (
	"sync"
	"testing"
)

// Once returns a function that gives what load returns, calling load only
// the first time (for the whole test binary), and fails every caller's
// test, not only the first, if load failed. It is for fixtures that are
// costly to parse, such as the embedded reference data.
func Once[T any](load func() (T, error)) func(tb testing.TB) T {
	get := sync.OnceValues(load)
	return func(tb testing.TB) T {
		tb.Helper()
		v, err := get()
		if err != nil {
			tb.Fatal(err)
		}
		return v
	}
}
