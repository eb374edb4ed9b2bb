package optimize

import (
	"math"
	"math/cmplx"
	"strconv"
)

// Convergence diagnostics of an ensemble's chains: the split
// Gelman–Rubin statistic (R-hat) and the effective sample size (ESS) of
// each recorded statistic, as Vehtari, Gelman, Simpson, Carpenter and
// Bürkner define them ("Rank-normalization, folding, and localization:
// an improved R-hat for assessing convergence of MCMC", Bayesian Analysis
// 16 (2021) 667–718), without the rank normalisation: the "basic"
// split-R-hat and ESS of the R package posterior (rhat_basic,
// ess_basic). docs/ensembles.md explains them in plain words.

// Thresholds below which a run is reported as too short (Vehtari et al.
// 2021, section 4: R-hat below 1.01 and a bulk ESS of at least 400).
const (
	RHatLimit = 1.01
	ESSLimit  = 400
)

// splitHalves splits every chain in two halves of equal length (dropping
// the middle draw of an odd chain), all chains cut to the shortest.
func splitHalves(chains [][]float64) [][]float64 {
	n := math.MaxInt
	for _, c := range chains {
		n = min(n, len(c))
	}
	half := n / 2
	out := make([][]float64, 0, 2*len(chains))
	for _, c := range chains {
		out = append(out, c[:half], c[n-half:n])
	}
	return out
}

// meanVar returns the mean and the variance (denominator n−1) of x.
func meanVar(x []float64) (mean, v float64) {
	for _, a := range x {
		mean += a
	}
	mean /= float64(len(x))
	for _, a := range x {
		v += (a - mean) * (a - mean)
	}
	if len(x) > 1 {
		v /= float64(len(x) - 1)
	}
	return mean, v
}

// varParts returns, for m chains of n draws each, the mean within-chain
// variance W and the pooled estimate of the variance
// var⁺ = (n−1)/n·W + B/n, where B/n is the variance of the chain means.
func varParts(chains [][]float64) (w, varPlus float64) {
	m := len(chains)
	n := len(chains[0])
	means := make([]float64, m)
	for i, c := range chains {
		var v float64
		means[i], v = meanVar(c)
		w += v
	}
	w /= float64(m)
	var bOverN float64
	if m > 1 {
		_, bOverN = meanVar(means)
	}
	return w, float64(n-1)/float64(n)*w + bOverN
}

// SplitRHat returns the split Gelman–Rubin statistic of chains (each a
// sequence of draws of one statistic): every chain is cut in two halves,
// and R-hat = √(var⁺ / W) over the halves. Values near 1 say the chains
// (and the halves of each) agree; Vehtari et al. ask for below 1.01. It
// returns NaN with fewer than 4 draws per chain, and 1 when every draw of
// every chain is the same (nothing to disagree about).
func SplitRHat(chains [][]float64) float64 {
	if len(chains) == 0 {
		return math.NaN()
	}
	s := splitHalves(chains)
	if len(s[0]) < 2 {
		return math.NaN()
	}
	w, vp := varParts(s)
	if w == 0 {
		if vp == 0 {
			return 1
		}
		return math.Inf(1)
	}
	return math.Sqrt(vp / w)
}

// ESS returns the effective sample size of chains, split in halves as for
// SplitRHat: the number of independent draws that would estimate the
// statistic's mean as precisely. With m half-chains of n draws,
// ESS = m·n / τ, where τ = −1 + 2·Σ P̂ₖ sums the pairs of estimated
// autocorrelations P̂ₖ = ρ̂₂ₖ + ρ̂₂ₖ₊₁ up to the first negative pair, made
// monotone (Geyer's initial monotone sequence), with
// ρ̂ₜ = 1 − (W − mean autocovariance at lag t) / var⁺. ESS is capped at
// m·n·log₁₀(m·n) as Stan does. It returns NaN with fewer than 4 draws
// per chain, and m·n when every draw is the same.
func ESS(chains [][]float64) float64 {
	if len(chains) == 0 {
		return math.NaN()
	}
	s := splitHalves(chains)
	n := len(s[0])
	if n < 2 {
		return math.NaN()
	}
	m := len(s)
	total := float64(m * n)
	w, vp := varParts(s)
	if vp == 0 {
		return total
	}
	acov := make([]float64, n)
	for _, c := range s {
		for t, v := range autocovariance(c) {
			acov[t] += v / float64(m)
		}
	}
	rho := func(t int) float64 { return 1 - (w-acov[t])/vp }
	// Geyer: pairs while positive, monotone.
	tau := 0.0
	prev := math.Inf(1)
	for k := 0; 2*k+1 < n; k++ {
		p := rho(2*k) + rho(2*k+1)
		if p < 0 {
			break
		}
		p = min(p, prev)
		prev = p
		tau += 2 * p
	}
	tau--
	ess := total / tau
	return min(ess, total*math.Log10(total))
}

// autocovariance returns the autocovariances of x at lags 0..n−1 with the
// 1/n normalisation, by FFT in O(n log n).
func autocovariance(x []float64) []float64 {
	n := len(x)
	mean, _ := meanVar(x)
	size := 1
	for size < 2*n {
		size <<= 1
	}
	a := make([]complex128, size)
	for i, v := range x {
		a[i] = complex(v-mean, 0)
	}
	fft(a, false)
	for i, v := range a {
		a[i] = complex(real(v)*real(v)+imag(v)*imag(v), 0)
	}
	fft(a, true)
	out := make([]float64, n)
	for t := range out {
		out[t] = real(a[t]) / float64(size) / float64(n)
	}
	return out
}

// fft transforms a in place (len(a) a power of two); inverse without the
// 1/len scaling.
func fft(a []complex128, inverse bool) {
	n := len(a)
	for i, j := 1, 0; i < n; i++ {
		bit := n >> 1
		for ; j&bit != 0; bit >>= 1 {
			j ^= bit
		}
		j ^= bit
		if i < j {
			a[i], a[j] = a[j], a[i]
		}
	}
	for size := 2; size <= n; size <<= 1 {
		ang := 2 * math.Pi / float64(size)
		if !inverse {
			ang = -ang
		}
		wn := cmplx.Rect(1, ang)
		for start := 0; start < n; start += size {
			w := complex(1, 0)
			for k := range size / 2 {
				u, v := a[start+k], a[start+k+size/2]*w
				a[start+k], a[start+k+size/2] = u+v, u-v
				w *= wn
			}
		}
	}
}

// Diagnostics says whether an ensemble's chains ran long enough: per
// chain, how often a proposal changed the plan and the effective sample
// size of each statistic; across chains, the split R-hat and the
// combined effective sample size.
type Diagnostics struct {
	Chains     []ChainDiagnostics `json:"chains"`
	Statistics []StatDiagnostics  `json:"statistics"`
	// TooShort is true when some statistic has an R-hat above RHatLimit
	// or an ESS below ESSLimit: the summaries may still depend on where
	// the chains started. Warnings say which, in English.
	TooShort bool     `json:"too_short"`
	Warnings []string `json:"warnings"`
	// RHatLimit and ESSLimit are the thresholds used.
	RHatLimit float64 `json:"rhat_limit"`
	ESSLimit  float64 `json:"ess_limit"`
}

// ChainDiagnostics describes one chain.
type ChainDiagnostics struct {
	Chain int `json:"chain"`
	// Steps are the chain's proposals, Recorded those after burn-in,
	// Accepted those that changed the plan; Acceptance = Accepted/Steps.
	Steps      int     `json:"steps"`
	Recorded   int     `json:"recorded"`
	Accepted   int     `json:"accepted"`
	Acceptance float64 `json:"acceptance"`
	// ESS is the effective sample size of each statistic in this chain
	// alone, in the order of Diagnostics.Statistics.
	ESS []float64 `json:"ess"`
}

// StatDiagnostics describes one statistic across the chains.
type StatDiagnostics struct {
	// Name is objective, max_weight, min_weight or cut_edges.
	Name string  `json:"name"`
	RHat float64 `json:"rhat"`
	ESS  float64 `json:"ess"`
	// Constant is true when the statistic never changed (R-hat 1 and
	// ESS the number of draws by convention).
	Constant bool `json:"constant"`
	// Converged is RHat ≤ RHatLimit and ESS ≥ ESSLimit.
	Converged bool `json:"converged"`
}

// diagnose computes the diagnostics of series[s][c] (statistic s, chain
// c) with names[s], and the chains' step and acceptance counts.
func diagnose(names []string, series [][][]float64, steps, accepted []int) Diagnostics {
	d := Diagnostics{RHatLimit: RHatLimit, ESSLimit: ESSLimit, Warnings: []string{}}
	for c := range steps {
		cd := ChainDiagnostics{Chain: c, Steps: steps[c], Accepted: accepted[c]}
		if len(series) > 0 {
			cd.Recorded = len(series[0][c])
		}
		if steps[c] > 0 {
			cd.Acceptance = float64(accepted[c]) / float64(steps[c])
		}
		for s := range series {
			cd.ESS = append(cd.ESS, finite(ESS(series[s][c:c+1])))
		}
		d.Chains = append(d.Chains, cd)
	}
	for s, name := range names {
		sd := StatDiagnostics{Name: name, RHat: finite(SplitRHat(series[s])), ESS: finite(ESS(series[s]))}
		sd.Constant = constant(series[s])
		if sd.Constant && sd.RHat > 0 {
			// The convention, also where the formulas would divide the
			// rounding noise of a mean such as 30.4542 by itself.
			sd.RHat, sd.ESS = 1, float64(draws(series[s]))
		}
		sd.Converged = sd.RHat > 0 && sd.RHat <= RHatLimit && sd.ESS >= ESSLimit
		if !sd.Converged {
			d.TooShort = true
			switch {
			case sd.RHat == 0:
				d.Warnings = append(d.Warnings, name+": too few steps after burn-in to judge convergence")
			case sd.RHat > RHatLimit:
				d.Warnings = append(d.Warnings, name+": the chains disagree (R-hat "+ftoa(sd.RHat, 3)+" > "+ftoa(RHatLimit, 2)+"); run more steps")
			default:
				d.Warnings = append(d.Warnings, name+": only "+ftoa(sd.ESS, 0)+" effective draws (< "+ftoa(ESSLimit, 0)+"); run more steps")
			}
		}
		d.Statistics = append(d.Statistics, sd)
	}
	return d
}

// finite maps NaN to 0 and +Inf to a large number, so the diagnostics
// encode as JSON; 0 means "not computable".
func finite(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return 0
	case math.IsInf(x, 1):
		return math.MaxFloat32
	}
	return x
}

func ftoa(x float64, prec int) string { return strconv.FormatFloat(x, 'f', prec, 64) }

func draws(chains [][]float64) int {
	n := 0
	for _, c := range chains {
		n += len(c)
	}
	return n
}

func constant(chains [][]float64) bool {
	if len(chains) == 0 || len(chains[0]) == 0 {
		return false
	}
	for _, c := range chains {
		for _, v := range c {
			if v != chains[0][0] {
				return false
			}
		}
	}
	return true
}
