package web

import (
	"context"
	"math"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/refdata"
	"generalist/sqlite"
)

// FuzzParseGroups reads random queries as the regions search's criteria
// (GET /api/v1/search/groups, /sok?mode=regions): no query panics; a
// refused one is EINVALID with a message; an accepted one is within the
// bounds the search relies on (at most maxGroupsTasks tasks, none empty,
// a distance from 0 to 5000 km, a county of two digits, a seed of at
// least 1), and its canonical query reads back to the same criteria and
// cache key. The seeds run as a test.
func FuzzParseGroups(f *testing.F) {
	for _, q := range []string{
		"task=barnevern", "task=barnevern&task=ppt&max_km=80&county=18&within_county=1&keep_registered=true&exempt_infeasible=on&seed=7",
		"task=barnevern&max_km=1e308", "task=barnevern&max_km=NaN", "task=barnevern&max_km=-0", "task=barnevern&max_km=12,5",
		"task=barnevern&max_km=+Inf", "task=barnevern&max_km=0x1p3", "task=%20barnevern%20&task=", "task=barnevern&county=3",
		"task=barnevern&county=%D9%A3%D9%A3", "task=barnevern&seed=18446744073709551615", "task=barnevern&seed=0",
		"task=barnevern&structure=2020&year=2024", "task=barnevern&structure=1999", "task=barnevern&year=-1",
		"task=barnevern&keep_registered=yes&keep_registered=no", strings.Repeat("task=t&", 41), "max_km=5000&max_km=5001",
		"task=barnevern&county=03&county=x", "task=%zz", "task=a;b", "",
	} {
		f.Add(q)
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "groups.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	if _, err := refdata.Ensure(context.Background(), db); err != nil {
		f.Fatal(err)
	}
	s, err := NewServer(Config{App: app.New(db)})
	if err != nil {
		f.Fatal(err)
	}
	read := func(q string) (app.GroupsCriteria, error) {
		return s.parseGroups(&http.Request{Method: "GET", URL: &url.URL{Path: "/api/v1/search/groups", RawQuery: q}})
	}
	f.Fuzz(func(t *testing.T, q string) {
		c, err := read(q)
		if err != nil {
			if generalist.ErrorCode(err) != generalist.EINVALID || generalist.ErrorMessage(err) == "" {
				t.Fatalf("parseGroups(%q) = %v: not EINVALID with a message", q, err)
			}
			return
		}
		if len(c.Tasks) > maxGroupsTasks || math.IsNaN(c.MaxKm) || c.MaxKm < 0 || c.MaxKm > 5000 || c.Seed < 1 ||
			(c.County != "" && (len(c.County) != 2 || strings.Trim(string(c.County), "0123456789") != "")) {
			t.Fatalf("parseGroups(%q) accepted %+v", q, c)
		}
		for _, task := range c.Tasks {
			if task == "" || task != strings.TrimSpace(task) {
				t.Fatalf("parseGroups(%q) accepted the task %q", q, task)
			}
		}
		v := url.Values{"structure": {c.Structure.String()}, "year": {strconv.Itoa(c.Year)}, "task": c.Tasks,
			"seed": {strconv.FormatUint(c.Seed, 10)}, "max_km": {strconv.FormatFloat(c.MaxKm, 'g', -1, 64)}, "county": {string(c.County)}}
		for name, on := range map[string]bool{"within_county": c.WithinCounty, "keep_registered": c.KeepRegistered, "exempt_infeasible": c.ExemptInfeasible} {
			if on {
				v.Set(name, "true")
			}
		}
		back, err := read(v.Encode())
		if err != nil || groupsKey(back) != groupsKey(c) {
			t.Fatalf("parseGroups(%q) = %+v, but its canonical query %q reads as %+v, %v", q, c, v.Encode(), back, err)
		}
	})
}
