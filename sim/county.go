package sim

import (
	"fmt"
	"slices"

	"generalist"
	"generalist/stats"
)

// CountyOutcome is what a scenario does to the county authority
// (fylkeskommunen): the county tasks it moves and to whom, the bodies
// that would carry them with the population they serve, the municipal
// tasks the county takes, and what the engine cannot compute. It is nil
// for a scenario without a county lever, county relief or
// differentiation to the county.
type CountyOutcome struct {
	Abolished bool `json:"abolished"`
	// CatalogueTasks is the number of tasks in the county task catalogue;
	// Kept lists those the county keeps (none when it is abolished).
	CatalogueTasks int             `json:"catalogue_tasks"`
	Kept           []CountyTaskRef `json:"kept"`
	// Ended lists the democratic bodies (role demokratisk_arena) that end
	// with an abolished county.
	Ended []CountyTaskRef `json:"ended,omitempty"`
	// Today is the bodies that carry the county tasks today: one per
	// county of the structure (in Oslo the municipality), with their
	// population.
	Today CountyBodies `json:"today"`
	// Moves lists each county task moved, in catalogue order, and
	// Receivers each receiver with the tasks it takes.
	Moves     []CountyMoveOutcome     `json:"moves"`
	Receivers []CountyReceiverOutcome `json:"receivers"`
	// Bodies counts the bodies that carry county tasks after the
	// scenario: the counties for the tasks they keep, the state, the
	// municipalities and the regions.
	Bodies int `json:"bodies"`
	// Takes lists the rules by which the county takes municipal tasks
	// (county relief and differentiation to fylkeskommune).
	Takes []CountyTake `json:"takes,omitempty"`
	// CannotCompute lists the consequences the engine cannot compute.
	CannotCompute []generalist.CountyLimit `json:"cannot_compute"`
}

// CountyTaskRef names a county task.
type CountyTaskRef struct {
	Task   string `json:"task"`
	NameNB string `json:"name_nb"`
	NameEN string `json:"name_en"`
}

// CountyTake is one rule by which the county takes a municipal task, and
// what it touched.
type CountyTake struct {
	Rule   string `json:"rule"`
	Task   string `json:"task"`
	NameNB string `json:"name_nb"`
	NameEN string `json:"name_en"`
	// All is set when the county takes the task from every municipality
	// the rule names, not only those below the robust minimum.
	All            bool               `json:"all"`
	Municipalities int                `json:"municipalities"`
	Inhabitants    generalist.Persons `json:"inhabitants"`
}

// CountyBodies is a set of bodies and the distribution of the inhabitants
// they serve.
type CountyBodies struct {
	Count      int                `json:"count"`
	Population stats.Distribution `json:"population"`
}

// CountyMoveOutcome is one county task moved.
type CountyMoveOutcome struct {
	Task     string                    `json:"task"`
	NameNB   string                    `json:"name_nb"`
	NameEN   string                    `json:"name_en"`
	Verified generalist.Verification   `json:"verified"`
	To       generalist.CountyReceiver `json:"to"`
}

// CountyReceiverOutcome is one receiver of county tasks.
type CountyReceiverOutcome struct {
	To    generalist.CountyReceiver `json:"to"`
	Tasks []string                  `json:"tasks"`
	// Bodies are the state (one), the municipalities after the
	// scenario's mergers, or the regions and the municipalities in no
	// region (Alone).
	Bodies CountyBodies `json:"bodies"`
	Alone  int          `json:"alone,omitempty"`
	// Regions are the regions alone, without the municipalities in no
	// region (receiver regioner only), their population named by region.
	Regions *CountyBodies `json:"regions,omitempty"`
	// Served gives, for each task moved here that serves some age
	// groups only, the distribution over the bodies of the inhabitants
	// in those groups.
	Served []CountyServed `json:"served,omitempty"`
}

// CountyServed is the population one county task serves in each
// receiving body.
type CountyServed struct {
	Task       string                `json:"task"`
	Groups     []generalist.AgeGroup `json:"groups"`
	Population stats.Distribution    `json:"population"`
}

// countyBody is a body that would carry county tasks: units pooled.
type countyBody struct {
	number, name string
	units        []*unit
}

// countyOutcome computes the county outcome of s on the evaluated units;
// out must hold the rules already. in.County must be set when s.County
// is (Validate checks it).
func countyOutcome(in *Base, s *generalist.Scenario, units []*unit, byMember func(generalist.MunicipalityNumber) *unit, out *Outcome) *CountyOutcome {
	touched := map[string]RuleOutcome{}
	for _, r := range out.Rules {
		touched[r.Rule] = r
	}
	var takes []CountyTake
	take := func(rule, task string, all bool) {
		ct := CountyTake{Rule: rule, Task: task, All: all, NameNB: task, NameEN: task}
		for i := range in.Catalogue.Tasks {
			if t := &in.Catalogue.Tasks[i]; t.ID == task {
				ct.NameNB, ct.NameEN = t.NameNB, t.NameEN
			}
		}
		r := touched[rule]
		ct.Municipalities, ct.Inhabitants = r.Municipalities, r.Inhabitants
		takes = append(takes, ct)
	}
	// The rule names are those of assignment.task.
	for i, d := range s.Differentiated {
		if d.To == generalist.ToCounty {
			take(fmt.Sprintf("differentiation[%d] (%s → %s)", i, d.Task, d.To), d.Task, false)
		}
	}
	for i, cr := range s.CountyRelief {
		take(fmt.Sprintf("county_relief[%d] (%s)", i, cr.Task), cr.Task, cr.All)
	}
	strengthen := len(takes) > 0
	if s.County == nil && !strengthen {
		return nil
	}
	co := &CountyOutcome{Takes: takes, Kept: []CountyTaskRef{}, Moves: []CountyMoveOutcome{}, Receivers: []CountyReceiverOutcome{}}
	co.Today = in.prepared().countyToday
	limits := map[string]bool{}
	if strengthen {
		limits["county_capacity"], limits["cost"], limits["transition"], limits["law"] = true, true, true, true
	}
	cat := in.County
	if c := s.County; c != nil && cat != nil {
		co.Abolished = c.Abolish
		co.CatalogueTasks = len(cat.Tasks)
		limits["cost"], limits["staffing"], limits["transition"], limits["law"] = true, true, true, true
		if c.Abolish {
			limits["democracy"] = true
		}
		to := map[string]generalist.CountyReceiver{}
		for _, m := range c.Moves {
			to[m.Task] = m.To
		}
		byReceiver := map[generalist.CountyReceiver][]*generalist.CountyTask{}
		for i := range cat.Tasks {
			t := &cat.Tasks[i]
			r, ok := to[t.ID]
			if !ok && c.Abolish && t.Role == generalist.RoleDemocraticArena {
				co.Ended = append(co.Ended, CountyTaskRef{t.ID, t.NameNB, t.NameEN})
				continue
			}
			if !ok && c.Others != "" {
				r, ok = c.Others, true
			}
			if !ok {
				co.Kept = append(co.Kept, CountyTaskRef{t.ID, t.NameNB, t.NameEN})
				continue
			}
			co.Moves = append(co.Moves, CountyMoveOutcome{Task: t.ID, NameNB: t.NameNB, NameEN: t.NameEN, Verified: t.Verified, To: r})
			byReceiver[r] = append(byReceiver[r], t)
		}
		if len(co.Kept) > 0 {
			co.Bodies += co.Today.Count
		}
		for _, r := range generalist.CountyReceivers {
			tasks := byReceiver[r]
			if len(tasks) == 0 {
				continue
			}
			var bodies []countyBody
			alone := 0
			switch r {
			case generalist.CountyToState:
				limits["state"] = true
				bodies = []countyBody{{number: "staten", name: "staten", units: units}}
			case generalist.CountyToMunicipalities:
				bodies = make([]countyBody, len(units))
				for i, u := range units {
					bodies[i] = countyBody{number: string(u.Number), name: u.Name, units: units[i : i+1 : i+1]}
				}
			case generalist.CountyToRegions:
				limits["regions"] = true
				bodies, alone = regionBodies(c.Regions, units, byMember)
			}
			var population stats.Distribution
			if r == generalist.CountyToMunicipalities && out.Stats.WithData == len(units) {
				// Each unit a body, every one with data: the scenario's
				// own distribution, which notes nothing missing.
				population = out.Stats
			} else {
				population = bodyStats(bodies, nil)
			}
			ro := CountyReceiverOutcome{To: r, Alone: alone, Bodies: CountyBodies{Count: len(bodies), Population: population}}
			if r == generalist.CountyToRegions {
				// regionBodies lists the regions first.
				rb := bodies[:len(bodies)-alone]
				ro.Regions = &CountyBodies{Count: len(rb), Population: bodyStats(rb, nil)}
			}
			for _, t := range tasks {
				ro.Tasks = append(ro.Tasks, t.ID)
				if len(t.Served) > 0 {
					ro.Served = append(ro.Served, CountyServed{Task: t.ID, Groups: t.Served, Population: bodyStats(bodies, t.Served)})
				}
			}
			co.Receivers = append(co.Receivers, ro)
			co.Bodies += len(bodies)
		}
	} else {
		co.Bodies = co.Today.Count
	}
	for _, l := range generalist.CountyLimits {
		if limits[l.ID] {
			co.CannotCompute = append(co.CannotCompute, l)
		}
	}
	return co
}

// countyToday returns today's county bodies: the counties of the base's
// municipalities and their population.
func countyToday(in *Base, prep *prepared) CountyBodies {
	type county struct {
		pop   generalist.Persons
		known bool
	}
	byNumber := map[generalist.CountyNumber]*county{}
	var order []generalist.CountyNumber
	for _, m := range in.Municipalities {
		c := byNumber[m.County]
		if c == nil {
			c = &county{known: true}
			byNumber[m.County] = c
			order = append(order, m.County)
		}
		var p *generalist.Population
		if k := prep.at(m.Number); k >= 0 {
			p = prep.munis[k].pop
		}
		if p == nil || p.Missing {
			c.known = false
			continue
		}
		c.pop += p.Total
	}
	slices.Sort(order)
	su := make([]stats.Unit, 0, len(order))
	for _, n := range order {
		c := byNumber[n]
		su = append(su, stats.Unit{Number: string(n), Name: "fylke " + string(n), Value: c.pop, Known: c.known})
	}
	d, _ := stats.Summarize(su, stats.DefaultUnder)
	return CountyBodies{Count: len(order), Population: d}
}

// regionBodies forms the regions' bodies from the scenario's units (a
// merged municipality belongs to the region of its first member listed)
// and makes every unit in no region a body of its own; alone counts
// those.
func regionBodies(regions []generalist.CountyRegion, units []*unit, byMember func(generalist.MunicipalityNumber) *unit) ([]countyBody, int) {
	placed := map[*unit]bool{}
	var bodies []countyBody
	for _, r := range regions {
		b := countyBody{number: r.Name, name: r.Name}
		for _, n := range r.Members {
			u := byMember(n)
			if u == nil || placed[u] {
				continue
			}
			placed[u] = true
			b.units = append(b.units, u)
		}
		if len(b.units) > 0 {
			bodies = append(bodies, b)
		}
	}
	alone := 0
	for i, u := range units {
		if !placed[u] {
			alone++
			bodies = append(bodies, countyBody{number: string(u.Number), name: u.Name, units: units[i : i+1 : i+1]})
		}
	}
	return bodies, alone
}

// bodyStats summarises the bodies' inhabitants, all of them or those in
// groups; a body with a unit without data (or without age groups, when
// groups are asked for) has no data.
func bodyStats(bodies []countyBody, groups []generalist.AgeGroup) stats.Distribution {
	su := make([]stats.Unit, 0, len(bodies))
	for _, b := range bodies {
		var sum generalist.Persons
		known := true
		for _, u := range b.units {
			switch {
			case !u.known:
				known = false
			case len(groups) == 0:
				sum += u.total
			case u.ages == nil:
				known = false
			default:
				for _, g := range groups {
					sum += u.ages[g]
				}
			}
		}
		su = append(su, stats.Unit{Number: b.number, Name: b.name, Value: sum, Known: known})
	}
	d, _ := stats.Summarize(su, stats.DefaultUnder)
	return d
}
