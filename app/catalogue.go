package app

import (
	"context"
	"fmt"

	"generalist"
	"generalist/atlas"
	"generalist/capacity"
)

// Catalogue returns the task catalogue with the analysts' changes applied:
// the one every capacity figure, scenario and search uses.
func (a *App) Catalogue(ctx context.Context) (*generalist.Catalogue, error) {
	shipped, err := a.ShippedCatalogue()
	if err != nil {
		return nil, err
	}
	return remember(ctx, a, "catalogue", func() (*generalist.Catalogue, error) {
		changes, err := a.Store.ParamChanges(ctx)
		if err != nil {
			return nil, err
		}
		return generalist.ApplyChanges(shipped, changes)
	})
}

// ChangeParam records an analyst's change to a task parameter (or its
// reset, with a nil value) and makes every model use it at once.
func (a *App) ChangeParam(ctx context.Context, c *generalist.ParamChange) error {
	shipped, err := a.ShippedCatalogue()
	if err != nil {
		return err
	}
	if err := a.Store.RecordParamChange(ctx, shipped, c); err != nil {
		return err
	}
	a.Changed()
	return nil
}

// Capacity measures every municipality of a structure and year against
// the effective catalogue: alone, and with today's registered cooperation
// as opts says (TodaysCooperation, capacity.Result.ApplyCooperation).
func (a *App) Capacity(ctx context.Context, s generalist.Structure, year int, opts TodayOptions) (*capacity.Result, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	// The catalogue is read inside, after the version this result is
	// kept under, never before it (a result built from an older catalogue
	// would be kept under a newer version).
	return remember(ctx, a, fmt.Sprintf("capacity/%d/%d/%s", s, year, opts.Key()), func() (*capacity.Result, error) {
		cat, err := a.Catalogue(ctx)
		if err != nil {
			return nil, err
		}
		res, err := atlas.Capacity(ctx, a.Store, cat, s, year)
		if err != nil {
			return nil, err
		}
		arrs, basis, err := a.TodaysCooperation(ctx, s, year, opts)
		if err != nil {
			return nil, err
		}
		res.ApplyCooperation(arrs, basis)
		return res, nil
	})
}

// LatestYear returns the latest year with population data on a structure.
func (a *App) LatestYear(ctx context.Context, s generalist.Structure) (int, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	return atlas.LatestYear(ctx, a.Store, s)
}
