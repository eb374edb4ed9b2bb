package geomap

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"generalist"
)

// Method is a way of choosing class limits from the data.
type Method int

// The classification methods. The zero value is Quantile.
const (
	// Quantile puts about the same number of municipalities in each class.
	Quantile Method = iota
	// NaturalBreaks minimises the squared deviations from the class means
	// (Jenks natural breaks, computed exactly; see Breaks).
	NaturalBreaks
	// EqualInterval splits the range from the smallest to the largest value
	// into classes of equal width.
	EqualInterval
)

var methodNames = [...]string{Quantile: "quantile", NaturalBreaks: "jenks", EqualInterval: "equal"}

// String returns the method's short name: "quantile", "jenks" or "equal".
func (m Method) String() string {
	if m < 0 || int(m) >= len(methodNames) {
		return fmt.Sprintf("Method(%d)", int(m))
	}
	return methodNames[m]
}

// ParseMethod parses the short name String returns, for an indicator
// selector's query parameter. The empty string is Quantile.
func ParseMethod(s string) (Method, error) {
	if s == "" {
		return Quantile, nil
	}
	for i, name := range methodNames {
		if s == name {
			return Method(i), nil
		}
	}
	return 0, generalist.Errorf(generalist.EINVALID, "geomap: class method %q: must be quantile, jenks or equal", s)
}

// Breaks returns the class limits for dividing values into at most k
// classes with method: an ascending list of at most k-1 limits b₁ < b₂ < …
// A value v is in class i, the number of limits at or below v (see
// [Classify]): class 0 is v < b₁, class i is bᵢ ≤ v < bᵢ₊₁ and the last
// class is v ≥ the last limit. Every limit is greater than the smallest
// value, so no class is empty at the bottom.
//
// Non-finite values (NaN, ±Inf) are ignored. Breaks returns nil (one class)
// when k < 2 or fewer than two distinct values remain. values is not
// modified. Breaks panics on an unknown method, a programmer error.
//
//   - Quantile sorts the n values and puts positions ⌊i·n/k⌋ … ⌊(i+1)·n/k⌋−1
//     in class i; the limit is the value at the first position of each class.
//     A run of equal values that straddles a limit goes wholly to the upper
//     class and a limit equal to the previous one is dropped, so with ties
//     there may be fewer classes than k. O(n log n).
//   - NaturalBreaks is Jenks's natural breaks (G. F. Jenks, "The data model
//     concept in statistical mapping", International Yearbook of Cartography
//     7 (1967) 186–190) computed exactly rather than by Jenks's iterative
//     improvement: Fisher's dynamic programme (W. D. Fisher, "On grouping
//     for maximum homogeneity", Journal of the American Statistical
//     Association 53 (1958) 789–798) finds the split of the sorted values
//     into k contiguous classes that minimises the total squared deviation
//     from the class means. It runs on the m distinct values weighted by
//     their counts, so equal values never land in two classes and every
//     optimal split is expressible by limits; each limit is the smallest
//     value of its class. Among equally good splits the one with the lowest
//     limits is chosen, classes from the top down. O(k·m²) time, O(k·m)
//     memory: well under a millisecond for 357 municipalities and 5 classes.
//     With m ≤ k every distinct value gets its own class.
//   - EqualInterval returns min + i·(max−min)/k for i = 1 … k−1. O(n).
func Breaks(values []float64, k int, method Method) []float64 {
	if method < 0 || int(method) >= len(methodNames) {
		panic(fmt.Sprintf("geomap: Breaks: unknown method %d", int(method)))
	}
	xs := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			xs = append(xs, v)
		}
	}
	if k < 2 || len(xs) < 2 {
		return nil
	}
	slices.Sort(xs)
	if xs[0] == xs[len(xs)-1] {
		return nil
	}
	var limits []float64
	switch method {
	case Quantile:
		limits = quantile(xs, k)
	case NaturalBreaks:
		limits = jenks(xs, k)
	case EqualInterval:
		lo, hi := xs[0], xs[len(xs)-1]
		for i := 1; i < k; i++ {
			limits = append(limits, lo+(hi-lo)*float64(i)/float64(k))
		}
	}
	return increasing(limits, xs[0])
}

// quantile returns the value at the first sorted position of each class but
// the first.
func quantile(sorted []float64, k int) []float64 {
	n := len(sorted)
	limits := make([]float64, 0, k-1)
	for i := 1; i < k; i++ {
		limits = append(limits, sorted[i*n/k])
	}
	return limits
}

// increasing drops limits at or below min and any limit not above the one
// before it.
func increasing(limits []float64, min float64) []float64 {
	out := limits[:0]
	last := min
	for _, b := range limits {
		if b > last {
			out = append(out, b)
			last = b
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Classify returns the class of v for the ascending limits of Breaks: the
// number of limits at or below v, from 0 to len(limits). It runs in
// O(log len(limits)).
func Classify(v float64, limits []float64) int {
	return sort.Search(len(limits), func(i int) bool { return limits[i] > v })
}
