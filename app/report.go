package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

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
	if c.Economy, err = a.ComparisonEconomy(ctx, scs); err != nil {
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

// ComparisonEconomy is the economy of each merger of the compared
// scenarios (all on one structure and year): for each, what MergerEconomy
// gives — the figures `generalist economy merge` prints — under the
// latest budget year with parameters that is not after the scenarios'
// year (the rule of the outcome's economy, economy.ForScenario). Mergers
// whose members the tables do not cover are listed in Lacking. Nil when
// no scenario has a merger.
func (a *App) ComparisonEconomy(ctx context.Context, scs []*generalist.Scenario) (*report.Economy, error) {
	var any bool
	for _, sc := range scs {
		any = any || len(sc.Mergers) > 0
	}
	if !any {
		return nil, nil
	}
	e := &report.Economy{ScenarioYear: scs[0].Year}
	if s := scs[0].Structure; s != generalist.Structure2024 {
		e.Reason = fmt.Sprintf("Økonomien til sammenslåingene er ikke beregnet: inntektssystemets tabeller bruker kommunenumrene i 2024-strukturen, og alternativene er på %d-strukturen.", s)
		return e, nil
	}
	m, err := a.Economy(ctx)
	if err != nil {
		return nil, err
	}
	for _, y := range m.Params.Years() {
		if y <= e.ScenarioYear {
			e.Year = y
		}
	}
	if e.Year == 0 {
		e.Reason = fmt.Sprintf("Økonomien til sammenslåingene er ikke beregnet: det finnes ingen parametere for inntektssystemet for %d eller tidligere.", e.ScenarioYear)
		return e, nil
	}
	var names map[generalist.MunicipalityNumber]string // of the structure, read for an unnamed merger
	for i, sc := range scs {
		for _, mg := range sc.Mergers {
			me := report.MergerEconomy{Scenario: i, Name: mg.Name, Members: mg.Members}
			if strings.TrimSpace(me.Name) == "" {
				// Unnamed (the editor and a plan file may leave the name
				// out): named after its centre, as the simulation names
				// the new municipality.
				if names == nil {
					ms, err := a.Store.Municipalities(ctx, sc.Structure)
					if err != nil {
						return nil, err
					}
					names = make(map[generalist.MunicipalityNumber]string, len(ms))
					for _, m := range ms {
						names[m.Number] = m.Name
					}
				}
				me.Name = mergerName(mg, names)
			}
			r, err := a.MergerEconomy(ctx, mg.Members, e.Year)
			switch {
			case generalist.ErrorCode(err) == generalist.ENOTFOUND, generalist.ErrorCode(err) == generalist.EINVALID:
				// A member the tables do not know, or a group the
				// scenario's validation let through with a warning: no
				// economy, named with the others.
			case err != nil:
				return nil, err
			case report.HasData(r):
				me.Merger = r
			}
			if me.Merger != nil {
				e.Mergers = append(e.Mergers, me)
			} else {
				e.Lacking = append(e.Lacking, me)
			}
		}
	}
	return e, nil
}

// mergerName is the name of an unnamed merger: its centre's (the lowest
// member number without a centre, as the simulation picks it), or the
// centre's number when the structure does not know it.
func mergerName(mg generalist.Merger, names map[generalist.MunicipalityNumber]string) string {
	c := mg.Centre
	if c == "" && len(mg.Members) > 0 {
		c = slices.Min(mg.Members)
	}
	if n := names[c]; n != "" {
		return n
	}
	return string(c)
}
