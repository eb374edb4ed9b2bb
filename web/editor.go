package web

import (
	"html/template"
	"net/http"

	"generalist"
	"generalist/app"
	"generalist/sim"
)

type editorPage struct {
	Structure generalist.Structure
	Year      int
	Map       template.HTML
	Today     *sim.Outcome
}

// handleEditor serves the plan editor on the 2024 structure and the
// latest year: the server's map, today's figures, and editor.js.
func (s *Server) handleEditor(w http.ResponseWriter, r *http.Request) error {
	st := generalist.Structure2024
	year, err := s.defaultYear(r, st)
	if err != nil {
		return err
	}
	lang := langOf(r)
	svg, err := s.renderMap(r.Context(), mapRequest{Structure: st, Year: year, Indicator: "population", Lang: lang, Width: 640})
	if err != nil {
		return err
	}
	t, err := s.app.Evaluate(r.Context(), app.Today(st, year), app.TodayOptions{})
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "editor.tmpl", page{Title: map[string]string{"nb": "Planlegger", "en": "Plan editor"}[lang], Nav: "scenarios",
		Data: editorPage{Structure: st, Year: year, Map: template.HTML(svg), Today: t}})
	return nil
}
