package app_test

import (
	"context"
	"fmt"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/storetest"
)

// TestCacheBoundedByBytes fills a cache with 10,000 distinct keys of
// 64 KiB each (625 MiB as estimated, far over the default budget), as an
// anonymous flood of distinct requests would: the cache must drop the
// least recently used entries and keep what is still asked for. The
// values share one array, so the test itself needs no memory. (The cache
// used to keep every entry.)
func TestCacheBoundedByBytes(t *testing.T) {
	ctx := context.Background()
	a := app.New(storetest.OpenSQLite(t))
	c := a.NewCache()
	shared := make([]byte, 64<<10)
	computed := map[string]int{}
	value := func(key string) []byte {
		t.Helper()
		v, err := app.Remember(ctx, c, key, func() ([]byte, error) {
			computed[key]++
			return shared[:len(shared):len(shared)], nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for i := range 10000 {
		value(fmt.Sprint("flood/", i))
		value("hot") // asked for all along
	}
	value("flood/0")
	if computed["flood/0"] != 2 {
		t.Errorf("the first of 10,000 entries of 64 KiB was computed %d times; want 2 (dropped, then computed again)", computed["flood/0"])
	}
	if computed["hot"] != 1 {
		t.Errorf("an entry asked for at every step was computed %d times; want once", computed["hot"])
	}
	n, bytes := c.Usage(app.Response)
	if bytes > app.ResponseBudget || n > app.ResponseBudget/(64<<10) {
		t.Errorf("Usage(Response) = %d entries, %d bytes; want at most %d bytes", n, bytes, app.ResponseBudget)
	}
}

// TestCacheClassesApart: a flood of scratch entries (free request
// parameters) evicts only scratch entries, never responses or models.
func TestCacheClassesApart(t *testing.T) {
	ctx := context.Background()
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	c := a.NewCache()
	c.SetBudget(app.Scratch, 1<<20)
	calls := 0
	page := func() {
		t.Helper()
		if _, err := app.Remember(ctx, c, "page", func() ([]byte, error) { calls++; return make([]byte, 1000), nil }); err != nil {
			t.Fatal(err)
		}
	}
	page()
	model, err := a.Capacity(ctx, generalist.Structure2024, 2026, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 1000 {
		if _, err := app.RememberAs(ctx, c, app.Scratch, fmt.Sprint("search/", i), func() ([]byte, error) { return make([]byte, 10000), nil }); err != nil {
			t.Fatal(err)
		}
	}
	page()
	if calls != 1 {
		t.Errorf("the page was computed %d times around 1,000 scratch entries; want once", calls)
	}
	if n, bytes := c.Usage(app.Scratch); bytes > 1<<20 || n == 0 {
		t.Errorf("Usage(Scratch) = %d entries, %d bytes; want some, at most 1 MiB", n, bytes)
	}
	again, err := a.Capacity(ctx, generalist.Structure2024, 2026, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again != model {
		t.Error("the App computed its capacity model again")
	}
}

// TestCacheKeepsNothingOverBudget: an entry larger than its class's
// budget is returned, not kept.
func TestCacheKeepsNothingOverBudget(t *testing.T) {
	ctx := context.Background()
	c := app.New(storetest.OpenSQLite(t)).NewCache()
	c.SetBudget(app.Response, 1000)
	for range 2 {
		v, err := app.Remember(ctx, c, "big", func() ([]byte, error) { return make([]byte, 2000), nil })
		if err != nil || len(v) != 2000 {
			t.Fatalf("Remember = %d bytes, %v; want 2000, nil", len(v), err)
		}
	}
	if n, bytes := c.Usage(app.Response); n != 0 || bytes != 0 {
		t.Errorf("Usage(Response) = %d, %d; want 0, 0", n, bytes)
	}
}

func TestSizeOf(t *testing.T) {
	type node struct {
		Name string
		Next *node
		Vals []float64
		M    map[string]int
	}
	cyc := &node{Name: "abc", Vals: make([]float64, 100), M: map[string]int{"x": 1}}
	cyc.Next = cyc
	shared := make([]byte, 1000)
	for _, tt := range []struct {
		name   string
		v      any
		lo, hi int64
	}{
		{"nil", nil, 0, 0},
		{"bytes", make([]byte, 1000), 1000, 1100},
		{"string", string(make([]byte, 500)), 500, 600},
		{"cycle", cyc, 800 + 3, 1400},
		{"shared once", [][]byte{shared, shared}, 1000, 1200},
		{"map of strings", map[string]string{"a": string(make([]byte, 300)), "b": "x"}, 300, 700},
		{"interface", []any{make([]int64, 100)}, 800, 900},
	} {
		if got := app.SizeOf(tt.v); got < tt.lo || got > tt.hi {
			t.Errorf("SizeOf(%s) = %d, want %d–%d", tt.name, got, tt.lo, tt.hi)
		}
	}
}
