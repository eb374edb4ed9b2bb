package economy_test

import (
	"math"
	"strings"
	"testing"

	"generalist"
	"generalist/economy"
)

func TestEvaluateSample(t *testing.T) {
	m := MustModel(t)
	o, err := economy.Evaluate(mustYear(t, m, 2024), m.Data, []economy.Group{{Name: "Dalane", Members: sokndalLund}})
	if err != nil {
		t.Fatal(err)
	}
	if o.Deduction != nil || o.TaxCoverage != 7 || o.Municipalities != 357 || o.Reasons["financing_deduction"] == "" {
		t.Errorf("outcome %+v: want the deduction held (7 of 357 municipalities with tax)", o)
	}
	if ore(o.KnownChange) != -475794.96 || math.Abs(val(o.KnownChangeAllYears)-20*val(o.KnownChange)) > 1e-6 {
		t.Errorf("known change %v (all years %v)", val(o.KnownChange), val(o.KnownChangeAllYears))
	}
}

func TestEvaluateErrors(t *testing.T) {
	m := MustModel(t)
	_, err := economy.Evaluate(mustYear(t, m, 2025), m.Data, []economy.Group{{Name: "A", Members: sokndalLund}, {Name: "B", Members: []generalist.MunicipalityNumber{"1101", "1112"}}})
	if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), "kommune 1112 is in merger 1 (A) and merger 2 (B)") {
		t.Errorf("overlapping groups: %v", err)
	}
	_, err = economy.Evaluate(mustYear(t, m, 2025), m.Data, []economy.Group{{Name: "A", Members: []generalist.MunicipalityNumber{"1111"}}})
	if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), "merger 1 (A): a merger needs at least two") {
		t.Errorf("one-member group: %v", err)
	}
}

// country returns the shipped model with synthetic tax and block-grant
// rows for every municipality in 2025, standing in for an analyst's
// imported whole-country tables. The values are made up (a deterministic
// spread around the average); they exercise the code, not the economy.
func country(tb testing.TB) (*economy.Params, *economy.Data, []economy.Group) {
	tb.Helper()
	m := MustModel(tb)
	d := economy.NewData()
	d.Overlay(m.Data)
	nums := d.Municipalities()
	var taxSum, popSum float64
	for i, n := range nums {
		k := economy.Key{Municipality: n, Year: 2025}
		pop, ok := d.Population[k]
		if !ok {
			tb.Fatalf("no 2025 population for %s", n)
		}
		tax := 42269.58 * (0.7 + 0.8*float64((i*37)%101)/100)
		d.Settlements[k] = economy.Settlement{Municipality: n, Year: 2025, TaxPerInhabitant: tax}
		d.Grants[k] = economy.Grants{Municipality: n, Year: 2025, PerInhabitant: generalist.Kroner(31469.73127431 * float64(pop)), DistrictSouth: generalist.Kroner(1000 * (i % 3))}
		taxSum += tax * float64(pop)
		popSum += float64(pop)
	}
	d.NationalTax[2025] = taxSum / popSum
	var groups []economy.Group
	for i := 0; i+3 <= len(nums); i += 3 {
		groups = append(groups, economy.Group{Name: string(nums[i]), Members: nums[i : i+3]})
	}
	return mustYear(tb, m, 2025), d, groups
}

// TestEvaluateCountry: with tax for every municipality the deduction is
// recomputed, and what the mergers save on additional compensation comes
// back to everyone through a lower deduction: the changes sum to zero.
func TestEvaluateCountry(t *testing.T) {
	p, d, groups := country(t)
	o, err := economy.Evaluate(p, d, groups)
	if err != nil {
		t.Fatal(err)
	}
	if o.Deduction == nil || o.TaxCoverage != 357 {
		t.Fatalf("deduction %v, coverage %d: want recomputed from 357", o.Deduction, o.TaxCoverage)
	}
	if o.Deduction.After >= o.Deduction.Before {
		t.Errorf("deduction %v → %v, want lower after mergers", o.Deduction.Before, o.Deduction.After)
	}
	sum := float64(o.Deduction.Others)
	for _, g := range o.Groups {
		sum += val(g.IncomeEqualisation)
	}
	if math.Abs(sum) > 1 {
		t.Errorf("income equalisation changes sum to %v kr, want 0", sum)
	}
}

// BenchmarkEvaluateCountry evaluates a whole-country scenario: 119
// mergers of three covering 357 municipalities, with tax and grants for
// every one, including preparing the country.
func BenchmarkEvaluateCountry(b *testing.B) {
	p, d, groups := country(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := economy.Evaluate(p, d, groups); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(groups)), "groups")
}

// BenchmarkCountryEvaluate is the same scenario on a prepared country, as
// a search or an editor evaluating many scenarios of one year would run it.
func BenchmarkCountryEvaluate(b *testing.B) {
	p, d, groups := country(b)
	c := economy.Prepare(p, d)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Evaluate(groups); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrepare looks up every municipality's inputs for a year.
func BenchmarkPrepare(b *testing.B) {
	p, d, _ := country(b)
	b.ReportAllocs()
	for b.Loop() {
		economy.Prepare(p, d)
	}
}

// TestEvaluateAgreesWithMergerEffect: the scenario evaluation's summary is
// the sum of MergerEffect's year-by-year table.
func TestEvaluateAgreesWithMergerEffect(t *testing.T) {
	m := MustModel(t)
	for _, year := range []int{2021, 2024, 2025} {
		p := with(t, mustYear(t, m, year), economy.BasisAmount, 12e6)
		for _, members := range [][]generalist.MunicipalityNumber{sokndalLund, {"0301", "4601"}, {"1121", "1144", "1145"}} {
			me, err := economy.MergerEffect(p, m.Data, members)
			if err != nil {
				t.Fatal(err)
			}
			o, err := economy.Evaluate(p, m.Data, []economy.Group{{Name: "g", Members: members}})
			if err != nil {
				t.Fatal(err)
			}
			var all *generalist.Kroner
			for _, y := range me.Years {
				all = addKnown(all, y.Known)
			}
			g := o.Groups[0]
			if !sameKroner(g.KnownChange, me.Years[0].Known) || !sameKroner(g.KnownChangeAllYears, all) {
				t.Errorf("%d %v: Evaluate %v / %v, MergerEffect %v / %v", year, members, val(g.KnownChange), val(g.KnownChangeAllYears), val(me.Years[0].Known), val(all))
			}
		}
	}
}

func TestForScenario(t *testing.T) {
	m := MustModel(t)
	s := &generalist.Scenario{Name: "Dalane", Structure: generalist.Structure2024, Year: 2026,
		Mergers: []generalist.Merger{{Name: "Sokndal og Lund", Members: sokndalLund, Centre: "1111"}}}
	o, err := economy.ForScenario(m, s)
	if err != nil {
		t.Fatal(err)
	}
	if o.Year != 2025 || o.ScenarioYear != 2026 || len(o.Groups) != 1 || !strings.Contains(o.Reasons["budget_year"], "the income system of 2025") {
		t.Errorf("ForScenario = year %d (scenario %d), %d groups, reasons %v", o.Year, o.ScenarioYear, len(o.Groups), o.Reasons)
	}
	s.Structure = generalist.Structure2020
	if _, err := economy.ForScenario(m, s); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("ForScenario on the 2020 structure = %v, want EINVALID", err)
	}
}

// BenchmarkForScenario is the economy section of a whole-country scenario
// outcome as the scenario evaluation would get it: 119 mergers on a
// country prepared once per budget year.
func BenchmarkForScenario(b *testing.B) {
	p, d, groups := country(b)
	m := &economy.Model{Params: economy.ParamSet{2025: p}, Data: d}
	s := &generalist.Scenario{Name: "bench", Structure: generalist.Structure2024, Year: 2025}
	for _, g := range groups {
		s.Mergers = append(s.Mergers, generalist.Merger{Name: g.Name, Members: g.Members, Centre: g.Members[0]})
	}
	if _, err := economy.ForScenario(m, s); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := economy.ForScenario(m, s); err != nil {
			b.Fatal(err)
		}
	}
}
