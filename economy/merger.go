package economy

import (
	"fmt"
	"math"
	"strings"

	"generalist"
)

// Merger is what a merger does to the money under the income system of
// one budget year: the members' grants and income equalisation side by
// side with the merged municipality's, the inndelingstilskudd, and a
// year-by-year table over the compensation period. Amounts are in kroner
// of the budget year, frozen in real terms as the inndelingstilskudd is
// (inndelingslova; KMD). A nil amount is "no data"; Missing names it and
// Reasons says why.
type Merger struct {
	Year    int      `json:"year"`
	Members []Member `json:"members"`
	// Population and TaxPerInhabitant are the merged municipality's: the
	// members' 1 January populations added up and their tax per
	// inhabitant weighted by them.
	Population       *generalist.Persons `json:"population_1_january"`
	TaxPerInhabitant *generalist.Kroner  `json:"tax_per_inhabitant"`
	Components       []Component         `json:"components"`
	Compensation     Compensation        `json:"inndelingstilskudd"`
	// Years has one row per year from the merger until the
	// inndelingstilskudd has run out.
	Years       []YearRow         `json:"years"`
	Assumptions []Assumption      `json:"assumptions"`
	Missing     []string          `json:"missing"`
	Reasons     map[string]string `json:"missing_reasons"`
	// Parameters are the parameters the calculation used, with sources.
	Parameters []NamedParam `json:"parameters"`
}

// Member is one municipality of a merger group.
type Member struct {
	Municipality     generalist.MunicipalityNumber `json:"municipality"`
	Name             string                        `json:"name"`
	Population       *generalist.Persons           `json:"population_1_january"`
	TaxPerInhabitant *generalist.Kroner            `json:"tax_per_inhabitant"`
	// IncomeEqualisation is the computed net income equalisation, in
	// total.
	IncomeEqualisation *generalist.Kroner `json:"income_equalisation"`
	Grants             *Grants            `json:"block_grant"`
}

// Component is one part of the money, summed over the members (Separate)
// and for the merged municipality (Merged), in the merger's first year.
type Component struct {
	ID       string             `json:"id"`
	Separate *generalist.Kroner `json:"separate"`
	Merged   *generalist.Kroner `json:"merged"`
	Change   *generalist.Kroner `json:"change"`
	// Rule says how the merged value follows: RuleAddsUp, RuleBasisOnce,
	// RuleRecomputed, RuleHeld, RuleNotModelled, RuleCompensation.
	Rule string `json:"rule"`
}

// Rules of Component.
const (
	RuleAddsUp       = "adds_up"      // population-based: the merged value is the sum
	RuleBasisOnce    = "basis_once"   // the basis criterion counts once instead of once per member
	RuleRecomputed   = "recomputed"   // computed anew for the merged municipality
	RuleHeld         = "held"         // held at the members' sum (an assumption)
	RuleNotModelled  = "not_modelled" // its rules are not in the parameter files
	RuleCompensation = "compensation" // the inndelingstilskudd
	RuleOnce         = "once"         // paid once, in the first year
	RuleAbolished    = "abolished"    // the grant no longer exists: zero on both sides
)

// Compensation is the inndelingstilskudd: full compensation for the basis
// amounts and the net loss of regional-policy grants a merger causes,
// frozen at the level of the merger year.
type Compensation struct {
	// Basis is the basis amount times the number of members beyond one.
	Basis *generalist.Kroner `json:"basis"`
	// Regional is the members' district grants minus the merged
	// municipality's, when that is a loss.
	Regional  *generalist.Kroner `json:"regional"`
	Total     *generalist.Kroner `json:"total"`
	FullYears int                `json:"full_years"`
	// PhaseOutYears and Step: after FullYears the share paid falls by
	// Step a year for PhaseOutYears years.
	PhaseOutYears int     `json:"phase_out_years"`
	Step          float64 `json:"phase_out_step"`
}

// YearRow is one year of a merger's effect: the change against the
// members staying separate, by part.
type YearRow struct {
	Index int `json:"index"` // 1 in the year the merger takes effect
	Year  int `json:"year"`
	// Share is the part of the inndelingstilskudd paid this year.
	Share        float64            `json:"compensation_share"`
	Compensation *generalist.Kroner `json:"inndelingstilskudd"`
	// CompensatedNet is the inndelingstilskudd minus the basis and
	// district grants it replaces: zero while it is paid in full.
	CompensatedNet     *generalist.Kroner `json:"compensated_net"`
	IncomeEqualisation *generalist.Kroner `json:"income_equalisation"`
	RegionalCentre     *generalist.Kroner `json:"regional_centre_grant"`
	OneOff             *generalist.Kroner `json:"one_off_grant"`
	Reform             *generalist.Kroner `json:"reform_support"`
	// Known is the sum of the known parts only, never the whole change:
	// Missing lists the parts without data (the change of veksttilskudd
	// and storbytilskudd always, as their rules are not in the parameter
	// files). It is nil ("no data") when no part of substance is known: a
	// part that is zero by rule whatever the data (the inndelingstilskudd
	// net while it is paid in full, the one-off grant and reform support
	// after the first year) does not make a sum of nothing a known 0.
	Known   *generalist.Kroner `json:"known_change"`
	Missing []string           `json:"missing"`
}

// Assumption is a modelling choice the result rests on.
type Assumption struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// The assumptions a merger result can rest on.
var (
	AssumeFrozen     = Assumption{"frozen", "All amounts are the merger year's, in fixed prices: the inndelingstilskudd is frozen in real terms, and the other parts are held at the merger year's level (no forecast)."}
	AssumeHeld       = Assumption{"held", "Særskilt fordeling, INGAR and skjønnstilskudd are held at the members' sum."}
	AssumeTravel     = Assumption{"travel", "The travel-distance criteria of the cost key are unchanged by the merger (recomputing them needs SSB zone data)."}
	AssumeNoGain     = Assumption{"no_gain", "The merged municipality gets no more district grants than the members did, so the inndelingstilskudd exactly offsets the basis and district grants lost while it is paid in full."}
	AssumeDeduction  = Assumption{"deduction", "The financing deduction of the income equalisation is held at the year's parameter (one merger barely moves it; a whole-country evaluation with complete tax data recomputes it)."}
	AssumeTaxBase    = Assumption{"tax_base", "The members' tax per inhabitant and population are those of the merger year's final settlement."}
	AssumeFirstYear  = Assumption{"first_year", "One-off grant and reform support are paid in the first year."}
	AssumeRegionalPo = Assumption{"regional_centre_population", "The regionsentertilskudd is computed on the population the block grant uses (1 July the year before) where table 2-k gives it, otherwise on 1 January."}
)

// rules are a year's parameters read once for merger calculations.
type rules struct {
	p                 *Params
	rates             Rates
	ratesErr          error
	avg               float64
	hasAvg            bool
	basis             opt
	full, phase, step opt
	rcMerger, rcInh   opt
	rcMin, reform     opt
	oneOff            [3]opt // 2, 3, 4 members
	rate              opt
}

// opt is a parameter value or the reason there is none.
type opt struct {
	v   float64
	ok  bool
	why string
}

func get(p *Params, name string) opt {
	v, err := p.Get(name)
	if err != nil {
		return opt{why: generalist.ErrorMessage(err)}
	}
	return opt{v: v, ok: true}
}

func rulesOf(p *Params, d *Data) *rules {
	r := &rules{p: p}
	r.rates, r.ratesErr = RatesOf(p)
	r.avg, r.hasAvg = d.NationalTax[p.Year]
	r.basis = get(p, BasisAmount)
	r.full, r.phase, r.step = get(p, CompensationFullYears), get(p, CompensationPhaseOutYears), get(p, CompensationPhaseOutStep)
	r.rcMerger, r.rcInh, r.rcMin = get(p, RegionalCentrePerMerger), get(p, RegionalCentrePerInhabitant), get(p, RegionalCentreMinPopulation)
	r.reform = get(p, ReformSupport)
	r.oneOff = [3]opt{get(p, OneOffGrant2), get(p, OneOffGrant3), get(p, OneOffGrant4)}
	r.rate = get(p, PerInhabitantRate)
	return r
}

// usedParams lists the parameters a merger calculation reads.
var usedParams = []string{SymmetricRate, AdditionalRate, AdditionalThreshold, FinancingDeduction, PerInhabitantRate, BasisAmount,
	CompensationFullYears, CompensationPhaseOutYears, CompensationPhaseOutStep,
	RegionalCentrePerMerger, RegionalCentrePerInhabitant, RegionalCentreMinPopulation, OneOffGrant2, OneOffGrant3, OneOffGrant4, ReformSupport}

// MergerEffect computes what merging members does to the money under the
// income system of p's budget year, with the tables of d, following the
// rules of domain research C3/C6:
//
//   - innbyggertilskudd and the rest of the expenditure equalisation add
//     up (they are per inhabitant); the basis criterion counts once, so
//     the merged municipality loses the basis amount for every member
//     beyond the first;
//   - the income equalisation is recomputed on the members' tax per
//     inhabitant weighted by population (the symmetric part adds up; the
//     additional compensation below the threshold need not);
//   - the district grants would have to be re-tested against their rules,
//     which are not in the parameter files, so the merged municipality's
//     are "no data" — as are veksttilskudd and storbytilskudd;
//   - the inndelingstilskudd pays the lost basis amounts and any net loss
//     of district grants in full for merger.compensation_full_years, then
//     falls by merger.compensation_phase_out_step a year;
//   - regionsentertilskudd, one-off grant and reform support follow their
//     parameters where these have values.
//
// It fails on fewer than two members, a repeated member or a municipality
// not in d; missing data and parameters are reported in the result, not
// as errors. It takes O(members + years) time.
func MergerEffect(p *Params, d *Data, members []generalist.MunicipalityNumber) (*Merger, error) {
	if err := checkGroup(d, members); err != nil {
		return nil, err
	}
	m := mergerEffect(rulesOf(p, d), d, members)
	for _, name := range usedParams {
		m.Parameters = append(m.Parameters, NamedParam{Name: name, Param: p.Param(name)})
	}
	return m, nil
}

func checkGroup(d *Data, members []generalist.MunicipalityNumber) error {
	if len(members) < 2 {
		return generalist.Errorf(generalist.EINVALID, "a merger needs at least two municipalities, got %d", len(members))
	}
	seen := map[generalist.MunicipalityNumber]bool{}
	for _, n := range members {
		if _, err := generalist.ParseMunicipalityNumber(string(n)); err != nil {
			return err
		}
		if _, ok := d.Names[n]; !ok {
			return generalist.Errorf(generalist.ENOTFOUND, "kommune %s is not in the 2024 structure", n)
		}
		if seen[n] {
			return generalist.Errorf(generalist.EINVALID, "kommune %s is listed twice in the merger", n)
		}
		seen[n] = true
	}
	return nil
}

// unit is one municipality's inputs in a year, looked up once.
type unit struct {
	num      generalist.MunicipalityNumber
	pop      float64
	popOK    bool
	tax      float64
	taxOK    bool
	ie       float64 // computed net income equalisation in total (popOK, taxOK and rates)
	add      float64 // additional compensation per inhabitant (taxOK and rates)
	grants   Grants
	grantsOK bool
	basisPop float64 // population 1 July the year before, from 2-k
	basisOK  bool
}

func unitOf(r *rules, d *Data, n generalist.MunicipalityNumber) unit {
	k := Key{n, r.p.Year}
	u := unit{num: n}
	s, hasS := d.Settlements[k]
	if p, ok := d.Population[k]; ok {
		u.pop, u.popOK = float64(p), true
	} else if hasS && s.Population != nil {
		u.pop, u.popOK = float64(*s.Population), true
	}
	if hasS {
		u.tax, u.taxOK = s.TaxPerInhabitant, true
		if r.ratesErr == nil && r.hasAvg {
			u.add = r.rates.additional(r.avg, s.TaxPerInhabitant)
			if u.popOK {
				u.ie = float64(r.rates.Equalise(r.avg, s.TaxPerInhabitant).Net) * u.pop
			}
		}
	}
	if g, ok := d.Grants[k]; ok {
		u.grants, u.grantsOK = g, true
		if r.rate.ok {
			if pb, ok := PopulationBasis(g, r.rate.v); ok {
				u.basisPop, u.basisOK = float64(pb), true
			}
		}
	}
	return u
}

// effect is the numeric result of merging units, without the words: the
// scenario evaluation computes it for every group.
type effect struct {
	n                      int
	pop                    float64
	popOK                  bool
	tax                    float64 // merged tax per inhabitant
	taxOK                  bool
	ieSep, ieMerged        float64
	ieOK                   bool
	sums                   Grants
	rcSep                  generalist.Kroner
	grantsOK               bool
	basisPop               float64
	basisOK                bool
	basisLoss              float64
	basisLossOK            bool
	regional               float64 // the inndelingstilskudd's regional part
	regionalOK             bool
	comp                   float64 // the inndelingstilskudd
	compOK                 bool
	rcMerged               float64
	rcOK                   bool
	rcWhy                  string
	rcAbolished            bool // both rates are 0: the grant is abolished
	oneOff, reform         float64
	oneOffOK, reformOK     bool
	noPop, noTax, noGrants generalist.MunicipalityNumber
	years                  int // full + phase-out, 0 when unknown
}

// combine merges the units us[i] for i in idx under rules r. It does not
// allocate.
func combine(r *rules, us []unit, idx []int) effect {
	e := effect{n: len(idx), popOK: true, taxOK: true, grantsOK: true, basisOK: r.rate.ok}
	var taxSum float64
	for _, i := range idx {
		u := &us[i]
		if u.popOK {
			e.pop += u.pop
		} else if e.popOK {
			e.popOK, e.noPop = false, u.num
		}
		if !u.taxOK && e.taxOK {
			e.taxOK, e.noTax = false, u.num
		}
		taxSum += u.tax * u.pop
		e.ieSep += u.ie
		if u.grantsOK {
			addGrants(&e.sums, u.grants)
			if u.grants.RegionalCentre != nil {
				e.rcSep += *u.grants.RegionalCentre
			}
		} else if e.grantsOK {
			e.grantsOK, e.noGrants = false, u.num
		}
		e.basisPop += u.basisPop
		e.basisOK = e.basisOK && u.basisOK
	}
	e.taxOK = e.taxOK && e.popOK && e.pop > 0
	if e.taxOK {
		e.tax = taxSum / e.pop
		if r.ratesErr == nil && r.hasAvg {
			e.ieMerged = float64(r.rates.Equalise(r.avg, e.tax).Net) * e.pop
			e.ieOK = true
		}
	}
	if r.basis.ok {
		e.basisLoss, e.basisLossOK = r.basis.v*float64(e.n-1), true
	}
	if e.grantsOK && e.sums.RegionalPolicy() == 0 {
		e.regionalOK = true // nothing to lose: grants are never negative
	}
	if e.basisLossOK && e.regionalOK {
		e.comp, e.compOK = e.basisLoss+e.regional, true
	}
	rc, why := r.regionalCentre(e.pop, e.popOK, e.basisPop, e.basisOK, e.grantsOK, e.sums.Metropolitan)
	if rc != nil {
		e.rcMerged, e.rcOK = float64(*rc), true
	}
	e.rcWhy = why
	e.rcAbolished = r.rcAbolished()
	if e.n >= 2 && e.n <= 4 && r.oneOff[e.n-2].ok {
		e.oneOff, e.oneOffOK = r.oneOff[e.n-2].v, true
	}
	e.reform, e.reformOK = r.reform.v, r.reform.ok
	if r.full.ok && r.phase.ok && r.step.ok {
		e.years = int(r.full.v + r.phase.v)
	}
	return e
}

// share returns the part of the inndelingstilskudd paid in year idx
// (1 = the merger year).
func (r *rules) share(idx int) float64 {
	full := int(r.full.v)
	if idx <= full {
		return 1
	}
	return math.Max(0, 1-float64(idx-full)*r.step.v)
}

// known returns the known change in year idx and whether every part
// besides veksttilskudd and storbytilskudd is known.
func (e *effect) known(r *rules, idx int) (float64, bool) {
	k, all := e.compensatedNet(r.share(idx))
	s, sAll := e.steady()
	k, all = k+s, all && sAll
	if idx == 1 {
		x, xAll := e.once()
		k, all = k+x, all && xAll
	}
	return k, all
}

// anyKnown reports whether a part of the change in a year where share of
// the inndelingstilskudd is paid is known beyond the parts that are zero
// by rule: the income equalisation, the regionsentertilskudd, the
// inndelingstilskudd net once it is phased out, and in the first year the
// one-off grant or reform support. A year without is "no data", not 0.
func (e *effect) anyKnown(share float64, first bool) bool {
	switch {
	case e.ieOK, e.rcOK && e.grantsOK && !e.rcAbolished:
		return true
	case share < 1 && e.compOK:
		return true
	}
	return first && (e.oneOffOK || e.reformOK)
}

// compensatedNet is the inndelingstilskudd minus what it replaces when a
// share of it is paid: zero while it is paid in full.
func (e *effect) compensatedNet(share float64) (float64, bool) {
	if share == 1 {
		return 0, true
	}
	if !e.compOK {
		return 0, false
	}
	return (share - 1) * e.comp, true
}

// once is the one-off grant and reform support, paid in the first year.
func (e *effect) once() (float64, bool) {
	var k float64
	if e.oneOffOK {
		k += e.oneOff
	}
	if e.reformOK {
		k += e.reform
	}
	return k, e.oneOffOK && e.reformOK
}

// steady is the change every year: income equalisation and
// regionsentertilskudd.
func (e *effect) steady() (float64, bool) {
	var k float64
	all := true
	if e.ieOK {
		k += e.ieMerged - e.ieSep
	} else {
		all = false
	}
	switch {
	case e.rcAbolished: // zero on both sides whatever the tables hold
	case e.rcOK && e.grantsOK:
		k += e.rcMerged - float64(e.rcSep)
	default:
		all = false
	}
	return k, all
}

func mergerEffect(r *rules, d *Data, members []generalist.MunicipalityNumber) *Merger {
	year := r.p.Year
	m := &Merger{Year: year, Assumptions: []Assumption{AssumeFrozen, AssumeTaxBase, AssumeHeld, AssumeTravel, AssumeNoGain, AssumeDeduction, AssumeFirstYear}}
	var g gaps
	n := len(members)
	us := make([]unit, n)
	idx := make([]int, n)
	m.Members = make([]Member, n)
	for i, num := range members {
		u := unitOf(r, d, num)
		us[i], idx[i] = u, i
		mem := Member{Municipality: num, Name: d.Names[num]}
		if u.popOK {
			mem.Population = ptr(generalist.Persons(u.pop))
		}
		if u.taxOK {
			mem.TaxPerInhabitant = ptr(generalist.Kroner(u.tax))
			if u.popOK && r.ratesErr == nil && r.hasAvg {
				mem.IncomeEqualisation = ptr(generalist.Kroner(u.ie))
			}
		}
		if u.grantsOK {
			mem.Grants = ptr(u.grants)
		}
		m.Members[i] = mem
	}
	e := combine(r, us, idx)
	if e.popOK {
		m.Population = ptr(generalist.Persons(e.pop))
	} else {
		g.add("population_1_january", fmt.Sprintf("no 1 January %d population for %s", year, e.noPop))
	}
	switch {
	case e.taxOK:
		m.TaxPerInhabitant = ptr(generalist.Kroner(e.tax))
	case e.noTax != "":
		g.add("tax_per_inhabitant", fmt.Sprintf("the income-equalisation table has no %d row for %s", year, e.noTax))
	default:
		g.add("tax_per_inhabitant", "needs every member's 1 January population")
	}
	noGrantsWhy := fmt.Sprintf("tables 1-k/2-k have no %d row for %s", year, e.noGrants)

	// Income equalisation.
	var ieChange *generalist.Kroner
	ieComp := Component{ID: "income_equalisation", Rule: RuleRecomputed}
	switch {
	case !e.taxOK:
		g.add("income_equalisation", "needs every member's tax per inhabitant and population")
	case r.ratesErr != nil:
		g.add("income_equalisation", generalist.ErrorMessage(r.ratesErr))
	case !r.hasAvg:
		g.add("income_equalisation", fmt.Sprintf("no national average tax per inhabitant for %d", year))
	default:
		ieComp.Separate, ieComp.Merged = ptr(generalist.Kroner(e.ieSep)), ptr(generalist.Kroner(e.ieMerged))
		ieChange = ptr(generalist.Kroner(e.ieMerged - e.ieSep))
		ieComp.Change = ieChange
	}

	// Block-grant components.
	sums := e.sums
	comp := func(id, rule string, sep generalist.Kroner, merged *generalist.Kroner) Component {
		c := Component{ID: id, Rule: rule}
		if !e.grantsOK {
			g.add(id, noGrantsWhy)
			return c
		}
		c.Separate = ptr(sep)
		if merged != nil {
			c.Merged = merged
			c.Change = ptr(*merged - sep)
		}
		return c
	}
	var comps []Component
	comps = append(comps, comp("per_inhabitant_grant", RuleAddsUp, sums.PerInhabitant, ptr(sums.PerInhabitant)))
	var utgMerged, basisLoss *generalist.Kroner
	if e.basisLossOK {
		basisLoss = ptr(generalist.Kroner(e.basisLoss))
		utgMerged = ptr(sums.ExpenditureEqualisation - *basisLoss)
	} else {
		g.add("basis_amount", r.basis.why)
	}
	comps = append(comps, comp("expenditure_equalisation", RuleBasisOnce, sums.ExpenditureEqualisation, utgMerged))
	if e.grantsOK && utgMerged == nil {
		g.add("expenditure_equalisation", "the merged value needs the basis amount")
	}
	comps = append(comps,
		comp("special_allocation", RuleHeld, sums.SpecialAllocation, ptr(sums.SpecialAllocation)),
		comp("income_guarantee", RuleHeld, sums.IncomeGuarantee, ptr(sums.IncomeGuarantee)),
		comp("district_grants", RuleNotModelled, sums.RegionalPolicy(), nil))
	if e.grantsOK {
		g.add("district_grants", "the district grants of the merged municipality need the rules of distriktstilskudd Sør-Norge and Nord-Norge (thresholds, index, rates), which are not in the parameter files")
	}

	// Regional centre grant.
	rc := Component{ID: "regional_centre_grant", Rule: RuleRecomputed}
	var rcChange *generalist.Kroner
	if e.grantsOK {
		rc.Separate = ptr(e.rcSep)
	}
	switch {
	case e.rcAbolished:
		// Abolished (both rates 0 in the year's parameters, with the
		// source saying so): nothing on either side, and nothing missing.
		rc = Component{ID: "regional_centre_grant", Rule: RuleAbolished, Separate: &zeroKroner, Merged: &zeroKroner, Change: &zeroKroner}
		rcChange = &zeroKroner
	case !e.rcOK:
		g.add("regional_centre_grant", e.rcWhy)
	case !e.grantsOK:
		rc.Merged = ptr(generalist.Kroner(e.rcMerged))
		g.add("regional_centre_grant", noGrantsWhy)
	default:
		rc.Merged = ptr(generalist.Kroner(e.rcMerged))
		rcChange = ptr(generalist.Kroner(e.rcMerged) - e.rcSep)
		rc.Change = rcChange
	}
	comps = append(comps, rc,
		comp("growth_grant", RuleNotModelled, sums.Growth, nil),
		comp("metropolitan_grant", RuleNotModelled, sums.Metropolitan, nil))
	if e.grantsOK {
		g.add("growth_grant", "the rules of veksttilskudd (growth threshold, tax ceiling, rate) are not in the parameter files")
		g.add("metropolitan_grant", "the rules of storbytilskudd (recipients, rate) are not in the parameter files")
	}
	comps = append(comps, comp("discretionary_grant", RuleHeld, sums.Discretionary, ptr(sums.Discretionary)), ieComp)

	// Inndelingstilskudd.
	cp := Compensation{Basis: basisLoss}
	var cpWhy []string
	if !e.basisLossOK {
		cpWhy = append(cpWhy, "its basis part needs the basis amount")
	}
	switch {
	case e.regionalOK:
		cp.Regional = ptr(generalist.Kroner(e.regional))
	case !e.grantsOK:
		cpWhy = append(cpWhy, "its regional part needs the members' district grants: "+noGrantsWhy)
	default:
		cpWhy = append(cpWhy, "its regional part needs the merged municipality's district grants")
	}
	if e.compOK {
		cp.Total = ptr(generalist.Kroner(e.comp))
	} else {
		g.add("inndelingstilskudd", strings.Join(cpWhy, "; "))
	}
	// The members' current inndelingstilskudd (from earlier mergers, as
	// Ålesund's since 2020) is in no table loaded: 1-k has no column for
	// it (data/README.md). So the separate side is "no data", not 0, and
	// so is the merged municipality's whole inndelingstilskudd (current
	// plus this merger's); the change is this merger's grant.
	g.add("current_inndelingstilskudd", "tables 1-k/2-k have no inndelingstilskudd column, so the members' current inndelingstilskudd from earlier mergers is unknown")
	comps = append(comps, Component{ID: "inndelingstilskudd", Rule: RuleCompensation, Change: cp.Total})

	// One-off grant and reform support.
	var oneOff, reform *generalist.Kroner
	switch {
	case e.oneOffOK:
		oneOff = ptr(generalist.Kroner(e.oneOff))
	case n <= 4:
		g.add("one_off_grant", r.oneOff[n-2].why)
	default:
		g.add("one_off_grant", fmt.Sprintf("no parameter gives the one-off grant to a merger of %d municipalities", n))
	}
	if e.reformOK {
		reform = ptr(generalist.Kroner(e.reform))
	} else {
		g.add("reform_support", r.reform.why)
	}
	// Separate, the members get no one-off grant or reform support for a
	// merger that does not happen, so 0 there is a rule, not a gap: those
	// of an earlier merger were paid in its first year (AssumeFirstYear).
	comps = append(comps,
		Component{ID: "one_off_grant", Rule: RuleOnce, Separate: ptr(generalist.Kroner(0)), Merged: oneOff, Change: oneOff},
		Component{ID: "reform_support", Rule: RuleOnce, Separate: ptr(generalist.Kroner(0)), Merged: reform, Change: reform})
	m.Components = comps

	// Year by year.
	if e.years == 0 {
		for _, o := range []opt{r.full, r.phase, r.step} {
			if !o.ok {
				g.add("years", o.why)
			}
		}
	} else {
		cp.FullYears, cp.PhaseOutYears, cp.Step = int(r.full.v), int(r.phase.v), r.step.v
		m.Years = yearRows(r, &e, cp, ieChange, rcChange, oneOff, reform)
	}
	m.Compensation = cp
	if e.popOK && !e.basisOK && e.rcOK && e.rcMerged != 0 {
		m.Assumptions = append(m.Assumptions, AssumeRegionalPo)
	}
	m.Missing, m.Reasons = g.names, g.reasons
	if m.Missing == nil {
		m.Missing, m.Reasons = []string{}, map[string]string{}
	}
	return m
}

func addGrants(s *Grants, g Grants) {
	s.PerInhabitant += g.PerInhabitant
	s.ExpenditureEqualisation += g.ExpenditureEqualisation
	s.SpecialAllocation += g.SpecialAllocation
	s.IncomeGuarantee += g.IncomeGuarantee
	s.DistrictSouth += g.DistrictSouth
	s.DistrictNorth += g.DistrictNorth
	s.Growth += g.Growth
	s.Metropolitan += g.Metropolitan
	s.Discretionary += g.Discretionary
	s.Total += g.Total
}

// regionalCentre returns the merged municipality's regionsentertilskudd:
// per merger plus per inhabitant above the population threshold, none to
// a municipality with storbytilskudd (domain research C3). It is zero
// without needing the threshold when both rates are zero (the grant was
// abolished from 2025).
func (r *rules) regionalCentre(pop float64, popOK bool, popBasis float64, basisOK, grantsOK bool, metropolitan generalist.Kroner) (*generalist.Kroner, string) {
	if !r.rcMerger.ok {
		return nil, r.rcMerger.why
	}
	if !r.rcInh.ok {
		return nil, r.rcInh.why
	}
	if r.rcMerger.v == 0 && r.rcInh.v == 0 {
		return &zeroKroner, ""
	}
	if !r.rcMin.ok {
		return nil, r.rcMin.why
	}
	base := popBasis
	if !basisOK {
		if !popOK {
			return nil, "needs the merged municipality's population"
		}
		base = pop
	}
	if base <= r.rcMin.v {
		return &zeroKroner, ""
	}
	if !grantsOK {
		return nil, "needs the members' storbytilskudd (no municipality with it gets regionsentertilskudd)"
	}
	if metropolitan > 0 {
		return &zeroKroner, ""
	}
	return ptr(generalist.Kroner(r.rcMerger.v + r.rcInh.v*base)), ""
}

// rcAbolished reports whether the year's parameters abolish the
// regionsentertilskudd: both rates are published as 0 (from 2025 it has no
// post in chapter 571 and no column in 1-k; data/economy/README.md).
func (r *rules) rcAbolished() bool {
	return r.rcMerger.ok && r.rcInh.ok && r.rcMerger.v == 0 && r.rcInh.v == 0
}

// RegionalCentreAbolished reports whether the parameters of p's year
// abolish the regionsentertilskudd (both rates published as 0).
func RegionalCentreAbolished(p *Params) bool {
	a, errA := p.Get(RegionalCentrePerMerger)
	b, errB := p.Get(RegionalCentrePerInhabitant)
	return errA == nil && errB == nil && a == 0 && b == 0
}

// zeroKroner is a shared zero; results never modify what they point to.
var zeroKroner generalist.Kroner

// yearRows builds the year-by-year table: the inndelingstilskudd share,
// and the change of each part against the members staying separate.
func yearRows(r *rules, e *effect, cp Compensation, ie, rc, oneOff, reform *generalist.Kroner) []YearRow {
	rows := make([]YearRow, e.years)
	for i := range rows {
		idx := i + 1
		share := r.share(idx)
		row := YearRow{Index: idx, Year: r.p.Year + i, Share: share}
		if cp.Total != nil {
			row.Compensation = ptr(generalist.Kroner(share) * *cp.Total)
			row.CompensatedNet = ptr(generalist.Kroner(share-1) * *cp.Total)
		} else if share == 1 {
			row.CompensatedNet = &zeroKroner
		}
		row.IncomeEqualisation = ie
		row.RegionalCentre = rc
		if idx == 1 {
			row.OneOff, row.Reform = oneOff, reform
		} else {
			row.OneOff, row.Reform = &zeroKroner, &zeroKroner
		}
		if e.anyKnown(share, idx == 1) {
			known, _ := e.known(r, idx)
			row.Known = ptr(generalist.Kroner(known))
		}
		for _, part := range []struct {
			id string
			v  *generalist.Kroner
		}{{"compensated_net", row.CompensatedNet}, {"income_equalisation", row.IncomeEqualisation}, {"regional_centre_grant", row.RegionalCentre},
			{"one_off_grant", row.OneOff}, {"reform_support", row.Reform}} {
			if part.v == nil {
				row.Missing = append(row.Missing, part.id)
			}
		}
		row.Missing = append(row.Missing, "growth_grant", "metropolitan_grant")
		rows[i] = row
	}
	return rows
}

// RegionalCentreAbolishedFrom returns the first budget year of the run of
// years up to year whose parameters abolish the regionsentertilskudd, or
// 0 when year's parameters do not (or there are none).
func RegionalCentreAbolishedFrom(s ParamSet, year int) int {
	from := 0
	ys := s.Years()
	for i := len(ys) - 1; i >= 0; i-- {
		if ys[i] > year {
			continue
		}
		if !RegionalCentreAbolished(s[ys[i]]) {
			break
		}
		from = ys[i]
	}
	return from
}
