package optimize

import "math"

// The secondary objectives, evaluated on groups of units. Each is a sum
// over groups (Border over the cut edges, which is a sum over groups of
// half their outer border), so a move changes only the groups it touches.

// centre returns the unit of g whose head is the group's centre: the
// heaviest node, ties to the smaller node id.
func (in *instance) centre(g []int32) int32 {
	c := g[0]
	for _, u := range g[1:] {
		if in.heavier(u, c) {
			c = u
		}
	}
	return c
}

// groupCost returns the objective's value for group g: for Distance the
// weighted distance to the centre, for Heterogeneity the pairwise L1 sum,
// for Border half the length of the group's outer border (so that the
// costs of all groups add up to the cut), with part the unit → group map.
func (in *instance) groupCost(g []int32, part []int32) float64 {
	switch in.p.Objective {
	case Distance:
		return in.distanceTo(g, in.head[in.centre(g)])
	case Heterogeneity:
		var s float64
		for i, u := range g {
			for _, v := range g[i+1:] {
				s += in.unitL1(u, v)
			}
			if len(in.members[u]) > 1 {
				s += in.unitL1Within(u)
			}
		}
		return s
	default: // Border
		var s float64
		for _, u := range g {
			id := part[u]
			for k := in.start[u]; k < in.start[u+1]; k++ {
				if part[in.nbr[k]] != id {
					s += in.bord[k]
				}
			}
		}
		return s / 2
	}
}

// distanceTo returns Σ wᵢ·d(i, h) over the member nodes of the units of g.
func (in *instance) distanceTo(g []int32, h int32) float64 {
	var s float64
	for _, u := range g {
		for _, v := range in.members[u] {
			s += in.cw[v] * in.dist(v, h)
		}
	}
	return s
}

// unitDistance returns Σ wᵢ·d(i, h) over the member nodes of unit u.
func (in *instance) unitDistance(u, h int32) float64 {
	var s float64
	for _, v := range in.members[u] {
		s += in.cw[v] * in.dist(v, h)
	}
	return s
}

// l1 returns the L1 distance between the attributes of nodes a and b.
func (in *instance) l1(a, b int32) float64 {
	var s float64
	for k, x := range in.attr[a] {
		s += math.Abs(x - in.attr[b][k])
	}
	return s
}

// unitL1 returns the L1 sum over the member pairs between units u and v.
func (in *instance) unitL1(u, v int32) float64 {
	mu, mv := in.members[u], in.members[v]
	if len(mu) == 1 && len(mv) == 1 {
		return in.l1(mu[0], mv[0])
	}
	var s float64
	for _, a := range mu {
		for _, b := range mv {
			s += in.l1(a, b)
		}
	}
	return s
}

// unitL1Within returns the L1 sum over the member pairs inside unit u.
func (in *instance) unitL1Within(u int32) float64 {
	m := in.members[u]
	var s float64
	for i, a := range m {
		for _, b := range m[i+1:] {
			s += in.l1(a, b)
		}
	}
	return s
}

// moveDelta returns the change of the objective when unit u moves from its
// group (units a, centre ca) to the group of units b (centre cb); a still
// includes u.
func (in *instance) moveDelta(u int32, a []int32, ca int32, b []int32, cb int32, part []int32, to int32) float64 {
	switch in.p.Objective {
	case Distance:
		// New centres: A without u keeps ca unless u was it; B with u
		// takes u if u outranks cb.
		var before, after float64
		if u == ca {
			before = in.distanceTo(a, in.head[ca])
			na := in.centreWithout(a, u)
			after = in.distanceToWithout(a, u, in.head[na])
		} else {
			d := in.unitDistance(u, in.head[ca])
			before, after = d, 0
		}
		if in.heavier(u, cb) {
			before += in.distanceTo(b, in.head[cb])
			after += in.distanceTo(b, in.head[u])
		} else {
			after += in.unitDistance(u, in.head[cb])
		}
		return after - before
	case Heterogeneity:
		var s float64
		for _, v := range b {
			s += in.unitL1(u, v)
		}
		for _, v := range a {
			if v != u {
				s -= in.unitL1(u, v)
			}
		}
		return s
	default: // Border
		from := part[u]
		var s float64
		for k := in.start[u]; k < in.start[u+1]; k++ {
			switch part[in.nbr[k]] {
			case from:
				s += in.bord[k]
			case to:
				s -= in.bord[k]
			}
		}
		return s
	}
}

// centreWithout returns the centre of g without unit u.
func (in *instance) centreWithout(g []int32, u int32) int32 {
	c := int32(-1)
	for _, v := range g {
		if v != u && (c < 0 || in.heavier(v, c)) {
			c = v
		}
	}
	return c
}

func (in *instance) distanceToWithout(g []int32, u int32, h int32) float64 {
	var s float64
	for _, v := range g {
		if v != u {
			for _, x := range in.members[v] {
				s += in.cw[x] * in.dist(x, h)
			}
		}
	}
	return s
}

// objective returns the objective of the whole plan in st.
func (st *state) objective() float64 {
	var s float64
	for i := range st.groups {
		if g := &st.groups[i]; g.alive {
			s += st.in.groupCost(g.units, st.part)
		}
	}
	return s
}
