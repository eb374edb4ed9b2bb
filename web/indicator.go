package web

import (
	"context"
	"net/http"
	"strings"

	"generalist"
	"generalist/atlas"
)

// lookupIndicator returns a built-in or imported indicator and the year
// shown (app.Indicator).
func (s *Server) lookupIndicator(ctx context.Context, id string, st generalist.Structure, year int) (atlas.Indicator, int, error) {
	return s.app.Indicator(ctx, id, st, year)
}

// indicatorList returns the built-in indicators followed by the imported
// ones.
func (s *Server) indicatorList(ctx context.Context) ([]atlas.Indicator, error) {
	out := append([]atlas.Indicator(nil), atlas.Indicators...)
	user, err := s.store.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range user {
		out = append(out, atlas.Indicator{ID: u.ID, NB: u.Name, EN: u.Name, UnitNB: u.Unit, UnitEN: u.Unit, Source: u.Source,
			Caveat: strings.TrimSpace("Importert indikator. " + u.Description)})
	}
	return out, nil
}

// apiIndicator serves GET /api/v1/indicators/{id}: one indicator, built-in
// or imported, for every municipality of ?structure= on ?year=.
func (s *Server) apiIndicator(w http.ResponseWriter, r *http.Request) error {
	st, year, err := s.structureYear(r)
	if err != nil {
		return err
	}
	ind, indYear, err := s.lookupIndicator(r.Context(), r.PathValue("id"), st, year)
	if err != nil {
		return err
	}
	rows, err := s.rows(r.Context(), st, year)
	if err != nil {
		return err
	}
	type value struct {
		Number generalist.MunicipalityNumber `json:"number"`
		Name   string                        `json:"name"`
		Value  *float64                      `json:"value"`
	}
	vals := make([]value, len(rows))
	for i := range rows {
		vals[i] = value{Number: rows[i].Number, Name: rows[i].ShortName}
		if v, ok := ind.Value(&rows[i]); ok {
			vals[i].Value = &v
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"indicator": ind, "structure": st, "year": indYear, "values": vals})
	return nil
}
