package app_test

import (
	"context"
	"strings"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/storetest"
)

// TestTodaysCooperation: the registry is today's cooperation in the
// capacity model and the scenarios; the shipped examples count only when
// asked; a registration changes the data version, so cached models follow.
func TestTodaysCooperation(t *testing.T) {
	ctx := context.Background()
	db := storetest.Loaded(t, storetest.OpenSQLite(t))
	a := app.New(db)
	examples := app.TodayOptions{Examples: true}
	summary := func(opts app.TodayOptions, task string) (generalist.CooperationBasis, bool, int) {
		t.Helper()
		res, err := a.Capacity(ctx, generalist.Structure2024, 2026, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range res.Tasks {
			if s.Task == task {
				return res.Cooperation, s.CooperationKnown, s.Coverage.Municipalities
			}
		}
		t.Fatalf("no summary for %s", task)
		return res.Cooperation, false, 0
	}
	share := func(opts app.TodayOptions) float64 {
		t.Helper()
		out, err := a.Evaluate(ctx, app.Today(generalist.Structure2024, 2026), opts)
		if err != nil {
			t.Fatal(err)
		}
		return out.MeanOutsideShare
	}
	if b, known, _ := summary(app.TodayOptions{}, "barnevern"); known || !b.Applied || b.Cooperations != 0 || b.ActiveOn != "2026-01-01" {
		t.Errorf("empty registry: basis %+v, barnevern known %v; want applied on 2026-01-01, nothing known", b, known)
	}
	if s := share(app.TodayOptions{}); s != 0 {
		t.Errorf("empty registry: today's outside share = %v, want 0", s)
	}

	before, _ := a.Version(ctx)
	ex := storetest.ImportExamples(t, db)
	a.Changed()
	if after, _ := a.Version(ctx); after == before {
		t.Error("registering cooperations left the data version unchanged")
	}
	if b, known, _ := summary(app.TodayOptions{}, "barnevern"); known || b.Cooperations != 0 || b.ExamplesLeftOut != len(ex) {
		t.Errorf("examples registered, not counted: basis %+v, barnevern known %v; want unknown, %d left out", b, known, len(ex))
	}
	if s := share(app.TodayOptions{}); s != 0 {
		t.Errorf("examples not counted: today's outside share = %v, want 0", s)
	}
	// Three of the four examples name catalogue tasks (the IPR names none).
	if b, known, cover := summary(examples, "barnevern"); !known || cover != 3 || b.Cooperations != 3 || !b.Examples {
		t.Errorf("examples counted: basis %+v, barnevern known %v, coverage %d; want 3 cooperations, 3 municipalities", b, known, cover)
	}
	if s := share(examples); s <= 0 {
		t.Errorf("examples counted: today's outside share = %v, want > 0", s)
	}

	// A real registration counts without asking.
	real := ex[0]
	real.Name, real.Example = "Barnevern Helgeland", false
	if err := db.CreateIMC(ctx, &real, generalist.IMCEdit{Author: "test"}); err != nil {
		t.Fatal(err)
	}
	a.Changed()
	if b, known, cover := summary(app.TodayOptions{}, "barnevern"); !known || cover != 3 || b.Cooperations != 1 {
		t.Errorf("a registration: basis %+v, barnevern known %v, coverage %d; want it counted", b, known, cover)
	}
	if s := share(app.TodayOptions{}); s <= 0 {
		t.Errorf("a registration: today's outside share = %v, want > 0", s)
	}

	// Only on the 2024 structure.
	arrs, b, err := a.TodaysCooperation(ctx, generalist.Structure2020, 2026, examples)
	if err != nil || arrs != nil || b.Applied || !strings.Contains(b.Reason, "2024 structure") {
		t.Errorf("2020 structure: %v, %+v, %v; want nothing applied and the reason", arrs, b, err)
	}
}
