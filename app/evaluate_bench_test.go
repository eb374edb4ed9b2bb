package app_test

import (
	"context"
	"fmt"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/internal/testkit"
	"generalist/storetest"
)

// BenchmarkEvaluate evaluates today's system and each shipped example on
// the 2024 structure through the application layer (the base kept by the
// App, the evaluation and the economy section), without the outcome
// cache: every scenario is given without its id, as a scenario posted to
// the API is. Compare10 compares ten such scenarios with today's system.
// Besides the wall clock it reports the process's CPU time per operation
// (cpu-ns/op), which the load of a shared machine disturbs less.
func BenchmarkEvaluate(b *testing.B) {
	ctx := context.Background()
	a := app.New(storetest.Loaded(b, storetest.OpenSQLite(b)))
	examples, err := a.Examples()
	if err != nil {
		b.Fatal(err)
	}
	anonymous := func(sc *generalist.Scenario) *generalist.Scenario {
		c := *sc
		c.ID = ""
		return &c
	}
	today := anonymous(app.Today(generalist.Structure2024, 2026))
	// The first evaluation reads the base and the economy model, which
	// the App keeps under the data version.
	if _, err := a.Evaluate(ctx, today, app.TodayOptions{}); err != nil {
		b.Fatal(err)
	}
	scs := []*generalist.Scenario{today}
	for _, sc := range examples {
		if sc.Structure == generalist.Structure2024 && sc.Year == 2026 {
			scs = append(scs, anonymous(sc))
		}
	}
	for _, sc := range scs {
		name := sc.Name
		for _, e := range examples {
			if e.Name == sc.Name {
				name = e.ID
			}
		}
		if sc == today {
			name = "Today"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := testkit.CPUTime()
			for b.Loop() {
				if _, err := a.Evaluate(ctx, sc, app.TodayOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(testkit.CPUTime()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
	var ten []*generalist.Scenario
	for i := 0; len(ten) < 10; i++ {
		sc := anonymous(scs[1+i%(len(scs)-1)])
		sc.Name = fmt.Sprintf("%s (%d)", sc.Name, i)
		ten = append(ten, sc)
	}
	b.Run("Compare10", func(b *testing.B) {
		b.ReportAllocs()
		cpu := testkit.CPUTime()
		for b.Loop() {
			if _, err := a.Compare(ctx, ten, app.TodayOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(testkit.CPUTime()-cpu)/float64(b.N), "cpu-ns/op")
	})
}
