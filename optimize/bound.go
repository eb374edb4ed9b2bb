package optimize

import "math"

// UpperBound returns an upper bound on the number of groups of any plan of
// p: no valid plan has more. Solve reports it with the plan, and the gap
// between the two says how far from optimal the plan can be.
//
// # Method
//
// The bound is a relaxation that ignores MaxKm, Forbidden and KeepFeasible
// (which only remove plans) and keeps the floor, contiguity, regions, sea
// links and locked groups (which change the graph):
//
//  1. Units that meet the floor alone ("heavy") count one group each: in a
//     plan with the most groups no group holds two of them (cut between
//     them), so the other groups consist of light units only.
//  2. Light units form components over links between light units; a
//     group of light units lies inside one component.
//  3. Within a component, a light unit with a single light neighbour p is
//     merged into p: in any plan it can be moved to p's group (or p's
//     leftover piece) without losing a group, so the merged instance has
//     the same optimum. A merged unit that reaches the floor becomes heavy
//     (rule 1) and leaves its component; a unit with no light neighbour
//     left can be in no group of light units and is dropped. This repeats
//     until no rule applies.
//  4. A component of weight W then holds at most ⌊W / floor⌋ groups.
//
// The bound is exact on trees (rule 3 alone solves them) and tight where
// groups can be cut with little slack; it is loose where the shapes of the
// components force slack, e.g. on grids of lognormal weights.
//
// Complexity: O(n + m) after compiling the problem. Errors: as Solve's for
// an invalid problem (EINVALID); it does not test feasibility.
func UpperBound(p Problem) (int, error) {
	in, err := compile(&p)
	if err != nil {
		return 0, err
	}
	return in.bound(), nil
}

func (in *instance) bound() int {
	n, dims := in.n, in.dims()
	// w[d][u]: unit u's weight in dimension d, as units merge.
	w := make([][]float64, dims)
	for d := range dims {
		w[d] = make([]float64, n)
		for u := range n {
			w[d][u] = in.dimWeight(d, int32(u))
		}
	}
	reaches := func(u int32) bool {
		for d := range dims {
			if w[d][u] < in.dimFloor(d) {
				return false
			}
		}
		return true
	}
	heavy := make([]bool, n)
	copy(heavy, in.heavy)
	gone := make([]bool, n) // merged away or dropped
	deg := make([]int, n)   // light neighbours still present
	count := 0
	for u := range n {
		if heavy[u] {
			count++
			continue
		}
		for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
			if !heavy[v] {
				deg[u]++
			}
		}
	}
	var queue []int32
	for u := range n {
		if !heavy[u] && deg[u] <= 1 {
			queue = append(queue, int32(u))
		}
	}
	alive := func(v int32) bool { return !heavy[v] && !gone[v] }
	for len(queue) > 0 {
		u := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if !alive(u) || deg[u] > 1 {
			continue
		}
		gone[u] = true
		if deg[u] == 0 {
			continue // can join no group of light units
		}
		var p int32 = -1
		for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
			if alive(v) {
				p = v
				break
			}
		}
		for d := range dims {
			w[d][p] += w[d][u]
		}
		deg[p]--
		if reaches(p) {
			heavy[p] = true
			count++
			for _, v := range in.nbr[in.start[p]:in.start[p+1]] {
				if alive(v) {
					deg[v]--
					if deg[v] <= 1 {
						queue = append(queue, v)
					}
				}
			}
		} else if deg[p] <= 1 {
			queue = append(queue, p)
		}
	}
	// Components of what is left: each holds at most ⌊total / floor⌋
	// groups in every dimension.
	seen := make([]bool, n)
	var stack []int32
	total := make([]float64, dims)
	for s := range int32(n) {
		if !alive(s) || seen[s] {
			continue
		}
		seen[s] = true
		stack = append(stack[:0], s)
		clear(total)
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for d := range dims {
				total[d] += w[d][u]
			}
			for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
				if alive(v) && !seen[v] {
					seen[v] = true
					stack = append(stack, v)
				}
			}
		}
		k := math.Inf(1)
		for d := range dims {
			k = math.Min(k, math.Floor(total[d]/in.dimFloor(d)))
		}
		count += int(k)
	}
	return count
}
