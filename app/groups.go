package app

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"generalist"
	"generalist/graph"
	"generalist/optimize"
)

// GroupsCriteria are what a search for fixed cooperation regions asks of
// every region: that it staffs the robust minimum team of every task in
// Tasks at once, within MaxKm of its centre (docs/cooperation-regions.md).
type GroupsCriteria struct {
	Structure generalist.Structure `json:"structure"`
	// Year of the population (0: the latest year with data).
	Year int `json:"year"`
	// Tasks are task ids with a staffing model; at least one.
	Tasks []string `json:"tasks"`
	// MaxKm bounds the distance from every member to its region's centre
	// (0: no bound).
	MaxKm float64 `json:"max_km"`
	// County, when set, searches only the municipalities of that county.
	County generalist.CountyNumber `json:"county,omitempty"`
	// WithinCounty keeps every region inside one county.
	WithinCounty bool `json:"within_county,omitempty"`
	// KeepRegistered keeps today's registered cooperations for the chosen
	// tasks whole: their members end up in one region.
	KeepRegistered bool `json:"keep_registered,omitempty"`
	// ExemptInfeasible leaves out, and reports, the municipalities that
	// can be in no region meeting the criteria, instead of failing.
	ExemptInfeasible bool `json:"exempt_infeasible,omitempty"`
	// Seed of the search (optimize.Settings.Seed).
	Seed uint64 `json:"seed"`
	// Workers is the goroutines of the search (optimize.Settings.Workers;
	// 0: one per core). It does not change the result.
	Workers int `json:"-"`
}

// TaskFloor is a task's floor: its robust minimum team in FTEs, from the
// capacity model's catalogue.
type TaskFloor struct {
	Task    string  `json:"task"`
	MinTeam float64 `json:"min_team_fte"`
}

// CoopRegion is one proposed cooperation region: its members, its host
// (the most populous member, ties to the lower number) and what it
// gathers.
type CoopRegion struct {
	Members    []generalist.MunicipalityNumber `json:"members"`
	Host       generalist.MunicipalityNumber   `json:"host"`
	HostName   string                          `json:"host_name"`
	Population float64                         `json:"population"`
	// FTE are the region's expected FTEs per task, in the order of the
	// result's Floors.
	FTE []float64 `json:"fte"`
	// MaxKm is the largest distance from a member to the host's centroid.
	MaxKm float64 `json:"max_km"`
}

// GroupsExempt is a municipality left out of the regions, and why.
type GroupsExempt struct {
	Number generalist.MunicipalityNumber `json:"number"`
	Name   string                        `json:"name"`
	// Kind is optimize.Reason.Kind: distance, together, isolated, total
	// or search.
	Kind string `json:"kind"`
	// Tasks are the tasks whose floor it cannot reach (all the chosen
	// tasks for "together").
	Tasks  []string `json:"tasks,omitempty"`
	Reason string   `json:"reason"`
}

// GroupsResult is a search for fixed cooperation regions: the regions,
// the bound on their number and the gap, the exempt municipalities and
// how today's registered cooperation fits the regions.
type GroupsResult struct {
	Criteria GroupsCriteria `json:"criteria"`
	Floors   []TaskFloor    `json:"floors"`
	Regions  []CoopRegion   `json:"regions"`
	Count    int            `json:"count"`
	Bound    int            `json:"bound"`
	Gap      float64        `json:"gap"`
	// Valid is optimize.Check's verdict on the plan.
	Valid  bool           `json:"valid"`
	Exempt []GroupsExempt `json:"exempt"`
	// Registered counts today's registered cooperations with a member in
	// the search; Crossing those whose members (left out of no region)
	// fall in more than one region.
	Registered int `json:"registered"`
	Crossing   int `json:"crossing"`
	// Locked counts the registered cooperations for the chosen tasks
	// kept whole (KeepRegistered), NotWhole those that could not be (a
	// member exempt or outside the search, or members that do not
	// border each other).
	Locked   int `json:"locked,omitempty"`
	NotWhole int `json:"not_whole,omitempty"`

	// Plan is the search's plan (on the municipalities not proven out of
	// reach: those it left out are in Plan.Left) and Problem the problem
	// on the municipalities in its regions, assign their regions in
	// Problem's node order; Plan is nil when every one is exempt.
	Plan    *optimize.Plan   `json:"-"`
	Problem optimize.Problem `json:"-"`
	assign  []int
}

// maxGroupsRounds bounds the rounds of exemption: each round leaves out
// the municipalities the last one found infeasible.
const maxGroupsRounds = 25

// SearchGroups finds fixed cooperation regions (docs/cooperation-regions.md):
// contiguous groups of municipalities, as many as it can find, each of
// which reaches the robust minimum team (capacity model) of every chosen
// task at once and lies within MaxKm of its centre, the most populous
// member. Infeasible criteria are an EINVALID error naming the
// municipalities, the task and the reason, unless ExemptInfeasible leaves
// those municipalities out (Exempt) and searches again without them.
func (a *App) SearchGroups(ctx context.Context, c GroupsCriteria) (*GroupsResult, error) {
	if err := c.Structure.Validate(); err != nil {
		return nil, err
	}
	if len(c.Tasks) == 0 {
		return nil, generalist.Errorw(generalist.EINVALID, "err.grp.notask", "task: choose at least one task")
	}
	if math.IsNaN(c.MaxKm) || math.IsInf(c.MaxKm, 0) || c.MaxKm < 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "maximum distance %v: must be a number of km, 0 or more", c.MaxKm)
	}
	for i, t := range c.Tasks {
		if slices.Contains(c.Tasks[:i], t) {
			return nil, generalist.Errorw(generalist.EINVALID, "err.grp.twice", "task %q: given twice", t)
		}
	}
	// The population (centre and host) and its year, from the
	// single-floor search's problem.
	base, err := a.SearchProblem(ctx, Criteria{Structure: c.Structure, Year: c.Year, Floor: 1})
	if err != nil {
		return nil, err
	}
	c.Year = base.Year
	g, pop := base.Problem.Graph, base.Problem.Weight
	weights, floors, err := a.taskWeights(ctx, c, g)
	if err != nil {
		return nil, err
	}
	res := &GroupsResult{Criteria: c, Floors: floors, Exempt: []GroupsExempt{}, Regions: []CoopRegion{}}

	keep := make([]int, 0, g.Len())
	for i, n := range g.Nodes() {
		if c.County == "" || generalist.MunicipalityNumber(n.Code).County() == c.County {
			keep = append(keep, i)
		}
	}
	if len(keep) == 0 {
		return nil, generalist.Errorw(generalist.EINVALID, "err.grp.nocounty", "county %q: no municipality of the %d structure is in that county", string(c.County), int(c.Structure))
	}
	coops, err := a.registeredCooperations(ctx, c)
	if err != nil {
		return nil, err
	}
	for round := 0; ; round++ {
		if len(keep) == 0 {
			break
		}
		p, err := groupsProblem(g, keep, pop, weights, floors, c, coops, res)
		if err != nil {
			return nil, err
		}
		// With exemptions the search runs once: the proven reasons come
		// from the cheap feasibility tests before it, and the
		// municipalities it cannot place are left out of its plan.
		plan, err := optimize.Solve(ctx, p, optimize.Settings{Seed: c.Seed, Workers: c.Workers, LeaveOut: c.ExemptInfeasible})
		var inf *optimize.Infeasible
		if err == nil {
			if err := res.leaveOut(g, keep, pop, weights, p, plan, coops); err != nil {
				return nil, err
			}
			break
		}
		if !errors.As(err, &inf) || !c.ExemptInfeasible || round >= maxGroupsRounds {
			return nil, err
		}
		out := map[int]bool{}
		for _, r := range inf.Reasons {
			for _, v := range r.Nodes {
				if out[v] {
					continue
				}
				out[v] = true
				n := p.Graph.Node(v)
				res.Exempt = append(res.Exempt, GroupsExempt{Number: generalist.MunicipalityNumber(n.Code), Name: n.Name,
					Kind: r.Kind, Tasks: r.Floors, Reason: exemptReason(n, r, c, floors)})
			}
		}
		keep = slices.DeleteFunc(keep, func(i int) bool {
			nd, _ := p.Graph.Lookup(g.Node(i).Code)
			return out[nd.ID]
		})
	}
	slices.SortFunc(res.Exempt, func(x, y GroupsExempt) int { return strings.Compare(string(x.Number), string(y.Number)) })
	res.describe(g, pop, weights, coops)
	return res, nil
}

// leaveOut keeps plan, the search's plan on p (the municipalities keep of
// g), as the result: the municipalities it left out (plan.Left) are exempt
// with kind "search" and dropped from keep, and the problem is rebuilt
// without them so that optimize.Check judges the plan on the
// municipalities it places. The bound stays the bound of p: no plan of
// the municipalities not proven out of reach has more regions.
func (res *GroupsResult) leaveOut(g *graph.Graph, keep []int, pop []float64, weights [][]float64, p optimize.Problem,
	plan *optimize.Plan, coops [][]generalist.Arrangement) error {
	c := res.Criteria
	res.Plan, res.Problem, res.assign = plan, p, plan.Assignment()
	if len(plan.Left) == 0 {
		return nil
	}
	r := optimize.Reason{Kind: "search", Floors: c.Tasks}
	out := make(map[int]bool, len(plan.Left))
	for _, v := range plan.Left {
		out[v] = true
		n := p.Graph.Node(v)
		res.Exempt = append(res.Exempt, GroupsExempt{Number: generalist.MunicipalityNumber(n.Code), Name: n.Name,
			Kind: r.Kind, Tasks: r.Floors, Reason: exemptReason(n, r, c, res.Floors)})
	}
	var rest, assign []int
	for k, i := range keep {
		if !out[k] {
			rest = append(rest, i)
			assign = append(assign, res.assign[k])
		}
	}
	res.assign = assign
	if len(rest) == 0 {
		res.Plan = nil
		return nil
	}
	sub, err := groupsProblem(g, rest, pop, weights, res.Floors, c, coops, res)
	if err != nil {
		return err
	}
	res.Problem = sub
	return nil
}

// taskWeights returns each task's expected FTEs per node of g (the
// municipality alone, whatever today's cooperation) and its floor, the
// robust minimum team.
func (a *App) taskWeights(ctx context.Context, c GroupsCriteria, g *graph.Graph) ([][]float64, []TaskFloor, error) {
	res, err := a.Capacity(ctx, c.Structure, c.Year, TodayOptions{})
	if err != nil {
		return nil, nil, err
	}
	by := make(map[string]int, g.Len())
	for i, n := range g.Nodes() {
		by[n.Code] = i
	}
	weights := make([][]float64, len(c.Tasks))
	floors := make([]TaskFloor, len(c.Tasks))
	for k, t := range c.Tasks {
		weights[k] = make([]float64, g.Len())
		found := false
		for _, m := range res.Municipalities {
			for _, cell := range m.Cells {
				if cell.Task != t {
					continue
				}
				found = true
				if !cell.Known {
					return nil, nil, generalist.Errorw(generalist.EINVALID, "err.grp.noages", "no population by age for %s %s, needed for task %s", string(m.Number), m.Name, t)
				}
				if i, ok := by[string(m.Number)]; ok {
					weights[k][i] = cell.Expected
				}
				floors[k] = TaskFloor{Task: t, MinTeam: cell.MinTeam}
			}
		}
		if !found {
			return nil, nil, generalist.Errorw(generalist.EINVALID, "err.grp.task", "task %q: no task with a staffing model has that id", t)
		}
		if !(floors[k].MinTeam > 0) {
			return nil, nil, generalist.Errorf(generalist.EINVALID, "task %q: its robust minimum team is not a positive number of FTEs", t)
		}
	}
	return weights, floors, nil
}

// registeredCooperations returns today's registered cooperations (not
// the shipped examples), each as its arrangements.
func (a *App) registeredCooperations(ctx context.Context, c GroupsCriteria) ([][]generalist.Arrangement, error) {
	if c.Structure != generalist.Structure2024 {
		return nil, nil
	}
	cs, err := a.Store.IMCs(ctx, generalist.IMCFilter{ActiveOn: generalist.TodaysDay(c.Year)})
	if err != nil {
		return nil, err
	}
	var out [][]generalist.Arrangement
	for i := range cs {
		if arr, _ := generalist.TodaysCooperation(cs[i:i+1], c.Structure, c.Year, false); len(arr) > 0 {
			out = append(out, arr)
		}
	}
	return out, nil
}

// groupsProblem builds the problem on the municipalities keep (node ids of
// g): the first task's FTEs as Weight, the others as Also, the population
// as Centre; with KeepRegistered the registered cooperations for the
// chosen tasks as locked sets (counted in res).
func groupsProblem(g *graph.Graph, keep []int, pop []float64, weights [][]float64, floors []TaskFloor,
	c GroupsCriteria, coops [][]generalist.Arrangement, res *GroupsResult) (optimize.Problem, error) {
	sub, err := g.Induced(keep)
	if err != nil {
		return optimize.Problem{}, err
	}
	pick := func(w []float64) []float64 {
		out := make([]float64, len(keep))
		for k, i := range keep {
			out[k] = w[i]
		}
		return out
	}
	p := optimize.Problem{Graph: sub, Weight: pick(weights[0]), Floor: floors[0].MinTeam, Name: floors[0].Task,
		Centre: pick(pop), MaxKm: generalist.Km(c.MaxKm)}
	for k := 1; k < len(floors); k++ {
		p.Also = append(p.Also, optimize.Dimension{Name: floors[k].Task, Weight: pick(weights[k]), Floor: floors[k].MinTeam})
	}
	if c.WithinCounty {
		p.Region = make([]string, sub.Len())
		for i, n := range sub.Nodes() {
			p.Region[i] = string(generalist.MunicipalityNumber(n.Code).County())
		}
	}
	res.Locked, res.NotWhole = 0, 0
	if c.KeepRegistered {
		p.Locked, res.Locked, res.NotWhole = lockedCooperations(sub, p.Region, c.Tasks, coops)
	}
	return p, nil
}

// lockedCooperations returns the registered cooperations for the tasks as
// locked sets of sub's node ids: cooperations that share a member are
// joined, and a set is kept whole only when every member is in sub and the
// members are contiguous over its links (within one region when region is
// set); the others are left free and counted as not whole.
func lockedCooperations(sub *graph.Graph, region []string, tasks []string, coops [][]generalist.Arrangement) (locked [][]int, whole, notWhole int) {
	type set struct {
		nodes []int
		coops int
		bad   bool
	}
	var sets []*set
	of := map[int]*set{}
	for _, arrs := range coops {
		s := &set{coops: 1}
		for _, ar := range arrs {
			if !slices.Contains(tasks, ar.Task) {
				continue
			}
			for _, m := range ar.Members {
				n, ok := sub.Lookup(string(m))
				if !ok {
					s.bad = true
					continue
				}
				if !slices.Contains(s.nodes, n.ID) {
					s.nodes = append(s.nodes, n.ID)
				}
			}
		}
		if len(s.nodes) == 0 && !s.bad {
			continue // not for the chosen tasks
		}
		// Join the sets that share a member with s.
		for _, v := range slices.Clone(s.nodes) {
			if o := of[v]; o != nil && o != s {
				for _, x := range o.nodes {
					if !slices.Contains(s.nodes, x) {
						s.nodes = append(s.nodes, x)
					}
				}
				s.coops += o.coops
				s.bad = s.bad || o.bad
				sets = slices.DeleteFunc(sets, func(y *set) bool { return y == o })
			}
		}
		for _, v := range s.nodes {
			of[v] = s
		}
		sets = append(sets, s)
	}
	for _, s := range sets {
		if s.bad || len(s.nodes) < 2 || !contiguous(sub, s.nodes, region) {
			notWhole += s.coops
			continue
		}
		slices.Sort(s.nodes)
		locked = append(locked, s.nodes)
		whole += s.coops
	}
	slices.SortFunc(locked, func(a, b []int) int { return a[0] - b[0] })
	return locked, whole, notWhole
}

// contiguous reports whether nodes are connected over g's links between
// them (within one region when region is set).
func contiguous(g *graph.Graph, nodes []int, region []string) bool {
	in := map[int]bool{}
	for _, v := range nodes {
		in[v] = true
	}
	seen := map[int]bool{nodes[0]: true}
	for q := []int{nodes[0]}; len(q) > 0; q = q[1:] {
		for _, e := range g.Incident(q[0]) {
			o := e.A + e.B - q[0]
			if in[o] && !seen[o] && (region == nil || region[e.A] == region[e.B]) {
				seen[o] = true
				q = append(q, o)
			}
		}
	}
	return len(seen) == len(nodes)
}

// exemptReason words why municipality n is left out.
func exemptReason(n graph.Node, r optimize.Reason, c GroupsCriteria, floors []TaskFloor) string {
	name := n.Code + " " + n.Name
	floor := func() string {
		for _, f := range floors {
			if len(r.Floors) > 0 && f.Task == r.Floors[0] {
				return fmt.Sprintf("the robust minimum team of %s (%s FTE)", f.Task, num(f.MinTeam))
			}
		}
		return "the robust minimum team"
	}
	switch r.Kind {
	case "distance":
		return fmt.Sprintf("%s cannot reach %s with municipalities within %s km of a region's centre", name, floor(), num(c.MaxKm))
	case "together":
		return fmt.Sprintf("%s can reach each task's robust minimum team, but not all at once, with municipalities within %s km of a region's centre", name, num(c.MaxKm))
	case "isolated":
		return fmt.Sprintf("%s cannot reach %s with the municipalities it can be grouped with (%s FTE in all)", name, floor(), num(r.Weight))
	case "total":
		return fmt.Sprintf("the municipalities searched reach only %s FTE in all, below %s", num(r.Weight), floor())
	}
	return fmt.Sprintf("the search found no region for %s that meets every task's robust minimum team and the distance", name)
}

// num writes a figure for a message: up to two decimals.
func num(v float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}

// describe fills in the regions, the verdict and how today's registered
// cooperations fit the regions.
func (res *GroupsResult) describe(g *graph.Graph, pop []float64, weights [][]float64, coops [][]generalist.Arrangement) {
	regionOf := map[string]int{}
	if pl := res.Plan; pl != nil {
		res.Count, res.Bound, res.Gap = pl.Count, pl.Bound, pl.Gap()
		res.Valid = optimize.Check(res.Problem, res.assign) == nil
		for k, codes := range pl.Groups() {
			var r CoopRegion
			host := -1
			r.FTE = make([]float64, len(weights))
			for _, code := range codes {
				nd, _ := g.Lookup(code)
				i := nd.ID
				r.Members = append(r.Members, generalist.MunicipalityNumber(code))
				r.Population += pop[i]
				for t := range weights {
					r.FTE[t] += weights[t][i]
				}
				if host < 0 || pop[i] > pop[host] {
					host = i
				}
				regionOf[code] = k
			}
			r.Host, r.HostName = generalist.MunicipalityNumber(g.Node(host).Code), g.Node(host).Name
			for _, m := range r.Members {
				nd, _ := g.Lookup(string(m))
				r.MaxKm = math.Max(r.MaxKm, float64(g.Distance(nd.ID, host)))
			}
			res.Regions = append(res.Regions, r)
		}
	}
	for _, arrs := range coops {
		seen := map[int]bool{}
		in := false
		for _, ar := range arrs {
			for _, m := range ar.Members {
				if _, ok := g.Lookup(string(m)); ok && (res.Criteria.County == "" || m.County() == res.Criteria.County) {
					in = true
				}
				if k, ok := regionOf[string(m)]; ok {
					seen[k] = true
				}
			}
		}
		if in {
			res.Registered++
		}
		if len(seen) > 1 {
			res.Crossing++
		}
	}
}

// Groups returns the members of every region.
func (res *GroupsResult) Groups() [][]generalist.MunicipalityNumber {
	out := make([][]generalist.MunicipalityNumber, len(res.Regions))
	for i, r := range res.Regions {
		out[i] = r.Members
	}
	return out
}
