// Package atlas answers questions about the municipal system from a store:
// population on any structure for any year with data (carrying series across
// structure changes where needed), the structure table, and the Nordic
// comparison. It holds no state of its own and works on any
// generalist.AtlasStore.
package atlas

import (
	"context"
	"fmt"

	"generalist"
	"generalist/stats"
)

// Counts is the population of every municipality of a structure on 1
// January of a year.
type Counts struct {
	Structure generalist.Structure `json:"structure"`
	Year      int                  `json:"year"`
	Values    []generalist.Count   `json:"values"`
	// CarriedFrom is the structure the data was recorded on when it had
	// to be carried over the structure changes; 0 when it was recorded on
	// Structure itself.
	CarriedFrom generalist.Structure `json:"carried_from,omitempty"`
}

// Population returns the population of every municipality of s on 1
// January of year. Data recorded on s is used as it is; otherwise data
// recorded on another structure is carried over the change mappings, the
// structure in force that year first. A municipality without data — absent
// from the source, or made unknown by a split — has Known false.
// ENOTFOUND when no structure has data for the year.
func Population(ctx context.Context, store generalist.AtlasStore, s generalist.Structure, year int) (*Counts, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	src, pops, err := recorded(ctx, store, s, year)
	if err != nil {
		return nil, err
	}
	if src == s {
		ms, err := store.Municipalities(ctx, s)
		if err != nil {
			return nil, err
		}
		return &Counts{Structure: s, Year: year, Values: complete(ms, pops)}, nil
	}
	m, srcMs, err := carrier(ctx, store, src, s)
	if err != nil {
		return nil, err
	}
	values, err := m.Carry(complete(srcMs, pops))
	if err != nil {
		return nil, err
	}
	return &Counts{Structure: s, Year: year, Values: values, CarriedFrom: src}, nil
}

// LatestYear returns the latest year with population data recorded on s.
func LatestYear(ctx context.Context, store generalist.AtlasStore, s generalist.Structure) (int, error) {
	years, err := store.PopulationYears(ctx, s)
	if err != nil {
		return 0, err
	}
	if len(years) == 0 {
		return 0, generalist.Errorf(generalist.ENOTFOUND, "no population data on the %d structure", s)
	}
	return years[len(years)-1], nil
}

// complete returns one Count per municipality, unknown where pops has none.
func complete(ms []generalist.Municipality, pops []generalist.Population) []generalist.Count {
	counts := make([]generalist.Count, len(pops))
	for i := range pops {
		counts[i] = pops[i].Count()
	}
	return perMunicipality(ms, counts, func(c generalist.Count) generalist.MunicipalityNumber { return c.Municipality },
		func(n generalist.MunicipalityNumber) generalist.Count {
			return generalist.Count{Municipality: n, Note: generalist.NoteMissing}
		})
}

// perMunicipality returns one record per municipality of ms, in their
// order: the record of recs whose number is the municipality's (the last,
// if several), or missing(number) where there is none.
func perMunicipality[T any](ms []generalist.Municipality, recs []T, number func(T) generalist.MunicipalityNumber, missing func(generalist.MunicipalityNumber) T) []T {
	by := make(map[generalist.MunicipalityNumber]T, len(recs))
	for _, r := range recs {
		by[number(r)] = r
	}
	out := make([]T, len(ms))
	for i, m := range ms {
		r, ok := by[m.Number]
		if !ok {
			r = missing(m.Number)
		}
		out[i] = r
	}
	return out
}

// path returns the mapping from one structure to another, composing and
// reversing the stored consecutive mappings (2019→2020, 2020→2024).
func path(ctx context.Context, store generalist.AtlasStore, from, to generalist.Structure) (*generalist.Mapping, error) {
	order := generalist.Structures
	idx := func(s generalist.Structure) int {
		for i, x := range order {
			if x == s {
				return i
			}
		}
		return -1
	}
	i, j := idx(from), idx(to)
	if i < 0 || j < 0 || i == j {
		return nil, fmt.Errorf("atlas: no path from %d to %d", from, to)
	}
	lo, hi := min(i, j), max(i, j)
	var m *generalist.Mapping
	for k := lo; k < hi; k++ {
		step, err := store.Mapping(ctx, order[k], order[k+1])
		if err != nil {
			return nil, err
		}
		if m == nil {
			m = step
		} else if m, err = generalist.Compose(m, step); err != nil {
			return nil, err
		}
	}
	if i > j {
		m = m.Reverse()
	}
	return m, nil
}

// Table is the structure table of a structure and year.
type Table struct {
	Structure generalist.Structure `json:"structure"`
	Year      int                  `json:"year"`
	stats.Distribution
	CarriedFrom generalist.Structure `json:"carried_from,omitempty"`
	Source      string               `json:"source"`
}

// StructureTable computes the committee's table (count, inhabitants, mean,
// median, largest, smallest, number under the threshold) for a structure
// and year.
func StructureTable(ctx context.Context, store generalist.AtlasStore, s generalist.Structure, year int, under generalist.Persons) (*Table, error) {
	c, err := Population(ctx, store, s, year)
	if err != nil {
		return nil, err
	}
	ms, err := store.Municipalities(ctx, s)
	if err != nil {
		return nil, err
	}
	d, err := stats.Summarize(units(ms, c.Values), under)
	if err != nil {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no municipality of the %d structure has population data for 1 January %d", s, year)
	}
	return &Table{Structure: s, Year: year, Distribution: d, CarriedFrom: c.CarriedFrom, Source: PopulationSource}, nil
}

// PopulationSource is the attribution shown with population figures.
const PopulationSource = "Kilde: Statistisk sentralbyrå, tabell 07459 (folkemengde 1. januar)"

func units(ms []generalist.Municipality, values []generalist.Count) []stats.Unit {
	names := make(map[generalist.MunicipalityNumber]string, len(ms))
	for _, m := range ms {
		names[m.Number] = m.ShortName
	}
	out := make([]stats.Unit, len(values))
	for i, v := range values {
		out[i] = stats.Unit{Number: string(v.Municipality), Name: names[v.Municipality], Value: v.Value, Known: v.Known, Note: v.Note}
	}
	return out
}
