package app_test

import (
	"context"
	"math"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/sqlstore"
	"generalist/storetest"
)

// patternStore holds the shipped examples (marked as examples) and three
// registered host arrangements among Alstahaug (1820), Leirfjord (1822)
// and Herøy (1818): all three, 1820 with 1822, and 1820 with 1818.
func patternStore(t *testing.T, registered bool) *sqlstore.DB {
	t.Helper()
	db := storetest.Loaded(t, storetest.OpenSQLite(t))
	storetest.ImportExamples(t, db)
	if !registered {
		return db
	}
	storetest.RegisterTriangle(t, db)
	return db
}

func TestCooperationPatterns(t *testing.T) {
	ctx := context.Background()
	day := generalist.CalendarDate("2026-06-01")
	a := app.New(patternStore(t, true))

	p, err := a.CooperationPatterns(ctx, day, app.TodayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Day != day || p.Examples || p.ExamplesLeftOut != 4 || p.Cooperations != 3 || p.LeftOut != 0 {
		t.Errorf("basis = day %s, examples %v, left out %d, counted %d, %d without two municipalities", p.Day, p.Examples, p.ExamplesLeftOut, p.Cooperations, p.LeftOut)
	}
	// 1820: {1822,1818}, {1822}, {1818}: (1/2 + 1/2 + 0)/3 = 1/3.
	// 1822: {1820,1818}, {1820}: 1/2; likewise 1818.
	want := map[string]float64{"1820": 1.0 / 3, "1822": 0.5, "1818": 0.5}
	if len(p.Municipalities) != 3 {
		t.Fatalf("municipalities = %+v", p.Municipalities)
	}
	for _, m := range p.Municipalities {
		if m.Index == nil || math.Abs(*m.Index-want[m.Number]) > 1e-12 || m.Partners != 2 {
			t.Errorf("%s (%s) = index %v, %d partners", m.Number, m.Name, m.Index, m.Partners)
		}
	}
	if p.Municipalities[1].Name != "Alstahaug" {
		t.Errorf("names = %+v", p.Municipalities)
	}
	// One community of three; every split has a lower Q than the whole
	// county's, which is 0.
	if len(p.Regions) != 1 || p.Regions[0].Name != "Nordland - Nordlánnda" || len(p.Regions[0].Communities) != 1 || len(p.Regions[0].Communities[0].Members) != 3 ||
		p.Regions[0].Modularity == nil || math.Abs(*p.Regions[0].Modularity) > 1e-12 {
		t.Errorf("regions = %+v", p.Regions)
	}

	// The examples only when asked: 1820 then takes part in four.
	p, err = a.CooperationPatterns(ctx, day, app.TodayOptions{Examples: true})
	if err != nil || !p.Examples || p.ExamplesLeftOut != 0 || p.Cooperations != 7 || len(p.Regions) != 4 {
		t.Fatalf("with examples = %+v, %v", p, err)
	}
	if p.Municipalities[0].Number != "1106" {
		t.Errorf("first municipality = %+v", p.Municipalities[0])
	}

	if _, err := a.CooperationPatterns(ctx, "2026-13-01", app.TodayOptions{}); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("a month 13 = %v, want EINVALID", err)
	}
}

// TestCooperationPatternsExamplesOnly: a registry of examples alone counts
// nothing unless the user asks, and says how many it left out.
func TestCooperationPatternsExamplesOnly(t *testing.T) {
	a := app.New(patternStore(t, false))
	p, err := a.CooperationPatterns(context.Background(), "2026-06-01", app.TodayOptions{})
	if err != nil || p.Cooperations != 0 || p.ExamplesLeftOut != 4 || len(p.Municipalities) != 0 || len(p.Regions) != 0 {
		t.Errorf("examples only = %+v, %v", p, err)
	}
	// Before any example started, nothing runs and nothing is left out.
	p, err = a.CooperationPatterns(context.Background(), "2010-01-01", app.TodayOptions{Examples: true})
	if err != nil || p.Cooperations != 0 || p.ExamplesLeftOut != 0 {
		t.Errorf("2010 = %+v, %v", p, err)
	}
}
