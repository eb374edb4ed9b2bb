package report

import (
	"fmt"
	"strings"

	"generalist"
	"generalist/sim"
)

// countyTexts are the county lever's words (the county authority's
// future), added to texts at start; what the engine cannot compute comes
// from generalist.CountyLimits.
var countyTexts = map[string][2]string{
	"cty.title":     {"Fylkeskommunen: %s", "The county authority: %s"},
	"cty.today":     {"I dag bærer %d fylker fylkeskommunens oppgaver (i Oslo kommunen); det minste har %s innbyggere, medianen er %s.", "Today %d counties carry the county authority's tasks (in Oslo the municipality); the smallest has %s inhabitants, the median %s."},
	"cty.abolished": {"Fylkeskommunen legges ned.", "The county authority is abolished."},
	"cty.kept":      {"Fylkeskommunen består og beholder %d av %d oppgaver.", "The county authority stays and keeps %d of %d tasks."},
	"cty.keptall":   {"Fylkeskommunen består med alle sine oppgaver.", "The county authority stays with all its tasks."},
	"cty.bodies":    {"Etter endringen bærer %d organer fylkeskommunale oppgaver.", "After the change, %d bodies carry county tasks."},
	"cty.ended":     {"Opphører med fylkeskommunen: %s.", "Ends with the county authority: %s."},
	"cty.task":      {"Oppgave", "Task"},
	"cty.to":        {"Går til", "Goes to"},
	"cty.basis":     {"Lovgrunnlag", "Legal basis"},
	"cty.ok":        {"bekreftet", "confirmed"},
	"cty.partly":    {"ikke verifisert (deler av lovgrunnlaget)", "not verified (part of the legal basis)"},
	"cty.no":        {"ikke verifisert", "not verified"},
	"cty.receiver":  {"Mottaker", "Receiver"},
	"cty.ntasks":    {"Oppgaver", "Tasks"},
	"cty.nbodies":   {"Organer", "Bodies"},
	"cty.smallest":  {"Minste organ (innbyggere)", "Smallest body (inhabitants)"},
	"cty.median":    {"Median (innbyggere)", "Median (inhabitants)"},
	"cty.under":     {"Under 5 000 innbyggere", "Under 5,000 inhabitants"},
	"cty.alone":     {"%d kommuner er ikke i noen region og tar oppgavene alene.", "%d municipalities are in no region and take the tasks alone."},
	"cty.regions": {"%[1]s regioner har til sammen %[2]s innbyggere: den minste, %[3]s, har %[4]s, den største, %[5]s, har %[6]s, og medianen er %[7]s.",
		"%[1]s regions have %[2]s inhabitants in all: the smallest, %[3]s, has %[4]s, the largest, %[5]s, has %[6]s, and the median is %[7]s."},
	"cty.region1":       {"Regionen %[1]s har %[2]s innbyggere.", "The region %[1]s has %[2]s inhabitants."},
	"cty.regionsnodata": {"%[1]s regioner: ingen data for innbyggerne i alle regionene.", "%[1]s regions: no data for the inhabitants of every region."},
	"cty.served":        {"%s (%s år): %s organer; det minste har %s i målgruppen, medianen er %s, i alt %s.", "%s (aged %s): %s bodies; the smallest has %s in the target group, the median %s, in total %s."},
	"cty.servedone":     {"%s (%s år): ett organ med %s i målgruppen.", "%s (aged %s): one body with %s in the target group."},
	"cty.from":          {"Fra", "From"},
	"cty.takeall":       {"alle kommunene", "every municipality"},
	"cty.takeweak":      {"kommuner under robust minimum eller etter kriterier", "municipalities below the robust minimum or by criteria"},
	"cty.munis":         {"Kommuner", "Municipalities"},
	"cty.inhab":         {"Innbyggere", "Inhabitants"},
	"cty.cannot":        {"Dette kan Generalist ikke regne ut:", "What Generalist cannot compute:"},
	"cty.staten":        {"Staten", "The state"},
	"cty.kommunene":     {"Kommunene", "The municipalities"},
	"cty.regioner":      {"Regioner av kommuner", "Regions of municipalities"},
}

func init() {
	for k, v := range countyTexts {
		if _, dup := texts[k]; dup {
			panic(fmt.Sprintf("report: text key %q is defined twice", k))
		}
		texts[k] = v
	}
}

// receiverKeys are the texts of the receivers of county tasks.
var receiverKeys = map[generalist.CountyReceiver]string{
	generalist.CountyToState: "cty.staten", generalist.CountyToMunicipalities: "cty.kommunene", generalist.CountyToRegions: "cty.regioner",
}

// countyView is one outcome's county consequences as text in the
// report's language.
type countyView struct {
	Title     string
	Lines     []string
	Moves     [][3]string // task, receiver, legal basis verified
	Receivers [][6]string // receiver, tasks, bodies, smallest, median, under 5,000
	Served    []string
	Takes     [][4]string // task, from, municipalities, inhabitants
	Cannot    []string
}

// countyViews are the county consequences of the compared outcomes
// (today's system has none), in order.
func (c *Comparison) countyViews() []countyView {
	var out []countyView
	for _, o := range c.Outcomes {
		if o.County != nil {
			out = append(out, c.countyView(o.Scenario, o.County))
		}
	}
	return out
}

func (c *Comparison) countyView(name string, co *sim.CountyOutcome) countyView {
	nf := c.nf()
	persons := func(p generalist.Persons) string { return nf.Int(int64(p)) }
	taskName := func(nb, en string) string {
		if c.english() {
			return en
		}
		return nb
	}
	v := countyView{Title: c.t("cty.title", name)}
	v.Lines = append(v.Lines, c.t("cty.today", co.Today.Count, persons(co.Today.Population.Smallest.Inhabitants), nf.Decimal(co.Today.Population.Median, 0)))
	switch {
	case co.Abolished:
		v.Lines = append(v.Lines, c.t("cty.abolished"))
	case len(co.Moves) > 0:
		v.Lines = append(v.Lines, c.t("cty.kept", len(co.Kept), co.CatalogueTasks))
	default:
		v.Lines = append(v.Lines, c.t("cty.keptall"))
	}
	v.Lines = append(v.Lines, c.t("cty.bodies", co.Bodies))
	if len(co.Ended) > 0 {
		var ns []string
		for _, e := range co.Ended {
			ns = append(ns, taskName(e.NameNB, e.NameEN))
		}
		v.Lines = append(v.Lines, c.t("cty.ended", strings.Join(ns, ", ")))
	}
	names := map[string]string{}
	for _, m := range co.Moves {
		names[m.Task] = taskName(m.NameNB, m.NameEN)
		ver := c.t("cty.ok")
		switch m.Verified {
		case generalist.VerifiedPartly:
			ver = c.t("cty.partly")
		case generalist.VerifiedNo:
			ver = c.t("cty.no")
		}
		v.Moves = append(v.Moves, [3]string{names[m.Task], c.t(receiverKeys[m.To]), ver})
	}
	for _, r := range co.Receivers {
		p := r.Bodies.Population
		small, median, under := c.t("nodata"), c.t("nodata"), c.t("nodata")
		if p.WithData > 0 {
			small, median, under = persons(p.Smallest.Inhabitants), nf.Decimal(p.Median, 0), nf.Int(int64(p.Under.Count))
		}
		v.Receivers = append(v.Receivers, [6]string{c.t(receiverKeys[r.To]), nf.Int(int64(len(r.Tasks))), nf.Int(int64(r.Bodies.Count)), small, median, under})
		if r.Regions != nil {
			v.Lines = append(v.Lines, c.regionsLine(r.Regions))
		}
		if r.Alone > 0 {
			v.Lines = append(v.Lines, c.t("cty.alone", r.Alone))
		}
		for _, s := range r.Served {
			var ages []string
			for _, g := range s.Groups {
				ages = append(ages, g.String())
			}
			if s.Population.WithData == 0 {
				v.Served = append(v.Served, names[s.Task]+": "+c.t("nodata"))
				continue
			}
			if r.Bodies.Count == 1 {
				v.Served = append(v.Served, c.t("cty.servedone", names[s.Task], strings.Join(ages, ", "), persons(s.Population.Inhabitants)))
				continue
			}
			v.Served = append(v.Served, c.t("cty.served", names[s.Task], strings.Join(ages, ", "), nf.Int(int64(r.Bodies.Count)),
				persons(s.Population.Smallest.Inhabitants), nf.Decimal(s.Population.Median, 0), persons(s.Population.Inhabitants)))
		}
	}
	for _, tk := range co.Takes {
		from := c.t("cty.takeweak")
		if tk.All {
			from = c.t("cty.takeall")
		}
		v.Takes = append(v.Takes, [4]string{taskName(tk.NameNB, tk.NameEN), from, nf.Int(int64(tk.Municipalities)), persons(tk.Inhabitants)})
	}
	for _, l := range co.CannotCompute {
		v.Cannot = append(v.Cannot, taskName(l.NB, l.EN))
	}
	return v
}

// regionsLine is the sentence on the regions' own inhabitants (without
// the municipalities in no region), worded as on the comparison page.
func (c *Comparison) regionsLine(rg *sim.CountyBodies) string {
	nf := c.nf()
	p := rg.Population
	switch {
	case p.WithData != rg.Count:
		return c.t("cty.regionsnodata", nf.Int(int64(rg.Count)))
	case rg.Count == 1:
		return c.t("cty.region1", p.Largest.Name, nf.Int(int64(p.Inhabitants)))
	}
	return c.t("cty.regions", nf.Int(int64(rg.Count)), nf.Int(int64(p.Inhabitants)), p.Smallest.Name, nf.Int(int64(p.Smallest.Inhabitants)),
		p.Largest.Name, nf.Int(int64(p.Largest.Inhabitants)), nf.Decimal(p.Median, 0))
}

// countyMarkdown writes the county sections as Markdown.
func (c *Comparison) countyMarkdown(b *strings.Builder) {
	for _, v := range c.countyViews() {
		fmt.Fprintf(b, "\n## %s\n\n", mdEscape(v.Title))
		for _, l := range v.Lines {
			fmt.Fprintf(b, "%s\n", mdEscape(l))
		}
		if len(v.Moves) > 0 {
			fmt.Fprintf(b, "\n| %s | %s | %s |\n|---|---|---|\n", c.t("cty.task"), c.t("cty.to"), c.t("cty.basis"))
			for _, m := range v.Moves {
				fmt.Fprintf(b, "| %s | %s | %s |\n", mdEscape(m[0]), m[1], m[2])
			}
			fmt.Fprintf(b, "\n| %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|---:|\n", c.t("cty.receiver"), c.t("cty.ntasks"), c.t("cty.nbodies"), c.t("cty.smallest"), c.t("cty.median"), c.t("cty.under"))
			for _, r := range v.Receivers {
				fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", r[0], r[1], r[2], r[3], r[4], r[5])
			}
		}
		for _, s := range v.Served {
			fmt.Fprintf(b, "\n%s\n", mdEscape(s))
		}
		if len(v.Takes) > 0 {
			fmt.Fprintf(b, "\n| %s | %s | %s | %s |\n|---|---|---:|---:|\n", c.t("cty.task"), c.t("cty.from"), c.t("cty.munis"), c.t("cty.inhab"))
			for _, t := range v.Takes {
				fmt.Fprintf(b, "| %s | %s | %s | %s |\n", mdEscape(t[0]), t[1], t[2], t[3])
			}
		}
		if len(v.Cannot) > 0 {
			fmt.Fprintf(b, "\n%s\n\n", c.t("cty.cannot"))
			for _, s := range v.Cannot {
				fmt.Fprintf(b, "- %s\n", mdEscape(s))
			}
		}
	}
}

// countyCSV writes the county sections after an empty row each.
func (c *Comparison) countyCSV(cw generalist.CSVWriter) error {
	for _, v := range c.countyViews() {
		rows := [][]string{{}, {v.Title}}
		for _, l := range v.Lines {
			rows = append(rows, []string{l})
		}
		if len(v.Moves) > 0 {
			rows = append(rows, []string{c.t("cty.task"), c.t("cty.to"), c.t("cty.basis")})
			for _, m := range v.Moves {
				rows = append(rows, m[:])
			}
			rows = append(rows, []string{c.t("cty.receiver"), c.t("cty.ntasks"), c.t("cty.nbodies"), c.t("cty.smallest"), c.t("cty.median"), c.t("cty.under")})
			for _, r := range v.Receivers {
				rows = append(rows, r[:])
			}
		}
		for _, s := range v.Served {
			rows = append(rows, []string{s})
		}
		if len(v.Takes) > 0 {
			rows = append(rows, []string{c.t("cty.task"), c.t("cty.from"), c.t("cty.munis"), c.t("cty.inhab")})
			for _, t := range v.Takes {
				rows = append(rows, t[:])
			}
		}
		if len(v.Cannot) > 0 {
			rows = append(rows, []string{c.t("cty.cannot")})
			for _, s := range v.Cannot {
				rows = append(rows, []string{s})
			}
		}
		for _, r := range rows {
			if err := cw.Write(r); err != nil {
				return err
			}
		}
	}
	return nil
}
