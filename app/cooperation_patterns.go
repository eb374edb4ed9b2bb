package app

import (
	"context"

	"generalist"
	"generalist/imc/pattern"
)

// CooperationPatterns are the registry's cooperation patterns on a day
// (package imc/pattern): per municipality its cooperations, partners and
// fixed-partner index, per county the communities of municipalities that
// cooperate with each other; and what they rest on.
type CooperationPatterns struct {
	*pattern.Result
	// Day is the day the cooperations had to be running on.
	Day generalist.CalendarDate `json:"day"`
	// Examples is whether the shipped examples were counted (only when
	// the user asks); ExamplesLeftOut how many running examples were
	// not.
	Examples        bool `json:"examples_counted"`
	ExamplesLeftOut int  `json:"examples_left_out"`
}

// CooperationPatterns computes the cooperation patterns of the
// cooperations in the registry running on day, the examples
// (cooperationsOn) only when opts says so, on the 2024 structure the
// registry is kept on.
// EINVALID for a malformed day.
func (a *App) CooperationPatterns(ctx context.Context, day generalist.CalendarDate, opts TodayOptions) (*CooperationPatterns, error) {
	day, err := generalist.ParseCalendarDate(string(day))
	if err != nil {
		return nil, err
	}
	cs, err := a.cooperationsOn(ctx, day)
	if err != nil {
		return nil, err
	}
	out := &CooperationPatterns{Day: day, Examples: opts.Examples}
	in := pattern.Input{}
	for _, c := range cs {
		if c.Example && !opts.Examples {
			out.ExamplesLeftOut++
			continue
		}
		in.Cooperations = append(in.Cooperations, c)
	}
	if in.Municipalities, err = a.Store.Municipalities(ctx, generalist.Structure2024); err != nil {
		return nil, err
	}
	if in.Counties, err = a.Store.Counties(ctx, generalist.Structure2024); err != nil {
		return nil, err
	}
	out.Result = pattern.Compute(in)
	return out, nil
}
