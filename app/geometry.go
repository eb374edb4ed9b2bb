package app

import (
	"context"
	"fmt"
	"sync"

	"generalist"
	"generalist/geo"
	"generalist/geomap"
	"generalist/graph"
)

// geometry is one structure's map and adjacency graph, built on first
// use; a build that could not read the names is tried again next time.
type geometry struct {
	mu   sync.Mutex
	done bool
	m    *geomap.Map
	g    *graph.Graph
	err  error
}

func (a *App) geometry(s generalist.Structure) (*geomap.Map, *graph.Graph, error) {
	a.geoMu.Lock()
	g := a.geo[s]
	if g == nil {
		g = &geometry{}
		a.geo[s] = g
	}
	a.geoMu.Unlock()
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.done {
		return g.m, g.g, g.err
	}
	g.done = true
	func() {
		ms, cs, err := geo.Embedded(s)
		if generalist.ErrorCode(err) == generalist.ENOTFOUND {
			return
		} else if err != nil {
			g.err = err
			return
		}
		if g.err = a.nameFeatures(s, ms); g.err != nil {
			g.done = false // the store may answer next time
			return
		}
		if g.m, g.err = geomap.New(ms, cs); g.err != nil {
			g.err = fmt.Errorf("app: map of the %d structure: %w", s, g.err)
			return
		}
		if g.g, g.err = graph.Build(ms, graph.Options{}); g.err != nil {
			g.err = fmt.Errorf("app: graph of the %d structure: %w", s, g.err)
		}
	}()
	return g.m, g.g, g.err
}

// nameFeatures gives the boundary file's municipalities the structure's
// own names, the Norwegian-only ShortName the structure table shows
// («Hattfjelldal», not the file's «Aarborte - Hattfjelldal»), so that
// every map title, group label and search result built on the map or the
// graph names a municipality as the rest of the site does. A municipality
// the store does not know keeps the file's name. The map is built once
// per App and outlives any request, so the store is read without one.
func (a *App) nameFeatures(s generalist.Structure, fs []geo.Feature) error {
	ms, err := a.Store.Municipalities(context.Background(), s)
	if err != nil {
		return fmt.Errorf("app: names of the %d structure: %w", s, err)
	}
	names := make(map[string]string, len(ms))
	for _, m := range ms {
		if m.ShortName != "" {
			names[string(m.Number)] = m.ShortName
		}
	}
	for i := range fs {
		if n, ok := names[fs[i].Code]; ok {
			fs[i].Name = n
		}
	}
	return nil
}

// Map returns the map of a structure, nil (and no error) when the
// structure has no embedded boundaries.
func (a *App) Map(s generalist.Structure) (*geomap.Map, error) {
	m, _, err := a.geometry(s)
	return m, err
}

// Graph returns the adjacency graph of a structure, nil (and no error)
// when the structure has no embedded boundaries.
func (a *App) Graph(s generalist.Structure) (*graph.Graph, error) {
	_, g, err := a.geometry(s)
	return g, err
}

// Structures lists the structures with embedded boundaries.
func (a *App) Structures() []generalist.Structure { return geo.EmbeddedStructures }
