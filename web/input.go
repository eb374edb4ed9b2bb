package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"generalist"
	"generalist/app"
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
// list in the server's cache, under the data version: they count every
// published input of a selection, which costs far more than a page. Every
// change to a published input moves the version (decision 0015), so a
// change made through any process shows on the next request.
type facetCache struct {
	cache *app.Cache
}

// facets are the counts of one selection.
type facets struct {
	tags  []generalist.TagCount
	munis []generalist.MunicipalityCount
}

// get returns the facets of f, computing them when missing.
func (c *facetCache) get(ctx context.Context, st generalist.InputStore, f generalist.InputFilter) ([]generalist.TagCount, []generalist.MunicipalityCount, error) {
	key := fmt.Sprint("input/facets/", f.Statuses, f.Kind, f.Municipality, f.County, f.Tags, "?")
	if f.Kind != "" || f.Municipality != "" || f.County != "" || len(f.Tags) > 0 {
		key += "selected" // a selection of the many: scratch (classOf)
	}
	v, err := get(ctx, c.cache, key, func() (facets, error) {
		noTags := f
		noTags.Tags = nil
		tags, err := st.TagCounts(ctx, noTags)
		if err != nil {
			return facets{}, err
		}
		munis, err := st.CountsByMunicipality(ctx, f)
		return facets{tags, munis}, err
	})
	return v.tags, v.munis, err
}

// inputRoutes registers the input pages and API routes.
func (s *Server) inputRoutes() {
	h := &inputHandlers{s: s, limit: newTokenBuckets(inputBurst, inputPer, s.cfg.Now), facets: &facetCache{cache: s.cache}}
	s.page("GET /innspill", accessPublic, h.list)
	s.page("GET /innspill/ny", accessPublic, h.form)
	s.page("POST /innspill/ny", accessPublic, h.submit)
	s.page("GET /innspill/kvittering", accessPublic, h.lookup)
	s.page("GET /innspill/kvittering/{ref}", accessPublic, h.receipt)
	s.page("POST /innspill/kvittering/{ref}/trekk", accessPublic, h.withdraw)
	s.page("GET /innspill/{id}", accessPublic, h.show)
	s.page("GET /innspill/moderering", accessAnalyst, h.queue)
	s.page("GET /innspill/moderering/{id}", accessAnalyst, h.moderation)
	s.page("POST /innspill/moderering/{id}", accessAnalyst, h.moderate)
	s.page("POST /innspill/moderering/{id}/sammenslaing", accessAnalyst, h.merge)
	s.page("POST /innspill/moderering/{id}/sletting", accessAnalyst, h.erase)
	s.page("POST /innspill/moderering/{id}/scenario", accessAnalyst, h.linkScenario)
	s.page("GET /innspill/moderering/{id}/vedlegg", accessAnalyst, h.attachment)

	s.api("GET /api/v1/inputs", accessPublic, h.apiList)
	s.api("POST /api/v1/inputs", accessPublic, h.apiCreate)
	s.api("GET /api/v1/inputs/vocabulary", accessPublic, h.apiVocabulary)
	s.api("GET /api/v1/inputs/counts", accessPublic, h.apiCounts)
	s.api("GET /api/v1/inputs/export", accessPublic, h.apiExport)
	s.api("GET /api/v1/inputs/{reference}", accessPublic, h.apiStatus)
	s.api("POST /api/v1/inputs/{reference}/withdraw", accessPublic, h.apiWithdraw)
	s.api("GET /api/v1/moderation/inputs", accessAnalyst, h.apiQueue)
	s.api("GET /api/v1/moderation/inputs/{id}", accessAnalyst, h.apiInput)
	s.api("POST /api/v1/moderation/inputs/{id}", accessAnalyst, h.apiModerate)
	s.api("POST /api/v1/moderation/inputs/{id}/merge", accessAnalyst, h.apiMerge)
	s.api("POST /api/v1/moderation/inputs/{id}/erase", accessAnalyst, h.apiErase)
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
