package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"generalist"
	"generalist/app"
	"generalist/optimize"
	"generalist/report"
)

// The kinds of job.
const (
	KindSearch = "search"
	// KindTasksSearch runs the search with each of many tasks' floors.
	KindTasksSearch = "tasks-search"
	KindEnsemble    = "ensemble"
	KindEvaluate    = "evaluate"
	KindReport      = "report"
)

// Kinds lists the kinds of job in the order the help and the pages show
// them.
var Kinds = []string{KindSearch, KindTasksSearch, KindEnsemble, KindEvaluate, KindReport}

// Limits of one job.
const (
	// MaxSteps bounds an ensemble job's steps.
	MaxSteps = 100_000_000
	// MaxRestarts and MaxEffort bound a search job.
	MaxRestarts = 1000
	MaxEffort   = 1000
	// MaxScenarios bounds the scenarios of an evaluate or report job.
	MaxScenarios = 100
	// MaxSamples bounds the plans an ensemble job keeps in its result.
	MaxSamples = 1000
)

// Params are the parameters of a job of one kind: SearchParams,
// EnsembleParams, EvaluateParams or ReportParams. They are the job's
// River arguments, stored as JSON with the names of the API's
// parameters.
type Params interface {
	Kind() string
	// check refuses parameters a run would refuse, before the job is
	// queued, with the use case's own validation.
	check(ctx context.Context, a *app.App) error
}

// SearchParams are the criteria of a structure search, named as the
// query parameters of /api/v1/search; Restarts and Effort (as the CLI's
// --restarts and --effort) let a job search harder than a request may.
type SearchParams struct {
	Structure    int     `json:"structure"`
	Year         int     `json:"year,omitempty"`
	Floor        float64 `json:"floor,omitempty"`
	Task         string  `json:"task,omitempty"`
	WithinCounty bool    `json:"within_county,omitempty"`
	KeepFeasible bool    `json:"keep_feasible,omitempty"`
	NoSeaLinks   bool    `json:"no_sea_links,omitempty"`
	MaxKm        float64 `json:"max_km,omitempty"`
	Objective    string  `json:"objective,omitempty"`
	Seed         uint64  `json:"seed"`
	Lock         string  `json:"lock,omitempty"`
	Forbid       string  `json:"forbid,omitempty"`
	Restarts     int     `json:"restarts,omitempty"`
	Effort       float64 `json:"effort,omitempty"`
}

// EnsembleParams are an ensemble's criteria and settings, named as the
// query parameters of /api/v1/search/ensemble; Chains as the CLI's
// --chains.
type EnsembleParams struct {
	SearchParams
	Steps       int     `json:"steps"`
	Parts       int     `json:"parts,omitempty"`
	Tolerance   float64 `json:"tolerance,omitempty"`
	Ceiling     float64 `json:"ceiling,omitempty"`
	Unbalanced  bool    `json:"unbalanced,omitempty"`
	Variant     string  `json:"variant,omitempty"`
	BurnIn      int     `json:"burn_in,omitempty"`
	SampleEvery int     `json:"sample_every,omitempty"`
	Chains      int     `json:"chains,omitempty"`
}

// TasksSearchParams run the structure search in its task-floor mode for
// each task of Tasks (every task with a staffing model when empty): the
// groups in which each task's expected FTEs reach Floor, or without one
// the task's robust minimum team. Task must be empty.
type TasksSearchParams struct {
	SearchParams
	Tasks []string `json:"tasks,omitempty"`
}

// MaxTasks bounds the tasks of a tasks-search job.
const MaxTasks = 500

// EvaluateParams name the scenarios (stored or shipped) to evaluate;
// Examples counts the shipped example cooperations as today's (as
// ?examples=true does on the web).
type EvaluateParams struct {
	Scenarios []string `json:"scenarios"`
	Examples  bool     `json:"examples,omitempty"`
}

// ReportParams name the scenarios of a comparison report, its title, its
// format (html, md or csv, as generalist report --format) and its
// language (nb, the default, or en, as --lang).
type ReportParams struct {
	Scenarios []string `json:"scenarios"`
	Title     string   `json:"title,omitempty"`
	Format    string   `json:"format,omitempty"`
	Lang      string   `json:"lang,omitempty"`
	Examples  bool     `json:"examples,omitempty"`
}

func (SearchParams) Kind() string      { return KindSearch }
func (EnsembleParams) Kind() string    { return KindEnsemble }
func (TasksSearchParams) Kind() string { return KindTasksSearch }
func (EvaluateParams) Kind() string    { return KindEvaluate }
func (ReportParams) Kind() string      { return KindReport }

// criteria turns the parameters into the search's criteria.
func (p SearchParams) criteria() (app.Criteria, error) {
	c := app.Criteria{Structure: generalist.Structure(p.Structure), Year: p.Year, Floor: p.Floor, Task: p.Task, WithinCounty: p.WithinCounty,
		KeepFeasible: p.KeepFeasible, NoSeaLinks: p.NoSeaLinks, MaxKm: p.MaxKm, Lock: p.Lock, Forbid: p.Forbid}
	if p.Objective != "" {
		o, err := optimize.ParseObjective(p.Objective)
		if err != nil {
			return c, generalist.Errorf(generalist.EINVALID, "objective: %s", generalist.ErrorMessage(err))
		}
		c.Objective = o
	}
	return c, nil
}

// problem validates the parameters and builds the search's problem with
// app.SearchProblem, the validation of /api/v1/search.
func (p SearchParams) problem(ctx context.Context, a *app.App) (*app.Search, error) {
	if p.Seed == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "seed: must be a positive whole number")
	}
	if p.Restarts < 0 || p.Restarts > MaxRestarts {
		return nil, generalist.Errorf(generalist.EINVALID, "restarts %d: must be from 0 to %d", p.Restarts, MaxRestarts)
	}
	if math.IsNaN(p.Effort) || p.Effort < 0 || p.Effort > MaxEffort {
		return nil, generalist.Errorf(generalist.EINVALID, "effort %v: must be from 0 to %d", p.Effort, MaxEffort)
	}
	if p.Floor == 0 && p.Task == "" {
		return nil, generalist.Errorf(generalist.EINVALID, "floor: required without a task (a number of inhabitants)")
	}
	c, err := p.criteria()
	if err != nil {
		return nil, err
	}
	return a.SearchProblem(ctx, c)
}

func (p SearchParams) check(ctx context.Context, a *app.App) error {
	_, err := p.problem(ctx, a)
	return err
}

// settings validates the ensemble's own parameters and gives the
// optimizer's settings (without Progress and Sample).
func (p EnsembleParams) settings() (optimize.EnsembleSettings, error) {
	s := optimize.EnsembleSettings{Seed: p.Seed, Steps: p.Steps, Parts: p.Parts, Tolerance: p.Tolerance, Ceiling: p.Ceiling,
		Unbalanced: p.Unbalanced, BurnIn: p.BurnIn, SampleEvery: p.SampleEvery, Chains: p.Chains}
	switch {
	case p.Steps <= 0 || p.Steps > MaxSteps:
		return s, generalist.Errorf(generalist.EINVALID, "steps %d: must be from 1 to %d", p.Steps, MaxSteps)
	case p.Parts < 0 || p.Parts > 10000:
		return s, generalist.Errorf(generalist.EINVALID, "parts %d: must be from 0 to 10000", p.Parts)
	case math.IsNaN(p.Tolerance) || p.Tolerance < 0 || p.Tolerance > 100:
		return s, generalist.Errorf(generalist.EINVALID, "tolerance %v: must be from 0 to 100", p.Tolerance)
	case math.IsNaN(p.Ceiling) || p.Ceiling < 0 || p.Ceiling > 1e12:
		return s, generalist.Errorf(generalist.EINVALID, "ceiling %v: must be from 0 to 1e12", p.Ceiling)
	case p.Unbalanced && (p.Ceiling > 0 || p.Tolerance > 0):
		return s, generalist.Errorf(generalist.EINVALID, "unbalanced: an unbalanced ensemble has no ceiling or tolerance")
	case p.BurnIn < 0:
		return s, generalist.Errorf(generalist.EINVALID, "burn_in %d: must not be negative", p.BurnIn)
	case p.Chains < 0 || p.Chains > 64:
		return s, generalist.Errorf(generalist.EINVALID, "chains %d: must be from 0 to 64", p.Chains)
	case p.SampleEvery < 0:
		return s, generalist.Errorf(generalist.EINVALID, "sample_every %d: must not be negative", p.SampleEvery)
	case p.SampleEvery > 0 && p.Steps/p.SampleEvery > MaxSamples:
		return s, generalist.Errorf(generalist.EINVALID, "sample_every %d: at most %d plans in a job's result; sample every %d steps or more",
			p.SampleEvery, MaxSamples, (p.Steps+MaxSamples-1)/MaxSamples)
	}
	v, err := optimize.ParseVariant(p.Variant)
	if err != nil {
		return s, generalist.Errorf(generalist.EINVALID, "variant: %s", generalist.ErrorMessage(err))
	}
	s.Variant = v
	s.BurnIn = min(s.BurnIn, s.Steps)
	return s, nil
}

func (p EnsembleParams) check(ctx context.Context, a *app.App) error {
	if _, err := p.settings(); err != nil {
		return err
	}
	return p.SearchParams.check(ctx, a)
}

// tasks returns the tasks of the job: those named, or every task with a
// staffing model.
func (p TasksSearchParams) tasks(ctx context.Context, a *app.App) ([]string, error) {
	if p.Task != "" {
		return nil, generalist.Errorf(generalist.EINVALID, "task: a tasks-search takes its tasks in tasks, not task")
	}
	if len(p.Tasks) > MaxTasks {
		return nil, generalist.Errorf(generalist.EINVALID, "tasks: %d named, at most %d in one job", len(p.Tasks), MaxTasks)
	}
	if len(p.Tasks) > 0 {
		return p.Tasks, nil
	}
	cat, err := a.Catalogue(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, t := range cat.Tasks {
		if t.Staffing != nil {
			out = append(out, t.ID)
		}
	}
	return out, nil
}

func (p TasksSearchParams) check(ctx context.Context, a *app.App) error {
	tasks, err := p.tasks(ctx, a)
	if err != nil {
		return err
	}
	for i, t := range tasks {
		q := p.SearchParams
		q.Task = t
		if _, err := q.problem(ctx, a); err != nil {
			return namedErr(err, fmt.Sprintf("tasks[%d]", i))
		}
	}
	return nil
}

// scenarios reads the named scenarios (stored or shipped), refusing an
// empty or too long list and an unknown id.
func scenarios(ctx context.Context, a *app.App, ids []string) ([]*generalist.Scenario, error) {
	if len(ids) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "scenarios: name at least one scenario")
	}
	if len(ids) > MaxScenarios {
		return nil, generalist.Errorf(generalist.EINVALID, "scenarios: %d named, at most %d in one job", len(ids), MaxScenarios)
	}
	out := make([]*generalist.Scenario, len(ids))
	for i, id := range ids {
		sc, err := a.Scenario(ctx, id, true)
		if err != nil {
			return nil, namedErr(err, fmt.Sprintf("scenarios[%d]", i))
		}
		out[i] = sc
	}
	return out, nil
}

func (p EvaluateParams) check(ctx context.Context, a *app.App) error {
	_, err := scenarios(ctx, a, p.Scenarios)
	return err
}

// reportFormats are the formats of a report job.
var reportFormats = []string{"html", "md", "csv"}

func (p ReportParams) format() (string, error) {
	f := p.Format
	if f == "" {
		f = "html"
	}
	for _, ok := range reportFormats {
		if f == ok {
			return f, nil
		}
	}
	return "", generalist.Errorf(generalist.EINVALID, "format %q: must be one of %s", p.Format, strings.Join(reportFormats, ", "))
}

func (p ReportParams) check(ctx context.Context, a *app.App) error {
	if _, err := p.format(); err != nil {
		return err
	}
	if len([]rune(p.Title)) > 200 {
		return generalist.Errorf(generalist.EINVALID, "title: at most 200 characters")
	}
	if err := report.CheckLang(p.Lang); err != nil {
		return err
	}
	_, err := scenarios(ctx, a, p.Scenarios)
	return err
}

// Decode reads the parameters of a job of kind from JSON, refusing
// unknown fields and values of the wrong type with the field's name.
func Decode(kind string, raw json.RawMessage) (Params, error) {
	var p Params
	switch kind {
	case KindSearch:
		p = &SearchParams{Seed: 1}
	case KindEnsemble:
		p = &EnsembleParams{SearchParams: SearchParams{Seed: 1}, Steps: 1000}
	case KindTasksSearch:
		p = &TasksSearchParams{SearchParams: SearchParams{Seed: 1}}
	case KindEvaluate:
		p = &EvaluateParams{}
	case KindReport:
		p = &ReportParams{}
	default:
		return nil, generalist.Errorf(generalist.EINVALID, "kind %q: must be one of %s", kind, strings.Join(Kinds, ", "))
	}
	if len(raw) > 0 && string(raw) != "null" {
		dec := json.NewDecoder(strings.NewReader(string(raw)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(p); err != nil {
			return nil, generalist.Errorf(generalist.EINVALID, "params: %s", jsonMessage(err))
		}
	}
	switch v := p.(type) {
	case *SearchParams:
		return *v, nil
	case *EnsembleParams:
		return *v, nil
	case *TasksSearchParams:
		return *v, nil
	case *EvaluateParams:
		return *v, nil
	case *ReportParams:
		return *v, nil
	}
	panic("unreachable")
}

// namedErr prefixes a domain error's message with the field it concerns,
// keeping its code; other errors are wrapped.
func namedErr(err error, field string) error {
	if c := generalist.ErrorCode(err); c != generalist.EINTERNAL {
		return generalist.Errorf(c, "%s: %s", field, generalist.ErrorMessage(err))
	}
	return fmt.Errorf("%s: %w", field, err)
}

// jsonMessage says what was wrong with a JSON value and in which field.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Sprintf("field %s: must be %s, not %s", te.Field, te.Type, te.Value)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}
