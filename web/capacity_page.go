package web

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"sort"

	"generalist"
	"generalist/app"
	"generalist/atlas"
	"generalist/capacity"
	"generalist/internal/nbfmt"
)

// capacityPage is the capacity overview: per task the figures alone and
// with today's registered cooperation, what they rest on, the heat map of
// municipalities alone, and the model against observed figures.
type capacityPage struct {
	Result *capacity.Result
	// Summary is the per-task table, in the order of Result.Tasks: also
	// the heat map's columns.
	Summary  []taskRow
	Rows     []capacity.Municipality
	Year     int
	Years    []int
	Counties []generalist.County
	County   generalist.CountyNumber
	// Examples is the user's choice to count the shipped example
	// cooperations as today's (?examples=1).
	Examples bool
	// Basis is what the figures with cooperation rest on, written out
	// in the page's language; Unknown is true when some task's
	// cooperation is unknown (the page says once what that means), and
	// Registry is where an analyst brings today's cooperation in.
	Basis    []string
	Unknown  bool
	Registry string
	// Observed sets published counts against the model; nil when the
	// store lacks the data to compute them.
	Observed []observedView
	// AllRows is the number of municipalities of the heat map; Rows holds
	// the first heatMapRows of them (most shortfalls first) unless the
	// reader asked for all, and AllURL is the page with all of them.
	AllRows int
	AllURL  string
}

// heatMapRows is how many municipalities the heat map shows by default:
// the whole country is some 800 KB of HTML, too much for a phone, so the
// most vulnerable come first and the rest on request (?alle=1) or by
// county.
const heatMapRows = 40

// taskRow is one task's figures and the staffing assumptions they rest
// on, written in the page's language; HeatMin is the smallest robust
// team for the heat map's column head ("minst 3"), which the cells'
// expected FTEs are read against.
type taskRow struct {
	capacity.TaskSummary
	Task *generalist.Task
	staffingView
	HeatMin string
}

// staffingView is a task's staffing basis for a table row: FTE and Min
// are the staffing parameters as phrases; FTEAssumed and MinAssumed mark
// assumptions, FTESource and MinSource the sources of the others.
type staffingView struct {
	FTE, Min               string
	FTEAssumed, MinAssumed bool
	FTESource, MinSource   string
}

// newStaffingView phrases t's staffing model in lang; a task without one
// (or no task) gives the empty view.
func newStaffingView(lang string, nf nbfmt.Locale, t *generalist.Task) staffingView {
	var v staffingView
	if t == nil || t.Staffing == nil {
		return v
	}
	fte, min := t.Staffing.FTEPer1000, t.Staffing.MinTeam
	v.FTE = sprintf(msg(lang, "cap.fte"), paramText(nf, fte.Value))
	v.Min = sprintf(msg(lang, "cap.min"), paramText(nf, min.Value))
	v.FTEAssumed, v.MinAssumed = fte.Assumption, min.Assumption
	if !fte.Assumption {
		v.FTESource = fte.Source
	}
	if !min.Assumption {
		v.MinSource = min.Source
	}
	return v
}

// observedView is one observed figure against the model, with its
// phrases in the page's language.
type observedView struct {
	app.ObservedComparison
	Counts, Threshold, Base, Nearest, Unknown, FTE, Difference string
}

// registryImportPath is where an analyst brings today's cooperation into
// the registry from a file (signing in first).
const registryImportPath = "/samarbeid/importer"

func (s *Server) handleCapacity(w http.ResponseWriter, r *http.Request) error {
	sel, err := s.selectionOf(r)
	if err != nil {
		return err
	}
	opts, err := todayOptions(r)
	if err != nil {
		return err
	}
	st, year, f := sel.Structure, sel.Year, sel.Filter
	all := r.URL.Query().Get("alle")
	if all != "" && all != "1" {
		return generalist.Errorf(generalist.EINVALID, "query parameter alle %q: must be 1 (every municipality in the heat map) or left out", all)
	}
	lang := langOf(r)
	// The heat map is some 800 KB of HTML: the page is built and rendered
	// once per structure, year, county, choice of examples and language (a
	// bounded set), when first asked for, and served from memory until the
	// data change, so the page costs no more than the others under load.
	norm := url.Values{"structure": {st.String()}, "year": {fmt.Sprint(year)}}
	if f.County != "" {
		norm.Set("county", string(f.County))
	}
	if opts.Examples {
		norm.Set("examples", "1")
	}
	key := fmt.Sprintf("capacity/%s/%d/%d/%s/%t/%s", lang, st, year, f.County, opts.Examples, all)
	return s.renderCached(w, r, key, "capacity.tmpl", func() (page, error) {
		ctx := r.Context()
		res, err := s.app.Capacity(ctx, st, year, opts)
		if err != nil {
			return page{}, err
		}
		counties, years, err := s.choices(ctx, st)
		if err != nil {
			return page{}, err
		}
		cat, err := s.catalogue(ctx)
		if err != nil {
			return page{}, err
		}
		d := capacityPage{Result: res, Year: year, Years: years, Counties: counties, County: f.County, Examples: opts.Examples, Registry: registryImportPath}
		nf := nbfmt.For(lang)
		for _, t := range res.Tasks {
			task := taskByID(cat, t.Task)
			d.Unknown = d.Unknown || !t.CooperationKnown
			row := taskRow{TaskSummary: t, Task: task, staffingView: newStaffingView(lang, nf, task)}
			if task != nil && task.Staffing != nil {
				row.HeatMin = sprintf(msg(lang, "cap.heat.min"), paramText(nf, task.Staffing.MinTeam.Value))
			}
			d.Summary = append(d.Summary, row)
		}
		d.Basis = basisText(lang, st, res.Cooperation)
		for _, m := range res.Municipalities {
			if f.County == "" || m.Number.County() == f.County {
				d.Rows = append(d.Rows, m)
			}
		}
		// Most shortfalls first: the overview is for finding the vulnerable.
		sort.SliceStable(d.Rows, func(i, j int) bool { return len(d.Rows[i].Shortfalls) > len(d.Rows[j].Shortfalls) })
		d.AllRows = len(d.Rows)
		cut := all == "" && len(d.Rows) > heatMapRows
		if cut {
			d.Rows = d.Rows[:heatMapRows]
		}
		obs, err := s.app.Observed(ctx)
		if err != nil && generalist.ErrorCode(err) != generalist.ENOTFOUND {
			return page{}, err
		}
		d.Observed = observedViews(lang, obs)
		q := url.Values{}
		for k, v := range norm {
			q[k] = v
		}
		if cut {
			// The link to every municipality, from the normalised query:
			// the page is cached under it.
			link := url.Values{}
			for k, v := range norm {
				link[k] = v
			}
			link.Set("alle", "1")
			d.AllURL = "/kapasitet?" + link.Encode() + "#heat"
		}
		if all != "" {
			q.Set("alle", "1")
		}
		return page{Title: msg(lang, "nav.capacity"), Nav: "capacity", Structure: st, Data: d, Query: q}, nil
	})
}

// basisText says what the figures with cooperation rest on, one sentence
// per line.
func basisText(lang string, st generalist.Structure, b generalist.CooperationBasis) []string {
	day := dayText(lang, b.ActiveOn)
	var out []string
	switch {
	case !b.Applied:
		return []string{sprintf(msg(lang, "cap.basis.structure"), int(st))}
	case b.Cooperations == 0:
		out = append(out, sprintf(msg(lang, "cap.basis.empty"), day))
	default:
		out = append(out, sprintf(msg(lang, "cap.basis.applied"), b.Cooperations, day))
	}
	out = append(out, msg(lang, "cap.basis.day"))
	switch {
	case b.Examples:
		out = append(out, msg(lang, "cap.basis.examples.on"))
	case b.ExamplesLeftOut > 0:
		out = append(out, sprintf(msg(lang, "cap.basis.examples.off"), b.ExamplesLeftOut))
	}
	return out
}

// paramText writes a catalogue parameter with the decimals it has (at
// most three): 5, 4,2, 0,11.
func paramText(nf nbfmt.Locale, v float64) string {
	for d := 0; d < 3; d++ {
		if p := math.Pow10(d); math.Abs(v*p-math.Round(v*p)) < 1e-9 {
			return nf.Decimal(v, d)
		}
	}
	return nf.Decimal(v, 3)
}

// dayText writes a day as 1.1.2026 in bokmål and 1 January 2026 in
// English.
func dayText(lang string, d generalist.CalendarDate) string {
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	if lang == "en" {
		return nbfmt.For(lang).Date(t)
	}
	return fmt.Sprintf("%d.%d.%d", t.Day(), int(t.Month()), t.Year())
}

func observedViews(lang string, obs []app.ObservedComparison) []observedView {
	nf := nbfmt.For(lang)
	var out []observedView
	for _, o := range obs {
		v := observedView{ObservedComparison: o, Counts: o.Observed.CountsNB,
			Base: sprintf(msg(lang, "cap.obs.basevalue"), int(o.Structure), o.Year)}
		if lang == "en" {
			v.Counts = o.Observed.CountsEN
		}
		key := "cap.obs.under"
		if o.Observed.Comparison == "at_most" {
			key = "cap.obs.atmost"
		}
		v.Difference = nf.Signed(float64(o.Difference), 0)
		v.Threshold = sprintf(msg(lang, key), nf.Decimal(o.Observed.Threshold, 0))
		if o.NearestYear {
			v.Nearest = sprintf(msg(lang, "cap.obs.nearest"), o.Observed.Year)
		}
		if o.Unknown > 0 {
			v.Unknown = sprintf(msg(lang, "cap.obs.unknown"), o.Unknown)
		}
		basis := msg(lang, "assumption")
		if !o.FTEPer1000.Assumption {
			basis = msg(lang, "cap.sourced") + ": " + o.FTEPer1000.Source
		}
		v.FTE = sprintf(msg(lang, "cap.obs.note.fte"), nf.Decimal(o.FTEPer1000.Value, 1), basis)
		out = append(out, v)
	}
	return out
}

// apiCapacityObserved serves GET /api/v1/capacity/observed: the observed
// counts of small services set against the model, each with the
// structure and year the model was computed on.
func (s *Server) apiCapacityObserved(w http.ResponseWriter, r *http.Request) error {
	obs, err := s.app.Observed(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"observed": obs,
		"note":   "modelled counts municipalities whose expected team (FTEs from population, each municipality alone) is below the threshold; the sources count employees, and some leave out municipalities that cooperate",
		"source": "data/observert_kapasitet.csv; " + atlas.PopulationSource + "; oppgavekatalog: data/tasks.json"})
	return nil
}
