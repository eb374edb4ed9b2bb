package chart

import (
	"math"
	"slices"
	"testing"
)

func TestTicks(t *testing.T) {
	for _, tt := range []struct {
		name     string
		min, max float64
		n        int
		want     []float64
	}{
		// Range 10, 4 intervals wanted: raw step 2.5, next nice step 5.
		{"OK", 0, 10, 5, []float64{0, 5, 10}},
		// Raw step 2 is nice; 1 and 9 are widened to 0 and 10.
		{"Widened", 1, 9, 5, []float64{0, 2, 4, 6, 8, 10}},
		// Haugesund 2006–2026: raw step (38663-31738)/4 = 1731.25 → 2000.
		{"Population", 31738, 38663, 5, []float64{30000, 32000, 34000, 36000, 38000, 40000}},
		// Raw step 0.1/4 = 0.025 → 0.05; values are exact decimals.
		{"Decimals", 0.1, 0.2, 5, []float64{0.1, 0.15, 0.2}},
		// Raw step 0.7/6 ≈ 0.117 → 0.2.
		{"Tenths", 0.3, 1.0, 7, []float64{0.2, 0.4, 0.6, 0.8, 1.0}},
		// Across zero: raw step 13/5 = 2.6 → 5.
		{"Negative", -3, 10, 6, []float64{-5, 0, 5, 10}},
		// Raw step 35/3 ≈ 11.7 → 20; floor(-42/20) = -3, ceil(-7/20) = 0.
		{"AllNegative", -42, -7, 4, []float64{-60, -40, -20, 0}},
		{"Reversed", 10, 0, 5, []float64{0, 5, 10}},
		// Raw step 100 is exactly nice.
		{"Exact", 0, 500, 6, []float64{0, 100, 200, 300, 400, 500}},
		{"ConstantPositive", 7, 7, 5, []float64{0, 2, 4, 6, 8}},
		{"ConstantNegative", -7, -7, 5, []float64{-8, -6, -4, -2, 0}},
		{"Zero", 0, 0, 3, []float64{0, 0.5, 1}},
		// n below 2 counts as 2: one interval, step 1000 for a range of 900.
		{"SmallN", 100, 1000, 0, []float64{0, 1000}},
		{"NaN", math.NaN(), 1, 5, nil},
		{"Inf", 0, math.Inf(1), 5, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Ticks(tt.min, tt.max, tt.n); !slices.Equal(got, tt.want) {
				t.Errorf("Ticks(%v, %v, %d) = %v, want %v", tt.min, tt.max, tt.n, got, tt.want)
			}
		})
	}
}

// TestTicksProperties checks the documented guarantees on many ranges:
// the ticks cover the range, are evenly spaced by a 1-2-5 step and number
// between 2 and n+1.
func TestTicksProperties(t *testing.T) {
	for i := range 2000 {
		lo := float64(i%97)*math.Pow10(i%7-3) - float64(i%13)
		hi := lo + float64(i%89+1)*math.Pow10(i%5-2)
		n := 2 + i%9
		ts := Ticks(lo, hi, n)
		if len(ts) < 2 || len(ts) > n+1 {
			t.Fatalf("Ticks(%v, %v, %d) = %v: %d ticks", lo, hi, n, ts, len(ts))
		}
		step := ts[1] - ts[0]
		if tol := step * 1e-9; ts[0] > lo+tol || ts[len(ts)-1] < hi-tol {
			t.Fatalf("Ticks(%v, %v, %d) = %v: does not cover the range", lo, hi, n, ts)
		}
		e := math.Floor(math.Log10(step) + 1e-9)
		if m := math.Round(step / math.Pow10(int(e))); m != 1 && m != 2 && m != 5 {
			t.Fatalf("Ticks(%v, %v, %d) = %v: step %v is not 1, 2 or 5 times a power of ten", lo, hi, n, ts, step)
		}
		for j := 2; j < len(ts); j++ {
			if d := ts[j] - ts[j-1]; math.Abs(d-step) > step*1e-9 {
				t.Fatalf("Ticks(%v, %v, %d) = %v: uneven step", lo, hi, n, ts)
			}
		}
	}
}

func BenchmarkTicks(b *testing.B) {
	for b.Loop() {
		Ticks(31738, 38663, 5)
	}
}
