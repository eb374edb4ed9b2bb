package atlas

import (
	"context"
	"math"

	"generalist"
)

// Row is everything the atlas knows about one municipality of a structure
// in one year. Pointer fields are nil where there is no data (areas,
// centrality, cost index and ROBEK exist for the 2024 structure only).
type Row struct {
	generalist.Municipality
	CountyName string           `json:"county_name"`
	Year       int              `json:"year"`
	Population generalist.Count `json:"population"`
	// Sex and Ages are present when the source has the split for Year.
	Sex  *generalist.Sex       `json:"sex,omitempty"`
	Ages *generalist.AgeCounts `json:"ages,omitempty"`

	AreaKm2      *float64 `json:"area_km2"`
	Density      *float64 `json:"density"` // inhabitants per km²
	AdminCentre  string   `json:"admin_centre,omitempty"`
	LanguageForm string   `json:"language_form,omitempty"`
	Centrality   *int     `json:"centrality_class"`
	CostIndex    *float64 `json:"cost_index"` // budget year CostIndexYear
	CostIndex25  *float64 `json:"cost_index_2025"`
	Robek        *string  `json:"robek"` // § 28-1 letters when listed

	// Change10 is the population change in per cent from ten years
	// earlier; nil when either end has no data.
	Change10 *float64 `json:"change_10y_pct"`
	// Share80 is the share (%) of inhabitants aged 80 or older.
	Share80 *float64 `json:"share_80_plus_pct"`
	// WorkingPer80 is inhabitants aged 16–66 per inhabitant aged 80 or
	// older: the demographic pressure on care services.
	WorkingPer80 *float64 `json:"working_age_per_80_plus"`
}

// CostIndexYear is the budget year whose cost index the rows carry.
const CostIndexYear = 2026

// SizeClass returns the population size class used for filtering: one of
// SizeClasses. The limits follow the committee's threshold of 5,000 and
// round numbers above it; they are a presentation choice, not a statute.
func (r *Row) SizeClass() string {
	if !r.Population.Known {
		return ""
	}
	v := r.Population.Value
	for _, c := range SizeClasses {
		if v < c.Below {
			return c.ID
		}
	}
	return SizeClasses[len(SizeClasses)-1].ID
}

// SizeClass is a population size band.
type SizeClass struct {
	ID    string
	Below generalist.Persons // upper limit, exclusive
	NB    string
	EN    string
}

// SizeClasses lists the bands, smallest first.
var SizeClasses = []SizeClass{
	{"u5000", 5000, "under 5 000", "under 5,000"},
	{"5000-9999", 10000, "5 000–9 999", "5,000–9,999"},
	{"10000-19999", 20000, "10 000–19 999", "10,000–19,999"},
	{"20000-49999", 50000, "20 000–49 999", "20,000–49,999"},
	{"50000+", math.MaxInt64, "50 000 og over", "50,000 and over"},
}

// Overview returns a Row for every municipality of s in year, ordered by
// number.
func Overview(ctx context.Context, store generalist.AtlasStore, s generalist.Structure, year int) ([]Row, error) {
	ms, err := store.Municipalities(ctx, s)
	if err != nil {
		return nil, err
	}
	counties, err := store.Counties(ctx, s)
	if err != nil {
		return nil, err
	}
	cname := map[generalist.CountyNumber]string{}
	for _, c := range counties {
		cname[c.Number] = c.Name
	}
	now, err := Population(ctx, store, s, year)
	if err != nil {
		return nil, err
	}
	var before *Counts
	if b, err := Population(ctx, store, s, year-10); err == nil {
		before = b
	} else if generalist.ErrorCode(err) != generalist.ENOTFOUND {
		return nil, err
	}
	detail := map[generalist.MunicipalityNumber]generalist.Population{}
	pops, err := store.Populations(ctx, generalist.PopulationFilter{Structure: s, Year: year})
	if err != nil {
		return nil, err
	}
	for _, p := range pops {
		detail[p.Municipality] = p
	}

	rows := make([]Row, len(ms))
	idx := map[generalist.MunicipalityNumber]int{}
	for i, m := range ms {
		idx[m.Number] = i
		rows[i] = Row{Municipality: m, CountyName: cname[m.County], Year: year, Population: now.Values[i]}
		if p, ok := detail[m.Number]; ok && !p.Missing {
			rows[i].Sex, rows[i].Ages = p.Sex, p.Ages
		}
		r := &rows[i]
		if before != nil {
			if b := before.Values[i]; b.Known && r.Population.Known && b.Value > 0 {
				r.Change10 = ptr(100 * (float64(r.Population.Value) - float64(b.Value)) / float64(b.Value))
			}
		}
		if a := r.Ages; a != nil && r.Population.Value > 0 {
			old := a[generalist.Age80To89] + a[generalist.Age90Plus]
			r.Share80 = ptr(100 * float64(old) / float64(r.Population.Value))
			if old > 0 {
				working := a[generalist.Age16To22] + a[generalist.Age23To66]
				r.WorkingPer80 = ptr(float64(working) / float64(old))
			}
		}
	}
	if s != generalist.Structure2024 {
		return rows, nil
	}
	areas, err := store.Areas(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range areas {
		if i, ok := idx[a.Municipality]; ok {
			r := &rows[i]
			r.AreaKm2 = ptr(float64(a.Km2))
			r.AdminCentre, r.LanguageForm = a.AdminCentre, a.LanguageForm
			if r.Population.Known {
				r.Density = ptr(float64(r.Population.Value) / float64(a.Km2))
			}
		}
	}
	cs, err := store.Centrality(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		if i, ok := idx[c.Municipality]; ok {
			rows[i].Centrality = &c.Class
		}
	}
	ci, err := store.CostIndex(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range ci {
		if i, ok := idx[c.Municipality]; ok {
			switch c.Year {
			case CostIndexYear:
				rows[i].CostIndex = c.Value
			case 2025:
				rows[i].CostIndex25 = c.Value
			}
		}
	}
	rb, err := store.Robek(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range rb {
		if i, ok := idx[x.Municipality]; ok {
			rows[i].Robek = &x.Basis
		}
	}
	return rows, nil
}

func ptr[T any](v T) *T { return &v }

// Indicator is a per-municipality figure that can be mapped and compared.
type Indicator struct {
	ID     string `json:"id"`
	NB     string `json:"name_nb"`
	EN     string `json:"name_en"`
	UnitNB string `json:"unit_nb"`
	UnitEN string `json:"unit_en"`
	Source string `json:"source"`
	// Caveat is shown wherever the indicator is (unverified or partial
	// sources).
	Caveat   string `json:"caveat,omitempty"`
	Decimals int    `json:"decimals"`
	// Only2024 marks indicators whose source exists for the 2024 structure
	// only.
	Only2024 bool                       `json:"only_2024"`
	Value    func(*Row) (float64, bool) `json:"-"`
}

// Indicators lists the mappable indicators.
var Indicators = []Indicator{
	{ID: "population", NB: "Folkemengde", EN: "Population", UnitNB: "innbyggere", UnitEN: "inhabitants", Source: PopulationSource,
		Value: func(r *Row) (float64, bool) { return float64(r.Population.Value), r.Population.Known }},
	{ID: "change10", NB: "Befolkningsendring siste 10 år", EN: "Population change, last 10 years", UnitNB: "prosent", UnitEN: "per cent",
		Source: PopulationSource, Decimals: 1, Value: optional(func(r *Row) *float64 { return r.Change10 })},
	{ID: "share80", NB: "Andel 80 år og eldre", EN: "Share aged 80 and over", UnitNB: "prosent", UnitEN: "per cent",
		Source: PopulationSource, Decimals: 1, Value: optional(func(r *Row) *float64 { return r.Share80 })},
	{ID: "working80", NB: "Innbyggere 16–66 år per innbygger 80+", EN: "Inhabitants 16–66 per inhabitant 80+", UnitNB: "personer", UnitEN: "persons",
		Source: PopulationSource, Decimals: 1, Value: optional(func(r *Row) *float64 { return r.WorkingPer80 })},
	{ID: "area", NB: "Areal", EN: "Area", UnitNB: "km²", UnitEN: "km²", Source: "SSB/Kartverket via aprestmo/norway-geodata",
		Caveat: generalist.AreaCaveat, Only2024: true, Decimals: 0, Value: optional(func(r *Row) *float64 { return r.AreaKm2 })},
	{ID: "density", NB: "Innbyggere per km²", EN: "Inhabitants per km²", UnitNB: "per km²", UnitEN: "per km²", Source: PopulationSource + "; areal: SSB/Kartverket",
		Caveat: generalist.AreaCaveat, Only2024: true, Decimals: 1, Value: optional(func(r *Row) *float64 { return r.Density })},
	{ID: "centrality", NB: "Sentralitetsklasse", EN: "Centrality class", UnitNB: "klasse 1–6", UnitEN: "class 1–6", Source: "SSB sentralitetsklasse (uverifisert)",
		Caveat: generalist.CentralityCaveat, Only2024: true, Value: func(r *Row) (float64, bool) {
			if r.Centrality == nil {
				return 0, false
			}
			return float64(*r.Centrality), true
		}},
	{ID: "costindex", NB: "Kostnadsindeks 2026", EN: "Cost index 2026", UnitNB: "indeks, landet = 1", UnitEN: "index, Norway = 1",
		Source: "KDD, Grønt hefte 2026, tabell A-k", Caveat: generalist.CostIndexCaveat, Only2024: true, Decimals: 3,
		Value: optional(func(r *Row) *float64 { return r.CostIndex })},
	{ID: "costindex2025", NB: "Kostnadsindeks 2025", EN: "Cost index 2025", UnitNB: "indeks, landet = 1", UnitEN: "index, Norway = 1",
		Source: "KDD, Grønt hefte 2025, tabell A-k", Caveat: generalist.CostIndexCaveat, Only2024: true, Decimals: 3,
		Value: optional(func(r *Row) *float64 { return r.CostIndex25 })},
}

// IndicatorByID returns the indicator with the given id.
func IndicatorByID(id string) (Indicator, bool) {
	for _, in := range Indicators {
		if in.ID == id {
			return in, true
		}
	}
	return Indicator{}, false
}

func optional(f func(*Row) *float64) func(*Row) (float64, bool) {
	return func(r *Row) (float64, bool) {
		if v := f(r); v != nil {
			return *v, true
		}
		return 0, false
	}
}
