package economy

import (
	"strings"
	"testing"

	"generalist"
)

// fullParams returns a valid parameter set for a year: every parameter
// with a value, so tests can blank or break one at a time.
func fullParams(tb testing.TB, year int) map[string]Param {
	tb.Helper()
	vals := map[string]float64{
		SymmetricRate: 0.6, AdditionalRate: 0.35, AdditionalThreshold: 0.9, FinancingDeduction: 400,
		PerInhabitantRate: 30000, NeedPerInhabitant: 70000, BasisAmount: 15_000_000,
		CompensationFullYears: 15, CompensationPhaseOutYears: 5, CompensationPhaseOutStep: 0.2,
		RegionalCentrePerMerger: 3_344_000, RegionalCentrePerInhabitant: 70, RegionalCentreMinPopulation: 8000,
		OneOffGrant2: 25e6, OneOffGrant3: 35e6, OneOffGrant4: 45e6, ReformSupport: 5e6,
	}
	out := map[string]Param{}
	for _, name := range ParamNames() {
		v, ok := vals[name]
		if !ok {
			tb.Fatalf("no test value for %s", name)
		}
		out[name] = Param{Value: &v, Unit: ParamUnit(name), Source: "test"}
	}
	return out
}

// MustParams returns fullParams as Params, with changes applied.
func MustParams(tb testing.TB, year int, changes map[string]*float64) *Params {
	tb.Helper()
	vals := fullParams(tb, year)
	for name, v := range changes {
		p := vals[name]
		p.Value = v
		if v == nil {
			p.Missing = "not found (test)"
			p.Source = ""
		}
		vals[name] = p
	}
	p, err := NewParams(year, "test.json", vals)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestNewParams(t *testing.T) {
	for _, tt := range []struct {
		name   string
		change func(map[string]Param)
		want   string
	}{
		{"OK", func(map[string]Param) {}, ""},
		{"ErrMissing", func(m map[string]Param) { delete(m, FinancingDeduction) },
			"test.json: budget year 2024: parameter income_equalisation.financing_deduction is missing"},
		{"ErrUnknown", func(m map[string]Param) { m["income_equalisation.symetric_rate"] = Param{} },
			`unknown parameter "income_equalisation.symetric_rate"`},
		{"ErrNullWithoutReason", func(m map[string]Param) { m[BasisAmount] = Param{Unit: UnitNOK} },
			"parameter expenditure_equalisation.basis_amount has no value and no \"missing\" reason"},
		{"ErrNoSource", func(m map[string]Param) { p := m[SymmetricRate]; p.Source = " "; m[SymmetricRate] = p },
			"parameter income_equalisation.symmetric_rate has a value but no source"},
		{"ErrUnit", func(m map[string]Param) { p := m[SymmetricRate]; p.Unit = "percent"; m[SymmetricRate] = p },
			`unit is "percent", want "share"`},
		{"ErrRange", func(m map[string]Param) { v := 60.0; p := m[SymmetricRate]; p.Value = &v; m[SymmetricRate] = p },
			"60 is outside 0–1 share"},
		{"ErrWhole", func(m map[string]Param) {
			v := 15.5
			p := m[CompensationFullYears]
			p.Value = &v
			m[CompensationFullYears] = p
		}, "15.5 is not a whole number of years"},
		{"ErrBoth", func(m map[string]Param) { p := m[SymmetricRate]; p.Missing = "x"; m[SymmetricRate] = p },
			"has both a value and a \"missing\" reason"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			vals := fullParams(t, 2024)
			tt.change(vals)
			_, err := NewParams(2024, "test.json", vals)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("NewParams = %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || generalist.ErrorCode(err) != generalist.EINVALID {
				t.Fatalf("NewParams = %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
}

func TestParamsGet(t *testing.T) {
	p := MustParams(t, 2025, map[string]*float64{BasisAmount: nil})
	if v, err := p.Get(SymmetricRate); err != nil || v != 0.6 {
		t.Errorf("Get(%s) = %v, %v, want 0.6, nil", SymmetricRate, v, err)
	}
	_, err := p.Get(BasisAmount)
	want := "budget year 2025: parameter expenditure_equalisation.basis_amount has no value (not found (test))"
	if err == nil || err.Error() != want || generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("Get(%s) = %v, want ENOTFOUND %q", BasisAmount, err, want)
	}
	ps := ParamSet{2024: p, 2025: p}
	_, err = ps.Year(2031)
	if err == nil || !strings.Contains(err.Error(), "no income-system parameters for budget year 2031 (there are files for 2024–2025)") {
		t.Errorf("Year(2031) = %v", err)
	}
}

func TestParamsWith(t *testing.T) {
	p := MustParams(t, 2025, nil)
	v := 0.7
	q, err := p.With(SymmetricRate, Param{Value: &v, Unit: UnitShare, Source: "what-if"})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := q.Get(SymmetricRate); got != 0.7 {
		t.Errorf("With: %v, want 0.7", got)
	}
	if got, _ := p.Get(SymmetricRate); got != 0.6 {
		t.Errorf("With changed the original: %v", got)
	}
}
