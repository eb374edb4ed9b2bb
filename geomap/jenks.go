package geomap

// jenks returns the limits of the optimal split of sorted (ascending, at
// least two distinct values) into at most k classes by Fisher's (1958)
// dynamic programme; see Breaks for the method and its sources.
//
// The programme runs on the m distinct values x₀ < … < x_{m−1} with weights
// w (their counts). With prefix sums of w, w·x and w·x² the squared
// deviation of any run xᵢ … x_{j−1} about its mean is O(1):
//
//	ssd(i, j) = Q(j)−Q(i) − (S(j)−S(i))² / (W(j)−W(i))
//
// and cost(c, j), the least total for the first j values in c classes,
// is min over i of cost(c−1, i) + ssd(i, j). Values are centred on their
// mean first so the sums of squares lose as little precision as possible.
func jenks(sorted []float64, k int) []float64 {
	// Distinct values and their counts.
	var xs, ws []float64
	for i, v := range sorted {
		if i > 0 && v == sorted[i-1] {
			ws[len(ws)-1]++
			continue
		}
		xs = append(xs, v)
		ws = append(ws, 1)
	}
	m := len(xs)
	if m <= k {
		return append([]float64(nil), xs[1:]...)
	}
	var mean float64
	for _, v := range sorted {
		mean += v
	}
	mean /= float64(len(sorted))

	W := make([]float64, m+1)
	S := make([]float64, m+1)
	Q := make([]float64, m+1)
	for i, x := range xs {
		d := x - mean
		W[i+1] = W[i] + ws[i]
		S[i+1] = S[i] + ws[i]*d
		Q[i+1] = Q[i] + ws[i]*d*d
	}
	ssd := func(i, j int) float64 {
		s := S[j] - S[i]
		v := Q[j] - Q[i] - s*s/(W[j]-W[i])
		if v < 0 { // rounding
			return 0
		}
		return v
	}

	// prev[j] = cost(c−1, j); from[c][j] is the start of the last class in
	// the best split of the first j values into c+1 classes.
	prev := make([]float64, m+1)
	cur := make([]float64, m+1)
	for j := 1; j <= m; j++ {
		prev[j] = ssd(0, j)
	}
	from := make([][]int32, k)
	for c := 1; c < k; c++ {
		from[c] = make([]int32, m+1)
		// The first j values in c+1 classes need j ≥ c+1, and the rest
		// m−j values must fill k−1−c classes.
		for j := c + 1; j <= m-(k-1-c); j++ {
			best, arg := -1.0, 0
			for i := c; i < j; i++ {
				if v := prev[i] + ssd(i, j); best < 0 || v < best {
					best, arg = v, i
				}
			}
			cur[j] = best
			from[c][j] = int32(arg)
		}
		prev, cur = cur, prev
	}
	limits := make([]float64, k-1)
	j := m
	for c := k - 1; c >= 1; c-- {
		i := int(from[c][j])
		limits[c-1] = xs[i]
		j = i
	}
	return limits
}
