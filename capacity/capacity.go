// Package capacity measures each municipality's capacity against the tasks
// the law gives it: for every task with a staffing model in the catalogue,
// the team the municipality's own population calls for (FTEs per 1,000
// inhabitants served), and whether that team reaches the smallest robust
// professional environment (fagmiljø). It is pure: values in, values out.
//
// The model is deliberately simple and fully transparent: expected FTEs =
// fte_per_1000 × (inhabitants in the served age groups) / 1,000, robust when
// expected ≥ min_team. Every parameter comes from the task catalogue with
// its source, or marked as an assumption the user can change; results say
// which.
//
// Complexity: O(m·t) for m municipalities and t tasks, no allocation per
// cell beyond the result slices.
package capacity

import (
	"encoding/json"
	"math"
	"slices"

	"generalist"
)

// Cell is one municipality's result for one task. It is kept to 48 bytes
// (the model writes one per task and municipality, 11,000 on the 2024
// structure, and memory traffic dominates its cost): Shortfall and Share
// are methods, and appear in JSON through MarshalJSON.
type Cell struct {
	Task string `json:"task"`
	// Served is the number of inhabitants the task serves.
	Served   generalist.Persons `json:"served"`
	Expected float64            `json:"expected_fte"`
	MinTeam  float64            `json:"min_team_fte"`
	// Known is false when the population (or its age split) is not
	// available; the other numbers are then zero.
	Known  bool `json:"known"`
	Robust bool `json:"robust"`
}

// Shortfall returns MinTeam − Expected when the team is not robust, else 0.
func (c Cell) Shortfall() float64 {
	if !c.Known || c.Robust {
		return 0
	}
	return c.MinTeam - c.Expected
}

// Share returns Expected / MinTeam: 1 or more is robust. It is always
// finite (see finite).
func (c Cell) Share() float64 {
	if c.MinTeam <= 0 {
		return 1
	}
	return finite(c.Expected / c.MinTeam)
}

// finite returns x, or 0 when x is NaN or infinite. The catalogue's
// parameter ranges (generalist.ParamField.Valid) keep every figure of the
// model finite; this guard keeps a value that slipped past them from
// reaching JSON (which cannot carry it) or an integer conversion.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// MarshalJSON writes the cell with its shortfall and share.
func (c Cell) MarshalJSON() ([]byte, error) {
	type plain Cell // without the method, to avoid recursion
	return json.Marshal(struct {
		plain
		Shortfall float64 `json:"shortfall_fte"`
		Share     float64 `json:"share_of_min_team"`
	}{plain(c), c.Shortfall(), c.Share()})
}

// Municipality is the vulnerability profile of one municipality.
type Municipality struct {
	Number     generalist.MunicipalityNumber `json:"number"`
	Name       string                        `json:"name"`
	Population generalist.Count              `json:"population"`
	Cells      []Cell                        `json:"cells"`
	// Shortfalls lists the ids of tasks whose expected team is below the
	// robust minimum, in catalogue order; Cells say by how much. It is nil
	// (JSON null) when the population is unknown. It is the municipality
	// alone: Cooperation says which of them it shares with others.
	Shortfalls []string `json:"shortfalls"`
	// Cooperation lists, in catalogue order, the tasks for which the
	// municipality has a registered arrangement (Result.ApplyCooperation),
	// each with the pool it shares. It is kept beside Cells, not in them,
	// so that the model's cells stay small.
	Cooperation []Pool `json:"cooperation,omitempty"`
}

// TaskSummary counts the municipalities, and the people living in them,
// whose expected team for a task is not robust: alone (each municipality
// running the task itself) and with today's registered cooperation
// (Result.ApplyCooperation), and the registry's coverage of the task.
type TaskSummary struct {
	Task string `json:"task"`
	// Municipalities and Inhabitants are Alone, under the keys they have
	// always had.
	Municipalities int                `json:"municipalities_short"`
	Inhabitants    generalist.Persons `json:"inhabitants_short"`
	Unknown        int                `json:"municipalities_unknown"`
	// Threshold is the number of inhabitants served at which the expected
	// team reaches the robust minimum (min_team / fte_per_1000 × 1,000);
	// 0 when fte_per_1000 is 0 or the quotient is not finite.
	Threshold float64 `json:"threshold_served"`
	// Alone counts the municipalities below the robust minimum if each
	// ran the task itself.
	Alone Count `json:"alone"`
	// WithCooperation counts them when the members of a pool of today's
	// registered cooperation count as one team, and
	// UnknownWithCooperation those without data then (a pool with a
	// member without data is without data). It equals Alone when
	// CooperationKnown is false.
	WithCooperation        Count `json:"with_cooperation"`
	UnknownWithCooperation int   `json:"municipalities_unknown_with_cooperation"`
	// Coverage counts the municipalities with a registered arrangement
	// for the task.
	Coverage Count `json:"coverage"`
	// CooperationKnown is false when today's cooperation in the task is
	// unknown: the registry has no arrangement for it, or registered
	// cooperation was not applied (Result.Cooperation says why). The
	// cooperation form is then "unknown", never "none".
	CooperationKnown bool `json:"cooperation_known"`
}

// Result is the capacity model for one structure and year.
type Result struct {
	Structure      generalist.Structure `json:"structure"`
	Year           int                  `json:"year"`
	Tasks          []TaskSummary        `json:"task_summaries"`
	Municipalities []Municipality       `json:"municipalities"`
	// Cooperation says what the figures with cooperation rest on; not
	// applied unless ApplyCooperation was called.
	Cooperation generalist.CooperationBasis `json:"cooperation"`

	cells []Cell               // backing array of every Municipality.Cells
	ids   []string             // backing array of every Municipality.Shortfalls
	sums  []generalist.Persons // scratch: one municipality's served populations
}

// Model is a validated catalogue ready to evaluate many times (scenarios
// evaluate the same catalogue on many populations).
type Model struct {
	tasks []*generalist.Task // the tasks with a staffing model, catalogue order
	specs []spec             // the same, flattened for the inner loop
	// masks lists the distinct sets of age groups the tasks serve; each
	// municipality's served population is summed once per set, not once
	// per task.
	masks []uint8
}

// spec is a task's staffing model in the form the inner loop wants.
type spec struct {
	id      string
	all     bool    // serves every inhabitant
	groups  uint8   // bit g set: serves age group g
	mask    int     // index of groups in Model.masks
	perFTE  float64 // FTEs per 1,000 served
	minTeam float64
}

// NewModel validates cat and keeps the tasks that have a staffing model.
func NewModel(cat *generalist.Catalogue) (*Model, error) {
	if err := cat.Validate(); err != nil {
		return nil, err
	}
	m := &Model{}
	for i := range cat.Tasks {
		t := &cat.Tasks[i]
		if t.Staffing == nil {
			continue
		}
		sp := spec{id: t.ID, all: len(t.Staffing.Served) == 0, perFTE: t.Staffing.FTEPer1000.Value, minTeam: t.Staffing.MinTeam.Value}
		for _, g := range t.Staffing.Served {
			sp.groups |= 1 << g
		}
		sp.mask = slices.Index(m.masks, sp.groups)
		if !sp.all && sp.mask < 0 {
			sp.mask = len(m.masks)
			m.masks = append(m.masks, sp.groups)
		}
		m.tasks = append(m.tasks, t)
		m.specs = append(m.specs, sp)
	}
	return m, nil
}

// Compute runs the model for every task of cat that has a staffing model
// and every population record (one structure and year; names by number).
// Records marked Missing give unknown cells; so do tasks that serve age
// groups when a record has no age split.
func Compute(cat *generalist.Catalogue, pops []generalist.Population, names map[generalist.MunicipalityNumber]string) (*Result, error) {
	m, err := NewModel(cat)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	m.ComputeInto(res, pops, names)
	return res, nil
}

// ComputeInto is Compute into res, reusing its slices when they are large
// enough, so repeated evaluation allocates nothing. res must not be in use
// elsewhere.
func (m *Model) ComputeInto(res *Result, pops []generalist.Population, names map[generalist.MunicipalityNumber]string) {
	tasks := m.tasks
	res.Structure, res.Year = 0, 0
	res.Cooperation = generalist.CooperationBasis{Reason: "today's registered cooperation was not applied"}
	res.Tasks = grow(res.Tasks, len(tasks))
	for j, t := range tasks {
		s := t.Staffing
		res.Tasks[j] = TaskSummary{Task: t.ID}
		if s.FTEPer1000.Value > 0 {
			res.Tasks[j].Threshold = finite(s.MinTeam.Value / s.FTEPer1000.Value * 1000)
		}
	}
	res.Municipalities = grow(res.Municipalities, len(pops))
	res.cells = grow(res.cells, len(pops)*len(tasks)) // one backing array for all cells
	res.ids = res.ids[:0]
	for i := range pops {
		p := &pops[i]
		if i == 0 {
			res.Structure, res.Year = p.Structure, p.Year
		}
		mu := &res.Municipalities[i]
		cells := res.cells[i*len(tasks) : (i+1)*len(tasks) : (i+1)*len(tasks)]
		*mu = Municipality{Number: p.Municipality, Name: names[p.Municipality], Population: p.Count(), Cells: cells}
		start := len(res.ids)
		sums := res.sums[:0]
		if p.Ages != nil {
			for _, mask := range m.masks {
				var sum generalist.Persons
				for g, v := range p.Ages {
					if mask&(1<<g) != 0 {
						sum += v
					}
				}
				sums = append(sums, sum)
			}
		}
		res.sums = sums
		for j := range m.specs {
			c := &cells[j]
			evaluate(&m.specs[j], p, sums, c)
			sum := &res.Tasks[j]
			switch {
			case !c.Known:
				sum.Unknown++
			case !c.Robust:
				sum.Municipalities++
				sum.Inhabitants += p.Total
				res.ids = append(res.ids, c.Task)
			}
		}
		mu.Shortfalls = res.ids[start:len(res.ids):len(res.ids)]
		if p.Missing {
			mu.Shortfalls = nil // unknown, not "none": JSON null
		}
	}
	for j := range res.Tasks {
		ts := &res.Tasks[j]
		ts.Alone = Count{Municipalities: ts.Municipalities, Inhabitants: ts.Inhabitants}
		ts.WithCooperation, ts.UnknownWithCooperation = ts.Alone, ts.Unknown
	}
}

// grow returns s with length n, reusing its array when large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// evaluate computes one cell into c, overwriting it.
// sums holds p's population in each of Model.masks (empty without ages).
func evaluate(sp *spec, p *generalist.Population, sums []generalist.Persons, c *Cell) {
	*c = Cell{Task: sp.id, MinTeam: sp.minTeam}
	switch {
	case p.Missing:
		return
	case sp.all:
		c.Served = p.Total
	case p.Ages == nil:
		return
	default:
		c.Served = sums[sp.mask]
	}
	c.Known = true
	c.Expected = finite(sp.perFTE * float64(c.Served) / 1000) // as documented, so thresholds are exact
	c.Robust = c.Expected >= c.MinTeam
}
