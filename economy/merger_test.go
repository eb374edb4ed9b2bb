package economy_test

import (
	"math"
	"strings"
	"testing"

	"generalist"
	"generalist/economy"
)

func mustYear(tb testing.TB, m *economy.Model, year int) *economy.Params {
	tb.Helper()
	p, err := m.Params.Year(year)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func with(tb testing.TB, p *economy.Params, name string, v float64) *economy.Params {
	tb.Helper()
	q, err := p.With(name, economy.Param{Value: &v, Unit: economy.ParamUnit(name), Source: "test"})
	if err != nil {
		tb.Fatal(err)
	}
	return q
}

func component(tb testing.TB, m *economy.Merger, id string) economy.Component {
	tb.Helper()
	for _, c := range m.Components {
		if c.ID == id {
			return c
		}
	}
	tb.Fatalf("no component %s", id)
	return economy.Component{}
}

func val(k *generalist.Kroner) float64 {
	if k == nil {
		return math.NaN()
	}
	return float64(*k)
}

func ore(k *generalist.Kroner) float64 { return generalist.RoundOre(val(k)) }

var sokndalLund = []generalist.MunicipalityNumber{"1111", "1112"}

// TestMergerSokndalLund2024 is the documented example of issue 9 under the
// 2024 system: Sokndal (88.9 % of the average tax) gets additional
// compensation, Lund (91.8 %) does not, and merged (90.35 %) they lose it.
func TestMergerSokndalLund2024(t *testing.T) {
	m := MustModel(t)
	r, err := economy.MergerEffect(mustYear(t, m, 2024), m.Data, sokndalLund)
	if err != nil {
		t.Fatal(err)
	}
	if *r.Population != 3347+3226 || ore(r.TaxPerInhabitant) != 34733.06 {
		t.Errorf("merged population %v, tax %v, want 6573 and 34 733.06", *r.Population, ore(r.TaxPerInhabitant))
	}
	// Sokndal's additional compensation: 0.35 × (0.9 × 38 444.41 − 34 193.81) × 3 347.
	lost := -0.35 * (0.9*38444.41 - 34193.81) * 3347
	ie := component(t, r, "income_equalisation")
	if math.Abs(val(ie.Change)-lost) > 0.01 || ore(ie.Change) != -475794.96 {
		t.Errorf("income equalisation change %v, want %.2f", ore(ie.Change), lost)
	}
	// Table 2-k, 1,000 NOK: 99 190.51021154 + 96 505.65429604.
	pig := component(t, r, "per_inhabitant_grant")
	if ore(pig.Separate) != 195696164.51 || ore(pig.Change) != 0 || pig.Rule != economy.RuleAddsUp {
		t.Errorf("innbyggertilskudd %+v, want 195 696 164.51 adding up", pig)
	}
	if c := component(t, r, "district_grants"); ore(c.Separate) != 5577000 || c.Merged != nil {
		t.Errorf("district grants %+v, want separate 5 577 000 and merged no data", c)
	}
	if r.Compensation.Total != nil || r.Compensation.FullYears != 15 || r.Compensation.PhaseOutYears != 5 {
		t.Errorf("inndelingstilskudd %+v, want no data, 15 + 5 years", r.Compensation)
	}
	if len(r.Years) != 20 {
		t.Fatalf("%d years, want 20", len(r.Years))
	}
	wantShare := []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.8, 0.6, 0.4, 0.2, 0}
	for i, y := range r.Years {
		if y.Index != i+1 || y.Year != 2024+i || math.Abs(y.Share-wantShare[i]) > 1e-12 {
			t.Errorf("year %d: index %d, year %d, share %v; want %d, %d, %v", i, y.Index, y.Year, y.Share, i+1, 2024+i, wantShare[i])
		}
		if (y.Share == 1) != (y.CompensatedNet != nil) {
			t.Errorf("year %d: compensated net %v with share %v; want 0 while paid in full and no data after", y.Index, y.CompensatedNet, y.Share)
		}
		if ore(y.IncomeEqualisation) != -475794.96 || ore(y.Known) != -475794.96 {
			t.Errorf("year %d: income equalisation %v, known %v", y.Index, ore(y.IncomeEqualisation), val(y.Known))
		}
		if !contains(y.Missing, "regional_centre_grant") || !contains(y.Missing, "growth_grant") {
			t.Errorf("year %d: missing %v", y.Index, y.Missing)
		}
	}
	if !contains(r.Years[0].Missing, "one_off_grant") || contains(r.Years[1].Missing, "one_off_grant") {
		t.Errorf("one-off grant: year 1 missing %v, year 2 missing %v", r.Years[0].Missing, r.Years[1].Missing)
	}
	for _, id := range []string{"basis_amount", "expenditure_equalisation", "district_grants", "regional_centre_grant", "inndelingstilskudd", "one_off_grant", "reform_support"} {
		if r.Reasons[id] == "" {
			t.Errorf("no reason for missing %s (missing %v)", id, r.Missing)
		}
	}
	if len(r.Parameters) == 0 || r.Parameters[0].Source == "" {
		t.Errorf("parameters not listed with sources: %v", r.Parameters)
	}
}

// TestMergerSokndalLund2025: both are below 90 % in 2025, so the income
// equalisation adds up; the regionsentertilskudd is abolished.
func TestMergerSokndalLund2025(t *testing.T) {
	m := MustModel(t)
	r, err := economy.MergerEffect(mustYear(t, m, 2025), m.Data, sokndalLund)
	if err != nil {
		t.Fatal(err)
	}
	if ie := component(t, r, "income_equalisation"); math.Abs(val(ie.Change)) > 0.01 {
		t.Errorf("income equalisation change %v, want 0", val(ie.Change))
	}
	if rc := component(t, r, "regional_centre_grant"); val(rc.Merged) != 0 || val(rc.Change) != 0 {
		t.Errorf("regionsentertilskudd %+v, want 0 (abolished from 2025)", rc)
	}
	y1 := r.Years[0]
	if y1.Known == nil || math.Abs(val(y1.Known)) > 0.01 || !contains(y1.Missing, "one_off_grant") || contains(y1.Missing, "regional_centre_grant") {
		t.Errorf("year 1: known %v, missing %v", val(y1.Known), y1.Missing)
	}
}

// TestMergerWithBasisAmount: with a basis amount (here a what-if value)
// and members without district grants, the inndelingstilskudd is known,
// pays in full for 15 years and then falls by a fifth a year.
func TestMergerWithBasisAmount(t *testing.T) {
	m := MustModel(t)
	p := with(t, mustYear(t, m, 2025), economy.BasisAmount, 15e6)
	r, err := economy.MergerEffect(p, m.Data, []generalist.MunicipalityNumber{"0301", "4601", "1121"})
	if err != nil {
		t.Fatal(err)
	}
	if val(r.Compensation.Basis) != 30e6 || val(r.Compensation.Regional) != 0 || val(r.Compensation.Total) != 30e6 {
		t.Fatalf("inndelingstilskudd %+v, want basis 30 mill. (2 × 15), regional 0", r.Compensation)
	}
	utg := component(t, r, "expenditure_equalisation")
	if math.Abs(val(utg.Change)+30e6) > 1e-6 {
		t.Errorf("expenditure equalisation change %v, want −30 mill.", val(utg.Change))
	}
	for _, tt := range []struct {
		index     int
		comp, net float64
	}{{1, 30e6, 0}, {15, 30e6, 0}, {16, 24e6, -6e6}, {19, 6e6, -24e6}, {20, 0, -30e6}} {
		y := r.Years[tt.index-1]
		if math.Abs(val(y.Compensation)-tt.comp) > 1e-6 || math.Abs(val(y.CompensatedNet)-tt.net) > 1e-6 {
			t.Errorf("year %d: inndelingstilskudd %v, net %v; want %v, %v", tt.index, val(y.Compensation), val(y.CompensatedNet), tt.comp, tt.net)
		}
	}
	if r.Reasons["inndelingstilskudd"] != "" {
		t.Errorf("inndelingstilskudd marked missing: %s", r.Reasons["inndelingstilskudd"])
	}
}

// TestMerger2021 uses the 2021 rates: one-off grant by number of members,
// and regionsentertilskudd only above the threshold (a what-if value, as
// only "about 8,000" is documented).
func TestMerger2021(t *testing.T) {
	m := MustModel(t)
	p := mustYear(t, m, 2021)
	r, err := economy.MergerEffect(p, m.Data, sokndalLund)
	if err != nil {
		t.Fatal(err)
	}
	if val(component(t, r, "one_off_grant").Merged) != 25e6 {
		t.Errorf("one-off grant to 2: %v, want 25 mill.", val(component(t, r, "one_off_grant").Merged))
	}
	if !strings.Contains(r.Reasons["regional_centre_grant"], "merger.regional_centre_grant_min_population") {
		t.Errorf("regionsentertilskudd reason %q, want the missing threshold named", r.Reasons["regional_centre_grant"])
	}
	p = with(t, p, economy.RegionalCentreMinPopulation, 8000)
	r, _ = economy.MergerEffect(p, m.Data, sokndalLund)
	if rc := component(t, r, "regional_centre_grant"); val(rc.Merged) != 0 {
		t.Errorf("regionsentertilskudd to 6 600 inhabitants: %v, want 0", val(rc.Merged))
	}
	r, _ = economy.MergerEffect(p, m.Data, []generalist.MunicipalityNumber{"1111", "1112", "1121"})
	if val(component(t, r, "one_off_grant").Merged) != 35e6 {
		t.Errorf("one-off grant to 3: %v, want 35 mill.", val(component(t, r, "one_off_grant").Merged))
	}
	// 2021 has no 1-k sample, so whether a member gets storbytilskudd is unknown.
	if rc := component(t, r, "regional_centre_grant"); rc.Merged != nil || !strings.Contains(r.Reasons["regional_centre_grant"], "storbytilskudd") {
		t.Errorf("regionsentertilskudd to 26 000 inhabitants without 1-k: %v (%s), want no data", val(rc.Merged), r.Reasons["regional_centre_grant"])
	}
	r, _ = economy.MergerEffect(p, m.Data, []generalist.MunicipalityNumber{"1111", "1112", "1121", "1144", "1145"})
	if !strings.Contains(r.Reasons["one_off_grant"], "merger of 5 municipalities") {
		t.Errorf("one-off grant to 5: reason %q", r.Reasons["one_off_grant"])
	}
}

func TestMergerErrors(t *testing.T) {
	m := MustModel(t)
	p := mustYear(t, m, 2025)
	for _, tt := range []struct {
		name    string
		members []generalist.MunicipalityNumber
		code    string
		want    string
	}{
		{"ErrOne", []generalist.MunicipalityNumber{"1111"}, generalist.EINVALID, "at least two municipalities, got 1"},
		{"ErrTwice", []generalist.MunicipalityNumber{"1111", "1111"}, generalist.EINVALID, "kommune 1111 is listed twice"},
		{"ErrUnknown", []generalist.MunicipalityNumber{"1111", "1199"}, generalist.ENOTFOUND, "kommune 1199 is not in the 2024 structure"},
		{"ErrSyntax", []generalist.MunicipalityNumber{"1111", "111"}, generalist.EINVALID, "must be exactly 4 digits"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := economy.MergerEffect(p, m.Data, tt.members)
			if generalist.ErrorCode(err) != tt.code || err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("MergerEffect(%v) = %v, want %s %q", tt.members, err, tt.code, tt.want)
			}
		})
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
