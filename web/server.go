package web

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"generalist"
	"generalist/app"
	"generalist/auth"
	"generalist/geomap"
	"generalist/graph"
	"generalist/jobs"
	"generalist/optimize"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

//go:embed static/app static/vendor
var staticFS embed.FS

// Config is what a Server needs. App is required: it holds the store and
// every use case the pages and the API present.
type Config struct {
	App    *app.App
	Logger *slog.Logger
	// TrustProxy makes the server believe X-Forwarded-For and
	// X-Forwarded-Proto: set it only behind a load balancer that sets
	// them.
	TrustProxy bool
	// Throttle is the login throttling policy (zero: auth.DefaultThrottle).
	Throttle auth.Throttle
	// Templates and Static default to the embedded files; serve -dev can
	// pass os.DirFS for live editing.
	Templates fs.FS
	Static    fs.FS
	// Now returns the current time; tests replace it.
	Now func() time.Time
	// Operator and Contact say who runs this installation and how to
	// reach them, on /om and /tilgjengelighet; empty when not given.
	Operator, Contact string
	// Jobs is the job queue the job routes use (jobs.go); without it
	// they answer that the server runs none.
	Jobs *jobs.Queue
}

// Server serves the web UI and the JSON API.
type Server struct {
	cfg   Config
	app   *app.App
	store app.Store
	// shipped is the task catalogue as shipped, which the cooperation
	// registry's legal checks read (the analysts' staffing changes do not
	// change the law).
	shipped *generalist.Catalogue
	log     *slog.Logger
	pages   map[string]*template.Template // per language
	mux     *http.ServeMux
	cache   *app.Cache
	rules   map[string]access // every route's access rule
	limiter *limiter          // per-address limit on sign-in attempts
	// verifying bounds the argon2id checks running at once: each takes
	// 64 MiB and a core for tens of milliseconds.
	verifying chan struct{}
	ready     atomic.Bool
	// apiPatterns lists the /api/v1 routes; a test checks each against the
	// OpenAPI document.
	apiPatterns []string
}

// NewServer parses every template (failing on any error) and sets up the
// routes.
func NewServer(cfg Config) (*Server, error) {
	if cfg.App == nil {
		return nil, fmt.Errorf("web: no application")
	}
	shipped, err := cfg.App.ShippedCatalogue()
	if err != nil {
		return nil, err
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Templates == nil {
		sub, _ := fs.Sub(templateFS, "templates")
		cfg.Templates = sub
	}
	if cfg.Static == nil {
		sub, _ := fs.Sub(staticFS, "static")
		cfg.Static = sub
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Server{cfg: cfg, app: cfg.App, store: cfg.App.Store, shipped: shipped, log: cfg.Logger, pages: map[string]*template.Template{}, mux: http.NewServeMux(), rules: map[string]access{}}
	if cfg.Throttle == (auth.Throttle{}) {
		s.cfg.Throttle = auth.DefaultThrottle
	}
	s.limiter = newLimiter(20, time.Minute, cfg.Now)
	s.verifying = make(chan struct{}, 4)
	s.cache = cfg.App.NewCache()
	for _, lang := range []string{"nb", "en"} {
		t, err := template.New("").Funcs(templateFuncs(lang)).ParseFS(cfg.Templates, "*.tmpl")
		if err != nil {
			return nil, fmt.Errorf("web: templates: %w", err)
		}
		for _, name := range append(append(pageNames, inputPageNames...), jobPageNames...) {
			if t.Lookup(name) == nil {
				return nil, fmt.Errorf("web: template %s is missing", name)
			}
		}
		s.pages[lang] = t
	}
	s.routes()
	s.ready.Store(true)
	return s, nil
}

// pageNames are the templates every page handler renders; NewServer checks
// they all exist so a typo fails at start, not on a request.
var pageNames = []string{"search.tmpl", "home.tmpl", "list.tmpl", "profile.tmpl", "compare.tmpl", "map.tmpl", "error.tmpl", "tasks.tmpl", "capacity.tmpl", "analysis.tmpl", "scenarios.tmpl", "scenario.tmpl", "editor.tmpl", "economy.tmpl",
	"imc_list.tmpl", "imc_show.tmpl", "imc_history.tmpl", "imc_agreement.tmpl", "imc_costs.tmpl", "imc_exit.tmpl", "imc_process.tmpl",
	"imc_municipality.tmpl", "imc_law.tmpl", "imc_form.tmpl", "login.tmpl", "account.tmpl", "admin.tmpl", "glossary.tmpl"}

func (s *Server) routes() {
	// Searches, ensembles and evaluations run a few at a time (admission.go).
	heavy := s.newAdmission(0)
	// The published pages: anyone may read them.
	s.page("GET /{$}", accessPublic, s.handleHome)
	s.page("GET /kommuner", accessPublic, s.handleList)
	s.page("GET /kommune/{number}", accessPublic, s.handleProfile)
	s.page("GET /sammenlign", accessPublic, s.handleCompare)
	s.page("GET /kart", accessPublic, s.handleMapPage)
	s.page("GET /oppgaver", accessPublic, s.handleTasks)
	s.page("POST /oppgaver/endring", accessAnalyst, s.handleParamChange)
	s.page("GET /kapasitet", accessPublic, s.handleCapacity)
	s.page("GET /analyse", accessPublic, s.handleAnalysis)
	s.page("GET /scenarier", accessPublic, s.handleScenarios)
	s.page("GET /scenarier/sammenlign", accessPublic, s.handleScenarioCompare)
	s.page("GET /scenarier/sammenlign/kart", accessPublic, s.handleScenarioCompareMaps)
	s.page("GET /scenarier/rapport", accessPublic, s.handleScenarioReport)
	s.page("GET /scenarier/ny", accessPublic, s.handleEditor)
	s.page("POST /scenarier/slett", accessAnalyst, s.handleScenarioDelete)
	s.page("POST /scenarier/ny/beregn", accessCompute, heavy.lazily(s.editorEvaluate))
	s.page("GET /okonomi", accessPublic, s.handleEconomy)
	s.page("GET /ordliste", accessPublic, s.handleGlossary)
	s.page("GET /sok", accessPublic, heavy.lazily(s.handleSearch))
	s.page("POST /sok/scenario", accessAnalyst, heavy.lazily(s.handleSearchSave))
	s.page("POST /sok/regioner/scenario", accessAnalyst, heavy.lazily(s.handleGroupsSave))
	s.page("GET /static/", accessPublic, plain(http.StripPrefix("/static/", staticHandler(s.cfg.Static)).ServeHTTP))
	s.accountRoutes()

	s.api("GET /api/v1/municipalities", accessPublic, s.apiMunicipalities)
	s.api("GET /api/v1/municipalities/{number}", accessPublic, s.apiMunicipality)
	s.api("GET /api/v1/municipalities/{number}/population", accessPublic, s.apiPopulationSeries)
	s.api("GET /api/v1/stats", accessPublic, s.apiStats)
	s.api("GET /api/v1/nordic", accessPublic, s.apiNordic)
	s.api("GET /api/v1/indicators", accessPublic, s.apiIndicators)
	s.api("GET /api/v1/indicators/{id}", accessPublic, s.apiIndicator)
	s.api("GET /api/v1/maps/{indicator}", accessPublic, s.apiMap)
	s.api("GET /api/v1/graph", accessPublic, s.apiGraph)
	s.api("GET /api/v1/tasks", accessPublic, s.apiTasks)
	s.api("GET /api/v1/analysis", accessPublic, s.apiAnalysis)
	s.api("GET /api/v1/scenarios", accessPublic, s.apiScenarios)
	s.api("POST /api/v1/scenarios", accessAnalyst, s.apiCreateScenario)
	s.api("GET /api/v1/scenarios/{id}", accessPublic, s.apiScenario)
	s.api("PUT /api/v1/scenarios/{id}", accessAnalyst, s.apiUpdateScenario)
	s.api("DELETE /api/v1/scenarios/{id}", accessAnalyst, s.apiDeleteScenario)
	s.api("GET /api/v1/scenarios/{id}/outcome", accessPublic, s.apiScenarioOutcome)
	s.scenarioFileRoutes()
	s.api("GET /api/v1/compare", accessPublic, s.apiCompare)
	s.api("POST /api/v1/evaluate", accessCompute, heavy.lazily(s.apiEvaluate))
	s.api("GET /api/v1/capacity", accessPublic, s.apiCapacity)
	s.api("GET /api/v1/capacity/observed", accessPublic, s.apiCapacityObserved)
	s.api("GET /api/v1/municipalities/{number}/capacity", accessPublic, s.apiMunicipalityCapacity)
	s.api("GET /api/v1/search", accessPublic, heavy.lazily(s.apiSearch))
	s.api("GET /api/v1/search/ensemble", accessPublic, heavy.lazily(s.apiSearchEnsemble))
	s.api("GET /api/v1/search/groups", accessPublic, heavy.lazily(s.apiSearchGroups))
	s.api("GET /api/v1/economy/municipalities/{number}", accessPublic, s.apiEconomyMunicipality)
	s.api("GET /api/v1/economy/merger", accessPublic, s.apiEconomyMerger)
	s.api("GET /api/v1/economy/parameters", accessPublic, s.apiEconomyParameters)
	s.api("GET /api/v1/economy/check", accessPublic, s.apiEconomyCheck)
	s.imcRoutes()
	s.patternRoutes()
	s.aboutRoutes()
	s.inputRoutes()
	s.jobRoutes()
	s.api("GET /api/v1/openapi.json", accessPublic, s.apiOpenAPI)
	s.api("GET /api/v1/me", accessSignedIn, s.apiMe)
	s.api("GET /api/v1/audit", accessAdmin, s.apiAudit)
	// The first version of the stats endpoint, kept for scripts.
	s.api("GET /api/stats", accessPublic, s.apiStats)

	s.page("GET /healthz", accessPublic, plain(func(w http.ResponseWriter, r *http.Request) {
		if !s.ready.Load() {
			http.Error(w, "starting", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	}))
	s.page("GET /readyz", accessPublic, plain(func(w http.ResponseWriter, r *http.Request) {
		if !s.ready.Load() {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		if _, err := s.store.Datasets(r.Context()); err != nil {
			http.Error(w, "store unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	}))
}

// Body limits: what any request may send. Handlers set tighter ones; the
// multipart limit leaves room for an innspill's PDF attachment.
const (
	maxBody          = 4 << 20
	maxMultipartBody = 12 << 20
)

// ServeHTTP implements http.Handler: a request id, the viewer, security
// headers, body limits, panic recovery, a structured access log line, and a
// 404 page for unknown paths.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := ""
	if s.cfg.TrustProxy {
		id = r.Header.Get("X-Request-Id") // a load balancer's, to follow a request across logs
	}
	if !validRequestID(id) {
		id = newRequestID()
	}
	h := w.Header()
	h.Set("X-Request-Id", id)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	if s.secure(r) {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	limit := int64(maxBody)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		limit = maxMultipartBody
	}
	if r.ContentLength > limit {
		s.tooLarge(w, r, limit)
		return
	}
	// rec sees what the client gets: it is under the body limit's writer,
	// which may turn a handler's 400 into 413.
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	lw := s.limitBody(rec, r, limit)
	// One reading of the data version per request (decision 0015).
	ctx := context.WithValue(app.WithVersion(r.Context()), requestIDKey, id)
	v, err := s.identify(r.WithContext(ctx))
	ctx = context.WithValue(ctx, viewerKey, v)
	r = r.WithContext(ctx)
	_, pattern := s.mux.Handler(r)
	path := loggedPath(r, pattern)
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", "request_id", id, "path", path, "panic", p, "stack", string(debug.Stack()))
			if !rec.wrote {
				http.Error(lw, "Internal error.", http.StatusInternalServerError)
			}
		}
		s.log.Info("request", "request_id", id, "method", r.Method, "path", path, "status", rec.status,
			"ms", float64(time.Since(start).Microseconds())/1000, "user", v.Name(), "remote", s.clientIP(r))
	}()
	if err != nil {
		// A bad API token is refused outright rather than served as the public.
		s.apiError(lw, r, err)
		return
	}
	if pattern == "" {
		s.noRoute(lw, r)
		return
	}
	s.mux.ServeHTTP(lw, r)
}

// tooLarge answers 413 for a body over the limit.
func (s *Server) tooLarge(w http.ResponseWriter, r *http.Request, limit int64) {
	msg := fmt.Sprintf("the request body is larger than %d bytes", limit)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]any{"error": map[string]string{"code": "too_large", "message": msg}})
		return
	}
	http.Error(w, msg, http.StatusRequestEntityTooLarge)
}

// validRequestID accepts a caller's X-Request-Id (from a load balancer)
// only if it is short and plain, so it cannot inject into logs.
func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

func newRequestID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// mapOf returns the map of a structure, nil when it has none (the page
// then says there is no map).
func (s *Server) mapOf(st generalist.Structure) *geomap.Map {
	m, err := s.app.Map(st)
	if err != nil {
		s.log.Error("map", "structure", st, "err", err)
	}
	return m
}

// graphOf returns the adjacency graph of a structure, nil when it has
// none.
func (s *Server) graphOf(st generalist.Structure) *graph.Graph {
	g, err := s.app.Graph(st)
	if err != nil {
		s.log.Error("graph", "structure", st, "err", err)
	}
	return g
}

// APIRoutes returns the patterns of the /api/v1 routes ("GET /api/v1/stats").
func (s *Server) APIRoutes() []string { return append([]string(nil), s.apiPatterns...) }

// Shutdown marks the server as not ready; in-flight requests are finished
// by http.Server.Shutdown.
func (s *Server) Shutdown(ctx context.Context) error {
	s.ready.Store(false)
	return nil
}

var statusOf = map[string]int{
	generalist.EINVALID:      http.StatusBadRequest,
	generalist.ENOTFOUND:     http.StatusNotFound,
	generalist.ECONFLICT:     http.StatusConflict,
	generalist.EINTERNAL:     http.StatusInternalServerError,
	generalist.EUNAUTHORIZED: http.StatusUnauthorized,
	generalist.EFORBIDDEN:    http.StatusForbidden,
}

// apiError writes {"error": {"code", "message"}} with the status of the
// error code. Internal errors are logged and shown as "Internal error.".
// An infeasible structure search adds its reasons (which units, what they
// reach, why) and whether infeasibility is proven.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	var inf *optimize.Infeasible
	if errors.As(err, &inf) {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]any{
			"code": generalist.EINVALID, "message": generalist.ErrorMessage(err), "proven": inf.Proven, "reasons": inf.Reasons}})
		return
	}
	var mte *mediaTypeError
	if errors.As(err, &mte) {
		writeJSON(w, http.StatusUnsupportedMediaType, map[string]any{"error": map[string]string{"code": "unsupported_media_type", "message": generalist.ErrorMessage(err)}})
		return
	}
	code := generalist.ErrorCode(err)
	if code == generalist.EINTERNAL {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSON(w, statusOf[code], map[string]any{"error": map[string]string{"code": code, "message": generalist.ErrorMessage(err)}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	writeBytes(w, status, "application/json", append(b, '\n'))
}

func writeBytes(w http.ResponseWriter, status int, contentType string, b []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", fmt.Sprint(len(b)))
	w.WriteHeader(status)
	w.Write(b)
}

func staticHandler(fsys fs.FS) http.Handler {
	fileServer := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A directory, or a name fs.FS cannot hold (invalid UTF-8, "..",
		// empty elements), is not a file here: 404, where the file server
		// would answer 500 for the invalid ones.
		if strings.HasSuffix(r.URL.Path, "/") || !fs.ValidPath(strings.TrimPrefix(r.URL.Path, "/")) || !utf8.ValidString(r.URL.Path) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fileServer.ServeHTTP(w, r)
	})
}
