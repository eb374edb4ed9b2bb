package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"generalist"
	"generalist/atlas"
)

// The municipality comparison's (/sammenlign) and the profile's capacity
// and economy figures: for each municipality the tasks below the robust
// minimum alone and with today's registered cooperation, and its free
// income and income equalisation per inhabitant where the economy tables
// have it.

// compareCapacity is the capacity rows of the comparison, one entry per
// compared municipality in order.
type compareCapacity struct {
	Counts []formCounts
	// Alone and With are the counts as the table writes them.
	Alone, With []string
	// Basis says what the figures with cooperation rest on; Unknown is
	// true when some municipality has tasks whose cooperation is unknown.
	Basis    []string
	Unknown  bool
	Registry string
}

func (s *Server) compareCapacity(ctx context.Context, lang string, st generalist.Structure, year int, rows []atlas.Row) (*compareCapacity, error) {
	res, err := s.capacity(ctx, st, year)
	if err != nil {
		return nil, err
	}
	c := &compareCapacity{Basis: basisText(lang, st, res.Cooperation), Registry: registryImportPath}
	for _, row := range rows {
		var fc formCounts
		for i := range res.Municipalities {
			if res.Municipalities[i].Number == row.Number {
				fc = countForms(res, &res.Municipalities[i])
			}
		}
		c.Unknown = c.Unknown || fc.Unknown > 0 || !fc.CooperationKnown
		c.Counts = append(c.Counts, fc)
		alone, with := formTexts(lang, fc)
		c.Alone, c.With = append(c.Alone, alone), append(c.With, with)
	}
	return c, nil
}

// formTexts writes a municipality's counts in both forms: "12 av 32"
// alone, and with cooperation the count among the tasks whose cooperation
// is known, "ukjent for" the others, or "ukjent" when none is known.
func formTexts(lang string, fc formCounts) (alone, with string) {
	if !fc.Known {
		return msg(lang, "nodata"), msg(lang, "nodata")
	}
	alone = sprintf(msg(lang, "cmpm.of"), fc.Alone, fc.Tasks)
	switch {
	case fc.Unknown == 0:
		with = sprintf(msg(lang, "cmpm.of"), fc.With, fc.Tasks)
	case fc.Unknown == fc.Alone:
		with = msg(lang, "cap.unknown")
	default:
		with = sprintf(msg(lang, "cmpm.of"), fc.With, fc.Tasks) + ", " + sprintf(msg(lang, "cmpm.unknownfor"), fc.Unknown)
	}
	return alone, with
}

// econFigures is one municipality's economy as the comparison shows it.
type econFigures struct {
	// FreeIncome and Equalisation are per inhabitant; nil where the
	// tables lack the municipality.
	FreeIncome, Equalisation *generalist.Kroner
	// Free and Equal are them as the page writes them.
	Free, Equal string
}

// muniEconomy is the economy rows of the comparison, one entry per
// compared municipality in order, for the latest budget year.
type muniEconomy struct {
	Year    int
	Figures []econFigures
	// Any is true when some municipality has figures; Missing names the
	// municipalities without them (said once, in a sentence).
	Any     bool
	Missing string
	// Structure is set when the comparison is on another structure than
	// the economy tables' (2024): then there are no rows.
	Structure int
}

func (s *Server) economyFigures(ctx context.Context, lang string, st generalist.Structure, rows []atlas.Row) (*muniEconomy, error) {
	if st != generalist.Structure2024 {
		return &muniEconomy{Structure: int(st)}, nil
	}
	c := &muniEconomy{}
	var missing []string
	for _, row := range rows {
		stmt, err := s.app.MunicipalityEconomy(ctx, row.Number, 0)
		if generalist.ErrorCode(err) == generalist.ENOTFOUND {
			missing = append(missing, row.ShortName)
			c.Figures = append(c.Figures, econFigures{Free: msg(lang, "nodata"), Equal: msg(lang, "nodata")})
			continue
		} else if err != nil {
			return nil, err
		}
		c.Year = stmt.Year
		f := econFigures{FreeIncome: stmt.FreeIncomePerInhabitant, Equalisation: stmt.IncomeEqualisationPerInhabitant,
			Free: fmtKr(lang, stmt.FreeIncomePerInhabitant, 0), Equal: fmtKr(lang, stmt.IncomeEqualisationPerInhabitant, 0)}
		if f.FreeIncome == nil && f.Equalisation == nil {
			missing = append(missing, row.ShortName)
		} else {
			c.Any = true
		}
		c.Figures = append(c.Figures, f)
	}
	c.Missing = listText(missing, lang)
	return c, nil
}

// neighboursURL is the comparison of a municipality with its neighbours.
func neighboursURL(row *atlas.Row, neighbours []neighbour) string {
	k := []string{string(row.Number)}
	for _, n := range neighbours {
		k = append(k, n.Number)
	}
	q := url.Values{"k": {strings.Join(k, ",")}}
	if row.Structure != generalist.Structure2024 {
		q.Set("structure", row.Structure.String())
	}
	q.Set("year", strconv.Itoa(row.Year))
	return "/sammenlign?" + q.Encode()
}
