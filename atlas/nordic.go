package atlas

import (
	"context"
	"fmt"
	"slices"

	"generalist"
	"generalist/stats"
)

// Nordic is the five-country comparison.
type Nordic struct {
	// Basis is NordicBasisSource (each country on the date its source's
	// table used, the default) or NordicBasisYear (Year).
	Basis string `json:"basis"`
	// Year is the year asked for with NordicBasisYear: Norway on
	// 1 January, Finland on 31 December of the year before.
	Year int `json:"year,omitempty"`
	// SourceID names the source of the published rows.
	SourceID string            `json:"source_id"`
	Rows     []stats.NordicRow `json:"rows"`
	// Gaps are the rows that could not be given, and why; Notes say the
	// same in words.
	Gaps  []NordicGap `json:"gaps,omitempty"`
	Notes []string    `json:"notes,omitempty"`
}

// Bases of a Nordic comparison.
const (
	NordicBasisSource = "source"
	NordicBasisYear   = "year"
)

// NordicGap is a row the comparison lacks.
type NordicGap struct {
	Country string `json:"country"`
	// Date is the date asked for, when the gap is missing data for it.
	Date string `json:"date,omitempty"`
	// Reason is GapNoData (no per-municipality data for Date) or
	// GapNotInSource (the source has no row for the country).
	Reason string `json:"reason"`
}

// Reasons for a NordicGap.
const (
	GapNoData      = "no_data"
	GapNotInSource = "not_in_source"
)

// NordicSource is the default source of the published rows.
const NordicSource = "generalistkommuneutvalget_presentasjon"

// nordicDating is what is documented of the dates of a source's table
// (data/README.md §7 and the norden_aggregater.csv notes).
type nordicDating struct {
	// norway (1 January) and finland are the dates the per-municipality
	// rows are computed on by default: the dates on which the data give
	// the source's figures, or the date the source states.
	norway  int
	finland string
	// turnOfYear is the 1 January a source dated "at the turn of the year"
	// refers to; "" when the source states no date.
	turnOfYear string
	// check are the 1 January years whose Norwegian figures the published
	// rows are matched against, figure by figure, when the source states
	// no date; with Finland's dates in the data.
	check []int
}

var nordicDatings = map[string]nordicDating{
	// The committee's presentation states no dates. Its Norwegian count,
	// inhabitants and number under 5,000 are those of 1 January 2020;
	// its Finnish count, mean, median and number under 5,000 those of
	// mainland Finland on 31 December 2020. The committee worked
	// 2020–2023, so Norway is checked on those four dates.
	NordicSource: {norway: 2020, finland: "2020-12-31", check: []int{2020, 2021, 2022, 2023}},
	// KMD, «Våre naboland»: figures at the turn of 2013/2014.
	"kmd_vare_naboland_2014": {norway: 2014, finland: "2013-12-31", turnOfYear: "2014-01-01"},
}

var nordicLabels = map[string]string{"NO": "Norge", "FI": "Finland", "SE": "Sverige", "DK": "Danmark", "IS": "Island"}

// statFinSource describes the Finnish per-municipality rows.
const statFinSource = "Statistics Finland, via Yle (data/norden_finland_kommuner.csv)"

// NordicComparison builds the comparison. With year 0 (the default) each
// country is on the date of the source's table: Norway and Finland
// computed from per-municipality data on the dates on which they give the
// source's figures (for the committee's table: Norway 1.1.2020, Finland
// 31.12.2020). With a year, Norway is on 1 January of it and Finland on
// 31 December of the year before. Finland is given with and without the
// 16 Åland municipalities. Every row of the source follows, Sweden,
// Denmark and Iceland among them, each with what is known of its date:
// the date the source states, or, where it states none, on which dates
// the data give each of its figures. Rows without data are left out with
// a gap, never filled in.
func NordicComparison(ctx context.Context, store generalist.AtlasStore, year int, source string) (*Nordic, error) {
	if source == "" {
		source = NordicSource
	}
	if _, ok := generalist.NordicSources[source]; !ok {
		return nil, generalist.Errorf(generalist.EINVALID, "unknown source %q for the Nordic aggregates", source)
	}
	dating := nordicDatings[source]
	out := &Nordic{Basis: NordicBasisSource, SourceID: source}
	norwayYear, finnishDate := dating.norway, dating.finland
	if year != 0 {
		out.Basis, out.Year = NordicBasisYear, year
		norwayYear, finnishDate = year, fmt.Sprintf("%d-12-31", year-1)
	}

	no, err := norwayRow(ctx, store, norwayYear)
	if err != nil {
		return nil, err
	}
	fi, err := store.Nordic(ctx)
	if err != nil {
		return nil, err
	}
	finnish, err := finlandRows(fi, finnishDate)
	if err != nil {
		return nil, err
	}
	aggs, err := store.NordicTotals(ctx)
	if err != nil {
		return nil, err
	}
	published := map[string]generalist.NordicAggregate{}
	for _, a := range aggs {
		if a.Source == source {
			published[a.Country] = a
		}
	}

	for _, country := range []string{"NO", "FI", "SE", "DK", "IS"} {
		var computed []stats.NordicRow
		switch country {
		case "NO":
			if no == nil {
				out.gap(country, fmt.Sprintf("%d-01-01", norwayYear), GapNoData)
			} else {
				computed = []stats.NordicRow{*no}
			}
		case "FI":
			if finnish == nil {
				out.gap(country, finnishDate, GapNoData)
			}
			computed = finnish
		}
		out.Rows = append(out.Rows, computed...)
		a, ok := published[country]
		if !ok {
			if country != "NO" && country != "FI" {
				out.gap(country, "", GapNotInSource)
			}
			continue
		}
		label, variant := nordicLabels[country], ""
		if country == "NO" || country == "FI" {
			label, variant = label+", publisert tabell", stats.VariantPublished
		}
		row := stats.NordicPublished(label, variant, a)
		switch {
		case dating.turnOfYear != "":
			row.Date, row.DateStatus = dating.turnOfYear, stats.DateTurnOfYear
		case len(dating.check) > 0 && (country == "NO" || country == "FI"):
			candidates, checked, err := nordicCandidates(ctx, store, fi, country, dating.check)
			if err != nil {
				return nil, err
			}
			if len(candidates) > 0 {
				row.DateStatus, row.FigureDates, row.DatesChecked = stats.DatePerFigure, stats.MatchFigures(row, candidates), checked
			}
		}
		out.Rows = append(out.Rows, row)
	}
	return out, nil
}

func (n *Nordic) gap(country, date, reason string) {
	n.Gaps = append(n.Gaps, NordicGap{Country: country, Date: date, Reason: reason})
	switch reason {
	case GapNoData:
		n.Notes = append(n.Notes, fmt.Sprintf("%s: no per-municipality data for %s", nordicLabels[country], date))
	case GapNotInSource:
		n.Notes = append(n.Notes, fmt.Sprintf("%s: the source %q has no figures", nordicLabels[country], n.SourceID))
	}
}

// norwayRow computes Norway on 1 January of year on the structure then in
// force; nil when there are no data for it.
func norwayRow(ctx context.Context, store generalist.AtlasStore, year int) (*stats.NordicRow, error) {
	s, ok := generalist.StructureForYear(year)
	if !ok {
		return nil, nil
	}
	c, err := Population(ctx, store, s, year)
	switch {
	case generalist.ErrorCode(err) == generalist.ENOTFOUND:
		return nil, nil
	case err != nil:
		return nil, err
	}
	ms, err := store.Municipalities(ctx, s)
	if err != nil {
		return nil, err
	}
	row, err := stats.NordicComputed("NO", "Norge", "", fmt.Sprintf("%d-01-01", year), stats.SourceSSB, PopulationSource, units(ms, c.Values))
	if err != nil {
		// A split leaves some municipality without a value: no national row.
		if generalist.ErrorCode(err) == generalist.EINVALID {
			return nil, nil
		}
		return nil, err
	}
	return &row, nil
}

// finlandRows computes Finland with and without Åland on date; nil when
// the data have no municipality on it.
func finlandRows(fi []generalist.NordicMunicipality, date string) ([]stats.NordicRow, error) {
	var all, mainland []stats.Unit
	for _, m := range fi {
		if m.Country != "FI" || m.RefDate != date {
			continue
		}
		u := stats.Unit{Number: m.Code, Name: m.Name, Value: m.Population, Known: true}
		all = append(all, u)
		if !m.Aland {
			mainland = append(mainland, u)
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	var out []stats.NordicRow
	for _, r := range []struct {
		label, variant string
		units          []stats.Unit
	}{{"Finland uten Åland", stats.VariantMainland, mainland}, {"Finland med Åland", stats.VariantWithAland, all}} {
		row, err := stats.NordicComputed("FI", r.label, r.variant, date, stats.SourceStatFin, statFinSource, r.units)
		if err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, nil
}

// nordicCandidates computes a country's rows on the dates a published row
// is matched against: Norway on 1 January of each year in years with
// data, Finland on every date in its data.
func nordicCandidates(ctx context.Context, store generalist.AtlasStore, fi []generalist.NordicMunicipality, country string, years []int) (rows []stats.NordicRow, dates []string, err error) {
	switch country {
	case "NO":
		for _, y := range years {
			r, err := norwayRow(ctx, store, y)
			if err != nil {
				return nil, nil, err
			}
			if r != nil {
				rows = append(rows, *r)
				dates = append(dates, r.Date)
			}
		}
	case "FI":
		var ds []string
		for _, m := range fi {
			if m.Country == "FI" && !slices.Contains(ds, m.RefDate) {
				ds = append(ds, m.RefDate)
			}
		}
		slices.Sort(ds)
		for _, d := range ds {
			rs, err := finlandRows(fi, d)
			if err != nil {
				return nil, nil, err
			}
			rows = append(rows, rs...)
		}
		dates = ds
	}
	return rows, dates, nil
}
