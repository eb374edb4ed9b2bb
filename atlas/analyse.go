package atlas

import (
	"math"
	"strconv"

	"generalist"
	"generalist/analysis"
)

// Covariates an analysis can use, by id.
var Covariates = []Covariate{
	{ID: "logpop", NB: "log2(folkemengde)", EN: "log2(population)"},
	{ID: "centrality", NB: "sentralitetsklasse (dummyer, klasse 1 er basis)", EN: "centrality class (dummies, class 1 is the base)"},
	{ID: "share80", NB: "andel 80 år og eldre", EN: "share aged 80 and over"},
	{ID: "change10", NB: "befolkningsendring siste 10 år", EN: "population change, last 10 years"},
	{ID: "costindex", NB: "kostnadsindeks 2026", EN: "cost index 2026"},
}

// Covariate is an explanatory variable of the analysis.
type Covariate struct {
	ID string `json:"id"`
	NB string `json:"name_nb"`
	EN string `json:"name_en"`
}

// Analysis relates an indicator to size, centrality and other covariates,
// as Menon Economics did for statutory compliance: a regression, the
// effect of each covariate, and group means by size and centrality class.
// Figures that do not exist (an empty group's mean) are nil.
type Analysis struct {
	Structure  generalist.Structure `json:"structure"`
	Year       int                  `json:"year"`
	Indicator  string               `json:"indicator"`
	Covariates []string             `json:"covariates"`
	N          int                  `json:"n"`
	// Dropped counts municipalities left out for a missing value.
	Dropped      int           `json:"dropped"`
	Coefficients []Coefficient `json:"coefficients"`
	R2           float64       `json:"r2"`
	AdjR2        float64       `json:"adj_r2"`
	ResidualSE   float64       `json:"residual_se"`
	// DoublingEffect is the change in the indicator when the population
	// doubles, other covariates held fixed (logpop only).
	DoublingEffect *Coefficient `json:"doubling_effect,omitempty"`
	BySize         []GroupMean  `json:"by_size_class"`
	ByCentrality   []GroupMean  `json:"by_centrality_class"`
	Points         []Point      `json:"points"`
}

// Coefficient is a regression coefficient with its uncertainty.
type Coefficient struct {
	Name     string   `json:"name"`
	Estimate float64  `json:"estimate"`
	StdErr   float64  `json:"std_err"`
	T        *float64 `json:"t"`
	P        *float64 `json:"p"`
	CILow    float64  `json:"ci_low"`
	CIHigh   float64  `json:"ci_high"`
}

// GroupMean summarises the indicator in a group of municipalities.
type GroupMean struct {
	Group  string   `json:"group"`
	N      int      `json:"n"`
	Mean   *float64 `json:"mean"`
	Median *float64 `json:"median"`
	Min    *float64 `json:"min"`
	Max    *float64 `json:"max"`
}

// Point is one municipality in the analysis.
type Point struct {
	Number     generalist.MunicipalityNumber `json:"number"`
	Name       string                        `json:"name"`
	Population generalist.Persons            `json:"population"`
	Value      float64                       `json:"value"`
	Centrality string                        `json:"centrality_class"`
}

// KOSTRASizeClass returns the size group the committee and KOSTRA use:
// under 5,000, 5,000–19,999 and 20,000 or more.
func KOSTRASizeClass(p generalist.Persons) string {
	switch {
	case p < 5000:
		return "under 5 000"
	case p < 20000:
		return "5 000–19 999"
	}
	return "20 000 og over"
}

// Analyse regresses the indicator value on the chosen covariates over the
// rows (municipalities with the indicator and every covariate present) and
// summarises it by size and centrality class. value gives the indicator of
// a row and whether it exists.
func Analyse(rows []Row, indicator string, value func(*Row) (float64, bool), covariates []string) (*Analysis, error) {
	if len(rows) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "analysis: no municipalities")
	}
	a := &Analysis{Structure: rows[0].Structure, Year: rows[0].Year, Indicator: indicator, Covariates: covariates}
	n := len(rows)
	y := make([]float64, n)
	for i := range rows {
		y[i] = math.NaN()
		if v, ok := value(&rows[i]); ok {
			y[i] = v
		}
	}
	nan := func(v *float64) float64 {
		if v == nil {
			return math.NaN()
		}
		return *v
	}
	var X [][]float64
	var names []string
	seen := map[string]bool{}
	for _, c := range covariates {
		if seen[c] {
			return nil, generalist.Errorf(generalist.EINVALID, "analysis: covariate %q given twice", c)
		}
		seen[c] = true
		col := make([]float64, n)
		switch c {
		case "logpop":
			for i := range rows {
				col[i] = math.NaN()
				if p := rows[i].Population; p.Known && p.Value > 0 {
					col[i] = math.Log2(float64(p.Value))
				}
			}
			X, names = append(X, col), append(names, "log2(folkemengde)")
		case "centrality":
			classes := make([]string, n)
			for i := range rows {
				if rows[i].Centrality != nil {
					classes[i] = strconv.Itoa(*rows[i].Centrality)
				}
			}
			cols, levels, err := analysis.Dummies(classes, "1")
			if err != nil {
				return nil, generalist.Errorf(generalist.EINVALID, "analysis: centrality class: %s (it exists for the 2024 structure only)", generalist.ErrorMessage(err))
			}
			for k := range cols {
				X, names = append(X, cols[k]), append(names, "sentralitet "+levels[k])
			}
		case "share80":
			for i := range rows {
				col[i] = nan(rows[i].Share80)
			}
			X, names = append(X, col), append(names, "andel 80+ (%)")
		case "change10":
			for i := range rows {
				col[i] = nan(rows[i].Change10)
			}
			X, names = append(X, col), append(names, "endring 10 år (%)")
		case "costindex":
			for i := range rows {
				col[i] = nan(rows[i].CostIndex)
			}
			X, names = append(X, col), append(names, "kostnadsindeks 2026")
		default:
			return nil, generalist.Errorf(generalist.EINVALID, "analysis: unknown covariate %q (use logpop, centrality, share80, change10, costindex)", c)
		}
	}
	s, err := analysis.Complete(y, X)
	if err != nil {
		return nil, err
	}
	a.N, a.Dropped = len(s.Y), s.Dropped
	reg, err := analysis.OLS(s.Y, s.X, names)
	if err != nil {
		return nil, err
	}
	for _, c := range reg.Coefficients {
		a.Coefficients = append(a.Coefficients, Coefficient{Name: c.Name, Estimate: c.Estimate, StdErr: c.StdErr,
			T: finite(c.T), P: finite(c.P), CILow: c.CILow, CIHigh: c.CIHigh})
	}
	a.R2, a.AdjR2, a.ResidualSE = reg.R2, reg.AdjR2, reg.ResidualSE
	if seen["logpop"] {
		e, err := reg.Doubling("log2(folkemengde)", 2)
		if err != nil {
			return nil, err
		}
		a.DoublingEffect = &Coefficient{Name: "doubling", Estimate: e.Estimate, StdErr: e.StdErr, CILow: e.CILow, CIHigh: e.CIHigh}
	}

	// Group means and points over every municipality with a value (not
	// only the regression sample).
	var vals []float64
	var sizes, classes []string
	for i := range rows {
		if math.IsNaN(y[i]) {
			continue
		}
		r := &rows[i]
		cls := ""
		if r.Centrality != nil {
			cls = strconv.Itoa(*r.Centrality)
		}
		size := ""
		if r.Population.Known {
			size = KOSTRASizeClass(r.Population.Value)
		}
		vals, sizes, classes = append(vals, y[i]), append(sizes, size), append(classes, cls)
		a.Points = append(a.Points, Point{Number: r.Number, Name: r.ShortName, Population: r.Population.Value, Value: y[i], Centrality: cls})
	}
	a.BySize = groups(analysis.GroupMeans(vals, sizes), []string{"under 5 000", "5 000–19 999", "20 000 og over"})
	a.ByCentrality = groups(analysis.GroupMeans(vals, classes), nil)
	return a, nil
}

// groups converts group means, in the given order when order is set, and
// drops the group of rows without a class.
func groups(gs []analysis.Group, order []string) []GroupMean {
	by := map[string]analysis.Group{}
	for _, g := range gs {
		by[g.Name] = g
	}
	if order == nil {
		for _, g := range gs {
			order = append(order, g.Name)
		}
	}
	var out []GroupMean
	for _, name := range order {
		g, ok := by[name]
		if !ok || name == "" {
			continue
		}
		out = append(out, GroupMean{Group: name, N: g.N, Mean: finite(g.Mean), Median: finite(g.Median), Min: finite(g.Min), Max: finite(g.Max)})
	}
	return out
}

func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}
