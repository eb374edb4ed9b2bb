package sim

import (
	"cmp"
	"fmt"
	"slices"

	"generalist"
)

// NewCooperation is a cooperation on one task that the scenario creates:
// a group formed by one of its cooperations or mandated rules (after
// mergers, so a participant is a municipality of the scenario) that is
// not one of today's registered cooperations (Base.Today: the same task
// and the same members). A municipality a mandate places in one of
// today's cooperations joins it and forms nothing new.
type NewCooperation struct {
	Rule         string                        `json:"rule"`
	Task         string                        `json:"task"`
	Form         generalist.IMCForm            `json:"form"`
	Host         generalist.MunicipalityNumber `json:"host,omitempty"`
	Participants []Participant                 `json:"participants"`
}

// Participant is a municipality in a new cooperation, with what the
// support schemes' criteria ask of it.
type Participant struct {
	Number     generalist.MunicipalityNumber `json:"number"`
	Name       string                        `json:"name"`
	Population generalist.Count              `json:"population"`
	// RobustAlone says whether its own team for the task reaches the
	// robust minimum; nil when unknown (no population data, or a task
	// without a staffing model).
	RobustAlone *bool `json:"robust_alone"`
}

// recordNew appends the new cooperations formed for t to the outcome. It
// reads the carriers task left in a.carried, and does nothing when the
// scenario has no support scheme (the only reader).
func (a *assignment) recordNew(t *generalist.Task, out *Outcome) {
	if len(a.s.Support) == 0 {
		return
	}
	var seen []*carrier
	for _, c := range a.carried {
		if c == nil || slices.Contains(seen, c) {
			continue
		}
		seen = append(seen, c)
		form, ok := ruleForm(a.s, c.rule)
		if !ok || len(c.units) < 2 {
			continue
		}
		units := slices.Clone(c.units)
		slices.SortFunc(units, func(x, y *unit) int { return cmp.Compare(x.Number, y.Number) })
		if a.registered(t.ID, units) {
			continue
		}
		nc := NewCooperation{Rule: c.rule, Task: t.ID, Form: form}
		if c.host != nil {
			nc.Host = c.host.Number
		}
		for _, u := range units {
			p := Participant{Number: u.Number, Name: u.Name, Population: u.Population}
			if n, ok := served(t, u); ok {
				robust := expected(t, n) >= t.Staffing.MinTeam.Value
				p.RobustAlone = &robust
			}
			nc.Participants = append(nc.Participants, p)
		}
		out.NewCooperations = append(out.NewCooperations, nc)
	}
}

// recordUnstaffed appends the scenario's cooperations on tasks without a
// staffing model, which the evaluation does not pool: each is new unless
// it is one of today's, and whether a participant is robust alone is
// unknown.
func (a *assignment) recordUnstaffed(out *Outcome) {
	staffed := map[string]bool{}
	for i := range a.cat.Tasks {
		staffed[a.cat.Tasks[i].ID] = a.cat.Tasks[i].Staffing != nil
	}
	for i, co := range a.s.Arrangements {
		if staffed[co.Task] {
			continue
		}
		var units []*unit
		for _, m := range co.Members {
			if u := a.unitOf(m); u != nil && !slices.Contains(units, u) {
				units = append(units, u)
			}
		}
		if len(units) < 2 {
			continue
		}
		slices.SortFunc(units, func(x, y *unit) int { return cmp.Compare(x.Number, y.Number) })
		if a.registered(co.Task, units) {
			continue
		}
		nc := NewCooperation{Rule: fmt.Sprintf("cooperations[%d] (%s, %s)", i, co.Task, co.Form), Task: co.Task, Form: co.Form}
		if u := a.unitOf(co.Host); u != nil && co.Form.Host() {
			nc.Host = u.Number
		}
		for _, u := range units {
			nc.Participants = append(nc.Participants, Participant{Number: u.Number, Name: u.Name, Population: u.Population})
		}
		out.NewCooperations = append(out.NewCooperations, nc)
	}
}

// registered reports whether today's registered cooperation has one on
// task with exactly the municipalities of units as members.
func (a *assignment) registered(task string, units []*unit) bool {
	var members []generalist.MunicipalityNumber
	for _, u := range units {
		members = append(members, u.Members...)
	}
	slices.Sort(members)
	for _, co := range a.in.Today {
		if co.Task != task || len(co.Members) != len(members) {
			continue
		}
		today := slices.Clone(co.Members)
		slices.Sort(today)
		if slices.Equal(today, members) {
			return true
		}
	}
	return false
}

// ruleForm is the form of the scenario rule a carrier came from, and
// whether that rule is a cooperation or a mandate of the scenario.
func ruleForm(s *generalist.Scenario, rule string) (generalist.IMCForm, bool) {
	var i int
	if _, err := fmt.Sscanf(rule, "cooperations[%d]", &i); err == nil && i >= 0 && i < len(s.Arrangements) {
		return s.Arrangements[i].Form, true
	}
	if _, err := fmt.Sscanf(rule, "mandated[%d]", &i); err == nil && i >= 0 && i < len(s.Mandated) {
		return s.Mandated[i].Form, true
	}
	return "", false
}

// support fills the outcome's support section when the scenario has a
// support scheme.
func (a *assignment) support(out *Outcome) {
	if len(a.s.Support) == 0 {
		return
	}
	a.recordUnstaffed(out)
	out.Support = EvaluateSupport(a.s, out.NewCooperations)
}
