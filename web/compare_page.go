package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"generalist"
	"generalist/internal/nbfmt"
	"generalist/sim"
)

// comparePage is the scenario comparison: a summary per role first, then
// each merger's economy, then the details, and how every figure is
// computed. The maps are heavy (a national map per outcome) and load on
// demand from their own page (compareMaps).
type comparePage struct {
	Outcomes []*sim.Outcome
	// Heads are the columns' names: today's system in the page's
	// language, then the scenarios'.
	Heads []string
	Lead  string
	// Roles is the summary per role; Details the key figures after it.
	Roles   []cmpRole
	Details []cmpRow
	// Tasks are the per-task rows, each task by its catalogue name.
	Tasks   []cmpTaskRow
	Economy *cmpEconomy
	// Support are the compared scenarios' support schemes for new
	// cooperation (compare_support.go).
	Support []cmpSupport
	Calc    cmpCalc
	// MapsURL is the page with the maps; Query the comparison's query.
	MapsURL string
	JSON    string
	Report  string
	// Downloads are the compared scenarios' files and sharing
	// (scenario_export.go).
	Downloads scenarioDownloadsData
	// TodayKnown is false when no registered cooperation is part of
	// today's system (the share in cooperation is then unknown, not 0);
	// TodayNote and ExamplesNote say what today's cooperation rests on,
	// and ExamplesURL is the same comparison with the examples counted or
	// not, as Examples is not (empty when the registry has none).
	TodayKnown              bool
	TodayNote, ExamplesNote string
	// Outside is each outcome's share of task FTEs in cooperation, as
	// text: "ukjent" for today without registered cooperation, and a
	// share above 0 that rounds to 0,0 % as "under 0,1 %", never 0.
	Outside []string
	// AtLeast is whether a cell says «minst» (a share or a count of
	// today's unknown cooperation plus the scenario's own), Bracketed
	// whether a per-task cell has the brackets; the notes that explain
	// them are shown only then.
	AtLeast, Bracketed bool
	Examples           bool
	ExamplesURL        string
	// Maps, when set, makes the page the comparison's maps page.
	Maps *cmpMaps
	// Problems are each scenario's problems (warnings), written in the
	// page's language as the plan editor writes them.
	Problems []cmpProblems
}

type cmpProblems struct {
	Scenario string
	Texts    []string
}

// cmpRole is one role's key figures.
type cmpRole struct {
	Name string
	Rows []cmpRow
}

// cmpRow is one figure across the outcomes; Calc is the anchor of the
// paragraph that says how it is computed.
type cmpRow struct {
	ID, Label, Calc string
	Cells           []cmpCell
}

// cmpCell is a figure and, for a scenario, its change from today ("" for
// today's system and for figures without one).
type cmpCell struct {
	Value, Change string
}

type cmpTaskRow struct {
	ID, Name string
	Cells    []string
}

// cmpCalc holds the parameters of "how the figures are computed".
type cmpCalc struct {
	Structure generalist.Structure
	Year      int
	Catalogue string
}

func (s *Server) handleScenarioCompare(w http.ResponseWriter, r *http.Request) error {
	if isAnalyst(r) {
		// An analyst's page has the form that publishes a scenario, with
		// their token: rendered for them alone.
		p, err := s.comparePage(w, r)
		if err != nil {
			return err
		}
		s.render(w, r, http.StatusOK, "scenario.tmpl", p)
		return nil
	}
	// Anyone else's page depends only on the query, the language and
	// whether the viewer may read stored scenarios: it is built once, when
	// first asked for, and served from memory until the data change (a
	// scenario saved, published or deleted changes them). A scenario the
	// viewer may not read is an error, which is never kept.
	q := url.Values{}
	for k, v := range r.URL.Query() {
		if k != "lang" {
			q[k] = v
		}
	}
	key := fmt.Sprintf("compare/%s/%t?%s", langOf(r), signedIn(r.Context()), q.Encode())
	return s.renderCached(w, r, key, "scenario.tmpl", func() (page, error) {
		p, err := s.comparePage(w, r)
		p.Query = q
		return p, err
	})
}

// comparePage builds the comparison of the request's scenarios.
func (s *Server) comparePage(w http.ResponseWriter, r *http.Request) (page, error) {
	scs, opts, err := s.requestedComparison(r)
	if err != nil {
		return page{}, err
	}
	outs, err := s.app.Compare(r.Context(), scs, opts)
	if err != nil {
		return page{}, err
	}
	lang := langOf(r)
	d := comparePage{Outcomes: outs, JSON: "/api/v1/compare?" + r.URL.RawQuery, Report: "/scenarier/rapport?" + r.URL.RawQuery,
		MapsURL: "/scenarier/sammenlign/kart?" + compareQuery(r.URL.Query()).Encode()}
	d.Heads = compareHeads(outs, lang)
	todayBasis(&d, lang, r.URL.Query())
	cat, err := s.catalogue(r.Context())
	if err != nil {
		return page{}, err
	}
	d.Calc = cmpCalc{Structure: outs[0].Structure, Year: outs[0].Year, Catalogue: cat.Version}
	var names []string
	for _, o := range outs[1:] {
		names = append(names, "«"+o.Scenario+"»")
	}
	d.Lead = sprintf(msg(lang, "cmp.lead"), listText(names, lang), int(outs[0].Structure), outs[0].Year)
	d.Roles, d.Details = compareRows(outs, d.Outside, lang)
	d.AtLeast = d.AtLeast || countsAtLeast(outs)
	nf := nbfmt.For(lang)
	for i, t := range outs[0].Tasks {
		row := cmpTaskRow{ID: t.Task, Name: t.Task}
		if ref := taskByID(cat, t.Task); ref != nil {
			row.Name = ref.NameNB
			if lang == "en" {
				row.Name = ref.NameEN
			}
		}
		for _, o := range outs {
			to := o.Tasks[i]
			v := nf.Int(int64(to.Short))
			var extra []string
			if to.Grouped > 0 {
				extra = append(extra, sprintf(msg(lang, "cmp.grouped"), to.Grouped))
			}
			if to.Moved > 0 {
				extra = append(extra, sprintf(msg(lang, "cmp.moved"), to.Moved))
			}
			if len(extra) > 0 {
				v += " (" + strings.Join(extra, ", ") + ")"
				d.Bracketed = true
			}
			row.Cells = append(row.Cells, v)
		}
		d.Tasks = append(d.Tasks, row)
	}
	if err := s.compareProblems(r, &d); err != nil {
		return page{}, err
	}
	e, err := s.app.ComparisonEconomy(r.Context(), scs)
	if err != nil {
		return page{}, err
	}
	munNames := map[generalist.MunicipalityNumber]string{}
	if e != nil && len(e.Lacking) > 0 {
		ms, err := s.store.Municipalities(r.Context(), scs[0].Structure)
		if err != nil {
			return page{}, err
		}
		for _, m := range ms {
			munNames[m.Number] = m.ShortName
		}
	}
	d.Economy = compareEconomy(e, scs, munNames, lang)
	if d.Support, err = s.compareSupport(r, scs, d.Outcomes); err != nil {
		return page{}, err
	}
	d.Downloads = s.scenarioDownloads(w, r, scs)
	return page{Title: msg(lang, "cmp.title"), Nav: "scenarios", Data: d}, nil
}

// compareQuery keeps the comparison's own parameters (the scenarios and
// whether the examples count), for the links between its views.
func compareQuery(q url.Values) url.Values {
	c := url.Values{}
	for _, k := range []string{"id", "examples"} {
		if v, ok := q[k]; ok {
			c[k] = v
		}
	}
	return c
}

// compareRows builds the summary per role and the key figures: counts
// with their change from today for the scenarios.
func compareRows(outs []*sim.Outcome, outside []string, lang string) ([]cmpRole, []cmpRow) {
	nf := nbfmt.For(lang)
	counts := func(id, label, calc string, fn func(o *sim.Outcome) int) cmpRow {
		row := cmpRow{ID: id, Label: msg(lang, label), Calc: calc}
		for i, o := range outs {
			c := cmpCell{Value: nf.Int(int64(fn(o)))}
			if i > 0 {
				c.Change = nf.Signed(float64(fn(o)-fn(outs[0])), 0)
			}
			row.Cells = append(row.Cells, c)
		}
		return row
	}
	shares := cmpRow{Label: msg(lang, "cmp.f.outside"), Calc: "calc-outside"}
	for _, v := range outside {
		shares.Cells = append(shares.Cells, cmpCell{Value: v})
	}
	dist := distanceRows(outs, lang)
	distance := dist[0]
	distance.ID = ""
	roleKey := map[generalist.Role]string{generalist.RoleServiceProvider: "role.service", generalist.RoleDemocraticArena: "role.democracy",
		generalist.RoleAuthority: "role.authority", generalist.RoleCommunityDev: "role.community"}
	var roles []cmpRole
	for _, role := range generalist.Roles {
		g := cmpRole{Name: msg(lang, roleKey[role])}
		if role == generalist.RoleDemocraticArena {
			g.Rows = append(g.Rows, counts("", "cmp.f.units", "calc-structure", func(o *sim.Outcome) int { return o.Municipalities }), shares, distance)
		}
		g.Rows = append(g.Rows,
			counts("", "cmp.f.vulnerable", "calc-robust", func(o *sim.Outcome) int { return roleOutcome(o, role).Vulnerable }),
			outsideRow(outs, role, lang))
		roles = append(roles, g)
	}
	text := func(label, calc string, fn func(o *sim.Outcome) string) cmpRow {
		row := cmpRow{Label: msg(lang, label), Calc: calc}
		for _, o := range outs {
			row.Cells = append(row.Cells, cmpCell{Value: fn(o)})
		}
		return row
	}
	outsideRow := shares
	outsideRow.ID = "outside-share"
	// The details are the figures alone; their changes are in the summary.
	plain := func(id, label, calc string, fn func(o *sim.Outcome) int) cmpRow {
		row := counts(id, label, calc, fn)
		for i := range row.Cells {
			row.Cells[i].Change = ""
		}
		return row
	}
	details := []cmpRow{
		text("cmp.f.structure", "calc-structure", func(o *sim.Outcome) string { return sprintf("%d, %d", int(o.Structure), o.Year) }),
		plain("", "cmp.f.units", "calc-structure", func(o *sim.Outcome) int { return o.Municipalities }),
		plain("", "cmp.f.inh", "calc-structure", func(o *sim.Outcome) int { return int(o.Inhabitants) }),
		text("cmp.f.median", "calc-structure", func(o *sim.Outcome) string { return nf.Decimal(o.Stats.Median, 0) }),
		plain("", "cmp.f.under", "calc-structure", func(o *sim.Outcome) int { return o.Stats.Under.Count }),
		plain("", "cmp.f.nodata", "calc-structure", func(o *sim.Outcome) int { return len(o.Stats.Missing) }),
		plain("", "cmp.f.allvuln", "calc-robust", func(o *sim.Outcome) int { return o.Vulnerable }),
		outsideRow,
	}
	details = append(details, dist...)
	return roles, details
}

// outsideRow is a role's task–municipality pairs in cooperation or run
// by another body: «ukjent» when today's cooperation is unknown (the
// registry holds none in force), not 0, and «minst» the pairs a
// scenario's own choices put there; a change from today only when both
// are known.
func outsideRow(outs []*sim.Outcome, role generalist.Role, lang string) cmpRow {
	nf := nbfmt.For(lang)
	row := cmpRow{Label: msg(lang, "cmp.f.shared"), Calc: "calc-outside"}
	today := roleOutcome(outs[0], role).Outside
	for i, o := range outs {
		r := roleOutcome(o, role)
		var c cmpCell
		switch {
		case r.Outside != nil:
			c.Value = nf.Int(int64(*r.Outside))
			if i > 0 && today != nil {
				c.Change = nf.Signed(float64(*r.Outside-*today), 0)
			}
		case r.OutsideAtLeast > 0:
			c.Value = sprintf(msg(lang, "cmp.atleast"), nf.Int(int64(r.OutsideAtLeast)))
		default:
			c.Value = msg(lang, "cap.unknown")
		}
		row.Cells = append(row.Cells, c)
	}
	return row
}

// countsAtLeast reports whether outsideRow says «minst» in some cell: a
// role's pairs in cooperation when only the scenario's own are known.
func countsAtLeast(outs []*sim.Outcome) bool {
	for _, o := range outs {
		for _, role := range generalist.Roles {
			if r := roleOutcome(o, role); r.Outside == nil && r.OutsideAtLeast > 0 {
				return true
			}
		}
	}
	return false
}

func roleOutcome(o *sim.Outcome, role generalist.Role) sim.RoleOutcome {
	for _, r := range o.Roles {
		if r.Role == role {
			return r
		}
	}
	return sim.RoleOutcome{Role: role}
}

// todayBasis says on the comparison what today's cooperation rests on:
// the registered cooperations every outcome starts from (today's
// outcome's TodaysCooperation), and a link to count the shipped examples
// or not.
func todayBasis(d *comparePage, lang string, q url.Values) {
	b := d.Outcomes[0].TodaysCooperation
	day := dayText(lang, b.ActiveOn)
	d.Examples = b.Examples
	d.TodayKnown = d.Outcomes[0].CooperationKnown()
	switch {
	case !b.Applied:
		d.TodayNote = sprintf(msg(lang, "cmp.today.structure"), int(d.Outcomes[0].Structure))
	case b.Cooperations == 0:
		d.TodayNote = sprintf(msg(lang, "cmp.today.empty"), day)
	default:
		d.TodayNote = sprintf(msg(lang, "cmp.today.applied"), b.Cooperations, day)
	}
	switch {
	case b.Applied && b.Examples:
		d.ExamplesNote = msg(lang, "cap.basis.examples.on")
	case b.ExamplesLeftOut > 0:
		d.ExamplesNote = sprintf(msg(lang, "cap.basis.examples.off"), b.ExamplesLeftOut)
	}
	nf := nbfmt.For(lang)
	for i, o := range d.Outcomes {
		// Without today's cooperation a scenario's share counts only its
		// own arrangements: nothing of its own is unknown, the rest at least.
		v := 100 * o.MeanOutsideShare
		switch {
		case !d.TodayKnown && (i == 0 || v == 0):
			d.Outside = append(d.Outside, msg(lang, "cap.unknown"))
		case v > 0 && v < 0.05:
			d.Outside = append(d.Outside, sprintf(msg(lang, "cmp.under"), nf.Percent(0.1, 1)))
		case !d.TodayKnown:
			d.Outside = append(d.Outside, sprintf(msg(lang, "cmp.atleast"), nf.Percent(v, 1)))
			d.AtLeast = true
		default:
			d.Outside = append(d.Outside, nf.Percent(v, 1))
		}
	}
	if !b.Examples && b.ExamplesLeftOut == 0 {
		return // no examples to count
	}
	c := url.Values{}
	for k, v := range q {
		c[k] = v
	}
	if b.Examples {
		c.Del("examples")
	} else {
		c.Set("examples", "1")
	}
	d.ExamplesURL = "/scenarier/sammenlign?" + c.Encode()
}

// compareProblems writes the outcomes' problems in the page's language,
// with municipalities and tasks by name.
func (s *Server) compareProblems(r *http.Request, d *comparePage) error {
	var names *editorNames
	for _, o := range d.Outcomes {
		if len(o.Problems) == 0 {
			continue
		}
		if names == nil {
			n, err := s.editorNames(r, o.Structure, o.Year)
			if err != nil {
				return err
			}
			names = &n
		}
		p := cmpProblems{Scenario: o.Scenario}
		for _, pr := range o.Problems {
			p.Texts = append(p.Texts, problemText(pr.Message, langOf(r), *names))
		}
		d.Problems = append(d.Problems, p)
	}
	return nil
}

// compareHeads names the outcomes: today's system in lang, then the
// scenarios by their names.
func compareHeads(outs []*sim.Outcome, lang string) []string {
	heads := []string{msg(lang, "cmp.today")}
	for _, o := range outs[1:] {
		heads = append(heads, o.Scenario)
	}
	return heads
}
