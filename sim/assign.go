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
	// identity says the units are the base's municipalities in order
	// (no merger, no split), so their served populations are prepared.
	identity bool
	order    []*RuleOutcome

	// Per unit, by idx: the FTEs of its own teams over every task and of
	// those carried outside its organisation, the tasks carried outside,
	// and words bits of the tasks it is short of.
	totalFTE, outsideFTE []float64
	outside              []int32
	short                []uint64
	words                int

	// Scratch of task, by unit idx: the carrier of each unit (nil for its
	// own team) and the population the task serves in it; pools lists
	// each carrier once, in the order made.
	carried  []*carrier
	claimed  []int32 // the units with a carrier, to reset them
	from     []int32 // the base position of each unit as in the base, else -1
	sv       []generalist.Persons
	svOK     []bool
	pools    []*carrier
	counties []countyPool
	hosted   []*carrier // scratch of mandate, by host unit
	must     []int32    // scratch of mandate

	// The units' adjacency on the graph as unit indices (the neighbours
	// of unit i are adj[adjStart[i]:adjStart[i+1]]) and their centroids,
	// set when the partner rule first needs them; the scratch of within.
	adjacent             bool
	adjStart, adj        []int32
	x, y                 []float64
	hasXY                []bool
	seen                 []int32
	epoch                int32
	frontier, next, near []int32
}

func newAssignment(in *Base, s *generalist.Scenario, cat *generalist.Catalogue, units []*unit, at []*unit, staffed int) *assignment {
	n := len(units)
	words := (staffed + 63) / 64
	return &assignment{in: in, prep: in.prepared(), s: s, cat: cat, units: units, at: at,
		identity: len(s.Mergers)+len(s.Splits) == 0,
		totalFTE: make([]float64, n), outsideFTE: make([]float64, n), outside: make([]int32, n), short: make([]uint64, n*words), words: words,
		carried: make([]*carrier, n), sv: make([]generalist.Persons, n), svOK: make([]bool, n)}
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
	if c.BelowRobust && !a.below(t, u.idx) {
		return false
	}
	return true
}

// below reports whether unit i's own team for t is known and below the
// robust minimum.
func (a *assignment) below(t *generalist.Task, i int32) bool {
	return a.svOK[i] && expected(t, a.sv[i]) < t.Staffing.MinTeam.Value
}

// robust reports whether unit i's own team for t is known and robust.
func (a *assignment) robust(t *generalist.Task, i int32) bool {
	return a.svOK[i] && expected(t, a.sv[i]) >= t.Staffing.MinTeam.Value
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
	a.claimed = append(a.claimed, u.idx)
	if len(c.units) == 0 {
		a.pools = append(a.pools, c)
	}
	c.units = append(c.units, u)
	return true
}

// countyPool returns the pool of u's county under rule r.
func (a *assignment) countyPool(r *ruleRef, u *unit) *carrier {
	county := a.prep.munis[u.centre].county
	for _, p := range a.counties {
		if p.rule == r && p.county == county {
			return p.c
		}
	}
	c := &carrier{rule: r.name, ref: r}
	a.counties = append(a.counties, countyPool{r, county, c})
	return c
}

// fillServed sets the population task ti serves in every unit.
func (a *assignment) fillServed(t *generalist.Task, ti int) {
	sv, ok := a.prep.sv[ti], a.prep.svOK[ti]
	if a.identity && sv != nil {
		copy(a.sv, sv)
		copy(a.svOK, ok)
		return
	}
	if a.from == nil {
		a.from = make([]int32, len(a.units))
		for i, u := range a.units {
			a.from[i] = -1
			if u.single {
				a.from[i] = u.centre
			}
		}
	}
	for i, k := range a.from {
		if k >= 0 && sv != nil {
			a.sv[i], a.svOK[i] = sv[k], ok[k]
		} else {
			a.sv[i], a.svOK[i] = served(t, a.units[i])
		}
	}
}

// task evaluates task ti of the catalogue for every unit and records
// each unit's cell; bit is the task's bit in the units' shortfalls.
func (a *assignment) task(ti, bit int) TaskOutcome {
	t := &a.cat.Tasks[ti]
	to := TaskOutcome{Task: t.ID, Role: t.Role}
	carried := a.carried
	for _, i := range a.claimed {
		carried[i] = nil
	}
	a.pools, a.counties, a.claimed = a.pools[:0], a.counties[:0], a.claimed[:0]
	a.fillServed(t, ti)
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
	for i, cr := range a.s.CountyRelief {
		if cr.Task != t.ID {
			continue
		}
		r := &ruleRef{name: fmt.Sprintf("county_relief[%d] (%s)", i, cr.Task)}
		for _, u := range a.units {
			if carried[u.idx] != nil || (len(cr.Counties) > 0 && !slices.Contains(cr.Counties, a.prep.munis[u.centre].county)) {
				continue
			}
			if !cr.All && !a.below(t, u.idx) {
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
	for i, c := range carried {
		own := expected(t, a.sv[i])
		a.totalFTE[i] += own
		var robust, known bool
		switch {
		case c == nil:
			known, robust = a.svOK[i], own >= minTeam
		case c.state:
			to.Moved++
			to.Outside++
			a.outside[i]++
			a.outsideFTE[i] += own
			continue
		default:
			to.Grouped++
			known, robust = c.known, c.expect >= c.minTeam
			if c.host != a.units[i] {
				to.Outside++
				a.outside[i]++
				a.outsideFTE[i] += own
			}
		}
		switch {
		case !known:
			to.Unknown++
		case !robust:
			to.Short++
			to.Inhabitants += a.units[i].total
			a.short[i*a.words+word] |= mask
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
	must := a.must[:0]
	for _, u := range a.units {
		if carried[u.idx] == nil && a.matches(&m.Criteria, u, t) {
			must = append(must, u.idx)
		}
	}
	// Smallest first, so the least robust find a host before others; the
	// units come in order of number, which breaks ties as a stable sort.
	slices.SortFunc(must, func(i, j int32) int { return cmp.Or(cmp.Compare(a.sv[i], a.sv[j]), cmp.Compare(i, j)) })
	a.must = must
	if a.hosted == nil {
		a.hosted = make([]*carrier, len(a.units))
	} else {
		clear(a.hosted)
	}
	for _, i := range must {
		if carried[i] != nil {
			continue
		}
		hi := a.nearestRobust(t, i)
		if hi < 0 {
			continue // no robust unit anywhere: the unit stays alone (and short)
		}
		h := a.units[hi]
		c := a.hosted[hi]
		if c == nil {
			c = carried[hi]
			if c == nil {
				c = &carrier{rule: r.name, ref: r, host: h}
				a.claim(c, h)
			}
			a.hosted[hi] = c
		}
		if u := a.units[i]; a.claim(c, u) {
			a.count(r, u)
		}
	}
}

// nearestRobust returns the index of the nearest unit that is robust
// alone and not already a non-hosting member elsewhere: within three
// graph steps of unit i if any, else anywhere; -1 when there is none.
// Distance is between centroids; ties go to the lower number, which is
// the lower index.
func (a *assignment) nearestRobust(t *generalist.Task, i int32) int32 {
	if !a.adjacent {
		a.adjacency()
	}
	ok := func(v int32) bool {
		if v == i || !a.robust(t, v) {
			return false
		}
		c := a.carried[v]
		return c == nil || c.host == a.units[v]
	}
	dist := func(v int32) float64 {
		if !a.hasXY[i] || !a.hasXY[v] {
			return math.Inf(1)
		}
		return math.Hypot(a.x[i]-a.x[v], a.y[i]-a.y[v])
	}
	better := func(v, b int32, d, bd float64) bool { return b < 0 || d < bd || d == bd && v < b }
	b, bd := int32(-1), math.Inf(1)
	switch {
	case a.in.Graph != nil && a.identity:
		// The units are the base's municipalities, whose neighbourhoods
		// are prepared in this order: the first that will do is it.
		for _, v := range a.prep.near()[i] {
			if ok(v) {
				return v
			}
		}
	case a.in.Graph != nil && a.units[i].single && a.plain(a.units[i].centre):
		// Every municipality within three steps is a unit of its own, so
		// the unit's neighbourhood is the municipality's, in the same
		// order.
		for _, k := range a.prep.near()[a.units[i].centre] {
			if v := a.at[k].idx; ok(v) {
				return v
			}
		}
	case a.in.Graph != nil:
		for _, v := range a.within(i, 3) {
			if !ok(v) {
				continue
			}
			if d := dist(v); better(v, b, d, bd) {
				b, bd = v, d
			}
		}
		if b >= 0 {
			return b
		}
	}
	for v := range int32(len(a.units)) {
		if !ok(v) {
			continue
		}
		if d := dist(v); better(v, b, d, bd) {
			b, bd = v, d
		}
	}
	return b
}

// plain reports whether every municipality within three steps of
// position k on the graph is a unit of its own, as in the base (not
// merged, not split, given no split part).
func (a *assignment) plain(k int32) bool {
	for _, v := range a.prep.near()[k] {
		if u := a.at[v]; u == nil || !u.single {
			return false
		}
	}
	return true
}

// adjacency sets the units' neighbours on the base's graph and their
// centroids, once per run and only when the partner rule needs them.
func (a *assignment) adjacency() {
	a.adjacent = true
	n := len(a.units)
	a.x, a.y, a.hasXY = make([]float64, n), make([]float64, n), make([]bool, n)
	for i, u := range a.units {
		m := &a.prep.munis[u.centre]
		a.x[i], a.y[i], a.hasXY[i] = m.x, m.y, m.node
	}
	if a.prep.adjStart == nil || a.identity {
		// No graph, or the base's municipalities with their prepared
		// neighbourhoods (prepared.near).
		return
	}
	// One backing array: a unit has at most its members' neighbours.
	start := make([]int32, n+1)
	for k := range a.prep.munis {
		if u := a.at[k]; u != nil {
			start[u.idx+1] += int32(len(a.prep.neighbours(int32(k))))
		}
	}
	for i := range n {
		start[i+1] += start[i]
	}
	adj := make([]int32, start[n])
	end := slices.Clone(start[:n])
	for k := range a.prep.munis {
		x := a.at[k]
		if x == nil {
			continue
		}
		for _, j := range a.prep.neighbours(int32(k)) {
			if y := a.at[j]; y != nil && y != x && !slices.Contains(adj[start[x.idx]:end[x.idx]], y.idx) {
				adj[end[x.idx]] = y.idx
				end[x.idx]++
			}
		}
	}
	a.seen = make([]int32, n)
	// Close the gaps left by neighbours shared within a unit.
	a.adjStart = make([]int32, n+1)
	w := int32(0)
	for i := range n {
		a.adjStart[i] = w
		w += int32(copy(adj[w:], adj[start[i]:end[i]]))
	}
	a.adjStart[n] = w
	a.adj = adj[:w]
	// The partner rule breaks ties by number and needs no sorted order.
}

// within returns the units reachable from unit i in 1…k steps on the
// graph. It marks visits with an epoch number instead of a map, and
// reuses its slices: the partner rule calls it once per unit that must
// cooperate.
func (a *assignment) within(i int32, k int) []int32 {
	a.epoch++
	a.seen[i] = a.epoch
	a.frontier = append(a.frontier[:0], i)
	out := a.near[:0]
	for range k {
		next := a.next[:0]
		for _, x := range a.frontier {
			for _, v := range a.adj[a.adjStart[x]:a.adjStart[x+1]] {
				if a.seen[v] != a.epoch {
					a.seen[v] = a.epoch
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
