package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
)

// The data version (docs/decisions/0015-data-version.md). The store keeps
// a counter that its triggers move in the same transaction as every
// change to public data (generalist.DataVersionStore); the App reads it
// on every call of Version, one small query, and recomputes the digest of
// the records its models rest on only when the counter has moved. A
// change made through any process on the store is therefore seen by the
// next request of every other, and what nothing changed under stays kept.
//
// Two things keep the reads few under load. Callers that arrive while a
// read is running wait for the next one, which starts when the running
// one ends and serves them all (readCounter): at most one query runs per
// App, and each caller gets a counter read after it arrived. And a
// request reads the version once (WithVersion): every cache it consults
// during the request uses that reading.

// version is the App's view of the data version.
type version struct {
	// mu guards the reading below and serialises the digest's
	// recomputation.
	mu    sync.Mutex
	state versionState

	// rmu guards the batching of counter reads.
	rmu     sync.Mutex
	running bool
	next    *counterRead
}

// versionState is one reading of the data version.
type versionState struct {
	// ok is false before the first reading and after Changed.
	ok bool
	// n is the store's counter.
	n int64
	// models is the digest of the records the derived models rest on;
	// full is what Version returns: the counter and that digest.
	models, full string
}

// counterRead is one read of the store's counter, shared by the callers
// that arrived before it started.
type counterRead struct {
	done chan struct{}
	n    int64
	err  error
}

// Version returns the data version: a string that changes whenever a
// record a published page or a derived model rests on has changed — the
// datasets, the imported indicators, the analysts' parameter changes, the
// imported economy tables, the cooperation registry, stored scenarios and
// published inputs — made through this process or any other on the
// store. It costs one small query (shared with concurrent callers), or
// nothing within a request that has read it already (WithVersion).
func (a *App) Version(ctx context.Context) (string, error) {
	s, err := a.versionState(ctx)
	return s.full, err
}

// modelVersion is the digest of the records the derived models rest on:
// it moves only with the datasets, indicators, parameter changes,
// economy tables and the cooperation registry.
func (a *App) modelVersion(ctx context.Context) (string, error) {
	s, err := a.versionState(ctx)
	return s.models, err
}

// Changed makes the next Version compute the models' digest again, as
// after a change of the counter. The counter is read on every call
// anyway, so a change made through this App shows at once without it;
// values kept under a digest that turns out unchanged stay kept.
func (a *App) Changed() {
	a.version.mu.Lock()
	a.version.state.ok = false
	a.version.mu.Unlock()
}

// pinKey is the context key of a request's reading of the version.
type pinKey struct{}

// pin holds the first reading of the version in a request.
type pin struct {
	mu    sync.Mutex
	done  bool
	state versionState
}

// WithVersion returns a context in which the data version is read at
// most once: the first Version (or cache lookup) under it reads the
// store, later ones reuse that reading. An edge wraps each request's
// context in it, so that a request sees one version throughout and pays
// for one reading. A value computed after a write in the same request is
// newer than the reading it is kept under, never older, so a write does
// not make the pin unsafe.
func WithVersion(ctx context.Context) context.Context {
	return context.WithValue(ctx, pinKey{}, &pin{})
}

func (a *App) versionState(ctx context.Context) (versionState, error) {
	p, _ := ctx.Value(pinKey{}).(*pin)
	if p == nil {
		return a.readVersionState(ctx)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return p.state, nil
	}
	s, err := a.readVersionState(ctx)
	if err == nil {
		p.state, p.done = s, true
	}
	return s, err
}

// readVersionState reads the counter and, when it has moved, the digest.
func (a *App) readVersionState(ctx context.Context) (versionState, error) {
	n, err := a.readCounter(ctx)
	if err != nil {
		return versionState{}, err
	}
	v := &a.version
	v.mu.Lock()
	defer v.mu.Unlock()
	// A reading older than the one kept (a slower concurrent caller)
	// gets the newer: the data it goes on to read is at least as new.
	if v.state.ok && n <= v.state.n {
		return v.state, nil
	}
	d, err := a.readDigest(ctx)
	if err != nil {
		return versionState{}, err
	}
	v.state = versionState{ok: true, n: n, models: d, full: fmt.Sprintf("%d-%s", n, d[:16])}
	return v.state, nil
}

// readCounter reads the store's counter. A caller that arrives while a
// read is running joins the next read, which starts when the running one
// ends: every caller gets a value read after it arrived, and at most one
// query runs at a time.
func (a *App) readCounter(ctx context.Context) (int64, error) {
	v := &a.version
	v.rmu.Lock()
	if v.next == nil {
		v.next = &counterRead{done: make(chan struct{})}
	}
	r := v.next
	if !v.running {
		v.running = true
		v.next = nil
		v.rmu.Unlock()
		go a.runCounterReads(context.WithoutCancel(ctx), r)
	} else {
		v.rmu.Unlock()
	}
	select {
	case <-r.done:
		return r.n, r.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// runCounterReads runs r, then the reads callers queued meanwhile, one
// after the other, until none is waiting.
func (a *App) runCounterReads(ctx context.Context, r *counterRead) {
	v := &a.version
	for r != nil {
		r.n, r.err = a.Store.DataVersion(ctx)
		close(r.done)
		v.rmu.Lock()
		r, v.next = v.next, nil
		if r == nil {
			v.running = false
		}
		v.rmu.Unlock()
	}
}

// readDigest is a digest of the records the derived models rest on.
func (a *App) readDigest(ctx context.Context) (string, error) {
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
	reg, err := a.Store.IMCRegistryState(ctx)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "r\x00%d\x00%d\x00%d\n", reg.Cooperations, reg.Revisions, reg.LastID)
	return hex.EncodeToString(h.Sum(nil)), nil
}
