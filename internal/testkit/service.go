package testkit

import (
	"context"
	"testing"
	"time"
)

// Service is something a test starts and stops, such as a job queue.
type Service interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
}

// Started starts s and returns it; when tb ends, s is stopped (with up to
// ten seconds to finish what it runs) and the context it was started with
// is cancelled.
func Started[S Service](tb testing.TB, s S) S {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	if err := s.Start(ctx); err != nil {
		cancel()
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		stop, c := context.WithTimeout(context.Background(), 10*time.Second)
		defer c()
		s.Stop(stop)
		cancel()
	})
	return s
}
