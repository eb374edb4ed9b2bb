package sim

import (
	"math"
	"slices"
	"sort"
	"sync"

	"generalist"
	"generalist/graph"
	"generalist/stats"
)

// Base is what the scenarios are evaluated on: a structure and year, its
// municipalities, their population, the task catalogue and the graph.
type Base struct {
	Structure      generalist.Structure
	Year           int
	Municipalities []generalist.Municipality
	// Populations has one record per municipality (Missing where there is
	// no data), with age groups where the source has them.
	Populations []generalist.Population
	Catalogue   *generalist.Catalogue
	// Graph gives contiguity, centroids and neighbours; nil skips the
	// contiguity check, distances and the graph part of the partner rule.
	Graph *graph.Graph
	// Centrality holds the centrality class of each municipality, for
	// criteria; nil when unknown.
	Centrality map[generalist.MunicipalityNumber]int
	// Today is today's registered cooperation (generalist.TodaysCooperation):
	// arrangements on the base's municipalities that every scenario,
	// today's system included, starts from. A scenario's own arrangements
	// and differentiation take precedence; mandated cooperation and county
	// relief act only on the units still alone after them. TodayBasis says
	// what they rest on and is carried into every outcome.
	Today      []generalist.Arrangement
	TodayBasis generalist.CooperationBasis
	// County is the county authority's task catalogue, for the county
	// lever (generalist.CountyChange); nil refuses a scenario that has one.
	County *generalist.CountyCatalogue

	// prep holds lookups built once from the fields above, so that
	// evaluating many scenarios on one input does not rebuild them. The
	// fields must not change after the first Run.
	once sync.Once
	prep *prepared
}

// prepared is the per-input index: populations and municipalities by
// number, centroids, and the adjacency as pairs of numbers.
type prepared struct {
	pops  map[generalist.MunicipalityNumber]*generalist.Population
	names map[generalist.MunicipalityNumber]*generalist.Municipality
	xy    map[generalist.MunicipalityNumber][2]float64
	pairs [][2]generalist.MunicipalityNumber
}

func (in *Base) prepared() *prepared {
	in.once.Do(func() {
		p := &prepared{
			pops:  make(map[generalist.MunicipalityNumber]*generalist.Population, len(in.Populations)),
			names: make(map[generalist.MunicipalityNumber]*generalist.Municipality, len(in.Municipalities)),
			xy:    map[generalist.MunicipalityNumber][2]float64{},
		}
		for i := range in.Populations {
			p.pops[in.Populations[i].Municipality] = &in.Populations[i]
		}
		for i := range in.Municipalities {
			p.names[in.Municipalities[i].Number] = &in.Municipalities[i]
		}
		if g := in.Graph; g != nil {
			nodes := g.Nodes()
			for _, n := range nodes {
				p.xy[generalist.MunicipalityNumber(n.Code)] = [2]float64{n.X, n.Y}
			}
			for _, e := range g.Edges() {
				p.pairs = append(p.pairs, [2]generalist.MunicipalityNumber{generalist.MunicipalityNumber(nodes[e.A].Code), generalist.MunicipalityNumber(nodes[e.B].Code)})
			}
		}
		in.prep = p
	})
	return in.prep
}

// Outcome is the evaluation of one scenario.
type Outcome struct {
	Scenario       string               `json:"scenario"`
	Structure      generalist.Structure `json:"structure"`
	Year           int                  `json:"year"`
	Municipalities int                  `json:"municipalities"`
	Inhabitants    generalist.Persons   `json:"inhabitants"`
	Stats          stats.Distribution   `json:"stats"`
	// Vulnerable counts task-unit pairs below the robust minimum;
	// VulnerableInhabitants sums, over those pairs, the people living in
	// the unit.
	Vulnerable            int                `json:"vulnerable"`
	VulnerableInhabitants generalist.Persons `json:"vulnerable_inhabitants"`
	Tasks                 []TaskOutcome      `json:"tasks"`
	Units                 []Unit             `json:"units"`
	Rules                 []RuleOutcome      `json:"rules"`
	Roles                 []RoleOutcome      `json:"roles"`
	// MeanOutsideShare is the population-weighted mean share of task FTEs
	// run outside the municipality's own organisation.
	MeanOutsideShare float64 `json:"mean_outside_share"`
	// MeanDistanceKm is the population-weighted mean distance from the
	// inhabitants' municipality centroid to their municipality's centre
	// (0 for municipalities that are not merged); nil without a graph.
	MeanDistanceKm *float64 `json:"mean_distance_km"`
	// TodaysCooperation says what the registered cooperation every
	// scenario starts from rests on (Base.TodayBasis).
	TodaysCooperation generalist.CooperationBasis `json:"todays_cooperation"`
	Problems          generalist.Problems         `json:"problems,omitempty"`
	// Economy is filled by the economy model when it is wired in.
	Economy any `json:"economy,omitempty"`
	// NewCooperations and Support are the cooperations the scenario
	// creates and what its support schemes pay for them; both only when
	// the scenario has a support scheme (cooperations.go, support.go).
	NewCooperations []NewCooperation `json:"new_cooperations,omitempty"`
	Support         *SupportOutcome  `json:"support,omitempty"`
	// County is what the scenario does to the county authority (nil
	// when it has no county lever, county relief or differentiation to
	// the county).
	County *CountyOutcome `json:"county,omitempty"`
}

// TaskOutcome summarises one task with a staffing model.
type TaskOutcome struct {
	Task        string             `json:"task"`
	Role        generalist.Role    `json:"role"`
	Short       int                `json:"units_short"`
	Inhabitants generalist.Persons `json:"inhabitants_short"`
	Grouped     int                `json:"units_in_groups"`
	Outside     int                `json:"units_outside"`
	Moved       int                `json:"units_moved_to_state"`
	Unknown     int                `json:"units_unknown"`
}

// Unit is a municipality after the scenario.
type Unit struct {
	Number     generalist.MunicipalityNumber   `json:"number"`
	Name       string                          `json:"name"`
	Members    []generalist.MunicipalityNumber `json:"members"`
	Population generalist.Count                `json:"population"`
	Shortfalls []string                        `json:"shortfalls"`
	// Outside counts the tasks carried by a group or another body, and
	// OutsideShare the share of the unit's task FTEs they make up.
	Outside      int      `json:"tasks_outside"`
	OutsideShare float64  `json:"outside_share"`
	DistanceKm   *float64 `json:"distance_km,omitempty"`
}

// RuleOutcome counts what one rule of the scenario touched.
type RuleOutcome struct {
	Rule           string             `json:"rule"`
	Municipalities int                `json:"municipalities"`
	Inhabitants    generalist.Persons `json:"inhabitants"`
}

// RoleOutcome summarises the four roles.
type RoleOutcome struct {
	Role       generalist.Role `json:"role"`
	Vulnerable int             `json:"vulnerable"`
	Outside    int             `json:"task_units_outside"`
}

// unit is a unit being evaluated.
type unit struct {
	Unit
	pop    generalist.Population
	known  bool
	centre generalist.MunicipalityNumber
	county generalist.CountyNumber
	// memberPop is each member's own population (0 where unknown), the
	// weights of the distance to the centre, in the order of Members
	// before splits are added.
	memberPop []generalist.Persons
	// x, y are the centre's centroid (UTM 33N metres) when hasXY; adj are
	// the units touching this one on the graph. Both are set once per Run
	// from the graph.
	x, y  float64
	hasXY bool
	idx   int // position in the sorted unit list
	seen  int // epoch of the last visit by assignment.within
	adj   []*unit
	// totalFTE sums the unit's own expected FTEs over every task, and
	// outsideFTE those of the tasks carried outside its organisation.
	totalFTE, outsideFTE float64
}

// Run evaluates s on in. Scenario errors (see Validate) are returned as an
// EINVALID error listing every problem; warnings go into the outcome.
func Run(in *Base, s *generalist.Scenario) (*Outcome, error) {
	problems := Validate(in, s)
	if err := problems.Err(); err != nil {
		return nil, err
	}
	cat, err := applyNorms(in.Catalogue, s.Norms)
	if err != nil {
		return nil, err
	}
	units, byMember, err := buildUnits(in, s)
	if err != nil {
		return nil, err
	}
	out := &Outcome{Scenario: s.Name, Structure: in.Structure, Year: in.Year, Problems: problems, TodaysCooperation: in.TodayBasis}
	if in.Graph != nil {
		prep := in.prepared()
		distances(prep, units)
		geometry(prep, units, byMember)
	}
	assign := newAssignment(in, s, cat, units, byMember)
	// One backing array for every unit's shortfalls: at most one entry
	// per task with a staffing model.
	n := 0
	for i := range cat.Tasks {
		if cat.Tasks[i].Staffing != nil {
			n++
		}
	}
	slab := make([]string, len(units)*n)
	for i, u := range units {
		u.Shortfalls = slab[i*n : i*n : (i+1)*n]
	}
	out.Tasks = make([]TaskOutcome, 0, n)
	for ti := range cat.Tasks {
		t := &cat.Tasks[ti]
		if t.Staffing == nil {
			continue
		}
		to := assign.task(t, out)
		out.Tasks = append(out.Tasks, to)
		assign.recordNew(t, out)
	}
	assign.support(out)
	out.Rules = assign.ruleList()
	summarise(out, units)
	out.County = countyOutcome(in, s, units, byMember, out)
	return out, nil
}

// applyNorms returns the catalogue with the norm changes applied.
func applyNorms(cat *generalist.Catalogue, norms []generalist.NormChange) (*generalist.Catalogue, error) {
	if len(norms) == 0 {
		return cat, nil
	}
	out := &generalist.Catalogue{Version: cat.Version + "+normer", Tasks: slices.Clone(cat.Tasks)}
	for _, n := range norms {
		for i := range out.Tasks {
			t := &out.Tasks[i]
			if t.ID != n.Task || t.Staffing == nil {
				continue
			}
			st := *t.Staffing
			note := "Scenario: " + n.Note
			if n.FTEPer1000 != nil {
				st.FTEPer1000 = generalist.Param{Value: *n.FTEPer1000, Assumption: true, Note: note}
			}
			if n.MinTeam != nil {
				st.MinTeam = generalist.Param{Value: *n.MinTeam, Assumption: true, Note: note}
			}
			t.Staffing = &st
		}
	}
	return out, out.Validate()
}

// buildUnits forms the units after mergers and splits. Validate refuses
// every scenario it cannot form; it checks again what it relies on (each
// municipality it names is in the base, each split's parts go to a unit)
// so that a scenario that got past validation gives EINVALID naming the
// place, not a panic or an internal error. It also checks that every
// host of a differentiation is a unit, which the assignment relies on.
func buildUnits(in *Base, s *generalist.Scenario) ([]*unit, map[generalist.MunicipalityNumber]*unit, error) {
	prep := in.prepared()
	pops, names := prep.pops, prep.names
	for i, mg := range s.Mergers {
		if len(mg.Members) == 0 {
			return nil, nil, generalist.Errorf(generalist.EINVALID, "mergers[%d] (%s): a merger needs at least two municipalities", i, mg.Name)
		}
		for _, n := range append(slices.Clip(mg.Members), mg.Centre) {
			if names[n] == nil && n != "" {
				return nil, nil, generalist.Errorf(generalist.EINVALID, "mergers[%d] (%s): kommune %s is not in the %d structure", i, mg.Name, n, in.Structure)
			}
		}
	}
	for i, sp := range s.Splits {
		for _, n := range append(slices.Clip(sp.Into), sp.From) {
			if names[n] == nil {
				return nil, nil, generalist.Errorf(generalist.EINVALID, "splits[%d]: kommune %s is not in the %d structure", i, n, in.Structure)
			}
		}
		if len(sp.Shares) > 0 && len(sp.Shares) != len(sp.Into) {
			return nil, nil, generalist.Errorf(generalist.EINVALID, "splits[%d]: give one share per part", i)
		}
	}
	byMember := make(map[generalist.MunicipalityNumber]*unit, len(in.Municipalities))
	// One allocation each for the units and their age groups.
	slab := make([]unit, 0, len(in.Municipalities))
	ages := make([]generalist.AgeCounts, 0, len(in.Municipalities))
	var units []*unit
	split := map[generalist.MunicipalityNumber]bool{}
	for _, sp := range s.Splits {
		split[sp.From] = true
	}
	// newUnit forms a unit; members must be sorted (split parts are
	// appended after them, unsorted, and carry no distance weight).
	// Backing arrays for the members and their populations: a unit's
	// slices are windows on them (split parts appended later reallocate
	// only that unit's Members, whose window is capped).
	memberSlab := make([]generalist.MunicipalityNumber, 0, len(in.Municipalities))
	popSlab := make([]generalist.Persons, len(in.Municipalities))
	used := 0
	newUnit := func(number generalist.MunicipalityNumber, name string, members []generalist.MunicipalityNumber) *unit {
		ages = append(ages, generalist.AgeCounts{})
		var mp []generalist.Persons
		if used+len(members) <= len(popSlab) {
			mp = popSlab[used : used+len(members) : used+len(members)]
			used += len(members)
		} else {
			mp = make([]generalist.Persons, len(members))
		}
		slab = append(slab, unit{Unit: Unit{Number: number, Name: name, Members: members}, centre: number, county: names[number].County, known: true,
			memberPop: mp,
			pop:       generalist.Population{Structure: in.Structure, Year: in.Year, Municipality: number, Ages: &ages[len(ages)-1]}})
		u := &slab[len(slab)-1]
		for i, m := range members {
			byMember[m] = u
			if split[m] {
				continue // its population is distributed below
			}
			p, ok := pops[m]
			if !ok || p.Missing {
				u.known = false
				continue
			}
			u.pop.Total += p.Total
			u.memberPop[i] = p.Total
			if p.Ages == nil {
				u.pop.Ages = nil
			} else if u.pop.Ages != nil {
				for g := range p.Ages {
					u.pop.Ages[g] += p.Ages[g]
				}
			}
		}
		units = append(units, u)
		return u
	}
	for _, mg := range s.Mergers {
		centre := mg.Centre
		if centre == "" {
			centre = slices.Min(mg.Members)
		}
		name := mg.Name
		if name == "" {
			name = names[centre].ShortName
		}
		members := slices.Clone(mg.Members)
		slices.Sort(members)
		newUnit(centre, name, members)
	}
	for _, m := range in.Municipalities {
		if byMember[m.Number] == nil && !split[m.Number] {
			memberSlab = append(memberSlab, m.Number)
			k := len(memberSlab)
			newUnit(m.Number, m.ShortName, memberSlab[k-1:k:k])
		}
	}
	for si, sp := range s.Splits {
		p, ok := pops[sp.From]
		if !ok {
			p = &generalist.Population{Missing: true}
		}
		for i, into := range sp.Into {
			u := byMember[into]
			if u == nil {
				return nil, nil, generalist.Errorf(generalist.EINVALID, "splits[%d]: kommune %s cannot receive a part of %s: it is split itself", si, into, sp.From)
			}
			if p.Missing || len(sp.Shares) == 0 {
				u.known = false // no authoritative shares: no data
				continue
			}
			share := sp.Shares[i]
			u.pop.Total += generalist.Persons(math.Round(float64(p.Total) * share))
			if u.pop.Ages != nil && p.Ages != nil {
				for g := range p.Ages {
					u.pop.Ages[g] += generalist.Persons(math.Round(float64(p.Ages[g]) * share))
				}
			} else {
				u.pop.Ages = nil
			}
			u.Members = append(u.Members, sp.From)
		}
	}
	for _, u := range units {
		u.Population = generalist.Count{Municipality: u.Number, Value: u.pop.Total, Known: u.known}
		if !u.known {
			u.Population = generalist.Count{Municipality: u.Number, Note: generalist.NoteSplitCarried}
			u.pop = generalist.Population{Structure: in.Structure, Year: in.Year, Municipality: u.Number, Missing: true, Note: generalist.NoteSplitCarried}
		} else if u.pop.Ages != nil && u.pop.Ages.Sum() != u.pop.Total {
			// Rounding of split shares can leave the age groups a person
			// off the total: the total wins and the groups are dropped
			// rather than adjusted.
			u.pop.Ages = nil
		}
	}
	for i, d := range s.Differentiated {
		if d.To == generalist.ToHost && byMember[d.Host] == nil {
			return nil, nil, generalist.Errorf(generalist.EINVALID, "differentiation[%d] (%s): the host %s is no municipality after the scenario", i, d.Task, d.Host)
		}
	}
	sort.Slice(units, func(i, j int) bool { return units[i].Number < units[j].Number })
	return units, byMember, nil
}

// distances sets each merged unit's distance from its inhabitants to its
// centre: the mean over members of the distance between the member's
// centroid and the centre's, weighted by the member's population (members
// without a known population weigh nothing). Unmerged units get 0.
func distances(prep *prepared, units []*unit) {
	for _, u := range units {
		c, ok := prep.xy[u.centre]
		if !ok {
			continue
		}
		d := 0.0
		if len(u.Members) > 1 {
			var w, sum float64
			for i, m := range u.Members {
				n, ok := prep.xy[m]
				if !ok || i >= len(u.memberPop) {
					continue // split parts added later carry no weight
				}
				pw := float64(u.memberPop[i])
				sum += pw * math.Hypot(n[0]-c[0], n[1]-c[1]) / 1000
				w += pw
			}
			if w > 0 {
				d = sum / w
			}
		}
		u.DistanceKm = &d
	}
}

// geometry sets each unit's centroid and neighbouring units from the
// prepared graph, so the partner rule needs no lookups.
func geometry(prep *prepared, units []*unit, byMember map[generalist.MunicipalityNumber]*unit) {
	for _, u := range units {
		if c, ok := prep.xy[u.centre]; ok {
			u.x, u.y, u.hasXY = c[0], c[1], true
		}
	}
	for _, p := range prep.pairs {
		a, b := byMember[p[0]], byMember[p[1]]
		if a == nil || b == nil || a == b || slices.Contains(a.adj, b) {
			continue
		}
		a.adj = append(a.adj, b)
		b.adj = append(b.adj, a)
	}
	// The pairs come in the graph's edge order, so adj is deterministic;
	// the partner rule breaks ties by number and needs no sorted order.
}
