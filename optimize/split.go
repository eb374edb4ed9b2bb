package optimize

import (
	"math/rand/v2"
	"slices"
)

// splitter partitions a connected region of units along a random spanning
// tree, cutting the tree greedily into as many groups that reach the floor
// as the tree allows.
//
// # Method
//
// A random spanning tree of the region is drawn by Kruskal's algorithm on
// the edges in random order (a random minimum spanning tree, as
// GerryChain's ReCom draws). Rooted at a random unit, the tree is swept from the leaves up: each
// unit's open weight is its own weight plus the open weights of its
// children not yet closed; a unit whose open weight reaches the floor (and
// whose open part is a valid group) closes a group and passes nothing up.
// The part left open at the root joins a neighbouring group.
//
// For a fixed tree this greedy finds the most groups of any partition
// that cuts tree edges: closing as soon as the floor is reached gives one
// group and passes up nothing, while not closing can at best give one
// group later with the weight passed up, so (count+1, 0) dominates
// (count, x) at every unit. Every partition of the region into connected
// groups is a cut of some spanning tree (join spanning trees of the groups
// by edges between them), so searching over trees searches over all
// partitions; see Solve for how the trees are chosen.
//
// Complexity: O(e·α(r)) for the e edges inside the region (the shuffle
// and union–find), O(r) for the sweep over r units; O(r) more per closing
// when constraints are in force, to check the group.
type splitter struct {
	in  *instance
	rng *rand.Rand

	mark  []uint32 // mark[u] == epoch: unit u is in the current region
	epoch uint32
	loc   []int32 // unit → index in the current region

	// Per region index.
	uf     []int32
	tstart []int32
	tadj   []int32
	order  []int32
	parent []int32
	open   []float64
	closed []bool
	lab    []int32
	next   []int32 // open-part lists (constrained instances only)
	tail   []int32
	gw     []float64 // weight per label
	keys   []tedge
	deg    []int32
	buf    []int32 // scratch unit list
	part   []int32
	cand   []int32

	// uniform draws uniformly random spanning trees (Wilson's
	// algorithm) instead of random-weight Kruskal trees; lstart and ladj
	// are its local adjacency.
	uniform      bool
	lstart, ladj []int32
}

type tedge struct{ a, b int32 }

func newSplitter(in *instance, rng *rand.Rand) *splitter {
	return &splitter{in: in, rng: rng, mark: make([]uint32, in.n), loc: make([]int32, in.n)}
}

// enter marks the units of region as the current region.
func (s *splitter) enter(region []int32) {
	s.epoch++
	if s.epoch == 0 { // wrapped: clear
		clear(s.mark)
		s.epoch = 1
	}
	for i, u := range region {
		s.mark[u] = s.epoch
		s.loc[u] = int32(i)
	}
}

func (s *splitter) inRegion(u int32) bool { return s.mark[u] == s.epoch }

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/4)
	}
	return b[:n]
}

// tree draws a random spanning tree of the current region (a forest if it
// is not connected) into tstart/tadj.
func (s *splitter) tree(region []int32) {
	in := s.in
	r := len(region)
	if s.uniform {
		s.treeCSR(r, s.wilson(region))
		return
	}
	s.keys = s.keys[:0]
	for i, u := range region {
		for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
			if s.inRegion(v) && s.loc[v] > int32(i) {
				s.keys = append(s.keys, tedge{int32(i), s.loc[v]})
			}
		}
	}
	s.uf = grow(s.uf, r)
	for i := range s.uf {
		s.uf[i] = int32(i)
	}
	find := func(x int32) int32 {
		for s.uf[x] != x {
			s.uf[x] = s.uf[s.uf[x]]
			x = s.uf[x]
		}
		return x
	}
	// Kruskal on the edges in a uniformly random order (a lazy
	// Fisher–Yates shuffle, which stops once the tree is complete): the
	// same distribution as sorting random keys, in O(e).
	kept := 0
	e := len(s.keys)
	for i := 0; i < e && kept < r-1; i++ {
		j := i + s.rng.IntN(e-i)
		s.keys[i], s.keys[j] = s.keys[j], s.keys[i]
		ed := s.keys[i]
		a, b := find(ed.a), find(ed.b)
		if a == b {
			continue
		}
		s.uf[a] = b
		s.keys[kept] = ed
		kept++
	}
	s.treeCSR(r, kept)
}

// treeCSR builds tstart/tadj from the tree edges s.keys[:kept].
func (s *splitter) treeCSR(r, kept int) {
	tree := s.keys[:kept]
	s.deg = grow(s.deg, r+1)
	clear(s.deg)
	for _, e := range tree {
		s.deg[e.a+1]++
		s.deg[e.b+1]++
	}
	s.tstart = grow(s.tstart, r+1)
	s.tstart[0] = 0
	for i := range r {
		s.tstart[i+1] = s.tstart[i] + s.deg[i+1]
	}
	s.tadj = grow(s.tadj, int(s.tstart[r]))
	copy(s.deg, s.tstart[:r])
	for _, e := range tree {
		s.tadj[s.deg[e.a]] = e.b
		s.deg[e.a]++
		s.tadj[s.deg[e.b]] = e.a
		s.deg[e.b]++
	}
}

// split partitions region (connected units) along a random spanning tree.
// It returns the number of groups and, per region index, the group label
// 0..count-1, or -1 for a unit that could not be placed in a valid group
// (only when constraints are in force, or when the region does not reach
// the floor at all). gw holds the weight of each label.
func (s *splitter) split(region []int32) (count int, lab []int32) {
	in := s.in
	r := len(region)
	s.enter(region)
	s.tree(region)
	s.order = grow(s.order, r)
	s.parent = grow(s.parent, r)
	s.open = grow(s.open, r)
	s.closed = grow(s.closed, r)
	s.lab = grow(s.lab, r)
	cons := in.constrained
	if cons {
		s.next = grow(s.next, r)
		s.tail = grow(s.tail, r)
	}
	for i := range r {
		s.parent[i] = -2 // unvisited
	}
	// BFS from a random root, then from any unit not reached (a forest).
	n := 0
	first := int32(s.rng.IntN(r))
	for k := range r {
		root := (first + int32(k)) % int32(r)
		if s.parent[root] != -2 {
			continue
		}
		s.parent[root] = -1
		s.order[n] = root
		n++
		for h := n - 1; h < n; h++ {
			v := s.order[h]
			for _, c := range s.tadj[s.tstart[v]:s.tstart[v+1]] {
				if s.parent[c] == -2 {
					s.parent[c] = v
					s.order[n] = c
					n++
				}
			}
		}
	}
	for i, u := range region {
		s.open[i] = in.w[u]
		s.closed[i] = false
		if cons {
			s.next[i] = -1
			s.tail[i] = int32(i)
		}
	}
	for k := r - 1; k >= 0; k-- {
		v := s.order[k]
		if s.open[v] >= in.floor && (!cons || s.validOpen(region, v)) {
			s.closed[v] = true
			continue
		}
		if p := s.parent[v]; p >= 0 {
			s.open[p] += s.open[v]
			if cons { // append v's list to p's
				s.next[s.tail[p]] = v
				s.tail[p] = s.tail[v]
			}
		}
	}
	// Label top-down; -2 marks the open part of a root.
	s.gw = s.gw[:0]
	for _, v := range s.order[:r] {
		switch {
		case s.closed[v]:
			s.lab[v] = int32(len(s.gw))
			s.gw = append(s.gw, s.open[v])
		case s.parent[v] < 0:
			s.lab[v] = -2
		default:
			s.lab[v] = s.lab[s.parent[v]]
		}
	}
	count = len(s.gw)
	// Each root's open part joins a group adjacent to it in the region.
	for _, v := range s.order[:r] {
		if s.parent[v] == -1 && !s.closed[v] {
			s.attachOpen(region, v)
		}
	}
	return count, s.lab[:r]
}

// validOpen reports whether the open part of region index v (v and its
// list) is a valid group: used only when constraints are in force.
func (s *splitter) validOpen(region []int32, v int32) bool {
	s.buf = s.buf[:0]
	for i := v; i >= 0; i = s.next[i] {
		s.buf = append(s.buf, region[i])
	}
	return s.in.validGroup(s.buf)
}

// attachOpen joins the open part rooted at root (labelled -2) to an
// adjacent group of the region, or labels it -1 if none can take it.
func (s *splitter) attachOpen(region []int32, root int32) {
	in := s.in
	// Collect the open part (relabelled -3 as it is found) and the labels
	// adjacent to it.
	s.cand = s.cand[:0]
	s.part = append(s.part[:0], root)
	s.lab[root] = -3
	var w float64
	for h := 0; h < len(s.part); h++ {
		v := s.part[h]
		u := region[v]
		w += in.w[u]
		for _, x := range in.nbr[in.start[u]:in.start[u+1]] {
			if !s.inRegion(x) {
				continue
			}
			j := s.loc[x]
			switch l := s.lab[j]; {
			case l == -2:
				s.lab[j] = -3
				s.part = append(s.part, j)
			case l >= 0 && !slices.Contains(s.cand, l):
				s.cand = append(s.cand, l)
			}
		}
	}
	part := s.part
	best := int32(-1)
	for _, l := range s.cand {
		if in.constrained {
			s.buf = s.buf[:0]
			for i, u := range region {
				if s.lab[i] == l {
					s.buf = append(s.buf, u)
				}
			}
			for _, v := range part {
				s.buf = append(s.buf, region[v])
			}
			if !in.validGroup(s.buf) {
				continue
			}
		}
		if best < 0 || s.gw[l] < s.gw[best] {
			best = l
		}
	}
	for _, v := range part {
		s.lab[v] = best
	}
	if best >= 0 {
		s.gw[best] += w
	}
}

// validGroup reports whether the units of g form a valid group apart from
// contiguity: the floor, at most one heavy unit when KeepFeasible, no
// forbidden pair and every member within MaxKm of the centre.
func (in *instance) validGroup(g []int32) bool {
	var w float64
	c := g[0]
	heavy := 0
	for _, u := range g {
		w += in.w[u]
		if in.heavier(u, c) {
			c = u
		}
		if in.heavy[u] {
			heavy++
		}
	}
	if w < in.floor || in.xw != nil && !in.reachesAlso(g) {
		return false
	}
	if heavy > 1 && in.p.KeepFeasible {
		return false
	}
	return in.compatible(g, c)
}

// compatible reports whether the units of g may share a group whose centre
// is unit c's head: no forbidden pair and, with MaxKm, every member node
// near enough.
func (in *instance) compatible(g []int32, c int32) bool {
	if in.forbid != nil {
		for i, u := range g {
			if len(in.forbid[u]) == 0 {
				continue
			}
			for _, v := range g[i+1:] {
				if in.forbidden(u, v) {
					return false
				}
			}
		}
	}
	if in.maxKm > 0 {
		h := in.head[c]
		for _, u := range g {
			for _, v := range in.members[u] {
				if in.dist(v, h) > in.maxKm {
					return false
				}
			}
		}
	}
	return true
}
