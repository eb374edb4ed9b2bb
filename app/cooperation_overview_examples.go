package app

import (
	"context"
	"slices"

	"generalist"
	"generalist/imc"
)

// CooperationOverviewWith is CooperationOverview that, when opts.Examples
// asks for it, also lists the shipped example cooperations the
// municipality or county takes part in, as the patterns and today's
// cooperation count them (cooperationsOn): read from the binary when the
// registry holds none, nothing written. Their rows are marked Example;
// a shipped example that is not in the registry has no ID.
func (a *App) CooperationOverviewWith(ctx context.Context, number string, day generalist.CalendarDate, opts TodayOptions) (*imc.MunicipalityOverview, error) {
	if !opts.Examples {
		return a.CooperationOverview(ctx, number, day)
	}
	return a.overviewOf(ctx, number, day, func() ([]generalist.IMC, error) {
		cs, err := a.cooperationsOn(ctx, day)
		if err != nil {
			return nil, err
		}
		for i := range cs {
			// A shipped example read from the binary names its host as a
			// stored record does: «Haugesund (1106)», not «1106».
			if c := &cs[i]; c.ID == 0 && c.Participant(number) != nil {
				c.Participants = slices.Clone(c.Participants) // shared with the shipped set
				if err := a.NameParticipants(ctx, c); err != nil {
					return nil, err
				}
			}
		}
		return cs, nil
	})
}
