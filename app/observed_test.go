package app_test

import (
	"context"
	"strconv"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/internal/testkit"
	"generalist/refdata"
	"generalist/storetest"
)

// modelledFromCSV counts, straight from the shipped 2019 population file,
// the municipalities whose child welfare team (fte per 1,000 aged 0–22)
// is counted by the figure: an independent check of App.Observed.
func modelledFromCSV(t *testing.T, o refdata.Observed, fte float64) (below, munis int) {
	t.Helper()
	for _, r := range testkit.DataCSV(t, "befolkning_2019_k2019.csv") {
		served := 0
		for _, col := range []string{"alder_0_1", "alder_2_5", "alder_6_15", "alder_16_22"} {
			v, err := strconv.Atoi(r[col])
			if err != nil {
				t.Fatalf("%s %s: %v", r["kommunenummer"], col, err)
			}
			served += v
		}
		if o.Below(fte * float64(served) / 1000) {
			below++
		}
		munis++
	}
	return below, munis
}

// TestObserved: each observed figure is set against the model on the
// 2019 structure, 1 January 2019 (the nearest year with the age split;
// for the 2017 figure a nearer one is not in the data), with the count
// checked against the population file, and the effective catalogue used.
func TestObserved(t *testing.T) {
	ctx := context.Background()
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	got, err := a.Observed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d comparisons, want 2", len(got))
	}
	for _, c := range got {
		below, munis := modelledFromCSV(t, c.Observed, 4.2)
		if c.Structure != generalist.Structure2019 || c.Year != 2019 || c.NearestYear != (c.Observed.Year != 2019) {
			t.Errorf("%s: computed on %d, %d (nearest %v), want 2019, 2019", c.Observed.ID, c.Structure, c.Year, c.NearestYear)
		}
		if c.Modelled != below || c.Municipalities != munis || c.Municipalities != 422 || c.Unknown != 0 {
			t.Errorf("%s: modelled %d of %d (%d unknown), want %d of %d", c.Observed.ID, c.Modelled, c.Municipalities, c.Unknown, below, munis)
		}
		if c.Difference != c.Modelled-c.Observed.Count || !c.Alone || c.FTEPer1000.Value != 4.2 || !c.FTEPer1000.Assumption {
			t.Errorf("%s: difference %d, alone %v, fte %+v", c.Observed.ID, c.Difference, c.Alone, c.FTEPer1000)
		}
		t.Logf("%s: observed %d %s, model %d municipalities on %d/%d (difference %+d)", c.Observed.ID, c.Observed.Count, c.Observed.Unit, c.Modelled, c.Structure, c.Year, c.Difference)
	}

	// An analyst's change of the staffing parameter moves the model's count.
	v := 8.4
	if err := a.ChangeParam(ctx, &generalist.ParamChange{Task: "barnevern", Field: generalist.FieldFTEPer1000, Value: &v, Note: "test", Author: "test"}); err != nil {
		t.Fatal(err)
	}
	changed, err := a.Observed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range changed {
		below, _ := modelledFromCSV(t, c.Observed, 8.4)
		if c.Modelled != below || c.Modelled >= got[i].Modelled || c.FTEPer1000.Value != 8.4 {
			t.Errorf("%s after doubling fte_per_1000: modelled %d (before %d), want %d", c.Observed.ID, c.Modelled, got[i].Modelled, below)
		}
	}
}
