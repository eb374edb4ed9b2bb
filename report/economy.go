package report

import (
	"fmt"
	"slices"
	"strings"

	"generalist"
	"generalist/economy"
	"generalist/internal/nbfmt"
)

// Economy is the money side of a comparison: what each merger of the
// compared scenarios does to the income system, as `generalist economy
// merge` computes it (economy.MergerEffect under the budget year Year).
type Economy struct {
	// Year is the budget year whose income system is used: the latest
	// with parameters that is not after the scenarios' year (ScenarioYear).
	// 0 when none is used; Reason then says why.
	Year         int `json:"budget_year"`
	ScenarioYear int `json:"scenario_year"`
	// Mergers are the mergers with data, in the order of the scenarios and
	// their mergers; Lacking those whose members the tables do not cover.
	Mergers []MergerEconomy `json:"mergers"`
	Lacking []MergerEconomy `json:"lacking"`
	// Reason, when set, is why no merger of the comparison has an economy
	// (the scenarios are on another structure than the tables', or no
	// budget year has parameters): a bokmål sentence.
	Reason string `json:"reason,omitempty"`
}

// MergerEconomy is one merger of a compared scenario and its economy.
type MergerEconomy struct {
	Scenario int                             `json:"scenario_index"` // index into Comparison.Scenarios
	Name     string                          `json:"name"`           // the merger's name in the scenario
	Members  []generalist.MunicipalityNumber `json:"members"`
	// Merger is the economy (nil for a merger in Economy.Lacking).
	Merger *economy.Merger `json:"economy,omitempty"`
}

// HasData reports whether the tables give anything about a merger's
// members: the income equalisation or a part of the block grant. A
// merger without is named in one sentence instead of a table of "ingen
// data".
func HasData(m *economy.Merger) bool {
	if m == nil {
		return false
	}
	for _, c := range m.Components {
		switch c.Rule {
		case economy.RuleCompensation, economy.RuleOnce:
			continue // parameters of the year, not data of the members
		}
		if c.Separate != nil && c.ID != "regional_centre_grant" {
			return true
		}
	}
	return false
}

// MergerFigures are the figures of one merger the reports and the
// comparison show; a nil amount is "ingen data".
type MergerFigures struct {
	// IncomeEqualisation is the change of the income equalisation a year
	// (the same every year: amounts are frozen at the merger year's).
	IncomeEqualisation *economy.Kroner
	// Compensation is the inndelingstilskudd of the first year and
	// CompensationAll its sum over every year of the table.
	Compensation, CompensationAll *economy.Kroner
	FullYears, PhaseOutYears      int
	OneOff, Reform                *economy.Kroner
	// KnownFirst and KnownAll sum the known parts of the change, the first
	// year and over every year.
	KnownFirst, KnownAll economy.Kroner
	// Years is the number of years in the table (FullYears+PhaseOutYears).
	Years int
}

// Figures picks the shown figures from a merger's economy.
func Figures(m *economy.Merger) MergerFigures {
	f := MergerFigures{FullYears: m.Compensation.FullYears, PhaseOutYears: m.Compensation.PhaseOutYears, Years: len(m.Years)}
	for _, c := range m.Components {
		switch c.ID {
		case "income_equalisation":
			f.IncomeEqualisation = c.Change
		case "one_off_grant":
			f.OneOff = c.Change
		case "reform_support":
			f.Reform = c.Change
		}
	}
	f.Compensation = m.Compensation.Total
	if m.Compensation.Total != nil && len(m.Years) > 0 {
		var sum economy.Kroner
		for _, y := range m.Years {
			if y.Compensation == nil {
				sum = -1
				break
			}
			sum += *y.Compensation
		}
		if sum >= 0 {
			f.CompensationAll = &sum
		}
	}
	for i, y := range m.Years {
		if i == 0 {
			f.KnownFirst = y.Known
		}
		f.KnownAll += y.Known
	}
	return f
}

// kr writes an amount in whole kroner, signed, or "ingen data".
func kr(k *economy.Kroner) string {
	if k == nil {
		return "ingen data"
	}
	return nbfmt.Bokmal.Signed(float64(*k), 0) + " kr"
}

// economyRow is one merger's figures as bokmål text, in the column order
// of economyHead.
func (c *Comparison) economyRow(m MergerEconomy) []string {
	f := Figures(m.Merger)
	first, all := f.KnownFirst, f.KnownAll
	return []string{c.Scenarios[m.Scenario].Name, m.Name, c.memberNames(m.Merger),
		kr(f.IncomeEqualisation), kr(f.Compensation), kr(f.CompensationAll), compensationYears(f),
		kr(f.OneOff), kr(f.Reform), kr(&first), kr(&all)}
}

var economyHead = []string{"Alternativ", "Sammenslåing", "Kommuner", "Inntektsutjevning, endring per år", "Inndelingstilskudd, første år",
	"Inndelingstilskudd, sum alle år", "Inndelingstilskudd, varighet", "Engangstilskudd", "Reformstøtte", "Kjent endring, første år", "Kjent endring, alle år"}

func compensationYears(f MergerFigures) string {
	if f.Years == 0 {
		return "ingen data"
	}
	return fmt.Sprintf("%d år fullt, så nedtrapping over %d år", f.FullYears, f.PhaseOutYears)
}

func (c *Comparison) memberNames(m *economy.Merger) string {
	var names []string
	for _, mem := range m.Members {
		names = append(names, mem.Name)
	}
	return strings.Join(names, " + ")
}

// economyTitle heads the economy section.
func (c *Comparison) economyTitle() string {
	if c.Economy != nil && c.Economy.Year > 0 {
		return fmt.Sprintf("Økonomi per sammenslåing (inntektssystemet %d)", c.Economy.Year)
	}
	return "Økonomi per sammenslåing"
}

// economyNote is the one sentence on the mergers without data and how to
// bring it in, and on the budget year used; empty when there is nothing
// to say.
func (c *Comparison) economyNote() string {
	e := c.Economy
	if e == nil {
		return ""
	}
	if e.Reason != "" {
		return e.Reason
	}
	var s []string
	if e.Year > 0 && e.ScenarioYear != e.Year {
		s = append(s, fmt.Sprintf("Alternativene gjelder %d; inntektssystemet for %d, det siste budsjettåret med parametere, er brukt.", e.ScenarioYear, e.Year))
	}
	if len(e.Lacking) > 0 {
		var names []string
		for _, m := range e.Lacking {
			names = append(names, "«"+m.Name+"»")
		}
		if len(names) > 5 {
			names = append(names[:4], fmt.Sprintf("%d andre", len(names)-4))
		}
		s = append(s, fmt.Sprintf("Økonomien mangler for %s fordi inntektssystemets tabeller for %d ikke dekker alle kommunene i dem; tallene kommer med når en analytiker importerer KDDs fullstendige tabeller for året (se Økonomi).",
			joinNB(names), e.Year))
	}
	return strings.Join(s, " ")
}

// EconomyAssumptions are the economy model's rules, stated once in the
// reports under Forutsetninger.
var EconomyAssumptions = []string{
	"Økonomien per sammenslåing er beregnet med modellen av inntektssystemet (samme beregning som Økonomi-siden): parametere per budsjettår fra departementets tabeller (Grønt hefte, KDDs sluttavregning), hver med kilde eller merket som antakelse; det som mangler, står som «ingen data».",
	"Alle beløp er sammenslåingsårets, i faste priser: inndelingstilskuddet fryses reelt og betales fullt i 15 år, deretter trappes det ned over 5 år; de andre delene holdes på sammenslåingsårets nivå (ingen prognose).",
	"Inntektsutjevningen beregnes på nytt for den sammenslåtte kommunen med årets satser; trekket som finansierer tilleggskompensasjonen, holdes på årets verdi.",
	"Kjent endring er summen av delene det finnes data for; veksttilskudd og storbytilskudd er ikke modellert.",
}

func joinNB(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " og " + items[len(items)-1]
}

// economyView is the economy section as bokmål text: a row per merger
// with data, its year-by-year table, and the one note.
type economyView struct {
	Head  []string
	Rows  [][]string
	Years []yearTable
	Note  string
}

type yearTable struct {
	Title string
	// Figures are the merger's figures as label and value, for the HTML
	// report, which shows each merger as a block (the wide table of the
	// other formats does not fit a printed page).
	Figures [][2]string
	Rows    [][]string // year, share, inndelingstilskudd, known change
}

func (c *Comparison) economyView() *economyView {
	e := c.Economy
	if e == nil {
		return nil
	}
	v := &economyView{Head: economyHead, Note: c.economyNote()}
	for _, m := range e.Mergers {
		row := c.economyRow(m)
		y := yearTable{Title: m.Name + " (" + c.Scenarios[m.Scenario].Name + ")", Rows: yearRows(m.Merger)}
		y.Figures = append(y.Figures, [2]string{"Kommuner", row[2]})
		for i := 3; i < len(row); i++ {
			y.Figures = append(y.Figures, [2]string{economyHead[i], row[i]})
		}
		v.Rows = append(v.Rows, row)
		v.Years = append(v.Years, y)
	}
	if len(v.Rows) == 0 && v.Note == "" {
		return nil
	}
	return v
}

func yearRows(m *economy.Merger) [][]string {
	var rows [][]string
	for _, y := range m.Years {
		known := y.Known
		rows = append(rows, []string{fmt.Sprint(y.Year), nbfmt.Bokmal.Percent(100*y.Share, 0), kr(y.Compensation), kr(&known)})
	}
	return rows
}

// economyCSV writes the economy section after an empty row: a row per
// merger with data, then its year-by-year rows, then the note.
func (c *Comparison) economyCSV(cw generalist.CSVWriter) error {
	v := c.economyView()
	if v == nil {
		return nil
	}
	rows := [][]string{{}, {c.economyTitle()}}
	// Amounts go in as numbers, the unit in the column head, so that a
	// spreadsheet reads them as numbers.
	num := func(r []string) []string {
		out := make([]string, len(r))
		for i, x := range r {
			out[i] = strings.TrimSuffix(x, " kr")
		}
		return out
	}
	if len(v.Rows) > 0 {
		head := slices.Clone(v.Head)
		for i := 3; i < len(head); i++ {
			if i != 6 { // the duration
				head[i] += " (kr)"
			}
		}
		rows = append(rows, head)
		for _, r := range v.Rows {
			rows = append(rows, num(r))
		}
		rows = append(rows, []string{}, []string{"sammenslåing", "år", "andel av inndelingstilskuddet", "inndelingstilskudd (kr)", "kjent endring (kr)"})
		for _, y := range v.Years {
			for _, r := range y.Rows {
				rows = append(rows, append([]string{y.Title}, num(r)...))
			}
		}
	}
	if v.Note != "" {
		rows = append(rows, []string{v.Note})
	}
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	return nil
}
