package optimize

import (
	"context"
	"math/rand/v2"
)

// search is one restart of Solve: its random stream, its splitter and the
// plan it improves.
type search struct {
	in  *instance
	rng *rand.Rand
	sp  *splitter
	st  *state

	region []int32
	nbrs   []int32
	ids    []int32
	cutBuf []cut
	sideA  []int32
	sideB  []int32
}

func newSearch(in *instance, seed uint64, restart int) *search {
	rng := rand.New(rand.NewPCG(seed, uint64(restart)*0x9e3779b97f4a7c15+1))
	return &search{in: in, rng: rng, sp: newSplitter(in, rng), st: newState(in)}
}

// countPhase builds a plan with as many groups as it can find.
//
// Units that meet the floor alone (heavy units) are groups of their own:
// a group with two heavy units can always be cut between them into two
// valid groups, so in a plan with the most groups no group holds two.
// The light units then form components over the allowed links between
// light units; groups of light units lie within one component, and every
// light unit left over can join any adjacent group. So the count is the
// number of heavy units plus, per component, the most disjoint connected
// sets of light units reaching the floor.
//
// Per component the search starts from the best of a few greedy cuts of
// random spanning trees (see splitter) and then runs a large-neighbourhood
// search: it takes a group and one or two adjacent groups, cuts the union
// along a fresh random spanning tree, and keeps the result when it has at
// least as many groups. Moves with as many groups are kept too (a random
// walk on the plateau, which moves slack between groups until enough of it
// meets in one place to form a new group). iters is the most such moves;
// the search stops early after patience moves without a new group.
func (se *search) countPhase(ctx context.Context, iters, patience int) error {
	in, st := se.in, se.st
	for u := range in.n {
		if in.heavy[u] {
			st.add([]int32{int32(u)})
		}
	}
	// Components of light units.
	seen := make([]bool, in.n)
	var lightUnits int
	for s := range in.n {
		if in.heavy[s] || seen[s] {
			continue
		}
		comp := []int32{int32(s)}
		seen[s] = true
		var w float64
		for h := 0; h < len(comp); h++ {
			u := comp[h]
			w += in.w[u]
			for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
				if !in.heavy[v] && !seen[v] {
					seen[v] = true
					comp = append(comp, v)
				}
			}
		}
		lightUnits += len(comp)
		if w < in.floor {
			continue // left for the heavy neighbours
		}
		best, bestLab := -1, []int32(nil)
		for range 4 {
			c, lab := se.sp.split(comp)
			if c > best && !hasUnplaced(lab) || best < 0 {
				best, bestLab = c, append(bestLab[:0], lab...)
			}
		}
		se.place(comp, bestLab, best)
	}
	if lightUnits == 0 {
		return nil
	}
	last := 0
	for it := range iters {
		if it&255 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if se.lnsMove() {
			last = it
		} else if it-last > patience {
			break
		}
	}
	return nil
}

func hasUnplaced(lab []int32) bool {
	for _, l := range lab {
		if l < 0 {
			return true
		}
	}
	return false
}

// place adds the groups of a split of region: lab gives each unit's label
// 0..count-1 or -1 (left unplaced).
func (se *search) place(region []int32, lab []int32, count int) {
	buckets := make([][]int32, count)
	for i, u := range region {
		if l := lab[i]; l >= 0 {
			buckets[l] = append(buckets[l], u)
		}
	}
	for _, b := range buckets {
		if len(b) > 0 {
			se.st.add(b)
		}
	}
}

// lnsMove is one large-neighbourhood move of countPhase among the groups
// of light units.
func (se *search) lnsMove() bool {
	in, st, rng := se.in, se.st, se.rng
	// Of two random light units' groups, take the one with more slack
	// (weight above the floor): slack is what a new group is made of.
	g := int32(-1)
	for range 2 {
		u := int32(rng.IntN(in.n))
		if h := st.part[u]; h >= 0 && !in.heavy[u] && (g < 0 || st.groups[h].w > st.groups[g].w) {
			g = h
		}
	}
	if g < 0 {
		return false
	}
	se.nbrs = st.neighbours(se.nbrs[:0], g, func(h int32) bool {
		return in.heavy[st.groups[h].units[0]] && len(st.groups[h].units) == 1
	})
	se.ids = append(se.ids[:0], g)
	k := 1 + rng.IntN(2)
	for range k {
		if len(se.nbrs) == 0 {
			break
		}
		j := rng.IntN(len(se.nbrs))
		se.ids = append(se.ids, se.nbrs[j])
		se.nbrs[j] = se.nbrs[len(se.nbrs)-1]
		se.nbrs = se.nbrs[:len(se.nbrs)-1]
	}
	var w float64
	se.region = se.region[:0]
	for _, id := range se.ids {
		w += st.groups[id].w
		se.region = append(se.region, st.groups[id].units...)
	}
	if len(se.ids) == 1 && w < 2*in.floor {
		return false
	}
	c, lab := se.sp.split(se.region)
	if c < len(se.ids) || hasUnplaced(lab) {
		return false
	}
	for _, id := range se.ids {
		st.remove(id)
	}
	se.place(se.region, lab, c)
	return c > len(se.ids)
}
