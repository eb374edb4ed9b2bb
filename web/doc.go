// Package web serves Generalist over HTTP: the atlas, tasks, capacity,
// analysis, scenarios, economy, structure search, the cooperation registry
// (/samarbeid), input (/innspill) and accounts as server-rendered pages in
// bokmål or English, and the same data as the JSON API under /api/v1
// (described by /api/v1/openapi.json).
//
// # The Server
//
// NewServer takes a Config whose App (package app) holds the store and
// every use case. Handlers read plain records from s.store and ask s.app
// for anything that chains models (evaluate a scenario, share a
// cooperation's costs, build an overview); they parse the request, call,
// and present. Every store is always present, so no handler checks for a
// missing one.
//
// ServeHTTP wraps every request: a request id, security headers, body
// limits (413 before routing), the viewer (a session cookie or an API
// token; a bad token is refused before routing), panic recovery and an
// access log line. Unknown paths get the 404 page, or JSON under /api/.
//
// # Registering a route
//
// A route is registered with its access rule and a handler:
//
//	s.page("GET /samarbeid/{imc}", accessPublic, s.handleIMCShow)
//	s.api("PUT /api/v1/imc/{imc}", accessEditor, s.apiIMCUpdate)
//
// The rule (accessPublic, accessSignedIn, accessEditor, accessAnalyst,
// accessAdmin, or accessCompute for a POST that only computes) is checked
// by guard before the handler runs, with the CSRF check of a browser's
// write and, after a write succeeds, the audit record. A route without a
// rule cannot be registered, and TestAuthorizationMatrix calls every route
// as every role.
//
// A GET route also needs a cache policy in cacheOf (authz.go): public for
// the published data (the public gets Cache-Control: public, max-age=30
// and an ETag of the data version, and a revalidation is answered 304
// before the handler runs), private for anything with a form token, a
// secret or one person's data, static for the static files. The matrix
// test fails for a GET route without one; httpcache.go applies it, and a
// signed-in user's answer is always private (docs/deployment-cache.md).
//
// Every handler has one shape, handler:
//
//	func (s *Server) apiIMC(w http.ResponseWriter, r *http.Request) error {
//		c, err := s.loadIMC(r)
//		if err != nil {
//			return err
//		}
//		writeJSON(w, http.StatusOK, c)
//		return nil
//	}
//
// It writes its answer and returns nil, or returns an error having written
// nothing. An http.HandlerFunc that answers everything itself is adapted
// with plain.
//
// # Errors
//
// Errors become answers in one place, the registration: for a page
// (s.page) the error page, for an API route (s.api) the JSON
// {"error": {"code", "message"}}. Both take the status from the error's
// code (statusOf: EINVALID 400, EUNAUTHORIZED 401, EFORBIDDEN 403,
// ENOTFOUND 404, ECONFLICT 409, EINTERNAL 500); an internal error is logged
// and shown as "Internal error.". An infeasible structure search adds its
// reasons to the JSON. The public's GET of a page that needs an account is
// sent to sign in.
//
// A form that can be corrected (innspill, a cooperation, a process step, a
// task parameter, moderation, sign-in) shows itself again with the error
// next to the field instead of returning it; only an internal error, or
// one that leaves nothing to show, is returned for the error page.
//
// Errors are worded at the edge. The domain's *generalist.Error keeps its
// English Message for the CLI and the API; one a user meets on a page also
// carries a Key and Args (generalist.Errorw), and the page words it from
// the catalogue in its own language (errorText, error_i18n.go), with
// numbers in its format and a generalist.Term translated. An error without
// a key shows the plain sentence of its code, with the English message
// under a «Teknisk» disclosure. TestCatalogueComplete checks that every
// key in use has both languages; TestPageLanguage (language_test.go)
// crawls the pages, and sends forms with bad input, for English and
// internal identifiers in the visible text.
//
// # One feature, one loader
//
// The API and the page of a feature load their data through the same
// function (s.imcList, s.imcHistory, s.national, s.overview, costRequestOf
// and s.shareCosts, s.exits, processOf, s.selectionOf and s.selected,
// s.capacityOf, publishedFilter, the moderation actions…), so they cannot
// disagree; the handlers differ only in how they present it.
//
// # The cache
//
// Computed data and responses (the rows of a structure, map SVGs, encoded
// JSON, whole pages that depend on a bounded set of choices) are kept by
// get in memory under the App's data version, re-read at most once a
// second: a change shows within a second, also one made by another
// process. A change made through this server calls s.cache.invalidate and
// shows at once. Large bodies are kept plain and gzip-compressed (body).
//
// # Pages and languages
//
// Templates (templates/*.tmpl, embedded) are parsed once per language at
// start; a missing template fails NewServer. A handler fills a page and
// calls s.render (or s.renderCached, keyed by everything the page depends
// on, language included):
//
//	s.render(w, r, http.StatusOK, "tasks.tmpl", page{Title: msg(langOf(r), "nav.tasks"), Nav: "tasks", Data: d})
//
// The language is ?lang= (remembered in a cookie), else the cookie, else
// bokmål. Text comes from the message catalogue, one entry per key with
// the bokmål and English text (messages in i18n.go, with the registry's,
// input's and account's own tables); templates call {{t "key"}} and
// {{tf "key" args…}}, handlers msg(lang, key). Numbers, percentages and
// dates are formatted for the language by internal/nbfmt through the
// template functions num, persons, pct, date, datetime and longdate.
package web
