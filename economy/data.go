package economy

import (
	"maps"
	"slices"
	"sync"

	"generalist"
)

// Key identifies a municipality (2024-structure number) in a budget year.
type Key struct {
	Municipality generalist.MunicipalityNumber
	Year         int
}

// Settlement is one row of KDD's final income-equalisation settlement
// (Inntektsutjevning – kommunevise sluttavregninger): tax per inhabitant
// before equalisation and the net equalisation per inhabitant.
type Settlement struct {
	Municipality generalist.MunicipalityNumber `json:"municipality"`
	Year         int                           `json:"year"`
	// Population is KDD's 1 January population; nil where the source
	// lacks it.
	Population       *generalist.Persons `json:"population_1_january"`
	TaxPerInhabitant float64             `json:"tax_per_inhabitant"`
	// SharePct is the tax per inhabitant as a percentage of the national
	// average, as KDD gives it (or computed from the national average
	// where FromKDD is false).
	SharePct         *float64 `json:"tax_share_of_average_pct"`
	NetPerInhabitant float64  `json:"net_equalisation_per_inhabitant"`
	// FromKDD is true when every value is KDD's own column; false when
	// the percentage was computed (andel_kilde "beregnet").
	FromKDD bool   `json:"from_kdd"`
	Source  string `json:"source"` // file and line
}

// Grants is a municipality's block grant (rammetilskudd) by component as
// the state budget calculates it (Grønt hefte tables 1-k and 2-k), in
// kroner. The income equalisation is settled during the year and is not
// part of it.
type Grants struct {
	Municipality generalist.MunicipalityNumber `json:"municipality"`
	Year         int                           `json:"year"`
	// PerInhabitant is the innbyggertilskudd as an equal amount per
	// inhabitant before redistribution (2-k "likt beløp per innbygger").
	PerInhabitant           generalist.Kroner `json:"per_inhabitant_grant"`
	ExpenditureEqualisation generalist.Kroner `json:"expenditure_equalisation"`
	SpecialAllocation       generalist.Kroner `json:"special_allocation"` // saker med særskilt fordeling
	IncomeGuarantee         generalist.Kroner `json:"income_guarantee"`   // INGAR
	DistrictSouth           generalist.Kroner `json:"district_grant_south"`
	DistrictNorth           generalist.Kroner `json:"district_grant_north"`
	// RegionalCentre is nil in a year without the grant (from 2025).
	RegionalCentre *generalist.Kroner `json:"regional_centre_grant"`
	Growth         generalist.Kroner  `json:"growth_grant"`       // veksttilskudd
	Metropolitan   generalist.Kroner  `json:"metropolitan_grant"` // storbytilskudd
	Discretionary  generalist.Kroner  `json:"discretionary_grant"`
	// Total is table 1-k's "Rammetilskudd" (excluding the income
	// equalisation). The components add up to it within the rounding of
	// the source.
	Total  generalist.Kroner `json:"total"`
	Source string            `json:"source"`
}

// RegionalPolicy returns the regional-policy grants the inndelingstilskudd
// protects: the district grants for Sør-Norge and for Nord-Norge og
// Namdalen.
func (g Grants) RegionalPolicy() generalist.Kroner { return g.DistrictSouth + g.DistrictNorth }

// BudgetPost is a national total of the block grant to municipalities
// (chapter 571 of the state budget).
type BudgetPost struct {
	Year     int               `json:"year"`
	Document string            `json:"document"` // prop_1_s_bevilgningsforslag or saldert_budsjett
	Post     int               `json:"post"`
	Name     string            `json:"name"`
	Amount   generalist.Kroner `json:"amount"`
}

// Data holds the income-system tables, keyed by 2024-structure
// municipality number and budget year. Any table may cover only some
// municipalities (the shipped ones are a seven-municipality sample); what
// a table lacks is "no data", never filled in.
type Data struct {
	Names map[generalist.MunicipalityNumber]string // every municipality of the 2024 structure
	// NationalTax is the national average tax per inhabitant in the
	// income equalisation, by year.
	NationalTax map[int]float64
	Settlements map[Key]Settlement
	Grants      map[Key]Grants
	CostIndex   map[Key]float64
	// Population is SSB's 1 January population.
	Population map[Key]generalist.Persons
	Budget     []BudgetPost
	// Sources names the source of each table: "settlements", "grants",
	// "national_tax", "cost_index", "population", "budget".
	Sources map[string]string
}

// NewData returns empty tables.
func NewData() *Data {
	return &Data{
		Names:       map[generalist.MunicipalityNumber]string{},
		NationalTax: map[int]float64{},
		Settlements: map[Key]Settlement{},
		Grants:      map[Key]Grants{},
		CostIndex:   map[Key]float64{},
		Population:  map[Key]generalist.Persons{},
		Sources:     map[string]string{},
	}
}

// Municipalities returns the municipality numbers of the structure,
// sorted.
func (d *Data) Municipalities() []generalist.MunicipalityNumber {
	out := make([]generalist.MunicipalityNumber, 0, len(d.Names))
	for n := range d.Names {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Overlay copies every row of o into d, replacing rows of d with the same
// municipality and year; an analyst's imported tables overlay the shipped
// sample this way. Names and budget posts of o are added.
func (d *Data) Overlay(o *Data) {
	maps.Copy(d.Names, o.Names)
	maps.Copy(d.NationalTax, o.NationalTax)
	maps.Copy(d.Settlements, o.Settlements)
	maps.Copy(d.Grants, o.Grants)
	maps.Copy(d.CostIndex, o.CostIndex)
	maps.Copy(d.Population, o.Population)
	d.Budget = append(d.Budget, o.Budget...)
	for k, v := range o.Sources {
		if old, ok := d.Sources[k]; ok && old != v {
			d.Sources[k] = old + "; " + v
		} else {
			d.Sources[k] = v
		}
	}
}

// Model is what the economy computations need: the parameters of each
// budget year and the tables. Once it is in use (Country has been
// called), its parameters and tables must not change.
type Model struct {
	Params ParamSet
	Data   *Data

	mu        sync.Mutex
	countries map[int]*Country
}

// Country returns the budget year's parameters and tables prepared for
// scenario evaluation, building them on the first call for the year.
func (m *Model) Country(year int) (*Country, error) {
	p, err := m.Params.Year(year)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if c := m.countries[year]; c != nil {
		return c, nil
	}
	if m.countries == nil {
		m.countries = map[int]*Country{}
	}
	c := Prepare(p, m.Data)
	m.countries[year] = c
	return c, nil
}
