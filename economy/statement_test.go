package economy_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"generalist"
	"generalist/economy"
)

func TestShow(t *testing.T) {
	m := MustModel(t)
	t.Run("Sample", func(t *testing.T) {
		s, err := economy.Show(m, "1111", 2025)
		if err != nil {
			t.Fatal(err)
		}
		if ore(s.TaxPerInhabitant) != 36076.14 || math.Abs(val(s.IncomeEqualisationPerInhabitant)-4150.06) >= 0.01 || ore(s.PublishedIncomeEqualisation) != 4150.06 {
			t.Errorf("tax %v, equalisation %v (KDD %v)", val(s.TaxPerInhabitant), val(s.IncomeEqualisationPerInhabitant), val(s.PublishedIncomeEqualisation))
		}
		if *s.Population != 3371 || *s.PopulationBasis != 3372 || *s.CostIndex != 1.1407 {
			t.Errorf("population %v, basis %v, cost index %v", *s.Population, *s.PopulationBasis, *s.CostIndex)
		}
		if !slices.Equal(s.Missing, []string{"expenditure_equalisation_per_inhabitant"}) || !strings.Contains(s.Reasons[s.Missing[0]], "need_per_inhabitant") {
			t.Errorf("missing %v (%v)", s.Missing, s.Reasons)
		}
		// free income = 1-k total + tax + income equalisation
		want := 151193000 + 36076.14*3371 + val(s.IncomeEqualisationPerInhabitant)*3371
		if math.Abs(val(s.FreeIncome)-want) > 1e-3 {
			t.Errorf("free income %v, want %v", val(s.FreeIncome), want)
		}
	})
	t.Run("NoData", func(t *testing.T) {
		s, err := economy.Show(m, "1101", 2025) // Eigersund: cost index only
		if err != nil {
			t.Fatal(err)
		}
		if s.TaxPerInhabitant != nil || s.IncomeEqualisationPerInhabitant != nil || s.BlockGrant != nil || *s.CostIndex != 1.0304 {
			t.Errorf("statement %+v, want no tax, equalisation or grants, cost index 1.0304", s)
		}
		for _, f := range []string{"tax_per_inhabitant", "income_equalisation_per_inhabitant", "block_grant", "free_income"} {
			if !slices.Contains(s.Missing, f) || s.Reasons[f] == "" {
				t.Errorf("%s not listed as missing with a reason: %v", f, s.Missing)
			}
		}
	})
	t.Run("WithNeed", func(t *testing.T) {
		p := with(t, mustYear(t, m, 2025), economy.NeedPerInhabitant, 70000)
		mm := &economy.Model{Params: economy.ParamSet{2025: p}, Data: m.Data}
		s, _ := economy.Show(mm, "1111", 2025)
		if math.Abs(val(s.ExpenditureEqualisationPerInhabitant)-0.1407*70000) > 1e-6 {
			t.Errorf("expenditure equalisation %v, want 0.1407 × 70 000", val(s.ExpenditureEqualisationPerInhabitant))
		}
	})
	t.Run("ErrYear", func(t *testing.T) {
		_, err := economy.Show(m, "1111", 2026)
		if generalist.ErrorCode(err) != generalist.ENOTFOUND || !strings.Contains(err.Error(), "budget year 2026 (there are files for 2015–2025)") {
			t.Errorf("Show(2026) = %v", err)
		}
	})
	t.Run("ErrMunicipality", func(t *testing.T) {
		_, err := economy.Show(m, "1199", 2025)
		if generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("Show(1199) = %v", err)
		}
	})
}
