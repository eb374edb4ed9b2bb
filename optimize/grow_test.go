package optimize

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSolveLeaveOut: a problem the search cannot place whole (a forbidden
// pair that the feasibility tests do not see) fails without LeaveOut and
// gives the plan of the units placed with it, the others in Left.
func TestSolveLeaveOut(t *testing.T) {
	w := []float64{1, 1, 1}
	p := Problem{Graph: mustGrid(t, 1, 3, w), Weight: w, Floor: 2, Forbidden: [][2]int{{0, 2}}}
	_, err := Solve(context.Background(), p, Settings{Seed: 1})
	var inf *Infeasible
	if !errors.As(err, &inf) || inf.Proven || inf.Reasons[0].Kind != "search" {
		t.Fatalf("without LeaveOut: %v, want a search failure", err)
	}
	pl, err := Solve(context.Background(), p, Settings{Seed: 1, LeaveOut: true})
	if err != nil {
		t.Fatal(err)
	}
	a := pl.Assignment()
	if pl.Count != 1 || len(pl.Left) != 1 || a[pl.Left[0]] != -1 || pl.Bound != 1 {
		t.Fatalf("plan %+v, assignment %v; want one group, one node left out", pl, a)
	}
	var in []int
	for v, k := range a {
		if k == 0 {
			in = append(in, v)
		}
	}
	if len(in) != 2 || slices.Contains(in, pl.Left[0]) || in[1]-in[0] != 1 {
		t.Errorf("group %v, left %v: want two adjacent nodes in the group", in, pl.Left)
	}
	if g := pl.Groups(); len(g) != 1 || len(g[0]) != 2 {
		t.Errorf("Groups %v, want one group of two", g)
	}
}

// growSearch returns a search on p with an empty plan, for growLeft.
func growSearch(t *testing.T, p Problem) *search {
	t.Helper()
	in, err := compile(&p)
	if err != nil {
		t.Fatal(err)
	}
	se := &search{in: in, rng: rand.New(rand.NewPCG(1, 1)), st: newState(in)}
	se.sp = newSplitter(in, se.rng)
	return se
}

// TestGrowLeft: units left unplaced form a group among themselves around
// the heaviest, within the distance limit of it; with steal they take a
// unit that an adjacent group can spare, and never one it cannot.
func TestGrowLeft(t *testing.T) {
	// Rows of 10 km cells of weight 1; equal centre weights make the
	// lowest node the centre.
	row := func(n int) []float64 {
		w := make([]float64, n)
		for i := range w {
			w[i] = 1
		}
		return w
	}
	w := row(5)
	// 4 outranks the others as a centre: it grows first.
	se := growSearch(t, Problem{Graph: mustGrid(t, 1, 5, w), Weight: w, Floor: 2, MaxKm: 10, Centre: []float64{1, 1, 1, 1, 2}})
	se.st.add([]int32{0, 1})
	if !se.growLeft(false) {
		t.Fatal("growLeft(false) made no group of the unplaced 2, 3, 4")
	}
	if p := se.st.part; p[4] < 0 || p[4] != p[3] || p[2] >= 0 || se.st.alive != 2 {
		t.Fatalf("after growLeft(false): %v, want 3 and 4 grouped, 2 left", p)
	}
	// 2 cannot take 1 or 3 from their groups of two.
	if se.growLeft(true) {
		t.Fatalf("growLeft(true) broke a group: %v", se.st.part)
	}

	// Three cells need 20 km from the lowest: none within 10 km, all
	// within 20 km.
	se = growSearch(t, Problem{Graph: mustGrid(t, 1, 5, w), Weight: w, Floor: 3, MaxKm: 10})
	if se.growLeft(false) || se.st.alive != 0 {
		t.Errorf("MaxKm 10: grew %v, want no group", se.st.part)
	}
	se = growSearch(t, Problem{Graph: mustGrid(t, 1, 5, w), Weight: w, Floor: 3, MaxKm: 20})
	if !se.growLeft(false) || se.st.alive != 1 || se.st.part[0] < 0 || se.st.part[2] != se.st.part[0] {
		t.Errorf("MaxKm 20: grew %v, want 0, 1, 2 grouped", se.st.part)
	}

	// Steal: 0 is left over next to a group of three centred on 2 that
	// can spare 1.
	w = row(4)
	se = growSearch(t, Problem{Graph: mustGrid(t, 1, 4, w), Weight: w, Floor: 2, MaxKm: 10, Centre: []float64{1, 1, 5, 1}})
	se.st.add([]int32{1, 2, 3})
	if se.growLeft(false) {
		t.Fatalf("growLeft(false) took a placed unit: %v", se.st.part)
	}
	if !se.growLeft(true) {
		t.Fatal("growLeft(true) did not take the spare unit 1")
	}
	if p := se.st.part; p[0] != p[1] || p[2] != p[3] || p[0] == p[2] || p[0] < 0 || p[2] < 0 {
		t.Errorf("after the steal: %v, want {0, 1} and {2, 3}", p)
	}
}
