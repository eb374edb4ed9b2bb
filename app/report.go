package app

import (
	"context"

	"generalist"
	"generalist/report"
)

// DefaultReportTitle is the title of a comparison report unless the user
// gives another.
const DefaultReportTitle = "Alternativer til dagens generalistkommunesystem"

// Report assembles the comparison of today's system with the scenarios:
// the outcomes (with their economy), the catalogue they rest on, the map,
// and the published inputs (innspill) linked to each stored scenario, on
// today's registered cooperation as opts says (each outcome's
// TodaysCooperation says what it rests on). Render it with report.HTML,
// report.Markdown or report.CSV.
func (a *App) Report(ctx context.Context, title string, scs []*generalist.Scenario, opts TodayOptions) (*report.Comparison, error) {
	outs, err := a.Compare(ctx, scs, opts)
	if err != nil {
		return nil, err
	}
	if title == "" {
		title = DefaultReportTitle
	}
	c := &report.Comparison{Title: title, Scenarios: scs, Outcomes: outs}
	if c.Catalogue, err = a.Catalogue(ctx); err != nil {
		return nil, err
	}
	if c.Map, err = a.Map(outs[0].Structure); err != nil {
		return nil, err
	}
	for _, sc := range scs {
		if sc.ID == "" {
			continue
		}
		ins, err := a.Store.InputsForScenario(ctx, sc.ID)
		if err != nil {
			return nil, err
		}
		if len(ins) > 0 {
			if c.Inputs == nil {
				c.Inputs = map[string][]generalist.Input{}
			}
			c.Inputs[sc.ID] = ins
		}
	}
	return c, nil
}
