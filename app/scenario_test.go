package app_test

import (
	"context"
	"math"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/storetest"
)

// TestCompareOneBase: scenarios on different bases are refused on every
// edge (EINVALID), and today's system comes first on the common base.
func TestCompareOneBase(t *testing.T) {
	ctx := context.Background()
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	merger := func(id string, year int) *generalist.Scenario {
		return &generalist.Scenario{ID: id, Name: id, Structure: generalist.Structure2024, Year: year,
			Mergers: []generalist.Merger{{Name: "Ny", Members: []generalist.MunicipalityNumber{"1811", "1812"}}}}
	}
	if _, err := a.Compare(ctx, []*generalist.Scenario{merger("a", 2026), merger("b", 2025)}, app.TodayOptions{}); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Compare(2026 and 2025) = %v, want EINVALID", err)
	}
	outs, err := a.Compare(ctx, []*generalist.Scenario{merger("a", 2026)}, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 357 municipalities on 1 January 2026 (README, stats --structure
	// 2024 --year 2026); one merger of two makes 356.
	if len(outs) != 2 || outs[0].Municipalities != 357 || outs[1].Municipalities != 356 {
		t.Errorf("Compare = %d outcomes with %d and %d municipalities, want today's 357 and the scenario's 356",
			len(outs), outs[0].Municipalities, outs[len(outs)-1].Municipalities)
	}
}

// TestEvaluateByContent: the App keeps outcomes of scenarios with an id,
// but a different scenario under the same id (deleted and created again)
// gets its own outcome, not the kept one.
func TestEvaluateByContent(t *testing.T) {
	ctx := context.Background()
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	sc := &generalist.Scenario{ID: "s", Name: "S", Structure: generalist.Structure2024, Year: 2026,
		Mergers: []generalist.Merger{{Name: "Ny", Members: []generalist.MunicipalityNumber{"1811", "1812"}}}}
	if err := a.CreateScenario(ctx, sc); err != nil {
		t.Fatal(err)
	}
	first, err := a.Evaluate(ctx, sc, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteScenario(ctx, "s"); err != nil {
		t.Fatal(err)
	}
	again := &generalist.Scenario{ID: "s", Name: "S", Structure: generalist.Structure2024, Year: 2026}
	if err := a.CreateScenario(ctx, again); err != nil {
		t.Fatal(err)
	}
	second, err := a.Evaluate(ctx, again, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if first.Municipalities != 356 || second.Municipalities != 357 {
		t.Errorf("outcomes of the two scenarios named s: %d and %d municipalities, want 356 and 357", first.Municipalities, second.Municipalities)
	}
	// A scenario that shadows an example is refused.
	examples, err := a.Examples()
	if err != nil {
		t.Fatal(err)
	}
	shadow := *examples[0]
	if err := a.CreateScenario(ctx, &shadow); generalist.ErrorCode(err) != generalist.ECONFLICT {
		t.Errorf("CreateScenario(an example's id) = %v, want ECONFLICT", err)
	}
}

// TestSearchProblemRefusesBadNumbers: a floor or distance that is not a
// number is refused by the use case itself, whatever the edge checked.
func TestSearchProblemRefusesBadNumbers(t *testing.T) {
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	for _, c := range []app.Criteria{
		{Structure: generalist.Structure2024, Floor: math.NaN()},
		{Structure: generalist.Structure2024, Floor: -1},
		{Structure: generalist.Structure2024, Floor: 5000, MaxKm: math.NaN()},
		{Structure: generalist.Structure2024, Floor: 5000, MaxKm: math.Inf(1)},
	} {
		if _, err := a.SearchProblem(context.Background(), c); generalist.ErrorCode(err) != generalist.EINVALID {
			t.Errorf("SearchProblem(floor %v, max km %v) = %v, want EINVALID", c.Floor, c.MaxKm, err)
		}
	}
	s, err := a.SearchProblem(context.Background(), app.Criteria{Structure: generalist.Structure2024, Floor: 5000})
	if err != nil || s.Problem.Graph.Len() != 357 || s.Unit != app.UnitInhabitants {
		t.Errorf("SearchProblem(floor 5000) = %v, %v; want 357 municipalities weighed by inhabitants", s, err)
	}
}
