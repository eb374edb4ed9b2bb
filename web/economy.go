package web

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
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
	m, err := s.app.Economy(r.Context())
	if err != nil {
		return err
	}
	year, err := economyYear(r.URL.Query())
	if err == nil {
		year, err = app.EconomyYear(m, year)
	}
	if err != nil {
		return err
	}
	p, err := m.Params.Year(year)
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
		"method": "net = s·(a − t) + r·max(0, h·a − t) − D with each year's parameters (data/economy/<year>.json), compared with KDD's final settlement"})
	return nil
}

// econOption is a municipality in the page's chooser.
type econOption struct {
	Number generalist.MunicipalityNumber
	Name   string
	Sample bool // has tax and grant data in the shipped sample
}

// econRow is a labelled value on the economy page, formatted.
type econRow struct {
	Label, Value, Note string
	Missing            bool
}

type econMissing struct{ Field, Reason string }

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
	Members      string
	Merger       *economy.Merger
	MemberNames  string
	Population   string
	Components   []econComponent
	YearRows     []econYear
	Chart        template.HTML
	Assumptions  []string
	Params       []econRow
	Compensation string

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

// econLabels names the statement's fields and the merger's components.
var econLabels = map[string][2]string{
	"population_1_january":                         {"Innbyggere 1. januar", "Inhabitants 1 January"},
	"population_1_july_previous_year":              {"Innbyggere 1. juli året før (tabell 2-k)", "Inhabitants 1 July the year before (table 2-k)"},
	"national_average_tax_per_inhabitant":          {"Skatt per innbygger, landet", "Tax per inhabitant, national average"},
	"tax_per_inhabitant":                           {"Skatt per innbygger", "Tax per inhabitant"},
	"tax_share_of_average_pct":                     {"Skatt i prosent av landsgjennomsnittet", "Tax as a percentage of the national average"},
	"income_equalisation_per_inhabitant":           {"Inntektsutjevning per innbygger (beregnet)", "Income equalisation per inhabitant (computed)"},
	"income_equalisation_published_per_inhabitant": {"Inntektsutjevning per innbygger, KDDs sluttavregning", "Income equalisation per inhabitant, KDD's final settlement"},
	"income_equalisation":                          {"Inntektsutjevning", "Income equalisation"},
	"tax":                                          {"Skatt i alt", "Tax, total"},
	"income_equalisation_total":                    {"Inntektsutjevning i alt", "Income equalisation, total"},
	"cost_index":                                   {"Kostnadsindeks", "Cost index"},
	"expenditure_equalisation_per_inhabitant":      {"Utgiftsutjevning per innbygger (kostnadsindeks)", "Expenditure equalisation per inhabitant (cost index)"},
	"per_inhabitant_grant_rate":                    {"Innbyggertilskudd per innbygger", "Per-inhabitant grant per inhabitant"},
	"block_grant":                                  {"Rammetilskudd (Grønt hefte 1-k/2-k)", "Block grant (Grønt hefte 1-k/2-k)"},
	"free_income":                                  {"Frie inntekter", "Free income"},
	"free_income_per_inhabitant":                   {"Frie inntekter per innbygger", "Free income per inhabitant"},
	"per_inhabitant_grant":                         {"Innbyggertilskudd (likt beløp)", "Per-inhabitant grant (equal amount)"},
	"expenditure_equalisation":                     {"Utgiftsutjevning", "Expenditure equalisation"},
	"special_allocation":                           {"Særskilt fordeling", "Special allocation"},
	"income_guarantee":                             {"Inntektsgarantiordningen (INGAR)", "Income guarantee (INGAR)"},
	"district_grants":                              {"Distriktstilskudd", "District grants"},
	"district_grant_south":                         {"Distriktstilskudd Sør-Norge", "District grant Sør-Norge"},
	"district_grant_north":                         {"Distriktstilskudd Nord-Norge", "District grant Nord-Norge"},
	"regional_centre_grant":                        {"Regionsentertilskudd", "Regional centre grant"},
	"growth_grant":                                 {"Veksttilskudd", "Growth grant"},
	"metropolitan_grant":                           {"Storbytilskudd", "Metropolitan grant"},
	"discretionary_grant":                          {"Skjønnstilskudd", "Discretionary grant"},
	"inndelingstilskudd":                           {"Inndelingstilskudd", "Merger compensation (inndelingstilskudd)"},
	"one_off_grant":                                {"Engangstilskudd", "One-off grant"},
	"reform_support":                               {"Reformstøtte", "Reform support"},
	"compensated_net":                              {"Inndelingstilskudd minus tapet det dekker", "Compensation minus the loss it covers"},
	"basis_amount":                                 {"Basistilskudd", "Basis amount"},
	"total":                                        {"Rammetilskudd uten inntektsutjevning (1-k)", "Block grant without income equalisation (1-k)"},
	"years":                                        {"År for år", "Year by year"},
	"financing_deduction":                          {"Trekk for finansiering av tilleggskompensasjonen", "Financing deduction"},
}

var econRules = map[string][2]string{
	economy.RuleAddsUp:       {"summeres", "adds up"},
	economy.RuleBasisOnce:    {"basiskriteriet telles én gang", "basis criterion counted once"},
	economy.RuleRecomputed:   {"beregnes på nytt", "recomputed"},
	economy.RuleHeld:         {"holdt på summen (antakelse)", "held at the sum (assumption)"},
	economy.RuleNotModelled:  {"reglene mangler", "rules not available"},
	economy.RuleCompensation: {"kompensasjon", "compensation"},
	economy.RuleOnce:         {"første år", "first year"},
}

func econLabel(lang, id string) string {
	l, ok := econLabels[id]
	if !ok {
		return id
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

func pick(lang string, v [2]string) string {
	if lang == "en" {
		return v[1]
	}
	return v[0]
}

// Formatting for the page.
func fmtKr(lang string, k *economy.Kroner, decimals int) string {
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
	lang := langOf(r)
	m, err := s.app.Economy(r.Context())
	if err != nil {
		return err
	}
	q := r.URL.Query()
	year, err := economyYear(q)
	if err == nil {
		year, err = app.EconomyYear(m, year)
	}
	if err != nil {
		return err
	}
	if _, err := m.Params.Year(year); err != nil {
		return err
	}
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
	s.render(w, r, http.StatusOK, "economy.tmpl", page{Title: title, Nav: "economy", Data: d, Structure: generalist.Structure2024,
		Caveats: []string{pick(lang, [2]string{
			"Tabellene over skatt, inntektsutjevning og rammetilskudd (KDD) er et utvalg på 7 kommuner; for de andre står det «ingen data» til en analytiker importerer hele tabellene (generalist economy import). Parametere uten kilde er tomme, ikke gjettet.",
			"The tables of tax, income equalisation and block grant (KDD) are a sample of 7 municipalities; the others show «no data» until an analyst imports the full tables (generalist economy import). Parameters without a source are empty, not guessed."}),
			generalist.CostIndexCaveat}})
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
		note = fmt.Sprintf("%s %s + %s %s − %s %s", pick(lang, [2]string{"symmetrisk", "symmetric"}), fmtKr(lang, &e.Symmetric, 2),
			pick(lang, [2]string{"tillegg", "additional"}), fmtKr(lang, &e.Additional, 2), pick(lang, [2]string{"trekk", "deduction"}), fmtKr(lang, ptrK(-e.Deduction), 2))
	}
	row("income_equalisation_per_inhabitant", fmtKr(lang, st.IncomeEqualisationPerInhabitant, 2), note)
	note = ""
	if st.IncomeEqualisationDifference != nil {
		note = pick(lang, [2]string{"beregnet minus KDD: ", "computed minus KDD: "}) + nbfmt.For(lang).Kroner(*st.IncomeEqualisationDifference, 4)
	}
	row("income_equalisation_published_per_inhabitant", fmtKr(lang, st.PublishedIncomeEqualisation, 2), note)
	row("tax", fmtKr(lang, st.Tax, 0), "")
	row("income_equalisation_total", fmtKr(lang, st.IncomeEqualisationTotal, 0), "")
	ci := msg(lang, "nodata")
	if st.CostIndex != nil {
		ci = nbfmt.For(lang).Decimal(*st.CostIndex, 4)
	}
	row("cost_index", ci, "")
	row("expenditure_equalisation_per_inhabitant", fmtKr(lang, st.ExpenditureEqualisationPerInhabitant, 2), "")
	row("per_inhabitant_grant_rate", fmtKr(lang, st.PerInhabitantRate, 2), "")
	row("free_income", fmtKr(lang, st.FreeIncome, 0), pick(lang, [2]string{"rammetilskudd + skatt + inntektsutjevning", "block grant + tax + income equalisation"}))
	row("free_income_per_inhabitant", fmtKr(lang, st.FreeIncomePerInhabitant, 2), "")
	if g := st.BlockGrant; g != nil {
		for _, x := range []struct {
			id string
			v  *economy.Kroner
		}{{"per_inhabitant_grant", &g.PerInhabitant}, {"expenditure_equalisation", &g.ExpenditureEqualisation}, {"special_allocation", &g.SpecialAllocation},
			{"income_guarantee", &g.IncomeGuarantee}, {"district_grant_south", &g.DistrictSouth}, {"district_grant_north", &g.DistrictNorth},
			{"regional_centre_grant", g.RegionalCentre}, {"growth_grant", &g.Growth}, {"metropolitan_grant", &g.Metropolitan},
			{"discretionary_grant", &g.Discretionary}, {"total", &g.Total}} {
			v := fmtKr(lang, x.v, 0)
			if x.v == nil {
				v = pick(lang, [2]string{"finnes ikke dette året", "not paid this year"})
			}
			d.Grants = append(d.Grants, econRow{Label: econLabel(lang, x.id), Value: v})
		}
	}
	for _, f := range st.Missing {
		d.Missing = append(d.Missing, econMissing{econLabel(lang, f), st.Reasons[f]})
	}
	d.Sources = st.Sources
}

func ptrK(k economy.Kroner) *economy.Kroner { return &k }

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
		Title:  fmt.Sprintf("%s: %s", m.Data.Names[n], pick(lang, [2]string{"inntektsutjevning per innbygger", "income equalisation per inhabitant"})),
		YLabel: pick(lang, [2]string{"Kroner per innbygger", "Kroner per inhabitant"}),
		Source: "KDD, inntektsutjevning – kommunevise sluttavregninger; data/economy",
		Series: []chart.Series{{Name: pick(lang, [2]string{"Beregnet med årets regler", "Computed with the year's rules"}), Points: computed},
			{Name: pick(lang, [2]string{"KDDs sluttavregning", "KDD's final settlement"}), Points: kdd}},
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
	for _, c := range res.Components {
		d.Components = append(d.Components, econComponent{Label: econLabel(lang, c.ID), Separate: fmtKr(lang, c.Separate, 0), Merged: fmtKr(lang, c.Merged, 0),
			Change: fmtKr(lang, c.Change, 0), Rule: pick(lang, econRules[c.Rule])})
	}
	cp := res.Compensation
	d.Compensation = fmt.Sprintf("%s: %s (%s %s, %s %s)", econLabel(lang, "inndelingstilskudd"), fmtKr(lang, cp.Total, 0),
		pick(lang, [2]string{"basis", "basis"}), fmtKr(lang, cp.Basis, 0), pick(lang, [2]string{"regionalpolitiske tilskudd", "regional-policy grants"}), fmtKr(lang, cp.Regional, 0))
	var known, comp []chart.Point
	for _, y := range res.Years {
		var miss []string
		for _, id := range y.Missing {
			miss = append(miss, econLabel(lang, id))
		}
		d.YearRows = append(d.YearRows, econYear{Year: y.Year, Share: nbfmt.For(lang).Percent(y.Share*100, 0), Compensation: fmtKr(lang, y.Compensation, 0),
			Net: fmtKr(lang, y.CompensatedNet, 0), Income: fmtKr(lang, y.IncomeEqualisation, 0), Regional: fmtKr(lang, y.RegionalCentre, 0),
			OneOff: fmtKr(lang, y.OneOff, 0), Reform: fmtKr(lang, y.Reform, 0), Known: fmtKr(lang, &y.Known, 0), Missing: strings.Join(miss, ", ")})
		known = append(known, chart.Point{X: y.Year, Y: math.Round(float64(y.Known)), Known: true})
		p := chart.Point{X: y.Year, Known: y.Compensation != nil}
		if y.Compensation != nil {
			p.Y = math.Round(float64(*y.Compensation))
		}
		comp = append(comp, p)
	}
	if len(res.Years) > 0 {
		var buf bytes.Buffer
		err := chart.Line(&buf, chart.LineChart{
			Title: fmt.Sprintf("%s: %s %d", d.MemberNames, pick(lang, [2]string{"endring mot å fortsette hver for seg, kroner fra", "change against staying separate, kroner of"}), res.Year),
			Desc: pick(lang, [2]string{"Kjent endring er summen av delene det finnes data for; delene uten data står i tabellen.",
				"The known change sums the parts with data; the parts without data are listed in the table."}),
			YLabel: "Kroner", Source: "KDD (sluttavregning, Grønt hefte 1-k/2-k); data/economy", ZeroBased: true,
			Series: []chart.Series{{Name: pick(lang, [2]string{"Kjent endring", "Known change"}), Points: known},
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
		d.Assumptions = append(d.Assumptions, a.Text)
	}
	for _, f := range res.Missing {
		d.Missing = append(d.Missing, econMissing{econLabel(lang, f), res.Reasons[f]})
	}
	for _, p := range res.Parameters {
		v := msg(lang, "nodata")
		if p.Value != nil {
			v = strconv.FormatFloat(*p.Value, 'f', -1, 64) + " " + p.Unit
		}
		src := p.Source
		if p.Value == nil {
			src = p.Missing
		}
		d.Params = append(d.Params, econRow{Label: p.Name, Value: v, Note: src, Missing: p.Value == nil})
	}
	for _, t := range []string{"population", "national_tax", "settlements", "grants"} {
		if src := m.Data.Sources[t]; src != "" {
			d.Sources = append(d.Sources, src)
		}
	}
}
