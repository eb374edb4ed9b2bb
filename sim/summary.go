package sim

import (
	"cmp"
	mathbits "math/bits"
	"slices"

	"generalist"
	"generalist/stats"
)

// summarise fills the outcome's totals from the evaluated units and tasks.
// When the units are the base's municipalities as they are (no merger, no
// split), their distribution is the one prepared once.
func (a *assignment) summarise(out *Outcome) {
	units, same := a.units, a.identity
	out.Roles = make([]RoleOutcome, len(generalist.Roles))
	for i, r := range generalist.Roles {
		out.Roles[i].Role = r
	}
	for _, to := range out.Tasks {
		r := &out.Roles[slices.Index(generalist.Roles, to.Role)]
		r.Vulnerable += to.Short
		r.OutsideAtLeast += to.Outside
		out.Vulnerable += to.Short
		out.VulnerableInhabitants += to.Inhabitants
	}
	if out.CooperationKnown() {
		for i := range out.Roles {
			n := out.Roles[i].OutsideAtLeast
			out.Roles[i].Outside = &n
		}
	}
	var wOut, w float64
	for i, u := range units {
		u.Outside = int(a.outside[i])
		if a.totalFTE[i] > 0 {
			u.OutsideShare = a.outsideFTE[i] / a.totalFTE[i]
		}
		if !u.known {
			continue
		}
		pw := float64(u.total)
		out.Inhabitants += u.total
		wOut += pw * u.OutsideShare
		w += pw
	}
	out.CentreDistance = centreDistance(units)
	out.Municipalities = len(units)
	if same {
		out.Stats = a.prep.stats
		out.Stats.Missing = slices.Clone(a.prep.stats.Missing)
	} else if d, err := stats.Summarize(a.statUnits(), stats.DefaultUnder); err == nil {
		out.Stats = d
	}
	if w > 0 {
		out.MeanOutsideShare = wOut / w
	}
}

// statUnits returns the units for the distribution, those with data in
// the order it sorts them in (population, then number), so that its sort
// finds them in order: the units as in the base in the base's order,
// merged with the others, then the units without data.
func (a *assignment) statUnits() []stats.Unit {
	su := make([]stats.Unit, 0, len(a.units))
	add := func(u *unit) {
		su = append(su, stats.Unit{Number: string(u.Number), Name: u.Name, Value: u.total, Known: u.known, Note: u.Population.Note})
	}
	less := func(x, y *unit) bool { return x.total < y.total || x.total == y.total && x.Number < y.Number }
	var others []*unit
	for _, u := range a.units {
		if u.known && !u.single {
			others = append(others, u)
		}
	}
	slices.SortFunc(others, func(x, y *unit) int { return cmp.Or(cmp.Compare(x.total, y.total), cmp.Compare(x.Number, y.Number)) })
	j := 0
	for _, k := range a.prep.rank {
		u := a.at[k]
		if u == nil || !u.single {
			continue
		}
		for ; j < len(others) && less(others[j], u); j++ {
			add(others[j])
		}
		add(u)
	}
	for _, u := range others[j:] {
		add(u)
	}
	for _, u := range a.units {
		if !u.known {
			add(u)
		}
	}
	return su
}

// shortfalls sets each unit's Shortfalls from its bits: the ids of the
// tasks it is short of, in catalogue order. Units short of the same tasks
// share one list; each list's capacity is its length, so appending to one
// copies it.
func (a *assignment) shortfalls(ids []string) {
	// distinct lists the first unit of each set of tasks, and of[i] is
	// unit i's place in it.
	var distinct []int32
	of := make([]int32, len(a.units))
	bits := func(i int32) []uint64 { return a.short[int(i)*a.words : int(i+1)*a.words] }
	if a.words == 1 {
		seen := make(map[uint64]int32, 64)
		for i := range of {
			k := a.short[i]
			j, ok := seen[k]
			if !ok {
				j = int32(len(distinct))
				seen[k] = j
				distinct = append(distinct, int32(i))
			}
			of[i] = j
		}
	} else { // no sharing: more tasks than one word, or none
		for i := range of {
			of[i] = int32(i)
			distinct = append(distinct, int32(i))
		}
	}
	n := 0
	for _, i := range distinct {
		for _, w := range bits(i) {
			n += mathbits.OnesCount64(w)
		}
	}
	slab := make([]string, 0, n)
	lists := make([][]string, len(distinct))
	for j, i := range distinct {
		start := len(slab)
		for k, w := range bits(i) {
			for w != 0 {
				slab = append(slab, ids[k*64+mathbits.TrailingZeros64(w)])
				w &= w - 1
			}
		}
		lists[j] = slab[start:len(slab):len(slab)]
	}
	for i, u := range a.units {
		u.Shortfalls = lists[of[i]]
	}
}

// ruleList returns the rule outcomes in the order the rules first acted.
func (a *assignment) ruleList() []RuleOutcome {
	out := make([]RuleOutcome, len(a.order))
	for i, r := range a.order {
		out[i] = *r
	}
	return out
}
