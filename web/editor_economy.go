package web

import (
	"slices"
	"strings"

	"generalist"
	"generalist/economy"
	"generalist/internal/nbfmt"
)

// The plan editor's economy box: what each merger of the plan does to
// the money (economy.Evaluate), formatted for editor.js.

// editorEconomy is the economy of each merger with data, formatted, and
// plain sentences on what is missing (empty when nothing is).
type editorEconomy struct {
	Caption string             `json:"caption"`
	Rows    []editorEconomyRow `json:"rows"`
	Missing string             `json:"missing,omitempty"`
}

type editorEconomyRow struct {
	Name         string `json:"name"`
	Income       string `json:"income"`
	Compensation string `json:"compensation"`
	// First and AllYears are the sums of the known parts only, «ingen
	// data» when no part is known (never 0 kr for a sum of nothing).
	First    string `json:"first"`
	AllYears string `json:"all_years"`
}

// economyOf presents a scenario's economy: a row for each merger with
// data of its own (income equalisation or inndelingstilskudd), then one
// sentence naming the mergers without, and one per merger with data on
// the parts its sums leave out.
func economyOf(o *economy.Outcome, lang string) *editorEconomy {
	nf := nbfmt.For(lang)
	kr := func(v *generalist.Kroner) string {
		if v == nil {
			return msg(lang, "nodata")
		}
		return nf.Signed(float64(*v), 0) + " kr"
	}
	quote := func(name string) string { return sprintf(msg(lang, "ed.econ.quote"), name) }
	e := &editorEconomy{Caption: sprintf(msg(lang, "ed.econ.caption"), o.Year), Rows: []editorEconomyRow{}}
	var none []string
	// The mergers with data that leave out the same parts share a
	// sentence: parts (in words) → the mergers' names, in order.
	var partsOrder []string
	partial := map[string][]string{}
	for _, g := range o.Groups {
		if g.IncomeEqualisation == nil && g.Compensation == nil {
			none = append(none, quote(g.Name))
			continue
		}
		e.Rows = append(e.Rows, editorEconomyRow{Name: g.Name, Income: kr(g.IncomeEqualisation), Compensation: kr(g.Compensation), First: kr(g.KnownChange), AllYears: kr(g.KnownChangeAllYears)})
		if len(g.Missing) == 0 {
			continue
		}
		parts := make([]string, 0, len(g.Missing))
		for _, m := range g.Missing {
			parts = append(parts, msg(lang, "ed.econ.part."+m))
		}
		key := listText(parts, lang)
		if _, ok := partial[key]; !ok {
			partsOrder = append(partsOrder, key)
		}
		partial[key] = append(partial[key], quote(g.Name))
	}
	var s []string
	if len(none) > 0 {
		s = append(s, sprintf(msg(lang, "ed.econ.none"), listText(shortList(none, lang), lang), o.Year))
	}
	for _, parts := range partsOrder {
		s = append(s, sprintf(msg(lang, "ed.econ.partial"), listText(shortList(partial[parts], lang), lang), parts))
	}
	if len(partsOrder) > 0 {
		s = append(s, msg(lang, "ed.econ.why"))
	}
	e.Missing = strings.Join(s, " ")
	return e
}

// shortList keeps the first four of a long list and counts the rest
// ("… og 76 andre"), so the sentence stays readable.
func shortList(items []string, lang string) []string {
	if len(items) <= 5 {
		return items
	}
	return append(slices.Clone(items[:4]), sprintf(msg(lang, "ed.econ.others"), len(items)-4))
}
