package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"generalist"
	"generalist/atlas"
	"generalist/chart"
	"generalist/geomap"
)

// mapRequest is everything that decides a rendered map; it is the cache key.
type mapRequest struct {
	Structure generalist.Structure
	Year      int
	Indicator string
	Lang      string
	Highlight []string
	Focus     []string
	Width     int
	Method    geomap.Method
}

func (m mapRequest) key() string {
	return fmt.Sprintf("map/%d/%d/%s/%s/%s/%s/%d/%d", m.Structure, m.Year, m.Indicator, m.Lang,
		strings.Join(m.Highlight, ","), strings.Join(m.Focus, ","), m.Width, m.Method)
}

// renderMap draws (or fetches from the cache) a choropleth of an indicator.
func (s *Server) renderMap(ctx context.Context, m mapRequest) ([]byte, error) {
	b, err := s.mapBody(ctx, m)
	return b.raw, err
}

// mapBody is renderMap with the compressed copy for the SVG endpoint.
func (s *Server) mapBody(ctx context.Context, m mapRequest) (body, error) {
	gm := s.mapOf(m.Structure)
	if gm == nil {
		return body{}, generalist.Errorf(generalist.ENOTFOUND, "no map geometry for the %d structure", m.Structure)
	}
	ind, indYear, err := s.lookupIndicator(ctx, m.Indicator, m.Structure, m.Year)
	if err != nil {
		return body{}, err
	}
	draw := func() (body, error) {
		rows, err := s.rows(ctx, m.Structure, m.Year)
		if err != nil {
			return body{}, err
		}
		values := map[string]float64{}
		names := map[string]string{}
		for i := range rows {
			names[string(rows[i].Number)] = rows[i].ShortName
			if v, ok := ind.Value(&rows[i]); ok {
				values[string(rows[i].Number)] = v
			}
		}
		title, unit := ind.NB, ind.UnitNB
		if m.Lang == "en" {
			title, unit = ind.EN, ind.UnitEN
		}
		lang := m.Lang
		dec := ind.Decimals
		var buf bytes.Buffer
		err = gm.Render(&buf, geomap.Options{
			Values: values, Names: names, Method: m.Method, Classes: 5,
			Title: fmt.Sprintf("%s, %d", title, indYear), Unit: unit, Source: ind.Source,
			Format:    func(v float64) string { return chart.FormatNumber(v, dec, lang) },
			Link:      func(code string) string { return "/kommune/" + code + structureQuery(m.Structure) },
			Highlight: m.Highlight, Focus: m.Focus, Width: m.Width, Lang: lang,
		})
		if err != nil {
			return body{}, err
		}
		return newBody(buf.Bytes())
	}
	// A map zoomed on a few municipalities belongs to one page (a
	// profile), which keeps it inside its own cached HTML: keeping it
	// apart as well would only take a second share of the budget.
	if len(m.Focus) > 0 {
		return draw()
	}
	return get(ctx, s.cache, m.key(), draw)
}

func structureQuery(s generalist.Structure) string {
	if s == generalist.Structure2024 {
		return ""
	}
	return "?structure=" + s.String()
}

func indicatorIDs() string {
	var ids []string
	for _, in := range atlas.Indicators {
		ids = append(ids, in.ID)
	}
	return strings.Join(ids, ", ")
}

// codesParam parses a comma-separated list of kommunenummer (?highlight=).
func codesParam(v, name string) ([]string, error) {
	if v == "" {
		return nil, nil
	}
	var out []string
	for _, p := range strings.Split(v, ",") {
		n, err := generalist.ParseMunicipalityNumber(strings.TrimSpace(p))
		if err != nil {
			return nil, generalist.Errorf(generalist.EINVALID, "query parameter %s: %s", name, generalist.ErrorMessage(err))
		}
		out = append(out, string(n))
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func methodParam(v string) (geomap.Method, error) {
	switch v {
	case "", "quantile":
		return geomap.Quantile, nil
	case "jenks", "natural-breaks":
		return geomap.NaturalBreaks, nil
	}
	return 0, generalist.Errorf(generalist.EINVALID, "query parameter classes %q: must be quantile or jenks", v)
}

// apiMap serves GET /api/v1/maps/{indicator}[.svg] as SVG.
func (s *Server) apiMap(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	m := mapRequest{Indicator: strings.TrimSuffix(r.PathValue("indicator"), ".svg"), Lang: langOf(r), Width: 600}
	var err error
	if m.Structure, err = structureParam(q, generalist.Structure2024); err != nil {
		return err
	}
	if m.Year, err = s.yearFor(r, q, m.Structure); err != nil {
		return err
	}
	if m.Highlight, err = codesParam(q.Get("highlight"), "highlight"); err != nil {
		return err
	}
	if m.Focus, err = codesParam(q.Get("focus"), "focus"); err != nil {
		return err
	}
	if m.Method, err = methodParam(q.Get("classes")); err != nil {
		return err
	}
	if wd, err := positiveParam(q, "width", 600); err != nil || wd > 4000 {
		if err == nil {
			err = generalist.Errorf(generalist.EINVALID, "query parameter width %d: at most 4000", wd)
		}
		return err
	} else {
		m.Width = int(wd)
	}
	b, err := s.mapBody(r.Context(), m)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	b.write(w, r, "image/svg+xml")
	return nil
}
