package atlas

import (
	"context"

	"generalist"
	"generalist/demography"
)

// Detailed returns a population record with age groups for every
// municipality of s on 1 January of year. Records recorded on s are used as
// they are; otherwise the total and each age group are carried from the
// structure that has the year (they are all counts, so sums are exact),
// and a municipality that a split makes unknown is Missing. Records without
// an age split in the source stay without one.
func Detailed(ctx context.Context, store generalist.AtlasStore, s generalist.Structure, year int) ([]generalist.Population, error) {
	ms, err := store.Municipalities(ctx, s)
	if err != nil {
		return nil, err
	}
	src, pops, err := recorded(ctx, store, s, year)
	if err != nil {
		return nil, err
	}
	if src == s {
		return perMunicipality(ms, pops, func(p generalist.Population) generalist.MunicipalityNumber { return p.Municipality },
			func(n generalist.MunicipalityNumber) generalist.Population {
				return generalist.Population{Structure: s, Year: year, Municipality: n, Missing: true, Note: generalist.NoteMissing}
			}), nil
	}
	mapping, srcMs, err := carrier(ctx, store, src, s)
	if err != nil {
		return nil, err
	}
	// Carry the total and, when every source record has them, each age group.
	withAges := len(pops) > 0
	for _, p := range pops {
		withAges = withAges && p.Ages != nil
	}
	components := 1
	if withAges {
		components += generalist.NumAgeGroups
	}
	carried := make([][]generalist.Count, components)
	for k := range components {
		vals := complete(srcMs, pops)
		if k > 0 {
			by := map[generalist.MunicipalityNumber]generalist.Persons{}
			for _, p := range pops {
				if !p.Missing {
					by[p.Municipality] = p.Ages[k-1]
				}
			}
			for i := range vals {
				vals[i].Value = by[vals[i].Municipality]
			}
		}
		if carried[k], err = mapping.Carry(vals); err != nil {
			return nil, err
		}
	}
	out := make([]generalist.Population, len(carried[0]))
	for i, c := range carried[0] {
		p := generalist.Population{Structure: s, Year: year, Municipality: c.Municipality, Total: c.Value}
		if !c.Known {
			p = generalist.Population{Structure: s, Year: year, Municipality: c.Municipality, Missing: true, Note: c.Note}
		} else if withAges {
			var a generalist.AgeCounts
			for g := range generalist.NumAgeGroups {
				a[g] = carried[g+1][i].Value
			}
			p.Ages = &a
		}
		out[i] = p
	}
	return out, nil
}

// carrier returns what carrying values recorded on src to s needs: the
// mapping from src to s and the municipalities of src.
func carrier(ctx context.Context, store generalist.AtlasStore, src, s generalist.Structure) (*generalist.Mapping, []generalist.Municipality, error) {
	mapping, err := path(ctx, store, src, s)
	if err != nil {
		return nil, nil, err
	}
	srcMs, err := store.Municipalities(ctx, src)
	if err != nil {
		return nil, nil, err
	}
	return mapping, srcMs, nil
}

// recorded finds the structure that has population records for year: s
// itself first, then the structure in force, then the others.
func recorded(ctx context.Context, store generalist.AtlasStore, s generalist.Structure, year int) (generalist.Structure, []generalist.Population, error) {
	candidates := []generalist.Structure{s}
	if inForce, ok := generalist.StructureForYear(year); ok {
		candidates = append(candidates, inForce)
	}
	candidates = append(candidates, generalist.Structures...)
	tried := map[generalist.Structure]bool{}
	for _, src := range candidates {
		if tried[src] {
			continue
		}
		tried[src] = true
		pops, err := store.Populations(ctx, generalist.PopulationFilter{Structure: src, Year: year})
		if err != nil {
			return 0, nil, err
		}
		if len(pops) > 0 {
			return src, pops, nil
		}
	}
	return 0, nil, generalist.Errorf(generalist.ENOTFOUND, "no population data for 1 January %d on any structure", year)
}

// Pressures computes the demographic pressure of every municipality of s
// from single-year ages on 1 January of year, carrying each age over the
// change mappings when the ages were recorded on another structure.
// Municipalities without data are left out; ENOTFOUND when no single ages
// exist for the year.
func Pressures(ctx context.Context, store generalist.AtlasStore, s generalist.Structure, year int) ([]demography.Pressure, error) {
	var src generalist.Structure
	var ages []generalist.SingleAge
	for _, cand := range append([]generalist.Structure{s}, generalist.Structures...) {
		a, err := store.SingleAges(ctx, cand, year)
		if err != nil {
			return nil, err
		}
		if len(a) > 0 {
			src, ages = cand, a
			break
		}
	}
	if ages == nil {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no single-year ages for 1 January %d", year)
	}
	byAge := map[generalist.MunicipalityNumber][]generalist.Persons{}
	for _, a := range ages {
		v := byAge[a.Municipality]
		if v == nil {
			v = make([]generalist.Persons, generalist.MaxAge+1)
			byAge[a.Municipality] = v
		}
		v[a.Age] = a.Persons
	}
	if src != s {
		mapping, srcMs, err := carrier(ctx, store, src, s)
		if err != nil {
			return nil, err
		}
		carried := map[generalist.MunicipalityNumber][]generalist.Persons{}
		for age := 0; age <= generalist.MaxAge; age++ {
			vals := make([]generalist.Count, len(srcMs))
			for i, m := range srcMs {
				v, ok := byAge[m.Number]
				vals[i] = generalist.Count{Municipality: m.Number, Known: ok, Note: generalist.NoteMissing}
				if ok {
					vals[i].Value = v[age]
				}
			}
			out, err := mapping.Carry(vals)
			if err != nil {
				return nil, err
			}
			for _, c := range out {
				if !c.Known {
					continue
				}
				v := carried[c.Municipality]
				if v == nil {
					v = make([]generalist.Persons, generalist.MaxAge+1)
					carried[c.Municipality] = v
				}
				v[age] = c.Value
			}
		}
		byAge = carried
	}
	ms, err := store.Municipalities(ctx, s)
	if err != nil {
		return nil, err
	}
	var out []demography.Pressure
	for _, m := range ms {
		v, ok := byAge[m.Number]
		if !ok {
			continue
		}
		p, err := demography.FromAges(m.Number, year, v)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
