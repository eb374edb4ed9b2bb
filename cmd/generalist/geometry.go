package main

import (
	"fmt"

	"generalist"
	"generalist/geo"
	"generalist/geomap"
	"generalist/graph"
)

// loadGeometry builds, once at start, the map geometry and the adjacency
// graph of each structure that has embedded boundaries.
func loadGeometry() (map[generalist.Structure]*geomap.Map, map[generalist.Structure]*graph.Graph, error) {
	maps := map[generalist.Structure]*geomap.Map{}
	graphs := map[generalist.Structure]*graph.Graph{}
	for _, s := range geo.EmbeddedStructures {
		ms, cs, err := geo.Embedded(s)
		if err != nil {
			return nil, nil, err
		}
		if maps[s], err = geomap.New(ms, cs); err != nil {
			return nil, nil, fmt.Errorf("map %d: %w", s, err)
		}
		if graphs[s], err = graph.Build(ms, graph.Options{}); err != nil {
			return nil, nil, fmt.Errorf("graph %d: %w", s, err)
		}
	}
	return maps, graphs, nil
}
