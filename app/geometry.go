package app

import (
	"fmt"
	"sync"

	"generalist"
	"generalist/geo"
	"generalist/geomap"
	"generalist/graph"
)

// geometry is one structure's map and adjacency graph, built on first use.
type geometry struct {
	once  sync.Once
	m     *geomap.Map
	g     *graph.Graph
	err   error
	known bool // the structure has embedded boundaries
}

func (a *App) geometry(s generalist.Structure) *geometry {
	a.geoMu.Lock()
	g := a.geo[s]
	if g == nil {
		g = &geometry{}
		a.geo[s] = g
	}
	a.geoMu.Unlock()
	g.once.Do(func() {
		ms, cs, err := geo.Embedded(s)
		if generalist.ErrorCode(err) == generalist.ENOTFOUND {
			return
		} else if err != nil {
			g.err = err
			return
		}
		g.known = true
		if g.m, g.err = geomap.New(ms, cs); g.err != nil {
			g.err = fmt.Errorf("app: map of the %d structure: %w", s, g.err)
			return
		}
		if g.g, g.err = graph.Build(ms, graph.Options{}); g.err != nil {
			g.err = fmt.Errorf("app: graph of the %d structure: %w", s, g.err)
		}
	})
	return g
}

// Map returns the map of a structure, nil (and no error) when the
// structure has no embedded boundaries.
func (a *App) Map(s generalist.Structure) (*geomap.Map, error) {
	g := a.geometry(s)
	return g.m, g.err
}

// Graph returns the adjacency graph of a structure, nil (and no error)
// when the structure has no embedded boundaries.
func (a *App) Graph(s generalist.Structure) (*graph.Graph, error) {
	g := a.geometry(s)
	return g.g, g.err
}

// Structures lists the structures with embedded boundaries.
func (a *App) Structures() []generalist.Structure { return geo.EmbeddedStructures }
