package analysis

import (
	"math"
	"testing"
)

func TestGroupMeans(t *testing.T) {
	nan := math.NaN()
	values := []float64{4, 1, 7, 10, nan, 3, 2, nan}
	groups := []string{"2", "10", "2", "2", "2", "10", "1", "x"}
	got := GroupMeans(values, groups)
	// By hand: group 2 holds 4, 7, 10 (mean 7, deviations −3, 0, 3,
	// variance 18/2 = 9); group 10 holds 1, 3; group 1 holds 2; group
	// x only a missing value.
	want := []Group{
		{Name: "1", N: 1, Mean: 2, Median: 2, Min: 2, Max: 2, StdDev: nan},
		{Name: "2", N: 3, Missing: 1, Mean: 7, Median: 7, Min: 4, Max: 10, StdDev: 3},
		{Name: "10", N: 2, Mean: 2, Median: 2, Min: 1, Max: 3, StdDev: math.Sqrt2},
		{Name: "x", N: 0, Missing: 1, Mean: nan, Median: nan, Min: nan, Max: nan, StdDev: nan},
	}
	if len(got) != len(want) {
		t.Fatalf("GroupMeans = %+v, want %+v", got, want)
	}
	same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) || math.Abs(a-b) < 1e-12 }
	for i, g := range got {
		w := want[i]
		if g.Name != w.Name || g.N != w.N || g.Missing != w.Missing || !same(g.Mean, w.Mean) || !same(g.Median, w.Median) ||
			!same(g.Min, w.Min) || !same(g.Max, w.Max) || !same(g.StdDev, w.StdDev) {
			t.Errorf("group %d = %+v, want %+v", i, g, w)
		}
	}
	// The input is not reordered.
	if values[0] != 4 || values[1] != 1 {
		t.Errorf("GroupMeans modified values: %v", values)
	}
}

func TestGroupMeansStable(t *testing.T) {
	// Large values with a small spread, where Σx² − n·x̄² would cancel.
	got := GroupMeans([]float64{1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}, []string{"a", "a", "a", "a"})
	if g := got[0]; g.Mean != 1e9+10 || g.Median != 1e9+10 || math.Abs(g.StdDev-math.Sqrt(30)) > 1e-9 {
		t.Errorf("GroupMeans = %+v, want mean 1e9+10, sd √30", g)
	}
}

func TestGroupMeansPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("GroupMeans with mismatched lengths did not panic")
		}
	}()
	GroupMeans([]float64{1}, nil)
}
