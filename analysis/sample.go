package analysis

import "math"

// Sample is the complete-case part of a data set: the rows in which
// neither y nor any covariate is missing.
type Sample struct {
	Y []float64
	X [][]float64 // columns, as for OLS
	// Kept holds the indices in the original data of the rows kept, in
	// order, so that labels (municipality numbers) can follow them.
	Kept []int
	// Dropped is the number of rows dropped; report it with the results.
	Dropped int
}

// Complete drops the rows in which y or any covariate is NaN, the
// package's marker for a missing value ("listwise deletion"; Wooldridge,
// Introductory Econometrics, 7th ed., 2020, §9.4). Infinite values are
// not missing but wrong, and are kept so that OLS reports them. The
// result shares no memory with the input.
//
// It returns an EINVALID error when a covariate's length differs from
// y's. It takes O(N·K) time.
func Complete(y []float64, X [][]float64) (Sample, error) {
	for j, col := range X {
		if len(col) != len(y) {
			return Sample{}, errorf("complete: covariate %d has %d values, y has %d", j+1, len(col), len(y))
		}
	}
	s := Sample{X: make([][]float64, len(X))}
rows:
	for i, v := range y {
		if math.IsNaN(v) {
			continue
		}
		for _, col := range X {
			if math.IsNaN(col[i]) {
				continue rows
			}
		}
		s.Kept = append(s.Kept, i)
	}
	s.Dropped = len(y) - len(s.Kept)
	s.Y = make([]float64, len(s.Kept))
	for r, i := range s.Kept {
		s.Y[r] = y[i]
	}
	for j, col := range X {
		s.X[j] = make([]float64, len(s.Kept))
		for r, i := range s.Kept {
			s.X[j][r] = col[i]
		}
	}
	return s, nil
}
