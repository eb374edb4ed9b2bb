package economy_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"generalist"
	"generalist/economy"
)

// addKnown adds a known change to a sum of known changes; nil ("no
// data") plus nil stays nil.
func addKnown(sum, k *generalist.Kroner) *generalist.Kroner {
	if k == nil {
		return sum
	}
	v := *k
	if sum != nil {
		v += *sum
	}
	return &v
}

// sameKroner reports whether a and b are both no data or both the same
// amount.
func sameKroner(a, b *generalist.Kroner) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(float64(*a-*b)) <= 1e-6
}

// hjelmelandSuldalSauda are outside the shipped sample: no tax, no block
// grant, and in 2025 no basis amount, one-off grant or reform support.
var hjelmelandSuldalSauda = []generalist.MunicipalityNumber{"1133", "1134", "1135"}

// TestKnownChangeOfNothingIsNoData: a merger whose every part lacks data
// has no known change in any year, in MergerEffect, in Evaluate and in
// their JSON (null), never 0 kr; the parts that are zero by rule alone
// (the inndelingstilskudd net while paid in full, the one-off grant after
// the first year) do not make one.
func TestKnownChangeOfNothingIsNoData(t *testing.T) {
	m := MustModel(t)
	p := mustYear(t, m, 2025)
	r, err := economy.MergerEffect(p, m.Data, hjelmelandSuldalSauda)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Years) != 20 {
		t.Fatalf("%d years, want 20", len(r.Years))
	}
	for _, y := range r.Years {
		if y.Known != nil {
			t.Errorf("%d: known change %v with every part missing (%v); want no data", y.Year, *y.Known, y.Missing)
		}
	}
	b, err := json.Marshal(r.Years[1])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"known_change":null`) {
		t.Errorf("JSON of a year without data: %s; want known_change null", b)
	}
	o, err := economy.Evaluate(p, m.Data, []economy.Group{{Name: "Ryfylke", Members: hjelmelandSuldalSauda}})
	if err != nil {
		t.Fatal(err)
	}
	if g := o.Groups[0]; g.KnownChange != nil || g.KnownChangeAllYears != nil || o.KnownChange != nil || o.KnownChangeAllYears != nil {
		t.Errorf("Evaluate: group %v / %v, outcome %v / %v; want no data", val(g.KnownChange), val(g.KnownChangeAllYears), val(o.KnownChange), val(o.KnownChangeAllYears))
	}
	b, err = json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{`"known_change_first_year":null`, `"known_change_all_years":null`} {
		if strings.Count(string(b), f) != 2 {
			t.Errorf("outcome JSON %s: want %s for the group and the sum", b, f)
		}
	}
}

// TestKnownChangeOfSomeParts: with only the one-off grant known (a
// what-if parameter), the first year's known change is the grant and the
// later years, where nothing is known, are no data; the sum over all
// years is the first year's. A merger with data in the sample mixed in
// sums only its known parts.
func TestKnownChangeOfSomeParts(t *testing.T) {
	m := MustModel(t)
	p := with(t, mustYear(t, m, 2025), economy.OneOffGrant3, 30e6)
	r, err := economy.MergerEffect(p, m.Data, hjelmelandSuldalSauda)
	if err != nil {
		t.Fatal(err)
	}
	if y := r.Years[0]; val(y.Known) != 30e6 || !contains(y.Missing, "income_equalisation") {
		t.Errorf("year 1: known %v, missing %v; want 30 000 000 (the one-off grant) with the income equalisation missing", val(y.Known), y.Missing)
	}
	for _, y := range r.Years[1:] {
		if y.Known != nil {
			t.Errorf("%d: known change %v; want no data", y.Year, *y.Known)
		}
	}
	o, err := economy.Evaluate(p, m.Data, []economy.Group{{Name: "Ryfylke", Members: hjelmelandSuldalSauda}, {Name: "Dalane", Members: sokndalLund}})
	if err != nil {
		t.Fatal(err)
	}
	g := o.Groups[0]
	if val(g.KnownChange) != 30e6 || val(g.KnownChangeAllYears) != 30e6 {
		t.Errorf("Ryfylke: known %v, all years %v; want 30 000 000 both", val(g.KnownChange), val(g.KnownChangeAllYears))
	}
	if d := o.Groups[1]; d.KnownChange == nil || math.Abs(val(d.KnownChange)) > 0.01 || !sameKroner(o.KnownChange, addKnown(g.KnownChange, d.KnownChange)) {
		t.Errorf("Dalane known %v, outcome %v; want a known 0 (the income equalisation adds up) and the sum of the groups", val(d.KnownChange), val(o.KnownChange))
	}
}
