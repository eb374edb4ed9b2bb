package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
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
	gm, opt, err := s.mapOptions(ctx, m)
	if err != nil {
		return body{}, err
	}
	draw := func() (body, error) {
		o, err := opt()
		if err != nil {
			return body{}, err
		}
		var buf bytes.Buffer
		if err := gm.Render(&buf, o); err != nil {
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

// renderFigure draws (or fetches from the cache) a choropleth of an
// indicator as a page shows it: a skip link, the map, its legend in HTML
// and its figures as a table (see mapFigure).
func (s *Server) renderFigure(ctx context.Context, m mapRequest) (template.HTML, error) {
	gm, opt, err := s.mapOptions(ctx, m)
	if err != nil {
		return "", err
	}
	draw := func() (template.HTML, error) {
		o, err := opt()
		if err != nil {
			return "", err
		}
		return s.mapFigure(gm, o, m.Lang)
	}
	if len(m.Focus) > 0 {
		return draw()
	}
	return get(ctx, s.cache, "figure/"+m.key(), draw)
}

// mapOptions looks up the map and the indicator of m, and returns a
// function that loads the values and gives the options to draw them.
func (s *Server) mapOptions(ctx context.Context, m mapRequest) (*geomap.Map, func() (geomap.Options, error), error) {
	gm := s.mapOf(m.Structure)
	if gm == nil {
		return nil, nil, generalist.Errorf(generalist.ENOTFOUND, "no map geometry for the %d structure", m.Structure)
	}
	ind, indYear, err := s.lookupIndicator(ctx, m.Indicator, m.Structure, m.Year)
	if err != nil {
		return nil, nil, err
	}
	return gm, func() (geomap.Options, error) {
		rows, err := s.rows(ctx, m.Structure, m.Year)
		if err != nil {
			return geomap.Options{}, err
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
		return geomap.Options{
			Values: values, Names: names, Method: m.Method, Classes: 5,
			Title: fmt.Sprintf("%s, %d", title, indYear), Unit: unit, Source: sourceLabel(lang, ind.Source),
			Format:    func(v float64) string { return chart.FormatNumber(v, dec, lang) },
			Link:      func(code string) string { return "/kommune/" + code + structureQuery(m.Structure) },
			Highlight: m.Highlight, Focus: m.Focus, Width: m.Width, Lang: lang,
		}, nil
	}, nil
}

// figureData is what the template "mapfigure" shows.
type figureData struct {
	ID  string
	SVG template.HTML
	Key *geomap.Key
	// Labels are the class labels by class, for the table.
	Labels []string
	// Zero says a class holds zero alone.
	Zero bool
}

// mapFigure renders opt as a page shows a map: a link past the map, the
// SVG without its own legend, the legend in HTML beside it (its text keeps
// its size when the map shrinks on a phone) and a disclosure with every
// drawn municipality's value, the map's text alternative, which the skip
// link leads to. opt.ID should be set when a page shows several maps.
func (s *Server) mapFigure(gm *geomap.Map, opt geomap.Options, lang string) (template.HTML, error) {
	opt.Legend = geomap.LegendNone
	var svg bytes.Buffer
	if err := gm.Render(&svg, opt); err != nil {
		return "", err
	}
	key, err := gm.Key(opt)
	if err != nil {
		return "", err
	}
	id := opt.ID
	if id == "" {
		// The SVG's own id prefix, which differs between maps that differ.
		b := svg.Bytes()
		if i := bytes.Index(b, []byte(`aria-labelledby="`)); i >= 0 {
			rest := b[i+len(`aria-labelledby="`):]
			if j := bytes.Index(rest, []byte("-title")); j > 0 {
				id = string(rest[:j])
			}
		}
	}
	d := figureData{ID: "fig-" + id, SVG: template.HTML(svg.Bytes()), Key: key} // geomap escapes its text
	d.Labels = make([]string, len(key.Classes))
	for i, c := range key.Classes {
		d.Labels[i] = c.Label
		d.Zero = d.Zero || c.Zero
	}
	slices.SortStableFunc(key.Areas, func(a, b geomap.KeyArea) int { return strings.Compare(nameKey(a.Name), nameKey(b.Name)) })
	var out bytes.Buffer
	if err := s.pages[lang].ExecuteTemplate(&out, "mapfigure", d); err != nil {
		return "", fmt.Errorf("render a map figure: %w", err)
	}
	return template.HTML(out.String()), nil
}

// nameKey sorts names in Norwegian alphabetical order: Æ, Ø and Å after Z.
var nameKey = strings.NewReplacer("Æ", "Z{", "æ", "z{", "Ø", "Z|", "ø", "z|", "Å", "Z}", "å", "z}").Replace

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

type mapPageData struct {
	Indicators []atlas.Indicator
	Indicator  atlas.Indicator
	Method     string
	Year       int
	Years      []int
	Counties   []generalist.County
	County     generalist.CountyNumber
	Figure     template.HTML
	Message    string
	SVGURL     string
}

// handleMapPage serves GET /kart: an indicator on the map of the whole
// country or, with ?county=NN, zoomed to one county on the country's
// classes.
func (s *Server) handleMapPage(w http.ResponseWriter, r *http.Request) error {
	return s.servePublic(w, r, s.mapPage) // the public's answer from memory (public.go)
}

func (s *Server) mapPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	lang := langOf(r)
	st, year, err := s.structureYear(r)
	if err != nil {
		return err
	}
	id := q.Get("indicator")
	if id == "" {
		id = "population"
	}
	ind, _, err := s.lookupIndicator(r.Context(), id, st, year)
	if err != nil {
		return err
	}
	inds, err := s.indicatorList(r.Context())
	if err != nil {
		return err
	}
	method, err := methodParam(q.Get("classes"))
	if err != nil {
		return err
	}
	years, err := s.years(r.Context(), st)
	if err != nil {
		return err
	}
	counties, err := s.store.Counties(r.Context(), st)
	if err != nil {
		return err
	}
	d := mapPageData{Indicators: inds, Indicator: ind, Method: q.Get("classes"), Year: year, Years: years, Counties: counties}
	var focus []string
	if v := q.Get("county"); v != "" {
		if focus, err = s.countyCodes(r.Context(), st, year, v); err != nil {
			return err
		}
		d.County = generalist.CountyNumber(v)
	}
	if ind.Only2024 && st != generalist.Structure2024 {
		d.Message = msg(lang, "map.only2024")
	} else {
		fig, err := s.renderFigure(r.Context(), mapRequest{Structure: st, Year: year, Indicator: id, Lang: lang, Width: 640, Method: method, Focus: focus})
		switch {
		case generalist.ErrorCode(err) == generalist.ENOTFOUND:
			d.Message = msg(lang, "map.nomap")
		case err != nil:
			return err
		default:
			d.Figure = fig
		}
		d.SVGURL = fmt.Sprintf("/api/v1/maps/%s.svg?structure=%d&year=%d", id, st, year)
		if len(focus) > 0 {
			d.SVGURL += "&focus=" + strings.Join(focus, ",")
		}
	}
	var caveats []string
	if ind.Caveat != "" {
		caveats = []string{ind.Caveat}
	}
	s.render(w, r, http.StatusOK, "map.tmpl", page{Title: msg(lang, "nav.map"), Nav: "map", Structure: st, Data: d, Caveats: caveats})
	return nil
}

// countyCodes returns the municipalities of county v (a fylkesnummer) in
// a structure and year, or an EINVALID error naming the parameter.
func (s *Server) countyCodes(ctx context.Context, st generalist.Structure, year int, v string) ([]string, error) {
	c, err := generalist.ParseCountyNumber(v)
	if err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "query parameter county: %s", generalist.ErrorMessage(err))
	}
	rows, err := s.rows(ctx, st, year)
	if err != nil {
		return nil, err
	}
	var codes []string
	for i := range rows {
		if rows[i].Number.County() == c {
			codes = append(codes, string(rows[i].Number))
		}
	}
	if len(codes) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "query parameter county %q: no municipality of the %d structure is in that county", v, st)
	}
	return codes, nil
}

// skipPast puts a link past a map drawn without mapFigure (the structure
// search's group map, whose page gives its own legend and table): the link
// before the SVG, and the target, which takes focus, right after it.
func skipPast(id string, svg template.HTML, lang string) template.HTML {
	if svg == "" {
		return ""
	}
	return template.HTML(`<a class="map-skip" href="#`+id+`-end">`+template.HTMLEscapeString(msg(lang, "maps.skip"))+`</a>`) +
		svg + template.HTML(`<span class="map-end" id="`+id+`-end" tabindex="-1"></span>`)
}
