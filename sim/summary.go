package sim

import (
	"math/bits"
	"slices"

	"generalist"
	"generalist/stats"
)

// summarise fills the outcome's totals from the evaluated units and tasks.
// same says the units are the base's municipalities as they are (no
// merger, no split), whose distribution is prepared once.
func summarise(out *Outcome, units []*unit, prep *prepared, same bool) {
	out.Roles = make([]RoleOutcome, len(generalist.Roles))
	for i, r := range generalist.Roles {
		out.Roles[i].Role = r
	}
	for _, to := range out.Tasks {
		r := &out.Roles[slices.Index(generalist.Roles, to.Role)]
		r.Vulnerable += to.Short
		r.Outside += to.Outside
		out.Vulnerable += to.Short
		out.VulnerableInhabitants += to.Inhabitants
	}
	var su []stats.Unit
	if !same {
		su = make([]stats.Unit, 0, len(units))
	}
	var wOut, wDist, w float64
	distOK := true
	for _, u := range units {
		if u.totalFTE > 0 {
			u.OutsideShare = u.outsideFTE / u.totalFTE
		}
		if !same {
			su = append(su, stats.Unit{Number: string(u.Number), Name: u.Name, Value: u.total, Known: u.known, Note: u.Population.Note})
		}
		if !u.known {
			continue
		}
		pw := float64(u.total)
		out.Inhabitants += u.total
		wOut += pw * u.OutsideShare
		w += pw
		if u.DistanceKm != nil {
			wDist += pw * *u.DistanceKm
		} else {
			distOK = false
		}
	}
	out.Municipalities = len(units)
	if same {
		out.Stats = prep.stats
		out.Stats.Missing = slices.Clone(prep.stats.Missing)
	} else if d, err := stats.Summarize(su, stats.DefaultUnder); err == nil {
		out.Stats = d
	}
	if w > 0 {
		out.MeanOutsideShare = wOut / w
		if distOK {
			v := wDist / w
			out.MeanDistanceKm = &v
		}
	}
}

// shortfalls sets each unit's Shortfalls from its bits: the ids of the
// tasks it is short of, in catalogue order. Units short of the same tasks
// share one list; each list's capacity is its length, so appending to one
// copies it.
func shortfalls(units []*unit, ids []string) {
	list := func(short []uint64) []string {
		n := 0
		for _, w := range short {
			n += bits.OnesCount64(w)
		}
		l := make([]string, 0, n)
		for i, w := range short {
			for w != 0 {
				l = append(l, ids[i*64+bits.TrailingZeros64(w)])
				w &= w - 1
			}
		}
		return l
	}
	if len(ids) > 64 {
		for _, u := range units {
			u.Shortfalls = list(u.short)
		}
		return
	}
	lists := map[uint64][]string{}
	for _, u := range units {
		var k uint64
		if len(u.short) > 0 {
			k = u.short[0]
		}
		l, ok := lists[k]
		if !ok {
			l = list(u.short)
			lists[k] = l
		}
		u.Shortfalls = l
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
