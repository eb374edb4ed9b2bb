package web

import (
	"context"
	"crypto/subtle"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"generalist"
	"generalist/auth"
)

// Authorization. Every route is registered with an access rule (s.page,
// s.api); guard enforces it before the handler runs, checks the CSRF token
// of every state-changing request a browser makes, and writes the audit
// log for every change that succeeds. A route cannot be added without a
// rule, and TestAuthorizationMatrix fails for a route its table lacks.

// access is the rule of a route: who may call it.
type access int

const (
	accessPublic   access = iota // anyone, signed in or not: the published pages
	accessSignedIn               // any account
	accessEditor                 // a municipality editor (the handler checks its municipality) or an administrator
	accessAnalyst                // an analyst or an administrator
	accessAdmin                  // an administrator
	// accessCompute: anyone, for a POST that only computes (evaluate a
	// scenario, check or preview a cooperation) and changes nothing: no
	// CSRF check, no audit record.
	accessCompute
)

func (a access) String() string {
	return [...]string{"public", "signed-in", "editor", "analyst", "admin", "compute"}[a]
}

// allows reports whether role may use a route with this rule.
func (a access) allows(role generalist.UserRole) bool {
	switch a {
	case accessPublic, accessCompute:
		return true
	case accessSignedIn:
		return role != generalist.UserPublic
	case accessEditor:
		return role == generalist.UserEditor || role == generalist.UserAdmin
	case accessAnalyst:
		return role == generalist.UserAnalyst || role == generalist.UserAdmin
	case accessAdmin:
		return role == generalist.UserAdmin
	}
	return false
}

// mayEditIMC refuses a municipality editor's change to a cooperation its
// municipality does not take part in, before (cur) or after (next) the
// change; nil skips a side.
func (s *Server) mayEditIMC(r *http.Request, cur, next *generalist.IMC) error {
	v := s.viewer(r)
	if v.Role != generalist.UserEditor {
		return nil
	}
	for _, c := range []*generalist.IMC{cur, next} {
		if c == nil {
			continue
		}
		if cur != nil && next != nil && next.Version != 0 && next.Version != cur.Version {
			// Checked on version cur.Version; the change must be made to
			// that version, or a change saved in between escapes the check.
			return generalist.Errorw(generalist.ECONFLICT, "err.imc.stale", "cooperation %q was changed since you read it (now version %d, you read version %d); reload it and make your change again", cur.Name, cur.Version, next.Version)
		}
		in := false
		for _, p := range c.Participants {
			in = in || p.Number == string(v.User.Municipality)
		}
		if !in {
			return generalist.Errorf(generalist.EFORBIDDEN, "as editor for municipality %s you may change only the cooperations it takes part in; %q does not include it", v.User.Municipality, c.Name)
		}
	}
	return nil
}

// viewer is who makes a request: a signed-in user (by session cookie or
// API token) or the public.
type viewer struct {
	User    *generalist.User // nil for the public
	Role    generalist.UserRole
	Session *generalist.Session // set when signed in by cookie
	Token   *generalist.APIToken
}

// Name is what the audit log and access log record.
func (v viewer) Name() string {
	if v.User == nil {
		return "anonymous"
	}
	return v.User.Name
}

// CanEditMunicipality reports whether the viewer may change data that
// belongs to municipality m: an administrator may change any, an editor
// only its own.
func (v viewer) CanEditMunicipality(m generalist.MunicipalityNumber) bool {
	return v.Role == generalist.UserAdmin || v.Role == generalist.UserEditor && v.User.Municipality == m
}

type ctxKey int

const (
	viewerKey ctxKey = iota
	requestIDKey
)

// viewer returns the request's viewer (the public when none was set).
func (s *Server) viewer(r *http.Request) viewer { return viewerOf(r) }

func viewerOf(r *http.Request) viewer {
	if v, ok := r.Context().Value(viewerKey).(viewer); ok {
		return v
	}
	return viewer{Role: generalist.UserPublic}
}

func requestID(r *http.Request) string {
	id, _ := r.Context().Value(requestIDKey).(string)
	return id
}

// Cookie names. The session cookie holds the secret whose SHA-256 the
// store keeps; the anonymous CSRF cookie backs the double-submit token of
// forms the public may post (sign in, innspill).
const (
	sessionCookie  = "generalist_session"
	anonCSRFCookie = "generalist_csrf"
	// sessionLifetime is absolute: a session ends this long after sign-in.
	sessionLifetime = 12 * time.Hour
)

// identify resolves the viewer of r from an Authorization: Bearer token or
// the session cookie. A malformed, unknown, revoked or expired credential
// gives the public viewer and, for a token, an error (a script should learn
// its token is bad rather than silently read public data).
func (s *Server) identify(r *http.Request) (viewer, error) {
	public := viewer{Role: generalist.UserPublic}
	ctx := r.Context()
	// Only a Bearer token is this server's: Basic credentials that a
	// proxy or a browser adds, or any other scheme, are not meant for it
	// and leave the request anonymous (or signed in by its cookie).
	if scheme, tok, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " "); strings.EqualFold(scheme, "Bearer") {
		tok = strings.TrimSpace(tok)
		if !auth.LooksLikeToken(tok) {
			return public, generalist.Errorf(generalist.EUNAUTHORIZED, "Authorization: send \"Bearer gen_…\" with an API token from `generalist user token`")
		}
		t, err := s.store.TokenByHash(ctx, auth.HashSecret(tok))
		if err != nil {
			if generalist.ErrorCode(err) == generalist.ENOTFOUND {
				return public, generalist.Errorf(generalist.EUNAUTHORIZED, "the API token is unknown or revoked")
			}
			return public, err
		}
		u, err := s.store.User(ctx, t.UserID)
		if err != nil || u.Disabled {
			return public, generalist.Errorf(generalist.EUNAUTHORIZED, "the API token's user is disabled")
		}
		return viewer{User: u, Role: u.Role, Token: t}, nil
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil || len(c.Value) != 43 {
		return public, nil
	}
	sess, err := s.store.Session(ctx, auth.HashSecret(c.Value), s.cfg.Now())
	if err != nil {
		if generalist.ErrorCode(err) == generalist.ENOTFOUND {
			return public, nil // expired or signed out: carry on as the public
		}
		return public, err
	}
	u, err := s.store.User(ctx, sess.UserID)
	if err != nil || u.Disabled {
		return public, nil
	}
	return viewer{User: u, Role: u.Role, Session: sess}, nil
}

// loggedPath is the path the audit and access logs keep: the request's,
// except for routes whose path holds a secret (an innspill receipt
// reference, which lets its holder see and withdraw the input), where it
// is the route pattern.
func loggedPath(r *http.Request, pattern string) string {
	if strings.Contains(pattern, "{ref}") || strings.Contains(pattern, "{reference}") {
		_, p, _ := strings.Cut(pattern, " ")
		return p
	}
	return r.URL.Path
}

// isWrite reports whether a method changes state.
func isWrite(method string) bool {
	return method != http.MethodGet && method != http.MethodHead && method != http.MethodOptions
}

// handler is the shape of every route's handler: it writes its answer
// and returns nil, or returns an error and writes nothing; the route's
// registration (s.page or s.api) turns the error into the error page or
// the JSON error. A handler that has started to answer must not return an
// error (it can only log one).
type handler func(w http.ResponseWriter, r *http.Request) error

// plain adapts an http.HandlerFunc, which answers every request itself,
// to a handler.
func plain(h http.HandlerFunc) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		h(w, r)
		return nil
	}
}

// answer is how a route's errors reach the client: as the error page
// (pageError) or as JSON (apiError).
type answer func(w http.ResponseWriter, r *http.Request, err error)

// guard wraps a route's handler with its access rule, the CSRF check and
// the audit record, and writes the handler's error with fail.
func (s *Server) guard(pattern string, a access, fail answer, h handler) http.HandlerFunc {
	// A page answers the public's GET of a route that needs an account
	// by sending it to sign in; the API answers 401.
	redirect := fail == nil
	if redirect {
		fail = s.pageError
	}
	policy := policyOf(pattern, a)
	return func(w http.ResponseWriter, r *http.Request) {
		v := s.viewer(r)
		// The response's cache headers are settled when it is written
		// (httpcache.go); a revalidation of public data is answered here,
		// before the handler renders anything.
		w, answered := s.httpCache(w, r, v, policy)
		if answered {
			return
		}
		if err := checkQuery(r); err != nil {
			fail(w, r, err)
			return
		}
		if !a.allows(v.Role) {
			if v.User == nil {
				if redirect && r.Method == http.MethodGet {
					http.Redirect(w, r, "/logg-inn?neste="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
					return
				}
				fail(w, r, generalist.Errorf(generalist.EUNAUTHORIZED, "sign in first: %s needs a %s account", pattern, a))
				return
			}
			fail(w, r, generalist.Errorf(generalist.EFORBIDDEN, "your role (%s) may not use %s", v.Role, pattern))
			return
		}
		if isWrite(r.Method) && a != accessCompute {
			if v.Token != nil && v.Token.Scope != generalist.ScopeWrite {
				fail(w, r, generalist.Errorf(generalist.EFORBIDDEN, "the API token is read-only (scope %q); make one with --scope write", v.Token.Scope))
				return
			}
			if err := s.checkCSRF(r, v); err != nil {
				fail(w, r, err)
				return
			}
		}
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		if err := h(rec, r); err != nil {
			fail(rec, r, err)
			return
		}
		if isWrite(r.Method) && a != accessCompute && rec.status < 400 {
			s.audit(r, v, r.Method+" "+strings.TrimPrefix(pattern, r.Method+" "), loggedPath(r, pattern), "")
		}
	}
}

// audit appends an entry to the audit log; a failure is logged (the change
// itself has been made and answered). The address is kept for signed-in
// users only: for the public (innspill) it would be personal data that
// the append-only log could never erase.
func (s *Server) audit(r *http.Request, v viewer, action, target, detail string) {
	e := &generalist.AuditEntry{At: s.cfg.Now(), User: v.Name(), Action: action, Target: target, Detail: detail, RequestID: requestID(r)}
	if v.User != nil {
		e.Remote = s.clientIP(r)
	}
	if err := s.store.RecordAudit(context.WithoutCancel(r.Context()), e); err != nil {
		s.log.Error("audit", "action", action, "target", target, "err", err, "request_id", e.RequestID)
	}
}

// checkCSRF checks a state-changing request. A request with an API token
// carries no ambient credentials and needs no token. Otherwise a form must
// carry the csrf field and a JSON request the X-CSRF-Token header, equal to
// the session's token (signed in) or the double-submit cookie (public); a
// JSON request from the public needs only its media type, which a
// cross-site form cannot send without a CORS preflight.
func (s *Server) checkCSRF(r *http.Request, v viewer) error {
	if v.Token != nil {
		return nil
	}
	stale := generalist.Errorw(generalist.EFORBIDDEN, "err.csrf", "the form is stale or comes from another site (CSRF token missing or wrong); reload the page and try again")
	if !sameOriginHeader(r) {
		return generalist.Errorf(generalist.EFORBIDDEN, "the request comes from another site")
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var got string
	switch {
	case mt == "application/x-www-form-urlencoded" || mt == "multipart/form-data":
		got = r.PostFormValue("csrf") // the body only: a token in the URL would end up in logs and Referer headers
	case mt == "application/json" && v.Session == nil:
		return nil
	default:
		got = r.Header.Get("X-CSRF-Token")
	}
	want := ""
	if v.Session != nil {
		want = v.Session.CSRF
	} else if c, err := r.Cookie(anonCSRFCookie); err == nil {
		want = c.Value
	}
	if want == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return stale
	}
	return nil
}

// sameOriginHeader reports whether a browser's Origin (or, failing that,
// Referer) names this request's host; a request without either is not a
// cross-site browser request.
func sameOriginHeader(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		o = r.Header.Get("Referer")
	}
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}

// csrfToken returns the token a form on this page must carry: the
// session's when signed in, else the anonymous double-submit cookie's,
// setting that cookie when it is missing.
//
// A page that carries a token is one person's: it is never stored by a
// cache (private, no-store), whatever its route's cache policy. A handler
// should therefore ask for a token only when the page shows a form that
// needs one.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	w.Header().Set("Cache-Control", cachePrivateControl)
	if v := s.viewer(r); v.Session != nil {
		return v.Session.CSRF
	}
	if c, err := r.Cookie(anonCSRFCookie); err == nil && len(c.Value) == 43 {
		return c.Value
	}
	tok := auth.NewSecret()
	http.SetCookie(w, &http.Cookie{Name: anonCSRFCookie, Value: tok, Path: "/", HttpOnly: true,
		Secure: s.secure(r), SameSite: http.SameSiteStrictMode})
	return tok
}

// secure reports whether the request came over TLS (directly or, with
// TrustProxy, as the proxy says), so cookies get the Secure flag.
func (s *Server) secure(r *http.Request) bool {
	return r.TLS != nil || s.cfg.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https"
}

// clientIP is the address the request comes from: the connection's peer,
// or with TrustProxy the last address the proxy appended to
// X-Forwarded-For (earlier ones are the client's own claims).
func (s *Server) clientIP(r *http.Request) string {
	if s.cfg.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			if ip := net.ParseIP(strings.TrimSpace(parts[len(parts)-1])); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusRecorder) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// page and api register a route with its access rule and handler. A
// page's error is the error page, and the public's GET of a page that
// needs an account is sent to sign in; an API route's error is JSON
// {"error": {"code", "message"}}, and /api/v1 routes are listed for the
// OpenAPI test.
func (s *Server) page(pattern string, a access, h handler) {
	s.rules[pattern] = a
	s.mux.HandleFunc(pattern, s.guard(pattern, a, nil, h))
}

func (s *Server) api(pattern string, a access, h handler) {
	s.rules[pattern] = a
	if strings.Contains(pattern, " /api/v1/") {
		s.apiPatterns = append(s.apiPatterns, pattern)
	}
	s.mux.HandleFunc(pattern, s.guard(pattern, a, s.apiError, h))
}

// Rules returns every route pattern with its access rule, for the
// authorization matrix test and the documentation.
func (s *Server) Rules() map[string]string {
	out := make(map[string]string, len(s.rules))
	for p, a := range s.rules {
		out[p] = a.String()
	}
	return out
}

// cacheOf is the HTTP cache policy of every GET route, beside its access
// rule (httpcache.go says what each policy sends). A write is never
// stored by a cache and needs no entry; a GET route without one is
// answered private, no-store, and TestAuthorizationMatrix fails for it.
//
//   - cachePublic: the published data, the same for everyone who is not
//     signed in; the public gets it with validators and a short public
//     lifetime, a signed-in user privately.
//   - cachePrivate: pages with a form token, a secret in the address (an
//     innspill receipt), a person's own data, the health checks, and
//     every route that needs an account.
//   - cacheStatic: the static files, the same for everyone and kept an
//     hour.
var cacheOf = map[string]cachePolicy{
	"GET /{$}":                       cachePublic,
	"GET /kommuner":                  cachePublic,
	"GET /kommune/{number}":          cachePublic,
	"GET /sammenlign":                cachePublic,
	"GET /kart":                      cachePublic,
	"GET /oppgaver":                  cachePublic,
	"GET /kapasitet":                 cachePublic,
	"GET /analyse":                   cachePublic,
	"GET /scenarier":                 cachePublic,
	"GET /scenarier/sammenlign":      cachePublic,
	"GET /scenarier/sammenlign/kart": cachePublic,
	"GET /scenarier/rapport":         cachePublic,
	"GET /scenarier/ny":              cachePrivate, // the plan editor carries the form token its scripts send
	"GET /okonomi":                   cachePublic,
	"GET /om":                        cachePublic,
	"GET /tilgjengelighet":           cachePublic,
	"GET /ordliste":                  cachePublic,
	"GET /sok":                       cachePublic,
	"GET /static/":                   cacheStatic,
	"GET /logg-inn":                  cachePrivate,
	"GET /konto":                     cachePrivate,
	"GET /admin":                     cachePrivate,
	"GET /api/stats":                 cachePublic,
	"GET /healthz":                   cachePrivate, // each check must reach the process
	"GET /readyz":                    cachePrivate,

	"GET /samarbeid":                                 cachePublic,
	"GET /samarbeid/lovkrav":                         cachePublic,
	"GET /samarbeid/ny":                              cachePublic,
	"GET /kommune/{number}/samarbeid":                cachePublic,
	"GET /samarbeid/{imc}":                           cachePublic,
	"GET /samarbeid/{imc}/endre":                     cachePrivate,
	"GET /samarbeid/{imc}/historikk":                 cachePublic,
	"GET /samarbeid/{imc}/versjon/{version}":         cachePublic,
	"GET /samarbeid/{imc}/avtale":                    cachePublic,
	"GET /samarbeid/{imc}/kostnader":                 cachePublic,
	"GET /samarbeid/{imc}/uttreden":                  cachePublic,
	"GET /samarbeid/{imc}/prosess":                   cachePublic,
	"GET /samarbeid/monster":                         cachePublic,
	"GET /api/v1/imc/patterns":                       cachePublic,
	"GET /samarbeid/mal.csv":                         cachePublic,
	"GET /samarbeid/importer":                        cachePrivate,
	"GET /scenarier/importer":                        cachePrivate,
	"GET /innspill":                                  cachePublic,
	"GET /innspill/ny":                               cachePrivate, // the form token
	"GET /innspill/kvittering":                       cachePrivate, // the receipt reference is a secret
	"GET /innspill/kvittering/{ref}":                 cachePrivate,
	"GET /innspill/{id}":                             cachePublic,
	"GET /innspill/moderering":                       cachePrivate,
	"GET /innspill/moderering/{id}":                  cachePrivate,
	"GET /innspill/moderering/{id}/vedlegg":          cachePrivate,
	"GET /jobber":                                    cachePrivate,
	"GET /jobber/{id}":                               cachePrivate,
	"GET /api/v1/municipalities":                     cachePublic,
	"GET /api/v1/municipalities/{number}":            cachePublic,
	"GET /api/v1/municipalities/{number}/population": cachePublic,
	"GET /api/v1/stats":                              cachePublic,
	"GET /api/v1/nordic":                             cachePublic,
	"GET /api/v1/indicators":                         cachePublic,
	"GET /api/v1/indicators/{id}":                    cachePublic,
	"GET /api/v1/maps/{indicator}":                   cachePublic,
	"GET /api/v1/graph":                              cachePublic,
	"GET /api/v1/tasks":                              cachePublic,
	"GET /api/v1/analysis":                           cachePublic,
	"GET /api/v1/scenarios":                          cachePublic,
	"GET /api/v1/scenarios/{id}":                     cachePublic,
	"GET /api/v1/scenarios/{id}/outcome":             cachePublic,
	"GET /api/v1/scenarios/{id}/export":              cachePublic,
	"GET /api/v1/compare":                            cachePublic,
	"GET /api/v1/capacity":                           cachePublic,
	"GET /api/v1/capacity/observed":                  cachePublic,
	"GET /api/v1/municipalities/{number}/capacity":   cachePublic,
	"GET /api/v1/search":                             cachePublic,
	"GET /api/v1/search/ensemble":                    cachePublic,
	"GET /api/v1/search/groups":                      cachePublic,
	"GET /api/v1/economy/municipalities/{number}":    cachePublic,
	"GET /api/v1/economy/merger":                     cachePublic,
	"GET /api/v1/economy/parameters":                 cachePublic,
	"GET /api/v1/economy/check":                      cachePublic,
	"GET /api/v1/imc":                                cachePublic,
	"GET /api/v1/imc/requirements":                   cachePublic,
	"GET /api/v1/imc/overview":                       cachePublic,
	"GET /api/v1/imc/export":                         cachePublic,
	"GET /api/v1/imc/{imc}":                          cachePublic,
	"GET /api/v1/imc/{imc}/history":                  cachePublic,
	"GET /api/v1/imc/{imc}/versions/{version}":       cachePublic,
	"GET /api/v1/imc/{imc}/check":                    cachePublic,
	"GET /api/v1/imc/{imc}/agreement":                cachePublic,
	"GET /api/v1/imc/{imc}/costs":                    cachePublic,
	"GET /api/v1/imc/{imc}/exit":                     cachePublic,
	"GET /api/v1/imc/{imc}/process":                  cachePublic,
	"GET /api/v1/municipalities/{number}/imc":        cachePublic,
	"GET /api/v1/openapi.json":                       cachePublic,
	"GET /api/v1/inputs":                             cachePublic,
	"GET /api/v1/inputs/vocabulary":                  cachePublic,
	"GET /api/v1/inputs/counts":                      cachePublic,
	"GET /api/v1/inputs/export":                      cachePublic,
	"GET /api/v1/inputs/{reference}":                 cachePrivate, // the reference is a secret
	"GET /api/v1/moderation/inputs":                  cachePrivate,
	"GET /api/v1/moderation/inputs/{id}":             cachePrivate,
	"GET /api/v1/me":                                 cachePrivate,
	"GET /api/v1/audit":                              cachePrivate,
	"GET /api/v1/jobs":                               cachePrivate,
	"GET /api/v1/jobs/{id}":                          cachePrivate,
}

// policyOf is the cache policy of a route: a write's is private, a GET's
// is its entry in cacheOf (cacheUnset without one), and a route that
// needs an account is private whatever the table says.
func policyOf(pattern string, a access) cachePolicy {
	if !strings.HasPrefix(pattern, "GET ") {
		return cachePrivate
	}
	p := cacheOf[pattern]
	if p == cachePublic && a != accessPublic {
		return cachePrivate
	}
	return p
}

// CachePolicies returns every route pattern with its cache policy
// ("public", "private", "static", or "none" for a GET route cacheOf
// lacks), for the authorization matrix test and the documentation.
func (s *Server) CachePolicies() map[string]string {
	out := make(map[string]string, len(s.rules))
	for p, a := range s.rules {
		out[p] = policyOf(p, a).String()
	}
	return out
}
