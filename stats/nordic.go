package stats

import "generalist"

// NordicRow is one country's line in the Nordic comparison. Figures are nil
// where the source does not give them ("no data", never a guess).
type NordicRow struct {
	Country string `json:"country"` // ISO code
	Label   string `json:"label"`   // e.g. "Finland uten Åland"
	// Date is the population date for rows computed here from
	// per-municipality data; empty for published aggregates, whose sources
	// do not state one.
	Date string `json:"date,omitempty"`
	// Computed reports whether the row was computed here from
	// per-municipality data (true) or copied from a published table.
	Computed       bool     `json:"computed"`
	Source         string   `json:"source"`
	Municipalities *float64 `json:"municipalities"`
	Inhabitants    *float64 `json:"inhabitants"`
	Mean           *float64 `json:"mean"`
	Median         *float64 `json:"median"`
	Largest        *float64 `json:"largest"`
	Smallest       *float64 `json:"smallest"`
	Under5000      *float64 `json:"under_5000"`
}

// NordicComputed summarises per-municipality populations into a row.
// It fails if any unit lacks data: a national row must be complete.
func NordicComputed(country, label, date, source string, units []Unit) (NordicRow, error) {
	d, err := Summarize(units, DefaultUnder)
	if err != nil {
		return NordicRow{}, err
	}
	if len(d.Missing) > 0 {
		return NordicRow{}, generalist.Errorf(generalist.EINVALID, "%s %s: %d units lack data", label, date, len(d.Missing))
	}
	f := func(v float64) *float64 { return &v }
	return NordicRow{
		Country: country, Label: label, Date: date, Computed: true, Source: source,
		Municipalities: f(float64(d.Municipalities)), Inhabitants: f(float64(d.Inhabitants)),
		Mean: f(d.Mean), Median: f(d.Median), Largest: f(float64(d.Largest.Inhabitants)),
		Smallest: f(float64(d.Smallest.Inhabitants)), Under5000: f(float64(d.Under.Count)),
	}, nil
}

// NordicPublished turns a published aggregate into a row.
func NordicPublished(label string, a generalist.NordicAggregate) NordicRow {
	src := generalist.NordicSources[a.Source]
	if src == "" {
		src = a.Source
	}
	return NordicRow{
		Country: a.Country, Label: label, Source: src,
		Municipalities: a.Municipalities, Inhabitants: a.Inhabitants, Mean: a.Mean, Median: a.Median,
		Largest: a.Largest, Smallest: a.Smallest, Under5000: a.Under5000,
	}
}
