package economy

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"generalist"
)

func TestEqualise(t *testing.T) {
	r := Rates{Symmetric: 0.6, Additional: 0.35, Threshold: 0.9, Deduction: 400}
	for _, tt := range []struct {
		name          string
		tax           float64
		sym, add, net float64
	}{
		{"Average", 40000, 0, 0, -400},
		{"Above", 50000, -6000, 0, -6400},
		{"Between", 37000, 1800, 0, 1400},
		{"AtThreshold", 36000, 2400, 0, 2000},
		{"Below", 30000, 6000, 2100, 7700}, // 0.35 × (36 000 − 30 000)
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := r.Equalise(40000, tt.tax)
			if !near(float64(e.Symmetric), tt.sym) || !near(float64(e.Additional), tt.add) || !near(float64(e.Net), tt.net) || e.Deduction != -400 {
				t.Errorf("Equalise(40000, %v) = %+v, want symmetric %v, additional %v, net %v", tt.tax, e, tt.sym, tt.add, tt.net)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// synthetic returns observations made with r and rounded to øre, as KDD
// publishes them.
func synthetic(r Rates, avg float64, taxes ...float64) []Observation {
	var obs []Observation
	for i, t := range taxes {
		t = generalist.RoundOre(t)
		obs = append(obs, Observation{Municipality: generalist.MunicipalityNumber(fmt.Sprintf("11%02d", i)), Tax: t, Net: generalist.RoundOre(float64(r.Equalise(avg, t).Net))})
	}
	return obs
}

func TestFitDeduction(t *testing.T) {
	r := Rates{Symmetric: 0.6, Additional: 0.35, Threshold: 0.9, Deduction: 412.3456}
	obs := synthetic(r, 38444.41, 30000.123, 34000.5, 36000, 38000, 45000, 60000.777)
	f := FitDeduction(2024, r, 38444.41, obs)
	if math.Abs(f.Value-r.Deduction) > 0.01 || f.Spread > r.MaxSpread() || len(f.Implied) != len(obs) {
		t.Errorf("FitDeduction = %+v, want ≈ %v with spread ≤ %v", f, r.Deduction, r.MaxSpread())
	}
}

func TestFitRates(t *testing.T) {
	r := Rates{Symmetric: 0.62, Additional: 0.35, Threshold: 0.9, Deduction: 378.14}
	obs := synthetic(r, 42269.58, 30000, 35000, 37000, 40000, 45000, 55000, 70000)
	f, err := FitRates(42269.58, obs, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(f.Symmetric-0.62) > 1e-5 || math.Abs(f.Additional-0.35) > 1e-4 || math.Abs(f.Threshold-0.9) > 1e-4 || math.Abs(f.Deduction-378.14) > 0.01 {
		t.Errorf("FitRates = %+v, want 0.62/0.35/0.9/378.14", f)
	}
	if _, err := FitRates(42269.58, obs[:3], 0.9); !errors.Is(err, ErrTooFewRows) {
		t.Errorf("FitRates(3 rows below only) = %v, want ErrTooFewRows", err)
	}
}

func TestMaxSpread(t *testing.T) {
	if got := (Rates{Symmetric: 0.6, Additional: 0.35, Threshold: 0.9}).MaxSpread(); math.Abs(got-0.021075) > 1e-9 {
		t.Errorf("MaxSpread(60/35/90) = %v, want 0.021075", got)
	}
}
