package app

import (
	"context"
	"slices"
	"strings"

	"generalist"
	"generalist/imc"
)

// The use cases of the cooperation registry (interkommunalt samarbeid) that
// read more than one record: naming a participant, the inhabitants basis
// of cost sharing, cost sharing, exit and the overviews. Cooperations are
// registered on the 2024 structure, and their legal checks read the task
// catalogue as shipped: the analysts' staffing changes do not change the
// law.

// ParticipantName names a municipality (four digits) or county (two
// digits) of the 2024 structure. ENOTFOUND for any other number.
func (a *App) ParticipantName(ctx context.Context, number string) (string, error) {
	switch len(number) {
	case 4:
		ms, err := a.Store.Municipalities(ctx, generalist.Structure2024)
		if err != nil {
			return "", err
		}
		for _, m := range ms {
			if string(m.Number) == number {
				return m.Name, nil
			}
		}
	case 2:
		cs, err := a.Store.Counties(ctx, generalist.Structure2024)
		if err != nil {
			return "", err
		}
		for _, c := range cs {
			if string(c.Number) == number {
				return c.Name, nil
			}
		}
	}
	return "", generalist.Errorf(generalist.ENOTFOUND, "no municipality or county %q in the 2024 structure", number)
}

// Inhabitants returns the inhabitants on 1 January of year (0: the latest
// year with data) of every municipality and county of the 2024 structure,
// keyed by kommunenummer and fylkesnummer (imc.Inhabitants), and the year
// used. EINVALID when the store has no population for that year.
func (a *App) Inhabitants(ctx context.Context, year int) (int, map[string]generalist.Persons, error) {
	years, err := a.Store.PopulationYears(ctx, generalist.Structure2024)
	if err != nil {
		return 0, nil, err
	}
	if len(years) == 0 {
		return 0, nil, generalist.Errorf(generalist.EINVALID, "the store has no population for the 2024 structure")
	}
	if year == 0 {
		year = years[len(years)-1]
	}
	if !slices.Contains(years, year) {
		return 0, nil, generalist.Errorf(generalist.EINVALID, "no population on 1 January %d for the 2024 structure (years %d–%d)", year, years[0], years[len(years)-1])
	}
	recs, err := a.Store.Populations(ctx, generalist.PopulationFilter{Structure: generalist.Structure2024, Year: year})
	if err != nil {
		return 0, nil, err
	}
	return year, imc.Inhabitants(recs), nil
}

// CostRequest is a cost to share between a cooperation's participants.
type CostRequest struct {
	// Total is the amount to share.
	Total generalist.Ore
	// Keys are the cost keys to compare side by side; none gives
	// imc.DefaultKeys (the agreement's key and the common ones).
	Keys []generalist.CostKey
	// Usage is each participant's volume of use, by number, for a key
	// with a usage part.
	Usage map[string]float64
	// Year is the year of the inhabitants (1 January); 0 is the latest.
	Year int
}

// ShareCosts shares a cost between the participants of c by each key of
// req, with the inhabitants of req.Year, and returns the comparison and the
// year of the inhabitants used. EINVALID names a key that cannot be
// applied, or a year without population.
func (a *App) ShareCosts(ctx context.Context, c *generalist.IMC, req CostRequest) (*imc.Comparison, int, error) {
	keys := req.Keys
	if len(keys) == 0 {
		keys = imc.DefaultKeys(c)
	}
	in := imc.InputFor(c)
	in.Usage = req.Usage
	var err error
	if in.InhabitantsYear, in.Inhabitants, err = a.Inhabitants(ctx, req.Year); err != nil {
		return nil, 0, err
	}
	cmp, err := imc.Compare(req.Total, keys, in)
	return cmp, in.InhabitantsYear, err
}

// Exits answers when a participant of c can leave after notice on
// req.Notice: the participant req names, or every participant when it
// names none, in the order of c. EINVALID when req names no participant of
// c, or a notice outside the cooperation's dates. It reads nothing from a
// store, so an edge can answer for a cooperation in a file without one.
func Exits(c *generalist.IMC, req imc.ExitRequest) ([]*imc.ExitAnswer, error) {
	var out []*imc.ExitAnswer
	for _, p := range c.Participants {
		if req.Participant != "" && p.Number != req.Participant {
			continue
		}
		r := req
		r.Participant = p.Number
		ans, err := imc.Exit(c, r)
		if err != nil {
			return nil, err
		}
		out = append(out, ans)
	}
	if len(out) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "%s is not a participant in %s", req.Participant, c.Name)
	}
	return out, nil
}

// NationalOverview counts the registered cooperations running on day, by
// form, by task and per participant.
func (a *App) NationalOverview(ctx context.Context, day generalist.CalendarDate) (*imc.National, error) {
	cat, err := a.ShippedCatalogue()
	if err != nil {
		return nil, err
	}
	cs, err := a.Store.IMCs(ctx, generalist.IMCFilter{})
	if err != nil {
		return nil, err
	}
	return imc.NationalOverview(cs, cat, day), nil
}

// CooperationOverview lists the cooperations a municipality or county
// takes part in on day, with its ownership and its part of each cost: the
// overview of the eierskapsmelding (kommuneloven § 26-1). ENOTFOUND when
// number is no municipality or county of the 2024 structure.
func (a *App) CooperationOverview(ctx context.Context, number string, day generalist.CalendarDate) (*imc.MunicipalityOverview, error) {
	return a.overviewOf(ctx, number, day, func() ([]generalist.IMC, error) {
		return a.Store.IMCs(ctx, generalist.IMCFilter{Participant: number})
	})
}

// overviewOf is the overview of number's part in the cooperations that
// load gives.
func (a *App) overviewOf(ctx context.Context, number string, day generalist.CalendarDate, load func() ([]generalist.IMC, error)) (*imc.MunicipalityOverview, error) {
	name, err := a.ParticipantName(ctx, number)
	if err != nil {
		return nil, err
	}
	cat, err := a.ShippedCatalogue()
	if err != nil {
		return nil, err
	}
	cs, err := load()
	if err != nil {
		return nil, err
	}
	pops := func(year int) (map[string]generalist.Persons, error) {
		_, m, err := a.Inhabitants(ctx, year)
		return m, err
	}
	return imc.Overview(number, name, cs, cat, pops, day), nil
}

// VetCooperation checks a cooperation record before it is stored: its
// content against the catalogue (imc.Validate) and, when strict, every
// required item of the legal check on today (imc.Check), refusing it with
// each failed item, its paragraph and why. It reads no store, so a file
// can be vetted without one.
func VetCooperation(cat *generalist.Catalogue, c *generalist.IMC, strict bool, today generalist.CalendarDate) error {
	if err := imc.Validate(c, cat); err != nil {
		return err
	}
	if !strict {
		return nil
	}
	l := imc.Check(c, cat, imc.Options{Today: today})
	if l.OK() {
		return nil
	}
	var fails []string
	for _, it := range l.Items {
		if it.Status == imc.Fail && it.Required {
			fails = append(fails, it.ID+" ("+it.Reference+"): "+it.Why)
		}
	}
	return generalist.Errorf(generalist.EINVALID, "cooperation %q fails %d required legal check(s): %s", c.Name, l.Failed, strings.Join(fails, "; "))
}
