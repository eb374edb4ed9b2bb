package economy

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"generalist"
)

// Parameter names. Every budget year's file in data/economy lists every one
// of them, with a value and a source, or with "value": null and the reason
// no source gives it. The names are the keys of the files.
const (
	// SymmetricRate is the share of the gap to the national average tax
	// per inhabitant that is equalised both ways (inntektsutjevning,
	// symmetrisk del).
	SymmetricRate = "income_equalisation.symmetric_rate"
	// AdditionalRate is the extra share of the gap below
	// AdditionalThreshold that low-tax municipalities get
	// (tilleggskompensasjon).
	AdditionalRate = "income_equalisation.additional_rate"
	// AdditionalThreshold is the share of the national average below
	// which the additional compensation applies.
	AdditionalThreshold = "income_equalisation.additional_threshold"
	// FinancingDeduction is the equal amount per inhabitant deducted from
	// every municipality to finance the additional compensation.
	FinancingDeduction = "income_equalisation.financing_deduction"
	// PerInhabitantRate is the innbyggertilskudd per inhabitant before
	// redistribution ("likt beløp per innbygger"), on the population of
	// 1 July the year before the budget year.
	PerInhabitantRate = "per_inhabitant_grant.rate"
	// NeedPerInhabitant is the national expenditure need per inhabitant
	// (beregningsteknisk utgiftsbehov) that the cost index scales.
	NeedPerInhabitant = "expenditure_equalisation.need_per_inhabitant"
	// BasisAmount is what the basis criterion of the cost key is worth to
	// one municipality (basistilskudd): the amount a merger loses per
	// municipality beyond the first.
	BasisAmount = "expenditure_equalisation.basis_amount"
	// CompensationFullYears is how many years the inndelingstilskudd is
	// paid in full.
	CompensationFullYears = "merger.compensation_full_years"
	// CompensationPhaseOutYears is how many years it is then phased out
	// over.
	CompensationPhaseOutYears = "merger.compensation_phase_out_years"
	// CompensationPhaseOutStep is the share of the frozen amount removed
	// in each phase-out year.
	CompensationPhaseOutStep = "merger.compensation_phase_out_step"
	// RegionalCentrePerMerger and RegionalCentrePerInhabitant are the
	// regionsentertilskudd to a merged municipality above
	// RegionalCentreMinPopulation inhabitants.
	RegionalCentrePerMerger     = "merger.regional_centre_grant_per_merger"
	RegionalCentrePerInhabitant = "merger.regional_centre_grant_per_inhabitant"
	RegionalCentreMinPopulation = "merger.regional_centre_grant_min_population"
	// OneOffGrant2, OneOffGrant3 and OneOffGrant4 are the engangstilskudd
	// (inndelingslova § 15) to a merger of 2, 3 and 4 municipalities.
	OneOffGrant2 = "merger.one_off_grant_2"
	OneOffGrant3 = "merger.one_off_grant_3"
	OneOffGrant4 = "merger.one_off_grant_4"
	// ReformSupport is the reformstøtte to a merger.
	ReformSupport = "merger.reform_support"
)

// Units of parameters.
const (
	UnitShare         = "share"              // a fraction, 0.6 for 60 %
	UnitNOKInhabitant = "NOK per inhabitant" // kroner per inhabitant
	UnitNOK           = "NOK"                // kroner
	UnitYears         = "years"              // whole years
	UnitPersons       = "persons"            // inhabitants
	UnitSharePerYear  = "share per year"     // fraction removed each year
)

// spec describes one parameter: its unit and the values it may take.
type spec struct {
	name    string
	unit    string
	min     float64
	max     float64
	integer bool
}

var specs = []spec{
	{SymmetricRate, UnitShare, 0, 1, false},
	{AdditionalRate, UnitShare, 0, 1, false},
	{AdditionalThreshold, UnitShare, 0, 1, false},
	{FinancingDeduction, UnitNOKInhabitant, 0, 100_000, false},
	{PerInhabitantRate, UnitNOKInhabitant, 0, 1_000_000, false},
	{NeedPerInhabitant, UnitNOKInhabitant, 0, 1_000_000, false},
	{BasisAmount, UnitNOK, 0, 1e10, false},
	{CompensationFullYears, UnitYears, 0, 100, true},
	{CompensationPhaseOutYears, UnitYears, 0, 100, true},
	{CompensationPhaseOutStep, UnitSharePerYear, 0, 1, false},
	{RegionalCentrePerMerger, UnitNOK, 0, 1e10, false},
	{RegionalCentrePerInhabitant, UnitNOKInhabitant, 0, 1e6, false},
	{RegionalCentreMinPopulation, UnitPersons, 0, 1e8, true},
	{OneOffGrant2, UnitNOK, 0, 1e10, false},
	{OneOffGrant3, UnitNOK, 0, 1e10, false},
	{OneOffGrant4, UnitNOK, 0, 1e10, false},
	{ReformSupport, UnitNOK, 0, 1e10, false},
}

// ParamNames lists every parameter name in the order of the files.
func ParamNames() []string {
	out := make([]string, len(specs))
	for i, s := range specs {
		out[i] = s.name
	}
	return out
}

// ParamUnit returns the unit of a parameter, or "" for an unknown name.
func ParamUnit(name string) string {
	for _, s := range specs {
		if s.name == name {
			return s.unit
		}
	}
	return ""
}

// Param is one parameter of a budget year as the file gives it. Value is
// nil when no source gives it; Missing then says why.
type Param struct {
	Value  *float64 `json:"value"`
	Unit   string   `json:"unit"`
	Source string   `json:"source"`
	// Missing explains a nil Value: what was looked for and not found.
	Missing string `json:"missing,omitempty"`
	// Assumption marks a value that is a modelling choice rather than a
	// published figure; Source then says what it rests on.
	Assumption bool `json:"assumption,omitempty"`
	// Derived marks a value computed from published tables (the method is
	// in Source and in data/economy/README.md) rather than read.
	Derived bool `json:"derived,omitempty"`
}

// Params are the income-system parameters of one budget year.
type Params struct {
	Year   int
	File   string // where they were read, for messages
	values map[string]Param
}

// NewParams checks that values holds every parameter exactly once, each
// with its unit, a value in range with a source, or no value with a
// reason, and returns them as Params for the budget year. The error names
// the file, the year and the parameter.
func NewParams(year int, file string, values map[string]Param) (*Params, error) {
	where := fmt.Sprintf("%s: budget year %d", file, year)
	if year < 1900 || year > 2200 {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: %d is not a budget year", file, year)
	}
	known := map[string]bool{}
	for _, s := range specs {
		known[s.name] = true
	}
	var unknown []string
	for name := range values {
		if !known[name] {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, generalist.Errorf(generalist.EINVALID, "%s: unknown parameter %q (the known ones are listed in data/economy/README.md)", where, unknown[0])
	}
	for _, s := range specs {
		p, ok := values[s.name]
		if !ok {
			return nil, generalist.Errorf(generalist.EINVALID,
				"%s: parameter %s is missing; list it with a value and a source, or with \"value\": null and \"missing\": the reason", where, s.name)
		}
		if p.Unit != s.unit {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: parameter %s: unit is %q, want %q", where, s.name, p.Unit, s.unit)
		}
		if p.Value == nil {
			if strings.TrimSpace(p.Missing) == "" {
				return nil, generalist.Errorf(generalist.EINVALID, "%s: parameter %s has no value and no \"missing\" reason", where, s.name)
			}
			continue
		}
		v := *p.Value
		if math.IsNaN(v) || math.IsInf(v, 0) || v < s.min || v > s.max {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: parameter %s: %g is outside %g–%g %s", where, s.name, v, s.min, s.max, s.unit)
		}
		if s.integer && v != math.Trunc(v) {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: parameter %s: %g is not a whole number of %s", where, s.name, v, s.unit)
		}
		if strings.TrimSpace(p.Source) == "" {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: parameter %s has a value but no source", where, s.name)
		}
		if p.Missing != "" {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: parameter %s has both a value and a \"missing\" reason", where, s.name)
		}
	}
	cp := make(map[string]Param, len(values))
	for k, v := range values {
		cp[k] = v
	}
	return &Params{Year: year, File: file, values: cp}, nil
}

// Get returns the value of a parameter. A parameter without a value is an
// ENOTFOUND error that names it, the year and the reason; an unknown name
// is a programming error and panics.
func (p *Params) Get(name string) (float64, error) {
	v, ok := p.values[name]
	if !ok {
		panic("economy: unknown parameter " + name)
	}
	if v.Value == nil {
		return 0, generalist.Errorf(generalist.ENOTFOUND, "budget year %d: parameter %s has no value (%s)", p.Year, name, v.Missing)
	}
	return *v.Value, nil
}

// Param returns a parameter as the file gives it.
func (p *Params) Param(name string) Param {
	v, ok := p.values[name]
	if !ok {
		panic("economy: unknown parameter " + name)
	}
	return v
}

// NamedParam is a parameter with its name, for listings.
type NamedParam struct {
	Name string `json:"name"`
	Param
}

// All returns every parameter in the order of ParamNames.
func (p *Params) All() []NamedParam {
	out := make([]NamedParam, 0, len(specs))
	for _, s := range specs {
		out = append(out, NamedParam{Name: s.name, Param: p.values[s.name]})
	}
	return out
}

// With returns a copy of p with one parameter replaced; tests and what-if
// analyses use it. It fails like NewParams on an invalid value.
func (p *Params) With(name string, v Param) (*Params, error) {
	values := make(map[string]Param, len(p.values))
	for k, x := range p.values {
		values[k] = x
	}
	values[name] = v
	return NewParams(p.Year, p.File, values)
}

// ParamSet holds the parameters of several budget years.
type ParamSet map[int]*Params

// Year returns the parameters of a budget year, or an ENOTFOUND error that
// lists the years there are.
func (s ParamSet) Year(year int) (*Params, error) {
	if p, ok := s[year]; ok {
		return p, nil
	}
	return nil, generalist.Errorf(generalist.ENOTFOUND, "no income-system parameters for budget year %d (there are files for %s)", year, yearList(s.Years()))
}

// Years returns the budget years in s, oldest first.
func (s ParamSet) Years() []int {
	ys := make([]int, 0, len(s))
	for y := range s {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	return ys
}

// yearList formats years as "2015–2025" when they are consecutive.
func yearList(ys []int) string {
	if len(ys) == 0 {
		return "no year"
	}
	if ys[len(ys)-1]-ys[0] == len(ys)-1 {
		if len(ys) == 1 {
			return fmt.Sprint(ys[0])
		}
		return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
	}
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = fmt.Sprint(y)
	}
	return strings.Join(parts, ", ")
}
