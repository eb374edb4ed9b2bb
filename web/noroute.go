package web

import (
	"net/http"
	"strings"

	"generalist"
)

// routeMethods are the methods a route may be registered for.
var routeMethods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// allowedMethods returns the methods some route serves r's path with.
func (s *Server) allowedMethods(r *http.Request) []string {
	var allow []string
	for _, m := range routeMethods {
		probe := *r
		probe.Method = m
		if _, p := s.mux.Handler(&probe); p != "" {
			allow = append(allow, m)
		}
	}
	return allow
}

// noRoute answers a request no route serves: 405 with the methods there
// are in Allow when the path has a route for another method, 404
// otherwise; under /api/ in the API's JSON error shape, elsewhere as a
// page.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	allow := s.allowedMethods(r)
	api := strings.HasPrefix(r.URL.Path, "/api/")
	if len(allow) == 0 {
		if api {
			s.apiError(w, r, generalist.Errorf(generalist.ENOTFOUND, "no API route %s", r.URL.Path))
			return
		}
		s.pageError(w, r, generalist.Errorf(generalist.ENOTFOUND, "%s", r.URL.Path))
		return
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	if api {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]any{"error": map[string]string{"code": "method_not_allowed",
			"message": r.Method + " is not allowed on " + r.URL.Path + "; use " + orList(allow)}})
		return
	}
	http.Error(w, "Method not allowed.", http.StatusMethodNotAllowed)
}

// orList joins words as "GET, HEAD or POST".
func orList(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}
