package optimize

import "slices"

// state is a partition of the units into groups during a search. Group ids
// are reused after a group is removed.
type state struct {
	in     *instance
	part   []int32 // unit → group id, -1 for a unit not yet placed
	groups []group // by id; a removed group has alive false
	free   []int32 // removed group ids to reuse
	alive  int
}

type group struct {
	units []int32
	w     float64
	alive bool
}

func newState(in *instance) *state {
	st := &state{in: in, part: make([]int32, in.n)}
	for i := range st.part {
		st.part[i] = -1
	}
	return st
}

// add creates a group of units and returns its id.
func (st *state) add(units []int32) int32 {
	var id int32
	if k := len(st.free); k > 0 {
		id = st.free[k-1]
		st.free = st.free[:k-1]
	} else {
		id = int32(len(st.groups))
		st.groups = append(st.groups, group{})
	}
	g := &st.groups[id]
	g.units = append(g.units[:0], units...)
	g.w = 0
	g.alive = true
	for _, u := range units {
		st.part[u] = id
		g.w += st.in.w[u]
	}
	st.alive++
	return id
}

// remove deletes group id, leaving its units unplaced.
func (st *state) remove(id int32) {
	g := &st.groups[id]
	for _, u := range g.units {
		if st.part[u] == id {
			st.part[u] = -1
		}
	}
	g.alive = false
	g.units = g.units[:0]
	g.w = 0
	st.free = append(st.free, id)
	st.alive--
}

// join adds unit u to group id.
func (st *state) join(u, id int32) {
	g := &st.groups[id]
	g.units = append(g.units, u)
	g.w += st.in.w[u]
	st.part[u] = id
}

// leave removes unit u from its group.
func (st *state) leave(u int32) {
	id := st.part[u]
	g := &st.groups[id]
	i := slices.Index(g.units, u)
	g.units[i] = g.units[len(g.units)-1]
	g.units = g.units[:len(g.units)-1]
	g.w -= st.in.w[u]
	st.part[u] = -1
}

// neighbours appends to dst the ids of the alive groups adjacent to group
// id, each once, in the order found, skipping groups for which skip
// returns true.
func (st *state) neighbours(dst []int32, id int32, skip func(int32) bool) []int32 {
	in := st.in
	for _, u := range st.groups[id].units {
		for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
			h := st.part[v]
			if h < 0 || h == id || slices.Contains(dst, h) || skip != nil && skip(h) {
				continue
			}
			dst = append(dst, h)
		}
	}
	return dst
}

// assignment returns the group of every unit, groups renumbered 0..k-1 in
// order of their smallest graph node id; -1 for a unit left unplaced.
func (st *state) assignment() (unitGroup []int32, count int) {
	in := st.in
	renum := make(map[int32]int32)
	out := make([]int32, in.n)
	// Walk graph nodes in id order so numbering follows the smallest node.
	for v := range in.nodes {
		u := in.unitOf[v]
		id := st.part[u]
		if id < 0 {
			out[u] = -1
			continue
		}
		k, ok := renum[id]
		if !ok {
			k = int32(len(renum))
			renum[id] = k
		}
		out[u] = k
	}
	return out, len(renum)
}

// clone returns a deep copy of st.
func (st *state) clone() *state {
	c := &state{in: st.in, part: slices.Clone(st.part), free: slices.Clone(st.free), alive: st.alive}
	c.groups = make([]group, len(st.groups))
	for i, g := range st.groups {
		c.groups[i] = group{units: slices.Clone(g.units), w: g.w, alive: g.alive}
	}
	return c
}
