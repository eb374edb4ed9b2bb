package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"

	"generalist"
	"generalist/app"
	"generalist/atlas"
	"generalist/capacity"
	"generalist/demography"
)

// catalogue returns the catalogue with the analysts' changes applied.
func (s *Server) catalogue(ctx context.Context) (*generalist.Catalogue, error) {
	return s.app.Catalogue(ctx)
}

// capacity returns the capacity model for a structure and year, with the
// registered cooperations (not the shipped examples) as today's.
func (s *Server) capacity(ctx context.Context, st generalist.Structure, year int) (*capacity.Result, error) {
	return s.app.Capacity(ctx, st, year, app.TodayOptions{})
}

// todayOptions reads ?examples= (true counts the shipped example
// cooperations as today's cooperation; default false).
func todayOptions(r *http.Request) (app.TodayOptions, error) {
	ex, err := boolParam(r.URL.Query(), "examples")
	return app.TodayOptions{Examples: ex}, err
}

// pressures returns the cached demographic pressure by municipality, or
// nil when the year has no single-year ages.
func (s *Server) pressures(ctx context.Context, st generalist.Structure, year int) (map[generalist.MunicipalityNumber]demography.Pressure, error) {
	return get(ctx, s.cache, fmt.Sprintf("pressure/%d/%d", st, year), func() (map[generalist.MunicipalityNumber]demography.Pressure, error) {
		ps, err := atlas.Pressures(ctx, s.store, st, year)
		if generalist.ErrorCode(err) == generalist.ENOTFOUND {
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		out := make(map[generalist.MunicipalityNumber]demography.Pressure, len(ps))
		for _, p := range ps {
			out[p.Municipality] = p
		}
		return out, nil
	})
}

// growth returns growth over 5, 10 and 20 years for one municipality.
func (s *Server) growth(r *http.Request, st generalist.Structure, num generalist.MunicipalityNumber, year int) (demography.Growth, error) {
	pts, err := s.series(r, st, num)
	if err != nil {
		return demography.Growth{}, err
	}
	series := map[int]generalist.Count{}
	for _, p := range pts {
		c := generalist.Count{Municipality: num, Known: p.Population != nil, Note: p.Note}
		if p.Population != nil {
			c.Value = *p.Population
		}
		series[p.Year] = c
	}
	return demography.GrowthOf(num, year, series), nil
}

func taskByID(cat *generalist.Catalogue, id string) *generalist.Task {
	for i := range cat.Tasks {
		if cat.Tasks[i].ID == id {
			return &cat.Tasks[i]
		}
	}
	return nil
}

// --- API

func (s *Server) apiTasks(w http.ResponseWriter, r *http.Request) error {
	if done, err := s.tasksLevel(w, r); done {
		return err
	}
	cat, err := s.catalogue(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, cat)
	return nil
}

// structureYear parses ?structure= (default 2024) and ?year= (default the
// latest year with data on the structure).
func (s *Server) structureYear(r *http.Request) (generalist.Structure, int, error) {
	q := r.URL.Query()
	st, err := structureParam(q, generalist.Structure2024)
	if err != nil {
		return 0, 0, err
	}
	year, err := s.yearFor(r, q, st)
	return st, year, err
}

// selection is what the municipality list, its API and the capacity page
// show: a structure and year (structureYear) and the list filter (county,
// size class, centrality class, name).
type selection struct {
	Structure generalist.Structure
	Year      int
	Filter    listFilter
}

func (s *Server) selectionOf(r *http.Request) (selection, error) {
	st, year, err := s.structureYear(r)
	if err != nil {
		return selection{}, err
	}
	f, err := parseListFilter(r.URL.Query().Get)
	return selection{Structure: st, Year: year, Filter: f}, err
}

// choices returns what a page over a structure offers to choose: its
// counties and the years with data.
func (s *Server) choices(ctx context.Context, st generalist.Structure) ([]generalist.County, []int, error) {
	counties, err := s.store.Counties(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	years, err := s.years(ctx, st)
	return counties, years, err
}

// selected returns the rows of the municipalities the selection keeps.
func (s *Server) selected(ctx context.Context, sel selection) ([]atlas.Row, error) {
	rows, err := s.rows(ctx, sel.Structure, sel.Year)
	if err != nil {
		return nil, err
	}
	return filterRows(rows, sel.Filter), nil
}

// capacityOf computes the capacity of every municipality of the
// request's structure and year, for the capacity API, with today's
// cooperation as ?examples= says.
func (s *Server) capacityOf(r *http.Request) (generalist.Structure, int, app.TodayOptions, *capacity.Result, error) {
	st, year, err := s.structureYear(r)
	if err != nil {
		return 0, 0, app.TodayOptions{}, nil, err
	}
	opts, err := todayOptions(r)
	if err != nil {
		return 0, 0, opts, nil, err
	}
	res, err := s.app.Capacity(r.Context(), st, year, opts)
	return st, year, opts, res, err
}

func (s *Server) apiCapacity(w http.ResponseWriter, r *http.Request) error {
	st, year, opts, res, err := s.capacityOf(r)
	if err != nil {
		return err
	}
	return s.cachedJSON(w, r, fmt.Sprintf("api/capacity/%d/%d/%s", st, year, opts.Key()), func() (any, error) {
		type muni struct {
			Number      generalist.MunicipalityNumber `json:"number"`
			Name        string                        `json:"name"`
			Population  generalist.Count              `json:"population"`
			Shortfalls  []string                      `json:"shortfalls"`
			Cooperation []capacity.Pool               `json:"cooperation,omitempty"`
		}
		ms := make([]muni, len(res.Municipalities))
		for i, m := range res.Municipalities {
			ms[i] = muni{m.Number, m.Name, m.Population, m.Shortfalls, m.Cooperation}
		}
		cat, err := s.catalogue(r.Context())
		if err != nil {
			return nil, err
		}
		// What each task's figures rest on: its staffing parameters, each
		// with its source or marked as an assumption (the task summary
		// carries only the threshold they give).
		type staffing struct {
			Task string `json:"task"`
			*generalist.Staffing
		}
		var sts []staffing
		for _, t := range res.Tasks {
			if task := taskByID(cat, t.Task); task != nil && task.Staffing != nil {
				sts = append(sts, staffing{t.Task, task.Staffing})
			}
		}
		return map[string]any{"structure": st, "year": year, "catalogue_version": cat.Version,
			"tasks": res.Tasks, "staffing": sts, "cooperation": res.Cooperation, "municipalities": ms,
			"source": atlas.PopulationSource + "; oppgavekatalog: data/tasks.json; samarbeid: samarbeidsregisteret"}, nil
	})
}

func (s *Server) apiMunicipalityCapacity(w http.ResponseWriter, r *http.Request) error {
	num, err := municipalityParam(r)
	if err != nil {
		return err
	}
	st, year, _, res, err := s.capacityOf(r)
	if err != nil {
		return err
	}
	for _, m := range res.Municipalities {
		if m.Number == num {
			ps, err := s.pressures(r.Context(), st, year)
			if err != nil {
				return err
			}
			var p *demography.Pressure
			if v, ok := ps[num]; ok {
				p = &v
			}
			g, err := s.growth(r, st, num, year)
			if err != nil {
				return err
			}
			writeJSON(w, http.StatusOK, map[string]any{"structure": st, "year": year, "municipality": m, "pressure": p, "growth": g, "cooperation": res.Cooperation})
			return nil
		}
	}
	return generalist.Errorw(generalist.ENOTFOUND, "err.municipality.notin", "kommune %s is not in the %d structure", num, st)
}

// --- pages

type tasksPage struct {
	Catalogue  *generalist.Catalogue
	Roles      []roleTasks
	History    []generalist.ParamChange
	AllowEdits bool
	CSRF       string
	// Error is a refused change in the page's language, ErrorTech its
	// English detail for «Teknisk» (empty when Error says it all).
	Error, ErrorTech string
	// Tasks names the tasks of the history by id.
	Tasks map[string]*generalist.Task
	// County is the county authority's task catalogue (county.go).
	County *countyTasksView
}

type roleTasks struct {
	Role  generalist.Role
	Tasks []*generalist.Task
}

func (s *Server) handleTasks(w http.ResponseWriter, r *http.Request) error {
	return s.servePublic(w, r, s.tasksPage) // the public's answer from memory (public.go)
}

func (s *Server) tasksPage(w http.ResponseWriter, r *http.Request) error {
	cat, err := s.catalogue(r.Context())
	if err != nil {
		return err
	}
	d := tasksPage{Catalogue: cat, AllowEdits: accessAnalyst.allows(s.viewer(r).Role)}
	if d.AllowEdits {
		d.CSRF = s.csrfToken(w, r)
	}
	if d.History, err = s.store.ParamChanges(r.Context()); err != nil {
		return err
	}
	slices.Reverse(d.History) // newest first
	d.Roles, d.Tasks = rolesOf(cat), tasksByID(cat)
	if d.County, err = s.countyTasks(); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "tasks.tmpl", page{Title: msg(langOf(r), "nav.tasks"), Nav: "tasks", Data: d})
	return nil
}

// tasksByID indexes the catalogue's tasks by id.
func tasksByID(cat *generalist.Catalogue) map[string]*generalist.Task {
	m := map[string]*generalist.Task{}
	for i := range cat.Tasks {
		m[cat.Tasks[i].ID] = &cat.Tasks[i]
	}
	return m
}

// rolesOf groups the catalogue's tasks by role.
func rolesOf(cat *generalist.Catalogue) []roleTasks {
	var out []roleTasks
	for _, role := range generalist.Roles {
		rt := roleTasks{Role: role}
		for i := range cat.Tasks {
			if t := &cat.Tasks[i]; t.Role == role {
				rt.Tasks = append(rt.Tasks, t)
			}
		}
		out = append(out, rt)
	}
	return out
}
