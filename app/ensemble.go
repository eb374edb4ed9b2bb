package app

import (
	"generalist"
	"generalist/optimize"
)

// EnsembleResult is an ensemble around a search problem as the API and the
// jobs give it (the JSON of /api/v1/search/ensemble and of an ensemble
// job): the chains' result, which carries the balance (balanced, ceiling,
// ideal, tolerance), the variant and the diagnostics, with the graph's
// node ids turned into municipality numbers. Pinned lists the frozen
// groups; Edges gives, per link between neighbours, the share of plans
// that put them in one group; with sampled plans, Nodes gives the number
// of each node id and Samples the plans (region[i] is node i's group).
type EnsembleResult struct {
	Structure generalist.Structure `json:"structure"`
	Year      int                  `json:"year"`
	Floor     float64              `json:"floor"`
	Unit      string               `json:"unit"`
	*optimize.EnsembleResult
	Pinned  [][]string        `json:"pinned"`
	Edges   []EnsembleEdge    `json:"edges"`
	Nodes   []string          `json:"nodes,omitempty"`
	Samples []optimize.Sample `json:"samples,omitempty"`
}

// EnsembleEdge is a link between two neighbouring municipalities and the
// share of the ensemble's plans that put them in one group.
type EnsembleEdge struct {
	A        string  `json:"a"`
	B        string  `json:"b"`
	Together float64 `json:"together"`
}

// NewEnsembleResult presents e, run on p for structure s and year, with
// the plans sampled (nil when none were asked for).
func NewEnsembleResult(s generalist.Structure, year int, unit string, p optimize.Problem, e *optimize.EnsembleResult, samples []optimize.Sample, sampled bool) *EnsembleResult {
	g := p.Graph
	out := &EnsembleResult{Structure: s, Year: year, Floor: p.Floor, Unit: unit, EnsembleResult: e, Samples: samples, Pinned: [][]string{}}
	for _, b := range e.Pinned {
		var codes []string
		for _, v := range b {
			codes = append(codes, g.Node(v).Code)
		}
		out.Pinned = append(out.Pinned, codes)
	}
	if sampled {
		for _, n := range g.Nodes() {
			out.Nodes = append(out.Nodes, n.Code)
		}
	}
	for i, ed := range g.Edges() {
		out.Edges = append(out.Edges, EnsembleEdge{g.Node(ed.A).Code, g.Node(ed.B).Code, e.EdgeTogether[i]})
	}
	return out
}
