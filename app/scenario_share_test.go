package app_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"generalist"
	"generalist/app"
	"generalist/storetest"
)

// TestScenarioPublication: a stored scenario is for signed-in readers
// until an analyst publishes it; then anyone reads it, with who and when;
// unpublished, it is gone from the public list and lookup again.
func TestScenarioPublication(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)), app.WithClock(func() time.Time { return now }))
	sc := &generalist.Scenario{ID: "plan", Name: "Plan", Structure: generalist.Structure2024, Year: 2026,
		Mergers: []generalist.Merger{{Name: "Ny", Members: []generalist.MunicipalityNumber{"1811", "1812"}}}}
	if err := a.CreateScenario(ctx, sc); err != nil {
		t.Fatal(err)
	}
	public := func() (bool, bool) {
		list, err := a.Scenarios(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.Scenario(ctx, "plan", false)
		return slices.ContainsFunc(list, func(l app.Listed) bool { return l.ID == "plan" }), err == nil
	}
	if listed, found := public(); listed || found {
		t.Errorf("unpublished: listed %v, found %v without signing in", listed, found)
	}
	if got, err := a.Scenario(ctx, "plan", true); err != nil || got.Published != nil {
		t.Errorf("signed in: %v, %v", got, err)
	}
	p, err := a.PublishScenario(ctx, "plan", "Kari Analytiker")
	if err != nil || p.Published == nil || p.Published.By != "Kari Analytiker" || !p.Published.At.Equal(now) {
		t.Fatalf("Publish = %+v, %v", p, err)
	}
	if listed, found := public(); !listed || !found {
		t.Errorf("published: listed %v, found %v without signing in", listed, found)
	}
	if _, err := a.UnpublishScenario(ctx, "plan"); err != nil {
		t.Fatal(err)
	}
	if listed, found := public(); listed || found {
		t.Errorf("unpublished again: listed %v, found %v without signing in", listed, found)
	}
	if _, err := a.PublishScenario(ctx, "sammenslaing-5000", "Kari"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("publish an example = %v, want ENOTFOUND", err)
	}
}
