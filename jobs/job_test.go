package jobs

import (
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"
)

// TestJobOfQueuedAgain: a job that River has queued again after a run
// that stopped midway (its worker was stopped or died) is queued with no
// progress, since the next run starts from the beginning; a running job
// shows the progress its run wrote.
func TestJobOfQueuedAgain(t *testing.T) {
	md := []byte(`{"owner":"3","output":{"progress":{"done":730000,"total":1000000,"unit":"steps"}}}`)
	now := time.Now()
	running := jobOf(&rivertype.JobRow{ID: 1, Kind: KindEnsemble, State: rivertype.JobStateRunning, Attempt: 1, AttemptedAt: &now, Metadata: md})
	if running.State != StateRunning || running.Done != 730000 || running.Progress != 0.73 {
		t.Errorf("running job: %s, %d done, progress %v; want running, 730000, 0.73", running.State, running.Done, running.Progress)
	}
	for _, st := range []rivertype.JobState{rivertype.JobStateRetryable, rivertype.JobStateAvailable} {
		again := jobOf(&rivertype.JobRow{ID: 1, Kind: KindEnsemble, State: st, Attempt: 1, AttemptedAt: &now, Metadata: md,
			Errors: []rivertype.AttemptError{{Attempt: 1, Error: "context canceled"}}})
		if again.State != StateQueued || again.Done != 0 || again.Progress != 0 || again.Total != 1000000 || again.Error == "" {
			t.Errorf("%s job after a stopped run: %s, %d of %d done, progress %v, error %q; want queued, 0 of 1000000, 0, the last run's error",
				st, again.State, again.Done, again.Total, again.Progress, again.Error)
		}
	}
}
