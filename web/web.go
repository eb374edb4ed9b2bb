// Package web is the HTTP adapter: HTML pages (Norwegian bokmål) and the
// JSON API over the atlas. For now it serves the structure table, the
// Nordic comparison and a health check; the full web atlas builds on it.
package web

import (
	"context"
	"embed"
	"encoding/json"
	"html/template"
	"log/slog"
	"net/http"
	"strconv"

	"generalist"
	"generalist/atlas"
	"generalist/stats"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// Server serves the web UI and API from a store.
type Server struct {
	Store  generalist.AtlasStore
	Logger *slog.Logger

	tmpl *template.Template
	mux  *http.ServeMux
}

// NewServer parses the templates and sets up the routes.
func NewServer(store generalist.AtlasStore, logger *slog.Logger) (*Server, error) {
	t, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.tmpl")
	if err != nil {
		return nil, err
	}
	s := &Server{Store: store, Logger: logger, tmpl: t, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /{$}", s.handleHome)
	s.mux.HandleFunc("GET /api/stats", s.handleAPIStats)
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
	w.Header().Set("Referrer-Policy", "same-origin")
	s.mux.ServeHTTP(w, r)
}

var funcs = template.FuncMap{
	"persons": func(p generalist.Persons) string { return p.String() },
	"dec": func(v float64) string {
		s := strconv.FormatFloat(v, 'f', 1, 64)
		whole, _ := strconv.ParseInt(s[:len(s)-2], 10, 64)
		return generalist.Persons(whole).String() + "," + s[len(s)-1:]
	},
	"optnum": func(v *float64) string {
		if v == nil {
			return "ingen data"
		}
		return generalist.Persons(int64(*v + 0.5)).String()
	},
}

type homePage struct {
	Table  *atlas.Table
	Nordic *atlas.Nordic
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	t, err := atlas.StructureTable(r.Context(), s.Store, generalist.Structure2020, 2020, stats.DefaultUnder)
	if err != nil {
		s.error(w, r, err)
		return
	}
	n, err := atlas.NordicComparison(r.Context(), s.Store, 2020, "")
	if err != nil {
		s.error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.tmpl.ExecuteTemplate(w, "home.tmpl", homePage{Table: t, Nordic: n}); err != nil {
		s.Logger.Error("render home", "err", err)
	}
}

// handleAPIStats serves GET /api/stats?structure=2020&year=2020&under=5000,
// the same object as `generalist stats --json`.
func (s *Server) handleAPIStats(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	st, err := generalist.ParseStructure(q.Get("structure"))
	if err != nil {
		s.error(w, r, generalist.Errorf(generalist.EINVALID, "query parameter structure: %s", generalist.ErrorMessage(err)))
		return
	}
	year, err := strconv.Atoi(q.Get("year"))
	if err != nil || year < 1900 || year > 2100 {
		s.error(w, r, generalist.Errorf(generalist.EINVALID, "query parameter year %q: must be a calendar year such as 2020", q.Get("year")))
		return
	}
	under := stats.DefaultUnder
	if u := q.Get("under"); u != "" {
		n, err := strconv.ParseInt(u, 10, 64)
		if err != nil || n <= 0 {
			s.error(w, r, generalist.Errorf(generalist.EINVALID, "query parameter under %q: must be a positive whole number", u))
			return
		}
		under = generalist.Persons(n)
	}
	t, err := atlas.StructureTable(r.Context(), s.Store, st, year, under)
	if err != nil {
		s.error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

var statusOf = map[string]int{
	generalist.EINVALID:  http.StatusBadRequest,
	generalist.ENOTFOUND: http.StatusNotFound,
	generalist.ECONFLICT: http.StatusConflict,
	generalist.EINTERNAL: http.StatusInternalServerError,
}

func (s *Server) error(w http.ResponseWriter, r *http.Request, err error) {
	code := generalist.ErrorCode(err)
	if code == generalist.EINTERNAL {
		s.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSON(w, statusOf[code], map[string]string{"error": generalist.ErrorMessage(err), "code": code})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// Shutdown is a hook for graceful shutdown; the server holds no state.
func (s *Server) Shutdown(ctx context.Context) error { return nil }
