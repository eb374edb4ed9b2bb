package app_test

import (
	"context"
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"

	"generalist/app"
	"generalist/storetest"
)

// The 2025 rates are fitted to the seven settlement rows of 2025, so the
// residuals the page shows are those of an in-sample fit; each is
// recomputed here from the CSV and the 2025 parameters.
func TestEqualisationFit(t *testing.T) {
	a := app.New(storetest.OpenSQLite(t))
	f, err := a.EqualisationFit(context.Background(), 2025)
	if err != nil {
		t.Fatal(err)
	}
	if !f.RatesDerived || !f.DeductionDerived || f.Fit == nil || len(f.Rows) != 7 || len(f.Parameters) != 4 {
		t.Fatalf("2025: rates derived %v, deduction derived %v, fit %v, %d rows, %d parameters", f.RatesDerived, f.DeductionDerived, f.Fit, len(f.Rows), len(f.Parameters))
	}
	if math.Abs(f.Fit.Symmetric-0.62) > 1e-5 || math.Abs(f.Fit.Additional-0.35) > 1e-4 || f.Fit.SymmetricRows != 5 || f.Fit.AdditionalRows != 2 {
		t.Errorf("fit %+v, want 0.62 on 5 rows and 0.35 on 2", *f.Fit)
	}
	const avg, s, r, h, d = 42269.58, 0.62, 0.35, 0.9, 378.1392 // data/economy/2025.json, inntektssystem_skatt_landsgjennomsnitt
	want := map[string][2]float64{}                             // municipality → tax, published net
	file, err := os.Open("../data/inntektssystem_inntektsutjevning_utvalg_2015_2025.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	recs, err := csv.NewReader(file).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs[1:] {
		if rec[2] == "2025" {
			tax, _ := strconv.ParseFloat(rec[4], 64)
			net, _ := strconv.ParseFloat(rec[6], 64)
			want[rec[0]] = [2]float64{tax, net}
		}
	}
	below := 0
	for _, row := range f.Rows {
		w, ok := want[string(row.Municipality)]
		if !ok {
			t.Fatalf("row %s is not in the CSV", row.Municipality)
		}
		computed := s*(avg-w[0]) - d
		if h*avg > w[0] {
			computed += r * (h*avg - w[0])
			below++
			if !row.BelowThreshold {
				t.Errorf("%s is below 90 %%", row.Name)
			}
		}
		if math.Abs(row.Residual-(computed-w[1])) > 1e-6 || row.Published != w[1] {
			t.Errorf("%s: residual %v, want %v", row.Name, row.Residual, computed-w[1])
		}
	}
	if below != 2 || f.MaxResidual() >= 0.01 {
		t.Errorf("%d rows below 90 %%, largest residual %v", below, f.MaxResidual())
	}
	// 2024's rates are read from a text (60/35/90); only the deduction is
	// derived.
	f, err = a.EqualisationFit(context.Background(), 2024)
	if err != nil {
		t.Fatal(err)
	}
	if f.RatesDerived || !f.DeductionDerived || f.Fit != nil || f.FitError == "" {
		t.Errorf("2024: rates derived %v, deduction derived %v, fit %v %q", f.RatesDerived, f.DeductionDerived, f.Fit, f.FitError)
	}
}
