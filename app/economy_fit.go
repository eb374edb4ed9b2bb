package app

import (
	"context"
	"math"

	"generalist"
	"generalist/economy"
)

// EqualisationFit is how a budget year's income-equalisation parameters
// rest on KDD's final settlements: which were derived from the same
// settlement rows the model is then compared with (an in-sample fit, not
// an independent check), the least-squares fit itself, and each row's
// residual.
type EqualisationFit struct {
	Year int `json:"year"`
	// RatesDerived reports whether the symmetric rate, the additional rate
	// and its threshold were derived from the settlements (2025) rather
	// than read from a published text; DeductionDerived the same for the
	// financing deduction (every year).
	RatesDerived     bool `json:"rates_derived"`
	DeductionDerived bool `json:"deduction_derived"`
	// Rates are the year's parameters as the model uses them.
	Rates economy.Rates `json:"rates"`
	// Fit is the least-squares fit on the year's rows; nil when they do
	// not allow one (FitError says why).
	Fit      *economy.RateFit `json:"fit,omitempty"`
	FitError string           `json:"fit_error,omitempty"`
	// Rows are the settlement rows of the year, sorted by municipality.
	Rows []FitRow `json:"rows"`
	// Parameters are the four parameters as the year's file gives them.
	Parameters []economy.NamedParam `json:"parameters"`
}

// FitRow is one settlement row against the model.
type FitRow struct {
	Municipality generalist.MunicipalityNumber `json:"municipality"`
	Name         string                        `json:"name"`
	// TaxShare is the tax per inhabitant as a share of the national
	// average; BelowThreshold whether it is below the additional
	// compensation's threshold (the row then also fits the additional
	// rate).
	TaxShare       float64 `json:"tax_share_of_average"`
	BelowThreshold bool    `json:"below_threshold"`
	// Published is KDD's net equalisation per inhabitant, Computed the
	// model's with the year's parameters, Residual Computed − Published.
	Published float64 `json:"published"`
	Computed  float64 `json:"computed"`
	Residual  float64 `json:"residual"`
}

// EqualisationFit returns how the income-equalisation parameters of a
// budget year (0: the latest) rest on the year's settlements. A year
// without parameters, settlement rows or national average is ENOTFOUND;
// a year whose rates have no value is the parameter's error.
func (a *App) EqualisationFit(ctx context.Context, year int) (*EqualisationFit, error) {
	m, p, err := a.EconomyParams(ctx, year)
	if err != nil {
		return nil, err
	}
	year = p.Year
	rates, err := economy.RatesOf(p)
	if err != nil {
		return nil, err
	}
	avg, ok := m.Data.NationalTax[year]
	if !ok {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no national average tax per inhabitant for %d", year)
	}
	obs := m.Data.Observations(year)
	if len(obs) == 0 {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no settlement rows for %d", year)
	}
	f := &EqualisationFit{Year: year, Rates: rates,
		RatesDerived:     p.Param(economy.SymmetricRate).Derived,
		DeductionDerived: p.Param(economy.FinancingDeduction).Derived}
	for _, name := range []string{economy.SymmetricRate, economy.AdditionalRate, economy.AdditionalThreshold, economy.FinancingDeduction} {
		f.Parameters = append(f.Parameters, economy.NamedParam{Name: name, Param: p.Param(name)})
	}
	if fit, err := economy.FitRates(avg, obs, rates.Threshold); err == nil {
		f.Fit = &fit
	} else {
		f.FitError = generalist.ErrorMessage(err)
		if err == economy.ErrTooFewRows {
			f.FitError = "fewer than two rows on one side of the threshold"
		}
	}
	for _, o := range obs {
		net := float64(rates.Equalise(avg, o.Tax).Net)
		f.Rows = append(f.Rows, FitRow{Municipality: o.Municipality, Name: m.Data.Names[o.Municipality],
			TaxShare: o.Tax / avg, BelowThreshold: o.Tax < rates.Threshold*avg,
			Published: o.Net, Computed: net, Residual: net - o.Net})
	}
	return f, nil
}

// MaxResidual is the largest absolute residual of the rows.
func (f *EqualisationFit) MaxResidual() float64 {
	m := 0.0
	for _, r := range f.Rows {
		m = math.Max(m, math.Abs(r.Residual))
	}
	return m
}
