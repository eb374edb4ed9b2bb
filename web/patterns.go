package web

import (
	"fmt"
	"hash/fnv"
	"html/template"
	"net/http"
	"net/url"

	"generalist"
	"generalist/app"
	"generalist/chart"
	"generalist/geomap"
	"generalist/imc/pattern"
)

// The cooperation patterns (docs/cooperation-patterns.md): per
// municipality its cooperations, partners and fixed-partner index, per
// county the communities of municipalities that cooperate with each other
// (app.CooperationPatterns), as a page under /samarbeid and in the API.

func (s *Server) patternRoutes() {
	s.page("GET /samarbeid/monster", accessPublic, s.handlePatterns)
	s.api("GET /api/v1/imc/patterns", accessPublic, s.apiCooperationPatterns)
}

// patterns reads ?date= (today by default) and ?examples= and computes the
// patterns.
func (s *Server) patterns(r *http.Request) (*app.CooperationPatterns, error) {
	opts, err := todayOptions(r)
	if err != nil {
		return nil, err
	}
	day, err := dateParam(r.URL.Query(), "date", s.today())
	if err != nil {
		return nil, err
	}
	return s.app.CooperationPatterns(r.Context(), day, opts)
}

func (s *Server) apiCooperationPatterns(w http.ResponseWriter, r *http.Request) error {
	p, err := s.patterns(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

type patternsData struct {
	P   *app.CooperationPatterns
	Map template.HTML
	// Rows are P's municipalities with their county's name.
	Rows []patternRow
	// Registered counts the registry's cooperations that are not
	// examples, on any day: none gives the empty state that asks for an
	// import.
	Registered int
	// Date is the date field's value ("" for today).
	Date string
	// Query is what a municipality's link carries to its cooperation
	// page ("?examples=1&date=…"), so that it lists what was counted.
	Query string
}

type patternRow struct {
	pattern.Municipality
	CountyName string
}

func (s *Server) handlePatterns(w http.ResponseWriter, r *http.Request) error {
	p, err := s.patterns(r)
	if err != nil {
		return err
	}
	d := patternsData{P: p, Date: r.URL.Query().Get("date")}
	d.Query = municipalityQuery(p.Examples, d.Date)
	if p.Cooperations == 0 {
		all, err := s.store.IMCs(r.Context(), generalist.IMCFilter{})
		if err != nil {
			return err
		}
		for _, c := range all {
			if !c.Example {
				d.Registered++
			}
		}
	}
	counties := map[string]string{}
	for _, rg := range p.Regions {
		counties[rg.County] = rg.Name
	}
	for _, m := range p.Municipalities {
		d.Rows = append(d.Rows, patternRow{Municipality: m, CountyName: counties[m.County]})
	}
	if d.Map, err = s.patternMap(r, p, d.Query); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "imc_patterns.tmpl", page{Title: msg(langOf(r), "patterns.title"), Nav: "imc", Data: d})
	return nil
}

// patternScale is the map's classes of the index: quarters of its range
// 0–1 for readability ("under 0,25" … "0,75 og over"), not a judgement.
var patternScale = geomap.Scale{Limits: []float64{0.25, 0.5, 0.75}, Min: 0, Max: 1, Fixed: true}

// patternMap draws each municipality's fixed-partner index; one with fewer
// than two cooperations has no index and is drawn as "no data".
func (s *Server) patternMap(r *http.Request, p *app.CooperationPatterns, query string) (template.HTML, error) {
	gm := s.mapOf(generalist.Structure2024)
	if gm == nil || len(p.Municipalities) == 0 {
		return "", nil
	}
	ms, err := s.store.Municipalities(r.Context(), generalist.Structure2024)
	if err != nil {
		return "", err
	}
	values := map[string]float64{}
	names := map[string]string{}
	for _, m := range ms {
		names[string(m.Number)] = m.ShortName
	}
	h := fnv.New64a()
	for _, m := range p.Municipalities {
		if m.Index != nil {
			values[m.Number] = *m.Index
			fmt.Fprintf(h, "%s=%v;", m.Number, *m.Index)
		}
	}
	lang := langOf(r)
	key := fmt.Sprintf("patternmap/%s/%x/%s", lang, h.Sum64(), query)
	b, err := get(r.Context(), s.cache, key, func() ([]byte, error) {
		fig, err := s.mapFigure(gm, geomap.Options{Values: values, Names: names, Scale: &patternScale,
			Title: msg(lang, "patterns.map.title"), NoDataLabel: msg(lang, "patterns.map.nodata"), ID: "pattern-map",
			Source: msg(lang, "patterns.map.source"), Format: func(v float64) string { return chart.FormatNumber(v, 2, lang) },
			Link: func(code string) string { return "/kommune/" + code + "/samarbeid" + query }, Width: 480, Lang: lang}, lang)
		return []byte(fig), err
	})
	return template.HTML(b), err // drawn and escaped by geomap
}

// municipalityQuery is the query a link to a municipality's cooperation
// page carries from the patterns page: the example choice and the date,
// so that the page lists the cooperations the patterns counted.
func municipalityQuery(examples bool, date string) string {
	q := url.Values{}
	if examples {
		q.Set("examples", "1")
	}
	if date != "" {
		q.Set("date", date)
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}
