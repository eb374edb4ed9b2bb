package app

import (
	"container/list"
	"context"
	"reflect"
	"sync"
)

// Cache keeps values computed from the store under the App's data
// version: all of them are dropped when the version changes. An edge
// makes its own (NewCache) for what it renders, under App.Version; the
// App keeps its derived models in one under the digest of the records
// they rest on (modelVersion), so that publishing an input or saving a
// scenario does not make it build them again.
//
// Memory is bounded: each entry is charged its estimated size (SizeOf) to
// the budget of its Class, and when a class is over its budget its least
// recently used entries are dropped. An entry larger than its class's
// whole budget is returned but not kept.
type Cache struct {
	// version reads the version values are kept under: App.Version for
	// an edge's cache, the models' digest for the App's own.
	version func(context.Context) (string, error)

	mu      sync.Mutex
	digest  string
	entries map[string]*list.Element // of *entry
	classes [numClasses]lru
}

// Class is the budget an entry of a Cache is charged to, so that one
// kind of entry cannot push out another.
type Class int

const (
	// Response is a computed response (a page, a map, encoded JSON) for
	// parameters from a small set: structures, years, languages,
	// municipalities. Remember's default.
	Response Class = iota
	// Scratch is the result of free request parameters: a structure
	// search with any floor and seed, a name filter, a threshold. Anyone
	// can ask for endless distinct ones, so they have a small budget of
	// their own and a flood of them evicts only its own kind.
	Scratch
	// Model is the App's own derived models (the catalogue, the
	// evaluation bases, the capacity and economy models): few, large and
	// needed by every request.
	Model
	numClasses
)

// The default budgets, in estimated bytes (SizeOf, which tends to count
// high: memory shared between entries is counted in each). Together they
// keep a server under about 300 MB resident on the hostile-load check
// (scripts/hostile-load, docs/reliability.md). The response budget holds
// every municipality's profile in both languages (about 45 MiB each) with
// room for the other pages, so ordinary browsing is served from memory;
// the free-parameter keys a flood can invent go to the scratch budget.
const (
	ResponseBudget = 128 << 20
	ScratchBudget  = 16 << 20
	ModelBudget    = 96 << 20
)

// entryOverhead is what an entry costs besides its value: the map slot,
// the list element and the entry.
const entryOverhead = 160

type entry struct {
	key   string
	val   any
	size  int64
	class Class
}

// lru is one class's entries, most recently used first.
type lru struct {
	list   list.List
	bytes  int64
	budget int64
}

// NewCache returns an empty cache that follows a's data version, with the
// default budgets.
func (a *App) NewCache() *Cache {
	c := &Cache{version: a.Version, entries: map[string]*list.Element{}}
	for cl, b := range [numClasses]int64{ResponseBudget, ScratchBudget, ModelBudget} {
		c.classes[cl].budget = b
	}
	return c
}

// SetBudget sets the budget of a class in estimated bytes, evicting at
// once what no longer fits.
func (c *Cache) SetBudget(cl Class, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.classes[cl].budget = bytes
	c.evict(cl)
}

// Usage returns the number of entries of a class and their estimated
// bytes.
func (c *Cache) Usage(cl Class) (entries int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.classes[cl].list.Len(), c.classes[cl].bytes
}

// Clear drops every value, whatever the version.
func (c *Cache) Clear() {
	c.mu.Lock()
	c.reset()
	c.mu.Unlock()
}

func (c *Cache) reset() {
	c.entries = map[string]*list.Element{}
	for i := range c.classes {
		c.classes[i].list.Init()
		c.classes[i].bytes = 0
	}
}

// lookup returns the value under key, marking it used. c.mu is held.
func (c *Cache) lookup(key string) (any, bool) {
	el, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	e := el.Value.(*entry)
	c.classes[e.class].list.MoveToFront(el)
	return e.val, true
}

// store keeps val under key in class cl, evicting the least recently
// used entries of the class beyond its budget. c.mu is held.
func (c *Cache) store(key string, val any, cl Class, size int64) {
	if old, ok := c.entries[key]; ok {
		c.remove(old)
	}
	l := &c.classes[cl]
	size += entryOverhead + int64(len(key))
	if size > l.budget {
		return
	}
	c.entries[key] = l.list.PushFront(&entry{key: key, val: val, size: size, class: cl})
	l.bytes += size
	c.evict(cl)
}

func (c *Cache) remove(el *list.Element) {
	e := el.Value.(*entry)
	l := &c.classes[e.class]
	l.list.Remove(el)
	l.bytes -= e.size
	delete(c.entries, e.key)
}

func (c *Cache) evict(cl Class) {
	l := &c.classes[cl]
	for l.bytes > l.budget && l.list.Len() > 0 {
		c.remove(l.list.Back())
	}
}

// Remember returns the value under key for the current data version,
// computing it with fn when missing and keeping it as a Response. The
// version is read before fn runs, so fn reads data at least as new as the
// version the value is kept under; a value is not kept if the version
// moved on meanwhile. Two callers that miss at once may both compute; the
// result is the same.
func Remember[T any](ctx context.Context, c *Cache, key string, fn func() (T, error)) (T, error) {
	return RememberAs(ctx, c, Response, key, fn)
}

// RememberAs is Remember keeping the value in class cl.
func RememberAs[T any](ctx context.Context, c *Cache, cl Class, key string, fn func() (T, error)) (T, error) {
	var zero T
	digest, err := c.version(ctx)
	if err != nil {
		return zero, err
	}
	c.mu.Lock()
	if c.digest != digest {
		c.digest = digest
		c.reset()
	}
	v, ok := c.lookup(key)
	c.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	val, err := fn()
	if err != nil {
		return zero, err
	}
	size := SizeOf(val) // outside the lock: it walks the value
	c.mu.Lock()
	if c.digest == digest {
		c.store(key, val, cl, size)
	}
	c.mu.Unlock()
	return val, nil
}

// remember is Remember on the App's own cache, as a Model.
func remember[T any](ctx context.Context, a *App, key string, fn func() (T, error)) (T, error) {
	return RememberAs(ctx, a.memo, Model, key, fn)
}

// SizeOf estimates the bytes v holds: its own size and all it reaches
// through pointers, slices, strings, maps and interfaces, each pointer and
// backing array counted once per call. It is an estimate for cache
// budgets, not a measure: memory v shares with other values (a graph, an
// interned string) is counted in full, and a map is charged twice its
// slots for the hash table's overhead. Functions and channels count as a
// word.
func SizeOf(v any) int64 {
	if v == nil {
		return 0
	}
	rv := reflect.ValueOf(v)
	w := sizer{seen: map[uintptr]bool{}}
	return int64(rv.Type().Size()) + w.beyond(rv)
}

type sizer struct {
	seen map[uintptr]bool
}

// first reports whether p has not been counted yet, and marks it.
func (w *sizer) first(p uintptr) bool {
	if p == 0 || w.seen[p] {
		return false
	}
	w.seen[p] = true
	return true
}

// beyond returns the bytes v reaches besides its own inline size.
func (w *sizer) beyond(v reflect.Value) int64 {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || !w.first(v.Pointer()) {
			return 0
		}
		e := v.Elem()
		return int64(e.Type().Size()) + w.beyond(e)
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		e := v.Elem()
		if e.Kind() == reflect.Pointer {
			return w.beyond(e)
		}
		return int64(e.Type().Size()) + w.beyond(e)
	case reflect.String:
		return int64(v.Len())
	case reflect.Slice:
		if v.IsNil() || !w.first(v.Pointer()) {
			return 0
		}
		n := int64(v.Cap()) * int64(v.Type().Elem().Size())
		if hasPointers(v.Type().Elem()) {
			for i := range v.Len() {
				n += w.beyond(v.Index(i))
			}
		}
		return n
	case reflect.Array:
		var n int64
		if hasPointers(v.Type().Elem()) {
			for i := range v.Len() {
				n += w.beyond(v.Index(i))
			}
		}
		return n
	case reflect.Struct:
		var n int64
		for i := range v.NumField() {
			if hasPointers(v.Type().Field(i).Type) {
				n += w.beyond(v.Field(i))
			}
		}
		return n
	case reflect.Map:
		if v.IsNil() || !w.first(v.Pointer()) {
			return 0
		}
		t := v.Type()
		n := 48 + 2*int64(v.Len())*int64(t.Key().Size()+t.Elem().Size()+1)
		if hasPointers(t.Key()) || hasPointers(t.Elem()) {
			it := v.MapRange()
			for it.Next() {
				n += w.beyond(it.Key()) + w.beyond(it.Value())
			}
		}
		return n
	}
	return 0
}

// pointerTypes caches hasPointers by type.
var pointerTypes sync.Map // reflect.Type → bool

// hasPointers reports whether a value of type t can reach memory outside
// itself.
func hasPointers(t reflect.Type) bool {
	if b, ok := pointerTypes.Load(t); ok {
		return b.(bool)
	}
	b := reachesOut(t)
	pointerTypes.Store(t, b)
	return b
}

func reachesOut(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	}
	return true
}
