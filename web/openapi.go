package web

import (
	_ "embed"
	"net/http"
)

// openAPI is the API description; TestOpenAPI checks it against the
// handlers.
//
//go:embed openapi.json
var openAPI []byte

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	writeBytes(w, http.StatusOK, "application/json", openAPI)
	return nil
}
