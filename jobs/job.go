package jobs

import (
	"encoding/json"
	"time"

	"github.com/riverqueue/river/rivertype"
)

// The states of a job.
const (
	StateQueued    = "queued"
	StateRunning   = "running"
	StateDone      = "done"
	StateFailed    = "failed"
	StateCancelled = "cancelled"
)

// Job is a job as the edges show it.
type Job struct {
	ID    int64  `json:"id"`
	Kind  string `json:"kind"`
	State string `json:"state"`
	// Progress is the share done, 0–1; Done and Total count the steps
	// (Unit: steps, restarts, scenarios) when they are known.
	Progress float64 `json:"progress"`
	Done     int     `json:"done"`
	Total    int     `json:"total"`
	Unit     string  `json:"unit,omitempty"`
	// Params are the job's parameters, named as the API's.
	Params json.RawMessage `json:"params"`
	// Result is the job's result when it is done; Error why it failed
	// (or, while it is queued again, why its last run ended).
	Result json.RawMessage `json:"result,omitempty"`
	Error  string          `json:"error,omitempty"`
	// Owner is the account that queued it ("" for the CLI), OwnerName
	// its name.
	Owner     string `json:"owner"`
	OwnerName string `json:"owner_name"`
	Attempt   int    `json:"attempt"`
	// Worker names the worker process that ran it last (River's client
	// id), "" before any.
	Worker   string     `json:"worker,omitempty"`
	Created  time.Time  `json:"created_at"`
	Started  *time.Time `json:"started_at,omitempty"`
	Finished *time.Time `json:"finished_at,omitempty"`
}

// Over reports whether the job has ended (done, failed or
// cancelled).
func (j *Job) Over() bool {
	return j.State == StateDone || j.State == StateFailed || j.State == StateCancelled
}

// Progress is how far a running job has come.
type Progress struct {
	Done  int    `json:"done"`
	Total int    `json:"total"`
	Unit  string `json:"unit"`
}

// output is a job's River output: its progress while it runs and, at
// the end, its result, or why it failed (Failed: a failure that running
// it again cannot mend, such as criteria no plan can meet; River keeps
// such a job as cancelled).
type output struct {
	Progress Progress        `json:"progress"`
	Result   json.RawMessage `json:"result,omitempty"`
	Failed   string          `json:"failed,omitempty"`
}

func jobOf(r *rivertype.JobRow) *Job {
	j := &Job{ID: r.ID, Kind: r.Kind, Params: json.RawMessage(r.EncodedArgs), Attempt: r.Attempt, Created: r.CreatedAt,
		Started: r.AttemptedAt, Finished: r.FinalizedAt}
	var md metadata
	json.Unmarshal(r.Metadata, &md) // written by Enqueue; unreadable leaves it empty
	j.Owner, j.OwnerName = md.Owner, md.OwnerName
	if n := len(r.AttemptedBy); n > 0 {
		j.Worker = r.AttemptedBy[n-1]
	}
	var out output
	if b := r.Output(); len(b) > 0 {
		json.Unmarshal(b, &out)
	}
	j.Done, j.Total, j.Unit = out.Progress.Done, out.Progress.Total, out.Progress.Unit
	if j.Total > 0 {
		j.Progress = min(1, float64(j.Done)/float64(j.Total))
	}
	if n := len(r.Errors); n > 0 {
		j.Error = r.Errors[n-1].Error
	}
	switch r.State {
	case rivertype.JobStateRunning:
		j.State = StateRunning
	case rivertype.JobStateCompleted:
		j.State, j.Result, j.Progress, j.Error = StateDone, out.Result, 1, ""
	case rivertype.JobStateDiscarded:
		j.State = StateFailed
	case rivertype.JobStateCancelled:
		j.State = StateCancelled
		if out.Failed != "" {
			j.State, j.Error = StateFailed, out.Failed
		}
	default: // available, pending, scheduled, retryable
		// A job queued again after a run that stopped midway starts
		// over: the last run's progress is not the job's.
		j.State, j.Progress, j.Done = StateQueued, 0, 0
	}
	if j.State == StateCancelled {
		j.Error = ""
	}
	return j
}
