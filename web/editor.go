package web

import (
	"encoding/json"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"generalist"
	"generalist/app"
	"generalist/economy"
	"generalist/internal/nbfmt"
	"generalist/sim"
)

// The plan editor (/scenarier/ny): the server draws the map, lists the
// municipalities, tasks and forms, and evaluates; editor.js keeps the
// scenario the user builds, with undo, and saves it through the scenario
// API. Evaluation goes through POST /scenarier/ny/beregn, which answers
// with the figures already formatted and the scenario's problems in the
// page's language, each with the part of the scenario it concerns.

type editorPage struct {
	Structure generalist.Structure
	Year      int
	Map       template.HTML
	Today     editorFigures
	// Boot is the JSON editor.js starts from (see editorBoot).
	Boot string
	// CanSave: an analyst or administrator, who may store scenarios.
	CanSave, SignedIn bool
	CSRF              string
	Open              []editorOpen
	OpenedID          string
	// Notice explains why a requested scenario was not opened.
	Notice string
}

// editorOpen is a scenario the editor can open.
type editorOpen struct {
	ID, Name string
	Example  bool
}

// editorBoot is what editor.js needs besides the page: names for every
// municipality, county, task and form, the scenario to start from and the
// texts of the message catalogue it shows.
type editorBoot struct {
	Lang           string               `json:"lang"`
	Structure      generalist.Structure `json:"structure"`
	Year           int                  `json:"year"`
	Municipalities []editorMunicipality `json:"municipalities"`
	Counties       []editorCounty       `json:"counties"`
	Tasks          []editorTask         `json:"tasks"`
	Forms          []editorForm         `json:"forms"`
	Scenario       *generalist.Scenario `json:"scenario,omitempty"`
	// Mode is "new", "stored" (saving updates it) or "example" (a copy).
	Mode  string            `json:"mode"`
	Texts map[string]string `json:"texts"`
	// CountyTasks and RegionSources serve the county section
	// (editor_county.go).
	CountyTasks   []editorCountyTask   `json:"county_tasks"`
	RegionSources []editorRegionSource `json:"region_sources"`
}

type editorMunicipality struct {
	Number generalist.MunicipalityNumber `json:"n"`
	Name   string                        `json:"name"`
	County generalist.CountyNumber       `json:"county"`
}

type editorCounty struct {
	Number generalist.CountyNumber `json:"n"`
	Name   string                  `json:"name"`
}

type editorTask struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Authority bool   `json:"authority"`
	// Staffing: the task has a staffing model, so its norm can change;
	// FTE and MinTeam are today's values, shown beside the fields.
	Staffing bool   `json:"staffing"`
	FTE      string `json:"fte,omitempty"`
	MinTeam  string `json:"min_team,omitempty"`
}

type editorForm struct {
	ID        generalist.IMCForm `json:"id"`
	Name      string             `json:"name"`
	Host      bool               `json:"host"`
	Authority bool               `json:"authority"` // may carry enkeltvedtak and forskrift
	LawChange bool               `json:"law_change"`
}

// handleEditor serves the plan editor on the 2024 structure and the
// latest year, empty or with the scenario ?id= names: a stored one
// (signed-in users) is edited in place, an example is opened as a copy.
func (s *Server) handleEditor(w http.ResponseWriter, r *http.Request) error {
	st := generalist.Structure2024
	year, err := s.defaultYear(r, st)
	if err != nil {
		return err
	}
	lang := langOf(r)
	d := editorPage{Structure: st, Year: year, SignedIn: signedIn(r.Context())}
	boot := editorBoot{Lang: lang, Structure: st, Year: year, Mode: "new"}
	if id := strings.TrimSpace(r.URL.Query().Get("id")); id != "" {
		sc, err := s.scenario(r.Context(), id)
		switch {
		case generalist.ErrorCode(err) == generalist.ENOTFOUND:
			d.Notice = msg(lang, "ed.open.notfound")
		case err != nil:
			return err
		case sc.Structure != st:
			d.Notice = sprintf(msg(lang, "ed.open.structure"), sc.Name, int(sc.Structure))
		default:
			boot.Scenario, boot.Mode = sc, "stored"
			d.OpenedID = sc.ID
			if slices.ContainsFunc(s.mustExamples(), func(e *generalist.Scenario) bool { return e.ID == sc.ID }) {
				cp := *sc
				cp.ID, cp.Version, cp.Name = "", 0, sprintf(msg(lang, "ed.copyof"), sc.Name)
				boot.Scenario, boot.Mode = &cp, "example"
			}
			if ys, err := s.years(r.Context(), st); err == nil && slices.Contains(ys, sc.Year) {
				d.Year, boot.Year = sc.Year, sc.Year
			}
		}
	}
	if v := s.viewer(r); v.Role == generalist.UserAnalyst || v.Role == generalist.UserAdmin {
		d.CanSave = true
	}
	d.CSRF = s.csrfToken(w, r)
	list, err := s.scenarios(r.Context())
	if err != nil {
		return err
	}
	for _, l := range list {
		if l.Structure == st {
			d.Open = append(d.Open, editorOpen{ID: l.ID, Name: l.Name, Example: l.Kind == app.KindExample})
		}
	}
	if err := s.fillEditorBoot(r, &boot); err != nil {
		return err
	}
	if err := s.fillEditorCounty(&boot, list); err != nil {
		return err
	}
	b, err := json.Marshal(boot)
	if err != nil {
		return err
	}
	d.Boot = string(b)
	svg, err := s.renderMap(r.Context(), mapRequest{Structure: st, Year: d.Year, Indicator: "population", Lang: lang, Width: 640})
	if err != nil {
		return err
	}
	d.Map = template.HTML(svg)
	opts, err := todayOptions(r)
	if err != nil {
		return err
	}
	t, err := s.app.Evaluate(r.Context(), app.Today(st, d.Year), opts)
	if err != nil {
		return err
	}
	d.Today = figuresOf(t, lang)
	s.render(w, r, http.StatusOK, "editor.tmpl", page{Title: msg(lang, "ed.title"), Nav: "scenarios", Data: d})
	return nil
}

// mustExamples lists the shipped examples (none if they cannot be read;
// the editor then treats every opened scenario as stored).
func (s *Server) mustExamples() []*generalist.Scenario {
	ex, _ := s.app.Examples()
	return ex
}

func (s *Server) fillEditorBoot(r *http.Request, b *editorBoot) error {
	lang := b.Lang
	nf := nbfmt.For(lang)
	rows, err := s.rows(r.Context(), b.Structure, b.Year)
	if err != nil {
		return err
	}
	seen := map[generalist.CountyNumber]bool{}
	for _, row := range rows {
		b.Municipalities = append(b.Municipalities, editorMunicipality{Number: row.Number, Name: row.ShortName, County: row.County})
		if !seen[row.County] {
			seen[row.County] = true
			b.Counties = append(b.Counties, editorCounty{Number: row.County, Name: row.CountyName})
		}
	}
	slices.SortFunc(b.Counties, func(a, c editorCounty) int { return strings.Compare(string(a.Number), string(c.Number)) })
	cat, err := s.app.Catalogue(r.Context())
	if err != nil {
		return err
	}
	for i := range cat.Tasks {
		t := &cat.Tasks[i]
		et := editorTask{ID: t.ID, Name: t.NameNB, Authority: t.Authority(), Staffing: t.Staffing != nil}
		if lang == "en" {
			et.Name = t.NameEN
		}
		if t.Staffing != nil {
			et.FTE = nf.Decimal(t.Staffing.FTEPer1000.Value, 2)
			et.MinTeam = nf.Decimal(t.Staffing.MinTeam.Value, 1)
		}
		b.Tasks = append(b.Tasks, et)
	}
	slices.SortFunc(b.Tasks, func(a, c editorTask) int { return strings.Compare(a.Name, c.Name) })
	for _, f := range append(slices.Clone(generalist.IMCForms), generalist.FormSamkommune, generalist.FormHostCounty) {
		b.Forms = append(b.Forms, editorForm{ID: f, Name: formName(f, lang), Host: f.Host(), Authority: f.Valid() && f.Authority() == generalist.AuthorityYes, LawChange: f.RequiresLawChange()})
	}
	b.Texts = map[string]string{}
	for k := range messages {
		if strings.HasPrefix(k, "ed.js.") {
			b.Texts[strings.TrimPrefix(k, "ed.js.")] = msg(lang, k)
		}
	}
	return nil
}

// formName is a form's name in the page's language.
func formName(f generalist.IMCForm, lang string) string {
	if _, ok := editorMessages["ed.form."+string(f)]; ok {
		return msg(lang, "ed.form."+string(f))
	}
	return f.Label()
}

// editorFigures are the editor's headline figures, formatted.
type editorFigures struct {
	Municipalities string `json:"municipalities"`
	Vulnerable     string `json:"vulnerable"`
	Median         string `json:"median"`
	Distance       string `json:"distance"`
}

func figuresOf(o *sim.Outcome, lang string) editorFigures {
	nf := nbfmt.For(lang)
	f := editorFigures{Municipalities: nf.Int(int64(o.Municipalities)), Vulnerable: nf.Int(int64(o.Vulnerable)),
		Median: nf.Decimal(o.Stats.Median, 0)}
	f.Distance = distanceText(lang, o.CentreDistance, o.CentreDistance.MeanKm, func(v float64) string { return nf.Decimal(v, 1) })
	return f
}

// editorResult is the answer of POST /scenarier/ny/beregn: the problems
// (in the request's language) and, when there is no error among them,
// the figures and the economy of each merger.
type editorResult struct {
	OK       bool            `json:"ok"`
	Problems []editorProblem `json:"problems"`
	Figures  *editorFigures  `json:"figures,omitempty"`
	Economy  *editorEconomy  `json:"economy,omitempty"`
	// Support is the scenario's support schemes for new cooperation, as
	// the comparison shows them (compare_support.go).
	Support *cmpSupport `json:"support,omitempty"`
}

// editorProblem is one problem, placed: Section is the scenario's field
// ("mergers", "cooperations", …, or "name") and Index the rule's place
// in it (-1 for the scenario as a whole).
type editorProblem struct {
	Section string `json:"section"`
	Index   int    `json:"index"`
	Warning bool   `json:"warning,omitempty"`
	Text    string `json:"text"`
}

// editorEvaluate serves POST /scenarier/ny/beregn: the scenario in the
// body checked and, if it has no errors, evaluated. Bad input is a 400
// with a sentence in the page's language; nothing is stored.
func (s *Server) editorEvaluate(w http.ResponseWriter, r *http.Request) error {
	lang := langOf(r)
	sc, err := readScenario(w, r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"code": "invalid", "message": msg(lang, "ed.err.body")}})
		return nil
	}
	sc.ID = "" // never served from the cache of a stored scenario
	if sc.Structure != generalist.Structure2024 {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"code": "invalid", "message": msg(lang, "ed.err.structure")}})
		return nil
	}
	release, err := admit(r.Context())
	if err != nil {
		return err
	}
	res, err := s.editorResult(r, sc, lang)
	release()
	if err != nil {
		if c := generalist.ErrorCode(err); c == generalist.EINVALID || c == generalist.ENOTFOUND {
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"code": "invalid", "message": msg(lang, "ed.err.year")}})
			return nil
		}
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) editorResult(r *http.Request, sc *generalist.Scenario, lang string) (*editorResult, error) {
	ctx := r.Context()
	ps, err := s.app.Validate(ctx, sc)
	if err != nil {
		return nil, err
	}
	ps = withoutNameProblem(ps) // the name is needed to save, not to evaluate
	names, err := s.editorNames(r, sc.Structure, sc.Year)
	if err != nil {
		return nil, err
	}
	res := &editorResult{OK: ps.Err() == nil, Problems: []editorProblem{}}
	for _, p := range ps {
		res.Problems = append(res.Problems, placeProblem(p, lang, names))
	}
	if !res.OK {
		return res, nil
	}
	opts, err := todayOptions(r)
	if err != nil {
		return nil, err
	}
	out, err := s.app.Evaluate(ctx, withName(sc), opts)
	if err != nil {
		return nil, err
	}
	f := figuresOf(out, lang)
	res.Figures = &f
	if eo, ok := out.Economy.(*economy.Outcome); ok && eo != nil && len(sc.Mergers) > 0 {
		res.Economy = economyOf(eo, lang)
	}
	if out.Support != nil {
		v := supportView(sc, out.Support, names, lang)
		res.Support = &v
	}
	return res, nil
}

// editorNames are the names problems are written with: municipalities
// ("Sokndal (1111)") and tasks by id.
type editorNames struct {
	municipality map[string]string
	task         map[string]string
}

func (s *Server) editorNames(r *http.Request, st generalist.Structure, year int) (editorNames, error) {
	n := editorNames{municipality: map[string]string{}, task: map[string]string{}}
	rows, err := s.rows(r.Context(), st, year)
	if err != nil {
		return n, err
	}
	for _, row := range rows {
		n.municipality[string(row.Number)] = row.ShortName + " (" + string(row.Number) + ")"
	}
	cat, err := s.app.Catalogue(r.Context())
	if err != nil {
		return n, err
	}
	lang := langOf(r)
	for _, t := range cat.Tasks {
		n.task[t.ID] = t.NameNB
		if lang == "en" {
			n.task[t.ID] = t.NameEN
		}
	}
	return n, nil
}

// listText joins items as prose: "a, b og c".
func listText(items []string, lang string) string {
	and := " og "
	if lang == "en" {
		and = " and "
	}
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}
