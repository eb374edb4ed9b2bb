package optimize

import "generalist"

// Check reports whether assignment (the group of every node id, as
// Plan.Assignment returns) is a valid plan of p: every group connected
// over the links p allows, reaching the floor and meeting p's
// constraints. It returns nil or an EINVALID error naming the first
// fault. Scripts use it to mark benchmark runs valid; the package's tests
// check plans with an independent checker of their own.
//
// Complexity: O(n + m + Σ group size²) (the forbidden pairs and MaxKm are
// checked per group).
func Check(p Problem, assignment []int) error {
	in, err := compile(&p)
	if err != nil {
		return err
	}
	g := p.Graph
	if len(assignment) != in.nodes {
		return generalist.Errorf(generalist.EINVALID, "optimize: check: %d assignments for %d nodes", len(assignment), in.nodes)
	}
	groups := map[int][]int32{}
	for u := range in.n {
		k := assignment[in.members[u][0]]
		for _, v := range in.members[u] {
			if assignment[v] != k {
				return generalist.Errorf(generalist.EINVALID, "optimize: check: locked %s and %s are apart", label(g, int(in.members[u][0])), label(g, int(v)))
			}
		}
		groups[k] = append(groups[k], int32(u))
	}
	for k, units := range groups {
		if !in.validGroup(units) {
			return generalist.Errorf(generalist.EINVALID, "optimize: check: group %d (%s, …) is below the floor or breaks a constraint", k, label(g, int(in.members[units[0]][0])))
		}
		// Connected over allowed links.
		seen := map[int32]bool{units[0]: true}
		stack := []int32{units[0]}
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
				if !seen[v] && assignment[in.members[v][0]] == k {
					seen[v] = true
					stack = append(stack, v)
				}
			}
		}
		if len(seen) != len(units) {
			return generalist.Errorf(generalist.EINVALID, "optimize: check: group %d (%s, …) is not contiguous", k, label(g, int(in.members[units[0]][0])))
		}
	}
	return nil
}
