package analysis

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"generalist"
)

// synthetic returns n rows of y = 2 + 3·x1 − 1.5·x2 + σ·ε with x1, x2
// and ε standard normal, from a fixed seed.
func synthetic(n int, sigma float64, seed uint64) (y []float64, X [][]float64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	x1, x2 := make([]float64, n), make([]float64, n)
	y = make([]float64, n)
	for i := range n {
		x1[i] = rng.NormFloat64()
		x2[i] = 0.5*x1[i] + rng.NormFloat64() // correlated covariates
		y[i] = 2 + 3*x1[i] - 1.5*x2[i] + sigma*rng.NormFloat64()
	}
	return y, [][]float64{x1, x2}
}

func mustOLS(tb testing.TB, y []float64, X [][]float64, names []string) *Regression {
	tb.Helper()
	r, err := OLS(y, X, names)
	if err != nil {
		tb.Fatalf("OLS: %v", err)
	}
	return r
}

func relErr(got, want float64) float64 {
	if want == 0 {
		return math.Abs(got)
	}
	return math.Abs(got-want) / math.Abs(want)
}

func TestOLSKnownCoefficients(t *testing.T) {
	want := []float64{2, 3, -1.5}
	t.Run("Noise", func(t *testing.T) {
		y, X := synthetic(200, 0.5, 1)
		r := mustOLS(t, y, X, []string{"x1", "x2"})
		if r.N != 200 || r.DF != 197 || len(r.Coefficients) != 3 {
			t.Fatalf("N, DF, K = %d, %d, %d, want 200, 197, 3", r.N, r.DF, len(r.Coefficients))
		}
		for j, c := range r.Coefficients {
			// Four standard errors: a deterministic test that would fail
			// for a wrong estimate or a standard error far too small.
			if d := math.Abs(c.Estimate - want[j]); d > 4*c.StdErr {
				t.Errorf("%s = %v ± %v, want %v (off by %.1f SE)", c.Name, c.Estimate, c.StdErr, want[j], d/c.StdErr)
			}
			if c.StdErr <= 0 || c.StdErr > 0.1 {
				t.Errorf("%s: StdErr = %v, want in (0, 0.1] for σ = 0.5, n = 200", c.Name, c.StdErr)
			}
		}
		if math.Abs(r.ResidualSE-0.5) > 0.1 {
			t.Errorf("ResidualSE = %v, want about σ = 0.5", r.ResidualSE)
		}
	})
	t.Run("Exact", func(t *testing.T) {
		y, X := synthetic(50, 0, 2)
		r := mustOLS(t, y, X, []string{"x1", "x2"})
		for j, c := range r.Coefficients {
			if math.Abs(c.Estimate-want[j]) > 1e-9 {
				t.Errorf("%s = %.17g, want %v within 1e-9", c.Name, c.Estimate, want[j])
			}
		}
		if math.Abs(r.R2-1) > 1e-12 {
			t.Errorf("R2 = %.17g, want 1", r.R2)
		}
	})
	t.Run("Scale", func(t *testing.T) {
		// Units must not matter: x1 in millions, x2 in millionths.
		y, X := synthetic(100, 0.5, 3)
		base := mustOLS(t, y, X, []string{"x1", "x2"})
		X2 := [][]float64{make([]float64, 100), make([]float64, 100)}
		for i := range 100 {
			X2[0][i] = X[0][i] * 1e6
			X2[1][i] = X[1][i] * 1e-6
		}
		r := mustOLS(t, y, X2, []string{"x1", "x2"})
		for j, f := range []float64{1, 1e-6, 1e6} {
			b, c := base.Coefficients[j], r.Coefficients[j]
			if relErr(c.Estimate/f, b.Estimate) > 1e-10 || relErr(c.StdErr/f, b.StdErr) > 1e-10 || relErr(c.T, b.T) > 1e-10 {
				t.Errorf("%s rescaled: %v ± %v, want %v ± %v", c.Name, c.Estimate/f, c.StdErr/f, b.Estimate, b.StdErr)
			}
		}
	})
}

// TestOLSSimple checks a regression on one covariate against the
// closed forms b = Sxy/Sxx, a = ȳ − b·x̄, SE(b) = s/√Sxx and
// SE(a) = s·√(1/n + x̄²/Sxx), with s² = SSR/(n−2).
func TestOLSSimple(t *testing.T) {
	y, X := synthetic(40, 1, 4)
	x := X[0]
	n := float64(len(x))
	var xbar, ybar float64
	for i := range x {
		xbar += x[i]
		ybar += y[i]
	}
	xbar /= n
	ybar /= n
	var sxx, sxy, syy float64
	for i := range x {
		sxx += (x[i] - xbar) * (x[i] - xbar)
		sxy += (x[i] - xbar) * (y[i] - ybar)
		syy += (y[i] - ybar) * (y[i] - ybar)
	}
	b := sxy / sxx
	a := ybar - b*xbar
	var ssr float64
	for i := range x {
		e := y[i] - a - b*x[i]
		ssr += e * e
	}
	s := math.Sqrt(ssr / (n - 2))
	seB := s / math.Sqrt(sxx)
	seA := s * math.Sqrt(1/n+xbar*xbar/sxx)
	r2 := sxy * sxy / (sxx * syy) // the squared correlation

	r := mustOLS(t, y, [][]float64{x}, []string{"x"})
	for _, tt := range []struct {
		name      string
		got, want float64
	}{
		{"intercept", r.Coefficients[0].Estimate, a},
		{"slope", r.Coefficients[1].Estimate, b},
		{"SE(intercept)", r.Coefficients[0].StdErr, seA},
		{"SE(slope)", r.Coefficients[1].StdErr, seB},
		{"t(slope)", r.Coefficients[1].T, b / seB},
		{"ResidualSE", r.ResidualSE, s},
		{"R2", r.R2, r2},
		{"R2 as 1 − SSR/SST", r.R2, 1 - ssr/syy},
		{"AdjR2", r.AdjR2, 1 - (1-r2)*(n-1)/(n-2)},
		{"F = t²", r.F, (b / seB) * (b / seB)},
	} {
		if relErr(tt.got, tt.want) > 1e-10 {
			t.Errorf("%s = %.15g, want %.15g", tt.name, tt.got, tt.want)
		}
	}
	// The F test of one covariate is the t test of its slope; the two
	// p-values come from different incomplete beta evaluations.
	if relErr(r.FP, r.Coefficients[1].P) > 1e-7 {
		t.Errorf("FP = %.15g, want P(slope) = %.15g", r.FP, r.Coefficients[1].P)
	}
	for i := range x {
		if math.Abs(r.Fitted[i]+r.Residuals[i]-y[i]) > 1e-12 || math.Abs(r.Fitted[i]-(a+b*x[i])) > 1e-10 {
			t.Fatalf("row %d: fitted %v, residual %v, y %v, want fitted %v", i, r.Fitted[i], r.Residuals[i], y[i], a+b*x[i])
		}
	}

	// Predictions: at x̄ the standard error of the mean is s/√n, at x₀
	// it is s·√(1/n + (x₀−x̄)²/Sxx).
	for _, x0 := range []float64{xbar, 2.5} {
		p, err := r.Predict([]float64{x0})
		if err != nil {
			t.Fatal(err)
		}
		wantSE := s * math.Sqrt(1/n+(x0-xbar)*(x0-xbar)/sxx)
		if relErr(p.Estimate, a+b*x0) > 1e-10 || relErr(p.StdErr, wantSE) > 1e-10 {
			t.Errorf("Predict(%v) = %v ± %v, want %v ± %v", x0, p.Estimate, p.StdErr, a+b*x0, wantSE)
		}
	}
}

// TestOLSR2 checks R² against 1 − SSR/SST computed from the residuals
// of the reported coefficients, for a model with several covariates.
func TestOLSR2(t *testing.T) {
	y, X := synthetic(60, 2, 5)
	r := mustOLS(t, y, X, []string{"x1", "x2"})
	var ybar float64
	for _, v := range y {
		ybar += v
	}
	ybar /= float64(len(y))
	var ssr, sst float64
	for i := range y {
		f := r.Coefficients[0].Estimate + r.Coefficients[1].Estimate*X[0][i] + r.Coefficients[2].Estimate*X[1][i]
		ssr += (y[i] - f) * (y[i] - f)
		sst += (y[i] - ybar) * (y[i] - ybar)
	}
	if want := 1 - ssr/sst; relErr(r.R2, want) > 1e-12 {
		t.Errorf("R2 = %.15g, want 1 − SSR/SST = %.15g", r.R2, want)
	}
	if want := 1 - (ssr/57)/(sst/59); relErr(r.AdjR2, want) > 1e-12 {
		t.Errorf("AdjR2 = %.15g, want %.15g", r.AdjR2, want)
	}
	if want := math.Sqrt(ssr / 57); relErr(r.ResidualSE, want) > 1e-12 {
		t.Errorf("ResidualSE = %.15g, want %.15g", r.ResidualSE, want)
	}
}

// TestLongley checks OLS against the certified values of the NIST
// Statistical Reference Datasets for Longley (1967), a real and
// famously ill-conditioned regression of employment on six economic
// series (https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml;
// "higher level of difficulty").
func TestLongley(t *testing.T) {
	data := [][7]float64{ // y, x1…x6
		{60323, 83.0, 234289, 2356, 1590, 107608, 1947},
		{61122, 88.5, 259426, 2325, 1456, 108632, 1948},
		{60171, 88.2, 258054, 3682, 1616, 109773, 1949},
		{61187, 89.5, 284599, 3351, 1650, 110929, 1950},
		{63221, 96.2, 328975, 2099, 3099, 112075, 1951},
		{63639, 98.1, 346999, 1932, 3594, 113270, 1952},
		{64989, 99.0, 365385, 1870, 3547, 115094, 1953},
		{63761, 100.0, 363112, 3578, 3350, 116219, 1954},
		{66019, 101.2, 397469, 2904, 3048, 117388, 1955},
		{67857, 104.6, 419180, 2822, 2857, 118734, 1956},
		{68169, 108.4, 442769, 2936, 2798, 120445, 1957},
		{66513, 110.8, 444546, 4681, 2637, 121950, 1958},
		{68655, 112.6, 482704, 3813, 2552, 123366, 1959},
		{69564, 114.2, 502601, 3931, 2514, 125368, 1960},
		{69331, 115.7, 518173, 4806, 2572, 127852, 1961},
		{70551, 116.9, 554894, 4007, 2827, 130081, 1962},
	}
	estimate := []float64{-3482258.63459582, 15.0618722713733, -0.358191792925910e-01, -2.02022980381683, -1.03322686717359, -0.511041056535807e-01, 1829.15146461355}
	stdErr := []float64{890420.383607373, 84.9149257747669, 0.334910077722432e-01, 0.488399681651699, 0.214274163161675, 0.226073200069370, 455.478499142212}
	const (
		residualSD = 304.854073561965
		r2         = 0.995479004577296
	)
	y := make([]float64, len(data))
	X := make([][]float64, 6)
	for j := range X {
		X[j] = make([]float64, len(data))
	}
	for i, row := range data {
		y[i] = row[0]
		for j := range X {
			X[j][i] = row[j+1]
		}
	}
	r := mustOLS(t, y, X, []string{"x1", "x2", "x3", "x4", "x5", "x6"})
	// NIST certifies 15 digits; OLS gets about 11 (1.3e-11 on amd64),
	// and 1e-9 leaves room for other platforms' rounding.
	const tol = 1e-9
	var worst float64
	defer func() { t.Logf("largest relative error %.1e", worst) }()
	for j, c := range r.Coefficients {
		worst = max(worst, relErr(c.Estimate, estimate[j]), relErr(c.StdErr, stdErr[j]))
		if e := relErr(c.Estimate, estimate[j]); e > tol {
			t.Errorf("%s = %.15g, want %.15g (relative error %.1e)", c.Name, c.Estimate, estimate[j], e)
		}
		if e := relErr(c.StdErr, stdErr[j]); e > tol {
			t.Errorf("SE(%s) = %.15g, want %.15g (relative error %.1e)", c.Name, c.StdErr, stdErr[j], e)
		}
	}
	if e := relErr(r.ResidualSE, residualSD); e > tol {
		t.Errorf("ResidualSE = %.15g, want %.15g", r.ResidualSE, residualSD)
	}
	if e := relErr(r.R2, r2); e > tol {
		t.Errorf("R2 = %.15g, want %.15g", r.R2, r2)
	}
}

// TestTDistribution checks the quantile and p-values against tables:
// t₀.₉₇₅ with 10 degrees of freedom is 2.228138851986, and 1.959963985
// (the normal quantile) in the limit.
func TestTDistribution(t *testing.T) {
	if p := pValue(2.228138851986274, 10); math.Abs(p-0.05) > 1e-12 {
		t.Errorf("pValue(2.228…, 10) = %v, want 0.05", p)
	}
	if p := pValue(-2.228138851986274, 10); math.Abs(p-0.05) > 1e-12 {
		t.Errorf("pValue(-2.228…, 10) = %v, want 0.05", p)
	}
	if p := pValue(1.959963984540054, 1e9); math.Abs(p-0.05) > 1e-7 {
		t.Errorf("pValue(1.96, ∞) = %v, want 0.05", p)
	}
	if p := pValue(0, 10); p != 1 {
		t.Errorf("pValue(0, 10) = %v, want 1", p)
	}
	if p := pValue(50, 10); p <= 0 || p > 1e-12 {
		t.Errorf("pValue(50, 10) = %v, want a tiny positive number", p)
	}
	// n = 12 and one covariate give DF = 10.
	y := []float64{1, 3, 2, 5, 4, 6, 8, 7, 9, 12, 10, 11}
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	r := mustOLS(t, y, [][]float64{x}, []string{"x"})
	c := r.Coefficients[1]
	if half := (c.CIHigh - c.CILow) / 2; relErr(half, 2.228138851986274*c.StdErr) > 1e-12 {
		t.Errorf("CI half-width = %v, want t₀.₉₇₅(10)·SE = %v", half, 2.228138851986274*c.StdErr)
	}
}

// TestCoverage repeats a small regression 2000 times with fresh noise:
// the 95 % interval must cover the true slope, and a true null must be
// rejected at 5 %, about as often as promised. This checks the standard
// errors, the t quantile and the p-values together. With a fixed seed
// the test is deterministic; the bounds are three binomial standard
// deviations (0.0049) wide.
func TestCoverage(t *testing.T) {
	const reps, n = 2000, 15
	rng := rand.New(rand.NewPCG(11, 13))
	x1, x2 := make([]float64, n), make([]float64, n)
	for i := range n {
		x1[i] = rng.NormFloat64()
		x2[i] = rng.ExpFloat64()
	}
	y := make([]float64, n)
	var covered, rejected int
	for range reps {
		for i := range n {
			y[i] = 1 + 0.5*x1[i] + 0*x2[i] + 2*rng.NormFloat64()
		}
		r := mustOLS(t, y, [][]float64{x1, x2}, []string{"x1", "x2"})
		if c := r.Coefficients[1]; c.CILow <= 0.5 && 0.5 <= c.CIHigh {
			covered++
		}
		if r.Coefficients[2].P < 0.05 {
			rejected++
		}
	}
	if f := float64(covered) / reps; math.Abs(f-0.95) > 0.015 {
		t.Errorf("95 %% interval covered the slope in %.3f of %d samples", f, reps)
	}
	if f := float64(rejected) / reps; math.Abs(f-0.05) > 0.015 {
		t.Errorf("a true null was rejected at 5 %% in %.3f of %d samples", f, reps)
	}
}

func TestOLSCollinear(t *testing.T) {
	y, X := synthetic(30, 1, 6)
	x1, x2 := X[0], X[1]
	combo, constant, zero := make([]float64, 30), make([]float64, 30), make([]float64, 30)
	for i := range combo {
		combo[i] = 4 + x1[i] - 2*x2[i]
		constant[i] = 7
	}
	for _, tt := range []struct {
		name  string
		X     [][]float64
		names []string
		want  []string
	}{
		{"Combination", [][]float64{x1, x2, combo}, []string{"x1", "x2", "x3"},
			[]string{`covariate "x3" is collinear with (Intercept), "x1", "x2"`, `"x3" ≈ 4 + 1·"x1" − 2·"x2"`}},
		{"Duplicate", [][]float64{x1, x2, x1}, []string{"x1", "x2", "copy"},
			[]string{`covariate "copy" is collinear with "x1" ("copy" ≈ 1·"x1")`}},
		{"Constant", [][]float64{x1, constant}, []string{"x1", "k"},
			[]string{`covariate "k" is constant (7 in every observation)`}},
		{"Zero", [][]float64{zero, x1}, []string{"z", "x1"},
			[]string{`covariate "z" is zero in every observation`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := OLS(y, tt.X, tt.names)
			if generalist.ErrorCode(err) != generalist.EINVALID {
				t.Fatalf("OLS error = %v, want EINVALID", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("OLS error = %q, want it to contain %q", err, w)
				}
			}
		})
	}
	t.Run("AllDummies", func(t *testing.T) {
		// Every category as a dummy: they add up to the intercept.
		class := []string{"1", "2", "3", "1", "2", "3", "1", "2", "3", "1"}
		cols, _, _ := Dummies(class, "1")
		is1 := make([]float64, len(class))
		for i, c := range class {
			if c == "1" {
				is1[i] = 1
			}
		}
		yy := []float64{1, 2, 3, 2, 3, 1, 3, 1, 2, 2}
		_, err := OLS(yy, [][]float64{cols[0], cols[1], is1}, []string{"2", "3", "1"})
		if err == nil || !strings.Contains(err.Error(), `covariate "1" is collinear with (Intercept), "2", "3"`) || !strings.Contains(err.Error(), "base category") {
			t.Errorf("OLS with all dummies: error = %v", err)
		}
	})
}

func TestOLSErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	x := []float64{1, 2, 3, 4}
	for _, tt := range []struct {
		name  string
		y     []float64
		X     [][]float64
		names []string
		want  string
	}{
		{"Empty", nil, nil, nil, "no observations"},
		{"Names", []float64{1, 2, 3}, [][]float64{{1, 2, 3}}, nil, "1 covariates but 0 names"},
		{"Length", []float64{1, 2, 3}, [][]float64{{1, 2}}, []string{"x"}, `covariate "x" has 2 values, y has 3`},
		{"NoName", x, [][]float64{x}, []string{" "}, "covariate 1 has no name"},
		{"InterceptName", x, [][]float64{x}, []string{Intercept}, "the name of the intercept"},
		{"DuplicateName", x, [][]float64{x, x}, []string{"a", "a"}, `"a" appears twice`},
		{"NaNy", []float64{1, nan, 3, 4}, [][]float64{x}, []string{"x"}, "y is missing (NaN) in row 1"},
		{"NaNx", x, [][]float64{{1, 2, nan, 4}}, []string{"x"}, `"x" is missing (NaN) in row 2: pass complete rows only`},
		{"Inf", x, [][]float64{{1, 2, 3, inf}}, []string{"x"}, `"x" is infinite in row 3`},
		{"TooFew", []float64{1, 2}, [][]float64{{1, 3}}, []string{"x"}, "2 observations for 2 coefficients"},
		{"TooFewMany", x, [][]float64{x, {1, 0, 0, 1}, {0, 1, 1, 1}}, []string{"a", "b", "c"}, "4 observations for 4 coefficients"},
		{"ConstantY", []float64{5, 5, 5, 5}, [][]float64{x}, []string{"x"}, "y is constant"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := OLS(tt.y, tt.X, tt.names)
			if r != nil || generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "analysis: ") {
				t.Errorf("OLS() = %v, %v; want EINVALID containing %q", r, err, tt.want)
			}
		})
	}
}

func TestOLSInputUnchanged(t *testing.T) {
	y, X := synthetic(20, 1, 8)
	y0, x0 := append([]float64(nil), y...), append([]float64(nil), X[0]...)
	mustOLS(t, y, X, []string{"x1", "x2"})
	for i := range y {
		if y[i] != y0[i] || X[0][i] != x0[i] {
			t.Fatalf("OLS modified its input at row %d", i)
		}
	}
}

func TestEffects(t *testing.T) {
	y, X := synthetic(80, 1, 9)
	r := mustOLS(t, y, X, []string{"log2 pop", "x2"})
	b := r.Coefficients[1]
	for _, tt := range []struct {
		name   string
		base   float64
		factor float64
	}{
		{"Base2", 2, 1},
		{"Natural", math.E, math.Ln2},
		{"Base10", 10, math.Log10(2)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, err := r.Doubling("log2 pop", tt.base)
			if err != nil {
				t.Fatal(err)
			}
			if relErr(e.Estimate, b.Estimate*tt.factor) > 1e-12 || relErr(e.StdErr, b.StdErr*tt.factor) > 1e-12 ||
				relErr(e.T, b.T) > 1e-12 || relErr(e.P, b.P) > 1e-9 || relErr(e.Change, tt.factor) > 1e-12 {
				t.Errorf("Doubling(base %v) = %+v, want %v·%+v", tt.base, e, tt.factor, b)
			}
			if relErr(e.CILow, b.CILow*tt.factor) > 1e-12 || relErr(e.CIHigh, b.CIHigh*tt.factor) > 1e-12 {
				t.Errorf("Doubling(base %v) CI = [%v, %v], want the coefficient's scaled", tt.base, e.CILow, e.CIHigh)
			}
		})
	}
	neg, err := r.Partial("x2", -2)
	if err != nil {
		t.Fatal(err)
	}
	if c := r.Coefficients[2]; relErr(neg.Estimate, -2*c.Estimate) > 1e-12 || relErr(neg.StdErr, 2*c.StdErr) > 1e-12 || neg.CILow > neg.CIHigh {
		t.Errorf("Partial(x2, -2) = %+v, coefficient %+v", neg, c)
	}
	all, err := r.Effects(map[string]float64{"log2 pop": 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].Name != "log2 pop" || all[0].Estimate != b.Estimate || all[1].Name != "x2" || all[1].Change != 1 {
		t.Errorf("Effects = %+v", all)
	}
	for _, tt := range []struct {
		name string
		err  error
	}{
		{"Unknown", second(r.Partial("nope", 1))},
		{"Intercept", second(r.Partial(Intercept, 1))},
		{"ZeroChange", second(r.Partial("x2", 0))},
		{"BadBase", second(r.Doubling("x2", 1))},
		{"NegativeBase", second(r.Doubling("x2", -2))},
		{"EffectsUnknown", second(r.Effects(map[string]float64{"nope": 2}))},
		{"PredictLength", second(r.Predict([]float64{1}))},
		{"PredictNaN", second(r.Predict([]float64{1, math.NaN()}))},
	} {
		if generalist.ErrorCode(tt.err) != generalist.EINVALID {
			t.Errorf("%s: error = %v, want EINVALID", tt.name, tt.err)
		}
	}
	cov := r.Covariance()
	for j, c := range r.Coefficients {
		if relErr(math.Sqrt(cov[j][j]), c.StdErr) > 1e-12 {
			t.Errorf("√Cov[%d][%d] = %v, want StdErr %v", j, j, math.Sqrt(cov[j][j]), c.StdErr)
		}
	}
	cov[0][0] = -1
	if r.Covariance()[0][0] == -1 {
		t.Error("Covariance returns the internal matrix, want a copy")
	}
	if c, ok := r.Coefficient("x2"); !ok || c != r.Coefficients[2] {
		t.Errorf("Coefficient(x2) = %v, %v", c, ok)
	}
	var buf bytes.Buffer
	if _, err := r.WriteTo(&buf); err != nil || !strings.Contains(buf.String(), "log2 pop") || !strings.Contains(buf.String(), "N = 80, DF = 77") {
		t.Errorf("WriteTo = %q, %v", buf.String(), err)
	}
}

func second[T any](_ T, err error) error { return err }

// benchData builds 357 municipalities with the covariates of the
// compliance analysis: log₂ population, centrality class 1–6 as five
// dummies, and two financial measures. It is built once.
func benchData() ([]float64, [][]float64, []string) {
	const n = 357
	rng := rand.New(rand.NewPCG(357, 2024))
	logPop := make([]float64, n)
	class := make([]string, n)
	income, debt := make([]float64, n), make([]float64, n)
	y := make([]float64, n)
	for i := range n {
		logPop[i] = math.Log2(200 + math.Exp(7+1.3*rng.NormFloat64()))
		c := min(6, max(1, int(7-logPop[i]/3+rng.NormFloat64())))
		class[i] = string(rune('0' + c))
		income[i] = 100 + 15*rng.NormFloat64()
		debt[i] = 80 + 30*rng.NormFloat64()
		y[i] = 40 + 3*logPop[i] - 2*float64(c) + 0.2*income[i] - 0.05*debt[i] + 6*rng.NormFloat64()
	}
	cols, levels, err := Dummies(class, "1")
	if err != nil {
		panic(err)
	}
	X := append([][]float64{logPop}, cols...)
	X = append(X, income, debt)
	names := []string{"log2 innbyggere"}
	for _, l := range levels {
		names = append(names, "sentralitet "+l)
	}
	names = append(names, "frie inntekter", "netto lånegjeld")
	return y, X, names
}

func BenchmarkOLS357(b *testing.B) {
	y, X, names := benchData()
	if len(X) != 8 {
		b.Fatalf("%d covariates, want 8", len(X))
	}
	for b.Loop() {
		if _, err := OLS(y, X, names); err != nil {
			b.Fatal(err)
		}
	}
}
