package economy

import (
	"fmt"

	"generalist"
)

// ForScenario is the economy section of a scenario's outcome: Evaluate on
// the scenario's mergers, under the latest budget year with parameters
// that is not after the scenario's year. The tables use 2024
// municipality numbers, so the scenario must be on the 2024 structure.
// Splits are not modelled and are listed as missing. The prepared country
// of the year is kept in m, so repeated calls cost only the evaluation.
func ForScenario(m *Model, s *generalist.Scenario) (*Outcome, error) {
	if s.Structure != generalist.Structure2024 {
		return nil, generalist.Errorf(generalist.EINVALID, "the income-system tables use the 2024 municipality numbers; the scenario is on the %d structure", s.Structure)
	}
	year := 0
	for _, y := range m.Params.Years() {
		if y <= s.Year {
			year = y
		}
	}
	if year == 0 {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no income-system parameters for %d or earlier (there are files for %s)", s.Year, yearList(m.Params.Years()))
	}
	groups := make([]Group, len(s.Mergers))
	for i, mg := range s.Mergers {
		groups[i] = Group{Name: mg.Name, Members: mg.Members}
	}
	c, err := m.Country(year)
	if err != nil {
		return nil, err
	}
	o, err := c.Evaluate(groups)
	if err != nil {
		return nil, err
	}
	o.ScenarioYear = s.Year
	var g gaps
	for _, name := range o.Missing {
		g.add(name, o.Reasons[name])
	}
	if year != s.Year {
		g.add("budget_year", fmt.Sprintf("the scenario is for %d; the income system of %d, the latest budget year with parameters, is used", s.Year, year))
	}
	if len(s.Splits) > 0 {
		g.add("splits", "what a split does to the money is not modelled")
	}
	if g.names != nil {
		o.Missing, o.Reasons = g.names, g.reasons
	}
	return o, nil
}
