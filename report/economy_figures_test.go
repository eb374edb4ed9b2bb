package report

import (
	"strings"
	"testing"

	"generalist"
	"generalist/economy"
)

// TestFiguresKnownChange: the known change of a merger whose years all
// lack a known part is no data, never 0 kr; with some years known it is
// the sum of those years, and the parts left out are named.
func TestFiguresKnownChange(t *testing.T) {
	years := []economy.YearRow{{Index: 1, Missing: []string{"income_equalisation", "one_off_grant"}}, {Index: 2, Missing: []string{"income_equalisation"}}}
	f := Figures(&economy.Merger{Years: years})
	if f.KnownFirst != nil || f.KnownAll != nil {
		t.Errorf("nothing known: first %v, all %v; want no data (nil)", f.KnownFirst, f.KnownAll)
	}
	if strings.Join(f.NotInSum, ",") != "income_equalisation,one_off_grant" {
		t.Errorf("not in the sum: %v", f.NotInSum)
	}

	ie := generalist.Kroner(-1000)
	years = []economy.YearRow{{Index: 1, IncomeEqualisation: &ie, Known: &ie}, {Index: 2, IncomeEqualisation: &ie, Known: &ie}, {Index: 3, Missing: []string{"compensated_net"}}}
	f = Figures(&economy.Merger{Years: years, Components: []economy.Component{{ID: "income_equalisation", Change: &ie}}})
	if f.KnownFirst == nil || *f.KnownFirst != -1000 || f.KnownAll == nil || *f.KnownAll != -2000 {
		t.Errorf("income equalisation known: first %v, all %v; want -1000 and -2000", f.KnownFirst, f.KnownAll)
	}
	c := &Comparison{Lang: "nb"}
	if got := c.notInSum(f.NotInSum); got != "nedtrappingen av inndelingstilskuddet" {
		t.Errorf("not in the sum: %q", got)
	}
}
