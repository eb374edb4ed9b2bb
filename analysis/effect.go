package analysis

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Effect is a linear combination of the coefficients of a Regression,
// such as a partial effect or a prediction, with its standard error,
// t statistic, two-sided p-value and 95 % confidence interval.
type Effect struct {
	Name string
	// Change is the change in the covariate the effect is for: 1 for a
	// unit change (or a dummy's category against the base), log_b 2 for
	// a doubling of a covariate in base-b logarithms; 0 for a prediction.
	Change        float64
	Estimate      float64
	StdErr        float64
	T, P          float64
	CILow, CIHigh float64
}

// Partial returns the partial effect on y of increasing the covariate
// name by change, all other covariates held fixed: βⱼ·change, with
// standard error |change|·se(βⱼ). The model is linear in its covariates,
// so the effect is the same at every point; for a covariate entered as a
// logarithm use [Regression.Doubling], and for the expected y at given
// covariate values [Regression.Predict]. For a dummy, Partial(name, 1)
// is the difference from the base category.
//
// It returns an EINVALID error for a name that is not a covariate (the
// intercept is none) or a change that is zero or not finite.
func (r *Regression) Partial(name string, change float64) (Effect, error) {
	j := r.index(name)
	if j < 1 {
		return Effect{}, errorf("no covariate %q in the model (have %s)", name, r.names())
	}
	if change == 0 || math.IsNaN(change) || math.IsInf(change, 0) {
		return Effect{}, errorf("partial effect of %q: change %v must be finite and not zero", name, change)
	}
	c := r.Coefficients[j]
	e := r.coefficient(name, c.Estimate*change, c.StdErr*math.Abs(change))
	return Effect{Name: name, Change: change, Estimate: e.Estimate, StdErr: e.StdErr, T: e.T, P: e.P, CILow: e.CILow, CIHigh: e.CIHigh}, nil
}

// Doubling returns the effect on y of doubling x for a covariate entered
// as log_base(x): doubling x adds log_base(2) to the covariate, so the
// effect is βⱼ·log_base(2) — βⱼ itself for base 2, 0.693·βⱼ for natural
// logarithms (base math.E) and 0.301·βⱼ for base 10. It is the
// customary way to state the effect of municipality size: "a
// municipality twice as large scores Estimate points higher".
//
// It returns an EINVALID error for an unknown name or a base that is not
// positive, finite and different from 1.
func (r *Regression) Doubling(name string, base float64) (Effect, error) {
	if !(base > 0) || base == 1 || math.IsInf(base, 0) {
		return Effect{}, errorf("doubling %q: logarithm base %v must be positive, finite and not 1", name, base)
	}
	return r.Partial(name, math.Log(2)/math.Log(base))
}

// Effects returns the partial effect of every covariate, in the order of
// the model and without the intercept: the effect of doubling for the
// covariates named in logBase (mapped to the base of their logarithm),
// the effect of a unit change for the others (for a dummy, the
// difference from the base category). A name in logBase that is not in
// the model is an EINVALID error, as is an invalid base.
func (r *Regression) Effects(logBase map[string]float64) ([]Effect, error) {
	for name := range logBase {
		if r.index(name) < 1 {
			return nil, errorf("logBase names %q, which is not a covariate of the model (have %s)", name, r.names())
		}
	}
	out := make([]Effect, 0, len(r.Coefficients)-1)
	for _, c := range r.Coefficients[1:] {
		var e Effect
		var err error
		if b, ok := logBase[c.Name]; ok {
			e, err = r.Doubling(c.Name, b)
		} else {
			e, err = r.Partial(c.Name, 1)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Predict returns the expected value of y at the covariate values at (one
// per covariate, in the order of the model, without the intercept):
// ŷ = β₀ + Σ βⱼ·atⱼ, with the standard error √(xᵀ·Cov(β)·x) of the
// estimated mean, x = (1, at…), and its confidence interval. It is the
// interval for the mean of municipalities with these values, not for a
// single municipality, whose interval would also include the error
// variance s². It returns an EINVALID error when at has the wrong length
// or a value that is not finite.
func (r *Regression) Predict(at []float64) (Effect, error) {
	k := len(r.Coefficients)
	if len(at) != k-1 {
		return Effect{}, errorf("predict: %d values for %d covariates", len(at), k-1)
	}
	x := make([]float64, k)
	x[0] = 1
	for j, v := range at {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Effect{}, errorf("predict: value %v of %q is not finite", v, r.Coefficients[j+1].Name)
		}
		x[j+1] = v
	}
	var est, v float64
	for i := range k {
		est += x[i] * r.Coefficients[i].Estimate
		for j := range k {
			v += x[i] * r.cov[i*k+j] * x[j]
		}
	}
	e := r.coefficient("", est, math.Sqrt(max(v, 0)))
	return Effect{Estimate: e.Estimate, StdErr: e.StdErr, T: e.T, P: e.P, CILow: e.CILow, CIHigh: e.CIHigh}, nil
}

// Covariance returns a copy of the estimated covariance matrix
// s²(XᵀX)⁻¹ of the coefficients, intercept first.
func (r *Regression) Covariance() [][]float64 {
	k := len(r.Coefficients)
	out := make([][]float64, k)
	for i := range out {
		out[i] = slices.Clone(r.cov[i*k : (i+1)*k])
	}
	return out
}

// Coefficient returns the coefficient with the given name (Intercept for
// the intercept) and whether the model has it.
func (r *Regression) Coefficient(name string) (Coefficient, bool) {
	if j := r.index(name); j >= 0 {
		return r.Coefficients[j], true
	}
	return Coefficient{}, false
}

// WriteTo writes the coefficient table and the fit statistics as
// aligned plain text, in the layout of the common statistics packages.
func (r *Regression) WriteTo(w io.Writer) (int64, error) {
	var t, b strings.Builder
	// Names align left, numbers right: pad the names to one width, and
	// drop the padding tabwriter puts before the first column.
	width := utf8.RuneCountInString("Term")
	for _, c := range r.Coefficients {
		width = max(width, utf8.RuneCountInString(c.Name))
	}
	left := func(s string) string { return s + strings.Repeat(" ", width-utf8.RuneCountInString(s)) }
	tw := tabwriter.NewWriter(&t, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tEstimate\tStd. error\tt\tP>|t|\t95 %% CI low\t95 %% CI high\t\n", left("Term"))
	for _, c := range r.Coefficients {
		p := fmt.Sprintf("%.4f", c.P)
		if c.P < 0.0001 {
			p = "<0.0001"
		}
		fmt.Fprintf(tw, "%s\t%.4g\t%.4g\t%.2f\t%s\t%.4g\t%.4g\t\n", left(c.Name), c.Estimate, c.StdErr, c.T, p, c.CILow, c.CIHigh)
	}
	tw.Flush()
	for line := range strings.Lines(t.String()) {
		b.WriteString(strings.TrimPrefix(line, "  "))
	}
	fmt.Fprintf(&b, "N = %d, DF = %d, R² = %.4f, adjusted R² = %.4f, residual SE = %.4g", r.N, r.DF, r.R2, r.AdjR2, r.ResidualSE)
	if !math.IsNaN(r.F) {
		fmt.Fprintf(&b, ", F = %.4g (p = %.2g)", r.F, r.FP)
	}
	b.WriteString("\n")
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

func (r *Regression) index(name string) int {
	for j, c := range r.Coefficients {
		if c.Name == name {
			return j
		}
	}
	return -1
}

func (r *Regression) names() string {
	var ns []string
	for _, c := range r.Coefficients[1:] {
		ns = append(ns, fmt.Sprintf("%q", c.Name))
	}
	if len(ns) == 0 {
		return "none"
	}
	return strings.Join(ns, ", ")
}
