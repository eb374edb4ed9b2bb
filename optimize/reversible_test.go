package optimize

import (
	"context"
	"math"
	"testing"
)

// TestReversibleStationary checks that reversible ReCom samples the
// spanning-tree distribution: on a 3×3 grid of unit weights cut in two
// groups of 4 or 5 cells, every valid plan P should be visited in
// proportion to τ(A)·τ(B), the product of its groups' spanning-tree
// counts, which the test computes on its own (enumerating the plans and
// counting trees by Kirchhoff's matrix-tree theorem).
func TestReversibleStationary(t *testing.T) {
	const rows, cols = 3, 3
	n := rows * cols
	w := make([]float64, n)
	for i := range w {
		w[i] = 1
	}
	g := mustGrid(t, rows, cols, w)
	adj := func(a, b int) bool {
		ra, ca, rb, cb := a/cols, a%cols, b/cols, b%cols
		return ra == rb && (ca-cb == 1 || cb-ca == 1) || ca == cb && (ra-rb == 1 || rb-ra == 1)
	}
	connected := func(set []int) bool {
		seen := map[int]bool{set[0]: true}
		stack := []int{set[0]}
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, u := range set {
				if !seen[u] && adj(u, v) {
					seen[u] = true
					stack = append(stack, u)
				}
			}
		}
		return len(seen) == len(set)
	}
	trees := func(set []int) float64 { // det of the reduced Laplacian
		k := len(set) - 1
		m := make([][]float64, k)
		for i := range k {
			m[i] = make([]float64, k)
			for j := range len(set) {
				if j != i && adj(set[i], set[j]) {
					m[i][i]++
					if j < k {
						m[i][j]--
					}
				}
			}
		}
		det := 1.0
		for c := range k {
			p := c
			for r := c + 1; r < k; r++ {
				if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
					p = r
				}
			}
			m[c], m[p] = m[p], m[c]
			if p != c {
				det = -det
			}
			det *= m[c][c]
			for r := c + 1; r < k; r++ {
				f := m[r][c] / m[c][c]
				for j := c; j < k; j++ {
					m[r][j] -= f * m[c][j]
				}
			}
		}
		return math.Round(det)
	}
	want := map[int]float64{}
	var z float64
	for mask := 0; mask < 1<<n; mask++ {
		if mask&1 == 0 { // node 0 in group 0
			continue
		}
		var a, b []int
		for v := range n {
			if mask>>v&1 == 1 {
				a = append(a, v)
			} else {
				b = append(b, v)
			}
		}
		if len(a) < 4 || len(a) > 5 || len(b) < 4 || len(b) > 5 || !connected(a) || !connected(b) {
			continue
		}
		want[mask] = trees(a) * trees(b)
		z += want[mask]
	}
	got := map[int]float64{}
	var draws float64
	p := Problem{Graph: g, Weight: w, Floor: 4}
	_, err := Ensemble(context.Background(), p, EnsembleSettings{Parts: 2, Ceiling: 5, Steps: 1500000, Seed: 9, Variant: Reversible, SampleEvery: 1,
		Sample: func(s Sample) error {
			mask := 0
			for v, k := range s.Assignment {
				if k == 0 {
					mask |= 1 << v
				}
			}
			got[mask]++
			draws++
			return nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	var tv float64
	for k, x := range want {
		tv += math.Abs(x/z - got[k]/draws)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("visited plan %b is not valid", k)
		}
	}
	tv /= 2
	t.Logf("%d valid plans, total variation distance %.4f", len(want), tv)
	if tv > 0.008 {
		t.Errorf("total variation distance to the spanning-tree distribution %.4f, want ≤ 0.008", tv)
	}
}

// TestReversibleRuns runs reversible ReCom on Norway (30 groups) and the
// 60×60 grid (100 groups): every final plan is valid and balanced.
func TestReversibleRuns(t *testing.T) {
	g, w := mustNorway(t)
	p := Problem{Graph: g, Weight: w, Floor: 15000}
	r, err := Ensemble(context.Background(), p, EnsembleSettings{Parts: 30, Steps: 4000, Seed: 3, Variant: Reversible})
	if err != nil {
		t.Fatal(err)
	}
	if r.Variant != "reversible" || r.Accepted == 0 {
		t.Errorf("variant %q, %d accepted", r.Variant, r.Accepted)
	}
	for _, pl := range r.Final {
		checkPlan(t, p, pl)
	}
	gg, gw := mustInstance(t, "grid60x60")
	q := Problem{Graph: gg, Weight: gw, Floor: 15000}
	r, err = Ensemble(context.Background(), q, EnsembleSettings{Parts: 100, Steps: 4000, Seed: 3, Variant: Reversible})
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range r.Final {
		checkPlan(t, q, pl)
		for _, x := range pl.Weights() {
			if x > r.Ceiling {
				t.Errorf("a group of %v, above the ceiling %v", x, r.Ceiling)
			}
		}
	}
	if _, err := Ensemble(context.Background(), Problem{Graph: g, Weight: w, Floor: 15000, KeepFeasible: true}, EnsembleSettings{Parts: 30, Variant: Reversible}); err == nil {
		t.Error("reversible with KeepFeasible was accepted")
	}
}
