package optimize

// reversibleStep is one proposal of reversible ReCom at step t.
//
// # Method
//
// Following Cannon, Duchin, Randall and Rule (2022):
//
//  1. Pick two of the groups that may change (not pinned) uniformly at
//     random among all pairs; if they are not adjacent the plan stays.
//  2. Draw a uniformly random spanning tree T of their union U (Wilson's
//     algorithm), and pick one of its |U|−1 edges uniformly. If cutting
//     it leaves two valid groups (floor, ceiling, constraints), that is
//     the proposal; otherwise the plan stays.
//  3. Accept the proposal (A′, B′) with probability
//     min(1, |∂(A, B)| / |∂(A′, B′)|), where |∂(X, Y)| is the number of
//     links between X and Y.
//
// The probability of proposing (A′, B′) from (A, B) is
// τ(A′)·τ(B′)·|∂(A′, B′)| / (τ(U)·(|U|−1)) per pair chosen, where τ counts
// spanning trees (T is a spanning tree of A′, one of B′ and one link
// between them). The Metropolis–Hastings step makes the chain reversible
// with respect to π(P) ∝ Πᵢ τ(Pᵢ), the spanning-tree distribution over
// the valid plans with the given number of groups: plans with compact
// groups (many spanning trees) are more likely. docs/ensembles.md says
// what this means for the summaries.
//
// Complexity: O(r) expected for the adjacency test, the cover time of a
// random walk on the region for Wilson's algorithm (in practice O(r log
// r) on planar graphs), O(r + e) for the cut.
func (ch *chain) reversibleStep(t, t0 int64) {
	se, in, st, rng, sp := ch.se, ch.se.in, ch.st, ch.se.rng, ch.se.sp
	free := st.alive - len(ch.bal.blocks)
	if free < 2 {
		return
	}
	pick := func() int32 {
		for {
			id := int32(rng.IntN(len(st.groups)))
			if st.groups[id].alive && !ch.pinnedGroup(id) {
				return id
			}
		}
	}
	ga := pick()
	gb := pick()
	for gb == ga {
		gb = pick()
	}
	A, B := st.groups[ga].units, st.groups[gb].units
	seam := 0
	small, other := A, gb
	if len(B) < len(A) {
		small, other = B, ga
	}
	for _, u := range small {
		for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
			if st.part[v] == other {
				seam++
			}
		}
	}
	if seam == 0 {
		return
	}
	total := st.groups[ga].w + st.groups[gb].w
	se.region = append(append(se.region[:0], A...), B...)
	region := se.region
	sp.enter(region)
	if !sp.dfsTree(region) {
		return
	}
	se.cutBuf = sp.cuts(se.cutBuf[:0], region, total, ch.ceiling)
	i := rng.IntN(len(region) - 1)
	if i >= len(se.cutBuf) {
		return
	}
	c := se.cutBuf[i]
	se.sideA, se.sideB = sp.sides(region, c, se.sideA, se.sideB)
	if in.constrained && !(in.validGroup(se.sideA) && in.validGroup(se.sideB)) {
		return
	}
	// The new seam.
	sp.enter(se.sideA)
	seam2 := 0
	for _, u := range se.sideB {
		for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
			if sp.inRegion(v) {
				seam2++
			}
		}
	}
	if seam2 > seam && rng.Float64()*float64(seam2) >= float64(seam) {
		return
	}
	ch.apply(ga, gb, t, t0)
}

// wilson draws a uniformly random spanning tree of the current region
// (connected, already entered) by Wilson's algorithm (loop-erased random
// walks towards a random root) and leaves its edges in s.keys[:r−1].
//
// Wilson, "Generating random spanning trees more quickly than the cover
// time", STOC 1996.
func (s *splitter) wilson(region []int32) int {
	in := s.in
	r := len(region)
	// Local adjacency of the region.
	s.deg = grow(s.deg, r+1)
	clear(s.deg)
	for i, u := range region {
		for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
			if s.inRegion(v) {
				s.deg[i+1]++
			}
		}
	}
	s.lstart = grow(s.lstart, r+1)
	s.lstart[0] = 0
	for i := range r {
		s.lstart[i+1] = s.lstart[i] + s.deg[i+1]
	}
	s.ladj = grow(s.ladj, int(s.lstart[r]))
	k := 0
	for _, u := range region {
		for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
			if s.inRegion(v) {
				s.ladj[k] = s.loc[v]
				k++
			}
		}
	}
	s.closed = grow(s.closed, r)
	clear(s.closed)
	s.next = grow(s.next, r)
	s.closed[s.rng.IntN(r)] = true
	s.keys = s.keys[:0]
	for i := range int32(r) {
		u := i
		for !s.closed[u] {
			d := s.lstart[u+1] - s.lstart[u]
			if d == 0 {
				return len(s.keys) // not connected
			}
			s.next[u] = s.ladj[s.lstart[u]+int32(s.rng.IntN(int(d)))]
			u = s.next[u]
		}
		for u = i; !s.closed[u]; u = s.next[u] {
			s.closed[u] = true
			s.keys = append(s.keys, tedge{u, s.next[u]})
		}
	}
	return len(s.keys)
}
