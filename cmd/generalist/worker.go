package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"

	"generalist/app"
	"generalist/jobs"
	"generalist/sqlstore"
)

const workerHelp = `Usage: generalist worker [--workers N] [--job-timeout D] [--rescue-after D] [--db PATH]

Runs the jobs queued in the store (searches, ensembles, batch evaluations
and reports queued from the web, the API or "generalist search … --job")
until SIGTERM or SIGINT. Any number of workers and servers may share one
store; each job runs once. A job whose worker dies (killed, crashed) is
run again from the start, with the same seed and so the same result, by
any worker once --rescue-after has passed since it started. A job still
running after --job-timeout fails; --rescue-after must be longer. A
stopped worker hands its running jobs back to the queue.

"generalist serve" runs workers too, unless --no-worker.

Flags:
`

// queueFlags are the settings of a process's job queue.
type queueFlags struct {
	workers             int
	timeout, rescueTime time.Duration
}

func (f *queueFlags) register(fs *flag.FlagSet, workers int) {
	fs.IntVar(&f.workers, "workers", workers, "jobs this process runs at once")
	fs.DurationVar(&f.timeout, "job-timeout", jobs.DefaultJobTimeout, "longest a job may run")
	fs.DurationVar(&f.rescueTime, "rescue-after", 0, "how long a job may run before it is taken for dead and run again (default: --job-timeout + 5m)")
}

func (f *queueFlags) config(logger *slog.Logger) (jobs.Config, error) {
	if f.workers < 0 || f.timeout <= 0 || f.rescueTime < 0 {
		return jobs.Config{}, usageError("--workers must not be negative and --job-timeout must be positive")
	}
	cfg := jobs.Config{Workers: f.workers, JobTimeout: f.timeout, RescueAfter: f.rescueTime, Logger: logger}
	if os.Getenv("GENERALIST_TEST_HOLD_JOBS") == "1" {
		// For the test of a worker's death: each job is held running
		// after its first progress, until the process is killed.
		cfg.AfterProgress = func() { select {} }
	}
	return cfg, nil
}

// openQueue opens this process's job queue on the store's database:
// River's PostgreSQL driver on a pool of its own when DATABASE_URL is set
// (as openStore), else River's SQLite driver on the store's file. close
// releases the pool; stop the queue first.
func openQueue(ctx context.Context, db *sqlstore.DB, a *app.App, cfg jobs.Config) (q *jobs.Queue, close func(), err error) {
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		q, err := jobs.New(riversqlite.New(db.SQL()), a, cfg)
		return q, func() {}, err
	}
	pc, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, nil, usageError(fmt.Sprintf("DATABASE_URL: %v", err))
	}
	// River's producer, notifier and leader each hold a connection, and
	// every running job writes its progress.
	pc.MaxConns = int32(4 + cfg.Workers)
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, nil, fmt.Errorf("job queue: %w", err)
	}
	if q, err = jobs.New(riverpgxv5.New(pool), a, cfg); err != nil {
		pool.Close()
		return nil, nil, err
	}
	return q, pool.Close, nil
}

func runWorker(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("worker", workerHelp, stderr)
	var qf queueFlags
	qf.register(fs, 2)
	dbPath := dbFlag(fs)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if qf.workers == 0 {
		return usageError("worker: --workers must be at least 1")
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	cfg, err := qf.config(logger)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	q, closeQueue, err := openQueue(ctx, db, app.New(db), cfg)
	if err != nil {
		return err
	}
	defer closeQueue()
	if err := q.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Generalist is running jobs, %d at a time (store %s)\n", cfg.Workers, db.Path())
	<-ctx.Done()
	stop, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return q.Stop(stop)
}
