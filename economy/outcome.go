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
	// Year is the budget year whose income system is used; ScenarioYear
	// the scenario's own year when ForScenario made the outcome.
	Year         int            `json:"year"`
	ScenarioYear int            `json:"scenario_year,omitempty"`
	Groups       []GroupOutcome `json:"groups"`
	// KnownChange is the sum over groups of the first year's known change,
	// KnownChangeAllYears the same over every year of the table: sums of
	// the known parts only, nil ("no data") when no group has any.
	KnownChange         *generalist.Kroner `json:"known_change_first_year"`
	KnownChangeAllYears *generalist.Kroner `json:"known_change_all_years"`
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
	Others generalist.Kroner `json:"others_change"`
}

// GroupOutcome is one merger's part of an Outcome.
type GroupOutcome struct {
	Name       string                          `json:"name"`
	Members    []generalist.MunicipalityNumber `json:"members"`
	Population *generalist.Persons             `json:"population_1_january"`
	// IncomeEqualisation is the first year's change of the income
	// equalisation, including the change of the financing deduction
	// when it is recomputed.
	IncomeEqualisation *generalist.Kroner `json:"income_equalisation_change"`
	// Compensation is the first year's inndelingstilskudd.
	Compensation *generalist.Kroner `json:"inndelingstilskudd"`
	// KnownChange is the first year's change and KnownChangeAllYears its
	// sum over every year of the table, as MergerEffect's YearRow.Known:
	// the sum of the known parts only (Missing names the others), nil
	// ("no data") when no part of substance is known.
	KnownChange         *generalist.Kroner `json:"known_change_first_year"`
	KnownChangeAllYears *generalist.Kroner `json:"known_change_all_years"`
	Missing             []string           `json:"missing"`
}

// Country is a budget year's parameters and tables prepared for
// evaluating many scenarios: every municipality's inputs looked up once,
// and the status quo's additional compensation summed.
type Country struct {
	r     *rules
	index map[generalist.MunicipalityNumber]int
	units []unit
	// complete: every municipality has tax and population, so the
	// financing deduction can be recomputed.
	complete       bool
	coverage       int
	addAll, popAll float64
	// shares[i] is the inndelingstilskudd share paid in year i+1.
	shares []float64
}

// Prepare looks up every municipality of d in p's budget year. It takes
// O(municipalities) time.
func Prepare(p *Params, d *Data) *Country {
	r := rulesOf(p, d)
	c := &Country{r: r, index: make(map[generalist.MunicipalityNumber]int, len(d.Names)), units: make([]unit, 0, len(d.Names))}
	c.complete = r.ratesErr == nil && r.hasAvg
	for n := range d.Names {
		u := unitOf(r, d, n)
		c.index[n] = len(c.units)
		c.units = append(c.units, u)
		if u.taxOK {
			c.coverage++
		}
		if !u.taxOK || !u.popOK {
			c.complete = false
		}
		c.addAll += u.add * u.pop
		c.popAll += u.pop
	}
	c.complete = c.complete && c.popAll > 0
	if n := yearsOf(r); n > 0 {
		c.shares = make([]float64, n)
		for i := range c.shares {
			c.shares[i] = r.share(i + 1)
		}
	}
	return c
}

// Evaluate computes the economy of a scenario's mergers under the income
// system of p's budget year; see Country.Evaluate. It prepares the
// country first, which costs about as much as the evaluation.
func Evaluate(p *Params, d *Data, groups []Group) (*Outcome, error) {
	return Prepare(p, d).Evaluate(groups)
}

// Evaluate computes the economy of a scenario's mergers: for each group
// the first-year change and the change over all years of the
// inndelingstilskudd table (as MergerEffect computes them), and, when the
// tax table covers every municipality, the financing deduction recomputed
// (the additional compensation a merger removes lowers the deduction
// everyone pays; the changes then sum to zero over the country). It fails
// on an invalid group or on groups that share a municipality. It takes
// O(municipalities + groups × years) time; it may be called concurrently.
func (c *Country) Evaluate(groups []Group) (*Outcome, error) {
	owner := make([]int32, len(c.units)) // group+1 that claimed each unit
	n := 0
	for _, g := range groups {
		n += len(g.Members)
	}
	flat := make([]int, 0, n) // every group's unit indices, in order
	for i := range groups {
		var err error
		if flat, err = c.claim(owner, flat, groups, i); err != nil {
			return nil, err
		}
	}
	r := c.r
	out := &Outcome{Year: r.p.Year, Municipalities: len(c.units), TaxCoverage: c.coverage, Groups: make([]GroupOutcome, len(groups))}
	// One allocation for every group's amounts (income equalisation,
	// inndelingstilskudd, known change first and all years) and the
	// outcome's two sums.
	amounts := make([]generalist.Kroner, 4*len(groups)+2)
	pops := make([]generalist.Persons, len(groups))
	addAfter := c.addAll
	var mergedPop float64
	for i, gr := range groups {
		idx := flat[:len(gr.Members)]
		flat = flat[len(gr.Members):]
		e := combine(r, c.units, idx)
		o := GroupOutcome{Name: gr.Name, Members: gr.Members}
		if e.popOK {
			pops[i] = generalist.Persons(e.pop)
			o.Population = &pops[i]
		}
		a := amounts[4*i : 4*i+4]
		if e.ieOK {
			a[0] = generalist.Kroner(e.ieMerged - e.ieSep)
			o.IncomeEqualisation = &a[0]
		}
		if e.compOK {
			a[1] = generalist.Kroner(e.comp)
			o.Compensation = &a[1]
		}
		// Every year has the steady change; the first adds the one-off
		// grant and reform support; the phase-out years the part of the
		// compensation no longer paid.
		steady, complete := e.steady()
		once, onceOK := e.once()
		complete = complete && onceOK
		// A year with no part of substance known adds nothing (its known
		// parts are zeros by rule), so the sum over all years is the sum
		// over the known years, as MergerEffect's table gives it.
		var all float64
		anyYear := false
		for y, sh := range c.shares {
			net, ok := e.compensatedNet(sh)
			complete = complete && ok
			all += steady + net
			known := e.anyKnown(sh, y == 0)
			anyYear = anyYear || known
			if y == 0 && known {
				a[2] = generalist.Kroner(steady + net + once)
				o.KnownChange = &a[2]
			}
		}
		if anyYear {
			a[3] = generalist.Kroner(all + once)
			o.KnownChangeAllYears = &a[3]
		}
		o.Missing = groupMissing(&e, complete)
		if c.complete && e.taxOK {
			for _, j := range idx {
				addAfter -= c.units[j].add * c.units[j].pop
			}
			addAfter += r.rates.additional(r.avg, e.tax) * e.pop
			mergedPop += e.pop
		}
		out.Groups[i] = o
	}
	if c.complete {
		dc := &DeductionChange{Parameter: r.rates.Deduction, Before: c.addAll / c.popAll, After: addAfter / c.popAll}
		delta := dc.After - dc.Before
		years := generalist.Kroner(len(c.shares))
		for i := range out.Groups {
			o := &out.Groups[i]
			if o.Population == nil {
				continue
			}
			adj := generalist.Kroner(-delta * float64(*o.Population))
			if o.IncomeEqualisation != nil {
				*o.IncomeEqualisation += adj
			}
			// The deduction's change is a known part of its own.
			a := amounts[4*i : 4*i+4]
			if o.KnownChange == nil {
				o.KnownChange = &a[2]
			}
			if o.KnownChangeAllYears == nil && years > 0 {
				o.KnownChangeAllYears = &a[3]
			}
			*o.KnownChange += adj
			if o.KnownChangeAllYears != nil {
				*o.KnownChangeAllYears += adj * years
			}
		}
		dc.Others = generalist.Kroner(-delta * (c.popAll - mergedPop))
		out.Deduction = dc
		out.Missing, out.Reasons = []string{}, map[string]string{}
	} else {
		out.Missing = []string{"financing_deduction"}
		out.Reasons = map[string]string{"financing_deduction": "held at the parameter: recomputing it needs every municipality's tax per inhabitant and population for the year"}
	}
	sums := amounts[4*len(groups):]
	for _, o := range out.Groups {
		if o.KnownChange != nil {
			sums[0] += *o.KnownChange
			out.KnownChange = &sums[0]
		}
		if o.KnownChangeAllYears != nil {
			sums[1] += *o.KnownChangeAllYears
			out.KnownChangeAllYears = &sums[1]
		}
	}
	return out, nil
}

// claim checks group i, marks its members as taken and appends their
// unit indices to flat, failing on a member of an earlier group.
func (c *Country) claim(owner []int32, flat []int, groups []Group, i int) ([]int, error) {
	gr := groups[i]
	fail := func(err error) ([]int, error) {
		return nil, generalist.Errorf(generalist.ErrorCode(err), "merger %d (%s): %s", i+1, gr.Name, generalist.ErrorMessage(err))
	}
	if len(gr.Members) < 2 {
		return fail(generalist.Errorf(generalist.EINVALID, "a merger needs at least two municipalities, got %d", len(gr.Members)))
	}
	for _, n := range gr.Members {
		at, ok := c.index[n]
		if !ok {
			if _, err := generalist.ParseMunicipalityNumber(string(n)); err != nil {
				return fail(err)
			}
			return fail(generalist.Errorf(generalist.ENOTFOUND, "kommune %s is not in the 2024 structure", n))
		}
		switch j := int(owner[at]) - 1; {
		case j == i:
			return fail(generalist.Errorf(generalist.EINVALID, "kommune %s is listed twice in the merger", n))
		case j >= 0:
			return nil, generalist.Errorf(generalist.EINVALID, "kommune %s is in merger %d (%s) and merger %d (%s)", n, j+1, groups[j].Name, i+1, gr.Name)
		}
		owner[at] = int32(i + 1)
		flat = append(flat, at)
	}
	return flat, nil
}

// groupMissing names the parts of a group's change without data. The
// slices are shared; callers must not modify them.
func groupMissing(e *effect, complete bool) []string {
	if complete {
		return missingSets[0]
	}
	var key int
	for bit, ok := range []bool{e.ieOK, e.compOK, e.rcOK && e.grantsOK, e.oneOffOK, e.reformOK} {
		if !ok {
			key |= 1 << bit
		}
	}
	return missingSets[key]
}

// missingSets holds, for each combination of the five parts that can be
// missing, the list of names (with veksttilskudd and storbytilskudd,
// which always are).
var missingSets = func() [32][]string {
	names := []string{"income_equalisation", "inndelingstilskudd", "regional_centre_grant", "one_off_grant", "reform_support"}
	var sets [32][]string
	for key := range sets {
		var s []string
		for bit, name := range names {
			if key&(1<<bit) != 0 {
				s = append(s, name)
			}
		}
		sets[key] = append(s, "growth_grant", "metropolitan_grant")
	}
	return sets
}()

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
