package report

import (
	"fmt"
	"slices"
	"strings"

	"generalist"
	"generalist/economy"
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
	// budget year has parameters): a bokmål sentence, for the API; the
	// reports word it themselves in their language.
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
	IncomeEqualisation *generalist.Kroner
	// Compensation is the inndelingstilskudd of the first year and
	// CompensationAll its sum over every year of the table.
	Compensation, CompensationAll *generalist.Kroner
	FullYears, PhaseOutYears      int
	OneOff, Reform                *generalist.Kroner
	// KnownFirst and KnownAll sum the known parts of the change, the first
	// year and over every year, as the model's year table gives them; nil
	// ("ingen data") when no part of substance is known, so that a sum of
	// nothing never shows as 0 kr.
	KnownFirst, KnownAll *generalist.Kroner
	// NotInSum names the parts left out of the known sums in some year,
	// in the model's words (economy.YearRow.Missing), in order.
	NotInSum []string
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
		var sum generalist.Kroner
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
		if y.Known != nil {
			all := *y.Known
			if f.KnownAll != nil {
				all += *f.KnownAll
			}
			f.KnownAll = &all
		}
		for _, id := range y.Missing {
			if !slices.Contains(f.NotInSum, id) {
				f.NotInSum = append(f.NotInSum, id)
			}
		}
	}
	return f
}

// kr writes an amount in whole kroner, signed, or "ingen data".
func (c *Comparison) kr(k *generalist.Kroner) string {
	if k == nil {
		return c.t("nodata")
	}
	return c.nf().Signed(float64(*k), 0) + " kr"
}

// economyRow is one merger's figures as bokmål text, in the column order
// of economyHead.
func (c *Comparison) economyRow(m MergerEconomy) []string {
	f := Figures(m.Merger)
	return []string{c.Scenarios[m.Scenario].Name, m.Name, c.memberNames(m.Merger),
		c.kr(f.IncomeEqualisation), c.kr(f.Compensation), c.kr(f.CompensationAll), c.compensationYears(f),
		c.kr(f.OneOff), c.kr(f.Reform), c.kr(f.KnownFirst), c.kr(f.KnownAll), c.notInSum(f.NotInSum)}
}

// notInSum names the parts left out of the known sums in plain words.
func (c *Comparison) notInSum(ids []string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if key, ok := econPartKeys[id]; ok {
			names = append(names, c.t(key))
		} else {
			names = append(names, id)
		}
	}
	return c.join(names)
}

// economyHeadKeys head the columns of economyRow.
var economyHeadKeys = []string{"econ.col.scenario", "econ.col.merger", "econ.col.members", "econ.col.income", "econ.col.comp",
	"econ.col.compall", "econ.col.duration", "econ.col.oneoff", "econ.col.reform", "econ.col.knownfirst", "econ.col.knownall", "econ.col.notinsum"}

func (c *Comparison) compensationYears(f MergerFigures) string {
	if f.Years == 0 {
		return c.t("nodata")
	}
	return c.t("econ.duration", f.FullYears, f.PhaseOutYears)
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
		return c.t("econ.title.year", c.Economy.Year)
	}
	return c.t("econ.title")
}

// economyNote is the one sentence on the mergers without data and how to
// bring it in, and on the budget year used; empty when there is nothing
// to say.
func (c *Comparison) economyNote() string {
	e := c.Economy
	if e == nil {
		return ""
	}
	if e.Reason != "" || e.Year == 0 {
		// The economy was not computed (ComparisonEconomy sets Reason, in
		// bokmål, for the API): say why in the report's language.
		if s := c.Outcomes[0].Structure; s != generalist.Structure2024 {
			return c.t("econ.structure", int(s))
		}
		return c.t("econ.noparams", e.ScenarioYear)
	}
	var s []string
	if e.ScenarioYear != e.Year {
		s = append(s, c.t("econ.scenarioyear", e.ScenarioYear, e.Year))
	}
	if len(e.Lacking) > 0 {
		var names []string
		for _, m := range e.Lacking {
			names = append(names, c.t("quote", m.Name))
		}
		if len(names) > 5 {
			names = append(names[:4], c.t("econ.others", len(names)-4))
		}
		s = append(s, c.t("econ.missing", c.join(names), e.Year))
	}
	return strings.Join(s, " ")
}

// join lists items as "a, b og c" ("a, b and c").
func (c *Comparison) join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + c.t("and") + " " + items[len(items)-1]
}

// economyView is the economy section as text in the report's language: a row per merger
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
	head := c.ts(economyHeadKeys)
	v := &economyView{Head: head, Note: c.economyNote()}
	for _, m := range e.Mergers {
		row := c.economyRow(m)
		y := yearTable{Title: m.Name + " (" + c.Scenarios[m.Scenario].Name + ")", Rows: c.yearRows(m.Merger)}
		y.Figures = append(y.Figures, [2]string{head[2], row[2]})
		for i := 3; i < len(row); i++ {
			y.Figures = append(y.Figures, [2]string{head[i], row[i]})
		}
		v.Rows = append(v.Rows, row)
		v.Years = append(v.Years, y)
	}
	if len(v.Rows) == 0 && v.Note == "" {
		return nil
	}
	return v
}

func (c *Comparison) yearRows(m *economy.Merger) [][]string {
	var rows [][]string
	for _, y := range m.Years {
		rows = append(rows, []string{fmt.Sprint(y.Year), c.nf().Percent(100*y.Share, 0), c.kr(y.Compensation), c.kr(y.Known)})
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
		for i := 3; i < len(head)-1; i++ { // the last names the parts not in the sums
			if i != 6 { // the duration
				head[i] += " (kr)"
			}
		}
		rows = append(rows, head)
		for _, r := range v.Rows {
			rows = append(rows, num(r))
		}
		rows = append(rows, []string{}, c.ts([]string{"csv.merger", "csv.year", "csv.share", "csv.comp", "csv.known"}))
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
