package capacity

import (
	"slices"

	"generalist"
)

// Count is a number of municipalities and the inhabitants living in them.
type Count struct {
	Municipalities int                `json:"municipalities"`
	Inhabitants    generalist.Persons `json:"inhabitants"`
}

func (c *Count) add(p generalist.Persons) {
	c.Municipalities++
	c.Inhabitants += p
}

// Pool is the team a municipality shares for a task through today's
// registered cooperation: every municipality with a registered arrangement
// for the task, joined with the members of every arrangement it shares
// with them (so a municipality is in one pool per task). Its team is the
// sum of its members' expected FTEs; every member is robust when the pool
// is. It is unknown when a member's population (or age split) is.
type Pool struct {
	Task    string                          `json:"task"`
	Members []generalist.MunicipalityNumber `json:"members"`
	// Expected is the pooled expected team (FTEs) and MinTeam the robust
	// minimum it is measured against.
	Expected float64 `json:"expected_fte"`
	MinTeam  float64 `json:"min_team_fte"`
	Known    bool    `json:"known"`
	Robust   bool    `json:"robust"`
}

// ApplyCooperation measures res again with today's registered cooperation
// arrs (generalist.TodaysCooperation) and records basis as what it rests
// on. For each task it sets WithCooperation (the municipalities below the
// robust minimum when pools count as one team), Coverage (the
// municipalities with a registered arrangement for the task) and
// CooperationKnown; each covered municipality gets its Pool. When basis is
// not applied, or the registry has no arrangement for a task, the task's
// cooperation is unknown and WithCooperation equals Alone.
//
// Arrangements for tasks without a staffing model and members not in res
// are ignored. res must come from Compute or ComputeInto and not have
// cooperation applied yet.
func (res *Result) ApplyCooperation(arrs []generalist.Arrangement, basis generalist.CooperationBasis) {
	res.Cooperation = basis
	if !basis.Applied {
		return
	}
	index := make(map[generalist.MunicipalityNumber]int, len(res.Municipalities))
	for i := range res.Municipalities {
		index[res.Municipalities[i].Number] = i
	}
	parent := make([]int, len(res.Municipalities))
	for j := range res.Tasks {
		ts := &res.Tasks[j]
		for i := range parent {
			parent[i] = -1 // not covered
		}
		covered := false
		for _, a := range arrs {
			if a.Task != ts.Task {
				continue
			}
			first := -1
			for _, m := range a.Members {
				i, ok := index[m]
				if !ok {
					continue
				}
				if parent[i] < 0 {
					parent[i] = i
				}
				covered = true
				if first < 0 {
					first = i
				} else {
					union(parent, first, i)
				}
			}
		}
		if !covered {
			continue // unknown: WithCooperation stays Alone
		}
		ts.CooperationKnown = true
		res.pool(j, parent)
	}
}

// pool forms the pools of task j from the union-find forest parent (−1
// for municipalities without an arrangement) and counts WithCooperation
// and Coverage.
func (res *Result) pool(j int, parent []int) {
	ts := &res.Tasks[j]
	pools := map[int]*Pool{}
	var order []int
	for i := range res.Municipalities {
		if parent[i] < 0 {
			continue
		}
		r := find(parent, i)
		p := pools[r]
		if p == nil {
			p = &Pool{Task: ts.Task, Known: true, MinTeam: res.Municipalities[i].Cells[j].MinTeam}
			pools[r] = p
			order = append(order, r)
		}
		c := &res.Municipalities[i].Cells[j]
		p.Members = append(p.Members, res.Municipalities[i].Number)
		p.Known = p.Known && c.Known
		p.Expected += c.Expected
	}
	for _, r := range order {
		p := pools[r]
		p.Expected = finite(p.Expected)
		if !p.Known {
			p.Expected = 0 // unknown, as for a cell
		}
		p.Robust = p.Known && p.Expected >= p.MinTeam
		slices.Sort(p.Members)
	}
	ts.WithCooperation = Count{}
	ts.UnknownWithCooperation = 0
	for i := range res.Municipalities {
		mu := &res.Municipalities[i]
		c := &mu.Cells[j]
		known, robust := c.Known, c.Robust
		if parent[i] >= 0 {
			p := pools[find(parent, i)]
			ts.Coverage.add(mu.Population.Value)
			mu.Cooperation = append(mu.Cooperation, *p)
			known, robust = p.Known, p.Robust
		}
		switch {
		case !known:
			ts.UnknownWithCooperation++
		case !robust:
			ts.WithCooperation.add(mu.Population.Value)
		}
	}
}

// find returns the root of i's set, halving the path on the way.
func find(parent []int, i int) int {
	for parent[i] != i {
		parent[i] = parent[parent[i]]
		i = parent[i]
	}
	return i
}

// union joins the sets of i and j under the lower root, so pools are
// formed in municipality order whatever the order of the arrangements.
func union(parent []int, i, j int) {
	a, b := find(parent, i), find(parent, j)
	if a > b {
		a, b = b, a
	}
	parent[b] = a
}
