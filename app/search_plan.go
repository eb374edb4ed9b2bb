package app

import (
	"context"

	"generalist"
	"generalist/optimize"
)

// SavePlan stores a search's plan as a new merger scenario (PlanScenario)
// named name, under an id made from the name that no stored or example
// scenario has, with author as its author. A plan without any merger is
// refused: there is nothing to save.
func (a *App) SavePlan(ctx context.Context, s *Search, plan *optimize.Plan, name, description, author string) (*generalist.Scenario, error) {
	return a.saveNamed(ctx, name, author, func(id string) (*generalist.Scenario, error) {
		sc := s.PlanScenario(plan, id, name, description)
		if len(sc.Mergers) == 0 {
			return nil, generalist.Errorf(generalist.EINVALID, "the search's proposal merges no municipalities; there is no scenario to save")
		}
		return sc, nil
	})
}
