package chart

import "math"

// Ticks returns evenly spaced "nice" axis ticks that cover [min, max]: the
// step is the smallest of 1, 2 or 5 times a power of ten that splits the
// range into at most n-1 intervals, the first tick is the largest multiple
// of the step at or below min and the last the smallest multiple at or
// above max. The result therefore has between 2 and n+1 ticks. Values are
// exact decimal multiples of the step (0.3, not 0.30000000000000004).
//
// The arguments may come in either order. n below 2 counts as 2. When
// min equals max the range is widened to include zero ([0, 1] for zero
// itself), so a constant series still gets an axis. NaN or infinite
// bounds give nil.
func Ticks(min, max float64, n int) []float64 {
	t, _ := niceTicks(min, max, n)
	return t
}

// niceTicks is Ticks that also returns the number of decimals the step
// needs, for the tick labels.
func niceTicks(lo, hi float64, n int) ([]float64, int) {
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return nil, 0
	}
	if n < 2 {
		n = 2
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		switch {
		case lo == 0:
			hi = 1
		case lo > 0:
			lo = 0
		default:
			hi = 0
		}
	}
	const eps = 1e-9
	raw := (hi - lo) / float64(n-1)
	e := int(math.Floor(math.Log10(raw)))
	f := raw / math.Pow10(e)
	if f >= 10-eps {
		f /= 10
		e++
	} else if f < 1-eps {
		f *= 10
		e--
	}
	var m int64
	switch {
	case f <= 1+eps:
		m = 1
	case f <= 2+eps:
		m = 2
	case f <= 5+eps:
		m = 5
	default:
		m, e = 1, e+1
	}
	step := float64(m) * math.Pow10(e)
	k0 := int64(math.Floor(lo/step + eps))
	k1 := int64(math.Ceil(hi/step - eps))
	if k1-k0 > int64(n)+1 || k1 <= k0 { // only for ranges near the float64 precision limit
		return []float64{lo, hi}, max(0, -e)
	}
	ticks := make([]float64, 0, k1-k0+1)
	for k := k0; k <= k1; k++ {
		if e >= 0 {
			ticks = append(ticks, float64(k*m)*math.Pow10(e))
		} else {
			ticks = append(ticks, float64(k*m)/math.Pow10(-e))
		}
	}
	return ticks, max(0, -e)
}
