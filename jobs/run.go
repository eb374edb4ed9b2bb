package jobs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/riverqueue/river"

	"generalist"
	"generalist/app"
	"generalist/optimize"
	"generalist/report"
)

// runFunc runs a job's use case, reporting its progress to rep, and
// returns its result.
type runFunc[T Params] func(ctx context.Context, a *app.App, p T, rep *reporter) (any, error)

// worker runs the jobs of one kind.
type worker[T Params] struct {
	river.WorkerDefaults[T]
	q   *Queue
	run runFunc[T]
}

// Work runs the job, writing its progress as it goes and its result (or
// a failure that another run cannot mend) as its output.
func (w *worker[T]) Work(ctx context.Context, job *river.Job[T]) error {
	rep := &reporter{}
	stop := w.q.writeProgress(ctx, job.ID, rep)
	res, err := w.run(ctx, w.q.app, job.Args, rep)
	stop()
	if err == nil {
		b, err := json.Marshal(res)
		if err != nil {
			return err
		}
		return river.RecordOutput(ctx, output{Progress: rep.get(), Result: b})
	}
	switch {
	case ctx.Err() != nil && errors.Is(context.Cause(ctx), context.DeadlineExceeded):
		err = generalist.Errorf(generalist.EINVALID, "the job ran longer than the longest a job may run (%v); ask for fewer steps or less effort", w.q.cfg.JobTimeout)
	case ctx.Err() != nil:
		return ctx.Err() // cancelled, or the worker is stopping: River decides
	case generalist.ErrorCode(err) == generalist.EINTERNAL:
		return err // may mend: River runs it again
	}
	if rerr := river.RecordOutput(ctx, output{Progress: rep.get(), Failed: generalist.ErrorMessage(err)}); rerr != nil {
		return rerr
	}
	return river.JobCancel(err)
}

// reporter holds a running job's latest progress.
type reporter struct {
	mu      sync.Mutex
	p       Progress
	changed bool
}

func (r *reporter) set(done, total int, unit string) {
	r.mu.Lock()
	r.p, r.changed = Progress{Done: done, Total: total, Unit: unit}, true
	r.mu.Unlock()
}

func (r *reporter) get() Progress {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.p
}

// take returns the progress if it changed since the last take.
func (r *reporter) take() (Progress, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ch := r.changed
	r.changed = false
	return r.p, ch
}

// writeProgress writes rep's progress as job id's output every
// ProgressEvery while it changes, and once more when the returned
// function is called (which waits for that write), so that a job's
// progress is written at least once before it ends. The writes happen
// beside the computation, never in its way; a write that fails is tried
// again with the next change.
func (q *Queue) writeProgress(ctx context.Context, id int64, rep *reporter) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	write := func() {
		p, ok := rep.take()
		if !ok {
			return
		}
		if _, err := q.c.JobUpdate(ctx, id, &river.JobUpdateParams{Output: output{Progress: p}}); err != nil {
			if ctx.Err() == nil {
				q.cfg.Logger.Warn("job progress not written", "job", id, "err", err)
			}
			rep.mu.Lock()
			rep.changed = true
			rep.mu.Unlock()
			return
		}
		if q.cfg.AfterProgress != nil {
			q.cfg.AfterProgress()
		}
	}
	go func() {
		defer wg.Done()
		t := time.NewTicker(q.cfg.ProgressEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				if ctx.Err() == nil {
					write()
				}
				return
			case <-ctx.Done():
				return
			case <-t.C:
				write()
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// SearchResult is a search job's result: the JSON of /api/v1/search,
// built by the application layer for both.
type SearchResult = app.SearchResult

func runSearch(ctx context.Context, a *app.App, p SearchParams, rep *reporter) (any, error) {
	s, err := p.problem(ctx, a)
	if err != nil {
		return nil, err
	}
	set := optimize.Settings{Seed: p.Seed, Restarts: p.Restarts, Effort: p.Effort,
		Progress: func(done, total int) { rep.set(done, total, "restarts") }}
	res, _, err := s.Solve(ctx, set)
	return res, err
}

// TasksSearchResult is a tasks-search job's result: the search of each
// task, in the order of the tasks.
type TasksSearchResult struct {
	Tasks []TaskResult `json:"tasks"`
}

// TaskResult is the search of one task, or why its criteria have no plan
// (Error: infeasible, which does not stop the other tasks).
type TaskResult struct {
	ID    string `json:"id"`
	Error string `json:"error,omitempty"`
	*SearchResult
}

func runTasksSearch(ctx context.Context, a *app.App, p TasksSearchParams, rep *reporter) (any, error) {
	tasks, err := p.tasks(ctx, a)
	if err != nil {
		return nil, err
	}
	res := &TasksSearchResult{Tasks: []TaskResult{}}
	rep.set(0, len(tasks), "tasks")
	for i, t := range tasks {
		q := p.SearchParams
		q.Task = t
		r, err := runSearch(ctx, a, q, &reporter{})
		switch {
		case err == nil:
			res.Tasks = append(res.Tasks, TaskResult{ID: t, SearchResult: r.(*SearchResult)})
		case ctx.Err() == nil && generalist.ErrorCode(err) == generalist.EINVALID:
			res.Tasks = append(res.Tasks, TaskResult{ID: t, Error: generalist.ErrorMessage(err)})
		default:
			return nil, fmt.Errorf("task %s: %w", t, err)
		}
		rep.set(i+1, len(tasks), "tasks")
	}
	return res, nil
}

// EnsembleResult is an ensemble job's result: the JSON of
// /api/v1/search/ensemble, built by the application layer for both.
type EnsembleResult = app.EnsembleResult

func runEnsemble(ctx context.Context, a *app.App, p EnsembleParams, rep *reporter) (any, error) {
	set, err := p.settings()
	if err != nil {
		return nil, err
	}
	s, err := p.problem(ctx, a)
	if err != nil {
		return nil, err
	}
	var samples []optimize.Sample
	if set.SampleEvery > 0 {
		set.Sample = func(x optimize.Sample) error {
			samples = append(samples, x)
			return nil
		}
	}
	set.Progress = func(done, total int) { rep.set(done, total, "steps") }
	e, err := optimize.Ensemble(ctx, s.Problem, set)
	if err != nil {
		return nil, err
	}
	return app.NewEnsembleResult(s.Structure, s.Year, s.Unit, s.Problem, e, samples, set.SampleEvery > 0), nil
}

// EvaluateResult is an evaluate job's result: each scenario's outcome, in
// the order named, as POST /api/v1/evaluate gives it.
type EvaluateResult struct {
	Outcomes []json.RawMessage `json:"outcomes"`
}

func runEvaluate(ctx context.Context, a *app.App, p EvaluateParams, rep *reporter) (any, error) {
	scs, err := scenarios(ctx, a, p.Scenarios)
	if err != nil {
		return nil, err
	}
	res := &EvaluateResult{}
	rep.set(0, len(scs), "scenarios")
	for i, sc := range scs {
		out, err := a.Evaluate(ctx, sc, app.TodayOptions{Examples: p.Examples})
		if err != nil {
			return nil, fmt.Errorf("scenario %s: %w", sc.ID, err)
		}
		b, err := json.Marshal(out)
		if err != nil {
			return nil, err
		}
		res.Outcomes = append(res.Outcomes, b)
		rep.set(i+1, len(scs), "scenarios")
	}
	return res, nil
}

// ReportResult is a report job's result: the report in its format.
type ReportResult struct {
	Format  string `json:"format"`
	Title   string `json:"title"`
	Content string `json:"content"`
}

func runReport(ctx context.Context, a *app.App, p ReportParams, rep *reporter) (any, error) {
	format, err := p.format()
	if err != nil {
		return nil, err
	}
	scs, err := scenarios(ctx, a, p.Scenarios)
	if err != nil {
		return nil, err
	}
	rep.set(0, 2, "steps")
	title := p.Title
	if title == "" {
		title = report.DefaultTitle(p.Lang)
	}
	c, err := a.Report(ctx, title, scs, app.TodayOptions{Examples: p.Examples})
	if err != nil {
		return nil, err
	}
	c.Lang = p.Lang
	rep.set(1, 2, "steps")
	write := map[string]func(io.Writer, *report.Comparison) error{"html": report.HTML, "md": report.Markdown, "csv": report.CSV}[format]
	var b bytes.Buffer
	if err := write(&b, c); err != nil {
		return nil, err
	}
	rep.set(2, 2, "steps")
	return &ReportResult{Format: format, Title: c.Title, Content: b.String()}, nil
}
