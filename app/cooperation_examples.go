package app

import (
	"context"
	"sync"

	"generalist"
	"generalist/imc"
)

// The shipped example cooperations (imc.Examples) illustrate the registry
// on real municipalities with made-up agreements. A user may ask to count
// them (TodayOptions.Examples) on any server: when the registry holds no
// example, the shipped set is read from the binary, and nothing is written
// to the registry; when an administrator has registered them, the
// registered versions are the ones the pages list, so those count.

var shippedIMCs = sync.OnceValues(imc.Examples)

// cooperationsOn returns the cooperations running on day that today's
// cooperation and the patterns rest on: the registry's, and the shipped
// examples (marked as examples) when the registry holds none. Whether an
// example counts is for the caller to decide (TodayOptions).
func (a *App) cooperationsOn(ctx context.Context, day generalist.CalendarDate) ([]generalist.IMC, error) {
	all, err := a.Store.IMCs(ctx, generalist.IMCFilter{})
	if err != nil {
		return nil, err
	}
	var out []generalist.IMC
	registered := false
	for _, c := range all {
		registered = registered || c.Example
		if c.ActiveOn(day) {
			out = append(out, c)
		}
	}
	if registered {
		return out, nil
	}
	ex, err := shippedIMCs()
	if err != nil {
		return nil, err
	}
	for _, c := range ex {
		if c.ActiveOn(day) {
			c.Example = true
			out = append(out, c)
		}
	}
	return out, nil
}
