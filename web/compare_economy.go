package web

import (
	"net/url"
	"strings"

	"generalist"
	"generalist/internal/nbfmt"
	"generalist/report"
)

// cmpEconomy is the comparison's economy section: a row per merger with
// data (the figures of `economy merge`, report.Figures) and one sentence
// on the mergers without and how to bring their data in.
type cmpEconomy struct {
	Caption, Lead string
	Rows          []cmpEconRow
	// Note is the sentence on what is missing; NoteLink says whether it
	// ends with the link to the economy page.
	Note     string
	NoteLink bool
}

type cmpEconRow struct {
	Key      string // the members, "1111,1112", for tests and the link
	Name     string
	Scenario string
	Members  string
	// YearsURL is the economy page with the merger's year-by-year table.
	YearsURL                                              string
	Income, Compensation, CompensationAll, OneOff, Reform string
	KnownAll                                              string
	// NotInSum names the parts KnownAll leaves out ("uten …").
	NotInSum string
}

// compareEconomy presents the comparison's economy (app.ComparisonEconomy)
// in lang; nil when no compared scenario has a merger. names are the
// municipalities' names, for the mergers without an economy.
func compareEconomy(e *report.Economy, scs []*generalist.Scenario, names map[generalist.MunicipalityNumber]string, lang string) *cmpEconomy {
	if e == nil {
		return nil
	}
	nf := nbfmt.For(lang)
	kr := func(k *generalist.Kroner) string {
		if k == nil {
			return msg(lang, "nodata")
		}
		return nf.Signed(float64(*k), 0) + " kr"
	}
	c := &cmpEconomy{Caption: msg(lang, "cmp.econ.noyear")}
	switch {
	case e.Year == 0 && e.ScenarioYear > 0 && scs[0].Structure == generalist.Structure2024:
		c.Note = sprintf(msg(lang, "cmp.econ.noparams"), e.ScenarioYear)
		return c
	case e.Year == 0:
		c.Note = sprintf(msg(lang, "cmp.econ.structure"), int(scs[0].Structure))
		return c
	}
	c.Caption = sprintf(msg(lang, "cmp.econ"), e.Year)
	for _, m := range e.Mergers {
		f := report.Figures(m.Merger)
		if c.Lead == "" {
			c.Lead = sprintf(msg(lang, "cmp.econ.lead"), e.Year, f.FullYears, f.PhaseOutYears)
		}
		var members, nums []string
		for _, mem := range m.Merger.Members {
			members = append(members, mem.Name)
			nums = append(nums, string(mem.Municipality))
		}
		q := url.Values{"members": {strings.Join(nums, ",")}, "year": {sprintf("%d", e.Year)}}
		c.Rows = append(c.Rows, cmpEconRow{Key: strings.Join(nums, ","), Name: m.Name, Scenario: scs[m.Scenario].Name, Members: strings.Join(members, " + "),
			YearsURL: "/okonomi?" + q.Encode(), Income: kr(f.IncomeEqualisation), Compensation: kr(f.Compensation), CompensationAll: kr(f.CompensationAll),
			OneOff: kr(f.OneOff), Reform: kr(f.Reform), KnownAll: kr(f.KnownAll), NotInSum: notInSum(lang, f.NotInSum)})
	}
	var note []string
	if e.ScenarioYear != e.Year {
		note = append(note, sprintf(msg(lang, "cmp.econ.year"), e.ScenarioYear, e.Year))
	}
	if len(e.Lacking) > 0 {
		var lacking []string
		for _, m := range e.Lacking {
			lacking = append(lacking, lackingName(m, names))
		}
		if len(lacking) > 5 {
			lacking = append(lacking[:4], sprintf(msg(lang, "cmp.econ.others"), len(lacking)-4))
		}
		note = append(note, sprintf(msg(lang, "cmp.econ.missing"), listText(lacking, lang), e.Year))
		c.NoteLink = true
	}
	c.Note = strings.Join(note, " ")
	return c
}

// lackingName names a merger without an economy so that it does not read
// as one municipality: by its members ("Sokndal + Lund", the one it is
// named after first) when its name is just one member's, as the
// structure search names a merger after its centre; otherwise by its own
// name in quotes.
func lackingName(m report.MergerEconomy, names map[generalist.MunicipalityNumber]string) string {
	var first string
	var rest []string
	for _, n := range m.Members {
		name := names[n]
		if name == "" {
			name = string(n) // not in the structure's table: its number
		}
		if first == "" && strings.EqualFold(name, m.Name) {
			first = name
			continue
		}
		rest = append(rest, name)
	}
	if first == "" || len(rest) == 0 {
		return "«" + m.Name + "»"
	}
	return strings.Join(append([]string{first}, rest...), " + ")
}

// notInSum names the parts a sum of known parts leaves out, in running
// text ("uten inndelingstilskudd og veksttilskudd"); empty when none.
func notInSum(lang string, ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = econPart(lang, id)
	}
	return sprintf(msg(lang, "econ.notinsum"), listText(names, lang))
}
