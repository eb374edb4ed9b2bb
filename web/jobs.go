package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"generalist"
	"generalist/jobs"
)

// Jobs: long runs (searches with high effort, big ensembles, batch
// evaluations and reports) queued on the job queue (package jobs) and
// run by the workers: POST /api/v1/jobs queues one, GET /api/v1/jobs/{id}
// shows its state, progress and result, POST …/cancel stops it, GET
// /api/v1/jobs lists the caller's (an administrator's: everyone's). The
// pages /jobber and /jobber/{id} show the same (jobs_page.go).

func (s *Server) jobRoutes() {
	s.api("POST /api/v1/jobs", accessAnalyst, s.apiCreateJob)
	s.api("GET /api/v1/jobs", accessAnalyst, s.apiJobs)
	s.api("GET /api/v1/jobs/{id}", accessAnalyst, s.apiJob)
	s.api("POST /api/v1/jobs/{id}/cancel", accessAnalyst, s.apiCancelJob)
	s.page("GET /jobber", accessAnalyst, s.handleJobs)
	s.page("POST /jobber", accessAnalyst, s.handleCreateJob)
	s.page("GET /jobber/{id}", accessAnalyst, s.handleJob)
	s.page("POST /jobber/{id}/avbryt", accessAnalyst, s.handleCancelJob)
}

// queue returns the server's job queue, or an error when it has none.
func (s *Server) queue() (*jobs.Queue, error) {
	if s.cfg.Jobs == nil {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "this server runs no job queue")
	}
	return s.cfg.Jobs, nil
}

// jobOwner is the viewer as the owner of the jobs it queues.
func jobOwner(v viewer) jobs.Owner {
	return jobs.Owner{ID: strconv.FormatInt(v.User.ID, 10), Name: v.User.Name}
}

// searchJobParams are the parameters of a search job beyond those of
// /api/v1/search, and ensembleJobParams those of an ensemble job beyond
// /api/v1/search/ensemble's.
var (
	searchParams   = []string{"structure", "year", "floor", "task", "within_county", "keep_feasible", "no_sea_links", "max_km", "objective", "seed", "lock", "forbid", "restarts", "effort"}
	ensembleParams = append(append([]string{}, searchParams...), "steps", "parts", "tolerance", "ceiling", "unbalanced", "variant", "burn_in", "sample_every", "chains")
)

// jobParams reads the parameters of a job of kind. A search's or an
// ensemble's are read as the query of /api/v1/search or
// /api/v1/search/ensemble, with the same validation (parseSearch,
// parseEnsembleOptions), but for the steps, which a job may take many
// more of; the others as package jobs decodes them.
func (s *Server) jobParams(r *http.Request, kind string, raw json.RawMessage) (jobs.Params, error) {
	if kind == jobs.KindTasksSearch {
		return s.tasksSearchParams(r, raw)
	}
	if kind != jobs.KindSearch && kind != jobs.KindEnsemble {
		return jobs.Decode(kind, raw)
	}
	names := searchParams
	if kind == jobs.KindEnsemble {
		names = ensembleParams
	}
	q, err := paramValues(raw, names)
	if err != nil {
		return nil, err
	}
	steps := int64(1000)
	if kind == jobs.KindEnsemble && q.Get("steps") != "" {
		if steps, err = positiveParam(q, "steps", 1000); err != nil {
			return nil, err
		}
		if steps > jobs.MaxSteps {
			return nil, generalist.Errorf(generalist.EINVALID, "params.steps %d: at most %d in one job", steps, jobs.MaxSteps)
		}
	}
	q.Del("steps")
	fake := &http.Request{URL: &url.URL{RawQuery: q.Encode()}, Header: r.Header}
	req, err := s.parseSearch(fake.WithContext(r.Context()))
	if err != nil {
		return nil, err
	}
	p := jobs.SearchParams{Structure: int(req.Structure), Year: req.Year, Floor: req.Floor, Task: req.Task, WithinCounty: req.WithinCounty,
		KeepFeasible: req.KeepFeasible, NoSeaLinks: req.NoSeaLinks, MaxKm: req.MaxKm, Seed: req.Seed, Lock: req.Lock, Forbid: req.Forbid}
	if q.Get("objective") != "" {
		p.Objective = req.Objective.String()
	}
	if p.Floor == 0 && p.Task == "" {
		p.Floor = defaultFloor
	}
	restarts, err := positiveParam(q, "restarts", 0)
	if err != nil {
		return nil, err
	}
	p.Restarts = int(min(restarts, jobs.MaxRestarts+1))
	if p.Effort, err = floatParam(q, "effort", 0, 0, jobs.MaxEffort); err != nil {
		return nil, err
	}
	if kind == jobs.KindSearch {
		return p, nil
	}
	opt, err := parseEnsembleOptions(q, int(steps))
	if err != nil {
		return nil, err
	}
	chains, err := positiveParam(q, "chains", 0)
	if err != nil {
		return nil, err
	}
	return jobs.EnsembleParams{SearchParams: p, Steps: int(steps), Parts: req.Parts, Tolerance: opt.Tolerance, Ceiling: opt.Ceiling,
		Unbalanced: opt.Unbalanced, Variant: opt.Variant.String(), BurnIn: opt.BurnIn, SampleEvery: opt.SampleEvery, Chains: int(min(chains, 65))}, nil
}

// tasksSearchParams reads a tasks-search's parameters: the tasks, a list
// of task ids, and the criteria as a search's (without task).
func (s *Server) tasksSearchParams(r *http.Request, raw json.RawMessage) (jobs.Params, error) {
	var m map[string]json.RawMessage
	if len(bytes.TrimSpace(raw)) > 0 && string(bytes.TrimSpace(raw)) != "null" {
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, generalist.Errorf(generalist.EINVALID, "params: must be an object of parameters (%s)", jsonError(err))
		}
	}
	var tasks []string
	if t, ok := m["tasks"]; ok {
		if err := json.Unmarshal(t, &tasks); err != nil {
			return nil, generalist.Errorf(generalist.EINVALID, "params.tasks: must be a list of task ids")
		}
		delete(m, "tasks")
	}
	if _, ok := m["task"]; ok {
		return nil, generalist.Errorf(generalist.EINVALID, "params.task: a tasks-search takes its tasks in tasks")
	}
	rest, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	p, err := s.jobParams(r, jobs.KindSearch, rest)
	if err != nil {
		return nil, err
	}
	sp := p.(jobs.SearchParams)
	if _, given := m["floor"]; !given {
		sp.Floor = 0 // each task's robust minimum team, not the inhabitants' default
	}
	return jobs.TasksSearchParams{SearchParams: sp, Tasks: tasks}, nil
}

// paramValues turns a JSON object of parameters (strings, numbers and
// booleans) into the query they stand for, refusing other values and
// names not in names.
func paramValues(raw json.RawMessage, names []string) (url.Values, error) {
	q := url.Values{}
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		return q, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "params: must be an object of parameters (%s)", jsonError(err))
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		known := false
		for _, n := range names {
			known = known || n == k
		}
		if !known {
			return nil, generalist.Errorf(generalist.EINVALID, "params.%s: no such parameter; the parameters are %s", k, strings.Join(names, ", "))
		}
		switch v := m[k].(type) {
		case string:
			q.Set(k, v)
		case json.Number:
			q.Set(k, v.String())
		case bool:
			q.Set(k, strconv.FormatBool(v))
		case nil:
		default:
			return nil, generalist.Errorf(generalist.EINVALID, "params.%s: must be a string, a number or true/false", k)
		}
	}
	return q, nil
}

// jsonError is a JSON decoding error without Go's prefix.
func jsonError(err error) string { return strings.TrimPrefix(err.Error(), "json: ") }

// jobRequest is the body of POST /api/v1/jobs.
type jobRequest struct {
	Kind   string          `json:"kind"`
	Params json.RawMessage `json:"params"`
}

// jobCreated is the answer to POST /api/v1/jobs.
type jobCreated struct {
	ID    int64  `json:"id"`
	URL   string `json:"url"`
	Page  string `json:"page"`
	State string `json:"state"`
}

func (s *Server) apiCreateJob(w http.ResponseWriter, r *http.Request) error {
	q, err := s.queue()
	if err != nil {
		return err
	}
	if err := requireJSON(r, "the job"); err != nil {
		return err
	}
	b, err := io.ReadAll(maxBytes(w, r, 1<<20))
	if err != nil {
		return generalist.Errorf(generalist.EINVALID, "request body: %v", err)
	}
	var req jobRequest
	if err := generalist.DecodeStrictJSON(b, &req); err != nil {
		return generalist.Errorf(generalist.EINVALID, "request body: %s; want {\"kind\": …, \"params\": {…}}", jsonError(err))
	}
	p, err := s.jobParams(r, req.Kind, req.Params)
	if err != nil {
		return paramsError(err)
	}
	j, err := q.Enqueue(r.Context(), jobOwner(s.viewer(r)), p)
	if err != nil {
		return paramsError(err)
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/jobs/%d", j.ID))
	writeJSON(w, http.StatusAccepted, jobCreated{ID: j.ID, URL: fmt.Sprintf("/api/v1/jobs/%d", j.ID), Page: fmt.Sprintf("/jobber/%d", j.ID), State: j.State})
	return nil
}

// paramsError names a parameter of a job as "params.name", not as a
// query parameter.
func paramsError(err error) error {
	if generalist.ErrorCode(err) != generalist.EINVALID {
		return err
	}
	m := generalist.ErrorMessage(err)
	if rest, ok := strings.CutPrefix(m, "query parameter "); ok {
		return generalist.Errorf(generalist.EINVALID, "params.%s", rest)
	}
	return err
}

// ownJob reads job {id} of the path, as the viewer may see it: an
// administrator every job, an analyst its own (another's is not found).
func (s *Server) ownJob(r *http.Request) (*jobs.Queue, *jobs.Job, error) {
	q, err := s.queue()
	if err != nil {
		return nil, nil, err
	}
	id, err := jobs.ParseID(r.PathValue("id"))
	if err != nil {
		return nil, nil, err
	}
	j, err := q.Get(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	if v := s.viewer(r); v.Role != generalist.UserAdmin && j.Owner != jobOwner(v).ID {
		return nil, nil, generalist.Errorf(generalist.ENOTFOUND, "no job %d", id)
	}
	return q, j, nil
}

// listJobs returns the viewer's latest jobs (an administrator's:
// everyone's).
func (s *Server) listJobs(r *http.Request) ([]*jobs.Job, error) {
	q, err := s.queue()
	if err != nil {
		return nil, err
	}
	v := s.viewer(r)
	list, err := q.List(r.Context(), jobOwner(v).ID, v.Role == generalist.UserAdmin, 100)
	if list == nil {
		list = []*jobs.Job{}
	}
	return list, err
}

func (s *Server) apiJobs(w http.ResponseWriter, r *http.Request) error {
	list, err := s.listJobs(r)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "private, no-store")
	writeJSON(w, http.StatusOK, map[string]any{"jobs": list})
	return nil
}

func (s *Server) apiJob(w http.ResponseWriter, r *http.Request) error {
	_, j, err := s.ownJob(r)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "private, no-store")
	writeJSON(w, http.StatusOK, j)
	return nil
}

func (s *Server) apiCancelJob(w http.ResponseWriter, r *http.Request) error {
	q, j, err := s.ownJob(r)
	if err != nil {
		return err
	}
	if j, err = q.Cancel(r.Context(), j.ID); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, j)
	return nil
}
