package app_test

import (
	"context"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/storetest"
)

// TestExamplesOnAFreshStore: a user who asks to count the example
// cooperations gets them on a store whose registry is empty (the shipped
// set, read from the binary), in the capacity model and in the patterns,
// without anything written to the registry; once an administrator has
// registered them, the registered ones count, not both.
func TestExamplesOnAFreshStore(t *testing.T) {
	ctx := context.Background()
	db := storetest.Loaded(t, storetest.OpenSQLite(t))
	a := app.New(db)
	examples := app.TodayOptions{Examples: true}
	basis := func(opts app.TodayOptions) generalist.CooperationBasis {
		t.Helper()
		_, b, err := a.TodaysCooperation(ctx, generalist.Structure2024, 2026, opts)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// Three of the four examples name catalogue tasks (the IPR names none).
	if b := basis(examples); b.Cooperations != 3 || !b.Examples {
		t.Errorf("empty registry, examples asked for: %+v; want the 3 shipped examples with tasks counted", b)
	}
	if b := basis(app.TodayOptions{}); b.Cooperations != 0 || b.ExamplesLeftOut != 4 {
		t.Errorf("empty registry, examples not asked for: %+v; want none counted, 4 left out", b)
	}
	day := generalist.CalendarDate("2026-12-07")
	p, err := a.CooperationPatterns(ctx, day, examples)
	if err != nil {
		t.Fatal(err)
	}
	if p.Cooperations != 4 || len(p.Municipalities) == 0 {
		t.Errorf("patterns with the examples on an empty registry: %d cooperations, %d municipalities; want the 4 examples", p.Cooperations, len(p.Municipalities))
	}
	if cs, err := db.IMCs(ctx, generalist.IMCFilter{}); err != nil || len(cs) != 0 {
		t.Errorf("the registry after counting the examples: %d cooperations, %v; want it untouched", len(cs), err)
	}

	storetest.ImportExamples(t, db)
	a.Changed()
	if b := basis(examples); b.Cooperations != 3 {
		t.Errorf("examples registered and asked for: %+v; want the 3 registered ones, not the shipped set as well", b)
	}
	if p, err := a.CooperationPatterns(ctx, day, app.TodayOptions{}); err != nil || p.ExamplesLeftOut != 4 {
		t.Errorf("examples registered, not asked for: %+v, %v; want 4 left out", p, err)
	}
}
