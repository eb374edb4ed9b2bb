package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/rivertype"

	"generalist"
	"generalist/app"
)

// Config sets up a process's queue.
type Config struct {
	// Workers is the number of jobs this process runs at once; zero
	// makes a queue that only queues, reads and cancels jobs (serve
	// --no-worker), which other processes run.
	Workers int
	// JobTimeout bounds one run of a job (default DefaultJobTimeout): a
	// job still running then fails. RescueAfter (default JobTimeout + 5
	// minutes) is how long a job may stay running before River's rescuer
	// takes it for dead (its worker was killed) and has it run again; it
	// must exceed JobTimeout so that a job still working is never run
	// twice.
	JobTimeout, RescueAfter time.Duration
	// PollInterval is how often a worker looks for new jobs when the
	// database cannot notify it (SQLite); zero: River's default, a second.
	PollInterval time.Duration
	// ProgressEvery is how often a running job's progress is written
	// (default 250 ms).
	ProgressEvery time.Duration
	// AfterProgress, if set, is called after each write of a running
	// job's progress, before the next; tests hold a job mid-run with it
	// (a job whose AfterProgress never returns never finishes).
	AfterProgress func()
	// ID names the process in River's records (default: River's own).
	ID     string
	Logger *slog.Logger
}

// DefaultJobTimeout is the longest a job may run by default.
const DefaultJobTimeout = time.Hour

// retention is how long River keeps a finished job, and with it its
// result.
const retention = 90 * 24 * time.Hour

// maxAttempts is how often a job is tried: a run cut short by its
// worker's death is tried again, with the same seed.
const maxAttempts = 5

// Queue is the job queue of one process: it queues jobs, reads and
// cancels them, and with Config.Workers > 0 runs them.
type Queue struct {
	app *app.App
	cfg Config
	c   client
}

// client is River's client over one driver (TTx is its transaction type).
type client interface {
	Start(ctx context.Context) error
	StopAndCancel(ctx context.Context) error
	Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
	JobGet(ctx context.Context, id int64) (*rivertype.JobRow, error)
	JobList(ctx context.Context, params *river.JobListParams) (*river.JobListResult, error)
	JobCancel(ctx context.Context, id int64) (*rivertype.JobRow, error)
	JobUpdate(ctx context.Context, id int64, params *river.JobUpdateParams) (*rivertype.JobRow, error)
}

// New returns the queue of this process over River's driver on the
// store's database (riversqlite.New on the SQLite store's *sql.DB,
// riverpgxv5.New on a pgx pool of the PostgreSQL database); the store's
// migrations have created River's tables. Start it to run jobs.
func New[TTx any](driver riverdriver.Driver[TTx], a *app.App, cfg Config) (*Queue, error) {
	if cfg.JobTimeout <= 0 {
		cfg.JobTimeout = DefaultJobTimeout
	}
	if cfg.RescueAfter <= 0 {
		cfg.RescueAfter = cfg.JobTimeout + 5*time.Minute
	}
	if cfg.RescueAfter <= cfg.JobTimeout {
		return nil, fmt.Errorf("jobs: the rescue time (%v) must exceed the job timeout (%v)", cfg.RescueAfter, cfg.JobTimeout)
	}
	if cfg.ProgressEvery <= 0 {
		cfg.ProgressEvery = 250 * time.Millisecond
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	q := &Queue{app: a, cfg: cfg}
	workers := river.NewWorkers()
	river.AddWorker(workers, &worker[SearchParams]{q: q, run: runSearch})
	river.AddWorker(workers, &worker[EnsembleParams]{q: q, run: runEnsemble})
	river.AddWorker(workers, &worker[TasksSearchParams]{q: q, run: runTasksSearch})
	river.AddWorker(workers, &worker[EvaluateParams]{q: q, run: runEvaluate})
	river.AddWorker(workers, &worker[ReportParams]{q: q, run: runReport})
	rc := &river.Config{
		ID:                          cfg.ID,
		Workers:                     workers,
		JobTimeout:                  cfg.JobTimeout,
		RescueStuckJobsAfter:        cfg.RescueAfter,
		FetchPollInterval:           cfg.PollInterval,
		MaxAttempts:                 maxAttempts,
		CompletedJobRetentionPeriod: retention,
		CancelledJobRetentionPeriod: retention,
		DiscardedJobRetentionPeriod: retention,
		Logger:                      cfg.Logger,
	}
	if cfg.Workers > 0 {
		rc.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}}
	}
	c, err := river.NewClient(driver, rc)
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	q.c = c
	return q, nil
}

// Start starts working jobs (with Config.Workers > 0) until ctx ends or
// Stop is called.
func (q *Queue) Start(ctx context.Context) error {
	if q.cfg.Workers == 0 {
		return nil
	}
	return q.c.Start(ctx)
}

// Stop stops taking jobs and cancels the running ones, which go back to
// the queue: the next worker runs them again from the start (with the
// same seed, so to the same result). It waits for them to return until
// ctx ends.
func (q *Queue) Stop(ctx context.Context) error {
	if q.cfg.Workers == 0 {
		return nil
	}
	return q.c.StopAndCancel(ctx)
}

// Owner is who queued a job.
type Owner struct {
	// ID is the account's id ("" for the CLI's own jobs, which have no
	// account); Name is shown.
	ID, Name string
}

type metadata struct {
	Owner     string `json:"owner"`
	OwnerName string `json:"owner_name"`
}

// Enqueue checks p with the use case's own validation (EINVALID, naming
// the field) and queues it as o's job.
func (q *Queue) Enqueue(ctx context.Context, o Owner, p Params) (*Job, error) {
	if err := p.check(ctx, q.app); err != nil {
		return nil, err
	}
	md, err := json.Marshal(metadata{Owner: o.ID, OwnerName: o.Name})
	if err != nil {
		return nil, err
	}
	res, err := q.c.Insert(ctx, p, &river.InsertOpts{Metadata: md})
	if err != nil {
		return nil, fmt.Errorf("jobs: queue a %s job: %w", p.Kind(), err)
	}
	return jobOf(res.Job), nil
}

// Get returns job id; ENOTFOUND when there is none (or River has
// deleted it after the retention time).
func (q *Queue) Get(ctx context.Context, id int64) (*Job, error) {
	row, err := q.c.JobGet(ctx, id)
	if errors.Is(err, river.ErrNotFound) {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no job %d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("jobs: read job %d: %w", id, err)
	}
	return jobOf(row), nil
}

// List returns the latest jobs, newest first: owner's (by Owner.ID), or
// everyone's when all is true.
func (q *Queue) List(ctx context.Context, owner string, all bool, limit int) ([]*Job, error) {
	p := river.NewJobListParams().OrderBy(river.JobListOrderByID, river.SortOrderDesc).First(limit).
		States(rivertype.JobStateAvailable, rivertype.JobStateCancelled, rivertype.JobStateCompleted, rivertype.JobStateDiscarded,
			rivertype.JobStatePending, rivertype.JobStateRetryable, rivertype.JobStateRunning, rivertype.JobStateScheduled)
	if !all {
		p = p.Where("metadata ->> 'owner' = @owner", river.NamedArgs{"owner": owner})
	}
	res, err := q.c.JobList(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("jobs: list: %w", err)
	}
	out := make([]*Job, len(res.Jobs))
	for i, r := range res.Jobs {
		out[i] = jobOf(r)
	}
	return out, nil
}

// Cancel cancels job id: a queued job at once, a running one as soon as
// its worker hears of it (at once on PostgreSQL, within two seconds on
// SQLite). A finished job is left as it is.
func (q *Queue) Cancel(ctx context.Context, id int64) (*Job, error) {
	row, err := q.c.JobCancel(ctx, id)
	if errors.Is(err, river.ErrNotFound) {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no job %d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("jobs: cancel job %d: %w", id, err)
	}
	return jobOf(row), nil
}

// ParseID reads a job's id.
func ParseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, generalist.Errorf(generalist.EINVALID, "job id %q: must be a positive whole number", s)
	}
	return id, nil
}
