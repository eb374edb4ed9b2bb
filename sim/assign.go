package sim

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"generalist"
)

// carrier is who carries a task for a set of units: a pool whose team is
// the sum of its members' expected FTEs.
type carrier struct {
	rule    string
	units   []*unit
	host    *unit // nil when no member carries it in-house (IKS, county, …)
	state   bool  // the task has left the municipal level
	today   bool  // formed from today's registered cooperation (Base.Today)
	expect  float64
	known   bool
	minTeam float64
}

// assignment decides, task by task, who carries it.
type assignment struct {
	in       *Base
	s        *generalist.Scenario
	cat      *generalist.Catalogue
	units    []*unit
	byMember map[generalist.MunicipalityNumber]*unit
	rules    map[string]*RuleOutcome
	order    []string
	carried  []*carrier // scratch of task, indexed by unit.idx

	// Scratch of within.
	epoch                int
	frontier, next, near []*unit
}

func newAssignment(in *Base, s *generalist.Scenario, cat *generalist.Catalogue, units []*unit, byMember map[generalist.MunicipalityNumber]*unit) *assignment {
	for i, u := range units {
		u.idx = i
	}
	return &assignment{in: in, s: s, cat: cat, units: units, byMember: byMember, rules: map[string]*RuleOutcome{}, carried: make([]*carrier, len(units))}
}

// served returns the unit's population the task serves and whether it is
// known.
func served(t *generalist.Task, u *unit) (generalist.Persons, bool) {
	if !u.known {
		return 0, false
	}
	if len(t.Staffing.Served) == 0 {
		return u.pop.Total, true
	}
	if u.pop.Ages == nil {
		return 0, false
	}
	var sum generalist.Persons
	for _, g := range t.Staffing.Served {
		sum += u.pop.Ages[g]
	}
	return sum, true
}

func expected(t *generalist.Task, n generalist.Persons) float64 {
	return t.Staffing.FTEPer1000.Value * float64(n) / 1000
}

// matches reports whether u meets the criteria. Named matches when any
// member is named; population and centrality apply to the unit (its
// centre's class); BelowRobust to its own team for t.
func (a *assignment) matches(c generalist.Criteria, u *unit, t *generalist.Task) bool {
	if len(c.Named) > 0 && !slices.ContainsFunc(u.Members, func(m generalist.MunicipalityNumber) bool { return slices.Contains(c.Named, m) }) {
		return false
	}
	if c.PopulationBelow > 0 && (!u.known || u.pop.Total >= c.PopulationBelow) {
		return false
	}
	if len(c.Centrality) > 0 {
		k, ok := a.in.Centrality[u.centre]
		if !ok || !slices.Contains(c.Centrality, k) {
			return false
		}
	}
	if c.BelowRobust {
		n, ok := served(t, u)
		if !ok || expected(t, n) >= t.Staffing.MinTeam.Value {
			return false
		}
	}
	return true
}

func (a *assignment) count(rule string, u *unit) {
	r := a.rules[rule]
	if r == nil {
		r = &RuleOutcome{Rule: rule}
		a.rules[rule] = r
		a.order = append(a.order, rule)
	}
	r.Municipalities += len(u.Members)
	r.Inhabitants += u.pop.Total
}

// task evaluates one task for every unit and records each unit's cell.
func (a *assignment) task(t *generalist.Task, out *Outcome) TaskOutcome {
	to := TaskOutcome{Task: t.ID, Role: t.Role}
	// carried[u.idx] is the carrier of unit u for this task, nil for its
	// own team; pools lists each carrier once, in the order made.
	carried := a.carried
	clear(carried)
	var pools []*carrier
	claim := func(c *carrier, u *unit) bool {
		if carried[u.idx] != nil {
			return false
		}
		carried[u.idx] = c
		if len(c.units) == 0 {
			pools = append(pools, c)
		}
		c.units = append(c.units, u)
		return true
	}
	for i, co := range a.s.Arrangements {
		if co.Task != t.ID {
			continue
		}
		rule := fmt.Sprintf("cooperations[%d] (%s, %s)", i, co.Task, co.Form)
		c := &carrier{rule: rule}
		if co.Form == generalist.FormHostAdmin || co.Form == generalist.FormHostBoard {
			c.host = a.byMember[co.Host]
		}
		for _, m := range co.Members {
			if u := a.byMember[m]; u != nil && !slices.Contains(c.units, u) && claim(c, u) {
				a.count(rule, u)
			}
		}
	}
	countyPools := map[string]*carrier{}
	for i, d := range a.s.Differentiated {
		if d.Task != t.ID {
			continue
		}
		rule := fmt.Sprintf("differentiation[%d] (%s → %s)", i, d.Task, d.To)
		var hostPool *carrier
		if d.To == generalist.ToHost {
			hu := a.byMember[d.Host]
			if hp := carried[hu.idx]; hp != nil {
				hostPool = hp
			} else {
				hostPool = &carrier{rule: rule, host: hu}
				claim(hostPool, hu)
			}
		}
		for _, u := range a.units {
			if carried[u.idx] != nil || !a.matches(d.Criteria, u, t) {
				continue
			}
			var c *carrier
			switch d.To {
			case generalist.ToState:
				c = &carrier{rule: rule, state: true}
			case generalist.ToHost:
				c = hostPool
			case generalist.ToCounty:
				key := rule + string(u.county)
				if countyPools[key] == nil {
					countyPools[key] = &carrier{rule: rule}
				}
				c = countyPools[key]
			}
			if claim(c, u) {
				a.count(rule, u)
			}
		}
	}
	a.today(t, carried, claim)
	for i, m := range a.s.Mandated {
		if m.Task != t.ID {
			continue
		}
		rule := fmt.Sprintf("mandated[%d] (%s, %s)", i, m.Task, m.Form)
		a.mandate(t, rule, m, carried, claim)
	}
	for i, cr := range a.s.CountyRelief {
		if cr.Task != t.ID {
			continue
		}
		rule := fmt.Sprintf("county_relief[%d] (%s)", i, cr.Task)
		for _, u := range a.units {
			if carried[u.idx] != nil || (len(cr.Counties) > 0 && !slices.Contains(cr.Counties, u.county)) {
				continue
			}
			if !cr.All && !a.matches(generalist.Criteria{BelowRobust: true}, u, t) {
				continue
			}
			key := rule + string(u.county)
			if countyPools[key] == nil {
				countyPools[key] = &carrier{rule: rule}
			}
			if claim(countyPools[key], u) {
				a.count(rule, u)
			}
		}
	}
	// Evaluate every pool once, then every unit.
	for _, c := range pools {
		c.known, c.minTeam = true, t.Staffing.MinTeam.Value
		for _, u := range c.units {
			n, ok := served(t, u)
			c.known = c.known && ok
			c.expect += expected(t, n)
		}
	}
	for _, u := range a.units {
		c := carried[u.idx]
		n, ok := served(t, u)
		own := expected(t, n)
		u.totalFTE += own
		var robust, known bool
		switch {
		case c == nil:
			known, robust = ok, own >= t.Staffing.MinTeam.Value
		case c.state:
			to.Moved++
			to.Outside++
			u.Outside++
			u.outsideFTE += own
			continue
		default:
			to.Grouped++
			known, robust = c.known, c.expect >= c.minTeam
			if c.host != u {
				to.Outside++
				u.Outside++
				u.outsideFTE += own
			}
		}
		switch {
		case !known:
			to.Unknown++
		case !robust:
			to.Short++
			to.Inhabitants += u.pop.Total
			u.Shortfalls = append(u.Shortfalls, t.ID)
		}
	}
	return to
}

// today places the units still alone in today's registered cooperation
// for t (Base.Today), after the scenario's own arrangements and
// differentiation, which are explicit choices and take precedence.
// Members are mapped through the scenario's mergers; arrangements that
// share a unit form one pool, as in the capacity model. An arrangement
// whose members all end in one unit is run in-house and forms no pool;
// one with a single unit still alone joins no one.
func (a *assignment) today(t *generalist.Task, carried []*carrier, claim func(*carrier, *unit) bool) {
	var seen, alone []*unit
	for i, co := range a.in.Today {
		if co.Task != t.ID {
			continue
		}
		seen, alone = seen[:0], alone[:0]
		var pool *carrier
		for _, m := range co.Members {
			u := a.byMember[m]
			if u == nil || slices.Contains(seen, u) {
				continue
			}
			seen = append(seen, u)
			switch c := carried[u.idx]; {
			case c == nil:
				alone = append(alone, u)
			case !c.today || c == pool:
				// placed by the scenario's own choices, or already here
			case pool == nil:
				pool = c
			default: // a second pool of today's cooperation: join it
				for _, v := range c.units {
					carried[v.idx] = pool
				}
				pool.units = append(pool.units, c.units...)
				c.units = nil
			}
		}
		if len(seen) < 2 {
			continue // in-house: every member is one unit
		}
		if pool == nil {
			if len(alone) < 2 {
				continue // the others carry the task under the scenario's choices
			}
			pool = &carrier{rule: fmt.Sprintf("today[%d] (%s, %s)", i, co.Task, co.Form), today: true}
		}
		for _, u := range alone {
			if claim(pool, u) {
				a.count(pool.rule, u)
			}
		}
		if h := a.byMember[co.Host]; pool.host == nil && co.Form.Host() && h != nil && carried[h.idx] == pool {
			pool.host = h
		}
	}
}

// mandate forms partner groups for the units that must cooperate on t.
func (a *assignment) mandate(t *generalist.Task, rule string, m generalist.MandatedIMC, carried []*carrier, claim func(*carrier, *unit) bool) {
	var must []*unit
	for _, u := range a.units {
		if carried[u.idx] == nil && a.matches(m.Criteria, u, t) {
			must = append(must, u)
		}
	}
	// Smallest first, so the least robust find a host before others.
	sort.SliceStable(must, func(i, j int) bool {
		ni, _ := served(t, must[i])
		nj, _ := served(t, must[j])
		return ni < nj
	})
	robustAlone := func(u *unit) bool {
		n, ok := served(t, u)
		return ok && expected(t, n) >= t.Staffing.MinTeam.Value
	}
	hosted := map[*unit]*carrier{}
	for _, u := range must {
		if carried[u.idx] != nil {
			continue
		}
		h := a.nearestRobust(u, robustAlone, carried)
		if h == nil {
			continue // no robust unit anywhere: the unit stays alone (and short)
		}
		c := hosted[h]
		if c == nil {
			c = carried[h.idx]
			if c == nil {
				c = &carrier{rule: rule, host: h}
				claim(c, h)
			}
			hosted[h] = c
		}
		if claim(c, u) {
			a.count(rule, u)
		}
	}
}

// nearestRobust returns the nearest unit that is robust alone and not
// already a non-hosting member elsewhere: within three graph steps of u if
// any, else anywhere. Distance is between centroids; ties go to the
// lower number.
func (a *assignment) nearestRobust(u *unit, robust func(*unit) bool, carried []*carrier) *unit {
	ok := func(v *unit) bool {
		if v == u || !robust(v) {
			return false
		}
		c := carried[v.idx]
		return c == nil || c.host == v
	}
	dist := func(v *unit) float64 {
		if !u.hasXY || !v.hasXY {
			return math.Inf(1)
		}
		return math.Hypot(u.x-v.x, u.y-v.y)
	}
	best := func(cands []*unit) *unit {
		var b *unit
		bd := math.Inf(1)
		for _, v := range cands {
			if !ok(v) {
				continue
			}
			if d := dist(v); b == nil || d < bd || d == bd && v.Number < b.Number {
				b, bd = v, d
			}
		}
		return b
	}
	if a.in.Graph != nil {
		if b := best(a.within(u, 3)); b != nil {
			return b
		}
	}
	return best(a.units)
}

// within returns the units reachable from u in 1…k steps on the graph. It
// marks visits with an epoch number on the units instead of a map, and
// reuses its slices: the partner rule calls it once per unit that must
// cooperate.
func (a *assignment) within(u *unit, k int) []*unit {
	a.epoch++
	u.seen = a.epoch
	a.frontier = append(a.frontier[:0], u)
	out := a.near[:0]
	for range k {
		next := a.next[:0]
		for _, x := range a.frontier {
			for _, v := range x.adj {
				if v.seen != a.epoch {
					v.seen = a.epoch
					next = append(next, v)
					out = append(out, v)
				}
			}
		}
		a.next = a.frontier
		a.frontier = next
	}
	a.near = out
	return out
}
