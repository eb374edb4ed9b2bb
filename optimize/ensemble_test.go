package optimize

import (
	"context"
	"errors"
	"math"
	"reflect"
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
	if !slices.Equal(r.EdgeTogether, again.EdgeTogether) || !reflect.DeepEqual(r.Objective, again.Objective) || !reflect.DeepEqual(r.Diagnostics, again.Diagnostics) {
		t.Error("the same seed gave another ensemble")
	}
}

// TestEnsembleThirtyParts starts where GerryChain cannot: 30 parts of
// Norway. Oslo alone weighs more than the default ceiling, so it is a
// group of its own (the rule of balanceOf) and every other group stays
// under the ceiling; with Unbalanced there is no ceiling and the result
// says so.
func TestEnsembleThirtyParts(t *testing.T) {
	g, w := mustNorway(t)
	p := Problem{Graph: g, Weight: w, Floor: 15000}
	var samples int
	check := func(x Sample) error {
		samples++
		weights := map[int]float64{}
		size := map[int]int{}
		for v, k := range x.Assignment {
			weights[k] += w[v]
			size[k]++
		}
		if len(weights) != 30 {
			t.Errorf("chain %d step %d: %d groups", x.Chain, x.Step, len(weights))
		}
		return nil
	}
	osloNode, _ := g.Lookup("0301")
	oslo := osloNode.ID
	r, err := Ensemble(context.Background(), p, EnsembleSettings{Parts: 30, Steps: 4000, Seed: 2, SampleEvery: 100, Sample: check})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Balanced || r.Tolerance != DefaultTolerance || r.Ceiling <= 0 || r.MaxWeight.Max > r.Ceiling && r.MaxWeight.Max != w[oslo] {
		t.Fatalf("balanced %v, tolerance %v, ceiling %v, heaviest group %v", r.Balanced, r.Tolerance, r.Ceiling, r.MaxWeight.Max)
	}
	if samples != 40 {
		t.Errorf("%d samples, want 40", samples)
	}
	frozen := func(members []int) bool {
		for _, b := range r.Pinned {
			if slices.Equal(slices.Sorted(slices.Values(b)), members) {
				return true
			}
		}
		return false
	}
	if len(r.Pinned) == 0 || r.Pinned[0][0] != oslo || !frozen([]int{oslo}) {
		t.Errorf("Oslo (%d) not pinned alone: %v", oslo, r.Pinned)
	}
	for _, pl := range append(r.Final, r.Start) {
		checkPlan(t, p, pl)
		for k, x := range pl.Weights() {
			if x > r.Ceiling && !frozen(pl.Members()[k]) {
				t.Errorf("group %d weighs %v, above the ceiling %v", k, x, r.Ceiling)
			}
		}
	}
	if st := r.StartStatistics; len(st) != 4 || st[1] > r.Ceiling || st[2] < p.Floor || st[3] < 29 {
		t.Errorf("start statistics %v", st)
	}
	if len(r.Diagnostics.Chains) != 4 || len(r.Diagnostics.Statistics) != 4 || r.Diagnostics.Chains[0].Acceptance <= 0 {
		t.Errorf("diagnostics %+v", r.Diagnostics)
	}
	u, err := Ensemble(context.Background(), p, EnsembleSettings{Parts: 30, Steps: 2000, Seed: 2, Unbalanced: true})
	if err != nil {
		t.Fatal(err)
	}
	if u.Balanced || u.Ceiling != 0 || len(u.Diagnostics.Warnings) == 0 {
		t.Errorf("unbalanced: balanced %v, ceiling %v, warnings %v", u.Balanced, u.Ceiling, u.Diagnostics.Warnings)
	}
}

// TestEnsembleTooManyPinned: more units above the ceiling than groups.
func TestEnsembleTooManyPinned(t *testing.T) {
	g, w := mustNorway(t)
	_, err := Ensemble(context.Background(), Problem{Graph: g, Weight: w, Floor: 200}, EnsembleSettings{Parts: 2, Ceiling: 250000, Steps: 10})
	if !errors.Is(err, ErrInfeasible) {
		t.Fatalf("Ensemble = %v, want infeasible", err)
	}
	t.Log(err)
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
	// Solve's plan has a merged group above the default ceiling, which
	// is raised to it; an explicit ceiling below it is an error.
	d, err := Ensemble(context.Background(), p, EnsembleSettings{Start: pl, Steps: 1000, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	if !d.CeilingRaised || !slices.Contains(pl.Weights(), d.Ceiling) {
		t.Errorf("ceiling %v (raised %v), not the weight of one of the plan's groups", d.Ceiling, d.CeilingRaised)
	}
	for _, f := range d.Final {
		for k, x := range f.Weights() {
			m := f.Members()[k]
			if x > d.Ceiling && !slices.ContainsFunc(d.Pinned, func(b []int) bool { return slices.Equal(slices.Sorted(slices.Values(b)), m) }) {
				t.Errorf("group %v of %v above the ceiling %v", m, x, d.Ceiling)
			}
		}
	}
	if _, err := Ensemble(context.Background(), p, EnsembleSettings{Start: pl, Steps: 10, Ceiling: d.Ceiling - 1}); err == nil {
		t.Error("a start plan above an explicit ceiling was accepted")
	}
	r, err := Ensemble(context.Background(), p, EnsembleSettings{Start: pl, Steps: 1000, Seed: 4, Unbalanced: true})
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
