package app

import (
	"context"
	"fmt"
	"strings"

	"generalist"
)

// GroupsScenario turns fixed cooperation regions into a scenario of
// fixed-partner cooperation: every region of two or more municipalities
// runs each chosen task as an administrative host-municipality
// cooperation (kommuneloven § 20-2) hosted by its most populous member.
// Municipalities alone in their region, and exempt ones, keep today's
// arrangement.
func (res *GroupsResult) GroupsScenario(id, name, description string) *generalist.Scenario {
	c := res.Criteria
	sc := &generalist.Scenario{ID: id, Name: name, Description: description, Structure: c.Structure, Year: c.Year}
	for _, r := range res.Regions {
		if len(r.Members) < 2 {
			continue
		}
		for _, t := range c.Tasks {
			sc.Arrangements = append(sc.Arrangements, generalist.Arrangement{Task: t, Form: generalist.FormHostAdmin,
				Members: append([]generalist.MunicipalityNumber(nil), r.Members...), Host: r.Host})
		}
	}
	return sc
}

// GroupsDescription is the stored scenario's description of a search for
// fixed cooperation regions: the criteria, in bokmål as the other saved
// plans.
func (res *GroupsResult) GroupsDescription() string {
	c := res.Criteria
	var b strings.Builder
	fmt.Fprintf(&b, "Faste samarbeidsregioner funnet med struktursøket: hver region når minste robuste fagmiljø for %s samtidig", strings.Join(c.Tasks, ", "))
	if c.MaxKm > 0 {
		fmt.Fprintf(&b, ", innen %s km fra regionens sentrum", num(c.MaxKm))
	}
	fmt.Fprintf(&b, "; %d regioner (øvre grense %d). Vertskommune er den mest folkerike kommunen i regionen.", res.Count, res.Bound)
	if len(res.Exempt) > 0 {
		fmt.Fprintf(&b, " %d kommuner er holdt utenfor fordi de ikke kan nå kravene.", len(res.Exempt))
	}
	b.WriteString(" Et eksempel på konsekvensene av kriteriene, ikke et forslag.")
	return b.String()
}

// SaveGroups stores fixed cooperation regions as a new scenario
// (GroupsScenario) named name, under an id made from the name, with author
// as its author. Regions without any cooperation (every municipality
// alone) are refused: there is nothing to save.
func (a *App) SaveGroups(ctx context.Context, res *GroupsResult, name, author string) (*generalist.Scenario, error) {
	return a.saveNamed(ctx, name, author, func(id string) (*generalist.Scenario, error) {
		sc := res.GroupsScenario(id, name, res.GroupsDescription())
		if len(sc.Arrangements) == 0 {
			return nil, generalist.Errorf(generalist.EINVALID, "the search's regions join no municipalities; there is no scenario to save")
		}
		return sc, nil
	})
}
