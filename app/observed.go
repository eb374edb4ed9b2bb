package app

import (
	"context"
	"sort"

	"generalist"
	"generalist/capacity"
	"generalist/refdata"
)

// ObservedComparison sets one published count of small services (an
// observed figure, data/observert_kapasitet.csv) against the capacity
// model: how many municipalities the model puts below the same threshold.
//
// The model's figure is computed on the structure and year closest to the
// observation that has population with the age split the task needs; when
// that year differs from the observation's, NearestYear says so. The
// model counts full-time equivalents (årsverk) from population
// (fte_per_1000 of the effective catalogue), the sources count employees;
// the model counts every municipality as running the task alone, while a
// figure with ExcludesCooperation leaves out those that cooperate or
// merged. Readers are told all three.
type ObservedComparison struct {
	Observed refdata.Observed `json:"observed"`
	// TaskName is the catalogue's bokmål and English name of the task.
	TaskNameNB string `json:"task_name_nb"`
	TaskNameEN string `json:"task_name_en"`
	// Structure and Year are those the model was computed on.
	Structure   generalist.Structure `json:"structure"`
	Year        int                  `json:"year"`
	NearestYear bool                 `json:"nearest_year"`
	// Modelled counts the municipalities whose expected team (FTEs, alone)
	// is below the threshold; Municipalities how many the structure has
	// and Unknown how many of them have no data.
	Modelled       int `json:"modelled"`
	Municipalities int `json:"municipalities"`
	Unknown        int `json:"municipalities_unknown"`
	// Difference is Modelled − Observed.Count.
	Difference int `json:"difference"`
	// FTEPer1000 is the staffing parameter the modelled teams rest on.
	FTEPer1000 generalist.Param `json:"fte_per_1000"`
	// Alone is true: the model's count does not take cooperation into
	// account (the registry is on the 2024 structure, the observations
	// before it).
	Alone bool `json:"alone"`
}

// Observed sets every shipped observed figure against the model.
// ENOTFOUND when no structure has population data for a figure's task.
func (a *App) Observed(ctx context.Context) ([]ObservedComparison, error) {
	obs, err := refdata.EmbeddedObserved()
	if err != nil {
		return nil, err
	}
	cat, err := a.Catalogue(ctx)
	if err != nil {
		return nil, err
	}
	type base struct {
		st   generalist.Structure
		year int
	}
	var bases []base
	for _, st := range generalist.Structures {
		years, err := a.Store.PopulationYears(ctx, st)
		if err != nil {
			return nil, err
		}
		for _, y := range years {
			bases = append(bases, base{st, y})
		}
	}
	out := make([]ObservedComparison, 0, len(obs))
	for _, o := range obs {
		task := catalogueTask(cat, o.Task)
		if task == nil || task.Staffing == nil {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: observed figure %s is about task %q, which has no staffing model in the catalogue", refdata.ObservedFile, o.ID, o.Task)
		}
		// Closest year first; on a tie the earlier structure, which is
		// nearer to the observation's own.
		cand := append([]base(nil), bases...)
		sort.SliceStable(cand, func(i, j int) bool {
			di, dj := abs(cand[i].year-o.Year), abs(cand[j].year-o.Year)
			if di != dj {
				return di < dj
			}
			return cand[i].st < cand[j].st
		})
		c := ObservedComparison{Observed: o, TaskNameNB: task.NameNB, TaskNameEN: task.NameEN, FTEPer1000: task.Staffing.FTEPer1000, Alone: true}
		found := false
		for _, b := range cand {
			res, err := a.capacityAlone(ctx, b.st, b.year)
			if err != nil {
				return nil, err
			}
			if countBelow(res, &o, &c) {
				c.Structure, c.Year, c.NearestYear = b.st, b.year, b.year != o.Year
				found = true
				break
			}
		}
		if !found {
			return nil, generalist.Errorf(generalist.ENOTFOUND, "no structure has population data with the age groups task %s serves", o.Task)
		}
		c.Difference = c.Modelled - o.Count
		out = append(out, c)
	}
	return out, nil
}

// capacityAlone is the capacity model of a structure and year, each
// municipality on its own.
func (a *App) capacityAlone(ctx context.Context, st generalist.Structure, year int) (*capacity.Result, error) {
	return a.Capacity(ctx, st, year, TodayOptions{})
}

// countBelow fills c's counts from res for o's task and reports whether
// any municipality had data for it.
func countBelow(res *capacity.Result, o *refdata.Observed, c *ObservedComparison) bool {
	j := -1
	for i, t := range res.Tasks {
		if t.Task == o.Task {
			j = i
		}
	}
	if j < 0 {
		return false
	}
	c.Modelled, c.Unknown, c.Municipalities = 0, 0, len(res.Municipalities)
	for _, m := range res.Municipalities {
		cell := m.Cells[j]
		switch {
		case !cell.Known:
			c.Unknown++
		case o.Below(cell.Expected):
			c.Modelled++
		}
	}
	// Some municipalities without data are counted as Unknown (pages say
	// how many); none with data means the base cannot answer.
	return c.Unknown < c.Municipalities
}

func catalogueTask(cat *generalist.Catalogue, id string) *generalist.Task {
	for i := range cat.Tasks {
		if cat.Tasks[i].ID == id {
			return &cat.Tasks[i]
		}
	}
	return nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
