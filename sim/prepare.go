package sim

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sync"

	"generalist"
	"generalist/stats"
)

// prepared is what every scenario on one base shares, built once
// (Base.prepared): the municipalities in order of number with what the
// evaluation reads of each, the adjacency as positions in that order,
// today's cooperation by task, and the distribution of the base's own
// municipalities. A run then works on positions and slices, not on maps
// keyed by number.
type prepared struct {
	// pos is each municipality's position in munis.
	pos     map[generalist.MunicipalityNumber]int32
	munis   []muni
	numbers []generalist.MunicipalityNumber // of munis
	// The neighbours of the municipality at position p are
	// adj[adjStart[p]:adjStart[p+1]], in the graph's edge order; both are
	// nil without a graph.
	adjStart, adj []int32
	// today lists today's arrangements (Base.Today) by task id.
	today map[string][]todayArrangement
	// sv and svOK are, for each task of the base's catalogue with a
	// staffing model (by its index; nil for the others), the population
	// the task serves in each municipality as a unit of its own and
	// whether it is known (served).
	sv   [][]generalist.Persons
	svOK [][]bool
	// set is the municipalities the scenario check indexes once.
	set *generalist.MunicipalitySet
	// nearOnce builds nearBy: for each position, the municipalities one
	// to three steps away on the graph, nearest first (between centroids;
	// ties by position), for the partner rule.
	nearOnce sync.Once
	nearBy   [][]int32
	// countyToday is today's county bodies (CountyOutcome.Today).
	countyToday CountyBodies
	// rank is the positions with data in order of population, then
	// number: the order the distribution sorts them in.
	rank []int32
	// stats is the distribution of the base's municipalities as they
	// are, which is every scenario's without mergers or splits.
	stats stats.Distribution
}

// muni is one municipality of the base.
type muni struct {
	number generalist.MunicipalityNumber
	name   string // the short name, a unit's name
	county generalist.CountyNumber
	// pop is the population record, nil when the base has none; known
	// says there is one and it is not missing.
	pop   *generalist.Population
	known bool
	// x, y is the centroid (UTM 33N metres) when node: the municipality
	// is on the graph.
	x, y float64
	node bool
	// class is the centrality class when hasClass.
	class    int
	hasClass bool
}

// todayArrangement is one of today's arrangements with its members and
// host as positions (-1 for a number not in the base) and its rule's name.
type todayArrangement struct {
	rule    string
	form    generalist.IMCForm
	members []int32
	host    int32
}

// Prepare builds what every scenario on the base shares now rather than
// at the first Run: call it where a Base is kept for many evaluations, so
// that its cost and size fall there and not on the first request. The
// fields must not change afterwards.
func (in *Base) Prepare() { in.prepared() }

func (in *Base) prepared() *prepared {
	in.once.Do(func() { in.prep = prepare(in) })
	return in.prep
}

func prepare(in *Base) *prepared {
	p := &prepared{pos: make(map[generalist.MunicipalityNumber]int32, len(in.Municipalities)), set: generalist.NewMunicipalitySet(in.Municipalities)}
	order := make([]int, 0, len(in.Municipalities))
	seen := make(map[generalist.MunicipalityNumber]bool, len(in.Municipalities))
	for i := range in.Municipalities {
		if n := in.Municipalities[i].Number; !seen[n] {
			seen[n] = true
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(i, j int) int { return cmp.Compare(in.Municipalities[i].Number, in.Municipalities[j].Number) })
	p.munis = make([]muni, len(order))
	p.numbers = make([]generalist.MunicipalityNumber, len(order))
	for k, i := range order {
		m := &in.Municipalities[i]
		p.munis[k] = muni{number: m.Number, name: m.ShortName, county: m.County}
		p.numbers[k] = m.Number
		p.pos[m.Number] = int32(k)
	}
	for i := range in.Populations {
		if k, ok := p.pos[in.Populations[i].Municipality]; ok {
			m := &p.munis[k]
			m.pop = &in.Populations[i]
			m.known = !m.pop.Missing
		}
	}
	for n, c := range in.Centrality {
		if k, ok := p.pos[n]; ok {
			p.munis[k].class, p.munis[k].hasClass = c, true
		}
	}
	if g := in.Graph; g != nil {
		nodes := g.Nodes()
		at := make([]int32, len(nodes)) // node id → position, -1 when not in the base
		for id, n := range nodes {
			at[id] = -1
			if k, ok := p.pos[generalist.MunicipalityNumber(n.Code)]; ok {
				at[id] = k
				m := &p.munis[k]
				m.x, m.y, m.node = n.X, n.Y, true
			}
		}
		edges := g.Edges()
		p.adjStart = make([]int32, len(p.munis)+1)
		for _, e := range edges {
			if a, b := at[e.A], at[e.B]; a >= 0 && b >= 0 {
				p.adjStart[a+1]++
				p.adjStart[b+1]++
			}
		}
		for k := range p.munis {
			p.adjStart[k+1] += p.adjStart[k]
		}
		p.adj = make([]int32, p.adjStart[len(p.munis)])
		fill := slices.Clone(p.adjStart[:len(p.munis)])
		for _, e := range edges {
			if a, b := at[e.A], at[e.B]; a >= 0 && b >= 0 {
				p.adj[fill[a]], fill[a] = b, fill[a]+1
				p.adj[fill[b]], fill[b] = a, fill[b]+1
			}
		}
	}
	p.today = map[string][]todayArrangement{}
	for i := range in.Today {
		co := &in.Today[i]
		ta := todayArrangement{rule: fmt.Sprintf("today[%d] (%s, %s)", i, co.Task, co.Form), form: co.Form, host: p.at(co.Host),
			members: make([]int32, len(co.Members))}
		for j, m := range co.Members {
			ta.members[j] = p.at(m)
		}
		p.today[co.Task] = append(p.today[co.Task], ta)
	}
	if in.Catalogue != nil {
		p.sv = make([][]generalist.Persons, len(in.Catalogue.Tasks))
		p.svOK = make([][]bool, len(in.Catalogue.Tasks))
		for ti := range in.Catalogue.Tasks {
			t := &in.Catalogue.Tasks[ti]
			if t.Staffing == nil {
				continue
			}
			p.sv[ti], p.svOK[ti] = make([]generalist.Persons, len(p.munis)), make([]bool, len(p.munis))
			for k := range p.munis {
				if m := &p.munis[k]; m.known {
					u := unit{total: m.pop.Total, ages: m.pop.Ages, known: true}
					if u.ages != nil && u.ages.Sum() != u.total {
						u.ages = nil // as buildUnits leaves it
					}
					p.sv[ti][k], p.svOK[ti][k] = served(t, &u)
				}
			}
		}
	}
	su := make([]stats.Unit, len(p.munis))
	for k := range p.munis {
		m := &p.munis[k]
		su[k] = stats.Unit{Number: string(m.number), Name: m.name, Known: m.known}
		if m.known {
			su[k].Value = m.pop.Total
		} else {
			su[k].Note = generalist.NoteSplitCarried
		}
	}
	if d, err := stats.Summarize(su, stats.DefaultUnder); err == nil {
		p.stats = d
	}
	for k := range p.munis {
		if p.munis[k].known {
			p.rank = append(p.rank, int32(k))
		}
	}
	slices.SortFunc(p.rank, func(i, j int32) int { return cmp.Or(cmp.Compare(su[i].Value, su[j].Value), cmp.Compare(i, j)) })
	p.countyToday = countyToday(in, p)
	return p
}

// near returns, for each position, the municipalities one to three steps
// away on the graph, nearest first and ties by position; nil without a
// graph.
func (p *prepared) near() [][]int32 {
	p.nearOnce.Do(func() {
		if p.adjStart == nil {
			return
		}
		p.nearBy = make([][]int32, len(p.munis))
		seen := make([]int32, len(p.munis))
		var frontier, next []int32
		type cand struct {
			d float64
			k int32
		}
		var cs []cand
		for k := range p.munis {
			epoch := int32(k + 1)
			seen[k] = epoch
			frontier, cs = append(frontier[:0], int32(k)), cs[:0]
			for range 3 {
				next = next[:0]
				for _, x := range frontier {
					for _, v := range p.neighbours(x) {
						if seen[v] != epoch {
							seen[v] = epoch
							next = append(next, v)
							d := math.Inf(1)
							if m, n := &p.munis[k], &p.munis[v]; m.node && n.node {
								d = math.Hypot(m.x-n.x, m.y-n.y)
							}
							cs = append(cs, cand{d, v})
						}
					}
				}
				frontier, next = next, frontier
			}
			slices.SortFunc(cs, func(x, y cand) int { return cmp.Or(cmp.Compare(x.d, y.d), cmp.Compare(x.k, y.k)) })
			near := make([]int32, len(cs))
			for i, c := range cs {
				near[i] = c.k
			}
			p.nearBy[k] = near
		}
	})
	return p.nearBy
}

// at returns the position of municipality n, -1 when it is not in the
// base.
func (p *prepared) at(n generalist.MunicipalityNumber) int32 {
	if k, ok := p.pos[n]; ok {
		return k
	}
	return -1
}

// neighbours returns the positions next to position k on the graph.
func (p *prepared) neighbours(k int32) []int32 {
	if p.adjStart == nil {
		return nil
	}
	return p.adj[p.adjStart[k]:p.adjStart[k+1]]
}
