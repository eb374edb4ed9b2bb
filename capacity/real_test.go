package capacity_test

import (
	"testing"

	"generalist"
	"generalist/capacity"
	"generalist/refdata"
)

// BenchmarkComputeReal runs the model with the shipped task catalogue on
// the real 2024 structure, 1 January 2026: the figure docs/benchmarks.md
// records against the target of 200 µs.
func BenchmarkComputeReal(b *testing.B) {
	ref, err := refdata.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	cat, err := refdata.EmbeddedTasks()
	if err != nil {
		b.Fatal(err)
	}
	var pops []generalist.Population
	for _, p := range ref.Populations {
		if p.Structure == generalist.Structure2024 && p.Year == 2026 {
			pops = append(pops, p)
		}
	}
	m, err := capacity.NewModel(cat)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Compute", func(b *testing.B) {
		for b.Loop() {
			if _, err := capacity.Compute(cat, pops, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ComputeInto", func(b *testing.B) {
		var res capacity.Result
		for b.Loop() {
			m.ComputeInto(&res, pops, nil)
		}
	})
}
