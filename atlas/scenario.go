package atlas

import (
	"context"

	"generalist"
	"generalist/graph"
	"generalist/sim"
)

// ScenarioBase gathers what package sim needs to evaluate scenarios on
// structure s in year: the municipalities, their populations with age
// groups (carried from another structure where needed), the centrality
// classes (2024 only), the catalogue and the adjacency graph (nil where the
// structure has no boundaries).
func ScenarioBase(ctx context.Context, store generalist.AtlasStore, cat *generalist.Catalogue, g *graph.Graph, s generalist.Structure, year int) (*sim.Base, error) {
	ms, err := store.Municipalities(ctx, s)
	if err != nil {
		return nil, err
	}
	pops, err := Detailed(ctx, store, s, year)
	if err != nil {
		return nil, err
	}
	in := &sim.Base{Structure: s, Year: year, Municipalities: ms, Populations: pops, Catalogue: cat, Graph: g}
	if s == generalist.Structure2024 {
		cs, err := store.Centrality(ctx)
		if err != nil {
			return nil, err
		}
		in.Centrality = make(map[generalist.MunicipalityNumber]int, len(cs))
		for _, c := range cs {
			in.Centrality[c.Municipality] = c.Class
		}
	}
	return in, nil
}
