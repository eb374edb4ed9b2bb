// Package pattern measures how municipalities cooperate, from the
// cooperations of the registry: per municipality the number of
// cooperations, its distinct partners and an index of how concentrated its
// cooperation is on one stable set of partners (faste partnere) rather than
// spread over changing ones ("shopping"); per county the communities of
// municipalities that cooperate with each other, found by modularity
// (Louvain) on the cooperation graph. The formulas, their ranges and edge
// cases are in docs/cooperation-patterns.md.
//
// The package computes; it reads no store. Which cooperations count (those
// running on a day, the shipped examples or not) is the caller's choice.
package pattern

import (
	"cmp"
	"slices"

	"generalist"
)

// Input is what the patterns are computed from.
type Input struct {
	// Cooperations are the cooperations to count, as chosen by the
	// caller. Counties (two-digit participants) are left out of every
	// partner set and of the graph; a cooperation with fewer than two
	// municipalities is not counted (Result.LeftOut).
	Cooperations []generalist.IMC
	// Municipalities and Counties name the participants and place each
	// municipality in its county (the 2024 structure). A participant
	// missing from Municipalities keeps its number as its name and the
	// county of its number.
	Municipalities []generalist.Municipality
	Counties       []generalist.County
}

// Result holds the patterns of every municipality that takes part in a
// counted cooperation, and the communities of every county that has one.
type Result struct {
	// Cooperations counts the cooperations counted: those with at least
	// two municipalities. LeftOut counts those left out because they
	// have fewer (a municipality with a county, say).
	Cooperations int `json:"cooperations"`
	LeftOut      int `json:"left_out"`
	// Municipalities are those taking part in at least one counted
	// cooperation, by number. A municipality in none has no row.
	Municipalities []Municipality `json:"municipalities"`
	// Regions are the counties with at least one such municipality, by
	// number.
	Regions []Region `json:"regions"`
	// Seed, Runs and Resolution are the community detection's first
	// fixed random seed, its number of runs per county (the best kept)
	// and its modularity resolution (γ).
	Seed       uint64  `json:"seed"`
	Runs       int     `json:"runs"`
	Resolution float64 `json:"resolution"`
}

// Municipality is the cooperation pattern of one municipality.
type Municipality struct {
	Number string `json:"number"`
	Name   string `json:"name"`
	County string `json:"county"`
	// Cooperations counts the counted cooperations it takes part in, and
	// Partners the distinct other municipalities in them.
	Cooperations int `json:"cooperations"`
	Partners     int `json:"partners"`
	// Index is the fixed-partner index (Index): the mean Jaccard
	// similarity of the partner sets of each pair of its cooperations,
	// from 0 (no two share a partner: "shopping") to 1 (always the same
	// partners). Nil (JSON null, "no data") with fewer than two
	// cooperations, where it cannot be computed: never 0.
	Index *float64 `json:"index"`
	// Pairs is the number of pairs of cooperations averaged,
	// n(n−1)/2.
	Pairs int `json:"pairs"`
}

// Index is the fixed-partner index of a municipality whose cooperations
// have the partner sets sets (the other municipalities of each): the mean,
// over every pair k < l, of the Jaccard similarity |P_k ∩ P_l| / |P_k ∪
// P_l|. ok is false with fewer than two sets, where it is undefined. An
// empty set in a pair whose union is empty counts as similarity 1 (two
// cooperations with no partner share all they have); Compute never passes
// one.
func Index(sets []map[string]bool) (index float64, ok bool) {
	n := len(sets)
	if n < 2 {
		return 0, false
	}
	var sum float64
	for k := 0; k < n; k++ {
		for l := k + 1; l < n; l++ {
			sum += jaccard(sets[k], sets[l])
		}
	}
	return sum / float64(n*(n-1)/2), true
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for x := range a {
		if b[x] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 1
	}
	return float64(inter) / float64(union)
}

// Compute counts the cooperations of in per municipality, computes each
// municipality's index and finds the communities of each county.
func Compute(in Input) *Result {
	names := map[string]string{}
	county := map[string]string{}
	for _, m := range in.Municipalities {
		names[string(m.Number)] = m.ShortName
		if names[string(m.Number)] == "" {
			names[string(m.Number)] = m.Name
		}
		county[string(m.Number)] = string(m.County)
	}
	countyName := map[string]string{}
	for _, c := range in.Counties {
		countyName[string(c.Number)] = c.Name
	}
	res := &Result{Municipalities: []Municipality{}, Regions: []Region{}, Seed: Seed, Runs: Runs, Resolution: Resolution}
	sets := map[string][]map[string]bool{} // each municipality's partner sets
	shared := map[[2]string]int{}          // cooperations shared by a pair (lower number first)
	for i := range in.Cooperations {
		var ms []string
		for _, p := range in.Cooperations[i].Participants {
			if !p.County() && !slices.Contains(ms, p.Number) {
				ms = append(ms, p.Number)
			}
		}
		if len(ms) < 2 {
			res.LeftOut++
			continue
		}
		res.Cooperations++
		slices.Sort(ms)
		for a, m := range ms {
			set := make(map[string]bool, len(ms)-1)
			for b, o := range ms {
				if b != a {
					set[o] = true
				}
				if b > a {
					shared[[2]string{m, o}]++
				}
			}
			sets[m] = append(sets[m], set)
		}
	}
	for number, ss := range sets {
		m := Municipality{Number: number, Name: names[number], County: county[number], Cooperations: len(ss), Pairs: len(ss) * (len(ss) - 1) / 2}
		if m.Name == "" {
			m.Name = number
		}
		if m.County == "" && len(number) == 4 {
			m.County = number[:2]
		}
		partners := map[string]bool{}
		for _, s := range ss {
			for p := range s {
				partners[p] = true
			}
		}
		m.Partners = len(partners)
		if v, ok := Index(ss); ok {
			m.Index = &v
		}
		res.Municipalities = append(res.Municipalities, m)
	}
	slices.SortFunc(res.Municipalities, func(a, b Municipality) int { return cmp.Compare(a.Number, b.Number) })
	res.Regions = regions(res.Municipalities, shared, countyName)
	return res
}
