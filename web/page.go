package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"

	"generalist"
	"generalist/atlas"
	"generalist/chart"
	"generalist/demography"
	"generalist/graph"
	"generalist/stats"
)

// page is what every page template gets: the layout's needs plus Data.
type page struct {
	Lang      string
	Title     string
	Path      string
	Query     url.Values
	Nav       string
	Data      any
	Caveats   []string
	Structure generalist.Structure
	// Flash is the message key of a one-time confirmation of the change
	// that led here (flash.go), or "".
	Flash string
	// Analyst is true for an analyst or administrator: the menu then
	// lists the pages of their work (the moderation queue).
	Analyst bool
	// CSRF is the signed-in analyst's form token on pages rendered for
	// one request (render, never renderCached), for forms in shared
	// partials such as the search's actions; "" otherwise.
	CSRF string
}

// isAnalyst reports whether r comes from an analyst or an administrator.
func isAnalyst(r *http.Request) bool {
	return accessAnalyst.allows(viewerOf(r).Role)
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	p.Query = r.URL.Query()
	s.renderQuery(w, r, status, name, p)
}

// renderQuery is render keeping p.Query, the query the language switch
// links to.
func (s *Server) renderQuery(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	rememberLang(w, r)
	p.Lang = langOf(r)
	p.Path = r.URL.Path
	p.Caveats = caveatsIn(p.Lang, p.Caveats)
	p.Analyst = isAnalyst(r)
	if v := viewerOf(r); p.Analyst && v.Session != nil && p.CSRF == "" {
		p.CSRF = v.Session.CSRF
	}
	if status < 300 {
		p.Flash = takeFlash(w, r)
	}
	var buf bytes.Buffer
	if err := s.pages[p.Lang].ExecuteTemplate(&buf, name, p); err != nil {
		s.log.Error("render", "template", name, "err", err)
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	writePage(w, r, status, "text/html; charset=utf-8", buf.Bytes())
}

// renderCached is render for pages that depend only on key (which must
// include the language): the page is built and rendered once, kept
// compressed and plain, and served from memory until the data changes.
// Only the rendered bytes are kept, not what they were built from. Its
// error is the handler's, so it becomes the error page in the one place.
func (s *Server) renderCached(w http.ResponseWriter, r *http.Request, key, name string, build func() (page, error)) error {
	if pendingFlash(r) != "" {
		// A confirmation shows once, on this request only: render the
		// page for it, past the cache.
		p, err := build()
		if err != nil {
			return err
		}
		s.renderQuery(w, r, http.StatusOK, name, p)
		return nil
	}
	rememberLang(w, r)
	lang, path, analyst := langOf(r), r.URL.Path, isAnalyst(r)
	if analyst {
		key += "/analyst" // the menu differs
	}
	b, err := get(r.Context(), s.cache, "page/"+key, func() (body, error) {
		p, err := build()
		if err != nil {
			return body{}, err
		}
		p.Lang, p.Path, p.Analyst = lang, path, analyst
		p.Caveats = caveatsIn(lang, p.Caveats)
		var buf bytes.Buffer
		if err := s.pages[p.Lang].ExecuteTemplate(&buf, name, p); err != nil {
			return body{}, fmt.Errorf("render %s: %w", name, err)
		}
		return newBody(buf.Bytes())
	})
	if err != nil {
		return err
	}
	b.write(w, r, "text/html; charset=utf-8")
	return nil
}

// pageError renders the error page with the status of the error code.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code := generalist.ErrorCode(err)
	if code == generalist.EINTERNAL {
		s.log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	lang := langOf(r)
	title := msg(lang, "error")
	if code == generalist.ENOTFOUND {
		title = msg(lang, "notfound")
	}
	text, tech := errorText(lang, err)
	s.render(w, r, statusOf[code], "error.tmpl", page{Title: title, Data: errorPage{Text: text, Tech: tech}})
}

// errorPage is the error page's text in the page's language and the
// error's own (English) message, shown under "Teknisk".
type errorPage struct{ Text, Tech string }

// chartSource is the population source as the charts print it; they add
// "Kilde:" themselves.
var chartSource = strings.TrimPrefix(atlas.PopulationSource, "Kilde: ")

type homeData struct {
	Table  *atlas.Table
	Now    *atlas.Table
	Nordic nordicView
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	t, err := get(ctx, s.cache, "home/2020", func() (*atlas.Table, error) {
		return atlas.StructureTable(ctx, s.store, generalist.Structure2020, 2020, stats.DefaultUnder)
	})
	if err != nil {
		return err
	}
	year, err := s.defaultYear(r, generalist.Structure2024)
	if err != nil {
		return err
	}
	now, err := get(ctx, s.cache, fmt.Sprintf("home/2024/%d", year), func() (*atlas.Table, error) {
		return atlas.StructureTable(ctx, s.store, generalist.Structure2024, year, stats.DefaultUnder)
	})
	if err != nil {
		return err
	}
	n, err := get(ctx, s.cache, "home/nordic", func() (*atlas.Nordic, error) {
		return atlas.NordicComparison(ctx, s.store, 0, "")
	})
	if err != nil {
		return err
	}
	lang := langOf(r)
	s.render(w, r, http.StatusOK, "home.tmpl", page{Title: msg(lang, "tagline"), Nav: "home", Data: homeData{t, now, newNordicView(lang, n)}})
	return nil
}

type listData struct {
	Rows     []atlas.Row
	Counties []generalist.County
	Sizes    []atlas.SizeClass
	Year     int
	Years    []int
	Sort     string
	Desc     bool
	Filter   listFilter
	CSV      string
}

func (s *Server) handleList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	sel, err := s.selectionOf(r)
	if err != nil {
		return err
	}
	st, year, f := sel.Structure, sel.Year, sel.Filter
	key := q.Get("sort")
	if key == "" {
		key = "number"
	}
	desc := q.Get("dir") == "desc"
	if err := sortRows(nil, key, desc); err != nil {
		return err // an unknown column, before anything is computed
	}
	// build gathers the page: the rows kept by the filter, sorted, and
	// the choices. csv is the query of the download link.
	build := func(csv url.Values) (page, error) {
		ctx := r.Context()
		rows, err := s.selected(ctx, sel)
		if err != nil {
			return page{}, err
		}
		if err := sortRows(rows, key, desc); err != nil {
			return page{}, err
		}
		counties, years, err := s.choices(ctx, st)
		if err != nil {
			return page{}, err
		}
		var caveats []string
		if st == generalist.Structure2024 {
			caveats = []string{generalist.CentralityCaveat}
		}
		return page{Title: msg(langOf(r), "nav.list"), Nav: "list", Structure: st, Caveats: caveats,
			Data: listData{Rows: rows, Counties: counties, Sizes: atlas.SizeClasses, Year: year, Years: years, Sort: key, Desc: desc,
				Filter: f, CSV: "/api/v1/municipalities?" + csv.Encode()}}, nil
	}
	if f.Query != "" {
		csvQ := url.Values{}
		for k, v := range q {
			if k != "sort" && k != "dir" && k != "lang" {
				csvQ[k] = v
			}
		}
		csvQ.Set("format", "csv")
		csvQ.Set("structure", st.String())
		csvQ.Set("year", fmt.Sprint(year))
		p, err := build(csvQ)
		if err != nil {
			return err
		}
		s.render(w, r, http.StatusOK, "list.tmpl", p)
		return nil
	}
	// Without a name search the page depends on a bounded set of choices:
	// it is built and rendered once per choice, when first asked for, and
	// served from memory until the data change. The links are built from
	// the parsed choices, not the raw query, so they match the key.
	norm := url.Values{"structure": {st.String()}, "year": {fmt.Sprint(year)}, "sort": {key}}
	if desc {
		norm.Set("dir", "desc")
	}
	if f.County != "" {
		norm.Set("county", string(f.County))
	}
	if f.Size != "" {
		norm.Set("size", f.Size)
	}
	if f.Centrality != 0 {
		norm.Set("centrality", fmt.Sprint(f.Centrality))
	}
	csv := url.Values{"format": {"csv"}}
	for k, v := range norm {
		if k != "sort" && k != "dir" {
			csv[k] = v
		}
	}
	return s.renderCached(w, r, "list/"+langOf(r)+"?"+norm.Encode(), "list.tmpl", func() (page, error) {
		p, err := build(csv)
		p.Query = norm
		return p, err
	})
}

type profileData struct {
	Row        *atlas.Row
	Neighbours []neighbour
	Similar    []atlas.Row
	AgeChart   template.HTML
	Series     template.HTML
	SimilarSVG template.HTML
	Map        template.HTML
	SeriesCSV  string
	// Capacity is the municipality's vulnerability profile in both forms
	// (alone, with today's registered cooperation); nil when the model
	// has no row for it. Tasks resolves task ids.
	Capacity *profileCapacity
	Tasks    map[string]*generalist.Task
	// CompareURL compares the municipality with its neighbours; IMC is
	// its part in the cooperation registry and Economy its economy, both
	// nil on another structure than 2024 (the registry's and the economy
	// tables').
	CompareURL string
	IMC        *profileIMC
	Economy    *muniEconomy
	Pressure   *demography.Pressure
	Growth     demography.Growth
	// User holds the municipality's values of user-imported indicators.
	User []userValue
}

// userValue is one imported indicator's value for one municipality.
type userValue struct {
	ID, Name, Unit, Source string
	Year                   int
	Value                  *float64
	Decimals               int
}

type neighbour struct {
	Number, Name string
	Sea          bool
	GapKm        float64
}

func (s *Server) handleProfile(w http.ResponseWriter, r *http.Request) error {
	row, err := s.findRow(r)
	if err != nil {
		return err
	}
	lang := langOf(r)
	key := fmt.Sprintf("profile/%d/%d/%s/%s/%s", row.Structure, row.Year, row.Number, lang, s.today())
	st := row.Structure
	var caveats []string
	if st == generalist.Structure2024 {
		caveats = []string{generalist.CentralityCaveat, generalist.CostIndexCaveat, generalist.AreaCaveat}
	}
	// The page depends only on the municipality, structure, year and
	// language, so the language switch links to that canonical query.
	q := url.Values{}
	if st != generalist.Structure2024 {
		q.Set("structure", st.String())
	}
	q.Set("year", fmt.Sprint(row.Year))
	return s.renderCached(w, r, key, "profile.tmpl", func() (page, error) {
		d, err := s.buildProfile(r, row, lang)
		if err != nil {
			return page{}, err
		}
		return page{Title: row.ShortName, Nav: "list", Structure: st, Data: d, Caveats: caveats, Query: q}, nil
	})
}

// buildProfile assembles everything on a profile page but the layout; the
// result is cached per municipality, year and language.
func (s *Server) buildProfile(r *http.Request, row *atlas.Row, lang string) (*profileData, error) {
	ctx := r.Context()
	d := &profileData{Row: row}
	st := row.Structure
	if g := s.graphOf(st); g != nil {
		node, _ := g.Lookup(string(row.Number))
		for _, e := range g.Incident(node.ID) {
			other := e.A
			if other == node.ID {
				other = e.B
			}
			n := g.Node(other)
			d.Neighbours = append(d.Neighbours, neighbour{Number: n.Code, Name: n.Name, Sea: e.Kind == graph.Bridge, GapKm: e.GapM / 1000})
		}
	}
	focus := []string{string(row.Number)}
	for _, n := range d.Neighbours {
		focus = append(focus, n.Number)
	}
	slices.Sort(focus)
	if fig, err := s.renderFigure(ctx, mapRequest{Structure: st, Year: row.Year, Indicator: "population", Lang: lang,
		Highlight: []string{string(row.Number)}, Focus: focus, Width: 360}); err == nil {
		d.Map = fig
	} else if generalist.ErrorCode(err) != generalist.ENOTFOUND {
		return nil, err
	}

	// Age distribution against the whole country, from single ages.
	ages, err := s.ageTable(ctx, st, row.Year)
	if err != nil {
		return nil, err
	}
	if own, found := ages.by[row.Number]; found {
		var buf bytes.Buffer
		title := fmt.Sprintf("%s – %s, 1.1.%d", msg(lang, "agesprofile"), row.ShortName, row.Year)
		if err := chart.AgeProfile(&buf, chart.AgeChart{Title: title, Name: row.ShortName, Source: chartSource,
			Ages: own, Compare: ages.all, CompareName: map[string]string{"nb": "Hele landet", "en": "Norway"}[lang], Width: 520, Height: 420, Lang: lang}); err != nil {
			return nil, err
		}
		d.AgeChart = template.HTML(buf.Bytes())
	}

	pts, err := s.series(r, st, row.Number)
	if err != nil {
		return nil, err
	}
	if len(pts) > 0 {
		var cp []chart.Point
		for _, p := range pts {
			pt := chart.Point{X: p.Year, Known: p.Population != nil}
			if p.Population != nil {
				pt.Y = float64(*p.Population)
			}
			cp = append(cp, pt)
		}
		var buf bytes.Buffer
		title := fmt.Sprintf("%s – %s", msg(lang, "series"), row.ShortName)
		if err := chart.Line(&buf, chart.LineChart{Title: title, YLabel: msg(lang, "inhabitants"), Source: chartSource,
			Series: []chart.Series{{Name: row.ShortName, Points: cp}}, Width: 560, Height: 300, Lang: lang}); err != nil {
			return nil, err
		}
		d.Series = template.HTML(buf.Bytes())
		d.SeriesCSV = fmt.Sprintf("/api/v1/municipalities/%s/population?format=csv&structure=%d", row.Number, st)
	}

	// The ten municipalities closest in size.
	rows, err := s.rows(ctx, st, row.Year)
	if err != nil {
		return nil, err
	}
	if row.Population.Known {
		var known []atlas.Row
		for _, x := range rows {
			if x.Population.Known {
				known = append(known, x)
			}
		}
		sort.SliceStable(known, func(i, j int) bool {
			di := math.Abs(float64(known[i].Population.Value - row.Population.Value))
			dj := math.Abs(float64(known[j].Population.Value - row.Population.Value))
			return di < dj
		})
		d.Similar = known[:min(11, len(known))]
		sort.SliceStable(d.Similar, func(i, j int) bool { return d.Similar[i].Population.Value > d.Similar[j].Population.Value })
		var bars []chart.Bar
		for _, x := range d.Similar {
			bars = append(bars, chart.Bar{Label: x.ShortName, Value: float64(x.Population.Value), Known: true,
				Highlight: x.Number == row.Number, Href: "/kommune/" + string(x.Number) + structureQuery(st)})
		}
		var buf bytes.Buffer
		title := fmt.Sprintf("%s, 1.1.%d", msg(lang, "similar"), row.Year)
		if err := chart.Bars(&buf, chart.BarChart{Title: title, Unit: msg(lang, "inhabitants"), Source: chartSource,
			Bars: bars, Width: 560, Lang: lang}); err != nil {
			return nil, err
		}
		d.SimilarSVG = template.HTML(buf.Bytes())
	}
	cat, err := s.catalogue(ctx)
	if err != nil {
		return nil, err
	}
	res, err := s.capacity(ctx, st, row.Year)
	if err != nil {
		return nil, err
	}
	d.Tasks = map[string]*generalist.Task{}
	for i := range cat.Tasks {
		d.Tasks[cat.Tasks[i].ID] = &cat.Tasks[i]
	}
	for i := range res.Municipalities {
		if res.Municipalities[i].Number == row.Number {
			d.Capacity = newProfileCapacity(lang, st, res, &res.Municipalities[i], d.Tasks)
		}
	}
	if len(d.Neighbours) > 0 {
		d.CompareURL = neighboursURL(row, d.Neighbours)
	}
	if st == generalist.Structure2024 {
		if d.IMC, err = s.profileIMC(ctx, lang, row.Number, row.ShortName); err != nil {
			return nil, err
		}
		if d.Economy, err = s.economyFigures(ctx, lang, st, []atlas.Row{*row}); err != nil {
			return nil, err
		}
	}
	ps, err := s.pressures(ctx, st, row.Year)
	if err != nil {
		return nil, err
	}
	if p, ok := ps[row.Number]; ok {
		d.Pressure = &p
	}
	if d.Growth, err = s.growth(r, st, row.Number, row.Year); err != nil {
		return nil, err
	}
	if d.User, err = s.userValues(ctx, row); err != nil {
		return nil, err
	}
	return d, nil
}

type compareData struct {
	Input   string
	Rows    []atlas.Row
	Chart   template.HTML
	Map     template.HTML
	Unknown []string
	Year    int
	// Capacity and Economy are the rows of each compared municipality's
	// tasks below the robust minimum and its economy.
	Capacity *compareCapacity
	Economy  *muniEconomy
}

func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	st, year, err := s.structureYear(r)
	if err != nil {
		return err
	}
	lang := langOf(r)
	input := strings.Join(q["k"], ",")
	d := compareData{Input: input, Year: year}
	if strings.TrimSpace(input) != "" {
		rows, err := s.rows(ctx, st, year)
		if err != nil {
			return err
		}
		seen := map[generalist.MunicipalityNumber]bool{}
		for _, term := range strings.Split(input, ",") {
			term = strings.TrimSpace(term)
			if term == "" {
				continue
			}
			i := slices.IndexFunc(rows, func(x atlas.Row) bool {
				return string(x.Number) == term || strings.EqualFold(x.ShortName, term) || strings.EqualFold(x.Name, term)
			})
			if i < 0 {
				d.Unknown = append(d.Unknown, term)
				continue
			}
			if !seen[rows[i].Number] {
				seen[rows[i].Number] = true
				d.Rows = append(d.Rows, rows[i])
			}
		}
		if len(d.Unknown) > 0 && len(d.Rows) == 0 {
			s.render(w, r, http.StatusBadRequest, "compare.tmpl", page{Title: msg(lang, "nav.compare"), Nav: "compare", Structure: st, Data: d})
			return nil
		}
		if d.Capacity, err = s.compareCapacity(ctx, lang, st, year, d.Rows); err != nil {
			return err
		}
		if d.Economy, err = s.economyFigures(ctx, lang, st, d.Rows); err != nil {
			return err
		}
		var bars []chart.Bar
		var codes []string
		for _, x := range d.Rows {
			bars = append(bars, chart.Bar{Label: x.ShortName, Value: float64(x.Population.Value), Known: x.Population.Known,
				Href: "/kommune/" + string(x.Number) + structureQuery(st)})
			codes = append(codes, string(x.Number))
		}
		var buf bytes.Buffer
		title := fmt.Sprintf("%s, 1.1.%d", msg(lang, "population"), year)
		if err := chart.Bars(&buf, chart.BarChart{Title: title, Unit: msg(lang, "inhabitants"), Source: chartSource,
			Bars: bars, Reference: &chart.Reference{Label: map[string]string{"nb": "terskel", "en": "threshold"}[lang], Value: 5000}, Width: 640, Lang: lang}); err != nil {
			return err
		}
		d.Chart = template.HTML(buf.Bytes())
		slices.Sort(codes)
		if fig, err := s.renderFigure(ctx, mapRequest{Structure: st, Year: year, Indicator: "population", Lang: lang, Highlight: codes, Focus: codes, Width: 420}); err == nil {
			d.Map = fig
		}
	}
	var caveats []string
	if st == generalist.Structure2024 && len(d.Rows) > 0 {
		caveats = []string{generalist.CentralityCaveat, generalist.CostIndexCaveat}
	}
	s.render(w, r, http.StatusOK, "compare.tmpl", page{Title: msg(lang, "nav.compare"), Nav: "compare", Structure: st, Data: d, Caveats: caveats})
	return nil
}

// ageTable is the single-age population of every municipality of a
// structure and year, and of the whole country.
type ageTable struct {
	by  map[generalist.MunicipalityNumber][]float64
	all []float64
}

func (s *Server) ageTable(ctx context.Context, st generalist.Structure, year int) (*ageTable, error) {
	return get(ctx, s.cache, fmt.Sprintf("ages/%d/%d", st, year), func() (*ageTable, error) {
		ages, err := s.store.SingleAges(ctx, st, year)
		if err != nil {
			return nil, err
		}
		t := &ageTable{by: map[generalist.MunicipalityNumber][]float64{}, all: make([]float64, generalist.MaxAge+1)}
		for _, a := range ages {
			own := t.by[a.Municipality]
			if own == nil {
				own = make([]float64, generalist.MaxAge+1)
				t.by[a.Municipality] = own
			}
			own[a.Age] += float64(a.Persons)
			t.all[a.Age] += float64(a.Persons)
		}
		return t, nil
	})
}

// userValues returns row's value of every user-imported indicator placed on
// its structure (nil where there is no value).
func (s *Server) userValues(ctx context.Context, row *atlas.Row) ([]userValue, error) {
	user, err := s.store.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	var out []userValue
	for _, u := range user {
		ind, year, err := s.lookupIndicator(ctx, u.ID, row.Structure, row.Year)
		if generalist.ErrorCode(err) == generalist.ENOTFOUND || generalist.ErrorCode(err) == generalist.EINVALID {
			continue // no values that can be placed on this structure
		} else if err != nil {
			return nil, err
		}
		uv := userValue{ID: u.ID, Name: u.Name, Unit: u.Unit, Source: u.Source, Year: year, Decimals: ind.Decimals}
		if v, ok := ind.Value(row); ok {
			uv.Value = &v
		}
		out = append(out, uv)
	}
	return out, nil
}
