package app_test

import (
	"context"
	"testing"

	"generalist"
	"generalist/app"
)

// barnevernShort returns how many municipalities a's capacity model
// (the 2024 structure, 2026, today's cooperation by default) finds below
// barnevern's robust minimum; it fails t when the model has no summary
// for barnevern.
func barnevernShort(t *testing.T, a *app.App) int {
	t.Helper()
	res, err := a.Capacity(context.Background(), generalist.Structure2024, 2026, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Tasks {
		if s.Task == "barnevern" {
			return s.Municipalities
		}
	}
	t.Fatal("no summary for barnevern")
	return 0
}
