package economy

import (
	"cmp"
	"errors"
	"math"
	"slices"

	"generalist"
)

// Rates are the rules of the income equalisation (inntektsutjevning) in a
// budget year.
type Rates struct {
	Symmetric  float64 `json:"symmetric_rate"`       // share of the gap to the average, both ways
	Additional float64 `json:"additional_rate"`      // extra share of the gap below Threshold
	Threshold  float64 `json:"additional_threshold"` // share of the average
	// Deduction finances the additional compensation: kroner per
	// inhabitant, the same for every municipality.
	Deduction float64 `json:"financing_deduction"`
}

// RatesOf reads the income-equalisation parameters of p. The error names
// every parameter without a value.
func RatesOf(p *Params) (Rates, error) {
	var r Rates
	var errs []error
	for _, x := range []struct {
		name string
		dst  *float64
	}{{SymmetricRate, &r.Symmetric}, {AdditionalRate, &r.Additional}, {AdditionalThreshold, &r.Threshold}, {FinancingDeduction, &r.Deduction}} {
		v, err := p.Get(x.name)
		if err != nil {
			errs = append(errs, err)
		}
		*x.dst = v
	}
	if len(errs) > 0 {
		return Rates{}, joinErrors(errs)
	}
	return r, nil
}

// Equalisation is one municipality's income equalisation per inhabitant.
type Equalisation struct {
	NationalAverage  generalist.Kroner `json:"national_average"`
	TaxPerInhabitant generalist.Kroner `json:"tax_per_inhabitant"`
	Share            float64           `json:"share_of_average"`
	// Symmetric is Rates.Symmetric × (average − tax): positive below the
	// average, negative above.
	Symmetric generalist.Kroner `json:"symmetric"`
	// Additional is Rates.Additional × (Threshold × average − tax) below
	// the threshold, zero above.
	Additional generalist.Kroner `json:"additional"`
	// Deduction is minus Rates.Deduction.
	Deduction generalist.Kroner `json:"deduction"`
	Net       generalist.Kroner `json:"net"`
}

// Equalise computes the income equalisation per inhabitant of a
// municipality with tax per inhabitant tax when the national average is
// avg (both in kroner, as in KDD's settlement):
//
//	net = s·(a − t) + r·max(0, h·a − t) − D
//
// It takes constant time. The rule is the one in force until 2024 (60 %
// symmetric plus 35 % below 90 %, Kommunal Rapport 2016, see
// docs domain research C2) with the year's rates; the rates of 2025 were
// found from KDD's settlement with FitRates.
func (r Rates) Equalise(avg, tax float64) Equalisation {
	e := Equalisation{NationalAverage: generalist.Kroner(avg), TaxPerInhabitant: generalist.Kroner(tax)}
	if avg > 0 {
		e.Share = tax / avg
	}
	e.Symmetric = generalist.Kroner(r.Symmetric * (avg - tax))
	if gap := r.Threshold*avg - tax; gap > 0 {
		e.Additional = generalist.Kroner(r.Additional * gap)
	}
	e.Deduction = generalist.Kroner(-r.Deduction)
	e.Net = e.Symmetric + e.Additional + e.Deduction
	return e
}

// gross returns the equalisation before the financing deduction.
func (r Rates) gross(avg, tax float64) float64 {
	g := r.Symmetric * (avg - tax)
	if gap := r.Threshold*avg - tax; gap > 0 {
		g += r.Additional * gap
	}
	return g
}

// Observation is a published settlement row used to fit or check the
// rules: tax and net equalisation per inhabitant, in kroner.
type Observation struct {
	Municipality generalist.MunicipalityNumber `json:"municipality"`
	Tax          float64                       `json:"tax_per_inhabitant"`
	Net          float64                       `json:"net_per_inhabitant"`
}

// ImpliedDeduction is the financing deduction one municipality's published
// settlement implies: its equalisation before the deduction minus the
// published net.
type ImpliedDeduction struct {
	Municipality generalist.MunicipalityNumber `json:"municipality"`
	Value        float64                       `json:"value"`
}

// DeductionFit is the financing deduction derived from one year's
// published settlements.
type DeductionFit struct {
	Year    int                `json:"year"`
	Implied []ImpliedDeduction `json:"implied"`
	Min     float64            `json:"min"`
	Max     float64            `json:"max"`
	// Spread is Max − Min. The published tax and net are rounded to øre,
	// so the implied values of one year scatter by up to Rates.MaxSpread
	// even when the deduction is one amount for all.
	Spread float64 `json:"spread"`
	// Value is the middle of [Min, Max] rounded to 0.0001 kr: the value
	// that keeps every municipality's computed net closest to the
	// published one.
	Value float64 `json:"value"`
}

// MaxSpread returns the largest spread of implied deductions, in kroner,
// that rounding the published inputs to øre can cause under rates r. Each
// implied value is off by at most (s+r·h)·½ øre through the national
// average, (s+r)·½ øre through the tax and ½ øre through the net. The
// average's error is common to a year, so two municipalities differ by at
// most r·h·½ + 2·(s+r)·½ + 2·½ øre: 0.0211 kr for 60/35/90, 0.0213 kr for
// 62/35/90.
func (r Rates) MaxSpread() float64 {
	return 0.005 * (r.Additional*r.Threshold + 2*(r.Symmetric+r.Additional) + 2)
}

// FitDeduction derives the financing deduction of one year from published
// settlements, given the year's rates (r.Deduction is ignored). It takes
// O(n) time for n observations and panics on none.
func FitDeduction(year int, r Rates, avg float64, obs []Observation) DeductionFit {
	if len(obs) == 0 {
		panic("economy: FitDeduction with no observations")
	}
	f := DeductionFit{Year: year, Min: math.Inf(1), Max: math.Inf(-1)}
	for _, o := range obs {
		v := r.gross(avg, o.Tax) - o.Net
		f.Implied = append(f.Implied, ImpliedDeduction{o.Municipality, v})
		f.Min = math.Min(f.Min, v)
		f.Max = math.Max(f.Max, v)
	}
	f.Spread = f.Max - f.Min
	f.Value = math.Round((f.Min+f.Max)/2*1e4) / 1e4
	return f
}

// RateFit is the income-equalisation rule recovered from one year's
// published settlements.
type RateFit struct {
	// Symmetric is the least-squares slope of the net equalisation on
	// (average − tax) over the municipalities above the threshold, and
	// Deduction its intercept (negated).
	Symmetric     float64 `json:"symmetric_rate"`
	Deduction     float64 `json:"financing_deduction"`
	SymmetricRows int     `json:"symmetric_rows"`
	// Additional and Threshold fit what is left for the municipalities
	// below the threshold, r·(h·a − t), by least squares (exactly with
	// two of them).
	Additional     float64 `json:"additional_rate"`
	Threshold      float64 `json:"additional_threshold"`
	AdditionalRows int     `json:"additional_rows"`
}

// ErrTooFewRows is returned by FitRates when there are not at least two
// municipalities on each side of the threshold guess.
var ErrTooFewRows = errors.New("economy: too few settlements on one side of the threshold to fit the rates")

// FitRates recovers the symmetric rate, the additional rate and its
// threshold from one year's published settlements. Municipalities with
// tax at or above guess × avg are taken to get the symmetric part only;
// the fitted threshold must then lie below every one of them and above
// every municipality below it, or the guess was wrong and the fit fails.
// It takes O(n) time.
func FitRates(avg float64, obs []Observation, guess float64) (RateFit, error) {
	var above, below []Observation
	for _, o := range obs {
		if o.Tax >= guess*avg {
			above = append(above, o)
		} else {
			below = append(below, o)
		}
	}
	if len(above) < 2 || len(below) < 2 {
		return RateFit{}, ErrTooFewRows
	}
	var f RateFit
	// net = s·x − D with x = avg − tax.
	xs := make([]float64, len(above))
	ys := make([]float64, len(above))
	for i, o := range above {
		xs[i], ys[i] = avg-o.Tax, o.Net
	}
	slope, icept := leastSquares(xs, ys)
	f.Symmetric, f.Deduction, f.SymmetricRows = slope, -icept, len(above)
	// rest = r·h·a − r·t.
	xs, ys = xs[:0], ys[:0]
	for _, o := range below {
		xs = append(xs, o.Tax)
		ys = append(ys, o.Net-(f.Symmetric*(avg-o.Tax)-f.Deduction))
	}
	slope, icept = leastSquares(xs, ys)
	f.Additional = -slope
	f.AdditionalRows = len(below)
	if f.Additional <= 0 {
		return RateFit{}, generalist.Errorf(generalist.EINVALID, "the municipalities below %.0f %% of the average get no additional compensation; the rule does not fit", guess*100)
	}
	f.Threshold = icept / f.Additional / avg
	lo, hi := math.Inf(-1), math.Inf(1)
	for _, o := range below {
		lo = math.Max(lo, o.Tax/avg)
	}
	for _, o := range above {
		hi = math.Min(hi, o.Tax/avg)
	}
	if f.Threshold < lo || f.Threshold > hi {
		return RateFit{}, generalist.Errorf(generalist.EINVALID, "the fitted threshold %.4f does not separate the municipalities (%.4f–%.4f); try another guess", f.Threshold, lo, hi)
	}
	return f, nil
}

// leastSquares fits y = a·x + b.
func leastSquares(xs, ys []float64) (a, b float64) {
	n := float64(len(xs))
	var sx, sy, sxx, sxy float64
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
		sxx += xs[i] * xs[i]
		sxy += xs[i] * ys[i]
	}
	a = (n*sxy - sx*sy) / (n*sxx - sx*sx)
	b = (sy - a*sx) / n
	return a, b
}

// CheckRow compares the computed net equalisation per inhabitant with
// KDD's final settlement.
type CheckRow struct {
	Municipality generalist.MunicipalityNumber `json:"municipality"`
	Year         int                           `json:"year"`
	Tax          float64                       `json:"tax_per_inhabitant"`
	Published    float64                       `json:"published"`
	Computed     float64                       `json:"computed"`
	// Difference is Computed − Published, unrounded.
	Difference float64 `json:"difference"`
	// SameOre reports whether Computed rounded to øre equals Published.
	SameOre bool   `json:"same_ore"`
	FromKDD bool   `json:"from_kdd"`
	Source  string `json:"source"`
}

// Check computes every settlement in d with the parameters of its year
// and compares it with the published value, sorted by year and
// municipality. A year without parameters or national average is an
// error.
func Check(ps ParamSet, d *Data) ([]CheckRow, error) {
	var out []CheckRow
	for _, s := range d.Settlements {
		p, err := ps.Year(s.Year)
		if err != nil {
			return nil, err
		}
		r, err := RatesOf(p)
		if err != nil {
			return nil, err
		}
		avg, ok := d.NationalTax[s.Year]
		if !ok {
			return nil, generalist.Errorf(generalist.ENOTFOUND, "no national average tax per inhabitant for %d", s.Year)
		}
		net := float64(r.Equalise(avg, s.TaxPerInhabitant).Net)
		out = append(out, CheckRow{Municipality: s.Municipality, Year: s.Year, Tax: s.TaxPerInhabitant, Published: s.NetPerInhabitant,
			Computed: net, Difference: net - s.NetPerInhabitant, SameOre: generalist.RoundOre(net) == generalist.RoundOre(s.NetPerInhabitant), FromKDD: s.FromKDD, Source: s.Source})
	}
	slices.SortFunc(out, func(a, b CheckRow) int {
		if a.Year != b.Year {
			return a.Year - b.Year
		}
		return cmp.Compare(a.Municipality, b.Municipality)
	})
	return out, nil
}

// Observations returns the settlements of one year as observations,
// sorted by municipality.
func (d *Data) Observations(year int) []Observation {
	var out []Observation
	for _, s := range d.Settlements {
		if s.Year == year {
			out = append(out, Observation{s.Municipality, s.TaxPerInhabitant, s.NetPerInhabitant})
		}
	}
	slices.SortFunc(out, func(a, b Observation) int { return cmp.Compare(a.Municipality, b.Municipality) })
	return out
}

// joinErrors joins domain errors into one EINVALID-or-ENOTFOUND error
// whose message lists them all.
func joinErrors(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	msg := generalist.ErrorMessage(errs[0])
	for _, e := range errs[1:] {
		msg += "; " + generalist.ErrorMessage(e)
	}
	return generalist.Errorf(generalist.ErrorCode(errs[0]), "%s", msg)
}
