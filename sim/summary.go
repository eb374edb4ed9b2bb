package sim

import (
	"generalist"
	"generalist/stats"
)

// summarise fills the outcome's totals from the evaluated units and tasks.
func summarise(out *Outcome, units []*unit) {
	roles := map[generalist.Role]*RoleOutcome{}
	for _, r := range generalist.Roles {
		roles[r] = &RoleOutcome{Role: r}
	}
	for _, to := range out.Tasks {
		roles[to.Role].Vulnerable += to.Short
		roles[to.Role].Outside += to.Outside
		out.Vulnerable += to.Short
		out.VulnerableInhabitants += to.Inhabitants
	}
	for _, r := range generalist.Roles {
		out.Roles = append(out.Roles, *roles[r])
	}
	su := make([]stats.Unit, 0, len(units))
	out.Units = make([]Unit, 0, len(units))
	var wOut, wDist, w float64
	distOK := true
	for _, u := range units {
		if u.totalFTE > 0 {
			u.OutsideShare = u.outsideFTE / u.totalFTE
		}
		out.Units = append(out.Units, u.Unit)
		su = append(su, stats.Unit{Number: string(u.Number), Name: u.Name, Value: u.pop.Total, Known: u.known, Note: u.Population.Note})
		if !u.known {
			continue
		}
		pw := float64(u.pop.Total)
		out.Inhabitants += u.pop.Total
		wOut += pw * u.OutsideShare
		w += pw
		if u.DistanceKm != nil {
			wDist += pw * *u.DistanceKm
		} else {
			distOK = false
		}
	}
	out.Municipalities = len(units)
	if d, err := stats.Summarize(su, stats.DefaultUnder); err == nil {
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

// ruleList returns the rule outcomes in the order the rules first acted.
func (a *assignment) ruleList() []RuleOutcome {
	out := make([]RuleOutcome, len(a.order))
	for i, k := range a.order {
		out[i] = *a.rules[k]
	}
	return out
}
