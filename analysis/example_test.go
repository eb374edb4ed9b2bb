package analysis_test

import (
	"fmt"
	"math"
	"os"

	"generalist/analysis"
)

// The analysis of statutory compliance against size and centrality on
// twelve municipalities (illustrative numbers): the share of statutory
// requirements met, population and centrality class, one value missing.
func Example() {
	compliance := []float64{92, 88, 90, 81, 84, 79, math.NaN(), 74, 70, 72, 66, 63}
	population := []float64{60000, 25000, 41000, 12000, 15000, 9000, 7000, 4000, 2500, 3100, 1200, 800}
	class := []string{"2", "2", "2", "4", "4", "4", "4", "5", "5", "5", "6", "6"}

	logPop := make([]float64, len(population))
	for i, p := range population {
		logPop[i] = math.Log2(p)
	}
	dummies, levels, err := analysis.Dummies(class, "2")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	names := []string{"log2(innbyggere)"}
	for _, l := range levels {
		names = append(names, "sentralitet "+l)
	}
	sample, err := analysis.Complete(compliance, append([][]float64{logPop}, dummies...))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	reg, err := analysis.OLS(sample.Y, sample.X, names)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Printf("%d municipalities, %d dropped for missing values, R² = %.3f\n", reg.N, sample.Dropped, reg.R2)
	d, _ := reg.Doubling("log2(innbyggere)", 2)
	fmt.Printf("twice the population: %+.1f points (95 %% CI %.1f to %.1f)\n", d.Estimate, d.CILow, d.CIHigh)
	for _, l := range levels {
		e, _ := reg.Partial("sentralitet "+l, 1)
		fmt.Printf("class %s against class 2: %+.1f points (p = %.3f)\n", l, e.Estimate, e.P)
	}
	for _, g := range analysis.GroupMeans(compliance, class) {
		fmt.Printf("class %s: n = %d, mean %.1f, median %.1f\n", g.Name, g.N, g.Mean, g.Median)
	}
	// Output:
	// 11 municipalities, 1 dropped for missing values, R² = 0.996
	// twice the population: +4.5 points (95 % CI 2.9 to 6.1)
	// class 4 against class 2: -0.9 points (p = 0.534)
	// class 5 against class 2: -1.7 points (p = 0.514)
	// class 6 against class 2: -1.7 points (p = 0.647)
	// class 2: n = 3, mean 90.0, median 90.0
	// class 4: n = 3, mean 81.3, median 81.0
	// class 5: n = 3, mean 72.0, median 72.0
	// class 6: n = 2, mean 64.5, median 64.5
}

// A collinear covariate is rejected with the combination it is part of.
func ExampleOLS_collinear() {
	y := []float64{3, 5, 4, 8, 9, 12}
	km := []float64{1, 2, 3, 4, 5, 6}
	m := []float64{1000, 2000, 3000, 4000, 5000, 6000}
	_, err := analysis.OLS(y, [][]float64{km, m}, []string{"km", "m"})
	fmt.Println(err)
	// Output:
	// analysis: covariate "m" is collinear with "km" ("m" ≈ 1000·"km"): drop one of them, or for dummies leave out a base category
}

func ExampleRegression_WriteTo() {
	y := []float64{1, 3, 2, 5, 4, 6, 8, 7, 9, 12, 10, 11}
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	reg, err := analysis.OLS(y, [][]float64{x}, []string{"x"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	reg.WriteTo(os.Stdout)
	// Output:
	// Term         Estimate  Std. error      t    P>|t|  95 % CI low  95 % CI high
	// (Intercept)    0.2727      0.6671   0.41   0.6913       -1.214         1.759
	// x               0.958     0.09064  10.57  <0.0001       0.7561          1.16
	// N = 12, DF = 10, R² = 0.9178, adjusted R² = 0.9096, residual SE = 1.084, F = 111.7 (p = 9.5e-07)
}
