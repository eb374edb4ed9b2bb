package imc

import (
	"sort"

	"generalist"
)

// OverviewRow is one cooperation in a municipality's overview.
type OverviewRow struct {
	ID        int64                   `json:"id"`
	Name      string                  `json:"name"`
	Form      generalist.IMCForm      `json:"form"`
	FormLabel string                  `json:"form_label"`
	Law       string                  `json:"law"`
	OrgNumber generalist.OrgNumber    `json:"org_number,omitempty"`
	Host      string                  `json:"host,omitempty"`
	Tasks     []string                `json:"tasks"`
	Purpose   string                  `json:"purpose,omitempty"`
	Start     generalist.CalendarDate `json:"start"`
	End       generalist.CalendarDate `json:"end,omitempty"`
	// Ownership and Liability are the municipality's shares, where the
	// form has them.
	Ownership *generalist.Share `json:"ownership,omitempty"`
	Liability *generalist.Share `json:"liability,omitempty"`
	// Cost is the municipality's part of the recorded budget under the
	// agreed cost key, and CostNote why it is missing when it is.
	Cost       *generalist.Ore `json:"cost,omitempty"`
	BudgetYear int             `json:"budget_year,omitempty"`
	CostNote   string          `json:"cost_note,omitempty"`
	// Failed counts the required legal checks that fail.
	Failed  int  `json:"failed"`
	Example bool `json:"example,omitempty"`
}

// MunicipalityOverview is everything one municipality or county takes part
// in, for the eierskapsmelding (kommuneloven § 26-1: an overview of the
// companies and other undertakings the municipality has ownership or
// similar interests in).
type MunicipalityOverview struct {
	Number string                  `json:"number"`
	Name   string                  `json:"name"`
	Date   generalist.CalendarDate `json:"date"`
	Rows   []OverviewRow           `json:"rows"`
	ByForm []Count                 `json:"by_form"`
	// TotalCost sums the costs that could be computed.
	TotalCost generalist.Ore `json:"total_cost"`
	Reference string         `json:"reference"`
}

// Count is a number of cooperations under a key.
type Count struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	N     int    `json:"n"`
}

// Populations returns the inhabitants of every participant (kommunenummer
// and fylkesnummer) on 1 January of a year; the caller reads the store.
type Populations func(year int) (map[string]generalist.Persons, error)

// Overview builds the overview of one municipality or county (number,
// name) from the cooperations active on day today that it takes part in.
// pops may be nil, and costs are then not computed.
func Overview(number, name string, cs []generalist.IMC, cat *generalist.Catalogue, pops Populations, today generalist.CalendarDate) *MunicipalityOverview {
	o := &MunicipalityOverview{Number: number, Name: name, Date: today, Rows: []OverviewRow{}, ByForm: []Count{},
		Reference: "kommuneloven § 26-1 annet ledd bokstav b"}
	forms := map[generalist.IMCForm]int{}
	names := taskNames(cat)
	for i := range cs {
		c := &cs[i]
		p := c.Participant(number)
		if p == nil || !c.ActiveOn(today) {
			continue
		}
		row := OverviewRow{ID: c.ID, Name: c.Name, Form: c.Form, FormLabel: c.Form.Label(), Law: GoverningLaw(c.Form), OrgNumber: c.OrgNumber,
			Purpose: firstNonEmpty(c.Agreement.Purpose, c.Agreement.Matters), Start: c.Start, End: c.End,
			Ownership: p.Ownership, Liability: p.Liability, Example: c.Example, Tasks: []string{}}
		if h := c.Participant(c.Host); h != nil {
			row.Host = h.Label()
		} else {
			row.Host = c.Host
		}
		for _, t := range c.Tasks {
			if n := names[t.Task]; n != "" {
				row.Tasks = append(row.Tasks, n)
			} else if t.Text != "" {
				row.Tasks = append(row.Tasks, t.Text)
			} else {
				row.Tasks = append(row.Tasks, t.Task)
			}
		}
		row.Cost, row.BudgetYear, row.CostNote = costOf(c, number, pops)
		if row.Cost != nil {
			o.TotalCost += *row.Cost
		}
		row.Failed = Check(c, cat, Options{Today: today}).Failed
		o.Rows = append(o.Rows, row)
		forms[c.Form]++
	}
	for _, f := range generalist.IMCForms {
		if n := forms[f]; n > 0 {
			o.ByForm = append(o.ByForm, Count{Key: string(f), Label: f.Label(), N: n})
		}
	}
	return o
}

func costOf(c *generalist.IMC, number string, pops Populations) (*generalist.Ore, int, string) {
	switch {
	case c.Budget == 0:
		return nil, 0, "Ingen budsjett er registrert."
	case len(c.Agreement.CostKey) == 0:
		return nil, c.BudgetYear, "Avtalen har ingen kostnadsnøkkel registrert."
	case c.Agreement.CostKey.Has(generalist.BasisUsage):
		return nil, c.BudgetYear, "Kostnadsnøkkelen fordeler etter bruk; bruken må oppgis i kalkulatoren."
	}
	in := InputFor(c)
	if c.Agreement.CostKey.Has(generalist.BasisInhabitants) {
		if pops == nil {
			return nil, c.BudgetYear, "Innbyggertall er ikke tilgjengelig."
		}
		m, err := pops(c.BudgetYear)
		if err != nil {
			return nil, c.BudgetYear, generalist.ErrorMessage(err)
		}
		in.Inhabitants, in.InhabitantsYear = m, c.BudgetYear
	}
	a, err := Allocate(c.Budget, c.Agreement.CostKey, in)
	if err != nil {
		return nil, c.BudgetYear, generalist.ErrorMessage(err)
	}
	for _, r := range a.Rows {
		if r.Number == number {
			v := r.Amount
			return &v, c.BudgetYear, ""
		}
	}
	return nil, c.BudgetYear, ""
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func taskNames(cat *generalist.Catalogue) map[string]string {
	out := map[string]string{}
	if cat != nil {
		for _, t := range cat.Tasks {
			out[t.ID] = t.NameNB
		}
	}
	return out
}

// National is the national overview: cooperations by form, by task and
// per municipality.
type National struct {
	Date  generalist.CalendarDate `json:"date"`
	Total int                     `json:"total"`
	// Examples counts the shipped examples among them.
	Examples int     `json:"examples"`
	ByForm   []Count `json:"by_form"`
	ByTask   []Count `json:"by_task"`
	// PerParticipant is the number of cooperations each municipality or
	// county takes part in.
	PerParticipant map[string]int `json:"per_participant"`
}

// NationalOverview counts the cooperations active on day today.
func NationalOverview(cs []generalist.IMC, cat *generalist.Catalogue, today generalist.CalendarDate) *National {
	n := &National{Date: today, ByForm: []Count{}, ByTask: []Count{}, PerParticipant: map[string]int{}}
	forms := map[generalist.IMCForm]int{}
	tasks := map[string]int{}
	names := taskNames(cat)
	for i := range cs {
		c := &cs[i]
		if !c.ActiveOn(today) {
			continue
		}
		n.Total++
		if c.Example {
			n.Examples++
		}
		forms[c.Form]++
		for _, t := range c.Tasks {
			key := t.Task
			if key == "" {
				key = "annet"
			}
			tasks[key]++
		}
		for _, p := range c.Participants {
			n.PerParticipant[p.Number]++
		}
	}
	for _, f := range generalist.IMCForms {
		if k := forms[f]; k > 0 {
			n.ByForm = append(n.ByForm, Count{Key: string(f), Label: f.Label(), N: k})
		}
	}
	for k, v := range tasks {
		label := names[k]
		if label == "" {
			label = "Andre oppgaver (fritekst)"
		}
		n.ByTask = append(n.ByTask, Count{Key: k, Label: label, N: v})
	}
	sort.Slice(n.ByTask, func(i, j int) bool {
		if n.ByTask[i].N != n.ByTask[j].N {
			return n.ByTask[i].N > n.ByTask[j].N
		}
		return n.ByTask[i].Key < n.ByTask[j].Key
	})
	return n
}
