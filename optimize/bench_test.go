package optimize

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
)

// synthetic360 is a 18×20 rook grid with lognormal weights (median 5 000),
// the synthetic 360-node graph of the style guide, built once.
func synthetic360(b *testing.B) Problem {
	rng := rand.New(rand.NewPCG(42, 1))
	w := make([]float64, 360)
	for i := range w {
		w[i] = float64(int(5000 * expNorm(rng, 1.2)))
	}
	return Problem{Graph: mustGrid(b, 18, 20, w), Weight: w, Floor: 15000}
}

func expNorm(rng *rand.Rand, sigma float64) float64 { return math.Exp(rng.NormFloat64() * sigma) }

func benchSolve(b *testing.B, p Problem) {
	var count int
	for b.Loop() {
		pl, err := Solve(context.Background(), p, Settings{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		count = pl.Count
	}
	b.ReportMetric(float64(count), "groups")
}

func BenchmarkSolveSynthetic360(b *testing.B) { benchSolve(b, synthetic360(b)) }

func BenchmarkSolveNorway5000(b *testing.B) {
	g, w := mustInstance(b, "norway2024")
	benchSolve(b, Problem{Graph: g, Weight: w, Floor: 5000, Objective: Heterogeneity})
}

func BenchmarkSolveNorway15000(b *testing.B) {
	g, w := mustInstance(b, "norway2024")
	benchSolve(b, Problem{Graph: g, Weight: w, Floor: 15000, Objective: Heterogeneity})
}

func BenchmarkSolveGrid60x60(b *testing.B) {
	g, w := mustInstance(b, "grid60x60")
	benchSolve(b, Problem{Graph: g, Weight: w, Floor: 15000, Objective: Heterogeneity})
}

func benchEnsemble(b *testing.B, p Problem, parts int, eps float64) {
	ideal := sum(p.Weight) / float64(parts)
	p.Floor = (1 - eps) * ideal
	s := EnsembleSettings{Seed: 1, Steps: 20000, Parts: parts, Ceiling: (1 + eps) * ideal}
	var steps int
	var seconds float64
	for b.Loop() {
		r, err := Ensemble(context.Background(), p, s)
		if err != nil {
			b.Fatal(err)
		}
		steps += r.Steps
		seconds += r.Seconds
	}
	b.ReportMetric(float64(steps)/seconds, "steps/s")
}

func BenchmarkEnsembleNorway14(b *testing.B) {
	g, w := mustInstance(b, "norway2024")
	benchEnsemble(b, Problem{Graph: g, Weight: w}, 14, 0.9)
}

func BenchmarkEnsembleGrid100(b *testing.B) {
	g, w := mustInstance(b, "grid60x60")
	benchEnsemble(b, Problem{Graph: g, Weight: w}, 100, 0.3)
}
