package analysis

import (
	"math"
	"slices"
)

// Group summarises the values of one group, such as one centrality
// class. Missing values (NaN) are counted in Missing and left out of
// every other figure.
type Group struct {
	Name    string
	N       int // values present
	Missing int // values missing (NaN)
	Mean    float64
	Median  float64 // the middle value, or the mean of the two middle ones
	Min     float64
	Max     float64
	// StdDev is the sample standard deviation, √(Σ(x−x̄)²/(N−1)).
	StdDev float64
}

// GroupMeans summarises values by group: values[i] belongs to
// groups[i]. Groups come in the order of [Dummies] (numbers in numeric
// order, then text), so "1"…"6" come out in class order whatever the
// order of the rows. For a group with no value present, Mean, Median,
// Min, Max and StdDev are NaN; for a group of one, StdDev is NaN.
//
// GroupMeans panics if values and groups differ in length, a programming
// error. It takes O(N log N) time.
func GroupMeans(values []float64, groups []string) []Group {
	if len(values) != len(groups) {
		panic("analysis: GroupMeans: values and groups differ in length")
	}
	members := map[string][]float64{}
	missing := map[string]int{}
	var names []string
	for i, g := range groups {
		if _, ok := members[g]; !ok {
			names = append(names, g)
			members[g] = nil
		}
		if math.IsNaN(values[i]) {
			missing[g]++
			continue
		}
		members[g] = append(members[g], values[i])
	}
	slices.SortFunc(names, compareLevels)
	out := make([]Group, len(names))
	for i, name := range names {
		out[i] = summarise(name, members[name], missing[name])
	}
	return out
}

func summarise(name string, vs []float64, missing int) Group {
	g := Group{Name: name, N: len(vs), Missing: missing}
	nan := math.NaN()
	if len(vs) == 0 {
		g.Mean, g.Median, g.Min, g.Max, g.StdDev = nan, nan, nan, nan, nan
		return g
	}
	slices.Sort(vs)
	g.Min, g.Max = vs[0], vs[len(vs)-1]
	if m := len(vs) / 2; len(vs)%2 == 1 {
		g.Median = vs[m]
	} else {
		g.Median = vs[m-1] + (vs[m]-vs[m-1])/2
	}
	// Two passes: the mean, then the squared deviations from it, which
	// is accurate where Σx² − n·x̄² would cancel (Chan, Golub and
	// LeVeque, "Algorithms for computing the sample variance", 1983).
	var sum float64
	for _, v := range vs {
		sum += v
	}
	g.Mean = sum / float64(len(vs))
	g.StdDev = nan
	if len(vs) > 1 {
		var ss, comp float64
		for _, v := range vs {
			d := v - g.Mean
			ss += d * d
			comp += d
		}
		// The corrected two-pass formula removes the rounding error
		// left in the mean.
		ss -= comp * comp / float64(len(vs))
		g.StdDev = math.Sqrt(ss / float64(len(vs)-1))
	}
	return g
}
