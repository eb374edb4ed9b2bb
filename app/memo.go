package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"time"
)

// memo keeps the derived models in memory under the version of the data
// they rest on. Two callers that miss at once may both compute; the
// result is the same.
type memo struct {
	app *App

	mu      sync.Mutex
	version string
	checked time.Time
	entries map[string]any
}

// Version returns a digest of every record the derived models and the
// published pages rest on: the datasets, the imported indicators, the
// analysts' parameter changes and the imported economy tables. It is
// re-read at most once a second, so a change made by another process is
// seen within a second.
func (a *App) Version(ctx context.Context) (string, error) {
	m := &a.memo
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.version != "" && a.now().Sub(m.checked) < time.Second {
		return m.version, nil
	}
	v, err := a.readVersion(ctx)
	if err != nil {
		return "", err
	}
	if v != m.version {
		m.version = v
		m.entries = map[string]any{}
	}
	m.checked = a.now()
	return v, nil
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
// process made itself, which must show at once.
func (a *App) Changed() {
	a.memo.mu.Lock()
	a.memo.version = ""
	a.memo.mu.Unlock()
}

// remember returns the value under key for the current version, computing
// it with fn when missing.
func remember[T any](ctx context.Context, a *App, key string, fn func() (T, error)) (T, error) {
	var zero T
	version, err := a.Version(ctx)
	if err != nil {
		return zero, err
	}
	m := &a.memo
	m.mu.Lock()
	v, ok := m.entries[key]
	m.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	val, err := fn()
	if err != nil {
		return zero, err
	}
	m.mu.Lock()
	if m.version == version {
		m.entries[key] = val
	}
	m.mu.Unlock()
	return val, nil
}
