package optimize

import "slices"

// growLeft forms new groups from the units left unplaced, for problems
// whose constraints (MaxKm, several floors) leave whole areas over when the
// count phase's random cuts meet the distance limit. For every unplaced
// unit c, heaviest first, it grows a group centred on c (c's head is the
// centre: no member outranks it, every member node lies within MaxKm of it)
// by adding the nearest eligible adjacent unit until the group is valid:
// with steal false only unplaced units are eligible; with steal true also
// units of adjacent groups that those groups can spare (the group stays
// valid and connected without them). A growth that never becomes valid is
// undone. It reports whether it made a group.
//
// Complexity: O(k · s · (deg + s)) per centre for a grown group of s units
// (validity is tested per step), with k ≤ the number of unplaced units.
func (se *search) growLeft(steal bool) bool {
	in, st := se.in, se.st
	left := se.unplaced()
	slices.SortFunc(left, func(a, b int32) int {
		switch {
		case in.heavier(a, b):
			return -1
		case in.heavier(b, a):
			return 1
		}
		return 0
	})
	made := false
	for _, c := range left {
		if st.part[c] < 0 && se.growFrom(c, steal) {
			made = true
		}
	}
	return made
}

// growFrom grows a valid group centred on unplaced unit c (see growLeft)
// and adds it to the plan; it reports whether it succeeded.
func (se *search) growFrom(c int32, steal bool) bool {
	in, st := se.in, se.st
	h := in.head[c]
	g := append(se.region[:0], c)
	type taken struct{ u, from int32 }
	var took []taken
	undo := func() {
		for i := len(took) - 1; i >= 0; i-- {
			st.join(took[i].u, took[i].from)
		}
	}
	for {
		if in.validGroup(g) {
			break
		}
		best, bestD := int32(-1), 0.0
		for _, u := range g {
			for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
				if slices.Contains(g, v) || !se.eligible(g, v, c, steal) {
					continue
				}
				if d := in.dist(in.head[v], h); best < 0 || d < bestD || d == bestD && v < best {
					best, bestD = v, d
				}
			}
		}
		if best < 0 {
			undo()
			se.region = g
			return false
		}
		if from := st.part[best]; from >= 0 {
			st.leave(best)
			took = append(took, taken{best, from})
		}
		g = append(g, best)
	}
	se.region = g
	st.add(slices.Clone(g))
	return true
}

// eligible reports whether unit v may join the growing group g centred on
// c: not outranking c, its nodes within MaxKm of c's head, no forbidden
// pair with g, and either unplaced or (with steal) spared by its group.
func (se *search) eligible(g []int32, v, c int32, steal bool) bool {
	in, st := se.in, se.st
	if in.heavier(v, c) {
		return false
	}
	if in.maxKm > 0 {
		h := in.head[c]
		for _, x := range in.members[v] {
			if in.dist(x, h) > in.maxKm {
				return false
			}
		}
	}
	if in.forbid != nil {
		for _, u := range g {
			if in.forbidden(u, v) {
				return false
			}
		}
	}
	from := st.part[v]
	if from < 0 {
		return true
	}
	if !steal || in.p.KeepFeasible && in.heavy[v] {
		return false
	}
	units := st.groups[from].units
	if len(units) < 2 || !se.connectedWithout(units, v) {
		return false
	}
	rest := se.sideA[:0]
	for _, u := range units {
		if u != v {
			rest = append(rest, u)
		}
	}
	se.sideA = rest
	return in.validGroup(rest)
}
