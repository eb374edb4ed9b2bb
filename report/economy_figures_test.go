package report

import (
	"testing"

	"generalist"
	"generalist/economy"
)

// TestFiguresKnownChange: the known change of a merger whose parts all
// lack data is no data, never 0 kr; with one part known it is the sum of
// the years' known parts.
func TestFiguresKnownChange(t *testing.T) {
	zero := generalist.Kroner(0)
	years := []economy.YearRow{{Index: 1, OneOff: nil, Reform: nil}, {Index: 2, OneOff: &zero, Reform: &zero}}
	f := Figures(&economy.Merger{Years: years})
	if f.KnownFirst != nil || f.KnownAll != nil {
		t.Errorf("nothing known: first %v, all %v; want no data (nil)", f.KnownFirst, f.KnownAll)
	}

	ie := generalist.Kroner(-1000)
	years = []economy.YearRow{{Index: 1, IncomeEqualisation: &ie, Known: -1000}, {Index: 2, IncomeEqualisation: &ie, Known: -1000}}
	f = Figures(&economy.Merger{Years: years, Components: []economy.Component{{ID: "income_equalisation", Change: &ie}}})
	if f.KnownFirst == nil || *f.KnownFirst != -1000 || f.KnownAll == nil || *f.KnownAll != -2000 {
		t.Errorf("income equalisation known: first %v, all %v; want -1000 and -2000", f.KnownFirst, f.KnownAll)
	}
}
