package sim

import (
	"fmt"
	"slices"

	"generalist"
)

// Validate checks s against the input: everything generalist.Scenario.
// Validate checks, plus the structure and year of the input and the
// contiguity of every merger group on the adjacency graph (an error unless
// the group allows it, then a warning).
func Validate(in *Base, s *generalist.Scenario) generalist.Problems {
	ps := s.ValidateIn(in.prepared().set, in.Catalogue)
	ps = append(ps, s.ValidateCountyTasks(in.County)...)
	if s.Structure != in.Structure || s.Year != in.Year {
		ps = append(ps, generalist.Problem{Where: "structure", Message: fmt.Sprintf(
			"the scenario is on the %d structure, 1.1.%d; the data given is for the %d structure, 1.1.%d", s.Structure, s.Year, in.Structure, in.Year)})
	}
	if in.Graph == nil {
		return ps
	}
	for i, m := range s.Mergers {
		if len(m.Members) < 2 || connected(in.prepared(), m.Members) {
			continue
		}
		ps = append(ps, generalist.Problem{Warning: m.AllowNonContiguous, Where: fmt.Sprintf("mergers[%d] (%s)", i, m.Name),
			Message: "the members do not form a contiguous area on the adjacency graph (sea links count)" + map[bool]string{true: "; allowed by the scenario", false: "; set allow_non_contiguous to accept it"}[m.AllowNonContiguous]})
	}
	return ps
}

// connected reports whether the members form one connected set on the
// base's graph; a member not on it is connected to nothing.
func connected(prep *prepared, members []generalist.MunicipalityNumber) bool {
	var setBuf [32]int32
	set := setBuf[:0] // the members' positions, members[0] first
	for _, m := range members {
		k := prep.at(m)
		if k < 0 || !prep.munis[k].node {
			return false
		}
		if !slices.Contains(set, k) {
			set = append(set, k)
		}
	}
	var seenBuf [32]bool
	var stackBuf [32]int
	seen, stack := append(seenBuf[:0], make([]bool, len(set))...), append(stackBuf[:0], 0)
	seen[0] = true
	n := 1
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, k := range prep.neighbours(set[x]) {
			if j := slices.Index(set, k); j >= 0 && !seen[j] {
				seen[j] = true
				n++
				stack = append(stack, j)
			}
		}
	}
	return n == len(set)
}
