package analysis

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"generalist"
)

func TestComplete(t *testing.T) {
	nan := math.NaN()
	y := []float64{1, nan, 3, 4, 5}
	X := [][]float64{{10, 20, 30, nan, 50}, {0.1, 0.2, 0.3, 0.4, math.Inf(1)}}
	s, err := Complete(y, X)
	if err != nil {
		t.Fatal(err)
	}
	want := Sample{
		Y:       []float64{1, 3, 5},
		X:       [][]float64{{10, 30, 50}, {0.1, 0.3, math.Inf(1)}},
		Kept:    []int{0, 2, 4},
		Dropped: 2,
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("Complete = %+v, want %+v", s, want)
	}
	s.X[0][0] = -1
	if X[0][0] != 10 {
		t.Error("Complete shares memory with its input")
	}
	// Infinity is kept for OLS to report.
	if _, err := OLS(s.Y, s.X, []string{"a", "b"}); err == nil || !strings.Contains(err.Error(), "infinite") {
		t.Errorf("OLS on an infinite value: error = %v", err)
	}

	s, err = Complete([]float64{nan}, [][]float64{{1}})
	if err != nil || s.Dropped != 1 || len(s.Y) != 0 || len(s.X[0]) != 0 {
		t.Errorf("Complete(all missing) = %+v, %v", s, err)
	}
	if _, err := Complete([]float64{1, 2}, [][]float64{{1}}); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Complete(mismatched) error = %v, want EINVALID", err)
	}
}
