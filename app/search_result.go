package app

import (
	"context"
	"time"

	"generalist"
	"generalist/optimize"
)

// SearchResult is a structure search's plan as the API and the jobs give
// it (the JSON of /api/v1/search and of a search job): the plan's count,
// its upper bound and gap, and its groups with the municipalities' numbers
// and names.
type SearchResult struct {
	Structure generalist.Structure `json:"structure"`
	Year      int                  `json:"year"`
	Floor     float64              `json:"floor"`
	Unit      string               `json:"unit"`
	Task      string               `json:"task,omitempty"`
	PlanFigures
	Seed   uint64        `json:"seed"`
	Merged int           `json:"merged_groups"`
	Alone  int           `json:"alone"`
	Groups []SearchGroup `json:"groups"`
}

// PlanFigures are the figures of a structure search's plan that both its
// JSON contracts give (SearchResult, and "search groups --json" in
// cmd/generalist), each at its own place among its fields: the number of
// groups, the upper bound on it and the gap, the objective and its kind,
// and the seconds the search took.
type PlanFigures struct {
	Count     int     `json:"count"`
	Bound     int     `json:"bound"`
	Gap       float64 `json:"gap"`
	Objective float64 `json:"objective"`
	Kind      string  `json:"objective_kind"`
	Seconds   float64 `json:"seconds"`
}

// PlanFiguresOf gives plan's figures, for a search that took seconds.
func PlanFiguresOf(plan *optimize.Plan, seconds float64) PlanFigures {
	return PlanFigures{Count: plan.Count, Bound: plan.Bound, Gap: plan.Gap(), Objective: plan.Objective, Kind: plan.Kind.String(), Seconds: seconds}
}

// SearchGroup is a group of a plan: its members and their weight.
type SearchGroup struct {
	Members []SearchMember `json:"members"`
	Weight  float64        `json:"weight"`
}

// SearchMember is a municipality of a group.
type SearchMember struct {
	Number string `json:"number"`
	Name   string `json:"name"`
}

// Solve runs the search s with set and presents its plan; the plan itself
// is returned too, for the edges that draw it or save it as a scenario.
func (s *Search) Solve(ctx context.Context, set optimize.Settings) (*SearchResult, *optimize.Plan, error) {
	start := time.Now()
	plan, err := optimize.Solve(ctx, s.Problem, set)
	if err != nil {
		return nil, nil, err
	}
	return s.Result(plan, set.Seed, time.Since(start)), plan, nil
}

// Result presents plan, found for s with seed in took.
func (s *Search) Result(plan *optimize.Plan, seed uint64, took time.Duration) *SearchResult {
	res := &SearchResult{Structure: s.Structure, Year: s.Year, Floor: s.Problem.Floor, Unit: s.Unit, Task: s.Task,
		PlanFigures: PlanFiguresOf(plan, took.Seconds()), Seed: seed, Groups: []SearchGroup{}}
	g := s.Problem.Graph
	weights := plan.Weights()
	for k, m := range plan.Members() {
		grp := SearchGroup{Weight: weights[k]}
		for _, v := range m {
			n := g.Node(v)
			grp.Members = append(grp.Members, SearchMember{n.Code, n.Name})
		}
		if len(m) > 1 {
			res.Merged++
		} else {
			res.Alone++
		}
		res.Groups = append(res.Groups, grp)
	}
	return res
}
