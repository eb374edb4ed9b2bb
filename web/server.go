package web

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"generalist"
	"generalist/economy"
	"generalist/geomap"
	"generalist/graph"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

//go:embed static/app static/vendor
var staticFS embed.FS

// Config is what a Server needs. Store is required; Maps and Graphs may
// lack a structure, and pages then say there is no map for it.
type Config struct {
	Store  generalist.AtlasStore
	Logger *slog.Logger
	// Maps and Graphs hold the geometry of each structure, built once at
	// start by the caller (cmd/generalist).
	Maps   map[generalist.Structure]*geomap.Map
	Graphs map[generalist.Structure]*graph.Graph
	// Indicators holds user-imported indicators (usually the same store);
	// nil hides them.
	Indicators generalist.IndicatorStore
	// Catalogue is the shipped task catalogue for the capacity pages; nil
	// hides them. Changes holds analysts' changes to its parameters (nil:
	// none), applied everywhere; AllowEdits shows a form to make them —
	// for a single user on their own machine until accounts exist.
	Catalogue  *generalist.Catalogue
	Changes    generalist.CatalogueStore
	AllowEdits bool
	// EditHosts are host names, besides loopback ones, that writes may be
	// addressed to (the server's public name when AllowEdits is used
	// beyond the local machine).
	EditHosts []string
	// Scenarios stores users' scenarios; nil shows only the Examples.
	Scenarios generalist.ScenarioStore
	Examples  []*generalist.Scenario
	// Economy is the income-system model (parameters and tables) for the
	// economy pages and API; nil hides them.
	Economy *economy.Model
	// Cooperations is the registry of inter-municipal cooperations; nil
	// hides it. Everyone may read it; changes need AllowEdits.
	Cooperations generalist.CooperationStore
	// Templates and Static default to the embedded files; serve -dev can
	// pass os.DirFS for live editing.
	Templates fs.FS
	Static    fs.FS
	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// Server serves the web UI and the JSON API.
type Server struct {
	cfg   Config
	log   *slog.Logger
	pages map[string]*template.Template // per language
	mux   *http.ServeMux
	cache *cache
	csrf  string // token of the parameter form (AllowEdits)
	ready atomic.Bool
	// apiPatterns lists the /api/v1 routes; a test checks each against the
	// OpenAPI document.
	apiPatterns []string
}

// NewServer parses every template (failing on any error) and sets up the
// routes.
func NewServer(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("web: no store")
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
	s := &Server{cfg: cfg, log: cfg.Logger, pages: map[string]*template.Template{}, mux: http.NewServeMux(), csrf: newCSRFToken()}
	s.cache = newCache(cfg)
	for _, lang := range []string{"nb", "en"} {
		t, err := template.New("").Funcs(templateFuncs(lang)).ParseFS(cfg.Templates, "*.tmpl")
		if err != nil {
			return nil, fmt.Errorf("web: templates: %w", err)
		}
		for _, name := range pageNames {
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
	"imc_municipality.tmpl", "imc_law.tmpl", "imc_form.tmpl"}

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /{$}", s.handleHome)
	m.HandleFunc("GET /kommuner", s.handleList)
	m.HandleFunc("GET /kommune/{number}", s.handleProfile)
	m.HandleFunc("GET /sammenlign", s.handleCompare)
	m.HandleFunc("GET /kart", s.handleMapPage)
	m.HandleFunc("GET /oppgaver", s.handleTasks)
	m.HandleFunc("POST /oppgaver/endring", s.handleParamChange)
	m.HandleFunc("GET /kapasitet", s.handleCapacity)
	m.HandleFunc("GET /analyse", s.handleAnalysis)
	m.HandleFunc("GET /scenarier", s.handleScenarios)
	m.HandleFunc("GET /scenarier/sammenlign", s.handleScenarioCompare)
	m.HandleFunc("GET /scenarier/rapport", s.handleScenarioReport)
	m.HandleFunc("GET /scenarier/ny", s.handleEditor)
	m.HandleFunc("GET /okonomi", s.handleEconomy)
	m.HandleFunc("GET /sok", s.handleSearch)
	m.Handle("GET /static/", http.StripPrefix("/static/", staticHandler(s.cfg.Static)))

	api := func(pattern string, h http.HandlerFunc) {
		s.apiPatterns = append(s.apiPatterns, pattern)
		m.HandleFunc(pattern, h)
	}
	api("GET /api/v1/municipalities", s.apiMunicipalities)
	api("GET /api/v1/municipalities/{number}", s.apiMunicipality)
	api("GET /api/v1/municipalities/{number}/population", s.apiPopulationSeries)
	api("GET /api/v1/stats", s.apiStats)
	api("GET /api/v1/nordic", s.apiNordic)
	api("GET /api/v1/indicators", s.apiIndicators)
	api("GET /api/v1/indicators/{id}", s.apiIndicator)
	api("GET /api/v1/maps/{indicator}", s.apiMap)
	api("GET /api/v1/graph", s.apiGraph)
	api("GET /api/v1/tasks", s.apiTasks)
	api("GET /api/v1/analysis", s.apiAnalysis)
	api("GET /api/v1/scenarios", s.apiScenarios)
	api("POST /api/v1/scenarios", s.apiCreateScenario)
	api("GET /api/v1/scenarios/{id}", s.apiScenario)
	api("PUT /api/v1/scenarios/{id}", s.apiUpdateScenario)
	api("DELETE /api/v1/scenarios/{id}", s.apiDeleteScenario)
	api("GET /api/v1/scenarios/{id}/outcome", s.apiScenarioOutcome)
	api("GET /api/v1/compare", s.apiCompare)
	api("POST /api/v1/evaluate", s.apiEvaluate)
	api("GET /api/v1/capacity", s.apiCapacity)
	api("GET /api/v1/municipalities/{number}/capacity", s.apiMunicipalityCapacity)
	api("GET /api/v1/search", s.apiSearch)
	api("GET /api/v1/search/ensemble", s.apiSearchEnsemble)
	api("GET /api/v1/economy/municipalities/{number}", s.apiEconomyMunicipality)
	api("GET /api/v1/economy/merger", s.apiEconomyMerger)
	api("GET /api/v1/economy/parameters", s.apiEconomyParameters)
	api("GET /api/v1/economy/check", s.apiEconomyCheck)
	s.imcRoutes(api)
	api("GET /api/v1/openapi.json", s.apiOpenAPI)
	m.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		s.apiError(w, r, generalist.Errorf(generalist.ENOTFOUND, "no API route %s", r.URL.Path))
	})
	// The first version of the stats endpoint, kept for scripts.
	m.HandleFunc("GET /api/stats", s.apiStats)

	m.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if !s.ready.Load() {
			http.Error(w, "starting", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	m.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if _, err := s.cfg.Store.Datasets(r.Context()); err != nil {
			http.Error(w, "store unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
}

// ServeHTTP implements http.Handler: security headers, panic recovery and
// a 404 page for unknown paths.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("panic", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
			http.Error(w, "Internal error.", http.StatusInternalServerError)
		}
	}()
	if _, pattern := s.mux.Handler(r); pattern == "" && !strings.HasPrefix(r.URL.Path, "/api/") {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "Method not allowed.", http.StatusMethodNotAllowed)
			return
		}
		s.pageError(w, r, generalist.Errorf(generalist.ENOTFOUND, "%s", r.URL.Path))
		return
	}
	s.mux.ServeHTTP(w, r)
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
	generalist.EINVALID:  http.StatusBadRequest,
	generalist.ENOTFOUND: http.StatusNotFound,
	generalist.ECONFLICT: http.StatusConflict,
	generalist.EINTERNAL: http.StatusInternalServerError,
}

// apiError writes {"error": {"code", "message"}} with the status of the
// error code. Internal errors are logged and shown as "Internal error.".
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
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
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fileServer.ServeHTTP(w, r)
	})
}
