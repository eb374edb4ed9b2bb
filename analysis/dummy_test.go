package analysis

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"generalist"
)

func TestDummies(t *testing.T) {
	class := []string{"3", "1", "10", "2", "", "1", " 2 ", "3"}
	cols, names, err := Dummies(class, "1")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"2", "3", "10"}; !slices.Equal(names, want) {
		t.Errorf("names = %q, want %q (numeric order, base left out)", names, want)
	}
	want := [][]float64{
		{0, 0, 0, 1, math.NaN(), 0, 1, 0}, // 2
		{1, 0, 0, 0, math.NaN(), 0, 0, 1}, // 3
		{0, 0, 1, 0, math.NaN(), 0, 0, 0}, // 10
	}
	for c := range want {
		for i := range want[c] {
			if got := cols[c][i]; got != want[c][i] && !(math.IsNaN(got) && math.IsNaN(want[c][i])) {
				t.Errorf("column %s row %d = %v, want %v", names[c], i, got, want[c][i])
			}
		}
	}
	// The empty value is missing, so Complete drops its row.
	s, err := Complete([]float64{1, 2, 3, 4, 5, 6, 7, 8}, cols)
	if err != nil || s.Dropped != 1 || !slices.Equal(s.Kept, []int{0, 1, 2, 3, 5, 6, 7}) {
		t.Errorf("Complete after Dummies = %+v, %v; want row 4 dropped", s, err)
	}

	// Another base.
	_, names, _ = Dummies(class, "10")
	if want := []string{"1", "2", "3"}; !slices.Equal(names, want) {
		t.Errorf("base 10: names = %q, want %q", names, want)
	}
	// One category: no columns.
	cols, names, err = Dummies([]string{"a", "a"}, "a")
	if err != nil || len(cols) != 0 || len(names) != 0 {
		t.Errorf("one category: %v, %v, %v; want no columns", cols, names, err)
	}
	for _, tt := range []struct {
		name   string
		values []string
		base   string
		want   string
	}{
		{"Empty", nil, "1", "no values"},
		{"AllMissing", []string{"", " "}, "1", "no values"},
		{"NoBase", []string{"1", "2"}, "7", `base category "7" does not occur`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Dummies(tt.values, tt.base)
			if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Dummies(%q, %q) error = %v, want EINVALID containing %q", tt.values, tt.base, err, tt.want)
			}
		})
	}
}

// TestDummiesRegression checks that the coefficient of a dummy is the
// difference of group means from the base when it is the only
// covariate: y = β₀ + Σ βc·Dc reproduces each group's mean.
func TestDummiesRegression(t *testing.T) {
	class := []string{"1", "1", "1", "2", "2", "3", "3", "3", "3"}
	y := []float64{10, 12, 14, 20, 22, 5, 6, 7, 10}
	cols, names, err := Dummies(class, "1")
	if err != nil {
		t.Fatal(err)
	}
	r := mustOLS(t, y, cols, names)
	groups := GroupMeans(y, class)
	for i, want := range []float64{groups[0].Mean, groups[1].Mean - groups[0].Mean, groups[2].Mean - groups[0].Mean} {
		if got := r.Coefficients[i].Estimate; math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %v, want %v", r.Coefficients[i].Name, got, want)
		}
	}
	e, err := r.Partial("3", 1)
	if err != nil || math.Abs(e.Estimate-(7-12)) > 1e-12 {
		t.Errorf("Partial(3) = %+v, %v; want 7 − 12", e, err)
	}
}

func TestCompareLevels(t *testing.T) {
	got := []string{"b", "10", "a", "2", "-1", "2.0", "1e1", "B"}
	slices.SortFunc(got, compareLevels)
	if want := []string{"-1", "2", "2.0", "10", "1e1", "B", "a", "b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sorted = %q, want %q", got, want)
	}
}
