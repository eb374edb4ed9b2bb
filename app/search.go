package app

import (
	"context"
	"fmt"
	"math"
	"slices"

	"generalist"
	"generalist/atlas"
	"generalist/optimize"
)

// Criteria are what a structure search asks of every group.
type Criteria struct {
	Structure generalist.Structure
	// Year of the population (0: the latest year with data).
	Year int
	// Floor each group must reach: inhabitants, or with Task the task's
	// expected FTEs (0 with a task: the task's robust minimum team).
	Floor float64
	Task  string
	// WithinCounty keeps every group inside one county.
	WithinCounty bool
	KeepFeasible bool
	NoSeaLinks   bool
	// MaxKm bounds the distance from a member to its group's centre
	// (0: no bound).
	MaxKm     float64
	Objective optimize.Objective
	// Lock ("3201+3203,…") and Forbid ("0301-3201,…") in optimize's
	// syntax.
	Lock, Forbid string
}

// Search is a structure-search problem built from Criteria.
type Search struct {
	Criteria
	Problem optimize.Problem
	// Unit is the unit of the weights and the floor: UnitInhabitants or
	// UnitFTE.
	Unit string
}

// Units of a search's weights.
const (
	UnitInhabitants = "inhabitants"
	UnitFTE         = "FTE"
)

// SearchProblem builds the problem of a structure search: the structure's
// graph, each municipality's weight (its population, or a task's expected
// FTEs from the capacity model) and the constraints. A municipality
// without data refuses the search (EINVALID, naming it): its weight is
// never taken as 0.
func (a *App) SearchProblem(ctx context.Context, c Criteria) (*Search, error) {
	if err := c.Structure.Validate(); err != nil {
		return nil, err
	}
	if math.IsNaN(c.Floor) || math.IsInf(c.Floor, 0) || c.Floor < 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "floor %v: must be a positive number (inhabitants, or FTEs with a task)", c.Floor)
	}
	if math.IsNaN(c.MaxKm) || math.IsInf(c.MaxKm, 0) || c.MaxKm < 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "maximum distance %v: must be a number of km, 0 or more", c.MaxKm)
	}
	g, err := a.Graph(c.Structure)
	if err != nil {
		return nil, err
	}
	if g == nil {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "there are no boundaries, so no adjacency graph, for the %d structure", c.Structure)
	}
	if c.Year == 0 {
		if c.Year, err = a.LatestYear(ctx, c.Structure); err != nil {
			return nil, err
		}
	}
	s := &Search{Criteria: c, Unit: UnitInhabitants}
	w := make([]float64, g.Len())
	if c.Task == "" {
		counts, err := remember(ctx, a, fmt.Sprintf("population/%d/%d", c.Structure, c.Year), func() (map[string]generalist.Count, error) {
			p, err := atlas.Population(ctx, a.Store, c.Structure, c.Year)
			if err != nil {
				return nil, err
			}
			out := make(map[string]generalist.Count, len(p.Values))
			for _, v := range p.Values {
				out[string(v.Municipality)] = v
			}
			return out, nil
		})
		if err != nil {
			return nil, err
		}
		for i, n := range g.Nodes() {
			v, ok := counts[n.Code]
			if !ok || !v.Known {
				return nil, generalist.Errorf(generalist.EINVALID, "no population for %s %s on 1 January %d", n.Code, n.Name, c.Year)
			}
			w[i] = float64(v.Value)
		}
	} else {
		// Each municipality's own expected FTEs: the cells are alone,
		// whatever today's cooperation.
		res, err := a.Capacity(ctx, c.Structure, c.Year, TodayOptions{})
		if err != nil {
			return nil, err
		}
		by := make(map[string]int, g.Len())
		for i, n := range g.Nodes() {
			by[n.Code] = i
		}
		found := false
		for _, m := range res.Municipalities {
			for _, cell := range m.Cells {
				if cell.Task != c.Task {
					continue
				}
				found = true
				if !cell.Known {
					return nil, generalist.Errorf(generalist.EINVALID, "no population by age for %s %s, needed for task %s", m.Number, m.Name, c.Task)
				}
				if i, ok := by[string(m.Number)]; ok {
					w[i] = cell.Expected
				}
				if s.Floor == 0 {
					s.Floor = cell.MinTeam
				}
			}
		}
		if !found {
			return nil, generalist.Errorf(generalist.EINVALID, "task %q: no task with a staffing model has that id", c.Task)
		}
		s.Unit = UnitFTE
	}
	if s.Floor <= 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "floor: required, a positive number (inhabitants, or FTEs with a task)")
	}
	p := optimize.Problem{Graph: g, Weight: w, Floor: s.Floor, Objective: c.Objective, KeepFeasible: c.KeepFeasible,
		MaxKm: generalist.Km(c.MaxKm), NoSeaLinks: c.NoSeaLinks}
	if c.WithinCounty {
		p.Region = make([]string, g.Len())
		for i, n := range g.Nodes() {
			p.Region[i] = string(generalist.MunicipalityNumber(n.Code).County())
		}
	}
	if p.Locked, err = optimize.ParseLocked(g, c.Lock); err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "lock: %s", generalist.ErrorMessage(err))
	}
	if p.Forbidden, err = optimize.ParseForbidden(g, c.Forbid); err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "forbid: %s", generalist.ErrorMessage(err))
	}
	s.Problem = p
	return s, nil
}

// PlanScenario turns a search's plan into a merger scenario: every group
// of several municipalities becomes a merger named after and centred on
// its member with the largest weight (for a population floor, the most
// populous).
func (s *Search) PlanScenario(plan *optimize.Plan, id, name, description string) *generalist.Scenario {
	sc := &generalist.Scenario{ID: id, Name: name, Description: description, Structure: s.Structure, Year: s.Year}
	g := s.Problem.Graph
	for _, members := range plan.Members() {
		if len(members) < 2 {
			continue
		}
		centre := members[0]
		var ms []generalist.MunicipalityNumber
		for _, v := range members {
			if s.Problem.Weight[v] > s.Problem.Weight[centre] {
				centre = v
			}
			ms = append(ms, generalist.MunicipalityNumber(g.Node(v).Code))
		}
		slices.Sort(ms)
		sc.Mergers = append(sc.Mergers, generalist.Merger{Name: g.Node(centre).Name, Members: ms, Centre: generalist.MunicipalityNumber(g.Node(centre).Code)})
	}
	return sc
}
