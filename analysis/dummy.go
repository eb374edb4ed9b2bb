package analysis

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Dummies codes a categorical covariate, such as SSB's centrality class
// "1"…"6", as 0/1 indicator columns for [OLS]: one column for each
// category but base, with names the category values themselves, in
// order: values that are numbers in numeric order ("2" before "10"),
// then the others in byte order. Row i
// of column c is 1 when values[i] is that category and 0 otherwise, so
// the coefficient of a column is the difference from the base category,
// other covariates held fixed (Wooldridge, Introductory Econometrics,
// 7th ed., 2020, §7.3). Leaving the base out avoids the "dummy variable
// trap": all the columns together would add up to the intercept.
//
// An empty value (after trimming spaces) is a missing category: its row
// is NaN in every column, so that [Complete] drops it. The names are
// usually prefixed before they are passed to OLS ("sentralitet 2").
//
// Dummies returns an EINVALID error when no value is present, or when
// base is not one of the values.
func Dummies(values []string, base string) (cols [][]float64, names []string, err error) {
	seen := map[string]bool{}
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			seen[v] = true
		}
	}
	if len(seen) == 0 {
		return nil, nil, errorf("dummies: no values")
	}
	base = strings.TrimSpace(base)
	if !seen[base] {
		return nil, nil, errorf("dummies: base category %q does not occur among the values", base)
	}
	for v := range seen {
		if v != base {
			names = append(names, v)
		}
	}
	slices.SortFunc(names, compareLevels)
	index := make(map[string]int, len(names))
	for c, name := range names {
		index[name] = c
	}
	cols = make([][]float64, len(names))
	for c := range cols {
		cols[c] = make([]float64, len(values))
	}
	for i, v := range values {
		v = strings.TrimSpace(v)
		switch c, ok := index[v]; {
		case v == "":
			for c := range cols {
				cols[c][i] = math.NaN()
			}
		case ok:
			cols[c][i] = 1
		}
	}
	return cols, names, nil
}

// compareLevels orders category names: names that are numbers first, in
// numeric order ("2" before "10"), then the others in byte order. Equal
// numbers written differently ("2", "2.0") fall back to byte order, so
// the order is total and the result stable.
func compareLevels(a, b string) int {
	fa, errA := strconv.ParseFloat(a, 64)
	fb, errB := strconv.ParseFloat(b, 64)
	switch numA, numB := errA == nil && !math.IsNaN(fa), errB == nil && !math.IsNaN(fb); {
	case numA && numB:
		if c := cmp.Compare(fa, fb); c != 0 {
			return c
		}
	case numA:
		return -1
	case numB:
		return 1
	}
	return strings.Compare(a, b)
}
