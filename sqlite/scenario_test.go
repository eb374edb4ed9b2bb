package sqlite_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"generalist"
)

func TestScenarioStore(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, filepath.Join(t.TempDir(), "s.db"))
	s := &generalist.Scenario{ID: "test", Name: "Test", Structure: 2024, Year: 2026}
	if err := db.CreateScenario(ctx, s); err != nil || s.Version != 1 {
		t.Fatalf("Create = %v, version %d", err, s.Version)
	}
	if err := db.CreateScenario(ctx, &generalist.Scenario{ID: "test", Name: "Again"}); generalist.ErrorCode(err) != generalist.ECONFLICT {
		t.Errorf("Create(existing) = %v, want ECONFLICT", err)
	}
	if err := db.CreateScenario(ctx, &generalist.Scenario{ID: "Bad Id", Name: "x"}); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Create(bad id) = %v, want EINVALID", err)
	}
	// Two editors read version 1; the first save wins, the second is
	// refused and changes nothing.
	a, _ := db.Scenario(ctx, "test")
	b, _ := db.Scenario(ctx, "test")
	a.Name = "Editor A"
	b.Name = "Editor B"
	if err := db.UpdateScenario(ctx, a); err != nil || a.Version != 2 {
		t.Fatalf("Update(a) = %v, version %d", err, a.Version)
	}
	if err := db.UpdateScenario(ctx, b); generalist.ErrorCode(err) != generalist.ECONFLICT {
		t.Errorf("Update(stale) = %v, want ECONFLICT", err)
	}
	got, err := db.Scenario(ctx, "test")
	if err != nil || got.Name != "Editor A" || got.Version != 2 {
		t.Errorf("after the conflict: %+v, %v", got, err)
	}
	// Concurrent saves of the same version: exactly one succeeds.
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := *got
			errs[i] = db.UpdateScenario(ctx, &c)
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
		} else if generalist.ErrorCode(err) != generalist.ECONFLICT {
			t.Errorf("concurrent update: %v", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d concurrent saves of one version succeeded, want 1", ok)
	}
	if list, err := db.Scenarios(ctx); err != nil || len(list) != 1 || list[0].Version != 3 {
		t.Errorf("Scenarios = %v, %v", list, err)
	}
	if err := db.DeleteScenario(ctx, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Scenario(ctx, "test"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("after delete: %v", err)
	}
	if err := db.DeleteScenario(ctx, "test"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("delete again: %v", err)
	}
}
