package geomap

import (
	"math"
	"slices"
)

// Scale is a division of values into colour classes: the limits of Breaks
// and what the legend needs to label them honestly. Compute it once with
// NewScale over the values of every map shown together and pass it to
// each map's Options.Scale, so that maps side by side share their classes.
type Scale struct {
	// Limits are ascending class limits as Breaks returns them: class i
	// holds Limits[i-1] ≤ v < Limits[i].
	Limits []float64
	// Min and Max are the smallest and largest value classified; the
	// legend of whole numbers starts and ends with them.
	Min, Max float64
	// Integer says every value is a whole number, so a class is labelled
	// by the whole numbers in it ("1–5", "6–20") rather than by its limits.
	Integer bool
	// Zero says the class that holds 0 holds no other value: it is drawn
	// in ZeroFill and labelled "0".
	Zero bool
	// Method is how the limits were chosen; Fixed says they were given.
	Method Method
	Fixed  bool
}

// NewScale classifies the values of one or more maps together into at
// most k classes (1 to 7) by method:
//
//   - Values that are all positive get the classes of Breaks.
//   - When some values are 0 and none negative, 0 is a class of its own
//     (a municipality with no cooperation is not "under 1"), and the
//     positive values get at most min(k, 5) classes above it.
//   - When there are values on both sides of 0 (a change), 0 is a limit:
//     the negative values get about their share of the k classes (at least
//     one, at most four), the positive ones the rest (at most five), and
//     zeros, if any, a class of their own between them; the negative
//     classes are drawn in Oranges, the others in Blues.
//
// Non-finite values are ignored. k outside 1 to 7 is taken as 5.
// O(n log n) for n values (Breaks).
func NewScale(k int, method Method, values ...map[string]float64) Scale {
	if k < 1 || k > len(Blues) {
		k = 5
	}
	var neg, pos []float64
	zeros := 0
	s := Scale{Method: method, Integer: true, Min: math.Inf(1), Max: math.Inf(-1)}
	for _, m := range values {
		for _, v := range m {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			s.Min, s.Max = math.Min(s.Min, v), math.Max(s.Max, v)
			if v != math.Trunc(v) {
				s.Integer = false
			}
			switch {
			case v < 0:
				neg = append(neg, v)
			case v > 0:
				pos = append(pos, v)
			default:
				zeros++
			}
		}
	}
	if zeros+len(neg)+len(pos) == 0 {
		s.Min, s.Max = 0, 0
		return s
	}
	switch {
	case len(neg) > 0 && (len(pos) > 0 || zeros > 0):
		nNeg := k
		if len(pos) > 0 {
			nNeg = int(math.Round(float64(k) * float64(len(neg)) / float64(len(neg)+len(pos))))
			nNeg = max(1, min(nNeg, k-1))
		}
		nNeg = min(nNeg, len(Oranges))
		s.Limits = append(Breaks(neg, nNeg, method), 0)
		if len(pos) > 0 {
			if zeros > 0 {
				s.Limits = append(s.Limits, slices.Min(pos))
				s.Zero = true
			}
			s.Limits = append(s.Limits, Breaks(pos, min(k-nNeg, maxZeroClasses), method)...)
		} else {
			s.Zero = true // the last class, [0, Max]
		}
	case zeros > 0 && len(pos) > 0:
		s.Zero = true
		s.Limits = append([]float64{slices.Min(pos)}, Breaks(pos, min(k, maxZeroClasses), method)...)
	case len(neg) > 0:
		s.Limits = Breaks(neg, min(k, len(Oranges)), method)
	default:
		s.Limits = Breaks(pos, k, method)
	}
	return s
}

// FixedScale classifies values by the given ascending limits, as
// Options.Limits does: when some values are 0, none negative and the
// first limit lies above 0, the zeros get a class of their own, the
// smallest positive value becoming a limit (so the limits 1, 2, 5 on
// counts give the classes 0, 1, 2–4 and 5 and over).
func FixedScale(limits []float64, values ...map[string]float64) Scale {
	s := NewScale(1, Quantile, values...)
	s.Fixed, s.Zero = true, false
	s.Limits = slices.Clone(limits)
	if s.Min == 0 && s.Max > 0 && len(limits) > 0 && limits[0] > 0 {
		minPos := math.Inf(1)
		for _, m := range values {
			for _, v := range m {
				if v > 0 {
					minPos = math.Min(minPos, v)
				}
			}
		}
		var l []float64
		if minPos < limits[0] {
			l = append(l, minPos)
		}
		s.Limits = append(l, limits...)
		s.Zero = true
	}
	return s
}

// classKind is how a class is coloured.
type classKind int

const (
	classPos  classKind = iota // Blues
	classNeg                   // Oranges
	classZero                  // ZeroFill: only zeros, or spanning zero
)

// kinds returns the kind of each of the scale's classes.
func (s *Scale) kinds() []classKind {
	n := len(s.Limits) + 1
	out := make([]classKind, n)
	zi := -1
	if s.Zero {
		zi = Classify(0, s.Limits)
	}
	for i := range out {
		lo := s.Min
		if i > 0 {
			lo = s.Limits[i-1]
		}
		hiBelowZero := s.Max < 0
		if i < n-1 {
			hiBelowZero = s.Limits[i] <= 0
		}
		switch {
		case i == zi:
			out[i] = classZero
		case hiBelowZero:
			out[i] = classNeg
		case lo >= 0:
			out[i] = classPos
		default:
			out[i] = classZero
		}
	}
	return out
}

// colours returns the default colours of the scale's classes, or false if
// there are more classes on one side of zero than its palette has.
func (s *Scale) colours() ([]string, bool) {
	kinds := s.kinds()
	nNeg, nPos := 0, 0
	for _, k := range kinds {
		switch k {
		case classNeg:
			nNeg++
		case classPos:
			nPos++
		}
	}
	hasZero := slices.Contains(kinds, classZero)
	if nNeg > len(Oranges) || nPos > len(Blues) || (hasZero && nPos > maxZeroClasses) {
		return nil, false
	}
	out := make([]string, len(kinds))
	neg, pos := 0, 0
	for i, k := range kinds {
		switch k {
		case classNeg:
			// The most negative class comes first and is the darkest.
			out[i] = Oranges[nNeg-1][nNeg-1-neg]
			neg++
		case classPos:
			out[i] = Blues[nPos-1][pos]
			pos++
		default:
			out[i] = ZeroFill
		}
	}
	return out, true
}

// classRange returns the values of whole-number class i: from lo to hi.
func (s *Scale) classRange(i int) (lo, hi float64) {
	n := len(s.Limits) + 1
	lo, hi = s.Min, s.Max
	if i > 0 {
		lo = math.Ceil(s.Limits[i-1])
	}
	if i < n-1 {
		hi = math.Ceil(s.Limits[i]) - 1
	}
	return lo, hi
}
