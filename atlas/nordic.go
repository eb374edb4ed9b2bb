package atlas

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"generalist"
	"generalist/stats"
)

// Nordic is the five-country comparison.
type Nordic struct {
	Year int               `json:"year"`
	Rows []stats.NordicRow `json:"rows"`
	// Notes explain rows that could not be computed for the year.
	Notes []string `json:"notes,omitempty"`
}

// NordicSource is the default source of the published rows.
const NordicSource = "generalistkommuneutvalget_presentasjon"

// NordicComparison builds the comparison for 1 January of year: Norway from
// per-municipality data on the structure in force, Finland from its
// per-municipality data dated the day before (31 December of year-1), with
// and without the 16 Åland municipalities, and Sweden, Denmark and Iceland
// from the published aggregates of source. Rows without data for the year
// are left out with a note, never filled in.
func NordicComparison(ctx context.Context, store generalist.AtlasStore, year int, source string) (*Nordic, error) {
	if source == "" {
		source = NordicSource
	}
	if _, ok := generalist.NordicSources[source]; !ok {
		return nil, generalist.Errorf(generalist.EINVALID, "unknown source %q for the Nordic aggregates", source)
	}
	out := &Nordic{Year: year}
	date := fmt.Sprintf("%d-01-01", year)

	if s, ok := generalist.StructureForYear(year); !ok {
		out.Notes = append(out.Notes, fmt.Sprintf("Norge: ingen kommunedata for 1.1.%d", year))
	} else {
		c, err := Population(ctx, store, s, year)
		switch {
		case generalist.ErrorCode(err) == generalist.ENOTFOUND:
			out.Notes = append(out.Notes, fmt.Sprintf("Norge: ingen kommunedata for 1.1.%d", year))
		case err != nil:
			return nil, err
		default:
			ms, err := store.Municipalities(ctx, s)
			if err != nil {
				return nil, err
			}
			row, err := stats.NordicComputed("NO", "Norge", date, PopulationSource, units(ms, c.Values))
			if err != nil {
				out.Notes = append(out.Notes, "Norge: "+generalist.ErrorMessage(err))
			} else {
				out.Rows = append(out.Rows, row)
			}
		}
	}

	fi, err := store.Nordic(ctx)
	if err != nil {
		return nil, err
	}
	finnishDate := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1).Format("2006-01-02")
	var all, mainland []stats.Unit
	for _, m := range fi {
		if m.Country != "FI" || m.RefDate != finnishDate {
			continue
		}
		u := stats.Unit{Number: m.Code, Name: m.Name, Value: m.Population, Known: true}
		all = append(all, u)
		if !m.Aland {
			mainland = append(mainland, u)
		}
	}
	if len(all) == 0 {
		out.Notes = append(out.Notes, fmt.Sprintf("Finland: ingen kommunedata for %s (finnes for 2019-12-31 og 2020-12-31)", finnishDate))
	} else {
		const src = "Source: Statistics Finland, via Yle"
		for _, r := range []struct {
			label string
			units []stats.Unit
		}{{"Finland med Åland", all}, {"Finland uten Åland", mainland}} {
			row, err := stats.NordicComputed("FI", r.label, finnishDate, src, r.units)
			if err != nil {
				return nil, err
			}
			out.Rows = append(out.Rows, row)
		}
	}

	aggs, err := store.NordicTotals(ctx)
	if err != nil {
		return nil, err
	}
	labels := map[string]string{"SE": "Sverige", "DK": "Danmark", "IS": "Island"}
	for _, country := range []string{"SE", "DK", "IS"} {
		found := false
		for _, a := range aggs {
			if a.Country == country && a.Source == source {
				out.Rows = append(out.Rows, stats.NordicPublished(labels[country], a))
				found = true
			}
		}
		if !found {
			out.Notes = append(out.Notes, labels[country]+": ingen tall i kilden "+strconv.Quote(source))
		}
	}
	return out, nil
}
