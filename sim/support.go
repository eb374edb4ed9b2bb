package sim

import (
	"cmp"
	"slices"

	"generalist"
)

// SupportOutcome is what the scenario's support schemes
// (generalist.SupportScheme) cost the state and give each municipality.
// Rule: a new cooperation qualifies for a scheme when its form and task
// are among the scheme's (when given) and at least one participant meets
// the participant criteria (fewer inhabitants than population_below, own
// team below the robust minimum); with no participant criteria every
// participant meets them. The qualifying participants receive the grant:
// the grant per cooperation is shared equally among them, the grant per
// participant goes to each. Each scheme pays a year from the scenario's
// year for its number of years; a cooperation that meets several schemes
// receives each. Amounts are kroner of the scenario's year, not rounded.
type SupportOutcome struct {
	FirstYear int             `json:"first_year"`
	LastYear  int             `json:"last_year"`
	Schemes   []SchemeOutcome `json:"schemes"`
	// Years is the state's cost each year of the period and Total its sum:
	// the cooperations whose grant is known (Unknown counts the others).
	Years   []SupportYear     `json:"years"`
	Total   generalist.Kroner `json:"total"`
	Unknown int               `json:"unknown_cooperations"`
	// Municipalities are the municipalities in a supported cooperation,
	// by number.
	Municipalities []SupportRecipient `json:"municipalities"`
}

// SchemeOutcome is one scheme's cooperations and cost.
type SchemeOutcome struct {
	Index     int    `json:"index"` // in Scenario.Support
	Name      string `json:"name,omitempty"`
	FirstYear int    `json:"first_year"`
	LastYear  int    `json:"last_year"`
	// Cooperations are the qualifying new cooperations; Unknown the new
	// cooperations a participant criterion cannot be judged for (no data).
	Cooperations []SupportedCooperation `json:"cooperations"`
	Unknown      []string               `json:"unknown,omitempty"`
	// NewCooperations counts every new cooperation the scheme was tried on.
	NewCooperations int               `json:"new_cooperations"`
	PerYear         generalist.Kroner `json:"per_year"`
	Total           generalist.Kroner `json:"total"`
}

// SupportedCooperation is a qualifying cooperation and its grant a year.
type SupportedCooperation struct {
	Rule       string             `json:"rule"`
	Task       string             `json:"task"`
	Form       generalist.IMCForm `json:"form"`
	Recipients []Grant            `json:"recipients"`
	PerYear    generalist.Kroner  `json:"per_year"`
}

// Grant is what one municipality receives a year from one cooperation.
type Grant struct {
	Number  generalist.MunicipalityNumber `json:"number"`
	Name    string                        `json:"name"`
	PerYear generalist.Kroner             `json:"per_year"`
}

// SupportYear is the state's cost in one year.
type SupportYear struct {
	Year int               `json:"year"`
	Cost generalist.Kroner `json:"cost"`
}

// SupportRecipient is what one municipality receives: in the first year
// (when every scheme pays) and over the period. Known is false when it is
// in a new cooperation whose grant cannot be judged (no data): its
// amounts are then unknown (null), not 0.
type SupportRecipient struct {
	Number       generalist.MunicipalityNumber `json:"number"`
	Name         string                        `json:"name"`
	Cooperations int                           `json:"cooperations"`
	FirstYear    *generalist.Kroner            `json:"first_year"`
	Total        *generalist.Kroner            `json:"total"`
	Known        bool                          `json:"known"`
}

// EvaluateSupport applies the scenario's support schemes to its new
// cooperations; nil when it has none.
func EvaluateSupport(s *generalist.Scenario, coops []NewCooperation) *SupportOutcome {
	if len(s.Support) == 0 {
		return nil
	}
	out := &SupportOutcome{FirstYear: s.Year, LastYear: s.Year, Schemes: []SchemeOutcome{}, Years: []SupportYear{}, Municipalities: []SupportRecipient{}}
	for _, sch := range s.Support {
		out.LastYear = max(out.LastYear, s.Year+sch.Years-1)
	}
	for y := out.FirstYear; y <= out.LastYear; y++ {
		out.Years = append(out.Years, SupportYear{Year: y})
	}
	recipients := map[generalist.MunicipalityNumber]*SupportRecipient{}
	recipient := func(n generalist.MunicipalityNumber, name string) *SupportRecipient {
		r := recipients[n]
		if r == nil {
			r = &SupportRecipient{Number: n, Name: name, Known: true}
			recipients[n] = r
		}
		return r
	}
	unknown := map[string]bool{}
	sums := map[generalist.MunicipalityNumber]*[2]generalist.Kroner{} // first year, period
	// in holds the distinct cooperations each municipality has a grant from.
	in := map[generalist.MunicipalityNumber]map[string]bool{}
	for i, sch := range s.Support {
		so := SchemeOutcome{Index: i, Name: sch.Name, FirstYear: s.Year, LastYear: s.Year + sch.Years - 1, Cooperations: []SupportedCooperation{}}
		for _, c := range coops {
			if len(sch.Criteria.Forms) > 0 && !slices.Contains(sch.Criteria.Forms, c.Form) ||
				len(sch.Criteria.Tasks) > 0 && !slices.Contains(sch.Criteria.Tasks, c.Task) {
				continue
			}
			so.NewCooperations++
			var qualifying []Participant
			judged := true
			for _, p := range c.Participants {
				meets, known := meetsSupport(sch.Criteria, p)
				judged = judged && known
				if meets {
					qualifying = append(qualifying, p)
				}
			}
			if !judged {
				so.Unknown = append(so.Unknown, c.Rule)
				unknown[c.Rule] = true
				for _, p := range c.Participants {
					recipient(p.Number, p.Name).Known = false
				}
				continue
			}
			if len(qualifying) == 0 {
				continue
			}
			sc := SupportedCooperation{Rule: c.Rule, Task: c.Task, Form: c.Form, PerYear: sch.PerCooperation + sch.PerParticipant*generalist.Kroner(len(qualifying))}
			share := sch.PerCooperation/generalist.Kroner(len(qualifying)) + sch.PerParticipant
			for _, p := range qualifying {
				sc.Recipients = append(sc.Recipients, Grant{Number: p.Number, Name: p.Name, PerYear: share})
				r := recipient(p.Number, p.Name)
				if sums[p.Number] == nil {
					sums[p.Number] = new([2]generalist.Kroner)
				}
				if in[p.Number] == nil {
					in[p.Number] = map[string]bool{}
				}
				in[p.Number][c.Rule] = true
				r.Cooperations = len(in[p.Number])
				sums[p.Number][0] += share
				sums[p.Number][1] += share * generalist.Kroner(sch.Years)
			}
			so.Cooperations = append(so.Cooperations, sc)
			so.PerYear += sc.PerYear
		}
		so.Total = so.PerYear * generalist.Kroner(sch.Years)
		for y := range sch.Years {
			out.Years[y].Cost += so.PerYear
		}
		out.Total += so.Total
		out.Schemes = append(out.Schemes, so)
	}
	out.Unknown = len(unknown)
	for _, r := range recipients {
		if sum := sums[r.Number]; r.Known && sum != nil {
			r.FirstYear, r.Total = &sum[0], &sum[1]
		}
		out.Municipalities = append(out.Municipalities, *r)
	}
	slices.SortFunc(out.Municipalities, func(x, y SupportRecipient) int { return cmp.Compare(x.Number, y.Number) })
	return out
}

// meetsSupport reports whether a participant meets a scheme's participant
// criteria and whether that could be judged (false when a criterion
// needs data it lacks). With no participant criteria every participant
// meets them.
func meetsSupport(c generalist.SupportCriteria, p Participant) (meets, known bool) {
	meets, known = true, true
	if c.PopulationBelow > 0 {
		if !p.Population.Known {
			known = false
		} else if p.Population.Value >= c.PopulationBelow {
			meets = false
		}
	}
	if c.BelowRobust {
		if p.RobustAlone == nil {
			known = false
		} else if *p.RobustAlone {
			meets = false
		}
	}
	return meets && known, known
}
