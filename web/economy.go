package web

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"generalist"
	"generalist/app"
	"generalist/chart"
	"generalist/economy"
	"generalist/internal/nbfmt"
)

// The income system: a municipality's money (/okonomi) and a merger's
// effect year by year (/okonomi?members=…), and the same in the API.

// economyYear returns ?year=, or 0 for the latest budget year with
// parameters.
func economyYear(q url.Values) (int, error) { return yearParam(q, 0) }

// membersParam parses ?members=1111,1112.
func membersParam(q url.Values) ([]generalist.MunicipalityNumber, error) {
	v := q.Get("members")
	if v == "" {
		return nil, generalist.Errorf(generalist.EINVALID, "query parameter members is required: the kommunenummer of the municipalities that merge, comma-separated (members=1111,1112)")
	}
	var out []generalist.MunicipalityNumber
	for _, s := range strings.Split(v, ",") {
		n, err := generalist.ParseMunicipalityNumber(strings.TrimSpace(s))
		if err != nil {
			return nil, generalist.Errorf(generalist.EINVALID, "query parameter members: %s", generalist.ErrorMessage(err))
		}
		out = append(out, n)
	}
	return out, nil
}

func (s *Server) apiEconomyMunicipality(w http.ResponseWriter, r *http.Request) error {
	n, err := municipalityParam(r)
	if err != nil {
		return err
	}
	year, err := economyYear(r.URL.Query())
	if err != nil {
		return err
	}
	st, err := s.app.MunicipalityEconomy(r.Context(), n, year)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

func (s *Server) apiEconomyMerger(w http.ResponseWriter, r *http.Request) error {
	res, err := s.merger(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) merger(r *http.Request) (*economy.Merger, error) {
	q := r.URL.Query()
	members, err := membersParam(q)
	if err != nil {
		return nil, err
	}
	year, err := economyYear(q)
	if err != nil {
		return nil, err
	}
	return s.app.MergerEconomy(r.Context(), members, year)
}

func (s *Server) apiEconomyParameters(w http.ResponseWriter, r *http.Request) error {
	year, err := economyYear(r.URL.Query())
	if err != nil {
		return err
	}
	m, p, err := s.app.EconomyParams(r.Context(), year)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"year": p.Year, "file": p.File, "years": m.Params.Years(), "parameters": p.All()})
	return nil
}

func (s *Server) apiEconomyCheck(w http.ResponseWriter, r *http.Request) error {
	m, err := s.app.Economy(r.Context())
	if err != nil {
		return err
	}
	rows, err := economy.Check(m.Params, m.Data)
	if err != nil {
		return err
	}
	within, same := 0, 0
	for _, row := range rows {
		if math.Abs(row.Difference) < 0.01 {
			within++
		}
		if row.SameOre {
			same++
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"rows": rows, "count": len(rows), "within_one_ore": within, "same_after_rounding": same,
		"method":    "net = s·(a − t) + r·max(0, h·a − t) − D with each year's parameters (data/economy/<year>.json), compared with KDD's final settlement",
		"in_sample": "every year's financing deduction D, and the 2025 rates s, r and h, were derived from these same rows: the agreement is an in-sample fit, not an independent check"})
	return nil
}

// econOption is a municipality in the page's chooser.
type econOption struct {
	Number generalist.MunicipalityNumber
	Name   string
	Sample bool // has tax and grant data in the shipped sample
}

// econRow is a labelled value on the economy page, formatted. Name and
// Source are the file's parameter name and source text, for the
// "Teknisk" disclosure.
type econRow struct {
	Label, Value, Note string
	Missing            bool
	Name, Source       string
}

// econMissing is a figure without data: Reason in plain words, Detail
// the model's own reason (shown under "Teknisk").
type econMissing struct{ Field, Reason, Detail string }

type economyPageData struct {
	Years          []int
	Year           int
	Municipalities []econOption
	Samples        []econOption
	// Statement mode.
	Selected  generalist.MunicipalityNumber
	Statement *economy.Statement
	Rows      []econRow
	Grants    []econRow
	History   template.HTML
	// Merger mode.
	Members     string
	Merger      *economy.Merger
	MemberNames string
	Population  string
	Components  []econComponent
	YearRows    []econYear
	Chart       template.HTML
	// ChartNone says why there is neither chart nor year table when no
	// year has a known part.
	ChartNone    string
	Assumptions  []string
	Params       []econRow
	Compensation string
	PhaseOut     string

	Fit *econFit

	Missing []econMissing
	Sources []string
	JSON    string
}

type econComponent struct {
	Label, Separate, Merged, Change, Rule string
}

type econYear struct {
	Year                                                              int
	Share, Compensation, Net, Income, Regional, OneOff, Reform, Known string
	Missing                                                           string
}

func econLabel(lang, id string) string {
	if _, ok := econLabels[id]; !ok {
		return id
	}
	return msg(lang, "econ.f."+id)
}

// Formatting for the page.
func fmtKr(lang string, k *generalist.Kroner, decimals int) string {
	if k == nil {
		return msg(lang, "nodata")
	}
	return nbfmt.For(lang).Kroner(float64(*k), decimals)
}

func fmtPersons(lang string, p *generalist.Persons) string {
	if p == nil {
		return msg(lang, "nodata")
	}
	return nbfmt.For(lang).Int(int64(*p))
}

func (s *Server) economyOptions(m *economy.Model, year int) (all, samples []econOption) {
	for _, n := range m.Data.Municipalities() {
		k := economy.Key{Municipality: n, Year: year}
		_, hasTax := m.Data.Settlements[k]
		_, hasGrants := m.Data.Grants[k]
		o := econOption{Number: n, Name: m.Data.Names[n], Sample: hasTax || hasGrants}
		all = append(all, o)
		if o.Sample {
			samples = append(samples, o)
		}
	}
	return all, samples
}

func (s *Server) handleEconomy(w http.ResponseWriter, r *http.Request) error {
	return s.servePublic(w, r, s.economyPage) // the public's answer from memory (public.go)
}

func (s *Server) economyPage(w http.ResponseWriter, r *http.Request) error {
	lang := langOf(r)
	q := r.URL.Query()
	year, err := economyYear(q)
	if err != nil {
		return err
	}
	m, p, err := s.app.EconomyParams(r.Context(), year)
	if err != nil {
		return err
	}
	year = p.Year
	d := economyPageData{Years: m.Params.Years(), Year: year}
	d.Municipalities, d.Samples = s.economyOptions(m, year)
	title := msg(lang, "nav.economy")
	switch {
	case q.Get("members") != "":
		res, err := s.merger(r)
		if err != nil {
			return err
		}
		s.fillMerger(lang, &d, res, m)
		d.Members = q.Get("members")
		d.JSON = "/api/v1/economy/merger?" + url.Values{"members": {d.Members}, "year": {strconv.Itoa(year)}}.Encode()
		title = d.MemberNames
	case q.Get("municipality") != "":
		n, err := generalist.ParseMunicipalityNumber(q.Get("municipality"))
		if err != nil {
			return generalist.Errorf(generalist.EINVALID, "query parameter municipality: %s", generalist.ErrorMessage(err))
		}
		st, err := s.app.MunicipalityEconomy(r.Context(), n, year)
		if err != nil {
			return err
		}
		d.Selected = n
		fillStatement(lang, &d, st)
		if d.History, err = equalisationHistory(lang, m, n); err != nil {
			return err
		}
		d.JSON = fmt.Sprintf("/api/v1/economy/municipalities/%s?year=%d", n, year)
		title = st.Name
	}
	fit, err := s.app.EqualisationFit(r.Context(), year)
	switch {
	case err == nil:
		d.Fit = newEconFit(lang, fit)
	case generalist.ErrorCode(err) == generalist.ENOTFOUND:
		d.Fit = &econFit{Title: sprintf(msg(lang, "econ.fit"), year), Text: msg(lang, "econ.fit.none")}
	default:
		return err
	}
	s.render(w, r, http.StatusOK, "economy.tmpl", page{Title: title, Nav: "economy", Data: d, Structure: generalist.Structure2024,
		Caveats: []string{msg(lang, "econ.caveat.sample"), msg(lang, "econ.caveat.costindex")}})
	return nil
}

func fillStatement(lang string, d *economyPageData, st *economy.Statement) {
	d.Statement = st
	row := func(id, value, note string) {
		d.Rows = append(d.Rows, econRow{Label: econLabel(lang, id), Value: value, Note: note, Missing: value == msg(lang, "nodata")})
	}
	row("population_1_january", fmtPersons(lang, st.Population), "")
	row("population_1_july_previous_year", fmtPersons(lang, st.PopulationBasis), "")
	row("tax_per_inhabitant", fmtKr(lang, st.TaxPerInhabitant, 2), "")
	share := msg(lang, "nodata")
	if st.TaxSharePct != nil {
		share = nbfmt.For(lang).Percent(*st.TaxSharePct, 2)
	}
	row("tax_share_of_average_pct", share, "")
	row("national_average_tax_per_inhabitant", fmtKr(lang, st.NationalAverageTax, 2), "")
	note := ""
	if e := st.IncomeEqualisation; e != nil {
		note = sprintf(msg(lang, "econ.eq.parts"), fmtKr(lang, &e.Symmetric, 2), fmtKr(lang, &e.Additional, 2), fmtKr(lang, ptrK(-e.Deduction), 2))
	}
	row("income_equalisation_per_inhabitant", fmtKr(lang, st.IncomeEqualisationPerInhabitant, 2), note)
	note = ""
	if st.IncomeEqualisationDifference != nil {
		note = sprintf(msg(lang, "econ.eq.diff"), nbfmt.For(lang).Kroner(*st.IncomeEqualisationDifference, 4))
	}
	row("income_equalisation_published_per_inhabitant", fmtKr(lang, st.PublishedIncomeEqualisation, 2), note)
	row("tax", fmtKr(lang, st.Tax, 0), msg(lang, "econ.settled"))
	row("income_equalisation_total", fmtKr(lang, st.IncomeEqualisationTotal, 0), msg(lang, "econ.settled"))
	ci := msg(lang, "nodata")
	if st.CostIndex != nil {
		ci = nbfmt.For(lang).Decimal(*st.CostIndex, 4)
	}
	row("cost_index", ci, "")
	row("expenditure_equalisation_per_inhabitant", fmtKr(lang, st.ExpenditureEqualisationPerInhabitant, 2), "")
	row("per_inhabitant_grant_rate", fmtKr(lang, st.PerInhabitantRate, 2), "")
	row("free_income", fmtKr(lang, st.FreeIncome, 0), msg(lang, "econ.freeincome.note"))
	row("free_income_per_inhabitant", fmtKr(lang, st.FreeIncomePerInhabitant, 2), "")
	if g := st.BlockGrant; g != nil {
		for _, x := range []struct {
			id string
			v  *generalist.Kroner
		}{{"per_inhabitant_grant", &g.PerInhabitant}, {"expenditure_equalisation", &g.ExpenditureEqualisation}, {"special_allocation", &g.SpecialAllocation},
			{"income_guarantee", &g.IncomeGuarantee}, {"district_grant_south", &g.DistrictSouth}, {"district_grant_north", &g.DistrictNorth},
			{"regional_centre_grant", g.RegionalCentre}, {"growth_grant", &g.Growth}, {"metropolitan_grant", &g.Metropolitan},
			{"discretionary_grant", &g.Discretionary}, {"total", &g.Total}} {
			v := fmtKr(lang, x.v, 0)
			if x.v == nil {
				v = msg(lang, "econ.notpaid")
			}
			d.Grants = append(d.Grants, econRow{Label: econLabel(lang, x.id), Value: v})
		}
	}
	for _, f := range st.Missing {
		d.Missing = append(d.Missing, missingOf(lang, f, st.Reasons[f]))
	}
	d.Sources = sourcesOf(st.Sources)
}

func ptrK(k generalist.Kroner) *generalist.Kroner { return &k }

// equalisationHistory draws the income equalisation per inhabitant,
// computed and KDD's, over the years with data; nil without any.
func equalisationHistory(lang string, m *economy.Model, n generalist.MunicipalityNumber) (template.HTML, error) {
	rows, err := economy.Check(m.Params, m.Data)
	if err != nil {
		return "", err
	}
	var computed, kdd []chart.Point
	for _, r := range rows {
		if r.Municipality == n {
			computed = append(computed, chart.Point{X: r.Year, Y: r.Computed, Known: true})
			kdd = append(kdd, chart.Point{X: r.Year, Y: r.Published, Known: true})
		}
	}
	if len(computed) < 2 {
		return "", nil
	}
	var buf bytes.Buffer
	err = chart.Line(&buf, chart.LineChart{
		Title:  sprintf(msg(lang, "econ.chart.history"), m.Data.Names[n]),
		Desc:   msg(lang, "econ.chart.desc"),
		YLabel: msg(lang, "econ.chart.kr"),
		Source: msg(lang, "econ.chart.src"),
		Series: []chart.Series{{Name: msg(lang, "econ.chart.computed"), Points: computed},
			{Name: msg(lang, "econ.chart.kdd"), Points: kdd}},
		Lang: lang, ID: "econ-history",
	})
	return template.HTML(buf.String()), err // produced by package chart, escaped there
}

func (s *Server) fillMerger(lang string, d *economyPageData, res *economy.Merger, m *economy.Model) {
	d.Merger = res
	d.Population = fmtPersons(lang, res.Population)
	var names []string
	for _, mem := range res.Members {
		names = append(names, mem.Name)
	}
	d.MemberNames = strings.Join(names, " + ")
	abolished := economy.RegionalCentreAbolishedFrom(m.Params, res.Year)
	for _, c := range res.Components {
		rule := msg(lang, "econ.rule."+c.Rule)
		if c.Rule == economy.RuleAbolished && abolished > 0 {
			rule = sprintf(msg(lang, "econ.abolished"), abolished)
		}
		d.Components = append(d.Components, econComponent{Label: econLabel(lang, c.ID), Separate: fmtKr(lang, c.Separate, 0), Merged: fmtKr(lang, c.Merged, 0),
			Change: fmtKr(lang, c.Change, 0), Rule: rule})
	}
	cp := res.Compensation
	d.Compensation = sprintf(msg(lang, "econ.compensation"), econLabel(lang, "inndelingstilskudd"), fmtKr(lang, cp.Total, 0),
		fmtKr(lang, cp.Basis, 0), fmtKr(lang, cp.Regional, 0))
	d.PhaseOut = sprintf(msg(lang, "econ.phaseout"), cp.FullYears, nbfmt.For(lang).Percent(cp.Step*100, 0), cp.PhaseOutYears)
	// A year with no known part is a gap in the line ("ingen data"),
	// never a 0; with nothing known in any year there is no chart.
	var known, comp []chart.Point
	anyKnown := false
	for _, y := range res.Years {
		var miss []string
		for _, id := range y.Missing {
			miss = append(miss, econLabel(lang, id))
		}
		d.YearRows = append(d.YearRows, econYear{Year: y.Year, Share: nbfmt.For(lang).Percent(y.Share*100, 0), Compensation: fmtKr(lang, y.Compensation, 0),
			Net: fmtKr(lang, y.CompensatedNet, 0), Income: fmtKr(lang, y.IncomeEqualisation, 0), Regional: fmtKr(lang, y.RegionalCentre, 0),
			OneOff: fmtKr(lang, y.OneOff, 0), Reform: fmtKr(lang, y.Reform, 0), Known: fmtKr(lang, y.Known, 0), Missing: strings.Join(miss, ", ")})
		known = append(known, krPoint(y.Year, y.Known))
		comp = append(comp, krPoint(y.Year, y.Compensation))
		anyKnown = anyKnown || y.Known != nil || y.Compensation != nil
	}
	if len(res.Years) > 0 && !anyKnown {
		d.ChartNone = sprintf(msg(lang, "econ.chart.none"), res.Year)
	}
	if anyKnown {
		var buf bytes.Buffer
		err := chart.Line(&buf, chart.LineChart{
			Title:  sprintf(msg(lang, "econ.chart.merger"), d.MemberNames, res.Year),
			Desc:   msg(lang, "econ.chart.merger.desc"),
			YLabel: msg(lang, "econ.chart.merger.kr"), Source: msg(lang, "econ.chart.merger.src"), ZeroBased: true,
			Series: []chart.Series{{Name: msg(lang, "econ.chart.known"), Points: known},
				{Name: econLabel(lang, "inndelingstilskudd"), Points: comp}},
			Lang: lang, ID: "econ-merger",
		})
		if err == nil {
			d.Chart = template.HTML(buf.String()) // produced by package chart, escaped there
		} else {
			s.log.Error("economy chart", "err", err)
		}
	}
	for _, a := range res.Assumptions {
		text := a.Text
		if _, ok := econAssumptions[a.ID]; ok {
			text = msg(lang, "econ.assume."+a.ID)
		}
		d.Assumptions = append(d.Assumptions, text)
	}
	for _, f := range res.Missing {
		d.Missing = append(d.Missing, missingOf(lang, f, res.Reasons[f]))
	}
	for _, p := range res.Parameters {
		row := paramRow(lang, p)
		if abolished > 0 && strings.HasPrefix(p.Name, "merger.regional_centre_grant_") {
			row.Note = sprintf(msg(lang, "econ.abolished"), abolished)
		}
		d.Params = append(d.Params, row)
	}
	var src []string
	for _, t := range []string{"population", "national_tax", "settlements", "grants"} {
		if v := m.Data.Sources[t]; v != "" {
			src = append(src, v)
		}
	}
	d.Sources = sourcesOf(src)
}

// econPart is a part of a merger's change in running text.
func econPart(lang, id string) string {
	if _, ok := econParts[id]; ok {
		return msg(lang, "econ.part."+id)
	}
	return id
}

// econParts are the parts econPart has words for.
var econParts = map[string]bool{"compensated_net": true, "income_equalisation": true, "regional_centre_grant": true,
	"one_off_grant": true, "reform_support": true, "growth_grant": true, "metropolitan_grant": true}

// krPoint is an amount of year x on a chart, rounded to whole kroner; nil
// is a year without data.
func krPoint(x int, k *generalist.Kroner) chart.Point {
	if k == nil {
		return chart.Point{X: x}
	}
	return chart.Point{X: x, Y: math.Round(float64(*k)), Known: true}
}

// missingOf is a figure without data as the page says it.
func missingOf(lang, field, detail string) econMissing {
	why := msg(lang, "econ.why.generic")
	if k, ok := econWhy[field]; ok {
		why = msg(lang, k)
	}
	return econMissing{Field: econLabel(lang, field), Reason: why, Detail: field + ": " + detail}
}

// sourcesOf drops the "Kilde: " the tables' sources start with (the page
// says it once) and repeats.
func sourcesOf(src []string) []string {
	var out []string
	for _, v := range src {
		v = strings.TrimPrefix(v, "Kilde: ")
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// paramRow is a parameter in plain words: its name, its value in its unit
// and where it comes from; the file's name and source text go under
// "Teknisk".
func paramRow(lang string, p economy.NamedParam) econRow {
	nf := nbfmt.For(lang)
	label := p.Name
	if _, ok := econParams[p.Name]; ok {
		label = msg(lang, "econ.p."+p.Name)
	}
	row := econRow{Label: label, Name: p.Name, Source: p.Source, Value: msg(lang, "nodata"), Missing: p.Value == nil}
	switch {
	case p.Value == nil:
		row.Note, row.Source = msg(lang, "econ.pstatus.missing"), p.Missing
		return row
	case p.Assumption:
		row.Note = msg(lang, "econ.pstatus.assume")
	case p.Derived:
		row.Note = msg(lang, "econ.pstatus.derived")
	default:
		row.Note = msg(lang, "econ.pstatus.source")
	}
	v := *p.Value
	switch p.Unit {
	case economy.UnitShare:
		row.Value = nf.Percent(v*100, decimalsOf(v*100))
	case economy.UnitSharePerYear:
		row.Value = sprintf(msg(lang, "econ.unit.peryear"), nf.Percent(v*100, decimalsOf(v*100)))
	case economy.UnitNOKInhabitant:
		row.Value = sprintf(msg(lang, "econ.unit.perinh"), nf.Kroner(v, decimalsOf(v)))
	case economy.UnitNOK:
		row.Value = nf.Kroner(v, 0)
	case economy.UnitYears:
		row.Value = sprintf(msg(lang, "econ.unit.years"), nf.Int(int64(v)))
	case economy.UnitPersons:
		row.Value = sprintf(msg(lang, "econ.unit.persons"), nf.Int(int64(v)))
	default:
		row.Value = nf.Decimal(v, decimalsOf(v))
	}
	return row
}

// decimalsOf is the number of decimals, at most 4, that shows v as the
// file gives it (31 469.73127431 shows as 31 469.7313).
func decimalsOf(v float64) int {
	for d := 0; d < 4; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(v*p-math.Round(v*p)) < 1e-9 {
			return d
		}
	}
	return 4
}

// econFit is how the year's income-equalisation parameters rest on the
// settlements, in words and a table of residuals.
type econFit struct {
	Title, Text, Residuals, Tech, ParamsTitle string
	Rows                                      []econFitRow
	Params                                    []econRow
}

type econFitRow struct {
	Name, Share, Part, Published, Computed, Residual string
}

func newEconFit(lang string, f *app.EqualisationFit) *econFit {
	nf := nbfmt.For(lang)
	pct := func(v float64) string { return nf.Percent(v*100, decimalsOf(v*100)) }
	r := f.Rates
	key := "econ.fit.sourced"
	if f.RatesDerived {
		key = "econ.fit.derived"
	}
	out := &econFit{Title: sprintf(msg(lang, "econ.fit"), f.Year), ParamsTitle: sprintf(msg(lang, "econ.fit.params"), f.Year),
		Text: sprintf(msg(lang, key), f.Year, pct(r.Symmetric), pct(r.Additional), pct(r.Threshold), len(f.Rows),
			sprintf(msg(lang, "econ.unit.perinh"), nf.Kroner(r.Deduction, decimalsOf(r.Deduction)))),
		Residuals: sprintf(msg(lang, "econ.fit.residuals"), nf.Kroner(f.MaxResidual(), 4))}
	if f.Fit != nil {
		out.Tech = sprintf(msg(lang, "econ.fit.tech"), nf.Decimal(f.Fit.Symmetric, 8), f.Fit.SymmetricRows,
			nf.Decimal(f.Fit.Additional, 8), nf.Decimal(f.Fit.Threshold, 8), f.Fit.AdditionalRows)
	} else {
		out.Tech = msg(lang, "econ.fit.nofit")
	}
	for _, row := range f.Rows {
		part := msg(lang, "econ.fit.part.ded")
		if f.RatesDerived {
			part = msg(lang, "econ.fit.part.sym")
			if row.BelowThreshold {
				part = msg(lang, "econ.fit.part.add")
			}
		}
		out.Rows = append(out.Rows, econFitRow{Name: row.Name, Share: nf.Percent(row.TaxShare*100, 2), Part: part,
			Published: nf.Kroner(row.Published, 2), Computed: nf.Kroner(row.Computed, 4), Residual: nf.Kroner(row.Residual, 4)})
	}
	for _, p := range f.Parameters {
		out.Params = append(out.Params, paramRow(lang, p))
	}
	return out
}
