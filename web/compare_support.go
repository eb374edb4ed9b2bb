package web

import (
	"net/http"
	"strings"

	"generalist"
	"generalist/internal/nbfmt"
	"generalist/sim"
)

// cmpSupport is one compared scenario's support schemes for new
// cooperation (docs/support-scheme.md): a sentence per scheme with its
// amounts and criteria, the state's cost per year and in all, and what
// each municipality receives.
type cmpSupport struct {
	Scenario string             `json:"scenario"`
	Caption  string             `json:"caption"`
	Schemes  []cmpSupportScheme `json:"schemes"`
	Years    [][2]string        `json:"years"` // year, cost
	Total    string             `json:"total"`
	Rows     []cmpSupportRow    `json:"municipalities"`
	// None says that no new cooperation meets any scheme's criteria;
	// Unknown is the sentence on the cooperations without data.
	None    bool   `json:"none,omitempty"`
	Unknown string `json:"unknown,omitempty"`
}

type cmpSupportScheme struct {
	Text     string `json:"text"`
	Amounts  string `json:"amounts"`
	Criteria string `json:"criteria"`
}

type cmpSupportRow struct {
	Number       generalist.MunicipalityNumber `json:"number"`
	Name         string                        `json:"name"`
	Cooperations string                        `json:"cooperations"`
	First        string                        `json:"first"`
	Period       string                        `json:"period"`
}

// compareSupport presents the support schemes of the compared scenarios
// (outs[i+1] is scs[i]'s outcome); nil when none has a scheme.
func (s *Server) compareSupport(r *http.Request, scs []*generalist.Scenario, outs []*sim.Outcome) ([]cmpSupport, error) {
	var any bool
	for _, sc := range scs {
		any = any || len(sc.Support) > 0
	}
	if !any {
		return nil, nil
	}
	names, err := s.editorNames(r, scs[0].Structure, scs[0].Year)
	if err != nil {
		return nil, err
	}
	lang := langOf(r)
	var out []cmpSupport
	for i, sc := range scs {
		if i+1 >= len(outs) || outs[i+1].Support == nil {
			continue
		}
		out = append(out, supportView(sc, outs[i+1].Support, names, lang))
	}
	return out, nil
}

// supportView words one scenario's support outcome in lang.
func supportView(sc *generalist.Scenario, o *sim.SupportOutcome, names editorNames, lang string) cmpSupport {
	nf := nbfmt.For(lang)
	kr := func(v generalist.Kroner) string { return nf.Kroner(float64(v), 0) }
	c := cmpSupport{Scenario: sc.Name, Caption: sprintf(msg(lang, "sup.in"), sc.Name, o.FirstYear, o.LastYear), Total: kr(o.Total)}
	qualifying := 0
	for _, so := range o.Schemes {
		name := so.Name
		if name == "" {
			name = sprintf(msg(lang, "sup.scheme.n"), so.Index+1)
		}
		qualifying += len(so.Cooperations)
		v := cmpSupportScheme{Text: sprintf(msg(lang, "sup.scheme"), name, nf.Int(int64(len(so.Cooperations))), nf.Int(int64(so.NewCooperations)),
			kr(so.PerYear), so.FirstYear, so.LastYear, kr(so.Total))}
		if so.Index < len(sc.Support) {
			v.Amounts, v.Criteria = schemeTerms(sc.Support[so.Index], names, lang)
		}
		c.Schemes = append(c.Schemes, v)
	}
	for _, y := range o.Years {
		c.Years = append(c.Years, [2]string{sprintf("%d", y.Year), kr(y.Cost)})
	}
	for _, m := range o.Municipalities {
		row := cmpSupportRow{Number: m.Number, Name: m.Name, Cooperations: nf.Int(int64(m.Cooperations)), First: msg(lang, "nodata"), Period: msg(lang, "nodata")}
		if m.FirstYear != nil && m.Total != nil {
			row.First, row.Period = kr(*m.FirstYear), kr(*m.Total)
		}
		c.Rows = append(c.Rows, row)
	}
	c.None = qualifying == 0 && o.Unknown == 0
	if o.Unknown > 0 {
		c.Unknown = sprintf(msg(lang, "sup.unknown"), nf.Int(int64(o.Unknown)))
	}
	return c
}

// schemeTerms words a scheme's amounts and criteria as two sentences.
func schemeTerms(sch generalist.SupportScheme, names editorNames, lang string) (amounts, criteria string) {
	nf := nbfmt.For(lang)
	var a []string
	if sch.PerCooperation > 0 {
		a = append(a, sprintf(msg(lang, "sup.percoop"), nf.Kroner(float64(sch.PerCooperation), 0)))
	}
	if sch.PerParticipant > 0 {
		a = append(a, sprintf(msg(lang, "sup.perpart"), nf.Kroner(float64(sch.PerParticipant), 0)))
	}
	amounts = sprintf(msg(lang, "sup.amounts"), listText(a, lang))
	var cr []string
	or := func(items []string) string {
		if len(items) < 2 {
			return listText(items, lang)
		}
		return strings.Join(items[:len(items)-1], ", ") + msg(lang, "sup.or") + items[len(items)-1]
	}
	if len(sch.Criteria.Forms) > 0 {
		var fs []string
		for _, f := range sch.Criteria.Forms {
			fs = append(fs, formName(f, lang))
		}
		cr = append(cr, sprintf(msg(lang, "sup.crit.forms"), or(fs)))
	}
	if len(sch.Criteria.Tasks) > 0 {
		var ts []string
		for _, t := range sch.Criteria.Tasks {
			ts = append(ts, problemArg('t', t, lang, names))
		}
		cr = append(cr, sprintf(msg(lang, "sup.crit.tasks"), or(ts)))
	}
	if sch.Criteria.PopulationBelow > 0 {
		cr = append(cr, sprintf(msg(lang, "sup.crit.pop"), nf.Int(int64(sch.Criteria.PopulationBelow))))
	}
	if sch.Criteria.BelowRobust {
		cr = append(cr, msg(lang, "sup.crit.robust"))
	}
	if len(cr) == 0 {
		return amounts, msg(lang, "sup.crit.none")
	}
	return amounts, sprintf(msg(lang, "sup.criteria"), listText(cr, lang))
}
