package stats

import (
	"math"

	"generalist"
)

// How a Nordic row is dated (NordicRow.DateStatus).
const (
	// DateData: Date is the population date of the per-municipality data
	// the row was computed from.
	DateData = "data"
	// DateNotStated: the source gives no reference date.
	DateNotStated = "not_stated"
	// DateTurnOfYear: the source dates its figures only to the turn of the
	// year before Date (1 January).
	DateTurnOfYear = "turn_of_year"
	// DatePerFigure: the source states no date, and its figures equal
	// figures computed here for different dates; FigureDates gives them
	// figure by figure.
	DatePerFigure = "per_figure"
)

// Variants of a country's row (NordicRow.Variant).
const (
	VariantMainland  = "mainland"   // Finland without the 16 Åland municipalities
	VariantWithAland = "with_aland" // Finland with them
	// VariantPublished marks a published row of a country that also has
	// rows computed here.
	VariantPublished = "published"
)

// NordicRow is one country's line in the Nordic comparison. Figures are nil
// where the source does not give them ("no data", never a guess).
type NordicRow struct {
	Country string `json:"country"` // ISO code
	Label   string `json:"label"`   // e.g. "Finland uten Åland"
	// Variant is "", VariantMainland, VariantWithAland or VariantPublished.
	Variant string `json:"variant,omitempty"`
	// Date is the population date (YYYY-MM-DD) of a row computed here, or
	// the 1 January a published source's "turn of the year" refers to;
	// empty when the source does not state one. DateStatus says which.
	Date       string `json:"date,omitempty"`
	DateStatus string `json:"date_status"`
	// FigureDates says, for a published row whose source states no date,
	// on which of the dates checked the data give each figure.
	FigureDates []FigureDate `json:"figure_dates,omitempty"`
	// DatesChecked are the dates of the rows FigureDates was matched
	// against.
	DatesChecked []string `json:"dates_checked,omitempty"`
	// Computed reports whether the row was computed here from
	// per-municipality data (true) or copied from a published table.
	Computed bool `json:"computed"`
	// SourceID names the source: a key of generalist.NordicSources, or
	// SourceSSB or SourceStatFin for computed rows. Source describes it.
	SourceID       string   `json:"source_id"`
	Source         string   `json:"source"`
	Municipalities *float64 `json:"municipalities"`
	Inhabitants    *float64 `json:"inhabitants"`
	Mean           *float64 `json:"mean"`
	Median         *float64 `json:"median"`
	Largest        *float64 `json:"largest"`
	Smallest       *float64 `json:"smallest"`
	Under5000      *float64 `json:"under_5000"`
}

// Source ids of computed rows.
const (
	SourceSSB     = "ssb_07459"
	SourceStatFin = "statistics_finland_yle"
)

// FigureDate says on which dates a published figure equals the figure
// computed here from per-municipality data.
type FigureDate struct {
	// Figure is the JSON name of the figure: municipalities, inhabitants,
	// mean, median, largest, smallest or under_5000.
	Figure string `json:"figure"`
	// Matches are the computed rows (date and variant) that give the
	// published figure; none means no date checked gives it.
	Matches []FigureMatch `json:"matches"`
}

// FigureMatch is one computed row that gives a published figure.
type FigureMatch struct {
	Date    string `json:"date"`
	Variant string `json:"variant,omitempty"`
}

// Figures returns the row's figures by their JSON names, in table order.
func (r NordicRow) Figures() []NamedFigure {
	return []NamedFigure{{"municipalities", r.Municipalities}, {"inhabitants", r.Inhabitants}, {"mean", r.Mean},
		{"median", r.Median}, {"largest", r.Largest}, {"smallest", r.Smallest}, {"under_5000", r.Under5000}}
}

// NamedFigure is a figure of a row with its JSON name.
type NamedFigure struct {
	Name  string
	Value *float64
}

// MatchFigures finds, for every figure published gives, the candidate rows
// (computed from per-municipality data) that give the same figure as the
// source printed it. A source rounds: a published 15 200 is taken to be
// rounded to hundreds and matches a computed 15 239.5, while 5 161
// matches only what rounds to 5 161. It takes O(f·c) time for f figures
// and c candidates.
func MatchFigures(published NordicRow, candidates []NordicRow) []FigureDate {
	var out []FigureDate
	for i, f := range published.Figures() {
		if f.Value == nil {
			continue
		}
		fd := FigureDate{Figure: f.Name, Matches: []FigureMatch{}}
		for _, c := range candidates {
			v := c.Figures()[i].Value
			if v != nil && SameAsPrinted(*f.Value, *v) {
				fd.Matches = append(fd.Matches, FigureMatch{Date: c.Date, Variant: c.Variant})
			}
		}
		out = append(out, fd)
	}
	return out
}

// SameAsPrinted reports whether computed, rounded to the precision of
// printed (the power of ten of its last non-zero digit, at least 1),
// equals printed.
func SameAsPrinted(printed, computed float64) bool {
	p := 1.0
	if printed == math.Trunc(printed) && printed != 0 {
		for math.Mod(printed, p*10) == 0 {
			p *= 10
		}
	}
	return math.Round(computed/p)*p == printed
}

// NordicComputed summarises per-municipality populations into a row.
// It fails if any unit lacks data: a national row must be complete.
func NordicComputed(country, label, variant, date, sourceID, source string, units []Unit) (NordicRow, error) {
	d, err := Summarize(units, DefaultUnder)
	if err != nil {
		return NordicRow{}, err
	}
	if len(d.Missing) > 0 {
		return NordicRow{}, generalist.Errorf(generalist.EINVALID, "%s %s: %d units lack data", label, date, len(d.Missing))
	}
	f := func(v float64) *float64 { return &v }
	return NordicRow{
		Country: country, Label: label, Variant: variant, Date: date, DateStatus: DateData, Computed: true,
		SourceID: sourceID, Source: source,
		Municipalities: f(float64(d.Municipalities)), Inhabitants: f(float64(d.Inhabitants)),
		Mean: f(d.Mean), Median: f(d.Median), Largest: f(float64(d.Largest.Inhabitants)),
		Smallest: f(float64(d.Smallest.Inhabitants)), Under5000: f(float64(d.Under.Count)),
	}, nil
}

// NordicPublished turns a published aggregate into a row, without a date
// (DateNotStated); the caller adds what is known of its dates.
func NordicPublished(label, variant string, a generalist.NordicAggregate) NordicRow {
	src := generalist.NordicSources[a.Source]
	if src == "" {
		src = a.Source
	}
	return NordicRow{
		Country: a.Country, Label: label, Variant: variant, DateStatus: DateNotStated, SourceID: a.Source, Source: src,
		Municipalities: a.Municipalities, Inhabitants: a.Inhabitants, Mean: a.Mean, Median: a.Median,
		Largest: a.Largest, Smallest: a.Smallest, Under5000: a.Under5000,
	}
}
