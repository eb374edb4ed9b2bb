package web

import (
	"context"
	"sync"

	"generalist/app"
)

// cache keeps computed responses (rows of a structure, rendered map SVGs,
// encoded JSON) in memory under the application's data version
// (app.Version: the datasets, indicators, parameter changes and economy
// tables, re-read at most once a second). A change therefore shows within
// a second, also one made by another process, and between changes every
// response after the first is served from memory.
type cache struct {
	app *app.App

	mu      sync.Mutex
	version string
	entries map[string]any
}

func newCache(a *app.App) *cache {
	return &cache{app: a, entries: map[string]any{}}
}

// refresh drops every entry when the data version changed.
func (c *cache) refresh(ctx context.Context) error {
	v, err := c.app.Version(ctx)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v != c.version {
		c.version = v
		c.entries = map[string]any{}
	}
	return nil
}

// get returns the entry for key, computing it with fn when missing. Two
// requests that miss at once may both compute; the result is the same.
func get[T any](ctx context.Context, c *cache, key string, fn func() (T, error)) (T, error) {
	var zero T
	if err := c.refresh(ctx); err != nil {
		return zero, err
	}
	c.mu.Lock()
	v, ok := c.entries[key]
	version := c.version
	c.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	val, err := fn()
	if err != nil {
		return zero, err
	}
	c.mu.Lock()
	if c.version == version {
		c.entries[key] = val
	}
	c.mu.Unlock()
	return val, nil
}

// invalidate makes the next request re-read the version, for changes this
// process made itself and must show at once.
func (c *cache) invalidate() {
	c.app.Changed()
	c.mu.Lock()
	c.version = ""
	c.entries = map[string]any{}
	c.mu.Unlock()
}
