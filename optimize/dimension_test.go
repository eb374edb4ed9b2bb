package optimize

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"generalist/graph"
)

// checkMulti verifies a plan of a problem with further floors
// independently of the package: every node in one group, each group
// connected over the links p allows, reaching Floor in Weight and every
// Also floor, every member within MaxKm of the centre (the member with
// the largest Centre weight, ties to the smaller id), and Count ≤ Bound.
func checkMulti(t *testing.T, p Problem, pl *Plan) {
	t.Helper()
	g := p.Graph
	asg := pl.Assignment()
	members := make([][]int, pl.Count)
	for v, k := range asg {
		members[k] = append(members[k], v)
	}
	if pl.Count > pl.Bound {
		t.Errorf("Count %d > Bound %d", pl.Count, pl.Bound)
	}
	cw := p.Centre
	if cw == nil {
		cw = p.Weight
	}
	for k, m := range members {
		dims := append([]Dimension{{Name: "primary", Weight: p.Weight, Floor: p.Floor}}, p.Also...)
		for _, d := range dims {
			var w float64
			for _, v := range m {
				w += d.Weight[v]
			}
			if w < d.Floor {
				t.Errorf("group %d (%v): %s %v below its floor %v", k, m, d.Name, w, d.Floor)
			}
		}
		centre := m[0]
		for _, v := range m {
			if cw[v] > cw[centre] || cw[v] == cw[centre] && v < centre {
				centre = v
			}
		}
		if p.MaxKm > 0 {
			for _, v := range m {
				if d := g.Distance(v, centre); d > p.MaxKm+1e-9 {
					t.Errorf("group %d: node %d is %.1f km from the centre %d", k, v, d, centre)
				}
			}
		}
		in := map[int]bool{}
		for _, v := range m {
			in[v] = true
		}
		seen := map[int]bool{m[0]: true}
		for q := []int{m[0]}; len(q) > 0; q = q[1:] {
			for _, e := range g.Incident(q[0]) {
				o := e.A + e.B - q[0]
				if in[o] && !seen[o] && !(p.NoSeaLinks && e.Kind == graph.Bridge) {
					seen[o] = true
					q = append(q, o)
				}
			}
		}
		if len(seen) != len(m) {
			t.Errorf("group %d (%v) is not contiguous", k, m)
		}
	}
}

// alsoMet reports whether every group of the partition a (k groups)
// reaches each further floor in p.Also; true when there is none.
func alsoMet(p Problem, a []int, k int) bool {
	for _, d := range p.Also {
		w := make([]float64, k)
		for v, j := range a {
			w[j] += d.Weight[v]
		}
		if slices.ContainsFunc(w, func(x float64) bool { return x < d.Floor }) {
			return false
		}
	}
	return true
}

// TestSolveAlsoSmallExact solves small grids with two and three floors
// and compares with the optimum by enumeration; the bound must never be
// below the optimum.
func TestSolveAlsoSmallExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 40 {
		g, w := smallGrid(t, rng)
		p := Problem{Graph: g, Weight: w, Floor: float64(6 + rng.IntN(8)), Name: "a"}
		for d := range 1 + trial%2 {
			p.Also = append(p.Also, Dimension{Name: string(rune('b' + d)), Weight: randomWeights(rng, len(w)), Floor: float64(6 + rng.IntN(10))})
		}
		checkOptimum(t, trial, p, bruteForce(p), checkMulti)
	}
}

// TestSolveAlsoBinds: a further floor that the primary weight does not
// need changes the plan, and the bound takes it into account.
func TestSolveAlsoBinds(t *testing.T) {
	w := []float64{5, 5, 5, 5, 5, 5}
	g := mustGrid(t, 1, 6, w)
	p := Problem{Graph: g, Weight: w, Floor: 5}
	one, err := Solve(context.Background(), p, Settings{})
	if err != nil || one.Count != 6 {
		t.Fatalf("one floor: %v groups, %v; want 6", one, err)
	}
	p.Also = []Dimension{{Name: "b", Weight: []float64{1, 1, 1, 1, 1, 1}, Floor: 2}}
	pl, err := Solve(context.Background(), p, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	checkMulti(t, p, pl)
	if pl.Count != 3 || pl.Bound != 3 {
		t.Errorf("two floors: %d groups, bound %d; want 3 and 3", pl.Count, pl.Bound)
	}
	if err := Check(p, one.Assignment()); err == nil {
		t.Error("Check accepts singletons that miss the further floor")
	}
}

// TestSolveAlsoCentre: with Centre, the distance limit is measured from
// the member with the largest Centre weight, not the largest Weight.
func TestSolveAlsoCentre(t *testing.T) {
	// A row of three 10 km cells: the heaviest by Weight is the left end,
	// by Centre the middle. With MaxKm 10 only a centre in the middle can
	// hold all three.
	w := []float64{3, 1, 1}
	g := mustGrid(t, 1, 3, w)
	p := Problem{Graph: g, Weight: w, Floor: 5, MaxKm: 10}
	if _, err := Solve(context.Background(), p, Settings{}); !errors.Is(err, ErrInfeasible) {
		t.Fatalf("without Centre: %v, want infeasible", err)
	}
	p.Centre = []float64{1, 9, 1}
	pl, err := Solve(context.Background(), p, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	checkMulti(t, p, pl)
	if pl.Count != 1 {
		t.Errorf("%d groups, want 1", pl.Count)
	}
}

// TestSolveAlsoReasons: the reasons of an infeasible problem with several
// floors name the floor each unit cannot reach.
func TestSolveAlsoReasons(t *testing.T) {
	// Five cells in a row, 10 km apart, at most 10 km from a centre.
	// Node 2 outranks node 3 as a centre, so node 4 can share a group
	// only with node 3 (centre 3) and gathers at most 2 of "a".
	g := mustGrid(t, 1, 5, []float64{5, 5, 5, 1, 1})
	p := Problem{Graph: g, Weight: []float64{5, 5, 5, 1, 1}, Floor: 5, Name: "a", MaxKm: 10,
		Centre: []float64{1, 1, 3, 2, 1},
		Also:   []Dimension{{Name: "b", Weight: []float64{3, 3, 3, 3, 3}, Floor: 3}}}
	_, err := Solve(context.Background(), p, Settings{})
	var inf *Infeasible
	if !errors.As(err, &inf) || !inf.Proven {
		t.Fatalf("Solve = %v, want a proven *Infeasible", err)
	}
	if len(inf.Reasons) != 1 || !slices.Equal(inf.Reasons[0].Codes, []string{"r0c4"}) || !slices.Equal(inf.Reasons[0].Floors, []string{"a"}) ||
		inf.Reasons[0].Weight != 2 || !strings.Contains(inf.Reasons[0].Why, "the floor of a (5)") {
		t.Fatalf("reasons %+v: want r0c4 for floor a, at most 2", inf.Reasons)
	}
	// Every node meets a alone; node 4 gathers at most 1 of b (with node
	// 3, which node 2 outranks): the reason names b.
	p2 := Problem{Graph: g, Weight: []float64{5, 5, 5, 5, 5}, Floor: 5, Name: "a", MaxKm: 10,
		Also: []Dimension{{Name: "b", Weight: []float64{3, 3, 3, 1, 0}, Floor: 3}}}
	_, err = Solve(context.Background(), p2, Settings{})
	if !errors.As(err, &inf) {
		t.Fatalf("Solve = %v, want *Infeasible", err)
	}
	found := false
	for _, r := range inf.Reasons {
		if slices.Contains(r.Codes, "r0c4") {
			found = true
			if !strings.Contains(r.Why, "the floor of b (3)") || !slices.Equal(r.Floors, []string{"b"}) {
				t.Errorf("reason %+v: want the floor of b", r)
			}
		}
	}
	if !found {
		t.Errorf("reasons %+v do not name r0c4", inf.Reasons)
	}
}

// TestSolveAlsoInvalid: bad further floors are EINVALID errors naming
// the dimension.
func TestSolveAlsoInvalid(t *testing.T) {
	w := []float64{5, 5}
	g := mustGrid(t, 1, 2, w)
	for _, d := range []Dimension{
		{Name: "x", Weight: []float64{1}, Floor: 1},
		{Name: "x", Weight: []float64{1, -1}, Floor: 1},
		{Name: "x", Weight: []float64{1, 1}, Floor: 0},
	} {
		_, err := Solve(context.Background(), Problem{Graph: g, Weight: w, Floor: 5, Also: []Dimension{d}}, Settings{})
		if err == nil || !strings.Contains(err.Error(), "x:") {
			t.Errorf("%+v: %v, want an error naming x", d, err)
		}
	}
	if _, err := Solve(context.Background(), Problem{Graph: g, Weight: w, Floor: 5, Centre: []float64{1}}, Settings{}); err == nil {
		t.Error("a short Centre is accepted")
	}
}
