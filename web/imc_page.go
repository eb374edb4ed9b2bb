package web

import (
	"fmt"
	"hash/fnv"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"sort"

	"generalist"
	"generalist/chart"
	"generalist/geomap"
	"generalist/imc"
)

// The registry's pages under /samarbeid: the list with the national
// overview and map, a cooperation with its legal checklist, its history
// and agreement, a municipality's overview and the legal requirements.

// imcPage is what the registry's pages share: the cooperation (if any),
// whether the viewer may change it, and the sub-navigation.
type imcPage struct {
	C          *generalist.IMC
	Tab        string
	AllowEdits bool
	// SignedIn: the viewer has an account and may import from a file.
	SignedIn bool
	CSRF     string
	Error    string
	// ErrorTech is Error's English detail, shown under «Teknisk».
	ErrorTech string
	// Version is set when an earlier version is shown.
	Version int
	Caveat  string
	Data    any
}

func (s *Server) imcRender(w http.ResponseWriter, r *http.Request, status int, name, title string, p imcPage) {
	v := s.viewer(r)
	p.AllowEdits = (v.Role == generalist.UserAdmin || v.Role == generalist.UserEditor && (p.C == nil || s.mayEditIMC(r, p.C, nil) == nil))
	p.SignedIn = accessSignedIn.allows(v.Role)
	if p.SignedIn {
		// The public posts no form here that needs a token (a draft is a
		// computation), and without one the page may be cached.
		p.CSRF = s.csrfToken(w, r)
	}
	p.Caveat = imc.LawCaveat
	if langOf(r) == "en" {
		p.Caveat = imc.LawCaveatEN
	}
	s.render(w, r, status, name, page{Title: title, Nav: "imc", Data: p})
}

type imcListData struct {
	List []imcRow
	// Empty is true when the registry holds no cooperation at all: the
	// page then says so once instead of drawing empty tables.
	Empty bool
	// Today is true when the national overview is of today (no ?date=),
	// so the page says "today" beside the date.
	Today    bool
	National *imc.National
	Map      template.HTML
	Filter   generalist.IMCFilter
	FormText string
	Forms    []generalist.IMCForm
	Tasks    []generalist.Task
	Munis    []generalist.Municipality
}

type imcRow struct {
	C      *generalist.IMC
	Failed int
	Active bool
}

func (s *Server) handleIMCList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := imcFilter(q)
	if err != nil {
		return err
	}
	day, err := dateParam(q, "date", s.today())
	if err != nil {
		return err
	}
	// The list has no form that needs the viewer's token, so it is built
	// and rendered once per query, language, what the viewer may do and
	// day (the checks and the active marks are as of today), when first
	// asked for, and served from memory until the registry changes.
	v := s.viewer(r)
	p := imcPage{AllowEdits: v.Role == generalist.UserAdmin || v.Role == generalist.UserEditor, SignedIn: accessSignedIn.allows(v.Role)}
	lang := langOf(r)
	norm := url.Values{}
	for k, vs := range q {
		if k != "lang" {
			norm[k] = vs
		}
	}
	today := s.today()
	key := fmt.Sprintf("imc/%s/%t/%t/%s?%s", lang, p.AllowEdits, p.SignedIn, today, norm.Encode())
	return s.renderCached(w, r, key, "imc_list.tmpl", func() (page, error) {
		ctx := r.Context()
		cs, err := s.store.IMCs(ctx, f)
		if err != nil {
			return page{}, err
		}
		d := imcListData{Filter: f, FormText: q.Get("form"), Forms: generalist.IMCForms, Today: day == today}
		if len(cs) == 0 {
			all := cs
			if f != (generalist.IMCFilter{}) {
				if all, err = s.store.IMCs(ctx, generalist.IMCFilter{}); err != nil {
					return page{}, err
				}
			}
			d.Empty = len(all) == 0
		}
		d.Tasks = s.shipped.Tasks
		if d.Munis, err = s.store.Municipalities(ctx, generalist.Structure2024); err != nil {
			return page{}, err
		}
		for i := range cs {
			d.List = append(d.List, imcRow{C: &cs[i], Failed: imc.Check(&cs[i], s.shipped, imc.Options{Today: today}).Failed, Active: cs[i].ActiveOn(today)})
		}
		if d.National, err = s.app.NationalOverview(ctx, day); err != nil {
			return page{}, err
		}
		if d.Map, err = s.imcMap(r, d.National, d.Munis); err != nil {
			return page{}, err
		}
		p.Caveat = imc.LawCaveat
		if lang == "en" {
			p.Caveat = imc.LawCaveatEN
		}
		p.Data = d
		return page{Title: msg(lang, "nav.imc"), Nav: "imc", Data: p, Query: norm}, nil
	})
}

// imcMap draws the number of cooperations each municipality takes part in.
func (s *Server) imcMap(r *http.Request, n *imc.National, ms []generalist.Municipality) (template.HTML, error) {
	gm := s.mapOf(generalist.Structure2024)
	if gm == nil || n.Total == 0 {
		return "", nil
	}
	values := map[string]float64{}
	names := map[string]string{}
	for _, m := range ms {
		values[string(m.Number)] = float64(n.PerParticipant[string(m.Number)])
		names[string(m.Number)] = m.ShortName
	}
	keys := make([]string, 0, len(n.PerParticipant))
	for k := range n.PerParticipant {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := fnv.New64a()
	for _, k := range keys {
		fmt.Fprintf(h, "%s=%d;", k, n.PerParticipant[k])
	}
	lang := langOf(r)
	key := fmt.Sprintf("imcmap/%s/%x", lang, h.Sum64())
	b, err := get(r.Context(), s.cache, key, func() ([]byte, error) {
		title, unit := "Interkommunale samarbeid per kommune", "samarbeid"
		if lang == "en" {
			title, unit = "Inter-municipal cooperations per municipality", "cooperations"
		}
		// None is a pale grey, so that the municipalities that take part
		// stand out; from one cooperation on, blues.
		fig, err := s.mapFigure(gm, geomap.Options{Values: values, Names: names, Limits: []float64{1, 2, 3, 5}, Title: title, Unit: unit,
			ID:     "imc-map",
			Source: "Generalist, samarbeidsregisteret", Format: func(v float64) string { return chart.FormatNumber(v, 0, lang) },
			Link: func(code string) string { return "/kommune/" + code + "/samarbeid" }, Width: 480, Lang: lang}, lang)
		return []byte(fig), err
	})
	return template.HTML(b), err // drawn and escaped by geomap
}

func (s *Server) handleIMCShow(w http.ResponseWriter, r *http.Request) error {
	return s.servePublic(w, r, s.imcShowPage) // the public's answer from memory (public.go)
}

func (s *Server) imcShowPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	return s.showIMC(w, r, c, 0)
}

func (s *Server) handleIMCVersion(w http.ResponseWriter, r *http.Request) error {
	c, err := s.versionOf(r)
	if err != nil {
		return err
	}
	return s.showIMC(w, r, c, c.Version)
}

// checkView is a checklist split into its groups for the pages.
type checkView struct {
	*imc.Checklist
	Groups []checkGroup
}

type checkGroup struct {
	Key   string
	Items []imc.Item
}

func checkViewOf(l *imc.Checklist) *checkView {
	v := &checkView{Checklist: l}
	for _, key := range []string{"innhold", "regel"} {
		g := checkGroup{Key: key}
		for _, it := range l.Items {
			if it.Group == key {
				g.Items = append(g.Items, it)
			}
		}
		if len(g.Items) > 0 {
			v.Groups = append(v.Groups, g)
		}
	}
	return v
}

type imcShowData struct {
	Checklist *checkView
	Tasks     []imcTaskView
	process
	Law       string
	HostLabel string
	// Entity is "ja" or "nei" as the agreement says, or "".
	Entity string
}

type imcTaskView struct {
	Name, ID, LegalBasis, Authority string
}

func (s *Server) taskViews(c *generalist.IMC) []imcTaskView {
	var out []imcTaskView
	for _, t := range c.Tasks {
		v := imcTaskView{ID: t.Task, Name: t.Text, Authority: imc.AuthorityText(t.Authority)}
		for _, ct := range s.shipped.Tasks {
			if ct.ID == t.Task {
				v.Name, v.LegalBasis = ct.NameNB, ct.LegalBasis
				if t.Text != "" {
					v.Name += " (" + t.Text + ")"
				}
			}
		}
		if v.Name == "" {
			v.Name = t.Task
		}
		out = append(out, v)
	}
	return out
}

func hostLabel(c *generalist.IMC) string {
	if p := c.Participant(c.Host); p != nil {
		return p.Label()
	}
	return c.Host
}

func (s *Server) showIMC(w http.ResponseWriter, r *http.Request, c *generalist.IMC, version int) error {
	d := imcShowData{Checklist: checkViewOf(imc.Check(c, s.shipped, imc.Options{Today: s.today()})), Tasks: s.taskViews(c), process: processOf(c),
		Law: imc.GoverningLaw(c.Form), HostLabel: hostLabel(c)}
	if c.LegalEntity != nil {
		d.Entity = map[bool]string{true: "ja", false: "nei"}[*c.LegalEntity]
	}
	s.imcRender(w, r, http.StatusOK, "imc_show.tmpl", c.Name, imcPage{C: c, Tab: "show", Version: version, Data: d})
	return nil
}

type imcHistoryData struct {
	Revisions []generalist.IMCRevision
}

func (s *Server) handleIMCHistory(w http.ResponseWriter, r *http.Request) error {
	id, h, err := s.imcHistory(r)
	if err != nil {
		return err
	}
	// The latest version, also of a deleted cooperation, names the page.
	c, err := s.store.IMCVersion(r.Context(), id, h[len(h)-1].Version)
	if err != nil {
		return err
	}
	slices.Reverse(h)
	s.imcRender(w, r, http.StatusOK, "imc_history.tmpl", c.Name, imcPage{C: c, Tab: "history", Data: imcHistoryData{Revisions: h}})
	return nil
}

type imcAgreementData struct {
	Doc     *imc.Document
	HTML    template.HTML
	Missing int
}

func (s *Server) handleIMCAgreement(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	d, err := imc.Render(c, s.shipped, nil, s.today())
	if err != nil {
		return err
	}
	// The fragment is built from escaped text only (imc.markupToHTML).
	s.imcRender(w, r, http.StatusOK, "imc_agreement.tmpl", c.Name, imcPage{C: c, Tab: "agreement", Data: imcAgreementData{Doc: d, HTML: template.HTML(d.HTML()), Missing: d.Missing}})
	return nil
}

type imcMunicipalityData struct {
	O *imc.MunicipalityOverview
	// Rows are O.Rows as the page shows them.
	Rows []imcMunicipalityRow
	// Examples is whether the shipped example cooperations are listed
	// (?examples=1, as the patterns page links here when it counts them).
	Examples bool
	// Date is the query's date ("" for today), kept by the links that
	// switch the examples on and off.
	Date string
	// CostKnown is whether any row's cost could be computed; the sum of
	// none is «no data», not 0 kr.
	CostKnown bool
}

func (s *Server) handleIMCMunicipality(w http.ResponseWriter, r *http.Request) error {
	o, err := s.overview(r)
	if err != nil {
		return err
	}
	opts, _ := todayOptions(r) // overview refused a bad value
	d := imcMunicipalityData{O: o, Examples: opts.Examples, Date: r.URL.Query().Get("date")}
	for _, row := range o.Rows {
		d.CostKnown = d.CostKnown || row.Cost != nil
		d.Rows = append(d.Rows, municipalityRowOf(row))
	}
	s.imcRender(w, r, http.StatusOK, "imc_municipality.tmpl", o.Name, imcPage{Tab: "municipality", Data: d})
	return nil
}

type imcLawData struct {
	Forms []imcLawForm
	Steps []imc.Step
}

type imcLawForm struct {
	Form         generalist.IMCForm
	Law          string
	Requirements []imc.Requirement
}

func (s *Server) handleIMCLaw(w http.ResponseWriter, r *http.Request) error {
	d := imcLawData{Steps: imc.Steps}
	for _, f := range generalist.IMCForms {
		d.Forms = append(d.Forms, imcLawForm{Form: f, Law: imc.GoverningLaw(f), Requirements: imc.Requirements(f)})
	}
	s.imcRender(w, r, http.StatusOK, "imc_law.tmpl", msg(langOf(r), "imc.law"), imcPage{Tab: "law", Data: d})
	return nil
}
