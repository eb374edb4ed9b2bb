package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"generalist"
	"generalist/refdata"
)

func TestParamChanges(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, filepath.Join(t.TempDir(), "c.db"))
	db.Now = func() time.Time { return time.Date(2026, 11, 26, 12, 30, 0, 0, time.UTC) }
	cat, err := refdata.EmbeddedTasks()
	if err != nil {
		t.Fatal(err)
	}
	v := 7.0
	c := &generalist.ParamChange{Task: "barnevern", Field: generalist.FieldMinTeam, Value: &v, Note: "Fagmiljø på sju, etter egen vurdering", Author: "Analytiker"}
	if err := db.RecordParamChange(ctx, cat, c); err != nil {
		t.Fatal(err)
	}
	reset := &generalist.ParamChange{Task: "barnevern", Field: generalist.FieldMinTeam, Author: "Analytiker"}
	if err := db.RecordParamChange(ctx, cat, reset); err != nil {
		t.Fatal(err)
	}
	bad := &generalist.ParamChange{Task: "nosuch", Field: generalist.FieldMinTeam, Value: &v, Note: "x", Author: "a"}
	if err := db.RecordParamChange(ctx, cat, bad); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("RecordParamChange(unknown task) = %v, want EINVALID", err)
	}
	got, err := db.ParamChanges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != 1 || *got[0].Value != 7 || got[1].Value != nil || !got[0].At.Equal(db.Now()) {
		t.Fatalf("ParamChanges = %+v", got)
	}
	applied, err := generalist.ApplyChanges(cat, got[:1])
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range applied.Tasks {
		if task.ID == "barnevern" && task.Staffing.MinTeam.Value != 7 {
			t.Errorf("applied min_team = %v, want 7", task.Staffing.MinTeam.Value)
		}
	}
}
