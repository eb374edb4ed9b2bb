package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"generalist"
	"generalist/app"
	"generalist/geomap"
	"generalist/graph"
	"generalist/internal/nbfmt"
	"generalist/optimize"
)

// Structure search: GET /api/v1/search, GET /api/v1/search/ensemble and
// the page /sok. Both run synchronously in the request, on a cache miss
// in one of the server's few admission slots (admission.go): a plan on
// the municipalities takes 5–50 ms, and the limits below keep every
// request under a few seconds. Longer runs (big ensembles, sweeps over floors)
// run as background jobs (/jobber, jobs.go) or in the CLI.
const (
	// searchTimeout bounds one search or ensemble request.
	searchTimeout = 5 * time.Second
	// maxEnsembleSteps bounds the steps of /api/v1/search/ensemble
	// (about 0.05–0.7 s on the municipalities, 1.4 s with a floor that
	// leaves two groups, on two cores).
	maxEnsembleSteps = 20000
	// admittedWorkers is the goroutines of one search or ensemble: one,
	// the core of its admission slot (admission.go). The result does not
	// depend on it.
	admittedWorkers = 1
)

// searchRequest holds the criteria of a search, parsed from the query,
// and how to run it.
type searchRequest struct {
	app.Criteria
	Seed uint64
	// Ensemble only.
	Parts, Steps int
	// Ensemble asks the page for the ensemble around the plan.
	Ensemble bool
}

// key is the request in canonical form, for the cache.
func (q searchRequest) key() string {
	return fmt.Sprintf("%d/%d/%g/%s/%t/%t/%t/%g/%d/%d/%s/%s/%d/%d", q.Structure, q.Year, q.Floor, q.Task, q.WithinCounty, q.KeepFeasible,
		q.NoSeaLinks, q.MaxKm, q.Objective, q.Seed, q.Lock, q.Forbid, q.Parts, q.Steps)
}

func floatParam(q url.Values, name string, def, lo, hi float64) (float64, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(v, " ", ""), ",", "."), 64)
	if err != nil || math.IsNaN(f) || f < lo || f > hi {
		return 0, generalist.Errorf(generalist.EINVALID, "query parameter %s %q: must be a number from %g to %g", name, v, lo, hi)
	}
	return f, nil
}

// parseSearch reads the criteria. requireFloor is false for the page,
// which shows the form alone without a floor or a task.
func (s *Server) parseSearch(r *http.Request) (searchRequest, error) {
	q := r.URL.Query()
	var req searchRequest
	var err error
	if req.Structure, req.Year, err = s.structureYear(r); err != nil {
		return req, err
	}
	if req.Floor, err = floatParam(q, "floor", 0, 0, 1e12); err != nil {
		return req, err
	}
	if req.MaxKm, err = floatParam(q, "max_km", 0, 0, 5000); err != nil {
		return req, err
	}
	for _, b := range []struct {
		name string
		into *bool
	}{{"within_county", &req.WithinCounty}, {"keep_feasible", &req.KeepFeasible}, {"no_sea_links", &req.NoSeaLinks}, {"ensemble", &req.Ensemble}} {
		if *b.into, err = boolParam(q, b.name); err != nil {
			return req, err
		}
	}
	if v := q.Get("objective"); v != "" {
		if req.Objective, err = optimize.ParseObjective(v); err != nil {
			return req, generalist.Errorf(generalist.EINVALID, "query parameter objective: %s", generalist.ErrorMessage(err))
		}
	}
	seed, err := positiveParam(q, "seed", 1)
	if err != nil {
		return req, err
	}
	req.Seed = uint64(seed)
	req.Task, req.Lock, req.Forbid = q.Get("task"), q.Get("lock"), q.Get("forbid")
	if v := q.Get("parts"); v != "" {
		n, err := positiveParam(q, "parts", 0)
		if err != nil {
			return req, err
		}
		req.Parts = int(min(n, 10000))
	}
	steps, err := positiveParam(q, "steps", 2000)
	if err != nil {
		return req, err
	}
	if steps > maxEnsembleSteps {
		return req, generalist.Errorf(generalist.EINVALID, "query parameter steps %d: at most %d in a request; use generalist search ensemble for more", steps, maxEnsembleSteps)
	}
	req.Steps = int(steps)
	return req, nil
}

// searchProblem builds the problem of req (app.SearchProblem) and
// returns the unit of its weights; req.Floor becomes the floor used (a
// task's robust minimum team when none was given).
func (s *Server) searchProblem(ctx context.Context, req *searchRequest) (optimize.Problem, string, error) {
	search, err := s.app.SearchProblem(ctx, req.Criteria)
	if err != nil {
		return optimize.Problem{}, "", err
	}
	req.Floor = search.Floor
	return search.Problem, search.Unit, nil
}

// searchResult is the JSON of /api/v1/search (app.SearchResult) and what
// the page draws: each group's numbers and colour, the plan and problem.
type searchResult struct {
	*app.SearchResult

	codes  [][]string // per group, for the map
	colour []int
	plan   *optimize.Plan
	prob   optimize.Problem
}

type searchGroup = app.SearchGroup

// search runs (or returns the cached) plan of req.
func (s *Server) search(ctx context.Context, req searchRequest) (*searchResult, error) {
	return get(ctx, s.cache, "search/"+req.key(), func() (*searchResult, error) {
		release, err := admit(ctx)
		if err != nil {
			return nil, err
		}
		defer release()
		search, err := s.app.SearchProblem(ctx, req.Criteria)
		if err != nil {
			return nil, err
		}
		ctx, cancel := context.WithTimeout(ctx, searchTimeout)
		defer cancel()
		out, plan, err := search.Solve(ctx, optimize.Settings{Seed: req.Seed, Workers: admittedWorkers})
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, generalist.Errorf(generalist.EINVALID, "the search took more than %v; use generalist search groups for criteria this demanding", searchTimeout)
		}
		if err != nil {
			return nil, err
		}
		g := search.Problem.Graph
		res := &searchResult{SearchResult: out, plan: plan, prob: search.Problem}
		for _, m := range plan.Members() {
			codes := make([]string, len(m))
			for i, v := range m {
				codes[i] = g.Node(v).Code
			}
			res.codes = append(res.codes, codes)
		}
		res.colour = colourGroups(g, plan.Assignment(), plan.Members())
		return res, nil
	})
}

// groupPalette colours merged groups with the first seven Okabe–Ito
// colours; municipalities left alone are light grey.
var groupPalette = append(slices.Clone(geomap.Categorical[:7]), "#e4e4e4")

// colourGroups colours the merged groups greedily so that neighbouring
// groups differ (largest groups first); groups of one get the grey.
func colourGroups(g *graph.Graph, asg []int, members [][]int) []int {
	k := len(members)
	adj := make([]map[int]bool, k)
	for _, e := range g.Edges() {
		a, b := asg[e.A], asg[e.B]
		if a != b {
			if adj[a] == nil {
				adj[a] = map[int]bool{}
			}
			if adj[b] == nil {
				adj[b] = map[int]bool{}
			}
			adj[a][b], adj[b][a] = true, true
		}
	}
	order := make([]int, k)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return len(adj[order[i]]) > len(adj[order[j]]) })
	colour := make([]int, k)
	for i := range colour {
		colour[i] = -1
	}
	for _, i := range order {
		if len(members[i]) == 1 {
			colour[i] = 7
			continue
		}
		used := [8]bool{}
		for j := range adj[i] {
			if c := colour[j]; c >= 0 {
				used[c] = true
			}
		}
		colour[i] = i % 7
		for c := range 7 {
			if !used[c] {
				colour[i] = c
				break
			}
		}
	}
	return colour
}

// defaultFloor is the floor of the API when neither floor nor task is
// given: 5 000 inhabitants, the threshold most often discussed.
const defaultFloor = 5000

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	req, err := s.parseSearch(r)
	if err != nil {
		return err
	}
	if req.Floor == 0 && req.Task == "" {
		req.Floor = defaultFloor
	}
	res, err := s.search(r.Context(), req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) apiSearchEnsemble(w http.ResponseWriter, r *http.Request) error {
	req, err := s.parseSearch(r)
	if err != nil {
		return err
	}
	if req.Floor == 0 && req.Task == "" {
		req.Floor = defaultFloor
	}
	opt, err := parseEnsembleOptions(r.URL.Query(), req.Steps)
	if err != nil {
		return err
	}
	res, err := get(r.Context(), s.cache, "search/ensemble/"+req.key()+opt.key(), func() (*app.EnsembleResult, error) {
		release, err := admit(r.Context())
		if err != nil {
			return nil, err
		}
		defer release()
		p, unit, err := s.searchProblem(r.Context(), &req)
		if err != nil {
			return nil, err
		}
		ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
		defer cancel()
		var samples []optimize.Sample
		e, err := optimize.Ensemble(ctx, p, optimize.EnsembleSettings{Seed: req.Seed, Steps: req.Steps, Parts: req.Parts, Workers: admittedWorkers,
			Tolerance: opt.Tolerance, Ceiling: opt.Ceiling, Unbalanced: opt.Unbalanced, Variant: opt.Variant, BurnIn: opt.BurnIn,
			SampleEvery: opt.SampleEvery, Sample: func(x optimize.Sample) error {
				samples = append(samples, x)
				return nil
			}})
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, generalist.Errorf(generalist.EINVALID, "the ensemble took more than %v; use generalist search ensemble", searchTimeout)
		}
		if err != nil {
			return nil, err
		}
		return app.NewEnsembleResult(req.Structure, req.Year, unit, p, e, samples, opt.SampleEvery > 0), nil
	})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// searchPage is the data of search.tmpl.
type searchPage struct {
	Req     searchRequest
	Years   []int
	Tasks   []*generalist.Task
	Result  *searchResult
	Rows    []searchGroup // merged groups, lightest first
	SVG     template.HTML
	Error   string
	Reasons []optimize.Reason
	// ErrorTech is Error's English detail, shown under «Teknisk».
	ErrorTech string
	// WeightHead heads the column of the groups' weights: inhabitants,
	// or the chosen task's expected FTEs.
	WeightHead string
	APIURL     string
	HasFloor   bool
	Message    string
	// Objectives are the names of the objectives, for the form; Millis
	// the time of the search in milliseconds.
	Objectives []string
	Millis     float64
	// Ens is the ensemble around the plan (with ?ensemble=true), EnsSVG
	// its agreement map, EnsView its distributions and diagnostics
	// (search_ensemble.tmpl), EnsError why it could not run.
	Ens      *optimize.EnsembleResult
	EnsSVG   template.HTML
	EnsView  *ensembleView
	EnsError string
	// Jobs: the server runs background jobs, so an analyst can start
	// the long ensemble (EnsJobSteps steps, EnsJobPlans in words) with
	// one click.
	Jobs        bool
	EnsJobSteps int
	EnsJobPlans string
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	switch mode := r.URL.Query().Get("mode"); mode {
	case groupsMode:
		return s.handleGroupsPage(w, r) // fixed cooperation regions
	case "":
	default:
		return generalist.Errorf(generalist.EINVALID, "query parameter mode %q: must be %s or left out", mode, groupsMode)
	}
	lang := langOf(r)
	req, err := s.parseSearch(r)
	if err != nil {
		return err
	}
	years, err := s.years(r.Context(), req.Structure)
	if err != nil {
		return err
	}
	d := searchPage{Req: req, Years: years, HasFloor: req.Floor > 0 || req.Task != "",
		Jobs: s.cfg.Jobs != nil, EnsJobSteps: ensembleJobSteps, EnsJobPlans: nbfmt.For(lang).Int(ensembleJobSteps)}
	for _, o := range optimize.Objectives {
		d.Objectives = append(d.Objectives, o.String())
	}
	cat, err := s.catalogue(r.Context())
	if err == nil {
		for i := range cat.Tasks {
			if cat.Tasks[i].Staffing != nil {
				d.Tasks = append(d.Tasks, &cat.Tasks[i])
			}
		}
	}
	d.WeightHead = msg(lang, "search.col.inhabitants")
	if req.Task != "" {
		name := req.Task
		if cat != nil {
			name = taskNameOf(cat, req.Task, lang)
		}
		d.WeightHead = sprintf(msg(lang, "search.col.fte"), name)
	}
	if d.HasFloor {
		d.APIURL = "/api/v1/search?" + r.URL.RawQuery
		res, err := s.search(r.Context(), req)
		var inf *optimize.Infeasible
		switch {
		case errors.As(err, &inf):
			d.Error, _ = s.searchErrorText(r.Context(), lang, "search.err", req.Structure, req.Year, err) // worded once; the reasons (English) under «Teknisk»
			d.Reasons = inf.Reasons
		case generalist.ErrorCode(err) == generalist.EINVALID:
			d.Error, d.ErrorTech = errorText(lang, err)
		case err != nil:
			return err
		default:
			d.Result, d.Millis = res, 1000*res.Seconds
			for _, g := range res.Groups {
				if len(g.Members) > 1 {
					d.Rows = append(d.Rows, g)
				}
			}
			sort.SliceStable(d.Rows, func(i, j int) bool { return d.Rows[i].Weight < d.Rows[j].Weight })
			if m := s.mapOf(req.Structure); m == nil {
				d.Message = msg(lang, "map.nomap")
			} else {
				labels := make([]string, len(res.Groups))
				for k, g := range res.Groups {
					labels[k] = groupLabel(g, res.Unit, lang)
				}
				var b bytes.Buffer
				err := m.RenderGroups(&b, geomap.Groups{Members: res.codes, Colours: res.colour, Labels: labels},
					geomap.Options{Palette: groupPalette, Width: 640, Lang: lang, ID: "search",
						Link: func(code string) string { return "/kommune/" + code }})
				if err != nil {
					return err
				}
				d.SVG = skipPast("search-map", template.HTML(b.String()), lang) // produced by geomap, escaped there
				if req.Ensemble {
					d.Ens, d.EnsSVG, d.EnsView, err = s.agreementMap(r.Context(), req, res, m, lang)
					var inf *optimize.Infeasible
					switch {
					case errors.As(err, &inf), generalist.ErrorCode(err) == generalist.EINVALID:
						d.EnsError, _ = s.searchErrorText(r.Context(), lang, "search.err", req.Structure, req.Year, err)
					case err != nil:
						return err
					}
				}
			}
		}
	}
	s.render(w, r, http.StatusOK, "search.tmpl", page{Title: msg(lang, "nav.search"), Nav: "search", Structure: req.Structure, Data: d,
		Caveats: []string{msg(lang, "search.caveat")}})
	return nil
}

// groupLabel is the title text of a group's members on the map.
func groupLabel(g searchGroup, unit, lang string) string {
	if len(g.Members) == 1 {
		if lang == "en" {
			return "stays alone"
		}
		return "blir alene"
	}
	names := make([]string, len(g.Members))
	for i, m := range g.Members {
		names[i] = m.Name
	}
	w := nbfmt.For(lang).Round(g.Weight, 0)
	if unit == "FTE" {
		w = nbfmt.For(lang).Round(g.Weight, 1)
	}
	if lang == "en" {
		return fmt.Sprintf("group of %d (%s), %s %s", len(g.Members), strings.Join(names, ", "), w, unitWord(unit, lang))
	}
	return fmt.Sprintf("gruppe på %d (%s), %s %s", len(g.Members), strings.Join(names, ", "), w, unitWord(unit, lang))
}

func unitWord(unit, lang string) string {
	switch {
	case unit == "FTE" && lang == "en":
		return "FTEs"
	case unit == "FTE":
		return "årsverk"
	case lang == "en":
		return "inhabitants"
	}
	return "innbyggere"
}

// pageEnsembleSteps is the length of the ensemble on the page: 2 000
// steps, 5–20 ms on the municipalities on one core. It is a quick
// indication, and the page says so: the tool's own check passes only
// from about 400 000 steps at a floor of 5 000 inhabitants and 1 000 000
// at 15 000 (1–4 s on one core, docs/benchmarks.md), too long for a
// page. ensembleJobSteps is the long run the page offers as a job.
const (
	pageEnsembleSteps = 2000
	ensembleJobSteps  = 1_000_000
)

// agreementMap runs (or takes from the cache) a ReCom ensemble starting
// from the plan of res and maps, per municipality, the share of the
// ensemble's steps that agree with the plan about each of its links
// (together in both, or apart in both), averaged over its links: 100 %
// where every alternative plan keeps the municipality's neighbourhood as
// this plan does, lower where the answers differ.
func (s *Server) agreementMap(ctx context.Context, req searchRequest, res *searchResult, m *geomap.Map, lang string) (*optimize.EnsembleResult, template.HTML, *ensembleView, error) {
	type out struct {
		ens  *optimize.EnsembleResult
		svg  string
		view *ensembleView
	}
	o, err := get(ctx, s.cache, "search/agreement/"+lang+"/"+req.key(), func() (out, error) {
		release, err := admit(ctx)
		if err != nil {
			return out{}, err
		}
		defer release()
		ctx, cancel := context.WithTimeout(ctx, searchTimeout)
		defer cancel()
		e, err := optimize.Ensemble(ctx, res.prob, optimize.EnsembleSettings{Seed: req.Seed, Steps: pageEnsembleSteps, Start: res.plan, Workers: admittedWorkers})
		if errors.Is(err, context.DeadlineExceeded) {
			return out{}, generalist.Errorf(generalist.EINVALID, "the ensemble took more than %v", searchTimeout)
		}
		if err != nil {
			return out{}, err
		}
		source := sprintf(msg(lang, "ens.source"), req.Year)
		view, err := ensembleViewOf(e, res, lang, source)
		if err != nil {
			return out{}, err
		}
		g := res.prob.Graph
		asg := res.plan.Assignment()
		sum := make([]float64, g.Len())
		cnt := make([]float64, g.Len())
		for i, ed := range g.Edges() {
			agree := e.EdgeTogether[i]
			if asg[ed.A] != asg[ed.B] {
				agree = 1 - agree
			}
			sum[ed.A] += agree
			sum[ed.B] += agree
			cnt[ed.A]++
			cnt[ed.B]++
		}
		values := map[string]float64{}
		for v := range sum {
			if cnt[v] > 0 {
				values[g.Node(v).Code] = math.Round(1000*sum[v]/cnt[v]) / 10
			}
		}
		title, unit := "Enighet med planen om kommunens naboer", "%"
		if lang == "en" {
			title = "Agreement with the plan about each municipality's neighbours"
		}
		fig, err := s.mapFigure(m, geomap.Options{Values: values, Limits: []float64{50, 75, 90, 99}, Title: title, Unit: unit, Width: 640, Lang: lang,
			ID: "agreement", Link: func(code string) string { return "/kommune/" + code }}, lang)
		if err != nil {
			return out{}, err
		}
		return out{e, string(fig), view}, nil
	})
	if err != nil {
		return nil, "", nil, err
	}
	return o.ens, template.HTML(o.svg), o.view, nil // a map figure: geomap and the templates escape its text
}
