package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"generalist"
	"generalist/internal/nbfmt"
	"generalist/jobs"
	"generalist/optimize"
)

// jobPageNames are the templates of the job pages.
var jobPageNames = []string{"jobs_list.tmpl", "jobs_show.tmpl"}

// jobRow is a job as the pages show it.
type jobRow struct {
	*jobs.Job
	// StateText is the state in words; Job.State is the state's code.
	Name, StateText, Percent string
	// Permille is the progress for <progress max="1000">.
	Permille int
	// Steps is "420 000 of 1 000 000 steps", or "" before any.
	Steps string
}

func jobRowOf(j *jobs.Job, lang string) jobRow {
	nf := nbfmt.For(lang)
	r := jobRow{Job: j, Name: msg(lang, "jobs.kind."+j.Kind), StateText: msg(lang, "jobs.state."+j.State),
		Percent: nf.Percent(100*j.Progress, 0), Permille: int(1000 * j.Progress)}
	if j.Total > 0 {
		r.Steps = sprintf(msg(lang, "jobs.steps."+j.Unit), nf.Int(int64(j.Done)), nf.Int(int64(j.Total)))
	}
	return r
}

func (s *Server) handleJobs(w http.ResponseWriter, r *http.Request) error {
	lang := langOf(r)
	list, err := s.listJobs(r)
	if err != nil {
		return err
	}
	d := jobsPage{CSRF: s.csrfToken(w, r), Jobs: make([]jobRow, len(list))}
	for i, j := range list {
		d.Jobs[i] = jobRowOf(j, lang)
	}
	w.Header().Set("Cache-Control", "private, no-store")
	s.render(w, r, http.StatusOK, "jobs_list.tmpl", page{Title: msg(lang, "jobs.title"), Nav: "search", Structure: generalist.Structure2024, Data: d})
	return nil
}

// jobsPage is the data of jobs_list.tmpl: the viewer's jobs and the form
// that starts an ensemble.
type jobsPage struct {
	Jobs []jobRow
	CSRF string
}

// handleCreateJob queues a search or an ensemble from the search page's
// form (search_job.tmpl) and shows its page.
func (s *Server) handleCreateJob(w http.ResponseWriter, r *http.Request) error {
	q, err := s.queue()
	if err != nil {
		return err
	}
	kind := r.PostFormValue("kind")
	names := searchParams
	if kind == jobs.KindEnsemble {
		names = ensembleParams
	} else if kind != jobs.KindSearch {
		return generalist.Errorf(generalist.EINVALID, "kind %q: the form queues a search or an ensemble", kind)
	}
	v := url.Values{}
	for _, n := range names {
		if x := strings.TrimSpace(r.PostFormValue(n)); x != "" {
			v.Set(n, x)
		}
	}
	raw, err := json.Marshal(flatten(v))
	if err != nil {
		return err
	}
	p, err := s.jobParams(r, kind, raw)
	if err != nil {
		return paramsError(err)
	}
	j, err := q.Enqueue(r.Context(), jobOwner(s.viewer(r)), p)
	if err != nil {
		return paramsError(err)
	}
	http.Redirect(w, r, fmt.Sprintf("/jobber/%d", j.ID), http.StatusSeeOther)
	return nil
}

// flatten keeps the first value of each form field.
func flatten(v url.Values) map[string]string {
	m := make(map[string]string, len(v))
	for k := range v {
		m[k] = v.Get(k)
	}
	return m
}

// jobPage is the data of jobs_show.tmpl.
type jobPage struct {
	Job  jobRow
	Over bool
	CSRF string
	// Params are the parameters in words.
	Params []paramView
	// Source names the data a search's or an ensemble's result rests on.
	Source string
	// Search and Ensemble are the result of a done search or ensemble;
	// Scenarios the number of scenarios of a done evaluation or report.
	Search    *searchView
	Tasks     []taskView
	Ensemble  *ensembleJobView
	Scenarios int
}

type paramView struct{ Label, Value string }

// paramLabels are the message keys of the parameters' names, in the
// order the page lists them.
var paramLabels = []struct{ name, key string }{
	{"structure", "structure"}, {"year", "year"}, {"task", "search.weigh"}, {"floor", "search.floor"}, {"max_km", "search.maxkm"},
	{"objective", "search.objective"}, {"within_county", "search.withincounty"}, {"keep_feasible", "search.keep"}, {"no_sea_links", "search.nosea"},
	{"lock", "jobs.param.lock"}, {"forbid", "jobs.param.forbid"}, {"steps", "jobs.form.steps"}, {"parts", "jobs.param.parts"},
	{"tolerance", "jobs.param.tolerance"}, {"ceiling", "jobs.param.ceiling"}, {"unbalanced", "jobs.param.unbalanced"}, {"variant", "jobs.param.variant"},
	{"burn_in", "jobs.param.burn_in"}, {"sample_every", "jobs.param.sample_every"}, {"chains", "jobs.param.chains"}, {"restarts", "jobs.param.restarts"},
	{"effort", "jobs.param.effort"}, {"seed", "search.seed"}, {"tasks", "jobs.param.tasks"}, {"scenarios", "jobs.param.scenarios"}, {"title", "jobs.param.title"},
	{"format", "jobs.param.format"}, {"examples", "jobs.param.examples"},
}

// paramsOf puts a job's parameters in words: each known one with its
// label and its value formatted for lang (a task by its name, an
// objective by its description, yes or no).
func (s *Server) paramsOf(r *http.Request, raw json.RawMessage, lang string) []paramView {
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	nf := nbfmt.For(lang)
	var out []paramView
	for _, l := range paramLabels {
		v, ok := m[l.name]
		if !ok {
			continue
		}
		var text string
		switch x := v.(type) {
		case bool:
			text = msg(lang, map[bool]string{true: "jobs.yes", false: "jobs.no"}[x])
		case float64:
			text = nf.Round(x, 2)
			if l.name == "structure" || l.name == "year" || l.name == "seed" {
				text = fmt.Sprint(x)
			}
		case string:
			text = x
			switch l.name {
			case "objective":
				text = msg(lang, "search.obj."+x)
			case "task":
				text = s.taskName(r, x, lang)
			}
		case []any:
			parts := make([]string, len(x))
			for i, e := range x {
				parts[i] = fmt.Sprint(e)
				if l.name == "tasks" {
					parts[i] = s.taskName(r, parts[i], lang)
				}
			}
			text = strings.Join(parts, ", ")
		default:
			continue
		}
		out = append(out, paramView{msg(lang, l.key), text})
	}
	return out
}

// taskName is the name of task id in lang, or id when the catalogue has
// no such task.
func (s *Server) taskName(r *http.Request, id, lang string) string {
	cat, err := s.catalogue(r.Context())
	if err != nil {
		return id
	}
	for _, t := range cat.Tasks {
		if t.ID == id {
			if lang == "en" {
				return t.NameEN
			}
			return t.NameNB
		}
	}
	return id
}

type searchView struct {
	Count, Merged, Alone int
	Floor, Unit          string
	Groups               []groupView
}

type groupView struct{ Names, Weight string }

// taskView is one task's search of a tasks-search job.
type taskView struct {
	Name, Floor, Error   string
	Count, Merged, Alone int
}

type ensembleJobView struct {
	Steps, Accepted, Ceiling, Unit string
	P05Head, P95Head               string // "5 %" and "95 %" in the page's language
	Parts, Chains                  int
	Balanced, TooShort             bool
	Rows                           []distRow
}

type distRow struct{ Name, Min, P05, P50, P95, Max string }

func (s *Server) handleJob(w http.ResponseWriter, r *http.Request) error {
	lang := langOf(r)
	_, j, err := s.ownJob(r)
	if err != nil {
		return err
	}
	d := jobPage{Job: jobRowOf(j, lang), Over: j.Over(), CSRF: s.csrfToken(w, r), Params: s.paramsOf(r, j.Params, lang)}
	if j.State == jobs.StateDone {
		if err := d.result(s, r, j, lang); err != nil {
			return err
		}
	}
	w.Header().Set("Cache-Control", "private, no-store")
	s.render(w, r, http.StatusOK, "jobs_show.tmpl", page{Title: d.Job.Name, Nav: "search", Data: d})
	return nil
}

// result reads a done job's result for the page.
func (d *jobPage) result(s *Server, r *http.Request, j *jobs.Job, lang string) error {
	nf := nbfmt.For(lang)
	switch j.Kind {
	case jobs.KindSearch:
		var res jobs.SearchResult
		if err := json.Unmarshal(j.Result, &res); err != nil {
			return fmt.Errorf("job %d: result: %w", j.ID, err)
		}
		dec := 0
		if res.Unit == "FTE" {
			dec = 1
		}
		v := &searchView{Count: res.Count, Merged: res.Merged, Alone: res.Alone, Floor: nf.Decimal(res.Floor, dec), Unit: unitWord(res.Unit, lang)}
		d.Source = sprintf(msg(lang, "ens.source"), res.Year)
		sort.SliceStable(res.Groups, func(a, b int) bool { return res.Groups[a].Weight < res.Groups[b].Weight })
		for _, g := range res.Groups {
			if len(g.Members) < 2 {
				continue
			}
			names := make([]string, len(g.Members))
			for i, m := range g.Members {
				names[i] = m.Name
			}
			v.Groups = append(v.Groups, groupView{strings.Join(names, ", "), nf.Decimal(g.Weight, dec)})
		}
		d.Search = v
	case jobs.KindTasksSearch:
		var res jobs.TasksSearchResult
		if err := json.Unmarshal(j.Result, &res); err != nil {
			return fmt.Errorf("job %d: result: %w", j.ID, err)
		}
		for _, t := range res.Tasks {
			v := taskView{Name: s.taskName(r, t.ID, lang), Error: t.Error}
			if t.SearchResult != nil {
				v.Floor, v.Count, v.Merged, v.Alone = nf.Decimal(t.Floor, 1), t.Count, t.Merged, t.Alone
				d.Source = sprintf(msg(lang, "ens.source"), t.Year)
			}
			d.Tasks = append(d.Tasks, v)
		}
	case jobs.KindEnsemble:
		var res jobs.EnsembleResult
		if err := json.Unmarshal(j.Result, &res); err != nil || res.EnsembleResult == nil {
			return fmt.Errorf("job %d: result: %v", j.ID, err)
		}
		e := res.EnsembleResult
		d.Source = sprintf(msg(lang, "ens.source"), res.Year)
		dec := 0
		if res.Unit == "FTE" {
			dec = 1
		}
		v := &ensembleJobView{Steps: nf.Int(int64(e.Steps)), Parts: e.Parts, Chains: e.Chains, Balanced: e.Balanced, TooShort: e.Diagnostics.TooShort,
			Ceiling: nf.Decimal(e.Ceiling, dec), Unit: unitWord(res.Unit, lang),
			P05Head: nf.Percent(5, 0), P95Head: nf.Percent(95, 0)}
		if e.Steps > 0 {
			v.Accepted = nf.Percent(100*float64(e.Accepted)/float64(e.Steps), 0)
		}
		kind := "distance"
		if p, err := optimize.ParseObjective(objectiveOf(j.Params)); err == nil {
			kind = p.String()
		}
		for i, dist := range []optimize.Distribution{e.Objective, e.MaxWeight, e.MinWeight, e.CutEdges} {
			name := msg(lang, "search.obj."+kind)
			if statisticKeys[i] != "" {
				name = msg(lang, statisticKeys[i])
			}
			dd := dec
			if i == 0 || i == 3 {
				dd = 0
			}
			f := func(x float64) string { return nf.Decimal(x, dd) }
			v.Rows = append(v.Rows, distRow{name, f(dist.Min), f(dist.P05), f(dist.P50), f(dist.P95), f(dist.Max)})
		}
		d.Ensemble = v
	case jobs.KindEvaluate, jobs.KindReport:
		var p struct {
			Scenarios []string `json:"scenarios"`
		}
		json.Unmarshal(j.Params, &p)
		d.Scenarios = len(p.Scenarios)
	}
	return nil
}

// objectiveOf is the objective a job's parameters name ("" for the
// default).
func objectiveOf(params json.RawMessage) string {
	var p struct {
		Objective string `json:"objective"`
	}
	json.Unmarshal(params, &p)
	return p.Objective
}

func (s *Server) handleCancelJob(w http.ResponseWriter, r *http.Request) error {
	q, j, err := s.ownJob(r)
	if err != nil {
		return err
	}
	if _, err := q.Cancel(r.Context(), j.ID); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/jobber/%d", j.ID), http.StatusSeeOther)
	return nil
}
