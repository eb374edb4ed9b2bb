package sim

import (
	"math/bits"
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
	for i, u := range units {
		u.Outside = int(a.outside[i])
		if a.totalFTE[i] > 0 {
			u.OutsideShare = a.outsideFTE[i] / a.totalFTE[i]
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
		out.Stats = a.prep.stats
		out.Stats.Missing = slices.Clone(a.prep.stats.Missing)
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
func (a *assignment) shortfalls(ids []string) {
	short := func(u *unit) []uint64 { return a.short[int(u.idx)*a.words : int(u.idx+1)*a.words] }
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
		for _, u := range a.units {
			u.Shortfalls = list(short(u))
		}
		return
	}
	lists := map[uint64][]string{}
	for _, u := range a.units {
		var k uint64
		if a.words > 0 {
			k = a.short[u.idx]
		}
		l, ok := lists[k]
		if !ok {
			l = list(short(u))
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
