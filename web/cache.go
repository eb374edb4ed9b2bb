package web

import (
	"context"
	"strconv"
	"strings"

	"generalist/app"
	"generalist/stats"
)

// The server's cache keeps computed responses (rows of a structure,
// rendered map SVGs, encoded JSON) in an app.Cache: under the
// application's data version (app.Version: the datasets, indicators,
// parameter changes and economy tables, re-read at most once a second).
// A change therefore shows within a second, also one made by another
// process, and between changes every response after the first is served
// from memory.
//
// The cache is bounded by bytes (app.ResponseBudget, app.ScratchBudget),
// least recently used first out. What a route keeps decides which budget
// it is charged to:
//
//   - responses whose parameters come from a small set (structure, year,
//     language, municipality, county, indicator) are app.Response;
//   - responses of free parameters, which anyone can vary without end,
//     are app.Scratch: structure searches and ensembles (any floor, seed,
//     distance, lock), the municipality list filtered by name (?q=) and the
//     structure table with a threshold other than the default (?under=).
//     A flood of them evicts only other scratch entries, never the pages
//     every visitor reads.

// get returns the entry for key, computing it with fn when missing; the
// key's route decides its budget (classOf).
func get[T any](ctx context.Context, c *app.Cache, key string, fn func() (T, error)) (T, error) {
	return app.RememberAs(ctx, c, classOf(key), key, fn)
}

// classOf is the budget of the entry under key (see above).
func classOf(key string) app.Class {
	switch {
	case strings.HasPrefix(key, "search/"):
		return app.Scratch
	case strings.HasPrefix(key, "api/municipalities/") && !strings.Contains(key, "Query:}"):
		return app.Scratch // the listFilter, printed with %+v, has a name filter
	case strings.HasPrefix(key, "stats/") && !strings.HasSuffix(key, "/"+defaultUnder):
		return app.Scratch
	}
	return app.Response
}

// defaultUnder is the threshold of the structure table's key when none
// is asked for.
var defaultUnder = strconv.Itoa(int(stats.DefaultUnder))

// invalidate shows a change this process made at once: the application
// re-reads the data version on the next request, and the responses kept
// so far are dropped (some rest on records outside the version, such as
// the cooperation registry).
func (s *Server) invalidate() {
	s.app.Changed()
	s.cache.Clear()
}
