package app

import (
	"context"

	"generalist"
)

// TodayOptions say what counts as today's cooperation in the capacity
// model and in every scenario's baseline. The zero value counts the
// registered cooperations only.
type TodayOptions struct {
	// Examples counts the shipped example cooperations (imc examples) as
	// today's cooperation. They illustrate the registry on real
	// municipalities with made-up content, so only a user who asks
	// should see them in a figure.
	Examples bool
}

// Key is the options' part of a cache key.
func (o TodayOptions) Key() string {
	if o.Examples {
		return "with-examples"
	}
	return "registered"
}

// TodaysCooperation returns today's registered cooperation on structure s
// on 1 January of year (generalist.TodaysCooperation): the arrangements of
// the cooperations in the registry running on that day, the examples
// (cooperationsOn) only when opts says so, and what they rest on. On a
// structure other than 2024 it applies none and the basis says why.
func (a *App) TodaysCooperation(ctx context.Context, s generalist.Structure, year int, opts TodayOptions) ([]generalist.Arrangement, generalist.CooperationBasis, error) {
	if err := s.Validate(); err != nil {
		return nil, generalist.CooperationBasis{}, err
	}
	var cs []generalist.IMC
	if s == generalist.Structure2024 {
		var err error
		if cs, err = a.cooperationsOn(ctx, generalist.TodaysDay(year)); err != nil {
			return nil, generalist.CooperationBasis{}, err
		}
	}
	arrs, basis := generalist.TodaysCooperation(cs, s, year, opts.Examples)
	return arrs, basis, nil
}
