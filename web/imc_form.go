package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"generalist"
	"generalist/imc"
)

// The agreement builder: a guided form per legal form that shows, next to
// every clause, what the law asks of it; it previews the checklist and the
// agreement for anyone, and stores the cooperation for an editor of one
// of its participants or an administrator.

// imcForm is the form's state as text, so that input that does not parse
// is shown back as the user typed it.
type imcForm struct {
	ID                                           int64
	Version                                      int
	Name, Form, Org, Entity, Host, Start, End    string
	Notified, Notes, Budget, BudgetYear, CostKey string
	Source                                       string
	Notice                                       string
	Participants                                 []formParticipant
	Tasks                                        []formTask
	Required, Optional                           []formClause
	Author, Note                                 string
	Strict                                       bool
}

type formParticipant struct {
	Number, Ownership, Liability, CostShare, Seats, Adopted, Decision string
}

type formTask struct {
	Task, Text, Authority string
}

type formClause struct {
	Key, Text string
	// Items are the requirements the clause answers.
	Items []imc.Requirement
}

var clauseOrder = []string{"purpose", "matters", "authority", "contributions", "borrowing", "reporting", "transfer", "settlement", "exit", "dissolution", "archives", "other"}

// clauseLabels names the clauses in bokmål.
var clauseLabels = map[string]string{
	"purpose": "Formål", "matters": "Saker samarbeidet kan behandle", "authority": "Myndighet", "contributions": "Innskudd og andre bidrag",
	"borrowing": "Låneopptak", "reporting": "Rapportering og underretning om vedtak", "transfer": "Når oppgaver og myndighet overføres",
	"settlement": "Økonomisk oppgjør", "exit": "Uttreden", "dissolution": "Oppløsning", "archives": "Arkiv etter oppløsning", "other": "Annet som etter lov skal fastsettes",
}

// clausesFor splits the clauses into those the law asks of the form (with
// the requirements they answer) and the others.
func clausesFor(f generalist.IMCForm, a *generalist.IMCAgreement) (required, optional []formClause) {
	items := map[string][]imc.Requirement{}
	for _, r := range imc.Requirements(f) {
		key, ok := strings.CutPrefix(r.Clause, "agreement.")
		if r.Clause == "tasks" {
			key, ok = "authority", true
		}
		if !ok {
			continue
		}
		items[key] = append(items[key], r)
		if key == "dissolution" && (f == generalist.FormIPR || f == generalist.FormKO) {
			items["archives"] = append(items["archives"], r)
		}
	}
	texts := map[string]string{}
	for _, c := range a.Clauses() {
		texts[c.Key] = *c.Text
	}
	for _, k := range clauseOrder {
		c := formClause{Key: k, Text: texts[k], Items: items[k]}
		if len(c.Items) > 0 {
			required = append(required, c)
		} else {
			optional = append(optional, c)
		}
	}
	return required, optional
}

func shareField(s *generalist.Share) string {
	if s == nil {
		return ""
	}
	return strings.TrimSuffix(s.String(), " %")
}

// formOf fills the form from a cooperation, with blank rows to add
// participants and tasks.
func formOf(c *generalist.IMC) *imcForm {
	f := &imcForm{ID: c.ID, Version: c.Version, Name: c.Name, Form: string(c.Form), Org: string(c.OrgNumber), Host: c.Host,
		Start: string(c.Start), End: string(c.End), Notified: string(c.GovernorNotified), Notes: c.Notes, Source: c.Source}
	if c.LegalEntity != nil {
		f.Entity = map[bool]string{true: "ja", false: "nei"}[*c.LegalEntity]
	}
	if c.Budget > 0 {
		f.Budget, f.BudgetYear = c.Budget.Text(), strconv.Itoa(c.BudgetYear)
	}
	if len(c.Agreement.CostKey) > 0 {
		f.CostKey = c.Agreement.CostKey.String()
	}
	if c.Agreement.NoticeMonths != nil {
		f.Notice = strconv.Itoa(*c.Agreement.NoticeMonths)
	}
	for _, p := range c.Participants {
		fp := formParticipant{Number: p.Number, Ownership: shareField(p.Ownership), Liability: shareField(p.Liability), CostShare: shareField(p.CostShare),
			Adopted: string(p.Adopted), Decision: p.Decision}
		if p.Seats > 0 {
			fp.Seats = strconv.Itoa(p.Seats)
		}
		f.Participants = append(f.Participants, fp)
	}
	for _, t := range c.Tasks {
		f.Tasks = append(f.Tasks, formTask{Task: t.Task, Text: t.Text, Authority: string(t.Authority)})
	}
	f.Required, f.Optional = clausesFor(c.Form, &c.Agreement)
	f.pad()
	return f
}

// pad adds blank rows so a participant or task can be added without
// script.
func (f *imcForm) pad() {
	for n := max(len(f.Participants)+3, 5); len(f.Participants) < n; {
		f.Participants = append(f.Participants, formParticipant{})
	}
	for n := max(len(f.Tasks)+2, 3); len(f.Tasks) < n; {
		f.Tasks = append(f.Tasks, formTask{})
	}
}

// formFrom reads the form's fields from a posted request.
func formFrom(v url.Values) *imcForm {
	g := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	f := &imcForm{Name: g("name"), Form: g("form"), Org: g("org"), Entity: g("legal_entity"), Host: g("host"), Start: g("start"), End: g("end"),
		Notified: g("governor_notified"), Notes: g("notes"), Source: g("source"), Budget: g("budget"), BudgetYear: g("budget_year"), CostKey: g("cost_key"), Notice: g("notice_months"),
		Author: g("author"), Note: g("note"), Strict: v.Get("strict") != ""}
	f.ID, _ = strconv.ParseInt(g("id"), 10, 64)
	f.Version, _ = strconv.Atoi(g("version"))
	for i := 0; i < 400; i++ {
		p := formParticipant{Number: g(fmt.Sprintf("p%d_number", i)), Ownership: g(fmt.Sprintf("p%d_ownership", i)), Liability: g(fmt.Sprintf("p%d_liability", i)),
			CostShare: g(fmt.Sprintf("p%d_cost", i)), Seats: g(fmt.Sprintf("p%d_seats", i)), Adopted: g(fmt.Sprintf("p%d_adopted", i)), Decision: g(fmt.Sprintf("p%d_decision", i))}
		if _, ok := v[fmt.Sprintf("p%d_number", i)]; !ok {
			break
		}
		if p != (formParticipant{}) {
			f.Participants = append(f.Participants, p)
		}
	}
	for i := 0; i < 200; i++ {
		if _, ok := v[fmt.Sprintf("t%d_task", i)]; !ok {
			break
		}
		t := formTask{Task: g(fmt.Sprintf("t%d_task", i)), Text: g(fmt.Sprintf("t%d_text", i)), Authority: g(fmt.Sprintf("t%d_authority", i))}
		if t != (formTask{}) {
			f.Tasks = append(f.Tasks, t)
		}
	}
	var a generalist.IMCAgreement
	for _, c := range a.Clauses() {
		*c.Text = strings.TrimSpace(strings.ReplaceAll(v.Get("clause_"+c.Key), "\r\n", "\n"))
	}
	form, err := generalist.ParseIMCForm(f.Form)
	if err == nil {
		f.Form = string(form) // an alias (vertskommune) selects its option
	}
	f.Required, f.Optional = clausesFor(form, &a)
	f.pad()
	return f
}

// record turns the form into a cooperation, on top of base (the stored
// version when editing: its documents, process and example mark stay).
// Every error names the field.
func (f *imcForm) record(base *generalist.IMC) (*generalist.IMC, error) {
	c := &generalist.IMC{}
	if base != nil {
		*c = *base
	}
	c.ID, c.Version, c.Name, c.Host, c.Notes, c.Source = f.ID, f.Version, f.Name, f.Host, f.Notes, f.Source
	// bad refuses a field: key words it on the page from the field's
	// label and what was typed; the English message adds err's detail.
	bad := func(key, label, typed string, err error) error {
		return generalist.Errorw(generalist.EINVALID, key, "%[1]v: %[2]q: %[3]v", fieldTerm(label), typed, err)
	}
	var err error
	if c.Form, err = generalist.ParseIMCForm(f.Form); err != nil {
		return nil, bad("err.imcform.form", "imc.form", f.Form, err)
	}
	c.OrgNumber = ""
	if f.Org != "" {
		if c.OrgNumber, err = generalist.ParseOrgNumber(f.Org); err != nil {
			return nil, bad("err.imcform.value", "imc.org", f.Org, err)
		}
	}
	switch f.Entity {
	case "":
		c.LegalEntity = nil
	case "ja", "nei":
		v := f.Entity == "ja"
		c.LegalEntity = &v
	default:
		return nil, bad("err.imcform.entity", "imc.entity", f.Entity, errors.New("must be ja, nei or empty"))
	}
	for _, d := range []struct {
		label, v string
		dst      *generalist.CalendarDate
	}{{"imc.start", f.Start, &c.Start}, {"imc.end", f.End, &c.End}, {"imc.notified", f.Notified, &c.GovernorNotified}} {
		*d.dst = ""
		if d.v != "" {
			if *d.dst, err = generalist.ParseCalendarDate(d.v); err != nil {
				return nil, bad("err.imcform.date", d.label, d.v, err)
			}
		}
	}
	c.Budget, c.BudgetYear = 0, 0
	if f.Budget != "" {
		if c.Budget, err = generalist.ParseOre(f.Budget); err != nil {
			return nil, bad("err.imcform.value", "imc.budget", f.Budget, err)
		}
	}
	if f.BudgetYear != "" {
		if c.BudgetYear, err = strconv.Atoi(f.BudgetYear); err != nil {
			return nil, bad("err.imcform.year", "imc.budgetyear", f.BudgetYear, errors.New("not a year"))
		}
	}
	var a generalist.IMCAgreement
	for _, fc := range append(append([]formClause(nil), f.Required...), f.Optional...) {
		for _, c := range a.Clauses() {
			if c.Key == fc.Key {
				*c.Text = fc.Text
			}
		}
	}
	if f.CostKey != "" {
		if a.CostKey, err = generalist.ParseCostKey(f.CostKey); err != nil {
			return nil, bad("err.imcform.value", "imc.costkey", f.CostKey, err)
		}
	}
	if f.Notice != "" {
		n, err := strconv.Atoi(f.Notice)
		if err != nil {
			return nil, bad("err.imcform.whole", "imc.notice", f.Notice, errors.New("not a whole number of months"))
		}
		a.NoticeMonths = &n
	}
	c.Agreement = a
	c.Participants = nil
	for i, p := range f.Participants {
		if p == (formParticipant{}) {
			continue // a blank row
		}
		// badp refuses a participant's field, as bad does.
		badp := func(key, label, typed string, err error) error {
			return generalist.Errorw(generalist.EINVALID, key, "participant %[1]d (%[2]s), %[3]v: %[4]q: %[5]v", i+1, p.Number, fieldTerm(label), typed, err)
		}
		if p.Number == "" {
			return nil, generalist.Errorw(generalist.EINVALID, "err.imcform.pnumber", "participant %d: the number is empty (kommunenummer or fylkesnummer)", i+1)
		}
		q := generalist.IMCParticipant{Number: p.Number, Decision: p.Decision}
		for _, s := range []struct {
			label, v string
			dst      **generalist.Share
		}{{"imc.ownership", p.Ownership, &q.Ownership}, {"imc.liability", p.Liability, &q.Liability}, {"imc.costshare", p.CostShare, &q.CostShare}} {
			if s.v == "" {
				continue
			}
			v, err := generalist.ParseShare(s.v)
			if err != nil {
				return nil, badp("err.imcform.pvalue", s.label, s.v, err)
			}
			*s.dst = &v
		}
		if p.Seats != "" {
			if q.Seats, err = strconv.Atoi(p.Seats); err != nil {
				return nil, badp("err.imcform.pwhole", "imc.seats", p.Seats, errors.New("not a whole number"))
			}
		}
		if p.Adopted != "" {
			if q.Adopted, err = generalist.ParseCalendarDate(p.Adopted); err != nil {
				return nil, badp("err.imcform.pdate", "imc.adopted", p.Adopted, err)
			}
		}
		c.Participants = append(c.Participants, q)
	}
	c.Tasks = nil
	for _, t := range f.Tasks {
		if t == (formTask{}) {
			continue
		}
		c.Tasks = append(c.Tasks, generalist.IMCTask{Task: t.Task, Text: t.Text, Authority: generalist.Delegation(t.Authority)})
	}
	return c, nil
}

type imcFormData struct {
	F        *imcForm
	Forms    []generalist.IMCForm
	Tasks    []generalist.Task
	Auth     []generalist.Delegation
	Label    map[string]string
	Preview  bool
	Check    *checkView
	Document template.HTML
	Missing  int
	Law      string
}

// formErr is a refused form's error in the page's language, and its
// English detail for «Teknisk» (empty when Text says it all).
type formErr struct{ Text, Tech string }

func (s *Server) formPage(w http.ResponseWriter, r *http.Request, status int, f *imcForm, c *generalist.IMC, fe formErr, preview bool) {
	d := imcFormData{F: f, Forms: generalist.IMCForms, Auth: generalist.Delegations, Label: clauseLabels}
	d.Tasks = s.shipped.Tasks
	if form, err := generalist.ParseIMCForm(f.Form); err == nil {
		d.Law = imc.GoverningLaw(form)
	}
	if preview && c != nil {
		d.Preview = true
		invalid := imc.Validate(c, s.shipped)
		cl := imc.Check(c, s.shipped, imc.Options{Today: s.today(), Invalid: invalid})
		for i := range cl.Items {
			if cl.Items[i].ID == "registrering" && invalid != nil {
				cl.Items[i].Why, _ = errorText(langOf(r), invalid) // worded here, not in English
			}
		}
		d.Check = checkViewOf(cl)
		if doc, err := imc.Render(c, s.shipped, nil, s.today()); err == nil {
			d.Document, d.Missing = template.HTML(doc.HTML()), doc.Missing // escaped text only
		}
	}
	title := msg(langOf(r), "imc.new")
	var cur *generalist.IMC
	if f.ID != 0 {
		title = f.Name
		cur = &generalist.IMC{ID: f.ID, Name: f.Name, Version: f.Version}
	}
	s.imcRender(w, r, status, "imc_form.tmpl", title, imcPage{C: cur, Tab: "edit", Error: fe.Text, ErrorTech: fe.Tech, Data: d})
}

// handleIMCNew shows the builder for a form (?form=ipr); it works without
// editing too, for previews.
func (s *Server) handleIMCNew(w http.ResponseWriter, r *http.Request) error {
	form := generalist.FormHostAdmin
	if v := r.URL.Query().Get("form"); v != "" {
		f, err := generalist.ParseIMCForm(v)
		if err != nil {
			return generalist.Errorf(generalist.EINVALID, "query parameter form: %s", generalist.ErrorMessage(err))
		}
		form = f
	}
	s.formPage(w, r, http.StatusOK, formOf(&generalist.IMC{Form: form}), nil, formErr{}, false)
	return nil
}

func (s *Server) handleIMCEdit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err == nil {
		err = s.mayEditIMC(r, c, nil)
	}
	if err != nil {
		return err
	}
	s.formPage(w, r, http.StatusOK, formOf(c), nil, formErr{}, false)
	return nil
}

// handleIMCDraft previews the posted form: the checklist and the
// agreement, nothing stored.
func (s *Server) handleIMCDraft(w http.ResponseWriter, r *http.Request) error {
	r.Body = maxBytes(w, r, 1<<20)
	if err := r.ParseForm(); err != nil {
		return generalist.Errorf(generalist.EINVALID, "the form could not be read: %v", err)
	}
	f := formFrom(r.PostForm)
	c, err := f.record(nil)
	if err != nil {
		s.formPage(w, r, http.StatusBadRequest, f, nil, formErrOf(langOf(r), err), false)
		return nil
	}
	// Named as a stored record is, so that the check and the draft say
	// «Hjelmeland (1133)», not «1133».
	if err := s.app.NameParticipants(r.Context(), c); err != nil {
		return err
	}
	s.formPage(w, r, http.StatusOK, f, c, formErr{}, true)
	return nil
}

func (s *Server) handleIMCCreate(w http.ResponseWriter, r *http.Request) error {
	if err := s.checkForm(w, r); err != nil {
		return err
	}
	f := formFrom(r.PostForm)
	f.ID, f.Version = 0, 0
	c, err := f.record(nil)
	if err == nil {
		err = s.mayEditIMC(r, nil, c)
	}
	if err == nil {
		if err = s.vetIMC(c, f.Strict); err == nil {
			err = s.store.CreateIMC(r.Context(), c, formEdit(r))
		}
	}
	if err != nil {
		return s.formError(w, r, f, c, err)
	}
	s.invalidate()
	s.log.Info("cooperation created", "id", c.ID, "author", formEdit(r).Author, "remote", r.RemoteAddr)
	redirectFlash(w, r, fmt.Sprintf("/samarbeid/%d", c.ID), "flash.imc.created")
	return nil
}

// formError shows the form again with the error; an internal error or an
// unknown cooperation is returned for the error page.
func (s *Server) formError(w http.ResponseWriter, r *http.Request, f *imcForm, c *generalist.IMC, err error) error {
	code := generalist.ErrorCode(err)
	if code == generalist.EINTERNAL || code == generalist.ENOTFOUND {
		return err
	}
	fe := formErrOf(langOf(r), err)
	if code == generalist.ECONFLICT && f.ID != 0 {
		fe.Text += " " + map[string]string{"nb": "Endringene dine står fortsatt i skjemaet: åpne samarbeidet i en ny fane, og gjør dem på nytt der.",
			"en": "Your changes are still in the form: open the cooperation in a new tab and make them again there."}[langOf(r)]
	}
	s.formPage(w, r, statusOf[code], f, c, fe, c != nil)
	return nil
}

func (s *Server) handleIMCUpdate(w http.ResponseWriter, r *http.Request) error {
	if err := s.checkForm(w, r); err != nil {
		return err
	}
	cur, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	f := formFrom(r.PostForm)
	f.ID = cur.ID
	c, err := f.record(cur)
	if err == nil {
		err = s.mayEditIMC(r, cur, c)
	}
	if err == nil {
		if err = s.vetIMC(c, f.Strict); err == nil {
			err = s.store.UpdateIMC(r.Context(), c, formEdit(r))
		}
	}
	if err != nil {
		return s.formError(w, r, f, c, err)
	}
	s.invalidate()
	s.log.Info("cooperation changed", "id", c.ID, "version", c.Version, "author", formEdit(r).Author, "remote", r.RemoteAddr)
	redirectFlash(w, r, fmt.Sprintf("/samarbeid/%d", c.ID), "flash.imc.updated")
	return nil
}

func (s *Server) handleIMCDelete(w http.ResponseWriter, r *http.Request) error {
	if err := s.checkForm(w, r); err != nil {
		return err
	}
	id, err := imcID(r)
	if err != nil {
		return err
	}
	v, err := strconv.Atoi(r.PostForm.Get("version"))
	if err != nil {
		return generalist.Errorf(generalist.EINVALID, "the form has no version; reload the page")
	}
	cur, err := s.store.IMC(r.Context(), id)
	if err == nil {
		// The version deleted must be the one checked.
		err = s.mayEditIMC(r, cur, &generalist.IMC{Name: cur.Name, Version: v, Participants: cur.Participants})
	}
	if err != nil {
		return err
	}
	if err := s.store.DeleteIMC(r.Context(), id, v, formEdit(r)); err != nil {
		return err
	}
	s.invalidate()
	redirectFlash(w, r, "/samarbeid", "flash.imc.deleted")
	return nil
}

// formErrOf words a refused form: the error's own text when it has a key,
// else the plain sentence of its code with the English detail under
// «Teknisk». A field whose value cannot be used (err.imcform.value) keeps
// the detail too: it says why.
func formErrOf(lang string, err error) formErr {
	text, tech := errorText(lang, err)
	if key, _ := generalist.ErrorKey(err); strings.HasSuffix(key, "value") {
		tech = generalist.ErrorMessage(err)
	}
	return formErr{text, tech}
}

// fieldTerm is a form field's label as an error's parameter: translated
// on the page, English in the message.
func fieldTerm(key string) generalist.Term {
	return generalist.Term{Key: key, EN: msg("en", key)}
}
