package app_test

import (
	"context"
	"strings"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/storetest"
)

// TestScenarioYearWithoutData: a scenario on a year without population
// data is the caller's mistake (EINVALID naming the year and the years
// there are), not a missing resource, and nothing is stored.
func TestScenarioYearWithoutData(t *testing.T) {
	ctx := context.Background()
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	for _, year := range []int{-1, 1950} {
		sc := &generalist.Scenario{ID: "y", Name: "Y", Structure: generalist.Structure2024, Year: year}
		err := a.CreateScenario(ctx, sc)
		if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), "the years with data are 20") {
			t.Errorf("CreateScenario(year %d) = %v, want EINVALID naming the years with data", year, err)
		}
		if _, err := a.Evaluate(ctx, sc, app.TodayOptions{}); generalist.ErrorCode(err) != generalist.EINVALID {
			t.Errorf("Evaluate(year %d) = %v, want EINVALID", year, err)
		}
	}
	if _, err := a.Store.Scenario(ctx, "y"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("a refused scenario was stored: %v", err)
	}
}
