package optimize

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSplitRHatByHand checks split-R-hat against a case computed by hand:
// chains 1..4 and 5..8 split into (1,2), (3,4), (5,6), (7,8): W = 0.5,
// the half means 1.5, 3.5, 5.5, 7.5 have variance 20/3, so
// var⁺ = ½·0.5 + 20/3 and R-hat = √(var⁺/W) = √(83/6) ≈ 3.7193.
func TestSplitRHatByHand(t *testing.T) {
	got := SplitRHat([][]float64{{1, 2, 3, 4}, {5, 6, 7, 8}})
	if want := math.Sqrt(83.0 / 6); math.Abs(got-want) > 1e-12 {
		t.Errorf("SplitRHat = %v, want %v", got, want)
	}
	if got := SplitRHat([][]float64{{3, 3, 3, 3}, {3, 3, 3, 3}}); got != 1 {
		t.Errorf("constant chains: R-hat %v, want 1", got)
	}
	if got := SplitRHat([][]float64{{1}, {2}}); !math.IsNaN(got) {
		t.Errorf("one draw per chain: R-hat %v, want NaN", got)
	}
}

// TestESSByHand: for chains (1,2,3,4) and (4,3,2,1) split into halves
// (1,2), (3,4), (4,3), (2,1): W = 0.5, the half means 1.5, 3.5, 3.5, 1.5
// have variance 4/3, var⁺ = 0.25 + 4/3 = 19/12. The mean autocovariances
// (1/n) are 0.25 at lag 0 and −0.125 at lag 1, so ρ̂₀ = 1 − 0.25/(19/12)
// = 16/19 and ρ̂₁ = 1 − 0.625/(19/12) = 11.5/19; τ = −1 + 2·27.5/19 = 36/19
// and ESS = 8·19/36.
func TestESSByHand(t *testing.T) {
	got := ESS([][]float64{{1, 2, 3, 4}, {4, 3, 2, 1}})
	if want := 8 * 19.0 / 36; math.Abs(got-want) > 1e-9 {
		t.Errorf("ESS = %v, want %v", got, want)
	}
}

// TestDiagnosticsIID: independent draws give R-hat ≈ 1 and ESS ≈ the
// number of draws; an AR(1) series with coefficient φ gives
// ESS ≈ n(1−φ)/(1+φ); chains around different means give a large R-hat.
func TestDiagnosticsIID(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const m, n = 4, 2000
	iid := make([][]float64, m)
	ar := make([][]float64, m)
	apart := make([][]float64, m)
	const phi = 0.9
	for c := range m {
		x := rng.NormFloat64()
		for range n {
			iid[c] = append(iid[c], rng.NormFloat64())
			x = phi*x + math.Sqrt(1-phi*phi)*rng.NormFloat64()
			ar[c] = append(ar[c], x)
			apart[c] = append(apart[c], float64(c)+rng.NormFloat64())
		}
	}
	if r := SplitRHat(iid); math.Abs(r-1) > 0.01 {
		t.Errorf("iid R-hat %v, want ≈ 1", r)
	}
	if e := ESS(iid); math.Abs(e/(m*n)-1) > 0.15 {
		t.Errorf("iid ESS %v, want ≈ %d", e, m*n)
	}
	want := float64(m*n) * (1 - phi) / (1 + phi)
	if e := ESS(ar); math.Abs(e/want-1) > 0.3 {
		t.Errorf("AR(1) ESS %v, want ≈ %v", e, want)
	}
	if r := SplitRHat(ar); r > 1.05 {
		t.Errorf("AR(1) R-hat %v, want near 1", r)
	}
	if r := SplitRHat(apart); r < 1.2 {
		t.Errorf("chains around different means: R-hat %v, want large", r)
	}
	d := diagnose([]string{"x", "y"}, [][][]float64{iid, apart}, []int{n, n, n, n}, []int{n, n / 2, n, 0})
	if !d.Statistics[0].Converged || d.Statistics[1].Converged || !d.TooShort || len(d.Warnings) != 1 {
		t.Errorf("diagnose: %+v", d)
	}
	if d.Chains[1].Acceptance != 0.5 || d.Chains[3].Acceptance != 0 || len(d.Chains[0].ESS) != 2 {
		t.Errorf("per chain: %+v", d.Chains)
	}
}
