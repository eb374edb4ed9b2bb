package optimize

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"
	"time"
)

func TestEnsembleNorway(t *testing.T) {
	g, w := mustNorway(t)
	ideal := sum(w) / 14
	p := Problem{Graph: g, Weight: w, Floor: 0.1 * ideal}
	s := EnsembleSettings{Seed: 9, Steps: 4000, Parts: 14, Ceiling: 1.9 * ideal, Chains: 2, BurnIn: 100, Pairs: true}
	r, err := Ensemble(context.Background(), p, s)
	if err != nil {
		t.Fatal(err)
	}
	if r.Parts != 14 || r.Steps != 4000 || r.Accepted == 0 || len(r.Final) != 2 {
		t.Fatalf("Parts %d, Steps %d, Accepted %d, %d final plans", r.Parts, r.Steps, r.Accepted, len(r.Final))
	}
	for _, pl := range append([]*Plan{r.Start}, r.Final...) {
		if pl.Count != 14 {
			t.Errorf("plan with %d groups, want 14", pl.Count)
		}
		checkPlan(t, p, pl)
		for k, x := range pl.Weights() {
			if x > s.Ceiling {
				t.Errorf("group %d weighs %v, above the ceiling %v", k, x, s.Ceiling)
			}
		}
	}
	for i, e := range g.Edges() {
		v := r.EdgeTogether[i]
		if v < 0 || v > 1 || math.IsNaN(v) {
			t.Fatalf("EdgeTogether[%d] = %v", i, v)
		}
		if got := r.Together(e.A, e.B); math.Abs(got-v) > 1e-9 {
			t.Errorf("Together(%d, %d) = %v, EdgeTogether %v", e.A, e.B, got, v)
		}
	}
	if r.Objective.Min > r.Objective.P50 || r.Objective.P50 > r.Objective.Max || r.MinWeight.Min < p.Floor {
		t.Errorf("distributions out of order: %+v, min weight %+v", r.Objective, r.MinWeight)
	}
	// The same seed gives the same ensemble, whatever the workers.
	s.Workers = 1
	again, err := Ensemble(context.Background(), p, s)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.EdgeTogether, again.EdgeTogether) || r.Objective != again.Objective {
		t.Error("the same seed gave another ensemble")
	}
}

// TestEnsembleThirtyParts starts where GerryChain cannot: 30 parts of
// Norway. With a ±90 % band Oslo alone breaks the ceiling, which the error
// says; with the floor only the chain runs.
func TestEnsembleThirtyParts(t *testing.T) {
	g, w := mustNorway(t)
	ideal := sum(w) / 30
	p := Problem{Graph: g, Weight: w, Floor: 0.1 * ideal}
	_, err := Ensemble(context.Background(), p, EnsembleSettings{Parts: 30, Ceiling: 1.9 * ideal, Steps: 100})
	if !errors.Is(err, ErrInfeasible) {
		t.Fatalf("with the ceiling: %v, want infeasible", err)
	}
	r, err := Ensemble(context.Background(), p, EnsembleSettings{Parts: 30, Steps: 2000, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range r.Final {
		checkPlan(t, p, pl)
		if pl.Count != 30 {
			t.Errorf("%d groups, want 30", pl.Count)
		}
	}
}

func TestEnsembleCancel(t *testing.T) {
	g, w := mustNorway(t)
	checkCancel(t, 30*time.Millisecond, func(ctx context.Context) error {
		_, err := Ensemble(ctx, Problem{Graph: g, Weight: w, Floor: 20000}, EnsembleSettings{Steps: 100_000_000, Parts: 50})
		return err
	})
}

func TestEnsembleTooManyParts(t *testing.T) {
	g, w := mustNorway(t)
	_, err := Ensemble(context.Background(), Problem{Graph: g, Weight: w, Floor: 20000}, EnsembleSettings{Parts: 300, Steps: 10})
	if !errors.Is(err, ErrInfeasible) {
		t.Fatalf("Ensemble = %v, want infeasible", err)
	}
	t.Log(err)
}

func TestEnsembleFromPlan(t *testing.T) {
	g, w := mustNorway(t)
	p := Problem{Graph: g, Weight: w, Floor: 10000}
	pl, err := Solve(context.Background(), p, Settings{Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Ensemble(context.Background(), p, EnsembleSettings{Start: pl, Steps: 1000, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	if r.Parts != pl.Count || !slices.Equal(r.Start.Assignment(), pl.Assignment()) {
		t.Errorf("Parts %d (plan %d), or another start plan", r.Parts, pl.Count)
	}
	for _, f := range r.Final {
		checkPlan(t, p, f)
	}
	if _, err := Ensemble(context.Background(), p, EnsembleSettings{Start: pl, Parts: pl.Count + 1}); err == nil {
		t.Error("a start plan with another count was accepted")
	}
}
