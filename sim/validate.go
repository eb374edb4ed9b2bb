package sim

import (
	"fmt"

	"generalist"
)

// Validate checks s against the input: everything generalist.Scenario.
// Validate checks, plus the structure and year of the input and the
// contiguity of every merger group on the adjacency graph (an error unless
// the group allows it, then a warning).
func Validate(in *Base, s *generalist.Scenario) generalist.Problems {
	ps := s.Validate(in.Municipalities, in.Catalogue)
	ps = append(ps, s.ValidateCountyTasks(in.County)...)
	if s.Structure != in.Structure || s.Year != in.Year {
		ps = append(ps, generalist.Problem{Where: "structure", Message: fmt.Sprintf(
			"the scenario is on the %d structure, 1.1.%d; the data given is for the %d structure, 1.1.%d", s.Structure, s.Year, in.Structure, in.Year)})
	}
	if in.Graph == nil {
		return ps
	}
	for i, m := range s.Mergers {
		if len(m.Members) < 2 || connected(in, m.Members) {
			continue
		}
		ps = append(ps, generalist.Problem{Warning: m.AllowNonContiguous, Where: fmt.Sprintf("mergers[%d] (%s)", i, m.Name),
			Message: "the members do not form a contiguous area on the adjacency graph (sea links count)" + map[bool]string{true: "; allowed by the scenario", false: "; set allow_non_contiguous to accept it"}[m.AllowNonContiguous]})
	}
	return ps
}

// connected reports whether the members form one connected set.
func connected(in *Base, members []generalist.MunicipalityNumber) bool {
	set := map[string]bool{}
	for _, m := range members {
		set[string(m)] = true
	}
	seen := map[string]bool{string(members[0]): true}
	stack := []string{string(members[0])}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		ns, err := in.Graph.Neighbours(x)
		if err != nil {
			return false
		}
		for _, n := range ns {
			if set[n.Code] && !seen[n.Code] {
				seen[n.Code] = true
				stack = append(stack, n.Code)
			}
		}
	}
	return len(seen) == len(set)
}
