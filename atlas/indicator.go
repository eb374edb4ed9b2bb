package atlas

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"generalist"
)

// IndicatorStore is what the functions for user-imported indicators need of
// a store: the reference data (municipalities and change mappings) and the
// indicators. *sqlite.DB is one.
type IndicatorStore interface {
	generalist.AtlasStore
	generalist.IndicatorStore
}

// AssignedIndicator is an indicator file's values placed on one structure.
type AssignedIndicator struct {
	Structure generalist.Structure
	Values    []generalist.IndicatorValue
	// Dropped lists values without data whose municipality does not exist
	// in Structure but does in another ("1507 2024"): SSB lists abolished
	// and future codes with ".." for the years they do not exist.
	Dropped []string
	// NoData counts the other values without data. ImportIndicator leaves
	// them out of the store, where a municipality without a value reads
	// as no data, never 0.
	NoData int
}

// AssignIndicatorStructure decides which structure an indicator file's
// values belong to; the file itself gives only municipality numbers. With
// want set, every value must fit it. Otherwise the structure in force for
// the file's latest year is tried first, then the others from the newest,
// and the first that has every municipality with a value wins.
//
// A number that is a municipality in no structure is an error naming it,
// and so is a file that no single structure fits ("mixed structures", such
// as a series across the 2024 Ålesund split), naming examples of what each
// structure lacks: an indicator lives on one structure, so such a file
// must be split.
func AssignIndicatorStructure(ctx context.Context, store generalist.AtlasStore, values []generalist.IndicatorValue, want generalist.Structure) (*AssignedIndicator, error) {
	if want != 0 {
		if err := want.Validate(); err != nil {
			return nil, err
		}
	}
	known, err := structureSets(ctx, store)
	if err != nil {
		return nil, err
	}
	latest := 0
	nums := make([]generalist.MunicipalityNumber, len(values))
	for i, v := range values {
		latest = max(latest, v.Year)
		nums[i] = v.Municipality
	}
	if err := checkRegions(known, nums, nil); err != nil {
		return nil, err
	}
	// lacks returns, in file order and without repeats, the numbers with
	// data that s does not have.
	lacks := func(s generalist.Structure) []string {
		var out []string
		seen := map[generalist.MunicipalityNumber]bool{}
		for _, v := range values {
			if v.Known && !known[s][v.Municipality] && !seen[v.Municipality] {
				seen[v.Municipality] = true
				out = append(out, string(v.Municipality))
			}
		}
		return out
	}
	examples := func(nums []string) string {
		if len(nums) > 3 {
			return fmt.Sprintf("%s and %d more", strings.Join(nums[:3], ", "), len(nums)-3)
		}
		return strings.Join(nums, ", ")
	}

	var s generalist.Structure
	if want != 0 {
		if miss := lacks(want); len(miss) > 0 {
			return nil, generalist.Errorf(generalist.EINVALID,
				"not a municipality of the %d structure: %s; give the structure the file's numbers belong to, or leave --structure out", want, examples(miss))
		}
		s = want
	} else {
		var order []generalist.Structure
		if in, ok := generalist.StructureForYear(latest); ok {
			order = append(order, in)
		}
		for _, x := range slices.Backward(generalist.Structures) {
			if !slices.Contains(order, x) {
				order = append(order, x)
			}
		}
		var why []string
		for _, x := range order {
			miss := lacks(x)
			if len(miss) == 0 {
				s = x
				break
			}
			why = append(why, fmt.Sprintf("the %d structure lacks %s", x, examples(miss)))
		}
		if s == 0 {
			return nil, generalist.Errorf(generalist.EINVALID,
				"mixed structures: no single structure has every municipality in the file (%s); an indicator is recorded on one structure, so split the file where the structure changes",
				strings.Join(why, "; "))
		}
	}

	out := &AssignedIndicator{Structure: s, Values: make([]generalist.IndicatorValue, 0, len(values))}
	for _, v := range values {
		if !known[s][v.Municipality] {
			out.Dropped = append(out.Dropped, fmt.Sprintf("%s %d", v.Municipality, v.Year))
			continue
		}
		if !v.Known {
			out.NoData++
		}
		out.Values = append(out.Values, v)
	}
	return out, nil
}

// ImportIndicator places an indicator file's values on a structure (the
// one ind names, or the one AssignIndicatorStructure finds when
// ind.Structure is 0) and stores them, as the CLI and the web do. It sets
// ind.Structure, and the store sets ind.Years and ind.CreatedAt. Values
// without data are not stored (they are counted in NoData), and a file with
// no known value is an error. An id of
// a built-in indicator (population, …) is refused, so that the two kinds
// can share one namespace in URLs. Errors are as for
// generalist.IndicatorStore.ImportIndicator.
func ImportIndicator(ctx context.Context, store IndicatorStore, ind *generalist.Indicator, values []generalist.IndicatorValue, replace bool) (*AssignedIndicator, error) {
	if _, builtin := IndicatorByID(ind.ID); builtin {
		return nil, generalist.Errorf(generalist.EINVALID, "indicator id %q is the id of a built-in indicator; choose another", ind.ID)
	}
	a, err := AssignIndicatorStructure(ctx, store, values, ind.Structure)
	if err != nil {
		return nil, err
	}
	// Values without data are not stored: the store reads a municipality
	// without a value as no data, and a year with no value at all is no
	// year of the indicator.
	stored := slices.DeleteFunc(a.Values, func(v generalist.IndicatorValue) bool { return !v.Known })
	if len(stored) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID,
			"indicator %s: nothing to import: the file has no value for any municipality (%d without data, %d for numbers not in the %d structure)",
			ind.ID, a.NoData, len(a.Dropped), a.Structure)
	}
	a.Values = stored
	ind.Structure = a.Structure
	if err := store.ImportIndicator(ctx, ind, a.Values, replace); err != nil {
		return nil, err
	}
	return a, nil
}

// IndicatorLayer is one year of an indicator on a structure: one value per
// municipality, as a map or a comparison needs it.
type IndicatorLayer struct {
	Indicator generalist.Indicator `json:"indicator"`
	Structure generalist.Structure `json:"structure"`
	Year      int                  `json:"year"`
	// Values has one entry per municipality of Structure, by number;
	// Known is false, with a Note saying why, where there is no value.
	Values []generalist.IndicatorValue `json:"values"`
	// CarriedFrom is the structure the indicator is recorded on when its
	// values had to be carried over the structure changes; 0 when it is
	// recorded on Structure itself.
	CarriedFrom generalist.Structure `json:"carried_from,omitempty"`
}

// Known returns the number of municipalities with a value.
func (l *IndicatorLayer) Known() int {
	n := 0
	for _, v := range l.Values {
		if v.Known {
			n++
		}
	}
	return n
}

// AsIndicator returns the layer in the form of the built-in indicators,
// whose Value looks a row's municipality up in the layer, so that maps,
// comparisons and Analyse can take a user indicator as they take the
// built-in ones. The rows given to Value must be of the layer's structure
// (their year is not looked at: the layer is for l.Year). Names and units
// are the same in both languages; Decimals is the fewest (up to 3) that
// show every value exactly.
func (l *IndicatorLayer) AsIndicator() Indicator {
	by := make(map[generalist.MunicipalityNumber]float64, len(l.Values))
	for _, v := range l.Values {
		if v.Known {
			by[v.Municipality] = v.Value
		}
	}
	ind := l.Indicator
	return Indicator{
		ID: ind.ID, NB: ind.Name, EN: ind.Name, UnitNB: ind.Unit, UnitEN: ind.Unit,
		Source: ind.Source, Caveat: ind.Description, Decimals: decimals(by),
		Value: func(r *Row) (float64, bool) {
			v, ok := by[r.Number]
			return v, ok
		},
	}
}

// decimals returns the fewest decimals, up to 3, that show every value
// exactly.
func decimals(values map[generalist.MunicipalityNumber]float64) int {
	for d := 0; d < 3; d++ {
		scale := math.Pow10(d)
		exact := true
		for _, v := range values {
			if x := v * scale; math.Abs(x-math.Round(x)) > 1e-9*math.Max(1, math.Abs(x)) {
				exact = false
				break
			}
		}
		if exact {
			return d
		}
	}
	return 3
}

// IndicatorOn returns the values of indicator id for year on structure s,
// one per municipality of s; year 0 means the indicator's latest year.
//
// Values recorded on s are used as they are; municipalities the file left
// out have no data (NoteMissing). Values recorded on another structure are
// carried over the change mappings by [generalist.Mapping.CarryIndicator]:
// a municipality that stayed whole (unchanged or renumbered, such as the
// Viken municipalities in 2024) keeps its value; where a merge or a split
// lies between the structures, additive values are summed as counts are
// (a split still gives no data), and other values — rates, scores,
// grades — give no data, with a note saying why.
//
// ENOTFOUND if there is no such indicator or it has no values for year.
func IndicatorOn(ctx context.Context, store IndicatorStore, id string, s generalist.Structure, year int) (*IndicatorLayer, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	ind, err := store.Indicator(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(ind.Years) == 0 {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "indicator %s has no values", id)
	}
	if year == 0 {
		year = ind.Years[len(ind.Years)-1]
	}
	if !slices.Contains(ind.Years, year) {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "indicator %s has no values for %d (it has %s)", id, year, yearSpan(ind.Years))
	}
	stored, err := store.IndicatorValues(ctx, id, year)
	if err != nil {
		return nil, err
	}
	ms, err := store.Municipalities(ctx, ind.Structure)
	if err != nil {
		return nil, err
	}
	values := perMunicipality(ms, stored, func(v generalist.IndicatorValue) generalist.MunicipalityNumber { return v.Municipality },
		func(n generalist.MunicipalityNumber) generalist.IndicatorValue {
			return generalist.IndicatorValue{Indicator: id, Municipality: n, Year: year, Note: generalist.NoteMissing}
		})
	l := &IndicatorLayer{Indicator: *ind, Structure: s, Year: year, Values: values}
	if s != ind.Structure {
		m, err := path(ctx, store, ind.Structure, s)
		if err != nil {
			return nil, err
		}
		if l.Values, err = m.CarryIndicator(values, ind.Additive); err != nil {
			return nil, err
		}
		l.CarriedFrom = ind.Structure
	}
	return l, nil
}

// yearSpan writes years as "2021–2024" when they are consecutive, else as
// a list.
func yearSpan(years []int) string {
	if len(years) == 0 {
		return "no years"
	}
	if len(years) > 1 && years[len(years)-1]-years[0] == len(years)-1 {
		return fmt.Sprintf("%d–%d", years[0], years[len(years)-1])
	}
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = fmt.Sprint(y)
	}
	return strings.Join(parts, ", ")
}
