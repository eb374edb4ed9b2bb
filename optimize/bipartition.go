package optimize

// bipartition cuts a region of units in two valid groups along random
// spanning trees, as ReCom does.
//
// # Method
//
// A random spanning tree of the region is drawn (see splitter.tree) and
// ordered depth-first from a random root, so that every subtree is a
// contiguous range of the order. One sweep gives every subtree's weight;
// cutting the edge above unit v splits the region into v's subtree and the
// rest, both connected. An edge is a candidate when both sides reach the
// floor (and stay under the ceiling, if any) and, under constraints, both
// are valid groups.
//
// Complexity: O(e log e + r) per tree for e edges and r units in the
// region, plus O(r) per candidate checked under constraints or costed.
type cut struct {
	v      int32 // region index of the subtree's root
	lo, hi int   // range of the subtree in dfs order
	w      float64
}

// trees draws a random spanning tree of region (already entered) and fills
// s.order with a depth-first order, s.parent, and s.open with subtree
// weights. It returns false if the region is not connected.
func (s *splitter) dfsTree(region []int32) bool {
	in := s.in
	r := len(region)
	s.tree(region)
	s.order = grow(s.order, r)
	s.parent = grow(s.parent, r)
	s.open = grow(s.open, r)
	s.lab = grow(s.lab, r) // subtree end (exclusive) in dfs order, per order position
	for i := range r {
		s.parent[i] = -2
	}
	root := int32(s.rng.IntN(r))
	s.parent[root] = -1
	stack := append(s.cand[:0], root)
	n := 0
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		s.order[n] = v
		n++
		for _, c := range s.tadj[s.tstart[v]:s.tstart[v+1]] {
			if s.parent[c] == -2 {
				s.parent[c] = v
				stack = append(stack, c)
			}
		}
	}
	s.cand = stack
	if n != r {
		return false
	}
	// pos[v] → position; subtree sizes from the back.
	s.deg = grow(s.deg, r+1)
	for k, v := range s.order[:r] {
		s.deg[v] = int32(k) // position of v
		s.open[v] = in.w[region[v]]
	}
	size := s.lab
	for k := range r {
		size[k] = 1
	}
	for k := r - 1; k > 0; k-- {
		v := s.order[k]
		p := s.parent[v]
		s.open[p] += s.open[v]
		size[s.deg[p]] += size[k]
	}
	return true
}

// cuts returns the candidate cuts of the tree drawn by dfsTree: edges
// whose two sides both weigh at least the floor and at most ceiling (0:
// no ceiling). Validity under constraints is not checked here.
func (s *splitter) cuts(dst []cut, region []int32, total, ceiling float64) []cut {
	floor := s.in.floor
	size := s.lab
	for k := 1; k < len(region); k++ {
		v := s.order[k]
		a := s.open[v]
		b := total - a
		if a < floor || b < floor || ceiling > 0 && (a > ceiling || b > ceiling) {
			continue
		}
		dst = append(dst, cut{v: v, lo: k, hi: k + int(size[k]), w: a})
	}
	return dst
}

// sides writes the units of the two sides of c into a and b.
func (s *splitter) sides(region []int32, c cut, a, b []int32) ([]int32, []int32) {
	a, b = a[:0], b[:0]
	for k, v := range s.order[:len(region)] {
		if k >= c.lo && k < c.hi {
			a = append(a, region[v])
		} else {
			b = append(b, region[v])
		}
	}
	return a, b
}

// pairCost returns the objective of two adjacent groups a and b that
// together make a fixed region: for Distance and Heterogeneity their group
// costs, for Border the border between them (the region's outer border
// does not change).
func (se *search) pairCost(a, b []int32) float64 {
	in := se.in
	switch in.p.Objective {
	case Border:
		sp := se.sp
		sp.enter(a)
		var s float64
		for _, u := range b {
			for k := in.start[u]; k < in.start[u+1]; k++ {
				if sp.inRegion(in.nbr[k]) {
					s += in.bord[k]
				}
			}
		}
		return s
	default:
		return in.groupCost(a, nil) + in.groupCost(b, nil)
	}
}

// resplit is one objective move: take a group and an adjacent group, cut
// their union along a few random spanning trees, and keep the cut with the
// least objective if it beats the current pair. It never changes the
// number of groups.
func (se *search) resplit(trees int) bool {
	in, st, rng, sp := se.in, se.st, se.rng, se.sp
	u := int32(rng.IntN(in.n))
	ga := st.part[u]
	if ga < 0 || in.p.KeepFeasible && in.heavy[u] {
		return false
	}
	se.nbrs = st.neighbours(se.nbrs[:0], ga, nil)
	if len(se.nbrs) == 0 {
		return false
	}
	gb := se.nbrs[rng.IntN(len(se.nbrs))]
	A, B := st.groups[ga].units, st.groups[gb].units
	if in.p.KeepFeasible && se.hasHeavy(A) && se.hasHeavy(B) {
		return false // one of them would have to move
	}
	current := se.pairCost(A, B)
	total := st.groups[ga].w + st.groups[gb].w
	se.region = append(append(se.region[:0], A...), B...)
	region := se.region
	best, bestA, bestB := current, []int32(nil), []int32(nil)
	for range trees {
		sp.enter(region)
		if !sp.dfsTree(region) {
			return false
		}
		se.cutBuf = sp.cuts(se.cutBuf[:0], region, total, 0)
		for _, c := range se.cutBuf {
			se.sideA, se.sideB = sp.sides(region, c, se.sideA, se.sideB)
			if in.constrained && !(in.validGroup(se.sideA) && in.validGroup(se.sideB)) {
				continue
			}
			if in.p.KeepFeasible && !se.keepsHeavy(A, B, se.sideA, se.sideB) {
				continue
			}
			if cost := se.pairCost(se.sideA, se.sideB); cost < best-1e-9 {
				best = cost
				bestA = append(bestA[:0], se.sideA...)
				bestB = append(bestB[:0], se.sideB...)
			}
		}
	}
	if bestA == nil {
		return false
	}
	st.remove(ga)
	st.remove(gb)
	st.add(bestA)
	st.add(bestB)
	return true
}

// keepsHeavy reports whether a re-cut of groups A, B into a, b respects
// KeepFeasible: no light unit moves into a group with a heavy unit unless
// it was in one.
func (se *search) keepsHeavy(A, B, a, b []int32) bool {
	heavyA, heavyB := se.hasHeavy(A), se.hasHeavy(B)
	if !heavyA && !heavyB {
		return true
	}
	// The side with the heavy unit must be a subset of its old group.
	old := A
	if heavyB {
		old = B
	}
	side := a
	if se.hasHeavy(b) {
		side = b
	}
	for _, u := range side {
		found := false
		for _, v := range old {
			if u == v {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
