package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"generalist"
	"generalist/app"
	"generalist/jobs"
)

const jobsHelp = `Usage: generalist jobs list [--all] [--json]
       generalist jobs show ID [--json]
       generalist jobs cancel ID
       generalist jobs wait ID [--json]

Long computations run as jobs: queued from the web, the API
(POST /api/v1/jobs) or "generalist search groups|ensemble … --job", run by
"generalist worker" or "generalist serve", kept with their result.

"list" shows the latest jobs (--all: every one kept), "show" one job with
its progress and, when done, its result (--json: the job as the API gives
it). "cancel" stops a queued or running job. "wait" waits for a job to end,
with a progress bar on a terminal (plain lines otherwise), and prints it as
"show" does; its exit status is 1 if the job failed or was cancelled.

Flags:
`

func runJobs(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return dispatch(ctx, "jobs", jobsHelp, "jobs: want list, show, cancel or wait", map[string]command{
		"list": runJobsList, "show": runJobsShow, "cancel": runJobsCancel, "wait": runJobsWait,
	}, args, stdout, stderr)
}

// withQueue opens the store, the application and a queue that runs no
// jobs, calls fn, and closes them.
func withQueue(ctx context.Context, dbPath string, fn func(q *jobs.Queue) error) error {
	db, err := openStore(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	q, closeQueue, err := openQueue(ctx, db, app.New(db), jobs.Config{})
	if err != nil {
		return err
	}
	defer closeQueue()
	return fn(q)
}

// cliOwner is the owner of the jobs the CLI queues: no account.
var cliOwner = jobs.Owner{Name: "cli"}

func runJobsList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("jobs list", jobsHelp, stderr)
	all := fs.Bool("all", false, "every job kept, not only the latest 50")
	asJSON := fs.Bool("json", false, "print JSON")
	dbPath := dbFlag(fs)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	limit := 50
	if *all {
		limit = 10000
	}
	return withQueue(ctx, *dbPath, func(q *jobs.Queue) error {
		list, err := q.List(ctx, "", true, limit)
		if err != nil {
			return err
		}
		if *asJSON {
			if list == nil {
				list = []*jobs.Job{}
			}
			return writeJSON(stdout, list)
		}
		if len(list) == 0 {
			_, err := fmt.Fprintln(stdout, "No jobs.")
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "ID\tKind\tState\tProgress\tOwner\tQueued\n")
		for _, j := range list {
			owner := j.OwnerName
			if owner == "" {
				owner = "-"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%.0f %%\t%s\t%s\n", j.ID, j.Kind, j.State, 100*j.Progress, owner, j.Created.Local().Format("2006-01-02 15:04"))
		}
		return tw.Flush()
	})
}

// jobArg parses the one argument, a job id, of a jobs subcommand.
func jobArg(name string, args []string, stderr io.Writer) (id int64, asJSON bool, dbPath string, err error) {
	fs := newFlagSet("jobs "+name, jobsHelp, stderr)
	j := fs.Bool("json", false, "print JSON")
	db := dbFlag(fs)
	arg, err := parseOne(fs, args, fmt.Sprintf("jobs %s: want one job id", name))
	if err != nil {
		return 0, false, "", err
	}
	id, err = jobs.ParseID(arg)
	if err != nil {
		return 0, false, "", usageError("jobs " + name + ": " + generalist.ErrorMessage(err))
	}
	return id, *j, *db, nil
}

func runJobsShow(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	id, asJSON, dbPath, err := jobArg("show", args, stderr)
	if err != nil {
		return err
	}
	return withQueue(ctx, dbPath, func(q *jobs.Queue) error {
		j, err := q.Get(ctx, id)
		if err != nil {
			return err
		}
		return printJob(stdout, j, asJSON)
	})
}

func runJobsCancel(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	id, _, dbPath, err := jobArg("cancel", args, stderr)
	if err != nil {
		return err
	}
	return withQueue(ctx, dbPath, func(q *jobs.Queue) error {
		j, err := q.Cancel(ctx, id)
		if err != nil {
			return err
		}
		switch j.State {
		case jobs.StateRunning:
			_, err = fmt.Fprintf(stdout, "Job %d is asked to stop; its worker stops it within seconds.\n", id)
		case jobs.StateCancelled:
			_, err = fmt.Fprintf(stdout, "Job %d is cancelled.\n", id)
		default:
			_, err = fmt.Fprintf(stdout, "Job %d had already ended (%s).\n", id, j.State)
		}
		return err
	})
}

func runJobsWait(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	id, asJSON, dbPath, err := jobArg("wait", args, stderr)
	if err != nil {
		return err
	}
	return withQueue(ctx, dbPath, func(q *jobs.Queue) error {
		j, err := waitJob(ctx, q, id, stderr)
		if err != nil {
			return err
		}
		if err := printJob(stdout, j, asJSON); err != nil {
			return err
		}
		if j.State != jobs.StateDone {
			return generalist.Errorf(generalist.EINVALID, "job %d %s", id, j.State)
		}
		return nil
	})
}

// waitJob polls job id until it ends, showing its progress on stderr: a
// bar on a terminal, else a line whenever the state or the tenth done
// changes.
func waitJob(ctx context.Context, q *jobs.Queue, id int64, stderr io.Writer) (*jobs.Job, error) {
	var bar *progressbar.ProgressBar
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar = progressbar.NewOptions(1000, progressbar.OptionSetWriter(f), progressbar.OptionSetDescription(fmt.Sprintf("job %d", id)),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish(), progressbar.OptionSetPredictTime(true))
		defer bar.Clear()
	}
	last := ""
	for {
		j, err := q.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if bar != nil {
			bar.Describe(fmt.Sprintf("job %d %s", id, j.State))
			bar.Set(int(1000 * j.Progress))
		} else if line := fmt.Sprintf("job %d %s %.0f %%", id, j.State, 10*float64(int(10*j.Progress))); line != last {
			fmt.Fprintln(stderr, line)
			last = line
		}
		if j.Over() {
			if bar != nil {
				bar.Finish()
			}
			return j, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// printJob writes a job: as JSON, or its state, progress, error and
// result in a few lines.
func printJob(w io.Writer, j *jobs.Job, asJSON bool) error {
	if asJSON {
		return writeJSON(w, j)
	}
	fmt.Fprintf(w, "Job %d: %s, %s", j.ID, j.Kind, j.State)
	if j.Total > 0 {
		fmt.Fprintf(w, ", %d of %d %s (%.0f %%)", j.Done, j.Total, j.Unit, 100*j.Progress)
	}
	fmt.Fprintf(w, "\nParameters: %s\n", j.Params)
	if j.Attempt > 1 {
		fmt.Fprintf(w, "Run %d times (a run ends when its worker stops or dies).\n", j.Attempt)
	}
	if j.Error != "" {
		fmt.Fprintf(w, "Error: %s\n", j.Error)
	}
	if j.Result != nil {
		r := string(j.Result)
		if len(r) > 2000 {
			r = r[:2000] + " … (generalist jobs show --json for all of it)"
		}
		fmt.Fprintf(w, "Result: %s\n", strings.TrimSpace(r))
	}
	return nil
}

// jobParams are the search's criteria as a job's parameters; a job runs
// on the built-in municipalities only, and stores nothing but its result.
func (f *searchFlags) jobParams() (jobs.SearchParams, error) {
	if f.graphP != "" || f.save != "" {
		return jobs.SearchParams{}, usageError("search: --job runs on the municipalities and keeps its result in the job; drop --graph and --save")
	}
	st, err := generalist.ParseStructure(f.structure)
	if err != nil {
		return jobs.SearchParams{}, usageError("search: --structure: " + generalist.ErrorMessage(err))
	}
	return jobs.SearchParams{Structure: int(st), Year: f.year, Floor: f.floor, Task: f.task, WithinCounty: f.withinCounty, KeepFeasible: f.keep,
		NoSeaLinks: f.noSea, MaxKm: f.maxKm, Objective: f.objective, Seed: f.seed, Lock: f.lock, Forbid: f.forbid, Restarts: f.restarts, Effort: f.effort}, nil
}

// queueJob queues p as a job of the CLI and says how to follow it.
func queueJob(ctx context.Context, dbPath string, p jobs.Params, asJSON bool, stdout io.Writer) error {
	return withQueue(ctx, dbPath, func(q *jobs.Queue) error {
		j, err := q.Enqueue(ctx, cliOwner, p)
		if err != nil {
			return err
		}
		if asJSON {
			return writeJSON(stdout, j)
		}
		_, err = fmt.Fprintf(stdout, "Queued job %d (%s). Follow it with: generalist jobs wait %d\n", j.ID, j.Kind, j.ID)
		return err
	})
}
