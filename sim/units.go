package sim

import (
	"math"
	"slices"

	"generalist"
)

// unit is a unit being evaluated. What the assignment keeps per unit
// while it runs is in its own slices, by idx.
type unit struct {
	// *Unit is the unit's entry in the outcome (Outcome.Units), filled
	// in place.
	*Unit
	// total and ages are the unit's population (0 and nil when not
	// known). ages may be a member's own record, shared with the base and
	// never written, until a split part is added (own says it is the
	// unit's).
	total generalist.Persons
	ages  *generalist.AgeCounts
	// centre is the position of the centre municipality in the base,
	// which gives the unit's county, centroid and centrality class.
	centre int32
	idx    int32 // position in the unit list, which is in order of number
	known  bool
	own    bool
	// single says the unit is one municipality as the base has it (not
	// merged, no split part added), whose served populations are
	// prepared.
	single bool
	// merged says the unit is a merger of two or more municipalities;
	// mergedPop is its members' population (split parts aside), moved
	// that of the members other than the centre, farKm the longest
	// distance from a member's centroid to the centre's; popGap says a
	// member lacks its population and distGap its centroid, so that the
	// figures are not over all its inhabitants (distance.go).
	merged, popGap, distGap bool
	mergedPop, moved        generalist.Persons
	farKm                   float64
}

// buildUnits forms the units after mergers and splits, in order of
// number, and returns them with the unit of each base position (nil for a
// split municipality), and the outcome's units the former point to.
// Validate refuses every scenario it cannot form; it
// checks again what it relies on (each municipality it names is in the
// base, in one merger at most and not split, each merger's centre is a
// member, each split's parts go to a unit) so that a scenario that got
// past validation gives EINVALID naming the place, not a panic or an
// internal error. It also checks that every host of a differentiation is
// a unit, which the assignment relies on.
func buildUnits(in *Base, s *generalist.Scenario) ([]*unit, []*unit, []Unit, error) {
	prep := in.prepared()
	n := len(prep.munis)
	// role of each position: 0 alone, 1 split, 2 merged; merger is the
	// merger whose centre it is (-1 none).
	var role []int8
	var merger []int32
	count := n
	// Backing arrays of the merged units' members and age groups.
	var slabs mergeSlabs
	if len(s.Mergers) > 0 {
		total := 0
		for _, mg := range s.Mergers {
			total += len(mg.Members)
		}
		slabs.members = make([]generalist.MunicipalityNumber, 0, total)
		slabs.ages = make([]generalist.AgeCounts, len(s.Mergers))
	}
	if len(s.Mergers)+len(s.Splits) > 0 {
		role = make([]int8, n)
		merger = make([]int32, n)
		for k := range merger {
			merger[k] = -1
		}
	}
	for i, mg := range s.Mergers {
		if len(mg.Members) == 0 {
			return nil, nil, nil, generalist.Errorf(generalist.EINVALID, "mergers[%d] (%s): a merger needs at least two municipalities", i, mg.Name)
		}
		centre := mg.Centre
		if centre == "" {
			centre = slices.Min(mg.Members)
		}
		for j, m := range append(slices.Clip(mg.Members), mg.Centre) {
			if prep.at(m) < 0 && (m != "" || j < len(mg.Members)) {
				return nil, nil, nil, generalist.Errorf(generalist.EINVALID, "mergers[%d] (%s): kommune %s is not in the %d structure", i, mg.Name, m, in.Structure)
			}
		}
		for _, m := range mg.Members {
			k := prep.at(m)
			if role[k] != 0 {
				return nil, nil, nil, generalist.Errorf(generalist.EINVALID, "mergers[%d] (%s): kommune %s is in another merger too", i, mg.Name, m)
			}
			role[k] = 2
			count--
		}
		k := prep.at(centre)
		if !slices.Contains(mg.Members, centre) {
			return nil, nil, nil, generalist.Errorf(generalist.EINVALID, "mergers[%d] (%s): the centre %s is not a member", i, mg.Name, centre)
		}
		merger[k] = int32(i)
		count++
	}
	for i, sp := range s.Splits {
		for _, m := range append(slices.Clip(sp.Into), sp.From) {
			if prep.at(m) < 0 {
				return nil, nil, nil, generalist.Errorf(generalist.EINVALID, "splits[%d]: kommune %s is not in the %d structure", i, m, in.Structure)
			}
		}
		if len(sp.Shares) > 0 && len(sp.Shares) != len(sp.Into) {
			return nil, nil, nil, generalist.Errorf(generalist.EINVALID, "splits[%d]: give one share per part", i)
		}
		if k := prep.at(sp.From); role[k] != 1 {
			if role[k] == 2 {
				return nil, nil, nil, generalist.Errorf(generalist.EINVALID, "splits[%d]: kommune %s is split and also merged", i, sp.From)
			}
			role[k] = 1
			count--
		}
	}
	at := make([]*unit, n)
	slab := make([]unit, count)
	outs := make([]Unit, count)
	units := make([]*unit, count)
	var dist []float64
	if in.Graph != nil {
		dist = make([]float64, count)
	}
	i := 0
	for k := range prep.munis {
		m := &prep.munis[k]
		if role != nil && role[k] != 0 && merger[k] < 0 {
			continue // split, or merged into a unit centred elsewhere
		}
		if i == count {
			return nil, nil, nil, errNoUnits
		}
		u := &slab[i]
		u.Unit = &outs[i]
		switch {
		case role == nil || merger[k] < 0:
			// Members is a window on the base's numbers, capped so that a
			// split part appended copies it.
			u.Number, u.Name, u.Members = m.number, m.name, prep.numbers[k:k+1:k+1]
			u.known, u.single = m.known, true
			if m.known {
				u.total, u.ages = m.pop.Total, m.pop.Ages
			}
			at[k] = u
			if dist != nil && m.node {
				u.DistanceKm = &dist[i]
			}
		default:
			mergeUnit(prep, s.Mergers, merger[k], int32(k), u, role, at, dist, i, &slabs)
		}
		u.centre, u.idx = int32(k), int32(i)
		units[i] = u
		i++
	}
	if i != count {
		return nil, nil, nil, errNoUnits
	}
	for si, sp := range s.Splits {
		p := prep.munis[prep.at(sp.From)].pop
		if p == nil {
			p = &generalist.Population{Missing: true}
		}
		for i, into := range sp.Into {
			u := at[prep.at(into)]
			if u == nil {
				return nil, nil, nil, generalist.Errorf(generalist.EINVALID, "splits[%d]: kommune %s cannot receive a part of %s: it is split itself", si, into, sp.From)
			}
			u.single = false
			if p.Missing || len(sp.Shares) == 0 {
				u.known = false // no authoritative shares: no data
				continue
			}
			share := sp.Shares[i]
			u.total += generalist.Persons(math.Round(float64(p.Total) * share))
			if u.ages != nil && p.Ages != nil {
				if !u.own {
					a := *u.ages
					u.ages, u.own = &a, true
				}
				for g := range p.Ages {
					u.ages[g] += generalist.Persons(math.Round(float64(p.Ages[g]) * share))
				}
			} else {
				u.ages = nil
			}
			u.Members = append(u.Members, sp.From)
		}
	}
	for _, u := range units {
		u.Population.Municipality, u.Population.Known = u.Number, u.known
		switch {
		case !u.known:
			u.Population.Note = generalist.NoteSplitCarried
			u.total, u.ages = 0, nil
		case u.ages != nil && u.ages.Sum() != u.total:
			// Rounding of split shares can leave the age groups a person
			// off the total: the total wins and the groups are dropped
			// rather than adjusted.
			u.ages = nil
			fallthrough
		default:
			u.Population.Value = u.total
		}
	}
	for i, d := range s.Differentiated {
		if d.To == generalist.ToHost && unitAt(prep, at, d.Host) == nil {
			return nil, nil, nil, generalist.Errorf(generalist.EINVALID, "differentiation[%d] (%s): the host %s is no municipality after the scenario", i, d.Task, d.Host)
		}
	}
	return units, at, outs, nil
}

// errNoUnits is a scenario whose mergers form more or fewer units than
// they should, which Validate refuses before.
var errNoUnits = generalist.Errorf(generalist.EINVALID, "the scenario's mergers do not form units: check that every merger's centre is one of its members and no municipality is in two")

// mergeSlabs are the backing arrays of the merged units' members (each
// unit's a capped window, so appending a split part copies it) and age
// groups.
type mergeSlabs struct {
	members []generalist.MunicipalityNumber
	ages    []generalist.AgeCounts
}

// mergeUnit forms the unit of merger mi, centred on position centre, in
// u (the i-th unit): its members in order of number, their population
// (a split member carries none), and its distance, the mean over
// members of the distance between the member's centroid and the
// centre's, weighted by the member's population (members without a known
// population weigh nothing).
func mergeUnit(prep *prepared, mergers []generalist.Merger, mi, centre int32, u *unit, role []int8, at []*unit, dist []float64, i int, slabs *mergeSlabs) {
	mg := &mergers[mi]
	name := mg.Name
	if name == "" {
		name = prep.munis[centre].name
	}
	start := len(slabs.members)
	slabs.members = append(slabs.members, mg.Members...)
	members := slabs.members[start:len(slabs.members):len(slabs.members)]
	slices.Sort(members)
	u.Number, u.Name, u.Members = prep.munis[centre].number, name, members
	u.known, u.ages, u.own = true, &slabs.ages[mi], true
	c := &prep.munis[centre]
	u.merged = len(members) > 1
	var w, sum float64
	for _, n := range members {
		k := prep.at(n)
		at[k] = u
		if role[k] == 1 {
			continue // its population is distributed by the split
		}
		m := &prep.munis[k]
		if !m.known {
			u.known, u.popGap = false, true
			continue
		}
		p := m.pop
		u.total += p.Total
		if p.Ages == nil {
			u.ages = nil
		} else if u.ages != nil {
			for g := range p.Ages {
				u.ages[g] += p.Ages[g]
			}
		}
		u.mergedPop += p.Total
		if int32(k) != centre {
			u.moved += p.Total
		}
		if m.node && c.node {
			pw := float64(p.Total)
			d := math.Hypot(m.x-c.x, m.y-c.y) / 1000
			sum += pw * d
			w += pw
			u.farKm = max(u.farKm, d)
		} else {
			u.distGap = true
		}
	}
	if dist != nil && c.node {
		if w > 0 {
			dist[i] = sum / w
		}
		u.DistanceKm = &dist[i]
	}
}

// unitAt returns the unit municipality n is in, nil when it is in none
// (not in the base, or split).
func unitAt(prep *prepared, at []*unit, n generalist.MunicipalityNumber) *unit {
	if k := prep.at(n); k >= 0 {
		return at[k]
	}
	return nil
}
