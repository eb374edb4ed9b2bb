package web

import (
	"context"
	"strconv"
	"strings"

	"generalist/app"
	"generalist/stats"
)

// The server's cache keeps computed responses (rows of a structure,
// rendered map SVGs, encoded JSON, whole pages) in an app.Cache: under the
// application's data version (app.Version: a counter the store's triggers
// move with every change to public data, read once per request; decision
// 0015). A change therefore shows on the next request, also one made by
// another process, and between changes every response after the first is
// served from memory. The published pages (the municipality list, the
// capacity page, the registry, the innspill list, a scenario comparison)
// are kept whole, rendered, for each viewer class that sees the same page
// (renderCached); a page with a viewer's form token is never kept. Other
// published routes keep their answer to the public whole (servePublic).
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
//     structure table with a threshold other than the default (?under=),
//     the registry's and the innspill list's pages with a filter, a search
//     or a page number, and scenario comparisons (any scenarios, in any
//     order). A flood of them evicts only other scratch entries, never the
//     pages every visitor reads.

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
	case strings.HasPrefix(key, "page/compare/"):
		return app.Scratch
	case strings.HasPrefix(key, "public/") && strings.Contains(key, "?"):
		return app.Scratch // a public answer to a query (servePublic)
	case strings.HasPrefix(key, "page/imc/") || strings.HasPrefix(key, "page/input/") || strings.HasPrefix(key, "input/facets/"):
		// Scratch unless the query (after "?", before an "/analyst"
		// suffix) is empty: the page everyone lands on.
		_, q, _ := strings.Cut(key, "?")
		if strings.TrimSuffix(q, "/analyst") != "" {
			return app.Scratch
		}
	}
	return app.Response
}

// defaultUnder is the threshold of the structure table's key when none
// is asked for.
var defaultUnder = strconv.Itoa(int(stats.DefaultUnder))

// invalidate drops the responses kept so far after a change this process
// made. The data version moves with the change anyway (every process sees
// it on its next request); this also covers a change to records the
// version does not follow.
func (s *Server) invalidate() {
	s.app.Changed()
	s.cache.Clear()
}
