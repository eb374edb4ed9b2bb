package app_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"generalist"
	"generalist/app"
	"generalist/refdata"
	"generalist/storetest"
)

// stepClock returns a clock that moves on by step at every reading, so
// that the one-second window of App.Version ends between any two steps of
// a use case, wherever they read the version.
func stepClock(step time.Duration) func() time.Time {
	var mu sync.Mutex
	t := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(step)
		return t
	}
}

// TestModelsFollowAnotherProcess changes a task parameter in the store
// behind an App's back, as another process would, while the App's clock
// runs: once the version has been re-read, the capacity model must rest on
// the new parameter, and stay so. (A model built from the catalogue read
// before the version used to be kept under the new version.)
func TestModelsFollowAnotherProcess(t *testing.T) {
	ctx := context.Background()
	db := storetest.Loaded(t, storetest.OpenSQLite(t))
	a := app.New(db, app.WithClock(stepClock(350*time.Millisecond)))
	before := barnevernShort(t, a)
	shipped, err := refdata.EmbeddedTasks()
	if err != nil {
		t.Fatal(err)
	}
	huge := 10000.0 // a team no municipality reaches
	if err := db.RecordParamChange(ctx, shipped, &generalist.ParamChange{Task: "barnevern", Field: generalist.FieldMinTeam, Value: &huge, Note: "test", Author: "test"}); err != nil {
		t.Fatal(err)
	}
	var got []int
	for range 8 {
		got = append(got, barnevernShort(t, a))
	}
	if before >= 357 || got[len(got)-1] != 357 || got[len(got)-2] != 357 {
		t.Errorf("municipalities below the robust barnevern team: %d before the change, then %v; want all 357 once the change is seen", before, got)
	}
}

// TestChangedKeepsModels: Changed makes the App re-read the version but
// keeps what it computed when nothing it rests on changed.
func TestChangedKeepsModels(t *testing.T) {
	ctx := context.Background()
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	first, err := a.Capacity(ctx, generalist.Structure2024, 2026, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a.Changed()
	second, err := a.Capacity(ctx, generalist.Structure2024, 2026, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if first != second {
		t.Error("Changed without a change to the data made the App compute the capacity model again")
	}
}
