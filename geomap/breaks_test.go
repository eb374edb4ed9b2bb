package geomap

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestBreaks(t *testing.T) {
	nan := math.NaN()
	for _, tt := range []struct {
		name   string
		values []float64
		k      int
		method Method
		want   []float64
	}{
		// Ten values in five classes of two: limits at sorted positions
		// 2, 4, 6 and 8.
		{"QuantileEven", []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 5, Quantile, []float64{3, 5, 7, 9}},
		// Seven in three: positions ⌊7/3⌋ = 2 and ⌊14/3⌋ = 4, classes of
		// 2, 2 and 3.
		{"QuantileUneven", []float64{1, 2, 3, 4, 5, 6, 7}, 3, Quantile, []float64{3, 5}},
		// Position 2 holds 1, the minimum: that limit is dropped and the
		// tie stays in class 0; position 4 holds 2.
		{"QuantileTies", []float64{1, 1, 1, 1, 2, 3}, 3, Quantile, []float64{2}},
		// Positions 1, 2 and 3 of {1, 5, 5, 5, 9} in four classes hold 5
		// thrice: one limit.
		{"QuantileTieRun", []float64{5, 1, 5, 9, 5}, 4, Quantile, []float64{5}},
		// Three clear groups: each limit is the smallest value of its class.
		{"JenksGroups", []float64{1, 2, 3, 10, 11, 12, 30, 31}, 3, NaturalBreaks, []float64{10, 30}},
		{"JenksTwo", []float64{31, 30, 12, 11, 10, 3, 2, 1}, 2, NaturalBreaks, []float64{30}},
		// {0} {4, 5} {9, 10}: 0 + 0.5 + 0.5 beats any other split.
		{"JenksOutlier", []float64{0, 4, 5, 9, 10}, 3, NaturalBreaks, []float64{4, 9}},
		// Fewer distinct values than classes: one class each.
		{"JenksFewDistinct", []float64{1, 1, 2, 3, 3}, 5, NaturalBreaks, []float64{2, 3}},
		// Weighted: three 0s and one 1 against a 10 → {0,0,0,1} {10}.
		{"JenksWeighted", []float64{0, 0, 0, 1, 10}, 2, NaturalBreaks, []float64{10}},
		{"Equal", []float64{0, 10, 3}, 5, EqualInterval, []float64{2, 4, 6, 8}},
		{"EqualNegative", []float64{-10, 10}, 4, EqualInterval, []float64{-5, 0, 5}},
		{"OneClass", []float64{1, 2, 3}, 1, Quantile, nil},
		{"Constant", []float64{4, 4, 4}, 3, NaturalBreaks, nil},
		{"Empty", nil, 5, Quantile, nil},
		{"NonFinite", []float64{nan, 1, math.Inf(1), 2, 3, 4, math.Inf(-1)}, 2, Quantile, []float64{3}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.values)
			got := Breaks(in, tt.k, tt.method)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Breaks(%v, %d, %v) = %v, want %v", tt.values, tt.k, tt.method, got, tt.want)
			}
			if !slices.EqualFunc(in, tt.values, func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }) {
				t.Errorf("Breaks modified its input: %v", in)
			}
		})
	}
}

func TestBreaksPanicsOnUnknownMethod(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Breaks(…, Method(7)) did not panic")
		}
	}()
	Breaks([]float64{1, 2}, 2, Method(7))
}

// sse returns the total squared deviation from the class means of values
// classified by limits, computed directly (two passes).
func sse(values, limits []float64) float64 {
	sums := make([]float64, len(limits)+1)
	counts := make([]float64, len(limits)+1)
	for _, v := range values {
		c := Classify(v, limits)
		sums[c] += v
		counts[c]++
	}
	total := 0.0
	for _, v := range values {
		c := Classify(v, limits)
		d := v - sums[c]/counts[c]
		total += d * d
	}
	return total
}

// bruteJenks returns the least sse over every choice of k−1 limits among
// the distinct values above the minimum.
func bruteJenks(values []float64, k int) float64 {
	d := slices.Compact(slices.Sorted(slices.Values(values)))
	cands := d[1:]
	best := math.Inf(1)
	var rec func(start int, chosen []float64)
	rec = func(start int, chosen []float64) {
		if len(chosen) == k-1 || start == len(cands) {
			if len(chosen) == min(k-1, len(cands)) {
				best = math.Min(best, sse(values, chosen))
			}
			return
		}
		rec(start+1, append(chosen, cands[start]))
		rec(start+1, chosen)
	}
	rec(0, nil)
	return best
}

// TestJenksBruteForce checks the dynamic programme against exhaustive
// search on random small inputs, with and without ties.
func TestJenksBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1958, 1967))
	for trial := range 2000 {
		n := 2 + rng.IntN(10)
		k := 2 + rng.IntN(5)
		values := make([]float64, n)
		for i := range values {
			if trial%2 == 0 {
				values[i] = float64(rng.IntN(12)) // many ties
			} else {
				values[i] = math.Round(rng.ExpFloat64()*1e5) / 10 // skewed, like populations
			}
		}
		got := Breaks(values, k, NaturalBreaks)
		want := bruteJenks(values, k)
		if len(slices.Compact(slices.Sorted(slices.Values(values)))) < 2 {
			if got != nil {
				t.Errorf("Breaks(%v, %d, NaturalBreaks) = %v, want nil", values, k, got)
			}
			continue
		}
		if s := sse(values, got); s > want+1e-9*(1+want) {
			t.Errorf("Breaks(%v, %d, NaturalBreaks) = %v with sse %g, want the optimum %g", values, k, got, s, want)
		}
		if len(got) > k-1 || !slices.IsSorted(got) {
			t.Errorf("Breaks(%v, %d, NaturalBreaks) = %v: not at most k-1 ascending limits", values, k, got)
		}
	}
}

func TestClassify(t *testing.T) {
	limits := []float64{10, 30}
	for _, tt := range []struct {
		v    float64
		want int
	}{{-1, 0}, {9.99, 0}, {10, 1}, {29, 1}, {30, 2}, {1e9, 2}} {
		if got := Classify(tt.v, limits); got != tt.want {
			t.Errorf("Classify(%v, %v) = %d, want %d", tt.v, limits, got, tt.want)
		}
	}
	if got := Classify(5, nil); got != 0 {
		t.Errorf("Classify(5, nil) = %d, want 0", got)
	}
}

func TestParseMethod(t *testing.T) {
	for _, m := range []Method{Quantile, NaturalBreaks, EqualInterval} {
		got, err := ParseMethod(m.String())
		if err != nil || got != m {
			t.Errorf("ParseMethod(%q) = %v, %v, want %v", m.String(), got, err, m)
		}
	}
	if got, err := ParseMethod(""); err != nil || got != Quantile {
		t.Errorf(`ParseMethod("") = %v, %v, want quantile`, got, err)
	}
	if _, err := ParseMethod("kmeans"); err == nil {
		t.Error(`ParseMethod("kmeans") succeeded, want an error`)
	}
}

// BenchmarkJenksCountry times natural breaks on 357 skewed values, the size
// of the 2024 structure.
func BenchmarkJenksCountry(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	values := make([]float64, 357)
	for i := range values {
		values[i] = math.Round(rng.ExpFloat64() * 15000)
	}
	for b.Loop() {
		Breaks(values, 5, NaturalBreaks)
	}
}
