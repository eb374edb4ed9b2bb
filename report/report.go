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
	"generalist/internal/nbfmt"
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
}

// Sources are cited in every report.
var Sources = []string{
	"Statistisk sentralbyrå, tabell 07459: folkemengde 1. januar (NLOD/CC BY 4.0)",
	"Statistisk sentralbyrå, Klass 131: kommuneinndeling og endringer",
	"© Kartverket: kommunegrenser (Administrative enheter), CC BY 4.0",
	"Oppgavekatalogen data/tasks.json (lovgrunnlag fra Lovdata; bemanningsnormer med kilde, ellers merket som antakelse)",
}

// Assumptions lists the model's assumptions, in every report.
var Assumptions = []string{
	"Forventede årsverk = årsverk per 1 000 innbyggere i målgruppen × målgruppen / 1 000; et team er robust når det når minste robuste fagmiljø.",
	"De fleste bemanningstallene i oppgavekatalogen er antakelser (merket i katalogen) og kan endres av analytikeren.",
	"I et samarbeid eller hos en mottaker legges medlemmenes forventede årsverk sammen; alle medlemmer er robuste når fellesteamet er det.",
	"Pålagt samarbeid: en kommune som må samarbeide, slås sammen med nærmeste kommune med robust team (innen tre naboskritt, ellers nærmest); en dokumentert grådig regel, ikke en optimal inndeling.",
	"Deles en kommune uten oppgitte andeler, har kommunene som får deler, ingen data; det anslås ikke.",
	"Avstand til senteret: gjennomsnittlig avstand fra medlemskommunenes tyngdepunkt til senterkommunens, vektet med folketall.",
}

// row is one metric across the outcomes.
type row struct {
	Label  string
	Values []string
}

func (c *Comparison) rows() []row {
	nb := nbfmt.Bokmal
	num := nb.Decimal
	count := func(n int) string { return nb.Int(int64(n)) }
	f := func(label string, fn func(o *sim.Outcome) string) row {
		r := row{Label: label}
		for _, o := range c.Outcomes {
			r.Values = append(r.Values, fn(o))
		}
		return r
	}
	rows := []row{
		f("Struktur, 1. januar", func(o *sim.Outcome) string { return fmt.Sprintf("%d, %d", o.Structure, o.Year) }),
		f("Antall kommuner", func(o *sim.Outcome) string { return count(o.Municipalities) }),
		f("Innbyggere med data", func(o *sim.Outcome) string { return num(float64(o.Inhabitants), 0) }),
		f("Median innbyggere", func(o *sim.Outcome) string { return num(o.Stats.Median, 1) }),
		f("Kommuner under 5 000", func(o *sim.Outcome) string { return count(o.Stats.Under.Count) }),
		f("Kommuner uten data", func(o *sim.Outcome) string { return count(len(o.Stats.Missing)) }),
		f("Oppgave–kommune-par under robust nivå", func(o *sim.Outcome) string { return count(o.Vulnerable) }),
		f("Andel oppgaveårsverk utenfor egen organisasjon", c.outsideShare),
		f("Gjennomsnittlig avstand til senteret (km)", func(o *sim.Outcome) string {
			if o.MeanDistanceKm == nil {
				return "ingen data"
			}
			return num(*o.MeanDistanceKm, 1)
		}),
	}
	for _, role := range generalist.Roles {
		rows = append(rows, f("Under robust nivå: "+strings.ToLower(RoleNames[role]), func(o *sim.Outcome) string {
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

func (c *Comparison) taskRows() []row {
	var rows []row
	for i, t := range c.Outcomes[0].Tasks {
		r := row{Label: c.taskName(t.Task)}
		for _, o := range c.Outcomes {
			to := o.Tasks[i]
			v := nbfmt.Bokmal.Int(int64(to.Short))
			if to.Grouped > 0 {
				v += " (" + nbfmt.Bokmal.Int(int64(to.Grouped)) + " i samarbeid)"
			}
			if to.Moved > 0 {
				v += " (" + nbfmt.Bokmal.Int(int64(to.Moved)) + " til staten)"
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

// taskName is a task's bokmål name from the catalogue (its id only when
// the catalogue lacks it).
func (c *Comparison) taskName(id string) string {
	if c.Catalogue != nil {
		for i := range c.Catalogue.Tasks {
			if t := &c.Catalogue.Tasks[i]; t.ID == id && t.NameNB != "" {
				return t.NameNB
			}
		}
	}
	return id
}

func (c *Comparison) check() error {
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
	t, err := template.New("").Funcs(template.FuncMap{"task": c.taskName, "muni": c.muniName}).ParseFS(templateFS, "templates/*.tmpl")
	if err != nil {
		return err
	}
	var bars []chart.Bar
	for _, o := range c.Outcomes {
		bars = append(bars, chart.Bar{Label: o.Scenario, Value: float64(o.Vulnerable), Known: true})
	}
	var svg bytes.Buffer
	if err := chart.Bars(&svg, chart.BarChart{Title: "Oppgave–kommune-par under robust nivå", Unit: "par",
		Source: "Statistisk sentralbyrå (07459); oppgavekatalogen", Bars: bars, Width: 720, Lang: "nb", ID: "vulnerable"}); err != nil {
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
			if err := c.Map.Render(&buf, geomap.Options{Values: vals, Title: "Folkemengde i ny kommune", Unit: "innbyggere",
				Format: func(v float64) string { return nbfmt.Bokmal.Decimal(v, 0) },
				Source: "Statistisk sentralbyrå (07459); © Kartverket", Highlight: uniq(hl), Width: 520, ID: fmt.Sprintf("map%d", i)}); err != nil {
				return err
			}
			v.Map = template.HTML(buf.Bytes()) // produced by geomap, which escapes its text
		}
		views = append(views, v)
	}
	return t.ExecuteTemplate(w, "report.tmpl", map[string]any{
		"Title": c.Title, "Outcomes": c.Outcomes, "Scenarios": views, "Rows": c.rows(), "TaskRows": c.taskRows(),
		"Chart": template.HTML(svg.Bytes()), "Catalogue": c.Catalogue, "Sources": Sources, "Assumptions": Assumptions,
		"Cooperation": c.cooperationText(), "Staffing": c.staffing(),
		"Roles": c.roleSummary(), "Columns": len(c.Outcomes) + 1, "Economy": c.economyView(), "EconomyTitle": c.economyTitle(), "EconomyAssumptions": EconomyAssumptions,
	})
}

// Markdown writes the report as Markdown.
func Markdown(w io.Writer, c *Comparison) error {
	if err := c.check(); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(c.Title))
	for _, s := range c.Scenarios {
		fmt.Fprintf(&b, "- **%s**: %s\n", mdEscape(s.Name), mdEscape(s.Description))
	}
	table := func(title string, rows []row) {
		first := " "
		if strings.Contains(title, "per oppgave") {
			first = "Oppgave"
		}
		if sub, ok := strings.CutPrefix(title, "#"); ok {
			fmt.Fprintf(&b, "\n### %s\n\n| %s |", mdEscape(sub), first)
		} else {
			fmt.Fprintf(&b, "\n## %s\n\n| %s |", title, first)
		}
		for _, o := range c.Outcomes {
			fmt.Fprintf(&b, " %s |", mdEscape(o.Scenario))
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
			fmt.Fprintf(&b, "\n## Innspill som begrunner %s\n\n", mdEscape(s.Name))
			for _, in := range ins {
				fmt.Fprintf(&b, "- **%s** (%s%s)\n", mdEscape(in.Title), mdEscape(in.Kind.Label()), mdEscape(inputFrom(&in)))
			}
		}
	}
	b.WriteString("\n## Sammendrag per rolle\n\nKommunens fire roller. For alternativene står endringen fra dagens system i parentes.\n")
	for _, g := range c.roleSummary() {
		table("#"+g.Role, g.Rows)
	}
	if v := c.economyView(); v != nil {
		fmt.Fprintf(&b, "\n## %s\n\n", c.economyTitle())
		if len(v.Rows) > 0 {
			b.WriteString("Endring mot at kommunene fortsetter hver for seg, i kroner fra budsjettåret (faste priser).\n\n|")
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
				fmt.Fprintf(&b, "\n### %s: år for år\n\n| År | Andel av inndelingstilskuddet | Inndelingstilskudd | Kjent endring |\n|---|---:|---:|---:|\n", mdEscape(y.Title))
				for _, r := range y.Rows {
					fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r[0], r[1], r[2], r[3])
				}
			}
		}
		if v.Note != "" {
			fmt.Fprintf(&b, "\n%s\n", mdEscape(v.Note))
		}
	}
	table("Nøkkeltall", c.rows())
	table("Kommuner under robust nivå per oppgave", c.taskRows())
	for _, o := range c.Outcomes {
		for _, p := range o.Problems {
			fmt.Fprintf(&b, "\n> %s: %s: %s\n", mdEscape(o.Scenario), mdEscape(p.Where), mdEscape(p.Message))
		}
	}
	b.WriteString("\n## Forutsetninger\n\n")
	if c.Catalogue != nil {
		fmt.Fprintf(&b, "- Oppgavekatalog versjon %s.\n", mdEscape(c.Catalogue.Version))
	}
	fmt.Fprintf(&b, "- %s\n", c.cooperationText())
	for _, a := range Assumptions {
		fmt.Fprintf(&b, "- %s\n", a)
	}
	if c.Economy != nil {
		for _, a := range EconomyAssumptions {
			fmt.Fprintf(&b, "- %s\n", a)
		}
	}
	if st := c.staffing(); len(st) > 0 {
		b.WriteString("\n### Bemanningsforutsetninger per oppgave\n\n| Oppgave | Årsverk per 1 000 i målgruppen | Grunnlag | Minste robuste fagmiljø (årsverk) | Grunnlag |\n|---|---:|---|---:|---|\n")
		for _, r := range st {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", mdEscape(r.Task), r.FTEPer1000, mdEscape(r.FTEBasis), r.MinTeam, mdEscape(r.MinTeamBasis))
		}
	}
	b.WriteString("\n## Kilder\n\n")
	for _, s := range Sources {
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
	head := []string{"nøkkeltall"}
	for _, o := range c.Outcomes {
		head = append(head, o.Scenario)
	}
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
	// The assumptions follow after an empty row, as a table of their own.
	rows := [][]string{{}, {"forutsetning", "verdi", "grunnlag"}, {"dagens registrerte samarbeid", "", c.cooperationText()}}
	for _, r := range c.staffing() {
		rows = append(rows, []string{r.Task + ": årsverk per 1 000 i målgruppen", r.FTEPer1000, r.FTEBasis},
			[]string{r.Task + ": minste robuste fagmiljø (årsverk)", r.MinTeam, r.MinTeamBasis})
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
func inputFrom(in *generalist.Input) string {
	var parts []string
	if in.Municipality != "" {
		parts = append(parts, "kommune "+string(in.Municipality))
	} else if in.County != "" {
		parts = append(parts, "fylke "+string(in.County))
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
