package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"time"

	"generalist"
)

// cache keeps computed responses (rows of a structure, rendered map SVGs,
// encoded JSON) in memory. The data changes only when datasets or
// indicators are imported or the task parameters changed, possibly by
// another process, so every entry is keyed by a version: a digest of the
// dataset list, the indicator list and the parameter history, re-read at
// most once per second. A change therefore shows within a second, and
// between changes every response after the first is served from memory.
type cache struct {
	store   generalist.AtlasStore
	inds    generalist.IndicatorStore // may be nil
	changes generalist.CatalogueStore // may be nil
	now     func() time.Time

	mu      sync.Mutex
	version string
	checked time.Time
	entries map[string]any
}

func newCache(cfg Config) *cache {
	return &cache{store: cfg.Store, inds: cfg.Indicators, changes: cfg.Changes, now: cfg.Now, entries: map[string]any{}}
}

// refresh re-reads the dataset list if it is more than a second old and
// drops every entry when it changed.
func (c *cache) refresh(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != "" && c.now().Sub(c.checked) < time.Second {
		return nil
	}
	ds, err := c.store.Datasets(ctx)
	if err != nil {
		return err
	}
	h := sha256.New()
	for _, d := range ds {
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00%s\n", d.Name, d.SHA256, d.Rows, d.LoadedAt)
	}
	if c.inds != nil {
		inds, err := c.inds.Indicators(ctx)
		if err != nil {
			return err
		}
		for _, in := range inds {
			fmt.Fprintf(h, "i\x00%s\x00%s\x00%v\n", in.ID, in.CreatedAt, in.Years)
		}
	}
	if c.changes != nil {
		chs, err := c.changes.ParamChanges(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "c\x00%d", len(chs))
	}
	v := hex.EncodeToString(h.Sum(nil))
	if v != c.version {
		c.version = v
		c.entries = map[string]any{}
	}
	c.checked = c.now()
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
	c.mu.Lock()
	c.version = ""
	c.mu.Unlock()
}
