package storetest

import (
	"context"
	"testing"
	"time"

	"generalist"
)

// testScenarioPublication publishes and unpublishes a stored scenario:
// who and when are kept apart from the content, survive a save and never
// change the version; a scenario sent with a publication does not get
// one.
func testScenarioPublication(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	forged := &generalist.Publication{By: "someone", At: now}
	s := &generalist.Scenario{ID: "plan", Name: "Plan", Structure: 2024, Year: 2026, Published: forged}
	if err := db.CreateScenario(ctx, s); err != nil {
		t.Fatal(err)
	}
	if got, err := db.Scenario(ctx, "plan"); err != nil || got.Published != nil {
		t.Fatalf("a new scenario is published: %+v, %v", got.Published, err)
	}
	at := now.Add(time.Hour)
	if err := db.PublishScenario(ctx, "plan", generalist.Publication{By: "Analytiker", At: at}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Scenario(ctx, "plan")
	if err != nil || got.Published == nil || got.Published.By != "Analytiker" || !got.Published.At.Equal(at) || got.Version != 1 {
		t.Fatalf("after publishing: %+v (version %d), %v", got.Published, got.Version, err)
	}
	// A save keeps the publication, whatever the scenario sent says.
	got.Name, got.Published = "Plan 2", nil
	if err := db.UpdateScenario(ctx, got); err != nil {
		t.Fatal(err)
	}
	list, err := db.Scenarios(ctx)
	if err != nil || len(list) != 1 || list[0].Published == nil || list[0].Published.By != "Analytiker" || list[0].Name != "Plan 2" {
		t.Fatalf("Scenarios after a save = %+v, %v", list, err)
	}
	if err := db.UnpublishScenario(ctx, "plan"); err != nil {
		t.Fatal(err)
	}
	if got, err := db.Scenario(ctx, "plan"); err != nil || got.Published != nil || got.Version != 2 {
		t.Errorf("after unpublishing: %+v (version %d), %v", got.Published, got.Version, err)
	}
	for name, err := range map[string]error{
		"publish":   db.PublishScenario(ctx, "nosuch", generalist.Publication{By: "a", At: at}),
		"unpublish": db.UnpublishScenario(ctx, "nosuch"),
	} {
		if generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("%s unknown = %v, want ENOTFOUND", name, err)
		}
	}
	if err := db.PublishScenario(ctx, "plan", generalist.Publication{}); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("publish without who = %v, want EINVALID", err)
	}
}
