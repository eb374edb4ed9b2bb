package atlas

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"generalist"
)

// Assigned is an import with a structure given to every record.
type Assigned struct {
	Populations []generalist.Population
	SingleAges  []generalist.SingleAge
	Structures  []generalist.Structure // the structures the records went to
	// Dropped lists records without data whose municipality does not exist
	// in the structure chosen (SSB lists abolished codes with ".." for
	// later years).
	Dropped []string
	// NoData counts the other records without data (Missing): they are
	// left out, so that the store keeps what it has and a missing value
	// never becomes 0.
	NoData int
}

// structureSets returns the municipality numbers of every structure.
func structureSets(ctx context.Context, store generalist.AtlasStore) (map[generalist.Structure]map[generalist.MunicipalityNumber]bool, error) {
	known := map[generalist.Structure]map[generalist.MunicipalityNumber]bool{}
	for _, s := range generalist.Structures {
		ms, err := store.Municipalities(ctx, s)
		if err != nil {
			return nil, err
		}
		known[s] = make(map[generalist.MunicipalityNumber]bool, len(ms))
		for _, m := range ms {
			known[s][m.Number] = true
		}
	}
	return known, nil
}

// CheckRegions applies the last part of the region rule (see
// generalist.ClassifyRegion) to the municipality numbers of a file: a
// number that is a municipality in none of the structures refuses the
// import, with generalist.UnknownMunicipality naming it and, from places,
// where the file has it. Of several, the lowest number is named.
func CheckRegions(ctx context.Context, store generalist.AtlasStore, nums []generalist.MunicipalityNumber, places map[generalist.MunicipalityNumber]string) error {
	known, err := structureSets(ctx, store)
	if err != nil {
		return err
	}
	return checkRegions(known, nums, places)
}

func checkRegions(known map[generalist.Structure]map[generalist.MunicipalityNumber]bool, nums []generalist.MunicipalityNumber, places map[generalist.MunicipalityNumber]string) error {
	var bad []generalist.MunicipalityNumber
	for _, n := range nums {
		if !slices.ContainsFunc(generalist.Structures, func(s generalist.Structure) bool { return known[s][n] }) {
			bad = append(bad, n)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	n := slices.Min(bad)
	return generalist.UnknownMunicipality(n, places[n])
}

// AssignStructure decides which structure each imported record belongs to.
// SSB tables carry no structure, only region codes. With want set, every
// record goes to it. Otherwise the structure in force for the latest year
// is tried first, then the others, and the first that knows every code with
// data wins; if none does, each record goes to the structure in force on
// its own date. A record with data whose code is not in its structure is an
// error naming it, and so is a number that is a municipality in no
// structure, with or without data (the region rule, CheckRegions).
//
// Records without data (Missing) are left out and counted in NoData: the
// store keeps what it has for them, and a file whose every record lacks
// data is an error, since there is nothing to import.
func AssignStructure(ctx context.Context, store generalist.AtlasStore, pops []generalist.Population, ages []generalist.SingleAge, want generalist.Structure) (*Assigned, error) {
	known, err := structureSets(ctx, store)
	if err != nil {
		return nil, err
	}
	nums := make([]generalist.MunicipalityNumber, 0, len(pops)+len(ages))
	for _, p := range pops {
		nums = append(nums, p.Municipality)
	}
	for _, a := range ages {
		nums = append(nums, a.Municipality)
	}
	if err := checkRegions(known, nums, nil); err != nil {
		return nil, err
	}
	latest := 0
	for _, p := range pops {
		latest = max(latest, p.Year)
	}
	for _, a := range ages {
		latest = max(latest, a.Year)
	}
	var order []generalist.Structure
	if want != 0 {
		if err := want.Validate(); err != nil {
			return nil, err
		}
		order = []generalist.Structure{want}
	} else {
		if s, ok := generalist.StructureForYear(latest); ok {
			order = append(order, s)
		}
		for i := len(generalist.Structures) - 1; i >= 0; i-- {
			if s := generalist.Structures[i]; len(order) == 0 || s != order[0] {
				order = append(order, s)
			}
		}
	}
	fits := func(s generalist.Structure) bool {
		for _, p := range pops {
			if !p.Missing && !known[s][p.Municipality] {
				return false
			}
		}
		for _, a := range ages {
			if !known[s][a.Municipality] {
				return false
			}
		}
		return true
	}
	var fixed generalist.Structure
	for _, s := range order {
		if fits(s) {
			fixed = s
			break
		}
	}
	if fixed == 0 {
		fixed = want // 0 unless the user insisted; then errors name the misfits
	}
	pick := func(year int) generalist.Structure {
		if fixed != 0 {
			return fixed
		}
		if s, ok := generalist.StructureForYear(year); ok {
			return s
		}
		return generalist.Structure2024 // older years exist only as series on today's structure
	}

	out := &Assigned{}
	used := map[generalist.Structure]bool{}
	for _, p := range pops {
		s := pick(p.Year)
		if !known[s][p.Municipality] {
			if p.Missing {
				out.Dropped = append(out.Dropped, fmt.Sprintf("%s 1.1.%d", p.Municipality, p.Year))
				continue
			}
			return nil, generalist.Errorf(generalist.EINVALID,
				"kommune %s (1.1.%d) is not a municipality of the %d structure; give --structure if the file uses another one", p.Municipality, p.Year, s)
		}
		if p.Missing {
			out.NoData++
			continue
		}
		p.Structure = s
		used[s] = true
		out.Populations = append(out.Populations, p)
	}
	for _, a := range ages {
		s := pick(a.Year)
		if !known[s][a.Municipality] {
			return nil, generalist.Errorf(generalist.EINVALID,
				"kommune %s (1.1.%d, age %d) is not a municipality of the %d structure", a.Municipality, a.Year, a.Age, s)
		}
		a.Structure = s
		used[s] = true
		out.SingleAges = append(out.SingleAges, a)
	}
	if len(out.Populations) == 0 && len(out.SingleAges) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID,
			"nothing to import: the file has no value for any municipality (%d without data, %d for numbers not in the structure)", out.NoData, len(out.Dropped))
	}
	for s := range used {
		out.Structures = append(out.Structures, s)
	}
	sort.Slice(out.Structures, func(i, j int) bool { return out.Structures[i] < out.Structures[j] })
	return out, nil
}

// Summary describes an assigned import in one line for the CLI.
func (a *Assigned) Summary() string {
	years := map[int]bool{}
	for _, p := range a.Populations {
		years[p.Year] = true
	}
	ys := make([]int, 0, len(years))
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	var ss []string
	for _, s := range a.Structures {
		ss = append(ss, s.String())
	}
	span := "no years"
	if len(ys) > 0 {
		span = fmt.Sprintf("1 January %d", ys[0])
		if len(ys) > 1 {
			span = fmt.Sprintf("1 January %d–%d", ys[0], ys[len(ys)-1])
		}
	}
	return fmt.Sprintf("%d population records and %d single-age counts, %s, structure %s",
		len(a.Populations), len(a.SingleAges), span, strings.Join(ss, ", "))
}
