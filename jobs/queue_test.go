package jobs

import (
	"cmp"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"

	"generalist"
	"generalist/app"
	"generalist/internal/testkit"
	"generalist/postgres"
	"generalist/report"
	"generalist/storetest"
)

// backends opens, for each store, an App on a store with the reference
// data and a function that makes queues on it.
type backend struct {
	name string
	open func(t *testing.T) (*app.App, func(cfg Config) *Queue)
}

var backends = []backend{
	{"sqlite", func(t *testing.T) (*app.App, func(Config) *Queue) {
		db := storetest.Loaded(t, storetest.OpenSQLite(t))
		a := app.New(db)
		return a, func(cfg Config) *Queue { return started(t)(New(riversqlite.New(db.SQL()), a, cfg)) }
	}},
	{"postgres", func(t *testing.T) (*app.App, func(Config) *Queue) {
		url := storetest.PostgresURL(t)
		db, err := postgres.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		storetest.Loaded(t, db)
		a := app.New(db)
		return a, func(cfg Config) *Queue {
			pool, err := pgxpool.New(context.Background(), url)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(pool.Close)
			return started(t)(New(riverpgxv5.New(pool), a, cfg))
		}
	}},
}

// started starts a new queue, stopped when t ends.
func started(t *testing.T) func(q *Queue, err error) *Queue {
	return func(q *Queue, err error) *Queue {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return testkit.Started(t, q)
	}
}

// wait polls job id until done says so, failing t if it ends otherwise.
func wait(t *testing.T, q *Queue, id int64, done func(*Job) bool) *Job {
	t.Helper()
	for {
		j, err := q.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if done(j) {
			return j
		}
		if j.Over() {
			t.Fatalf("job %d ended %s (%s) before the awaited state", id, j.State, j.Error)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func smallEnsemble() EnsembleParams {
	return EnsembleParams{SearchParams: SearchParams{Structure: 2024, Floor: 5000, Seed: 7}, Steps: 3000}
}

// TestJobRunsToDone runs an ensemble job on each store: progress shows
// while it runs (the first write is held until the test has seen it, so
// the job cannot finish first), and its result is the result of the
// same run made directly.
func TestJobRunsToDone(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			a, open := b.open(t)
			seen := make(chan struct{})
			q := open(Config{Workers: 1, ProgressEvery: 5 * time.Millisecond, PollInterval: 100 * time.Millisecond,
				AfterProgress: func() { <-seen }})
			ctx := context.Background()
			j, err := q.Enqueue(ctx, Owner{ID: "3", Name: "analytiker"}, smallEnsemble())
			if err != nil {
				t.Fatal(err)
			}
			if j.State != StateQueued || j.Kind != KindEnsemble || j.Owner != "3" {
				t.Fatalf("queued job = %+v", j)
			}
			running := wait(t, q, j.ID, func(j *Job) bool { return j.State == StateRunning && j.Done > 0 })
			close(seen)
			// The job is held running after its first write of progress
			// (which may already count every step: the chains can finish
			// within the first interval).
			if running.Progress <= 0 || running.Progress > 1 || running.Total != 3000 || running.Unit != "steps" || running.Result != nil {
				t.Errorf("while running: progress %v (%d of %d %s), result %.40s; want a share of 3000 steps and no result", running.Progress, running.Done, running.Total, running.Unit, running.Result)
			}
			done := wait(t, q, j.ID, func(j *Job) bool { return j.State == StateDone })
			if done.Progress != 1 || done.Attempt != 1 {
				t.Errorf("done job: progress %v, attempt %d; want 1, 1", done.Progress, done.Attempt)
			}
			direct, err := runEnsemble(ctx, a, smallEnsemble(), &reporter{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := withoutSeconds(t, done.Result), withoutSeconds(t, mustJSON(t, direct)); got != want {
				t.Errorf("the job's result differs from the same run made directly:\n%.300s\n%.300s", got, want)
			}
			list, err := q.List(ctx, "3", false, 10)
			if err != nil || len(list) != 1 || list[0].ID != j.ID {
				t.Errorf("List(owner 3) = %v, %v; want the job", list, err)
			}
			if list, err := q.List(ctx, "4", false, 10); err != nil || len(list) != 0 {
				t.Errorf("List(owner 4) = %v, %v; want none", list, err)
			}
		})
	}
}

// TestJobCancel cancels a long ensemble while it runs, on each store.
func TestJobCancel(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			_, open := b.open(t)
			q := open(Config{Workers: 1, ProgressEvery: 5 * time.Millisecond, PollInterval: 100 * time.Millisecond})
			ctx := context.Background()
			p := smallEnsemble()
			p.Steps = MaxSteps
			j, err := q.Enqueue(ctx, Owner{ID: "3"}, p)
			if err != nil {
				t.Fatal(err)
			}
			wait(t, q, j.ID, func(j *Job) bool { return j.State == StateRunning && j.Done > 0 })
			if _, err := q.Cancel(ctx, j.ID); err != nil {
				t.Fatal(err)
			}
			got := wait(t, q, j.ID, func(j *Job) bool { return j.State == StateCancelled })
			if got.Result != nil || got.Error != "" {
				t.Errorf("cancelled job has result %s, error %q", got.Result, got.Error)
			}
			if _, err := q.Cancel(ctx, 999999); generalist.ErrorCode(err) != generalist.ENOTFOUND {
				t.Errorf("Cancel(unknown) = %v; want ENOTFOUND", err)
			}
		})
	}
}

// TestEnqueueRefusesBadParams: parameters the use case refuses are
// refused before anything is queued, naming the field.
func TestEnqueueRefusesBadParams(t *testing.T) {
	_, open := backends[0].open(t)
	q := open(Config{})
	ctx := context.Background()
	for _, tt := range []struct {
		p    Params
		want string
	}{
		{EnsembleParams{SearchParams: SearchParams{Structure: 2024, Floor: 5000, Seed: 1}, Steps: 0}, "steps"},
		{EnsembleParams{SearchParams: SearchParams{Structure: 2024, Floor: 5000, Seed: 1}, Steps: 10, Variant: "x"}, "variant"},
		{SearchParams{Structure: 2024, Seed: 1}, "floor"},
		{SearchParams{Structure: 2024, Floor: 5000, Seed: 1, Lock: "9999+0301"}, "lock"},
		{SearchParams{Structure: 1999, Floor: 5000, Seed: 1}, "structure"},
		{SearchParams{Structure: 2024, Floor: 5000, Seed: 1, Objective: "fun"}, "objective"},
		{EvaluateParams{}, "scenarios"},
		{EvaluateParams{Scenarios: []string{"no-such"}}, "no-such"},
		{ReportParams{Scenarios: []string{"no-such"}, Format: "pdf"}, "format"},
		{ReportParams{Scenarios: []string{"kommunereformen-2020"}, Lang: "de"}, "language"},
	} {
		_, err := q.Enqueue(ctx, Owner{}, tt.p)
		if generalist.ErrorCode(err) != generalist.EINVALID && generalist.ErrorCode(err) != generalist.ENOTFOUND || !strings.Contains(generalist.ErrorMessage(err), tt.want) {
			t.Errorf("Enqueue(%+v) = %v; want a refusal naming %s", tt.p, err, tt.want)
		}
	}
	if list, err := q.List(ctx, "", true, 10); err != nil || len(list) != 0 {
		t.Errorf("after refusals the queue holds %v, %v; want nothing", list, err)
	}
}

// TestReportLanguage writes a report job in the language it names: the
// report's own title and the HTML's language follow it.
func TestReportLanguage(t *testing.T) {
	a, _ := backends[0].open(t)
	for lang, want := range map[string]string{"": `lang="nb"`, "nb": `lang="nb"`, "en": `lang="en"`} {
		res, err := runReport(context.Background(), a, ReportParams{Scenarios: []string{"kommunereformen-2020"}, Lang: lang}, &reporter{})
		if err != nil {
			t.Fatal(err)
		}
		r := res.(*ReportResult)
		if !strings.Contains(r.Content, want) || r.Title != report.DefaultTitle(cmp.Or(lang, "nb")) {
			t.Errorf("report in %q: title %q, html lang %v; want %s and the default title in that language", lang, r.Title, strings.Contains(r.Content, want), want)
		}
	}
}

func mustJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// withoutSeconds is a result's JSON without its timings, which differ
// from run to run.
func withoutSeconds(t *testing.T, b json.RawMessage) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("result %.100s: %v", b, err)
	}
	delete(m, "seconds")
	if d, ok := m["diagnostics"].(map[string]any); ok {
		delete(d, "seconds")
	}
	return string(mustJSON(t, m))
}

// TestTasksSearch runs the search with the floors of two tasks as one
// job: each task's result is the search job of that task alone.
func TestTasksSearch(t *testing.T) {
	a, open := backends[0].open(t)
	q := open(Config{Workers: 1, PollInterval: 100 * time.Millisecond})
	ctx := context.Background()
	cat, err := a.Catalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var tasks []string
	for _, task := range cat.Tasks {
		if task.Staffing != nil && len(tasks) < 2 {
			tasks = append(tasks, task.ID)
		}
	}
	p := TasksSearchParams{SearchParams: SearchParams{Structure: 2024, Seed: 2}, Tasks: tasks}
	j, err := q.Enqueue(ctx, Owner{ID: "1"}, p)
	if err != nil {
		t.Fatal(err)
	}
	done := wait(t, q, j.ID, func(j *Job) bool { return j.State == StateDone })
	var res TasksSearchResult
	if err := json.Unmarshal(done.Result, &res); err != nil || len(res.Tasks) != 2 || done.Total != 2 || done.Unit != "tasks" {
		t.Fatalf("result %.200s (%v), progress %d of %d %s; want two tasks", done.Result, err, done.Done, done.Total, done.Unit)
	}
	for i, task := range tasks {
		one, err := runSearch(ctx, a, SearchParams{Structure: 2024, Seed: 2, Task: task}, &reporter{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := withoutSeconds(t, mustJSON(t, res.Tasks[i].SearchResult)), withoutSeconds(t, mustJSON(t, one)); res.Tasks[i].ID != task || got != want {
			t.Errorf("task %s: %.200s; want the search of the task alone %.200s", task, got, want)
		}
	}
	if _, err := q.Enqueue(ctx, Owner{}, TasksSearchParams{SearchParams: SearchParams{Structure: 2024, Seed: 1, Task: tasks[0]}}); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("a tasks-search with task = %v; want EINVALID", err)
	}
	if _, err := q.Enqueue(ctx, Owner{}, TasksSearchParams{SearchParams: SearchParams{Structure: 2024, Seed: 1}, Tasks: []string{"no-such-task"}}); !strings.Contains(generalist.ErrorMessage(err), "tasks[0]") {
		t.Errorf("a tasks-search with an unknown task = %v; want a refusal naming tasks[0]", err)
	}
}
