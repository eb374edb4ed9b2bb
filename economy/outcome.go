package economy

import (
	"generalist"
)

// Group is one merger of a scenario.
type Group struct {
	Name    string                          `json:"name"`
	Members []generalist.MunicipalityNumber `json:"members"`
}

// Outcome is the economy section of a scenario's outcome: for each merger
// the first-year change and its total over the compensation period, and
// for the whole country the effect on the financing deduction when the
// tax data cover every municipality.
type Outcome struct {
	Year   int            `json:"year"`
	Groups []GroupOutcome `json:"groups"`
	// KnownChange is the sum over groups of the first year's known change,
	// KnownChangeAllYears the same over every year of the table.
	KnownChange         Kroner `json:"known_change_first_year"`
	KnownChangeAllYears Kroner `json:"known_change_all_years"`
	// Deduction is the financing deduction recomputed from the tax of
	// every municipality, before and after the mergers; nil when the tax
	// table does not cover the whole country (the deduction is then held
	// at the parameter).
	Deduction *DeductionChange `json:"financing_deduction"`
	// TaxCoverage counts the municipalities with tax per inhabitant in
	// the year, of Municipalities in the structure.
	TaxCoverage    int               `json:"tax_coverage"`
	Municipalities int               `json:"municipalities"`
	Missing        []string          `json:"missing"`
	Reasons        map[string]string `json:"missing_reasons"`
}

// DeductionChange is the financing deduction of the income equalisation
// before and after a scenario's mergers.
type DeductionChange struct {
	// Parameter is the year's parameter; Before is the same recomputed
	// from the tax table (they agree when the table is KDD's settlement).
	Parameter float64 `json:"parameter"`
	Before    float64 `json:"before"`
	After     float64 `json:"after"`
	// Others is the change for the municipalities that do not merge:
	// minus (After − Before) times their population.
	Others Kroner `json:"others_change"`
}

// GroupOutcome is one merger's part of an Outcome.
type GroupOutcome struct {
	Name       string                          `json:"name"`
	Members    []generalist.MunicipalityNumber `json:"members"`
	Population *generalist.Persons             `json:"population_1_january"`
	// IncomeEqualisation is the first year's change of the income
	// equalisation, including the change of the financing deduction
	// when it is recomputed.
	IncomeEqualisation *Kroner `json:"income_equalisation_change"`
	// Compensation is the first year's inndelingstilskudd.
	Compensation        *Kroner  `json:"inndelingstilskudd"`
	KnownChange         Kroner   `json:"known_change_first_year"`
	KnownChangeAllYears Kroner   `json:"known_change_all_years"`
	Missing             []string `json:"missing"`
}

// Evaluate computes the economy of a scenario's mergers under the income
// system of p's budget year: MergerEffect for each group, and, when the
// tax table covers every municipality of d, the financing deduction
// recomputed from it (the additional compensation a merger removes lowers
// the deduction everyone pays). It fails on an invalid group or on
// groups that share a municipality. It takes O(municipalities + groups ×
// years) time.
func Evaluate(p *Params, d *Data, groups []Group) (*Outcome, error) {
	where := map[generalist.MunicipalityNumber]int{}
	for i, gr := range groups {
		if err := checkGroup(d, gr.Members); err != nil {
			return nil, generalist.Errorf(generalist.ErrorCode(err), "merger %d (%s): %s", i+1, gr.Name, generalist.ErrorMessage(err))
		}
		for _, n := range gr.Members {
			if j, dup := where[n]; dup {
				return nil, generalist.Errorf(generalist.EINVALID, "kommune %s is in merger %d (%s) and merger %d (%s)", n, j+1, groups[j].Name, i+1, gr.Name)
			}
			where[n] = i
		}
	}
	r := rulesOf(p, d)
	year := p.Year
	out := &Outcome{Year: year, Municipalities: len(d.Names), Groups: make([]GroupOutcome, len(groups))}
	var g gaps

	// Whole-country financing deduction, when the data allow it.
	var addAll, popAll float64
	complete := r.ratesErr == nil && r.hasAvg
	for n := range d.Names {
		k := Key{n, year}
		s, ok := d.Settlements[k]
		if !ok {
			complete = false
			continue
		}
		out.TaxCoverage++
		pop, ok := d.Population[k]
		if !ok && s.Population != nil {
			pop, ok = *s.Population, true
		}
		if !ok {
			complete = false
			continue
		}
		if complete {
			addAll += r.rates.additional(r.avg, s.TaxPerInhabitant) * float64(pop)
			popAll += float64(pop)
		}
	}
	complete = complete && popAll > 0
	addAfter := addAll
	for i, gr := range groups {
		m := mergerEffect(r, d, gr.Members, false)
		o := GroupOutcome{Name: gr.Name, Members: gr.Members, Population: m.Population, Missing: m.Missing}
		if len(m.Years) > 0 {
			y1 := m.Years[0]
			o.IncomeEqualisation = y1.IncomeEqualisation
			o.Compensation = y1.Compensation
			o.KnownChange = y1.Known
			for _, y := range m.Years {
				o.KnownChangeAllYears += y.Known
			}
		}
		if complete && m.TaxPerInhabitant != nil && m.Population != nil {
			for _, n := range gr.Members {
				k := Key{n, year}
				s := d.Settlements[k]
				pop, ok := d.Population[k]
				if !ok {
					pop = *s.Population
				}
				addAfter -= r.rates.additional(r.avg, s.TaxPerInhabitant) * float64(pop)
			}
			addAfter += r.rates.additional(r.avg, float64(*m.TaxPerInhabitant)) * float64(*m.Population)
		}
		out.Groups[i] = o
	}
	if complete {
		dc := &DeductionChange{Parameter: r.rates.Deduction, Before: addAll / popAll, After: addAfter / popAll}
		delta := dc.After - dc.Before
		var merged float64
		for i := range out.Groups {
			o := &out.Groups[i]
			if o.Population == nil {
				continue
			}
			merged += float64(*o.Population)
			adj := Kroner(-delta * float64(*o.Population))
			if o.IncomeEqualisation != nil {
				o.IncomeEqualisation = ptr(*o.IncomeEqualisation + adj)
			}
			o.KnownChange += adj
			o.KnownChangeAllYears += adj * Kroner(yearsOf(r))
		}
		dc.Others = Kroner(-delta * (popAll - merged))
		out.Deduction = dc
	} else {
		g.add("financing_deduction", "held at the parameter: recomputing it needs every municipality's tax per inhabitant and population for the year")
	}
	for _, o := range out.Groups {
		out.KnownChange += o.KnownChange
		out.KnownChangeAllYears += o.KnownChangeAllYears
	}
	out.Missing, out.Reasons = g.names, g.reasons
	if out.Missing == nil {
		out.Missing, out.Reasons = []string{}, map[string]string{}
	}
	return out, nil
}

// additional is the additional compensation per inhabitant.
func (r Rates) additional(avg, tax float64) float64 {
	if gap := r.Threshold*avg - tax; gap > 0 {
		return r.Additional * gap
	}
	return 0
}

func yearsOf(r *rules) int {
	if !r.full.ok || !r.phase.ok {
		return 0
	}
	return int(r.full.v + r.phase.v)
}
