package optimize

import (
	"math"
	"strconv"

	"generalist"
)

// Dimension is a further additive quantity with a floor of its own
// (Problem.Also): every group must reach Floor in Weight as well as the
// problem's Floor in its Weight. With the expected FTEs of several tasks
// as the dimensions, a plan's groups can each staff every task's minimum
// team at once (the fixed cooperation regions of docs/cooperation-regions.md).
//
// The search treats the further floors as a constraint on every group, as
// it treats MaxKm; UpperBound and the infeasibility reasons take every
// floor into account (a unit is heavy only when it meets them all, a
// component holds at most min over the dimensions of ⌊weight / floor⌋
// groups).
type Dimension struct {
	// Name names the quantity in reasons and messages (a task id).
	Name string
	// Weight is the quantity per node id; len(Weight) = Graph.Len(), every
	// value finite and ≥ 0.
	Weight []float64
	// Floor is the least Weight of a group; > 0.
	Floor float64
}

// compileAlso validates Problem.Also and Problem.Centre and sets the node
// weights of the further dimensions and the centre weights.
func (in *instance) compileAlso() error {
	p, g := in.p, in.p.Graph
	in.cw = in.nw
	if p.Centre != nil {
		if len(p.Centre) != in.nodes {
			return generalist.Errorf(generalist.EINVALID, "optimize: %d centre weights for %d nodes", len(p.Centre), in.nodes)
		}
		for i, v := range p.Centre {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				return generalist.Errorf(generalist.EINVALID, "optimize: centre weight of %s is %v; want a finite number ≥ 0", label(g, i), v)
			}
		}
		in.cw = p.Centre
	}
	for k, d := range p.Also {
		if len(d.Weight) != in.nodes {
			return generalist.Errorf(generalist.EINVALID, "optimize: %s: %d weights for %d nodes", d.name(k), len(d.Weight), in.nodes)
		}
		for i, v := range d.Weight {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				return generalist.Errorf(generalist.EINVALID, "optimize: %s: weight of %s is %v; want a finite number ≥ 0", d.name(k), label(g, i), v)
			}
		}
		if !(d.Floor > 0) || math.IsInf(d.Floor, 0) {
			return generalist.Errorf(generalist.EINVALID, "optimize: %s: floor %v: want a finite number > 0", d.name(k), d.Floor)
		}
		in.xnw = append(in.xnw, d.Weight)
		in.xfloor = append(in.xfloor, d.Floor)
	}
	return nil
}

func (d Dimension) name(k int) string {
	if d.Name != "" {
		return d.Name
	}
	return "further floor " + strconv.Itoa(k+1)
}

// unitsAlso sums the further dimensions per unit and keeps heavy only the
// units that meet every floor alone. It runs after the units are built.
func (in *instance) unitsAlso() {
	if len(in.xfloor) == 0 {
		return
	}
	in.xw = make([][]float64, len(in.xfloor))
	for d, nw := range in.xnw {
		in.xw[d] = make([]float64, in.n)
		for u, m := range in.members {
			for _, v := range m {
				in.xw[d][u] += nw[v]
			}
			if in.xw[d][u] < in.xfloor[d] {
				in.heavy[u] = false
			}
		}
	}
}

// reachesAlso reports whether the units of g reach every further floor.
func (in *instance) reachesAlso(g []int32) bool {
	for d, xw := range in.xw {
		var w float64
		for _, u := range g {
			w += xw[u]
		}
		if w < in.xfloor[d] {
			return false
		}
	}
	return true
}

// dims is the number of floors: 1 + len(Problem.Also).
func (in *instance) dims() int { return 1 + len(in.xfloor) }

// dimWeight returns unit u's weight in dimension d (0: Weight).
func (in *instance) dimWeight(d int, u int32) float64 {
	if d == 0 {
		return in.w[u]
	}
	return in.xw[d-1][u]
}

// dimFloor returns the floor of dimension d (0: Floor).
func (in *instance) dimFloor(d int) float64 {
	if d == 0 {
		return in.floor
	}
	return in.xfloor[d-1]
}

// dimName returns the name of dimension d for a reason ("" for Weight
// without Problem.Name).
func (in *instance) dimName(d int) string {
	if d == 0 {
		return in.p.Name
	}
	return in.p.Also[d-1].name(d - 1)
}

// floorText words dimension d's floor for a reason: "the floor 5 000", or
// with several floors "the floor of legevakt (5.2)".
func (in *instance) floorText(d int) string {
	if len(in.xfloor) == 0 {
		return "the floor " + num(in.floor)
	}
	if n := in.dimName(d); n != "" {
		return "the floor of " + n + " (" + num(in.dimFloor(d)) + ")"
	}
	return "the floor " + num(in.dimFloor(d))
}

// floorNames returns the names of the floors a reason is about: dimension
// d's, or with d < 0 every floor's; nil for a problem with one floor.
func (in *instance) floorNames(d int) []string {
	if len(in.xfloor) == 0 {
		return nil
	}
	if d >= 0 {
		return []string{in.dimName(d)}
	}
	out := make([]string, in.dims())
	for k := range out {
		out[k] = in.dimName(k)
	}
	return out
}
