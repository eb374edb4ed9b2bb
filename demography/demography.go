// Package demography computes the demographic pressure indicators of a
// municipality: working-age inhabitants (20–66) per inhabitant aged 80 or
// older, the share aged 80 or older, and population growth over 5, 10 and
// 20 years. It is pure and never extrapolates: a value whose inputs are
// missing is absent, and projections exist only where the user imported
// them as data.
package demography

import "generalist"

// Working-age and old-age limits of the pressure ratio, in whole years.
const (
	WorkingFrom = 20
	WorkingTo   = 66
	OldFrom     = 80
)

// Pressure is the demographic pressure of one municipality in one year.
type Pressure struct {
	Municipality generalist.MunicipalityNumber `json:"municipality"`
	Year         int                           `json:"year"`
	Total        generalist.Persons            `json:"total"`
	Working      generalist.Persons            `json:"aged_20_66"`
	Old          generalist.Persons            `json:"aged_80_plus"`
	// Ratio is Working / Old; nil when no one is 80 or older.
	Ratio *float64 `json:"working_per_80_plus"`
	// Share80 is Old / Total in per cent; nil for an empty population.
	Share80 *float64 `json:"share_80_plus_pct"`
}

// FromAges computes the pressure from persons by single-year age, where
// ages[a] counts age a and the last element counts that age or older
// (generalist.MaxAge). It returns an EINVALID error for a slice that does
// not reach OldFrom or a negative count.
func FromAges(m generalist.MunicipalityNumber, year int, ages []generalist.Persons) (Pressure, error) {
	p := Pressure{Municipality: m, Year: year}
	if len(ages) <= OldFrom {
		return p, generalist.Errorf(generalist.EINVALID, "kommune %s %d: %d single ages, need at least %d", m, year, len(ages), OldFrom+1)
	}
	for a, v := range ages {
		if v < 0 {
			return p, generalist.Errorf(generalist.EINVALID, "kommune %s %d: age %d is negative", m, year, a)
		}
		p.Total += v
		switch {
		case a >= WorkingFrom && a <= WorkingTo:
			p.Working += v
		case a >= OldFrom:
			p.Old += v
		}
	}
	if p.Old > 0 {
		r := float64(p.Working) / float64(p.Old)
		p.Ratio = &r
	}
	if p.Total > 0 {
		s := 100 * float64(p.Old) / float64(p.Total)
		p.Share80 = &s
	}
	return p, nil
}

// Growth is the population change of a municipality over spans of years
// ending in Year, in per cent; a nil field means one end has no data.
type Growth struct {
	Municipality generalist.MunicipalityNumber `json:"municipality"`
	Year         int                           `json:"year"`
	Five         *float64                      `json:"growth_5y_pct"`
	Ten          *float64                      `json:"growth_10y_pct"`
	Twenty       *float64                      `json:"growth_20y_pct"`
}

// GrowthOf computes growth over 5, 10 and 20 years ending in year from a
// series of counts by year (missing years or unknown counts give nil).
func GrowthOf(m generalist.MunicipalityNumber, year int, series map[int]generalist.Count) Growth {
	g := Growth{Municipality: m, Year: year}
	end, ok := series[year]
	span := func(n int) *float64 {
		start, ok2 := series[year-n]
		if !ok || !ok2 || !end.Known || !start.Known || start.Value == 0 {
			return nil
		}
		v := 100 * (float64(end.Value) - float64(start.Value)) / float64(start.Value)
		return &v
	}
	g.Five, g.Ten, g.Twenty = span(5), span(10), span(20)
	return g
}
