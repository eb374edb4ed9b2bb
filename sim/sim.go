package sim

import (
	"slices"
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

	// prep holds what every scenario on the base shares, built once from
	// the fields above (prepare.go), so that evaluating many scenarios on
	// one base does not rebuild it. The fields must not change after the
	// first Run.
	once sync.Once
	prep *prepared
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
	// CentreDistance is how far the centre moves for the inhabitants of
	// the merged municipalities, over them only (distance.go).
	CentreDistance CentreDistance `json:"centre_distance"`
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
	// Outside counts the role's task–unit pairs carried in cooperation
	// or by another body. It is nil when today's cooperation is unknown
	// (Outcome.CooperationKnown): the pairs today's system runs together
	// are then not known, so no count is; OutsideAtLeast is then what the
	// scenario's own choices put there, a lower bound, and otherwise the
	// same as Outside.
	Outside        *int `json:"task_units_outside"`
	OutsideAtLeast int  `json:"task_units_outside_at_least"`
}

// CooperationKnown reports whether today's cooperation is known: the
// registry's cooperations in force were applied and there is at least
// one. With none (an empty registry, or a structure the registry is not
// kept on) a figure of cooperation is unknown, not 0; with some, a pair
// none of them covers is really not in cooperation.
func (o *Outcome) CooperationKnown() bool {
	return o.TodaysCooperation.Applied && o.TodaysCooperation.Cooperations > 0
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
	units, at, outs, err := buildUnits(in, s)
	if err != nil {
		return nil, err
	}
	out := &Outcome{Scenario: s.Name, Structure: in.Structure, Year: in.Year, Problems: problems, TodaysCooperation: in.TodayBasis, Units: outs}
	n := 0
	for i := range cat.Tasks {
		if cat.Tasks[i].Staffing != nil {
			n++
		}
	}
	assign := newAssignment(in, s, cat, units, at, n)
	out.Tasks = make([]TaskOutcome, 0, n)
	ids := make([]string, 0, n)
	for ti := range cat.Tasks {
		t := &cat.Tasks[ti]
		if t.Staffing == nil {
			continue
		}
		out.Tasks = append(out.Tasks, assign.task(ti, len(ids)))
		ids = append(ids, t.ID)
		assign.recordNew(t, out)
	}
	assign.support(out)
	out.Rules = assign.ruleList()
	assign.shortfalls(ids)
	assign.summarise(out)
	out.County = countyOutcome(in, s, units, assign.unitOf, out)
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
