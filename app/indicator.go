package app

import (
	"context"
	"fmt"
	"strings"

	"generalist"
	"generalist/atlas"
)

// Overview returns every municipality of a structure and year with its key
// figures (atlas.Overview), the rows the lists, maps and analyses rest on.
// Callers must not change them.
func (a *App) Overview(ctx context.Context, s generalist.Structure, year int) ([]atlas.Row, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return remember(ctx, a, fmt.Sprintf("rows/%d/%d", s, year), func() ([]atlas.Row, error) {
		return atlas.Overview(ctx, a.Store, s, year)
	})
}

// Indicator returns a built-in indicator, or an imported one placed on
// structure s for year or, when it has no values for year, for its latest
// year; it returns the year shown. EINVALID, listing the built-in ids, for
// an id that is neither.
func (a *App) Indicator(ctx context.Context, id string, s generalist.Structure, year int) (atlas.Indicator, int, error) {
	if ind, ok := atlas.IndicatorByID(id); ok {
		return ind, year, nil
	}
	unknown := func() error {
		var ids []string
		for _, in := range atlas.Indicators {
			ids = append(ids, in.ID)
		}
		return generalist.Errorf(generalist.EINVALID, "indicator %q: must be one of %s, or the id of an imported indicator", id, strings.Join(ids, ", "))
	}
	if err := generalist.ValidateIndicatorID(id); err != nil {
		return atlas.Indicator{}, 0, unknown()
	}
	layer, err := remember(ctx, a, fmt.Sprintf("layer/%s/%d/%d", id, s, year), func() (*atlas.IndicatorLayer, error) {
		l, err := atlas.IndicatorOn(ctx, a.Store, id, s, year)
		if generalist.ErrorCode(err) == generalist.ENOTFOUND {
			if _, err := a.Store.Indicator(ctx, id); err != nil {
				return nil, unknown()
			}
			return atlas.IndicatorOn(ctx, a.Store, id, s, 0) // the indicator's latest year
		}
		return l, err
	})
	if err != nil {
		return atlas.Indicator{}, 0, err
	}
	return layer.AsIndicator(), layer.Year, nil
}

// DefaultCovariates are the covariates of an analysis unless the user
// chooses: log population, and the centrality class where the structure
// has one (only the 2024 structure has classes).
func DefaultCovariates(s generalist.Structure) []string {
	if s == generalist.Structure2024 {
		return []string{"logpop", "centrality"}
	}
	return []string{"logpop"}
}

// Analyse regresses an indicator on the covariates (DefaultCovariates when
// none are given) over the municipalities of a structure and year
// (atlas.Analyse: OLS with confidence intervals, the effect of doubling
// the population, means by size group and centrality class).
func (a *App) Analyse(ctx context.Context, ind atlas.Indicator, s generalist.Structure, year int, covariates []string) (*atlas.Analysis, error) {
	if len(covariates) == 0 {
		covariates = DefaultCovariates(s)
	}
	return remember(ctx, a, fmt.Sprintf("analysis/%d/%d/%s/%q", s, year, ind.ID, covariates), func() (*atlas.Analysis, error) {
		rows, err := a.Overview(ctx, s, year)
		if err != nil {
			return nil, err
		}
		return atlas.Analyse(rows, ind.ID, ind.Value, covariates)
	})
}
