package sim

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"generalist"
)

// carrier is who carries a task for a set of units: a pool whose team is
// the sum of its members' expected FTEs.
type carrier struct {
	rule    string
	ref     *ruleRef // the rule's outcome, counted when a unit joins today's pool
	units   []*unit
	host    *unit // nil when no member carries it in-house (IKS, county, …)
	state   bool  // the task has left the municipal level
	today   bool  // formed from today's registered cooperation (Base.Today)
	expect  float64
	known   bool
	minTeam float64
}

// ruleRef is one rule of a run and its outcome, made when the rule first
// touches a unit. Every rule acts on one task, so its name is unique in
// the run and no lookup by name is needed.
type ruleRef struct {
	name string
	out  *RuleOutcome
}

// countyPool is the pool of one county under one rule.
type countyPool struct {
	rule   *ruleRef
	county generalist.CountyNumber
	c      *carrier
}

// assignment decides, task by task, who carries it.
type assignment struct {
	in    *Base
	prep  *prepared
	s     *generalist.Scenario
	cat   *generalist.Catalogue
	units []*unit
	at    []*unit // the unit of each base position (buildUnits)
	order []*RuleOutcome

	// Scratch of task, indexed by unit.idx: the carrier of each unit
	// (nil for its own team) and the population the task serves in it;
	// pools lists each carrier once, in the order made.
	carried  []*carrier
	sv       []generalist.Persons
	svOK     []bool
	pools    []*carrier
	counties []countyPool
	hosted   []*carrier // scratch of mandate, by host unit

	// Scratch of within, and whether the units' adjacency is set.
	adjacent             bool
	epoch                int
	frontier, next, near []*unit
}

func newAssignment(in *Base, s *generalist.Scenario, cat *generalist.Catalogue, units []*unit, at []*unit) *assignment {
	return &assignment{in: in, prep: in.prepared(), s: s, cat: cat, units: units, at: at,
		carried: make([]*carrier, len(units)), sv: make([]generalist.Persons, len(units)), svOK: make([]bool, len(units))}
}

// unitOf returns the unit municipality n is in, nil when none.
func (a *assignment) unitOf(n generalist.MunicipalityNumber) *unit { return unitAt(a.prep, a.at, n) }

// served returns the unit's population the task serves and whether it is
// known.
func served(t *generalist.Task, u *unit) (generalist.Persons, bool) {
	if !u.known {
		return 0, false
	}
	if len(t.Staffing.Served) == 0 {
		return u.total, true
	}
	if u.ages == nil {
		return 0, false
	}
	var sum generalist.Persons
	for _, g := range t.Staffing.Served {
		sum += u.ages[g]
	}
	return sum, true
}

func expected(t *generalist.Task, n generalist.Persons) float64 {
	return t.Staffing.FTEPer1000.Value * float64(n) / 1000
}

// matches reports whether u meets the criteria. Named matches when any
// member is named; population and centrality apply to the unit (its
// centre's class); BelowRobust to its own team for t.
func (a *assignment) matches(c *generalist.Criteria, u *unit, t *generalist.Task) bool {
	if len(c.Named) > 0 && !slices.ContainsFunc(u.Members, func(m generalist.MunicipalityNumber) bool { return slices.Contains(c.Named, m) }) {
		return false
	}
	if c.PopulationBelow > 0 && (!u.known || u.total >= c.PopulationBelow) {
		return false
	}
	if len(c.Centrality) > 0 {
		m := &a.prep.munis[u.centre]
		if !m.hasClass || !slices.Contains(c.Centrality, m.class) {
			return false
		}
	}
	if c.BelowRobust {
		if !a.svOK[u.idx] || expected(t, a.sv[u.idx]) >= t.Staffing.MinTeam.Value {
			return false
		}
	}
	return true
}

func (a *assignment) count(r *ruleRef, u *unit) {
	if r.out == nil {
		r.out = &RuleOutcome{Rule: r.name}
		a.order = append(a.order, r.out)
	}
	r.out.Municipalities += len(u.Members)
	r.out.Inhabitants += u.total
}

// claim places u in c unless it is placed already.
func (a *assignment) claim(c *carrier, u *unit) bool {
	if a.carried[u.idx] != nil {
		return false
	}
	a.carried[u.idx] = c
	if len(c.units) == 0 {
		a.pools = append(a.pools, c)
	}
	c.units = append(c.units, u)
	return true
}

// countyPool returns the pool of u's county under rule r.
func (a *assignment) countyPool(r *ruleRef, u *unit) *carrier {
	for _, p := range a.counties {
		if p.rule == r && p.county == u.county {
			return p.c
		}
	}
	c := &carrier{rule: r.name, ref: r}
	a.counties = append(a.counties, countyPool{r, u.county, c})
	return c
}

// task evaluates one task for every unit and records each unit's cell;
// bit is the task's bit in unit.short.
func (a *assignment) task(t *generalist.Task, bit int, out *Outcome) TaskOutcome {
	to := TaskOutcome{Task: t.ID, Role: t.Role}
	carried := a.carried
	clear(carried)
	a.pools, a.counties = a.pools[:0], a.counties[:0]
	for i, u := range a.units {
		a.sv[i], a.svOK[i] = served(t, u)
	}
	for i, co := range a.s.Arrangements {
		if co.Task != t.ID {
			continue
		}
		r := &ruleRef{name: fmt.Sprintf("cooperations[%d] (%s, %s)", i, co.Task, co.Form)}
		c := &carrier{rule: r.name, ref: r}
		if co.Form == generalist.FormHostAdmin || co.Form == generalist.FormHostBoard {
			c.host = a.unitOf(co.Host)
		}
		for _, m := range co.Members {
			if u := a.unitOf(m); u != nil && !slices.Contains(c.units, u) && a.claim(c, u) {
				a.count(r, u)
			}
		}
	}
	for i := range a.s.Differentiated {
		d := &a.s.Differentiated[i]
		if d.Task != t.ID {
			continue
		}
		r := &ruleRef{name: fmt.Sprintf("differentiation[%d] (%s → %s)", i, d.Task, d.To)}
		var hostPool *carrier
		if d.To == generalist.ToHost {
			hu := a.unitOf(d.Host)
			if hp := carried[hu.idx]; hp != nil {
				hostPool = hp
			} else {
				hostPool = &carrier{rule: r.name, ref: r, host: hu}
				a.claim(hostPool, hu)
			}
		}
		for _, u := range a.units {
			if carried[u.idx] != nil || !a.matches(&d.Criteria, u, t) {
				continue
			}
			var c *carrier
			switch d.To {
			case generalist.ToState:
				c = &carrier{rule: r.name, ref: r, state: true}
			case generalist.ToHost:
				c = hostPool
			case generalist.ToCounty:
				c = a.countyPool(r, u)
			}
			if a.claim(c, u) {
				a.count(r, u)
			}
		}
	}
	a.today(t)
	for i := range a.s.Mandated {
		if m := &a.s.Mandated[i]; m.Task == t.ID {
			a.mandate(t, &ruleRef{name: fmt.Sprintf("mandated[%d] (%s, %s)", i, m.Task, m.Form)}, m)
		}
	}
	below := generalist.Criteria{BelowRobust: true}
	for i, cr := range a.s.CountyRelief {
		if cr.Task != t.ID {
			continue
		}
		r := &ruleRef{name: fmt.Sprintf("county_relief[%d] (%s)", i, cr.Task)}
		for _, u := range a.units {
			if carried[u.idx] != nil || (len(cr.Counties) > 0 && !slices.Contains(cr.Counties, u.county)) {
				continue
			}
			if !cr.All && !a.matches(&below, u, t) {
				continue
			}
			if a.claim(a.countyPool(r, u), u) {
				a.count(r, u)
			}
		}
	}
	// Evaluate every pool once, then every unit.
	minTeam := t.Staffing.MinTeam.Value
	for _, c := range a.pools {
		c.known, c.minTeam = true, minTeam
		for _, u := range c.units {
			c.known = c.known && a.svOK[u.idx]
			c.expect += expected(t, a.sv[u.idx])
		}
	}
	word, mask := bit/64, uint64(1)<<(bit%64)
	for i, u := range a.units {
		c := carried[i]
		ok := a.svOK[i]
		own := expected(t, a.sv[i])
		u.totalFTE += own
		var robust, known bool
		switch {
		case c == nil:
			known, robust = ok, own >= minTeam
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
			to.Inhabitants += u.total
			u.short[word] |= mask
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
func (a *assignment) today(t *generalist.Task) {
	carried := a.carried
	var seenBuf, aloneBuf [16]*unit
	seen, alone := seenBuf[:0], aloneBuf[:0]
	for _, co := range a.prep.today[t.ID] {
		seen, alone = seen[:0], alone[:0]
		var pool *carrier
		for _, k := range co.members {
			if k < 0 {
				continue
			}
			u := a.at[k]
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
			r := &ruleRef{name: co.rule}
			pool = &carrier{rule: r.name, ref: r, today: true}
		}
		for _, u := range alone {
			if a.claim(pool, u) {
				a.count(pool.ref, u)
			}
		}
		if co.host >= 0 {
			if h := a.at[co.host]; pool.host == nil && co.form.Host() && h != nil && carried[h.idx] == pool {
				pool.host = h
			}
		}
	}
}

// mandate forms partner groups for the units that must cooperate on t.
func (a *assignment) mandate(t *generalist.Task, r *ruleRef, m *generalist.MandatedIMC) {
	carried := a.carried
	var must []*unit
	for _, u := range a.units {
		if carried[u.idx] == nil && a.matches(&m.Criteria, u, t) {
			must = append(must, u)
		}
	}
	// Smallest first, so the least robust find a host before others.
	slices.SortStableFunc(must, func(x, y *unit) int { return cmp.Compare(a.sv[x.idx], a.sv[y.idx]) })
	minTeam := t.Staffing.MinTeam.Value
	robustAlone := func(u *unit) bool {
		return a.svOK[u.idx] && expected(t, a.sv[u.idx]) >= minTeam
	}
	if a.hosted == nil {
		a.hosted = make([]*carrier, len(a.units))
	} else {
		clear(a.hosted)
	}
	for _, u := range must {
		if carried[u.idx] != nil {
			continue
		}
		h := a.nearestRobust(u, robustAlone)
		if h == nil {
			continue // no robust unit anywhere: the unit stays alone (and short)
		}
		c := a.hosted[h.idx]
		if c == nil {
			c = carried[h.idx]
			if c == nil {
				c = &carrier{rule: r.name, ref: r, host: h}
				a.claim(c, h)
			}
			a.hosted[h.idx] = c
		}
		if a.claim(c, u) {
			a.count(r, u)
		}
	}
}

// nearestRobust returns the nearest unit that is robust alone and not
// already a non-hosting member elsewhere: within three graph steps of u if
// any, else anywhere. Distance is between centroids; ties go to the
// lower number.
func (a *assignment) nearestRobust(u *unit, robust func(*unit) bool) *unit {
	ok := func(v *unit) bool {
		if v == u || !robust(v) {
			return false
		}
		c := a.carried[v.idx]
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

// adjacency sets each unit's neighbouring units from the base's graph,
// once per run and only when the partner rule needs them.
func (a *assignment) adjacency() {
	a.adjacent = true
	if a.prep.adjStart == nil {
		return
	}
	// One backing array: a unit has at most its members' neighbours.
	deg := make([]int32, len(a.units)+1)
	for k := range a.prep.munis {
		if u := a.at[k]; u != nil {
			deg[u.idx+1] += int32(len(a.prep.neighbours(int32(k))))
		}
	}
	for i := range a.units {
		deg[i+1] += deg[i]
	}
	slab := make([]*unit, deg[len(a.units)])
	for i, u := range a.units {
		u.adj = slab[deg[i]:deg[i]:deg[i+1]]
	}
	for k := range a.prep.munis {
		x := a.at[k]
		if x == nil {
			continue
		}
		for _, j := range a.prep.neighbours(int32(k)) {
			if y := a.at[j]; y != nil && y != x && !slices.Contains(x.adj, y) {
				x.adj = append(x.adj, y)
			}
		}
	}
	// The partner rule breaks ties by number and needs no sorted order.
}

// within returns the units reachable from u in 1…k steps on the graph. It
// marks visits with an epoch number on the units instead of a map, and
// reuses its slices: the partner rule calls it once per unit that must
// cooperate.
func (a *assignment) within(u *unit, k int) []*unit {
	if !a.adjacent {
		a.adjacency()
	}
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
