package web

import (
	"context"

	"generalist/app"
)

// The server's cache keeps computed responses (rows of a structure,
// rendered map SVGs, encoded JSON) in an app.Cache: under the
// application's data version (app.Version: the datasets, indicators,
// parameter changes and economy tables, re-read at most once a second).
// A change therefore shows within a second, also one made by another
// process, and between changes every response after the first is served
// from memory.

// get returns the entry for key, computing it with fn when missing.
func get[T any](ctx context.Context, c *app.Cache, key string, fn func() (T, error)) (T, error) {
	return app.Remember(ctx, c, key, fn)
}

// invalidate shows a change this process made at once: the application
// re-reads the data version on the next request, and the responses kept
// so far are dropped (some rest on records outside the version, such as
// the cooperation registry).
func (s *Server) invalidate() {
	s.app.Changed()
	s.cache.Clear()
}
