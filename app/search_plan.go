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
	if name == "" {
		return nil, generalist.Errorf(generalist.EINVALID, "name: give the scenario a name")
	}
	for try := 0; ; try++ {
		id, err := a.freeScenarioID(ctx, name)
		if err != nil {
			return nil, err
		}
		sc := s.PlanScenario(plan, id, name, description)
		if len(sc.Mergers) == 0 {
			return nil, generalist.Errorf(generalist.EINVALID, "the search's proposal merges no municipalities; there is no scenario to save")
		}
		sc.Author = author
		err = a.CreateScenario(ctx, sc)
		if generalist.ErrorCode(err) == generalist.ECONFLICT && try < 3 {
			continue // the id was taken in between
		}
		if err != nil {
			return nil, err
		}
		return sc, nil
	}
}
