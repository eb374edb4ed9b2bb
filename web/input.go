package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"generalist"
)

// Input (innspill): anyone may send a challenge or a solution without
// signing in (the form at /innspill/ny and POST /api/v1/inputs); analysts
// moderate at /innspill/moderering; the published inputs are listed,
// filtered, searched, counted, mapped and exported at /innspill and
// GET /api/v1/inputs.
//
// Abuse protection: the body limits of ServeHTTP and of the domain
// (generalist.ParseInput, CheckPDF), a per-address token bucket on
// submissions, a honeypot field on the form, duplicate detection in the
// store, and html/template escaping of everything stored (user text is
// never template.HTML). Attachments are served only to analysts, as
// downloads under a sandboxing Content-Security-Policy.

// Submissions per client address: a burst of inputBurst, refilled over
// inputPer.
const (
	inputBurst    = 5
	inputPer      = 10 * time.Minute
	inputPageSize = 25
	// honeypotField is the form field people do not see and bots fill.
	honeypotField = "nettsted"
)

// inputHandlers serves the input pages and API; it holds the rate limiter
// of submissions and the facets of the public list.
type inputHandlers struct {
	s      *Server
	limit  *tokenBuckets
	facets *facetCache
}

// facetCache keeps the counts per tag and per municipality of the public
// list for facetTTL: they count every published input of a selection,
// which costs far more than a page. A change made through this server
// clears it; one made by another process (or the CLI) shows within
// facetTTL.
type facetCache struct {
	mu      sync.Mutex
	now     func() time.Time
	entries map[string]facetEntry
}

type facetEntry struct {
	at    time.Time
	tags  []generalist.TagCount
	munis []generalist.MunicipalityCount
}

const facetTTL = 10 * time.Second

// get returns the facets of f, computing them when missing or old.
func (c *facetCache) get(ctx context.Context, st generalist.InputStore, f generalist.InputFilter) ([]generalist.TagCount, []generalist.MunicipalityCount, error) {
	key := fmt.Sprint(f.Statuses, f.Kind, f.Municipality, f.County, f.Tags)
	now := c.now()
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok && now.Sub(e.at) < facetTTL {
		return e.tags, e.munis, nil
	}
	noTags := f
	noTags.Tags = nil
	tags, err := st.TagCounts(ctx, noTags)
	if err != nil {
		return nil, nil, err
	}
	munis, err := st.CountsByMunicipality(ctx, f)
	if err != nil {
		return nil, nil, err
	}
	c.mu.Lock()
	if len(c.entries) > 1000 {
		clear(c.entries)
	}
	c.entries[key] = facetEntry{at: now, tags: tags, munis: munis}
	c.mu.Unlock()
	return tags, munis, nil
}

// clear forgets every entry, after a change.
func (c *facetCache) clear() {
	c.mu.Lock()
	clear(c.entries)
	c.mu.Unlock()
}

// changed wraps a handler that changes inputs: after it answers with
// success, the facets are computed anew.
func (h *inputHandlers) changed(fn handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		if err := fn(rec, r); err != nil {
			return err
		}
		if rec.status < 400 {
			h.facets.clear()
		}
		return nil
	}
}

// inputRoutes registers the input pages and API routes.
func (s *Server) inputRoutes() {
	h := &inputHandlers{s: s, limit: newTokenBuckets(inputBurst, inputPer, s.cfg.Now), facets: &facetCache{now: s.cfg.Now, entries: map[string]facetEntry{}}}
	s.page("GET /innspill", accessPublic, h.list)
	s.page("GET /innspill/ny", accessPublic, h.form)
	s.page("POST /innspill/ny", accessPublic, h.submit)
	s.page("GET /innspill/kvittering", accessPublic, h.lookup)
	s.page("GET /innspill/kvittering/{ref}", accessPublic, h.receipt)
	s.page("POST /innspill/kvittering/{ref}/trekk", accessPublic, h.changed(h.withdraw))
	s.page("GET /innspill/{id}", accessPublic, h.show)
	s.page("GET /innspill/moderering", accessAnalyst, h.queue)
	s.page("GET /innspill/moderering/{id}", accessAnalyst, h.moderation)
	s.page("POST /innspill/moderering/{id}", accessAnalyst, h.changed(h.moderate))
	s.page("POST /innspill/moderering/{id}/sammenslaing", accessAnalyst, h.changed(h.merge))
	s.page("POST /innspill/moderering/{id}/sletting", accessAnalyst, h.changed(h.erase))
	s.page("POST /innspill/moderering/{id}/scenario", accessAnalyst, h.changed(h.linkScenario))
	s.page("GET /innspill/moderering/{id}/vedlegg", accessAnalyst, h.attachment)

	s.api("GET /api/v1/inputs", accessPublic, h.apiList)
	s.api("POST /api/v1/inputs", accessPublic, h.apiCreate)
	s.api("GET /api/v1/inputs/vocabulary", accessPublic, h.apiVocabulary)
	s.api("GET /api/v1/inputs/counts", accessPublic, h.apiCounts)
	s.api("GET /api/v1/inputs/export", accessPublic, h.apiExport)
	s.api("GET /api/v1/inputs/{reference}", accessPublic, h.apiStatus)
	s.api("POST /api/v1/inputs/{reference}/withdraw", accessPublic, h.changed(h.apiWithdraw))
	s.api("GET /api/v1/moderation/inputs", accessAnalyst, h.apiQueue)
	s.api("GET /api/v1/moderation/inputs/{id}", accessAnalyst, h.apiInput)
	s.api("POST /api/v1/moderation/inputs/{id}", accessAnalyst, h.changed(h.apiModerate))
	s.api("POST /api/v1/moderation/inputs/{id}/merge", accessAnalyst, h.changed(h.apiMerge))
	s.api("POST /api/v1/moderation/inputs/{id}/erase", accessAnalyst, h.changed(h.apiErase))
	s.api("PUT /api/v1/moderation/inputs/{id}/scenarios/{scenario}", accessAnalyst, h.apiLink)
	s.api("DELETE /api/v1/moderation/inputs/{id}/scenarios/{scenario}", accessAnalyst, h.apiUnlink)
}

// inputPageNames are the templates of the input pages.
var inputPageNames = []string{"input_list.tmpl", "input_form.tmpl", "input_receipt.tmpl", "input_show.tmpl", "input_queue.tmpl", "input_moderate.tmpl"}

func (h *inputHandlers) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	h.s.render(w, r, status, name, page{Title: title, Nav: "input", Data: data})
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, generalist.Errorf(generalist.ENOTFOUND, "no input %q", r.PathValue("id"))
	}
	return id, nil
}

// scenarioInputs returns, per scenario id, the published inputs linked to
// the stored scenarios among scs, for the scenario report
// (report.Comparison.Inputs).
func (s *Server) scenarioInputs(ctx context.Context, scs []*generalist.Scenario) (map[string][]generalist.Input, error) {
	out := map[string][]generalist.Input{}
	for _, sc := range scs {
		if sc == nil || sc.ID == "" {
			continue
		}
		ins, err := s.store.InputsForScenario(ctx, sc.ID)
		if err != nil {
			return nil, err
		}
		if len(ins) > 0 {
			out[sc.ID] = ins
		}
	}
	return out, nil
}
