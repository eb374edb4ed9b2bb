package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"

	"generalist"
	"generalist/app"
	"generalist/atlas"
	"generalist/chart"
	"generalist/internal/nbfmt"
)

// analysisRequest is a parsed analysis query.
type analysisRequest struct {
	Structure  generalist.Structure
	Year       int
	Indicator  atlas.Indicator
	Covariates []string
}

// parseAnalysis reads ?indicator=, repeated ?cov= (default logpop and
// centrality), ?structure= and ?year=.
func (s *Server) parseAnalysis(r *http.Request) (analysisRequest, error) {
	q := r.URL.Query()
	var a analysisRequest
	var err error
	if a.Structure, err = structureParam(q, generalist.Structure2024); err != nil {
		return a, err
	}
	if a.Year, err = s.yearFor(r, q, a.Structure); err != nil {
		return a, err
	}
	id := q.Get("indicator")
	if id == "" {
		id = "costindex2025"
	}
	if a.Indicator, _, err = s.lookupIndicator(r.Context(), id, a.Structure, a.Year); err != nil {
		return a, err
	}
	a.Covariates = q["cov"]
	if len(a.Covariates) == 0 {
		a.Covariates = app.DefaultCovariates(a.Structure)
	}
	return a, nil
}

func (s *Server) analyse(r *http.Request, a analysisRequest) (*atlas.Analysis, error) {
	return s.app.Analyse(r.Context(), a.Indicator, a.Structure, a.Year, a.Covariates)
}

// requestedAnalysis parses the request's analysis and runs it.
func (s *Server) requestedAnalysis(r *http.Request) (analysisRequest, *atlas.Analysis, error) {
	a, err := s.parseAnalysis(r)
	if err != nil {
		return a, nil, err
	}
	res, err := s.analyse(r, a)
	return a, res, err
}

func (s *Server) apiAnalysis(w http.ResponseWriter, r *http.Request) error {
	a, res, err := s.requestedAnalysis(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"analysis": res, "source": a.Indicator.Source, "caveat": a.Indicator.Caveat,
		"method": "OLS med konstantledd; 95 % konfidensintervall fra t-fordelingen; kommuner uten verdi er utelatt (listwise deletion)"})
	return nil
}

type analysisPage struct {
	Req        analysisRequest
	Result     *atlas.Analysis
	Indicators []atlas.Indicator
	Covariates []atlas.Covariate
	Scatter    template.HTML
	Years      []int
	JSON       string
	// Terms are the regression's coefficients named in the page's
	// language; Doubling says what the population's coefficient means;
	// BySize and ByCentrality are the group means with their groups named.
	Terms        []analysisTermRow
	Doubling     string
	BySize       []atlas.GroupMean
	ByCentrality []atlas.GroupMean
}

// analysisTermRow is one coefficient of the regression, named for the
// reader.
type analysisTermRow struct {
	Label, P string
	atlas.Coefficient
}

func (s *Server) handleAnalysis(w http.ResponseWriter, r *http.Request) error {
	lang := langOf(r)
	a, res, err := s.requestedAnalysis(r)
	if err != nil {
		return err
	}
	years, err := s.years(r.Context(), a.Structure)
	if err != nil {
		return err
	}
	// The plot shows the indicator against population with the line of the
	// regression on log population alone, coloured by centrality class.
	simple, err := s.analyse(r, analysisRequest{Structure: a.Structure, Year: a.Year, Indicator: a.Indicator, Covariates: []string{"logpop"}})
	if err != nil {
		return err
	}
	var pts []chart.ScatterPoint
	for _, p := range res.Points {
		if p.Population <= 0 {
			continue
		}
		group := "–"
		if p.Centrality != "" {
			group = fmt.Sprintf(msg(lang, "an.centrality"), p.Centrality)
		}
		pts = append(pts, chart.ScatterPoint{X: float64(p.Population), Y: p.Value, Label: p.Name, Group: group, Href: "/kommune/" + string(p.Number)})
	}
	var groups []string
	for c := 1; c <= 6; c++ {
		groups = append(groups, fmt.Sprintf(msg(lang, "an.centrality"), fmt.Sprint(c)))
	}
	title, unit := a.Indicator.NB, a.Indicator.UnitNB
	if lang == "en" {
		title, unit = a.Indicator.EN, a.Indicator.UnitEN
	}
	var fit *chart.Fit
	if len(simple.Coefficients) == 2 {
		fit = &chart.Fit{Intercept: simple.Coefficients[0].Estimate, Slope: simple.Coefficients[1].Estimate, LogBase: 2,
			Label: msg(lang, "an.fit")}
	}
	dec := a.Indicator.Decimals
	var buf bytes.Buffer
	if err := chart.Scatter(&buf, chart.ScatterChart{Title: fmt.Sprintf(msg(lang, "an.scatter"), title, fmt.Sprint(a.Year)),
		XLabel: msg(lang, "inhabitants"), YLabel: fmt.Sprintf("%s (%s)", title, unit), Source: a.Indicator.Source,
		Points: pts, Groups: groups, LogX: true, Fit: fit, Width: 720, Height: 460, Lang: lang,
		Format: func(v float64) string { return chart.FormatNumber(v, dec, lang) }}); err != nil {
		return err
	}
	q := url.Values{"indicator": {a.Indicator.ID}, "structure": {a.Structure.String()}, "year": {fmt.Sprint(a.Year)}, "cov": a.Covariates}
	all, err := s.indicatorList(r.Context())
	if err != nil {
		return err
	}
	var inds []atlas.Indicator
	for _, in := range all {
		if !in.Only2024 || a.Structure == generalist.Structure2024 {
			inds = append(inds, in)
		}
	}
	var caveats []string
	if a.Indicator.Caveat != "" {
		caveats = append(caveats, a.Indicator.Caveat)
	}
	if slices.Contains(a.Covariates, "centrality") {
		caveats = append(caveats, generalist.CentralityCaveat)
	}
	d := analysisPage{Req: a, Result: res, Indicators: inds, Covariates: atlas.Covariates, Scatter: template.HTML(buf.Bytes()), Years: years,
		JSON: "/api/v1/analysis?" + q.Encode(), Doubling: doublingSentence(lang, a.Indicator, res.DoublingEffect)}
	for _, c := range res.Coefficients {
		p := msg(lang, "nodata")
		switch {
		case c.P != nil && *c.P < 0.0001:
			p = msg(lang, "an.p.small")
		case c.P != nil:
			p = nbfmt.For(lang).Decimal(*c.P, 4)
		}
		d.Terms = append(d.Terms, analysisTermRow{Label: analysisTerm(lang, c.Name), P: p, Coefficient: c})
	}
	for _, g := range res.BySize {
		g.Group = analysisGroup(lang, g.Group)
		d.BySize = append(d.BySize, g)
	}
	d.ByCentrality = res.ByCentrality
	s.render(w, r, http.StatusOK, "analysis.tmpl", page{Title: msg(lang, "nav.analysis"), Nav: "analysis", Structure: a.Structure, Caveats: caveats, Data: d})
	return nil
}
