package atlas_test

import (
	"context"
	"testing"

	"generalist"
	"generalist/atlas"
)

// TestAnalyseCostIndex demonstrates the analysis on real data: the income
// system's cost index 2025 against log population and centrality class.
// Smaller and less central municipalities have a higher calculated cost
// need: the size effect is negative, and the least central class lies above
// the most central.
func TestAnalyseCostIndex(t *testing.T) {
	ctx := context.Background()
	rows, err := atlas.Overview(ctx, loaded(t), generalist.Structure2024, 2025)
	if err != nil {
		t.Fatal(err)
	}
	ind, _ := atlas.IndicatorByID("costindex2025")
	a, err := atlas.Analyse(rows, ind.ID, ind.Value, []string{"logpop", "centrality"})
	if err != nil {
		t.Fatal(err)
	}
	// 357 less Utsira, Modalen and Lørenskog (no 2025 index).
	if a.N != 354 || a.Dropped != 3 {
		t.Errorf("n = %d, dropped = %d; want 354 and 3", a.N, a.Dropped)
	}
	coef := map[string]atlas.Coefficient{}
	for _, c := range a.Coefficients {
		coef[c.Name] = c
	}
	if c := coef["log2(folkemengde)"]; c.Estimate >= 0 || c.CIHigh >= 0 {
		t.Errorf("size effect = %+v, want negative with the whole interval below 0", c)
	}
	// Less central municipalities have a higher index on average…
	if len(a.ByCentrality) == 6 && *a.ByCentrality[5].Mean <= *a.ByCentrality[0].Mean {
		t.Errorf("mean of class 6 %v not above class 1 %v", *a.ByCentrality[5].Mean, *a.ByCentrality[0].Mean)
	}
	// …and centrality alone explains it; with size held fixed the class
	// effects are small (size and centrality overlap), so no sign is
	// asserted for them in the joint model.
	alone, err := atlas.Analyse(rows, ind.ID, ind.Value, []string{"centrality"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range alone.Coefficients {
		if c.Name == "sentralitet 6" && c.CILow <= 0 {
			t.Errorf("class 6 against class 1, centrality alone = %+v, want clearly positive", c)
		}
	}
	if a.R2 < 0.3 || a.R2 > 1 || a.DoublingEffect == nil || a.DoublingEffect.Estimate >= 0 {
		t.Errorf("R² = %v, doubling %+v", a.R2, a.DoublingEffect)
	}
	if len(a.BySize) != 3 || *a.BySize[0].Mean <= *a.BySize[2].Mean {
		t.Errorf("by size = %+v, want the smallest group's mean above the largest's", a.BySize)
	}
	if len(a.ByCentrality) != 6 || a.ByCentrality[0].Group != "1" {
		t.Errorf("by centrality = %+v", a.ByCentrality)
	}
	for _, tt := range [][]string{{"bogus"}, {"logpop", "logpop"}} {
		if _, err := atlas.Analyse(rows, ind.ID, ind.Value, tt); generalist.ErrorCode(err) != generalist.EINVALID {
			t.Errorf("Analyse(%v) = %v, want EINVALID", tt, err)
		}
	}
}
