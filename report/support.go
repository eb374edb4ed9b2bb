package report

import (
	"fmt"
	"strings"

	"generalist"
	"generalist/sim"
)

// supportTexts are the support scheme's words (docs/support-scheme.md),
// added to texts at start.
var supportTexts = map[string][2]string{
	"sup.title":       {"Støtteordning for nye samarbeid: %s", "Support scheme for new cooperation: %s"},
	"sup.rule":        {"Regel: et nytt samarbeid får tilskudd når samarbeidsformen og oppgaven er blant ordningens, og minst én deltaker oppfyller kriteriene for størrelse eller fagmiljø. Tilskudd per nytt samarbeid fordeles likt på deltakerne som oppfyller kriteriene; tilskudd per deltaker gis til hver av dem, hvert år i perioden. Samarbeid som allerede er registrert i dag, får ikke tilskudd. Beløp og kriterier er et politisk valg i alternativet.", "Rule: a new cooperation receives a grant when its form and task are among the scheme's and at least one participant meets the size or team criteria. The grant per new cooperation is shared equally by the participants that meet the criteria; the grant per participant goes to each of them, every year of the period. Cooperation already registered today receives nothing. Amounts and criteria are a policy choice made in the alternative."},
	"sup.scheme":      {"%s: %d av %d nye samarbeid oppfyller kriteriene; %s per år i %d–%d, til sammen %s.", "%s: %d of %d new cooperations meet the criteria; %s a year in %d–%d, %s in all."},
	"sup.scheme.n":    {"Ordning %d", "Scheme %d"},
	"sup.percoop":     {"%s per nytt samarbeid per år", "%s per new cooperation a year"},
	"sup.perpart":     {"%s per deltaker per år", "%s per participant a year"},
	"sup.amounts":     {"Tilskudd: %s.", "Grant: %s."},
	"sup.criteria":    {"Kriterier: %s.", "Criteria: %s."},
	"sup.crit.none":   {"Ingen kriterier: alle nye samarbeid og alle deltakere.", "No criteria: every new cooperation and every participant."},
	"sup.crit.forms":  {"samarbeidsform %s", "form %s"},
	"sup.crit.tasks":  {"oppgave %s", "task %s"},
	"sup.crit.pop":    {"deltakere under %s innbyggere", "participants under %s inhabitants"},
	"sup.crit.robust": {"deltakere med eget team under robust fagmiljø", "participants whose own team is below a robust team"},
	"sup.or":          {"eller", "or"},
	"sup.year":        {"År", "Year"},
	"sup.cost":        {"Statens kostnad", "The state's cost"},
	"sup.total":       {"Til sammen", "In all"},
	"sup.muni":        {"Kommune", "Municipality"},
	"sup.coops":       {"Samarbeid med tilskudd", "Cooperations with a grant"},
	"sup.first":       {"Første år", "First year"},
	"sup.period":      {"Hele perioden", "Whole period"},
	"sup.unknown":     {"%d nye samarbeid kan ikke vurderes mot kriteriene fordi data mangler; de er ikke regnet med, og deltakerne står med «ingen data».", "%d new cooperations cannot be judged against the criteria for lack of data; they are not counted, and their participants show “no data”."},
}

func init() {
	for k, v := range supportTexts {
		if _, dup := texts[k]; dup {
			panic(fmt.Sprintf("report: text key %q is defined twice", k))
		}
		texts[k] = v
	}
}

// supportView is one scenario's support schemes as text in the report's
// language: a sentence per scheme, the cost per year and what each
// municipality receives.
type supportView struct {
	Title   string
	Schemes []string
	Years   [][2]string // year, cost; the last row is the total
	Munis   [][4]string // municipality, cooperations, first year, whole period
	Unknown string
}

// supportViews are the compared scenarios' support schemes, in order.
func (c *Comparison) supportViews() []supportView {
	var out []supportView
	for i, sc := range c.Scenarios {
		if i+1 >= len(c.Outcomes) || c.Outcomes[i+1].Support == nil {
			continue
		}
		out = append(out, c.supportView(sc, c.Outcomes[i+1].Support))
	}
	return out
}

func (c *Comparison) supportView(sc *generalist.Scenario, o *sim.SupportOutcome) supportView {
	nf := c.nf()
	kr := func(v generalist.Kroner) string { return nf.Kroner(float64(v), 0) }
	v := supportView{Title: c.t("sup.title", sc.Name)}
	for _, so := range o.Schemes {
		name := so.Name
		if name == "" {
			name = c.t("sup.scheme.n", so.Index+1)
		}
		s := c.t("sup.scheme", name, len(so.Cooperations), so.NewCooperations, kr(so.PerYear), so.FirstYear, so.LastYear, kr(so.Total))
		if so.Index < len(sc.Support) {
			s += " " + c.schemeTerms(sc.Support[so.Index])
		}
		v.Schemes = append(v.Schemes, s)
	}
	for _, y := range o.Years {
		v.Years = append(v.Years, [2]string{fmt.Sprint(y.Year), kr(y.Cost)})
	}
	v.Years = append(v.Years, [2]string{c.t("sup.total"), kr(o.Total)})
	for _, m := range o.Municipalities {
		first, period := c.t("nodata"), c.t("nodata")
		if m.FirstYear != nil && m.Total != nil {
			first, period = kr(*m.FirstYear), kr(*m.Total)
		}
		v.Munis = append(v.Munis, [4]string{m.Name, nf.Int(int64(m.Cooperations)), first, period})
	}
	if o.Unknown > 0 {
		v.Unknown = c.t("sup.unknown", o.Unknown)
	}
	return v
}

// schemeTerms words a scheme's amounts and criteria.
func (c *Comparison) schemeTerms(sch generalist.SupportScheme) string {
	nf := c.nf()
	var a []string
	if sch.PerCooperation > 0 {
		a = append(a, c.t("sup.percoop", nf.Kroner(float64(sch.PerCooperation), 0)))
	}
	if sch.PerParticipant > 0 {
		a = append(a, c.t("sup.perpart", nf.Kroner(float64(sch.PerParticipant), 0)))
	}
	or := func(items []string) string {
		if len(items) < 2 {
			return strings.Join(items, "")
		}
		return strings.Join(items[:len(items)-1], ", ") + " " + c.t("sup.or") + " " + items[len(items)-1]
	}
	var cr []string
	if len(sch.Criteria.Forms) > 0 {
		var fs []string
		for _, f := range sch.Criteria.Forms {
			fs = append(fs, c.formLabel(f))
		}
		cr = append(cr, c.t("sup.crit.forms", or(fs)))
	}
	if len(sch.Criteria.Tasks) > 0 {
		var ts []string
		for _, id := range sch.Criteria.Tasks {
			ts = append(ts, c.taskName(id))
		}
		cr = append(cr, c.t("sup.crit.tasks", or(ts)))
	}
	if sch.Criteria.PopulationBelow > 0 {
		cr = append(cr, c.t("sup.crit.pop", nf.Int(int64(sch.Criteria.PopulationBelow))))
	}
	if sch.Criteria.BelowRobust {
		cr = append(cr, c.t("sup.crit.robust"))
	}
	s := c.t("sup.amounts", c.join(a))
	if len(cr) == 0 {
		return s + " " + c.t("sup.crit.none")
	}
	return s + " " + c.t("sup.criteria", c.join(cr))
}

// supportMarkdown writes the support sections as Markdown.
func (c *Comparison) supportMarkdown(b *strings.Builder) {
	for _, v := range c.supportViews() {
		fmt.Fprintf(b, "\n## %s\n\n%s\n\n", mdEscape(v.Title), c.t("sup.rule"))
		for _, s := range v.Schemes {
			fmt.Fprintf(b, "- %s\n", mdEscape(s))
		}
		fmt.Fprintf(b, "\n| %s | %s |\n|---|---:|\n", c.t("sup.year"), c.t("sup.cost"))
		for _, y := range v.Years {
			fmt.Fprintf(b, "| %s | %s |\n", y[0], y[1])
		}
		if len(v.Munis) > 0 {
			fmt.Fprintf(b, "\n| %s | %s | %s | %s |\n|---|---:|---:|---:|\n", c.t("sup.muni"), c.t("sup.coops"), c.t("sup.first"), c.t("sup.period"))
			for _, m := range v.Munis {
				fmt.Fprintf(b, "| %s | %s | %s | %s |\n", mdEscape(m[0]), m[1], m[2], m[3])
			}
		}
		if v.Unknown != "" {
			fmt.Fprintf(b, "\n%s\n", v.Unknown)
		}
	}
}

// supportCSV writes the support sections after an empty row each, the
// amounts as numbers with the unit in the column head.
func (c *Comparison) supportCSV(cw generalist.CSVWriter) error {
	num := func(s string) string { return strings.TrimSuffix(strings.TrimSuffix(s, "kr"), "\u00a0") }
	for _, v := range c.supportViews() {
		rows := [][]string{{}, {v.Title}, {c.t("sup.rule")}}
		for _, s := range v.Schemes {
			rows = append(rows, []string{s})
		}
		rows = append(rows, []string{c.t("sup.year"), c.t("sup.cost") + " (kr)"})
		for _, y := range v.Years {
			rows = append(rows, []string{y[0], strings.TrimSpace(num(y[1]))})
		}
		if len(v.Munis) > 0 {
			rows = append(rows, []string{c.t("sup.muni"), c.t("sup.coops"), c.t("sup.first") + " (kr)", c.t("sup.period") + " (kr)"})
			for _, m := range v.Munis {
				rows = append(rows, []string{m[0], m[1], strings.TrimSpace(num(m[2])), strings.TrimSpace(num(m[3]))})
			}
		}
		if v.Unknown != "" {
			rows = append(rows, []string{v.Unknown})
		}
		for _, r := range rows {
			if err := cw.Write(r); err != nil {
				return err
			}
		}
	}
	return nil
}
