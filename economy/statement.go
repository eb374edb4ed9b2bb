package economy

import (
	"fmt"

	"generalist"
)

// Statement is a municipality's money in one budget year as far as the
// data reach: tax and income equalisation (final settlement), the block
// grant by component (Grønt hefte 1-k and 2-k), the cost index and what
// the model computes from them. A nil field is "no data"; Missing names
// it and Reasons says why.
type Statement struct {
	Municipality generalist.MunicipalityNumber `json:"municipality"`
	Name         string                        `json:"name"`
	Year         int                           `json:"year"`
	// Population is the 1 January population of the budget year (SSB;
	// KDD's income equalisation uses the same).
	Population *generalist.Persons `json:"population_1_january"`
	// PopulationBasis is the population of 1 July the year before, which
	// the block grant is calculated on, recovered from table 2-k.
	PopulationBasis *generalist.Persons `json:"population_1_july_previous_year"`

	NationalAverageTax *generalist.Kroner `json:"national_average_tax_per_inhabitant"`
	TaxPerInhabitant   *generalist.Kroner `json:"tax_per_inhabitant"`
	TaxSharePct        *float64           `json:"tax_share_of_average_pct"`
	// IncomeEqualisationPerInhabitant is computed with the year's rules;
	// IncomeEqualisation breaks it down.
	IncomeEqualisationPerInhabitant *generalist.Kroner `json:"income_equalisation_per_inhabitant"`
	IncomeEqualisation              *Equalisation      `json:"income_equalisation"`
	// PublishedIncomeEqualisation is KDD's final settlement and
	// IncomeEqualisationDifference the computed minus the published value
	// (kroner per inhabitant, unrounded).
	PublishedIncomeEqualisation  *generalist.Kroner `json:"income_equalisation_published_per_inhabitant"`
	IncomeEqualisationDifference *float64           `json:"income_equalisation_difference"`
	// Tax and IncomeEqualisationTotal are the per-inhabitant amounts times
	// the 1 January population.
	Tax                     *generalist.Kroner `json:"tax"`
	IncomeEqualisationTotal *generalist.Kroner `json:"income_equalisation_total"`

	CostIndex *float64 `json:"cost_index"`
	// ExpenditureEqualisationPerInhabitant is (cost index − 1) × the
	// national expenditure need per inhabitant.
	ExpenditureEqualisationPerInhabitant *generalist.Kroner `json:"expenditure_equalisation_per_inhabitant"`
	PerInhabitantRate                    *generalist.Kroner `json:"per_inhabitant_grant_rate"`
	// BlockGrant is the municipality's row of tables 1-k and 2-k.
	BlockGrant *Grants `json:"block_grant"`
	// FreeIncome is the block grant plus tax plus income equalisation
	// (frie inntekter, as table 3-k adds them up, here with the final
	// tax and equalisation instead of the budget estimates).
	FreeIncome              *generalist.Kroner `json:"free_income"`
	FreeIncomePerInhabitant *generalist.Kroner `json:"free_income_per_inhabitant"`

	Missing []string          `json:"missing"`
	Reasons map[string]string `json:"missing_reasons"`
	Sources []string          `json:"sources"`
}

// gaps collects what a result lacks, in order, with the reason for each.
type gaps struct {
	names   []string
	reasons map[string]string
}

func (g *gaps) add(field, reason string) {
	if g.reasons == nil {
		g.reasons = map[string]string{}
	}
	if _, dup := g.reasons[field]; !dup {
		g.names = append(g.names, field)
	}
	g.reasons[field] = reason
}

func ptr[T any](v T) *T { return &v }

// Show returns the statement of municipality n in a budget year. An
// unknown municipality or a year without parameters is an error; missing
// data are not.
func Show(m *Model, n generalist.MunicipalityNumber, year int) (*Statement, error) {
	p, err := m.Params.Year(year)
	if err != nil {
		return nil, err
	}
	d := m.Data
	name, ok := d.Names[n]
	if !ok {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "kommune %s is not in the 2024 structure", n)
	}
	st := &Statement{Municipality: n, Name: name, Year: year}
	var g gaps
	k := Key{n, year}
	sources := map[string]bool{}
	use := func(table string) {
		if s := d.Sources[table]; s != "" && !sources[s] {
			sources[s] = true
			st.Sources = append(st.Sources, s)
		}
	}

	settlement, hasSettlement := d.Settlements[k]
	if pop, ok := d.Population[k]; ok {
		st.Population = ptr(pop)
		use("population")
	} else if hasSettlement && settlement.Population != nil {
		st.Population = ptr(*settlement.Population)
	} else {
		g.add("population_1_january", fmt.Sprintf("no 1 January %d population for %s", year, n))
	}

	avg, hasAvg := d.NationalTax[year]
	if hasAvg {
		st.NationalAverageTax = ptr(generalist.Kroner(avg))
		use("national_tax")
	} else {
		g.add("national_average_tax_per_inhabitant", fmt.Sprintf("no national average tax per inhabitant for %d", year))
	}
	if hasSettlement {
		use("settlements")
		st.TaxPerInhabitant = ptr(generalist.Kroner(settlement.TaxPerInhabitant))
		st.PublishedIncomeEqualisation = ptr(generalist.Kroner(settlement.NetPerInhabitant))
		if settlement.SharePct != nil {
			st.TaxSharePct = ptr(*settlement.SharePct)
		} else if hasAvg {
			st.TaxSharePct = ptr(settlement.TaxPerInhabitant / avg * 100)
		}
	} else {
		why := fmt.Sprintf("the income-equalisation table has no row for %s in %d (the shipped table is a sample of 7 municipalities, 2015–2025; import KDD's settlement for the rest)", n, year)
		g.add("tax_per_inhabitant", why)
		g.add("income_equalisation_published_per_inhabitant", why)
	}
	rates, ratesErr := RatesOf(p)
	switch {
	case !hasSettlement:
		g.add("income_equalisation_per_inhabitant", "no tax per inhabitant")
	case !hasAvg:
		g.add("income_equalisation_per_inhabitant", "no national average tax per inhabitant")
	case ratesErr != nil:
		g.add("income_equalisation_per_inhabitant", generalist.ErrorMessage(ratesErr))
	default:
		e := rates.Equalise(avg, settlement.TaxPerInhabitant)
		st.IncomeEqualisation = &e
		st.IncomeEqualisationPerInhabitant = ptr(e.Net)
		st.IncomeEqualisationDifference = ptr(float64(e.Net) - settlement.NetPerInhabitant)
	}
	if st.IncomeEqualisation == nil {
		g.add("income_equalisation", g.reasons["income_equalisation_per_inhabitant"])
	}
	if st.Population != nil && st.TaxPerInhabitant != nil {
		st.Tax = ptr(*st.TaxPerInhabitant * generalist.Kroner(*st.Population))
	} else {
		g.add("tax", "needs tax per inhabitant and the 1 January population")
	}
	if st.Population != nil && st.IncomeEqualisationPerInhabitant != nil {
		st.IncomeEqualisationTotal = ptr(*st.IncomeEqualisationPerInhabitant * generalist.Kroner(*st.Population))
	} else {
		g.add("income_equalisation_total", "needs the income equalisation per inhabitant and the 1 January population")
	}

	if ci, ok := d.CostIndex[k]; ok {
		st.CostIndex = ptr(ci)
		use("cost_index")
		if need, err := p.Get(NeedPerInhabitant); err == nil {
			st.ExpenditureEqualisationPerInhabitant = ptr(ExpenditureEqualisation(ci, need))
		} else {
			g.add("expenditure_equalisation_per_inhabitant", generalist.ErrorMessage(err))
		}
	} else {
		g.add("cost_index", fmt.Sprintf("the cost-index table has no %d value for %s", year, n))
		g.add("expenditure_equalisation_per_inhabitant", "no cost index")
	}

	rate, rateErr := p.Get(PerInhabitantRate)
	if rateErr == nil {
		st.PerInhabitantRate = ptr(generalist.Kroner(rate))
	} else {
		g.add("per_inhabitant_grant_rate", generalist.ErrorMessage(rateErr))
	}
	if gr, ok := d.Grants[k]; ok {
		use("grants")
		st.BlockGrant = &gr
		if rateErr == nil {
			if pb, ok := PopulationBasis(gr, rate); ok {
				st.PopulationBasis = ptr(pb)
			} else {
				g.add("population_1_july_previous_year", fmt.Sprintf("the 2-k amount ÷ the %d rate is not a whole number of inhabitants", year))
			}
		} else {
			g.add("population_1_july_previous_year", "needs the innbyggertilskudd rate")
		}
	} else {
		why := fmt.Sprintf("tables 1-k/2-k have no row for %s in %d (the shipped table is a sample of 7 municipalities, 2024–2025; import Grønt hefte for the rest)", n, year)
		g.add("block_grant", why)
		g.add("population_1_july_previous_year", why)
	}
	if st.BlockGrant != nil && st.Tax != nil && st.IncomeEqualisationTotal != nil {
		st.FreeIncome = ptr(st.BlockGrant.Total + *st.Tax + *st.IncomeEqualisationTotal)
		st.FreeIncomePerInhabitant = ptr(*st.FreeIncome / generalist.Kroner(*st.Population))
	} else {
		g.add("free_income", "needs the block grant, tax and income equalisation")
		g.add("free_income_per_inhabitant", "needs the free income")
	}
	st.Missing, st.Reasons = g.names, g.reasons
	if st.Missing == nil {
		st.Missing = []string{}
		st.Reasons = map[string]string{}
	}
	return st, nil
}
