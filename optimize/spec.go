package optimize

import (
	"strings"

	"generalist"
	"generalist/graph"
)

// ParseLocked parses locked groups written as codes joined by "+", groups
// separated by commas ("3201+3203,1101+1111"), into node ids of g for
// Problem.Locked. An unknown code is an EINVALID error naming it.
func ParseLocked(g *graph.Graph, s string) ([][]int, error) {
	if s == "" {
		return nil, nil
	}
	var out [][]int
	for _, grp := range strings.Split(s, ",") {
		var ids []int
		for _, code := range strings.Split(grp, "+") {
			n, ok := g.Lookup(strings.TrimSpace(code))
			if !ok {
				return nil, generalist.Errorf(generalist.EINVALID, "no unit %q", code)
			}
			ids = append(ids, n.ID)
		}
		out = append(out, ids)
	}
	return out, nil
}

// ParseForbidden parses forbidden pairs written as two codes joined by
// "-", pairs separated by commas ("0301-3201,1101-1111"), into node ids of g
// for Problem.Forbidden. A malformed pair or unknown code is an EINVALID
// error quoting the pair.
func ParseForbidden(g *graph.Graph, s string) ([][2]int, error) {
	if s == "" {
		return nil, nil
	}
	var out [][2]int
	for _, pair := range strings.Split(s, ",") {
		a, b, ok := strings.Cut(pair, "-")
		na, okA := g.Lookup(strings.TrimSpace(a))
		nb, okB := g.Lookup(strings.TrimSpace(b))
		if !ok || !okA || !okB {
			return nil, generalist.Errorf(generalist.EINVALID, "%q: want two unit codes joined by -", pair)
		}
		out = append(out, [2]int{na.ID, nb.ID})
	}
	return out, nil
}
