package generalist

import "fmt"

// SupportScheme is a state grant for new inter-municipal cooperation in a
// transition period ("økonomisk støtteordning ved etablering av IKS i en
// overgangsperiode etter nærmere kriterier"): an amount a year per new
// cooperation and/or per participant, for Years years from the scenario's
// year, for the cooperations the scenario creates that meet Criteria.
// Amounts and criteria are the user's policy choice; Generalist ships no
// default (docs/support-scheme.md states the rule and the formula).
type SupportScheme struct {
	Name string `json:"name,omitempty"`
	// PerCooperation is kroner a year per qualifying cooperation, shared
	// equally by its qualifying participants; PerParticipant is kroner a
	// year to each qualifying participant. At least one is above 0.
	PerCooperation Kroner `json:"per_cooperation,omitempty"`
	PerParticipant Kroner `json:"per_participant,omitempty"`
	// Years is the transition period: the scenario's year and the
	// Years-1 years after it.
	Years    int             `json:"years"`
	Criteria SupportCriteria `json:"criteria,omitzero"`
}

// SupportCriteria select the new cooperations a scheme pays for and, in
// them, the participants it pays. Every criterion that is set must hold;
// an empty list or zero value is not a criterion.
type SupportCriteria struct {
	// Forms and Tasks limit the cooperations by legal form and task.
	Forms []IMCForm `json:"forms,omitempty"`
	Tasks []string  `json:"tasks,omitempty"`
	// PopulationBelow and BelowRobust select the participants: fewer
	// inhabitants than PopulationBelow, and own team for the
	// cooperation's task below the robust minimum. A cooperation
	// qualifies when at least one participant does.
	PopulationBelow Persons `json:"population_below,omitempty"`
	BelowRobust     bool    `json:"below_robust,omitempty"`
}

// MaxSupportYears bounds a scheme's transition period.
const MaxSupportYears = 50

// validateSupport checks the support schemes; tasks is the catalogue by id
// (nil: no catalogue, tasks are not checked). Each problem carries a
// message key and its arguments so that an edge can word it.
func (s *Scenario) validateSupport(tasks map[string]*Task, add func(Problem)) {
	problem := func(where, key, format string, args ...any) {
		e := Errorw(EINVALID, key, format, args...)
		add(Problem{Where: where, Message: e.Message, Key: e.Key, Args: e.Args})
	}
	for i, sc := range s.Support {
		where := fmt.Sprintf("support[%d]", i)
		if sc.Name != "" {
			where += " (" + sc.Name + ")"
		}
		switch {
		case sc.PerCooperation < 0 || sc.PerCooperation != sc.PerCooperation:
			problem(where, "err.support.negative.coop", "the grant per cooperation %g is negative; give kroner a year, 0 or more", float64(sc.PerCooperation))
		case sc.PerParticipant < 0 || sc.PerParticipant != sc.PerParticipant:
			problem(where, "err.support.negative.part", "the grant per participant %g is negative; give kroner a year, 0 or more", float64(sc.PerParticipant))
		case sc.PerCooperation == 0 && sc.PerParticipant == 0:
			problem(where, "err.support.noamount", "give a grant per cooperation or per participant (kroner a year)")
		case sc.PerCooperation > 1e12 || sc.PerParticipant > 1e12:
			problem(where, "err.support.toolarge", "a grant above 1 000 000 000 000 kroner a year is not a plausible policy")
		}
		if sc.Years < 1 || sc.Years > MaxSupportYears {
			problem(where, "err.support.years", "the transition period of %d years must be from 1 to %d years", sc.Years, MaxSupportYears)
		}
		for _, f := range sc.Criteria.Forms {
			if !f.Valid() && !f.RequiresLawChange() {
				problem(where, "err.support.form", "unknown form %q in the criteria", string(f))
			}
		}
		for _, id := range sc.Criteria.Tasks {
			if tasks != nil && tasks[id] == nil {
				problem(where, "err.support.task", "task %q in the criteria is not in the task catalogue", id)
			}
		}
		if sc.Criteria.PopulationBelow < 0 {
			problem(where, "err.support.population", "population_below %d is negative", int64(sc.Criteria.PopulationBelow))
		}
	}
}
