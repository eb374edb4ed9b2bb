package analysis

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"

	"generalist"
)

// Intercept is the name of the constant term OLS adds to every model.
const Intercept = "(Intercept)"

// Level is the confidence level of every interval in this package.
const Level = 0.95

// collinearTol is the relative tolerance of the collinearity check: a
// covariate whose component orthogonal to the intercept and the earlier
// covariates has less than collinearTol of its length is taken to be a
// linear combination of them. At 1e-10 the variance inflation factor
// 1/(1−R²ⱼ) of such a covariate would exceed 10²⁰, so its coefficient
// would carry no information; genuine data come nowhere near.
const collinearTol = 1e-10

// Coefficient is one estimated coefficient of a Regression.
type Coefficient struct {
	Name     string
	Estimate float64 // βⱼ
	StdErr   float64 // se(βⱼ) = s·√[(XᵀX)⁻¹]ⱼⱼ
	T        float64 // βⱼ / se(βⱼ)
	// P is the two-sided p-value of T under the t distribution with DF
	// degrees of freedom, for the hypothesis βⱼ = 0.
	P float64
	// CILow and CIHigh bound the 95 % confidence interval
	// βⱼ ± t₀.₉₇₅(DF)·se(βⱼ).
	CILow, CIHigh float64
}

// Regression is the result of OLS: a model y = Xβ + ε with an intercept,
// fitted by least squares. N observations, K = len(Coefficients)
// coefficients (the intercept first, then the covariates in the order
// given) and DF = N − K residual degrees of freedom.
type Regression struct {
	Coefficients []Coefficient
	N, DF        int
	// R2 is the coefficient of determination 1 − SSR/SST, where SSR is
	// the sum of squared residuals and SST the sum of squared deviations
	// of y from its mean; AdjR2 is 1 − (1 − R²)(N − 1)/DF.
	R2, AdjR2 float64
	// ResidualSE is s = √(SSR/DF), the estimated standard deviation of
	// the errors.
	ResidualSE float64
	// F is the statistic of the test that every coefficient but the
	// intercept is zero, (R²/(K−1)) / ((1−R²)/DF), and FP its p-value
	// under the F(K−1, DF) distribution. Both are NaN for a model with
	// the intercept alone.
	F, FP float64
	// Fitted holds ŷᵢ = xᵢᵀβ and Residuals yᵢ − ŷᵢ, in the order of the
	// observations.
	Fitted, Residuals []float64

	// cov is the K×K estimated covariance matrix s²(XᵀX)⁻¹, row-major.
	cov []float64
	// tcrit is t₀.₉₇₅(DF).
	tcrit float64
}

// OLS fits y = β₀ + β₁x₁ + … + βₖ₋₁xₖ₋₁ + ε by ordinary least squares,
// adding the intercept β₀ itself. X holds the covariates as columns: X[j]
// is covariate j, with one value per observation, and names[j] names it.
// Pass only complete rows; [Complete] drops the others.
//
// The estimate minimises ‖y − Xβ‖² (the normal equations XᵀXβ = Xᵀy),
// computed without forming XᵀX: the design matrix, with its columns
// scaled to unit length so the result does not depend on their units, is
// factorised as X = QR by Householder reflections, and β solves
// Rβ = Qᵀy. With s² = SSR/(N−K), the covariance of β is estimated as
// s²(XᵀX)⁻¹ = s²R⁻¹R⁻ᵀ; the standard errors are the square roots of its
// diagonal, and t statistics, p-values and confidence intervals use the
// t distribution with N−K degrees of freedom, which is exact under
// normal, independent, homoskedastic errors (Greene, Econometric
// Analysis, 8th ed., 2018, ch. 3–5; Wooldridge, Introductory
// Econometrics, 7th ed., 2020, ch. 3–4). The QR route is the one Golub
// and Van Loan (Matrix Computations, 4th ed., 2013, §5.3) recommend over
// the normal equations, whose condition number is the square of X's; it
// reproduces the NIST StRD certified values for the ill-conditioned
// Longley data to a relative error of about 1e-11.
//
// OLS returns an error with code generalist.EINVALID when there are no
// observations, when the lengths of y, X and names disagree, when a name
// is empty, repeated or "(Intercept)", when a value is NaN or infinite,
// when there are no more observations than coefficients, when y is
// constant (there is nothing to explain), or when a covariate is constant
// or a linear combination of the intercept and the covariates before it;
// the message then names the covariate and the combination. It does not
// modify its arguments.
//
// OLS takes O(N·K²) time and O(N·K) memory.
func OLS(y []float64, X [][]float64, names []string) (*Regression, error) {
	n, k := len(y), len(X)+1
	if err := checkOLS(y, X, names); err != nil {
		return nil, err
	}
	if n <= k {
		return nil, errorf("%d observations for %d coefficients: need more observations than coefficients", n, k)
	}
	var ybar float64
	for _, v := range y {
		ybar += v
	}
	ybar /= float64(n)
	var sst float64
	for _, v := range y {
		sst += (v - ybar) * (v - ybar)
	}
	if sst == 0 {
		return nil, errorf("y is constant (%v in every observation): there is nothing to explain", y[0])
	}

	// The design matrix with unit-length columns: A = X·D⁻¹, with the
	// column norms on the diagonal of D.
	scale := make([]float64, k)
	scale[0] = math.Sqrt(float64(n))
	for j, col := range X {
		scale[j+1] = norm(col)
	}
	a := make([]float64, n*k)
	for i := range n {
		a[i*k] = 1 / scale[0]
	}
	for j, col := range X {
		if scale[j+1] == 0 {
			return nil, errorf("covariate %q is zero in every observation, so it cannot be told apart from the intercept", names[j])
		}
		for i, v := range col {
			a[i*k+j+1] = v / scale[j+1]
		}
	}
	A := mat.NewDense(n, k, a)
	var qr mat.QR
	qr.Factorize(A)
	var rfull mat.Dense
	qr.RTo(&rfull)
	r := mat.NewTriDense(k, mat.Upper, nil)
	for i := range k {
		for j := i; j < k; j++ {
			r.SetTri(i, j, rfull.At(i, j))
		}
	}

	// Collinearity. Without pivoting, |Rⱼⱼ| is the length of the part of
	// column j orthogonal to the columns before it, and every column has
	// unit length, so a tiny |Rⱼⱼ| means column j is (nearly) a linear
	// combination of columns 0…j−1.
	for j := 1; j < k; j++ {
		if math.Abs(r.At(j, j)) <= collinearTol {
			return nil, collinear(r, scale, names, j)
		}
	}

	// β = D⁻¹·argmin‖A·γ − y‖.
	var gamma mat.VecDense
	if err := qr.SolveVecTo(&gamma, false, mat.NewVecDense(n, y)); err != nil {
		var cond mat.Condition
		if !errors.As(err, &cond) {
			return nil, fmt.Errorf("analysis: ols: %w", err)
		}
		// A Condition error is a warning: the solution is computed. The
		// collinearity check above has already rejected singular designs.
	}
	beta := make([]float64, k)
	for j := range k {
		beta[j] = gamma.AtVec(j) / scale[j]
	}

	// Residuals from the original data, not from Q, for accuracy.
	reg := &Regression{N: n, DF: n - k, Fitted: make([]float64, n), Residuals: make([]float64, n)}
	var ssr float64
	for i := range n {
		f := beta[0]
		for j, col := range X {
			f += beta[j+1] * col[i]
		}
		reg.Fitted[i] = f
		reg.Residuals[i] = y[i] - f
		ssr += reg.Residuals[i] * reg.Residuals[i]
	}
	df := float64(reg.DF)
	s2 := ssr / df
	reg.ResidualSE = math.Sqrt(s2)
	reg.R2 = 1 - ssr/sst
	reg.AdjR2 = 1 - (1-reg.R2)*float64(n-1)/df
	reg.F, reg.FP = math.NaN(), math.NaN()
	if k > 1 {
		reg.F = (reg.R2 / float64(k-1)) / ((1 - reg.R2) / df)
		reg.FP = distuv.F{D1: float64(k - 1), D2: df}.Survival(reg.F)
	}

	// Cov(β) = s²·(XᵀX)⁻¹ = s²·D⁻¹R⁻¹R⁻ᵀD⁻¹.
	var rinv mat.TriDense
	if err := rinv.InverseTri(r); err != nil {
		var cond mat.Condition
		if !errors.As(err, &cond) {
			return nil, fmt.Errorf("analysis: ols: %w", err)
		}
	}
	reg.cov = make([]float64, k*k)
	for i := range k {
		for j := i; j < k; j++ {
			var v float64
			for l := j; l < k; l++ { // R⁻¹ is upper triangular
				v += rinv.At(i, l) * rinv.At(j, l)
			}
			v *= s2 / (scale[i] * scale[j])
			reg.cov[i*k+j], reg.cov[j*k+i] = v, v
		}
	}

	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	reg.tcrit = t.Quantile(1 - (1-Level)/2)
	reg.Coefficients = make([]Coefficient, k)
	for j := range k {
		name := Intercept
		if j > 0 {
			name = names[j-1]
		}
		reg.Coefficients[j] = reg.coefficient(name, beta[j], math.Sqrt(reg.cov[j*k+j]))
	}
	return reg, nil
}

// coefficient fills in the t statistic, p-value and confidence interval
// of an estimate with the given standard error.
func (r *Regression) coefficient(name string, est, se float64) Coefficient {
	c := Coefficient{Name: name, Estimate: est, StdErr: se, T: est / se}
	c.P = pValue(c.T, float64(r.DF))
	c.CILow, c.CIHigh = est-r.tcrit*se, est+r.tcrit*se
	return c
}

// pValue is the two-sided p-value 2·P(T > |t|) of t under the t
// distribution with df degrees of freedom. Through the survival function
// it keeps its precision for large |t|, where 1 − CDF would round to 0.
func pValue(t, df float64) float64 {
	if math.IsNaN(t) {
		return math.NaN()
	}
	return 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Survival(math.Abs(t))
}

// checkOLS validates the shapes, names and values of the input of OLS.
func checkOLS(y []float64, X [][]float64, names []string) error {
	n := len(y)
	if n == 0 {
		return errorf("no observations")
	}
	if len(names) != len(X) {
		return errorf("%d covariates but %d names", len(X), len(names))
	}
	seen := make(map[string]bool, len(names))
	for j, name := range names {
		switch {
		case strings.TrimSpace(name) == "":
			return errorf("covariate %d has no name", j+1)
		case name == Intercept:
			return errorf("covariate %d is named %q, the name of the intercept OLS adds itself", j+1, Intercept)
		case seen[name]:
			return errorf("covariate name %q appears twice", name)
		}
		seen[name] = true
		if len(X[j]) != n {
			return errorf("covariate %q has %d values, y has %d", name, len(X[j]), n)
		}
	}
	if err := checkValues(y, "y"); err != nil {
		return err
	}
	for j, col := range X {
		if err := checkValues(col, strconv.Quote(names[j])); err != nil {
			return err
		}
	}
	return nil
}

// checkValues rejects NaN and infinite values; what names the variable.
func checkValues(vs []float64, what string) error {
	for row, v := range vs {
		switch {
		case math.IsNaN(v):
			return errorf("%s is missing (NaN) in row %d: pass complete rows only (see Complete)", what, row)
		case math.IsInf(v, 0):
			return errorf("%s is infinite in row %d", what, row)
		}
	}
	return nil
}

// collinear describes why column j of the scaled design is a linear
// combination of the columns before it: it solves R[:j,:j]·c = R[:j,j]
// for the combination and writes it in the units of the data.
func collinear(r *mat.TriDense, scale []float64, names []string, j int) error {
	name := func(i int) string {
		if i == 0 {
			return Intercept
		}
		return strconv.Quote(names[i-1])
	}
	c := make([]float64, j)
	for i := j - 1; i >= 0; i-- {
		v := r.At(i, j)
		for l := i + 1; l < j; l++ {
			v -= r.At(i, l) * c[l]
		}
		c[i] = v / r.At(i, i)
	}
	var with, terms []string
	for i, ci := range c {
		if math.Abs(ci) < 1e-6 {
			continue // a negligible share of a unit-length column
		}
		w := ci * scale[j] / scale[i] // back to the units of the data
		with = append(with, name(i))
		switch {
		case i == 0:
			terms = append(terms, strconv.FormatFloat(w, 'g', 6, 64))
		default:
			terms = append(terms, strconv.FormatFloat(w, 'g', 6, 64)+"·"+name(i))
		}
	}
	if len(with) == 1 && with[0] == Intercept {
		return errorf("covariate %s is constant (%s in every observation), so it cannot be told apart from the intercept", name(j), terms[0])
	}
	return errorf("covariate %s is collinear with %s (%s ≈ %s): drop one of them, or for dummies leave out a base category",
		name(j), strings.Join(with, ", "), name(j), strings.ReplaceAll(strings.Join(terms, " + "), "+ -", "− "))
}

func norm(v []float64) float64 {
	// Two passes with scaling, so that huge or tiny values neither
	// overflow nor underflow.
	var m float64
	for _, x := range v {
		m = max(m, math.Abs(x))
	}
	if m == 0 {
		return 0
	}
	var s float64
	for _, x := range v {
		s += (x / m) * (x / m)
	}
	return m * math.Sqrt(s)
}

// errorf returns an EINVALID error whose message starts "analysis: ".
func errorf(format string, args ...any) error {
	return generalist.Errorf(generalist.EINVALID, "analysis: "+format, args...)
}
