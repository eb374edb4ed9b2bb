// Package report writes a comparison of scenarios as one self-contained
// HTML file (inline SVG charts and maps, inline CSS, no external assets,
// printable to PDF from a browser), as Markdown, and as CSV. Output is
// deterministic: the same outcomes give byte-identical files, so a report
// can be reproduced from the same inputs.
package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"generalist"
	"generalist/chart"
	"generalist/geomap"
	"generalist/sim"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// Comparison is what a report shows: today's system first, then the
// scenarios, all on one structure and year.
type Comparison struct {
	Title     string
	Scenarios []*generalist.Scenario // the scenarios behind Outcomes[1:]
	Outcomes  []*sim.Outcome         // Outcomes[0] is today's system
	// Catalogue is the task catalogue the outcomes were computed with;
	// its version and assumptions are listed.
	Catalogue *generalist.Catalogue
	// Map, when set, draws each merger scenario's new municipalities.
	Map *geomap.Map
	// Inputs, when set, holds per scenario id the published inputs
	// (innspill) linked to it as its motivation; only what Input.Public
	// keeps is shown.
	Inputs map[string][]generalist.Input
	// Economy, when set, is what each merger does to the money; the
	// reports show it for the mergers with data and name the others once.
	Economy *Economy
	// Lang is the language the report is written in: "nb" (bokmål, also
	// for "") or "en". Proper names and the titles of sources are kept.
	Lang string
	// NumberLang, when set, is the language of the numbers where it
	// differs from Lang: a CSV for Excel with Norwegian settings needs
	// Norwegian numbers ("3 402", "2,1 %") whatever the language of its
	// words, or Excel reads the English "3,402" as 3.402.
	NumberLang string
}

// row is one metric across the outcomes.
type row struct {
	Label  string
	Values []string
}

func (c *Comparison) rows() []row {
	nf := c.nf()
	num := nf.Decimal
	count := func(n int) string { return nf.Int(int64(n)) }
	f := func(label string, fn func(o *sim.Outcome) string) row {
		r := row{Label: label}
		for _, o := range c.Outcomes {
			r.Values = append(r.Values, fn(o))
		}
		return r
	}
	rows := []row{
		f(c.t("row.structure"), func(o *sim.Outcome) string { return fmt.Sprintf("%d, %d", o.Structure, o.Year) }),
		f(c.t("row.municipalities"), func(o *sim.Outcome) string { return count(o.Municipalities) }),
		f(c.t("row.inhabitants"), func(o *sim.Outcome) string { return num(float64(o.Inhabitants), 0) }),
		f(c.t("row.median"), func(o *sim.Outcome) string { return num(o.Stats.Median, 1) }),
		f(c.t("row.under"), func(o *sim.Outcome) string { return count(o.Stats.Under.Count) }),
		f(c.t("row.nodata"), func(o *sim.Outcome) string { return count(len(o.Stats.Missing)) }),
		f(c.t("row.vulnerable"), func(o *sim.Outcome) string { return count(o.Vulnerable) }),
		f(c.t("row.outside"), c.outsideShare),
		f(c.t("row.distance"), func(o *sim.Outcome) string { return c.distance(o.CentreDistance, o.CentreDistance.MeanKm) }),
		f(c.t("row.distmax"), func(o *sim.Outcome) string { return c.distance(o.CentreDistance, o.CentreDistance.MaxKm) }),
	}
	for _, role := range generalist.Roles {
		rows = append(rows, f(c.t("row.role", strings.ToLower(c.roleName(role))), func(o *sim.Outcome) string {
			for _, r := range o.Roles {
				if r.Role == role {
					return count(r.Vulnerable)
				}
			}
			return ""
		}))
	}
	return rows
}

// distance is a figure of the distance to the new centre: «ingen
// sammenslåing» when the scenario merges no municipality, «ingen data»
// when the figure is missing.
func (c *Comparison) distance(d sim.CentreDistance, km *float64) string {
	switch {
	case d.Mergers == 0:
		return c.t("nomerger")
	case km == nil:
		return c.t("nodata")
	}
	return c.nf().Decimal(*km, 1)
}

func (c *Comparison) taskRows() []row {
	var rows []row
	for i, t := range c.Outcomes[0].Tasks {
		r := row{Label: c.taskName(t.Task)}
		for _, o := range c.Outcomes {
			to := o.Tasks[i]
			v := c.nf().Int(int64(to.Short))
			if to.Grouped > 0 {
				v += " (" + c.t("task.grouped", c.nf().Int(int64(to.Grouped))) + ")"
			}
			if to.Moved > 0 {
				v += " (" + c.t("task.moved", c.nf().Int(int64(to.Moved))) + ")"
			}
			r.Values = append(r.Values, v)
		}
		rows = append(rows, r)
	}
	return rows
}

// muniName is a municipality's name in today's system, "Sokndal (1111)",
// or its number when the outcome lacks it.
func (c *Comparison) muniName(n generalist.MunicipalityNumber) string {
	for _, u := range c.Outcomes[0].Units {
		if u.Number == n && u.Name != "" {
			return u.Name + " (" + string(n) + ")"
		}
	}
	return string(n)
}

// taskName is a task's name from the catalogue in the report's language
// (the bokmål name when it has no English one, its id only when the
// catalogue lacks it).
func (c *Comparison) taskName(id string) string {
	if c.Catalogue != nil {
		for i := range c.Catalogue.Tasks {
			t := &c.Catalogue.Tasks[i]
			if t.ID != id {
				continue
			}
			if c.english() && t.NameEN != "" {
				return t.NameEN
			}
			if t.NameNB != "" {
				return t.NameNB
			}
		}
	}
	return id
}

// outcomeNames are the column heads: today's system in the report's
// language, then the scenarios' names.
func (c *Comparison) outcomeNames() []string {
	names := make([]string, len(c.Outcomes))
	for i, o := range c.Outcomes {
		names[i] = o.Scenario
		if i == 0 {
			names[i] = c.t("today")
		}
	}
	return names
}

func (c *Comparison) check() error {
	if err := c.checkLang(); err != nil {
		return err
	}
	if len(c.Outcomes) < 1 || len(c.Outcomes) != len(c.Scenarios)+1 {
		return generalist.Errorf(generalist.EINVALID, "report: give today's outcome and one per scenario")
	}
	for _, o := range c.Outcomes[1:] {
		if len(o.Tasks) != len(c.Outcomes[0].Tasks) {
			return generalist.Errorf(generalist.EINVALID, "report: the outcomes were computed with different catalogues")
		}
	}
	return nil
}

// HTML writes the report as one self-contained HTML page.
func HTML(w io.Writer, c *Comparison) error {
	if err := c.check(); err != nil {
		return err
	}
	t, err := template.New("").Funcs(c.funcs()).ParseFS(templateFS, "templates/*.tmpl")
	if err != nil {
		return err
	}
	var bars []chart.Bar
	for _, o := range c.Outcomes {
		bars = append(bars, chart.Bar{Label: o.Scenario, Value: float64(o.Vulnerable), Known: true})
	}
	var svg bytes.Buffer
	for i, name := range c.outcomeNames() {
		bars[i].Label = name
	}
	if err := chart.Bars(&svg, chart.BarChart{Title: c.t("row.vulnerable"), Unit: c.t("chart.unit"),
		Source: c.t("chart.source"), Bars: bars, Width: 720, Lang: c.lang(), ID: "vulnerable"}); err != nil {
		return err
	}
	type scenarioView struct {
		*generalist.Scenario
		Map    template.HTML
		Inputs []generalist.Input
	}
	var views []scenarioView
	for i, s := range c.Scenarios {
		v := scenarioView{Scenario: s, Inputs: c.inputs(s.ID)}
		if c.Map != nil && len(s.Mergers) > 0 {
			var hl []string
			for _, u := range c.Outcomes[i+1].Units {
				if len(u.Members) > 1 {
					for _, m := range u.Members {
						hl = append(hl, string(m))
					}
				}
			}
			var buf bytes.Buffer
			vals := map[string]float64{}
			for _, u := range c.Outcomes[i+1].Units {
				for _, m := range u.Members {
					if u.Population.Known {
						vals[string(m)] = float64(u.Population.Value)
					}
				}
			}
			if err := c.Map.Render(&buf, geomap.Options{Values: vals, Title: c.t("map.title"), Unit: c.t("map.unit"),
				Format: func(v float64) string { return c.nf().Decimal(v, 0) }, Lang: c.lang(),
				Source: c.t("map.source"), Highlight: uniq(hl), Width: 520, ID: fmt.Sprintf("map%d", i)}); err != nil {
				return err
			}
			v.Map = template.HTML(buf.Bytes()) // produced by geomap, which escapes its text
		}
		views = append(views, v)
	}
	return t.ExecuteTemplate(w, "report.tmpl", map[string]any{
		"Lang": c.lang(), "Title": c.title(), "Intro": c.t("intro", len(c.Scenarios)), "Names": c.outcomeNames(), "Outcomes": c.Outcomes,
		"Scenarios": views, "Rows": c.rows(), "TaskRows": c.taskRows(),
		"Chart": template.HTML(svg.Bytes()), "Catalogue": c.Catalogue, "Sources": c.ts(sourceKeys), "Assumptions": c.ts(assumptionKeys),
		"Cooperation": c.cooperationText(), "Staffing": c.staffing(),
		"Roles": c.roleSummary(), "Columns": len(c.Outcomes) + 1, "Economy": c.economyView(), "EconomyTitle": c.economyTitle(), "EconomyAssumptions": c.ts(economyAssumptionKeys),
		"Support": c.supportViews(), "SupportRule": c.t("sup.rule"), "County": c.countyViews(),
	})
}

// Markdown writes the report as Markdown.
func Markdown(w io.Writer, c *Comparison) error {
	if err := c.check(); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(c.title()))
	for _, s := range c.Scenarios {
		fmt.Fprintf(&b, "- **%s**: %s\n", mdEscape(s.Name), mdEscape(s.Description))
	}
	names := c.outcomeNames()
	table := func(title, first string, rows []row) {
		if sub, ok := strings.CutPrefix(title, "#"); ok {
			fmt.Fprintf(&b, "\n### %s\n\n| %s |", mdEscape(sub), first)
		} else {
			fmt.Fprintf(&b, "\n## %s\n\n| %s |", title, first)
		}
		for _, name := range names {
			fmt.Fprintf(&b, " %s |", mdEscape(name))
		}
		b.WriteString("\n|---|")
		for range c.Outcomes {
			b.WriteString("---:|")
		}
		b.WriteString("\n")
		for _, r := range rows {
			fmt.Fprintf(&b, "| %s |", mdEscape(r.Label))
			for _, v := range r.Values {
				fmt.Fprintf(&b, " %s |", mdEscape(v))
			}
			b.WriteString("\n")
		}
	}
	for _, s := range c.Scenarios {
		if ins := c.inputs(s.ID); len(ins) > 0 {
			fmt.Fprintf(&b, "\n## %s\n\n", c.t("sec.inputs", mdEscape(s.Name)))
			for _, in := range ins {
				fmt.Fprintf(&b, "- **%s** (%s%s)\n", mdEscape(in.Title), mdEscape(c.kindLabel(in.Kind)), mdEscape(c.inputFrom(&in)))
			}
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n%s\n", c.t("sec.roles"), c.t("sec.roles.note"))
	for _, g := range c.roleSummary() {
		table("#"+g.Role, " ", g.Rows)
	}
	if v := c.economyView(); v != nil {
		fmt.Fprintf(&b, "\n## %s\n\n", c.economyTitle())
		if len(v.Rows) > 0 {
			b.WriteString(c.t("econ.lead") + "\n\n|")
			for _, h := range v.Head {
				fmt.Fprintf(&b, " %s |", h)
			}
			b.WriteString("\n|---|---|---|")
			for range v.Head[3:] {
				b.WriteString("---:|")
			}
			b.WriteString("\n")
			for _, r := range v.Rows {
				b.WriteString("|")
				for _, x := range r {
					fmt.Fprintf(&b, " %s |", mdEscape(x))
				}
				b.WriteString("\n")
			}
			for _, y := range v.Years {
				fmt.Fprintf(&b, "\n### %s\n\n| %s | %s | %s | %s |\n|---|---:|---:|---:|\n", c.t("econ.byyear", mdEscape(y.Title)),
					c.t("econ.year"), c.t("econ.share"), c.t("econ.comp"), c.t("econ.known"))
				for _, r := range y.Rows {
					fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r[0], r[1], r[2], r[3])
				}
			}
		}
		if v.Note != "" {
			fmt.Fprintf(&b, "\n%s\n", mdEscape(v.Note))
		}
	}
	c.supportMarkdown(&b)
	c.countyMarkdown(&b)
	table(c.t("sec.key"), " ", c.rows())
	table(c.t("sec.tasks"), c.t("col.task"), c.taskRows())
	for _, o := range c.Outcomes {
		for _, p := range o.Problems {
			fmt.Fprintf(&b, "\n> %s: %s: %s\n", mdEscape(o.Scenario), mdEscape(p.Where), mdEscape(p.Message))
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n", c.t("sec.assumptions"))
	if c.Catalogue != nil {
		fmt.Fprintf(&b, "- %s\n", c.t("asm.catalogue", mdEscape(c.Catalogue.Version)))
	}
	fmt.Fprintf(&b, "- %s\n", c.cooperationText())
	for _, a := range c.ts(assumptionKeys) {
		fmt.Fprintf(&b, "- %s\n", a)
	}
	if c.Economy != nil {
		for _, a := range c.ts(economyAssumptionKeys) {
			fmt.Fprintf(&b, "- %s\n", a)
		}
	}
	if st := c.staffing(); len(st) > 0 {
		fmt.Fprintf(&b, "\n### %s\n\n| %s | %s | %s | %s | %s |\n|---|---:|---|---:|---|\n", c.t("sec.staffing"),
			c.t("col.task"), c.t("staff.fte"), c.t("staff.basis"), c.t("staff.min"), c.t("staff.basis"))
		for _, r := range st {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", mdEscape(r.Task), r.FTEPer1000, mdEscape(r.FTEBasis), r.MinTeam, mdEscape(r.MinTeamBasis))
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n", c.t("sec.sources"))
	for _, s := range c.ts(sourceKeys) {
		fmt.Fprintf(&b, "- %s\n", s)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CSV writes the key figures, one row per metric and one column per
// outcome, and after an empty row the assumptions they rest on (today's
// registered cooperation, each task's staffing), one per row with its
// value and basis. A cell a spreadsheet would read as a formula (a scenario named
// "=HYPERLINK(…)") gets a leading apostrophe (generalist.CSVCell).
func CSV(w io.Writer, c *Comparison) error {
	if err := c.check(); err != nil {
		return err
	}
	cw := generalist.NewCSVWriter(w)
	head := append([]string{c.t("csv.key")}, c.outcomeNames()...)
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, g := range c.roleSummary() {
		for _, r := range g.Rows {
			if err := cw.Write(append([]string{g.Role + ": " + r.Label}, r.Values...)); err != nil {
				return err
			}
		}
	}
	for _, r := range append(c.rows(), c.taskRows()...) {
		if err := cw.Write(append([]string{r.Label}, r.Values...)); err != nil {
			return err
		}
	}
	if err := c.economyCSV(cw); err != nil {
		return err
	}
	if err := c.supportCSV(cw); err != nil {
		return err
	}
	if err := c.countyCSV(cw); err != nil {
		return err
	}
	// The assumptions follow after an empty row, as a table of their own.
	rows := [][]string{{}, {c.t("csv.assumption"), c.t("csv.value"), c.t("csv.basis")}, {c.t("csv.cooperation"), "", c.cooperationText()}}
	for _, r := range c.staffing() {
		rows = append(rows, []string{c.t("csv.fte", r.Task), r.FTEPer1000, r.FTEBasis},
			[]string{c.t("csv.min", r.Task), r.MinTeam, r.MinTeamBasis})
	}
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// mdEscape makes text (names, descriptions, the title) literal for a
// Markdown renderer: on one line, so it cannot start a block or break a
// table row; <, > and & as entities, so no renderer reads raw HTML or an
// autolink (<img onerror>, <meta http-equiv>, <form>); and the inline
// syntax (emphasis, code, links, table cells) backslash-escaped.
func mdEscape(s string) string {
	return mdReplacer.Replace(strings.TrimSpace(s))
}

var mdReplacer = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\u2028", " ", "\u2029", " ",
	"<", "&lt;", ">", "&gt;", "&", "&amp;",
	"\\", "\\\\", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "|", "\\|")

// inputs returns the public view of the inputs linked to a scenario.
func (c *Comparison) inputs(id string) []generalist.Input {
	var out []generalist.Input
	for _, in := range c.Inputs[id] {
		if in.Status == generalist.InputPublished {
			out = append(out, in.Public())
		}
	}
	return out
}

// inputFrom says where an input comes from: the municipality or county
// and, when the sender chose to publish it, the name or organisation.
func (c *Comparison) inputFrom(in *generalist.Input) string {
	var parts []string
	if in.Municipality != "" {
		parts = append(parts, c.t("from.municipality", string(in.Municipality)))
	} else if in.County != "" {
		parts = append(parts, c.t("from.county", string(in.County)))
	}
	if in.Organisation != "" {
		parts = append(parts, in.Organisation)
	} else if in.Name != "" {
		parts = append(parts, in.Name)
	}
	if len(parts) == 0 {
		return ""
	}
	return ", " + strings.Join(parts, ", ")
}

func uniq(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
