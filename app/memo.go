package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"time"
)

// version is the App's view of the data version: a digest of the store's
// records, re-read at most once a second.
type version struct {
	mu      sync.Mutex
	digest  string
	checked time.Time // zero: re-read on the next call
}

// Version returns a digest of every record the derived models and the
// published pages rest on: the datasets, the imported indicators, the
// analysts' parameter changes and the imported economy tables. It is
// re-read at most once a second, so a change made by another process is
// seen within a second; Changed makes the next call re-read at once.
func (a *App) Version(ctx context.Context) (string, error) {
	v := &a.version
	v.mu.Lock()
	defer v.mu.Unlock()
	if !v.checked.IsZero() && a.now().Sub(v.checked) < time.Second {
		return v.digest, nil
	}
	d, err := a.readVersion(ctx)
	if err != nil {
		return "", err
	}
	v.digest, v.checked = d, a.now()
	return d, nil
}

func (a *App) readVersion(ctx context.Context) (string, error) {
	h := sha256.New()
	ds, err := a.Store.Datasets(ctx)
	if err != nil {
		return "", err
	}
	for _, d := range ds {
		fmt.Fprintf(h, "d\x00%s\x00%s\x00%d\x00%s\n", d.Name, d.SHA256, d.Rows, d.LoadedAt)
	}
	inds, err := a.Store.Indicators(ctx)
	if err != nil {
		return "", err
	}
	for _, in := range inds {
		fmt.Fprintf(h, "i\x00%s\x00%s\x00%v\n", in.ID, in.CreatedAt, in.Years)
	}
	chs, err := a.Store.ParamChanges(ctx)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "c\x00%d\n", len(chs))
	files, err := a.Store.EconomyFiles(ctx, false)
	if err != nil {
		return "", err
	}
	for _, f := range files {
		fmt.Fprintf(h, "e\x00%s\x00%s\x00%s\n", f.Name, f.SHA256, f.ImportedAt)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Changed makes the next Version re-read the store: for changes this
// process made itself, which must show at once. Values kept under a
// digest that turns out unchanged stay kept.
func (a *App) Changed() {
	a.version.mu.Lock()
	a.version.checked = time.Time{}
	a.version.mu.Unlock()
}

// Cache keeps values computed from the store under the App's data
// version: all of them are dropped when the version changes. The App
// keeps its derived models in one; an edge makes its own (NewCache) for
// what it renders, so both follow the same version.
type Cache struct {
	app *App

	mu      sync.Mutex
	digest  string
	entries map[string]any
}

// NewCache returns an empty cache that follows a's data version.
func (a *App) NewCache() *Cache { return &Cache{app: a, entries: map[string]any{}} }

// Clear drops every value, whatever the version.
func (c *Cache) Clear() {
	c.mu.Lock()
	c.entries = map[string]any{}
	c.mu.Unlock()
}

// Remember returns the value under key for the current data version,
// computing it with fn when missing. The version is read before fn runs,
// so fn reads data at least as new as the version the value is kept
// under; a value is not kept if the version moved on meanwhile. Two
// callers that miss at once may both compute; the result is the same.
func Remember[T any](ctx context.Context, c *Cache, key string, fn func() (T, error)) (T, error) {
	var zero T
	digest, err := c.app.Version(ctx)
	if err != nil {
		return zero, err
	}
	c.mu.Lock()
	if c.digest != digest {
		c.digest, c.entries = digest, map[string]any{}
	}
	v, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	val, err := fn()
	if err != nil {
		return zero, err
	}
	c.mu.Lock()
	if c.digest == digest {
		c.entries[key] = val
	}
	c.mu.Unlock()
	return val, nil
}

// remember is Remember on the App's own cache.
func remember[T any](ctx context.Context, a *App, key string, fn func() (T, error)) (T, error) {
	return Remember(ctx, a.memo, key, fn)
}
