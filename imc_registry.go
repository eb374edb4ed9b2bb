package generalist

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// IMC is one registered inter-municipal cooperation (interkommunalt
// samarbeid, kommuneloven § 17-1): who takes part, in which legal form, for
// which tasks and with what authority, and what the cooperation agreement
// says. The registry keeps every version (see IMCStore); Version
// is the one this value was read at, and an update must carry it.
//
// The checks of the law (package imc) read an IMC; Validate only refuses
// what cannot be stored: a malformed or inconsistent record.
type IMC struct {
	ID      int64   `json:"id,omitempty"`
	Version int     `json:"version,omitempty"`
	Name    string  `json:"name"`
	Form    IMCForm `json:"form"`
	// OrgNumber is the organisasjonsnummer in Enhetsregisteret, if the
	// cooperation has one (a host arrangement usually has none).
	OrgNumber OrgNumber `json:"org_number,omitempty"`
	// LegalEntity records what the agreement says on whether the
	// cooperation is a separate legal entity (eget rettssubjekt, §§ 18-4 b,
	// 19-4 b); nil when it says nothing.
	LegalEntity *bool `json:"legal_entity,omitempty"`
	// Participants are the municipalities and counties that take part.
	Participants []IMCParticipant `json:"participants"`
	// Host is the host municipality (vertskommune, ch. 20), the office
	// municipality (kontorkommune) of an IPR or KO, or the municipality of
	// the head office (hovedkontor) of a company: a participant number for
	// the first two, a kommunenummer for the last.
	Host  string       `json:"host,omitempty"`
	Tasks []IMCTask    `json:"tasks,omitempty"`
	Start CalendarDate `json:"start"`
	End   CalendarDate `json:"end,omitempty"`
	// GovernorNotified is when the host told the county governor
	// (statsforvalteren; the ministry for counties) that the host
	// arrangement was set up (§ 20-4 fifth paragraph).
	GovernorNotified CalendarDate `json:"governor_notified,omitempty"`
	Agreement        IMCAgreement `json:"agreement"`
	// Budget is the yearly cost to be shared (øre) in BudgetYear, if
	// recorded; the overview per municipality shares it by the cost key.
	Budget     Ore `json:"budget,omitempty"`
	BudgetYear int `json:"budget_year,omitempty"`
	// Documents are the agreement and other documents: title and where to
	// find them (a URL, a file or a case number in the archive).
	Documents []IMCDocument `json:"documents,omitempty"`
	// Process is the state of the steps of the process guide A–Å.
	Process []IMCStep `json:"process,omitempty"`
	Notes   string    `json:"notes,omitempty"`
	// Source says where the registration comes from: a county governor's
	// overview, a survey, Enhetsregisteret on a date, the cooperation's
	// own agreement. An import needs one for every cooperation; a record
	// made in the registry's own form may leave it empty.
	Source string `json:"source,omitempty"`
	// Example marks the shipped example cooperations: they illustrate the
	// registry and are never real registrations.
	Example bool `json:"example,omitempty"`
	// UpdatedAt and UpdatedBy are set by the store from the latest
	// revision.
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	UpdatedBy string    `json:"updated_by,omitempty"`
}

// IMCParticipant is a municipality or county that takes part in an IMC.
type IMCParticipant struct {
	// Number is the kommunenummer (four digits) or fylkesnummer (two
	// digits) in the 2024 structure.
	Number string `json:"number"`
	// Name is filled in by the store from the structure.
	Name string `json:"name,omitempty"`
	// Ownership is the ownership share (eierandel) where the form has
	// them (IPR, KO, IKS, AS, SA); Liability the liability share
	// (ansvarsandel) when it differs from the ownership share.
	Ownership *Share `json:"ownership,omitempty"`
	Liability *Share `json:"liability,omitempty"`
	// CostShare is a fixed share of the costs (fast kostnadsandel) where
	// the agreement sets one; the fixed basis of a cost key uses it, or
	// else the ownership share.
	CostShare *Share `json:"cost_share,omitempty"`
	// Seats is the number of members in the representantskap (IPR, KO,
	// IKS) or in the joint board (§ 20-3); 0 when not stated.
	Seats int `json:"seats,omitempty"`
	// Adopted is the date the council (kommunestyret or fylkestinget)
	// itself adopted the agreement, and Decision its case reference.
	Adopted  CalendarDate `json:"adopted,omitempty"`
	Decision string       `json:"decision,omitempty"`
}

// County reports whether the participant is a county (fylkeskommune).
func (p *IMCParticipant) County() bool { return len(p.Number) == 2 }

// Label is the participant's name and number ("Alstahaug (1820)").
func (p *IMCParticipant) Label() string {
	if p.Name == "" {
		return p.Number
	}
	return p.Name + " (" + p.Number + ")"
}

// Delegation is the authority an IMC is given in a task.
type Delegation string

// The kinds of delegated authority. IPR and KO may be given only the
// first three (kommuneloven §§ 18-1, 19-1 second paragraph).
const (
	DelegatedNotStated   Delegation = ""
	DelegatedNone        Delegation = "ingen"                     // no authority to decide
	DelegatedInternal    Delegation = "interne_forhold"           // internal matters of the cooperation
	DelegatedGrants      Delegation = "tilskuddsordninger"        // managing grant schemes
	DelegatedDecisions   Delegation = "enkeltvedtak"              // individual decisions
	DelegatedRegulations Delegation = "forskrift"                 // regulations
	DelegatedBoth        Delegation = "enkeltvedtak_og_forskrift" // both
)

// Delegations lists the stated kinds, mildest first.
var Delegations = []Delegation{DelegatedNone, DelegatedInternal, DelegatedGrants, DelegatedDecisions, DelegatedRegulations, DelegatedBoth}

// Valid reports whether d is not stated or one of Delegations.
func (d Delegation) Valid() bool { return d == DelegatedNotStated || slices.Contains(Delegations, d) }

// Decides reports whether d includes individual decisions or regulations,
// the authority only some forms may be given.
func (d Delegation) Decides() bool {
	return d == DelegatedDecisions || d == DelegatedRegulations || d == DelegatedBoth
}

// IMCTask is a task the cooperation carries: a task of the catalogue (Task
// is its id) or a task in free text, with the authority delegated.
type IMCTask struct {
	Task      string     `json:"task,omitempty"`
	Text      string     `json:"text,omitempty"`
	Authority Delegation `json:"authority,omitempty"`
}

// IMCAgreement holds the clauses of the cooperation agreement
// (samarbeidsavtale, selskapsavtale) that the law asks for. An empty
// clause is one the agreement does not have. Which clauses a form needs is
// in package imc.
type IMCAgreement struct {
	Purpose       string `json:"purpose,omitempty"`       // formål (IKS-loven § 4)
	Matters       string `json:"matters,omitempty"`       // saker rådet kan behandle (§ 18-4 d)
	Authority     string `json:"authority,omitempty"`     // myndighet (§§ 18-4 e, 19-4 d, 20-4 c)
	Contributions string `json:"contributions,omitempty"` // innskuddsplikt og andre bidrag (§ 19-4 e)
	Borrowing     string `json:"borrowing,omitempty"`     // adgang til å ta opp lån, låneramme (§ 19-4 g)
	Reporting     string `json:"reporting,omitempty"`     // rapportering til deltakerne (§ 19-4 h), underretning om vedtak (§ 20-4 e)
	Transfer      string `json:"transfer,omitempty"`      // når oppgaver og myndighet overføres (§ 20-4 d)
	Settlement    string `json:"settlement,omitempty"`    // økonomisk oppgjør (§ 20-4 f)
	Exit          string `json:"exit,omitempty"`          // uttreden (§§ 18-4 g, 19-4 i, 20-4 g)
	Dissolution   string `json:"dissolution,omitempty"`   // oppløsning (§§ 18-4 h, 19-4 j, 20-4 h)
	Archives      string `json:"archives,omitempty"`      // hvem som oppbevarer arkivene etter oppløsning (§§ 18-4 h, 19-4 j)
	Other         string `json:"other,omitempty"`         // annet som etter lov skal fastsettes (§ 20-4 i)
	// NoticeMonths is the agreed notice period for a participant's exit;
	// nil when the agreement sets none.
	NoticeMonths *int `json:"notice_months,omitempty"`
	// CostKey is the agreed key for sharing costs; empty when none.
	CostKey CostKey `json:"cost_key,omitempty"`
}

// IMCDocument is a document of the cooperation.
type IMCDocument struct {
	Title string       `json:"title"`
	Ref   string       `json:"ref,omitempty"`
	Date  CalendarDate `json:"date,omitempty"`
}

// StepStatus is the state of a step of the process guide.
type StepStatus string

// The states of a step.
const (
	StepNotStarted    StepStatus = "ikke_startet"
	StepInProgress    StepStatus = "pagar"
	StepDone          StepStatus = "ferdig"
	StepNotApplicable StepStatus = "ikke_aktuelt"
)

// StepStatuses lists the states in order.
var StepStatuses = []StepStatus{StepNotStarted, StepInProgress, StepDone, StepNotApplicable}

// IMCStep is the tracked state of one step of the process guide: its
// status, who owns it, a date (done, or due) and a note.
type IMCStep struct {
	Step   string       `json:"step"`
	Status StepStatus   `json:"status"`
	Owner  string       `json:"owner,omitempty"`
	Date   CalendarDate `json:"date,omitempty"`
	Note   string       `json:"note,omitempty"`
}

// HasShares reports whether participants of the form hold ownership
// shares: the IPR and KO (§§ 18-4 f, 19-4 f) and the companies; not a host
// arrangement, an association or another arrangement.
func (f IMCForm) HasShares() bool {
	switch f {
	case FormIPR, FormKO, FormIKS, FormAS, FormSA:
		return true
	}
	return false
}

// Host reports whether f is one of the two host-municipality models
// (kommuneloven ch. 20).
func (f IMCForm) Host() bool { return f == FormHostAdmin || f == FormHostBoard }

// Label is the form's name in bokmål.
func (f IMCForm) Label() string {
	switch f {
	case FormIPR:
		return "interkommunalt politisk råd"
	case FormKO:
		return "kommunalt oppgavefellesskap"
	case FormHostAdmin:
		return "administrativt vertskommunesamarbeid"
	case FormHostBoard:
		return "vertskommunesamarbeid med felles folkevalgt nemnd"
	case FormIKS:
		return "interkommunalt selskap (IKS)"
	case FormAS:
		return "aksjeselskap"
	case FormSA:
		return "samvirkeforetak"
	case FormAssociation:
		return "forening"
	case FormOther:
		return "annen rettslig adgang"
	}
	return string(f)
}

// formAliases are the short names the CLI and API accept for the forms.
var formAliases = map[string]IMCForm{
	"ipr": FormIPR, "ko": FormKO, "vertskommune": FormHostAdmin, "vertskommune-nemnd": FormHostBoard,
	"iks": FormIKS, "as": FormAS, "sa": FormSA, "forening": FormAssociation, "annet": FormOther,
}

// Alias returns the short name of f (ipr, ko, vertskommune,
// vertskommune-nemnd, iks, as, sa, forening, annet).
func (f IMCForm) Alias() string {
	for k, v := range formAliases {
		if v == f {
			return k
		}
	}
	return string(f)
}

// ParseIMCForm parses a form by its identifier (interkommunalt_politisk_rad)
// or short name (ipr, ko, vertskommune, vertskommune-nemnd, iks, as, sa,
// forening, annet).
func ParseIMCForm(s string) (IMCForm, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if f, ok := formAliases[t]; ok {
		return f, nil
	}
	if f := IMCForm(t); f.Valid() {
		return f, nil
	}
	return "", Errorf(EINVALID, "form %q: must be one of ipr, ko, vertskommune, vertskommune-nemnd, iks, as, sa, forening, annet", s)
}

// Limits on the size of a record, so one bad request cannot fill the store.
const (
	maxIMCText         = 20000
	maxIMCParticipants = 400
	maxIMCList         = 200
	// MaxIMCSource bounds the length of a registration's source.
	MaxIMCSource = 500
)

// Validate checks that the record can be stored: a name, a lawful form, a
// valid organisation number, at least two distinct participants with valid
// numbers, ownership shares only where the form has them and then for
// every participant summing to exactly 100 %, the same for liability
// shares, a host that is a participant where the form has one, a start
// date and an end not before it, and well-formed tasks, clauses, process
// steps and documents. Whether the municipalities exist is the store's
// check; whether the agreement satisfies the law is package imc's.
func (c *IMC) Validate() error {
	name := strings.TrimSpace(c.Name)
	if name == "" {
		return Errorw(EINVALID, "err.imc.name", "the cooperation needs a name")
	}
	if utf8.RuneCountInString(c.Name) > 300 {
		return Errorw(EINVALID, "err.imc.namelen", "name: at most 300 characters")
	}
	if ps := TextProblems(c); len(ps) > 0 {
		return Errorw(EINVALID, "err.text.control", "%s: holds a control character (%s); remove it", ps[0].Where, ps[0].Args[0])
	}
	where := "cooperation " + strconv.Quote(name)
	if !c.Form.Valid() {
		return Errorf(EINVALID, "%s: form %q must be one of ipr, ko, vertskommune, vertskommune-nemnd, iks, as, sa, forening, annet", where, c.Form)
	}
	if c.OrgNumber != "" {
		if _, err := ParseOrgNumber(string(c.OrgNumber)); err != nil {
			return Errorf(EINVALID, "%s: %s", where, ErrorMessage(err))
		}
	}
	if len(c.Participants) < 2 {
		return Errorw(EINVALID, "err.imc.participants", "%s: an inter-municipal cooperation needs at least two participants, not %d", where, len(c.Participants))
	}
	if len(c.Participants) > maxIMCParticipants {
		return Errorw(EINVALID, "err.imc.maxparticipants", "%s: at most %d participants", where, maxIMCParticipants)
	}
	seen := map[string]bool{}
	var owned, liable, costed int
	var ownSum, liaSum, costSum int64
	for i := range c.Participants {
		p := &c.Participants[i]
		pw := fmt.Sprintf("%s, participant %d", where, i+1)
		if err := validParticipantNumber(p.Number); err != nil {
			return Errorf(EINVALID, "%s: %s", pw, ErrorMessage(err))
		}
		pw = fmt.Sprintf("%s, participant %s", where, p.Number)
		if seen[p.Number] {
			return Errorw(EINVALID, "err.imc.twice", "%[1]s: appears twice", pw, p.Number)
		}
		seen[p.Number] = true
		if p.Ownership != nil {
			if !c.Form.HasShares() {
				return Errorw(EINVALID, "err.imc.noownership", "%s: a %s has no ownership shares; leave them out", pw, c.Form.Label())
			}
			if err := p.Ownership.validate("ownership share"); err != nil {
				return Errorf(EINVALID, "%s: %s", pw, ErrorMessage(err))
			}
			owned++
			ownSum += int64(*p.Ownership)
		}
		if p.Liability != nil {
			if !c.Form.HasShares() {
				return Errorw(EINVALID, "err.imc.noliability", "%s: a %s has no liability shares; leave them out", pw, c.Form.Label())
			}
			if err := p.Liability.validate("liability share"); err != nil {
				return Errorf(EINVALID, "%s: %s", pw, ErrorMessage(err))
			}
			liable++
			liaSum += int64(*p.Liability)
		}
		if p.CostShare != nil {
			if err := p.CostShare.validate("cost share"); err != nil {
				return Errorf(EINVALID, "%s: %s", pw, ErrorMessage(err))
			}
			costed++
			costSum += int64(*p.CostShare)
		}
		if p.Seats < 0 || p.Seats > 100 {
			return Errorw(EINVALID, "err.imc.seats", "%[1]s: seats %[2]d must be between 0 and 100", pw, p.Seats, p.Number)
		}
		if err := p.Adopted.validate("adopted"); err != nil {
			return Errorf(EINVALID, "%s: %s", pw, ErrorMessage(err))
		}
		if len(p.Decision) > 300 {
			return Errorf(EINVALID, "%s: decision reference: at most 300 characters", pw)
		}
	}
	for _, s := range []struct {
		what string
		n    int
		sum  int64
	}{{"ownership", owned, ownSum}, {"liability", liable, liaSum}, {"cost", costed, costSum}} {
		if s.n == 0 {
			continue
		}
		if s.n < len(c.Participants) {
			return Errorw(EINVALID, "err.imc.sharecount", "%s: %d of %d participants have a %s share; give every participant one, or none", where, s.n, len(c.Participants), Term{Key: "err.imc.share." + s.what, EN: s.what})
		}
		if s.sum != 10000 {
			return Errorw(EINVALID, "err.imc.sharesum", "%[1]s: the %[2]s shares sum to %[3]s, not 100 %%", where, Term{Key: "err.imc.share." + s.what, EN: s.what}, Share(s.sum).String(), float64(s.sum)/100)
		}
	}
	switch {
	case c.Form.Host() && c.Host == "":
		return Errorw(EINVALID, "err.imc.host", "%s: a host arrangement needs its host municipality (host)", where)
	case c.Host == "":
	case c.Form.Host() || c.Form == FormIPR || c.Form == FormKO:
		if !seen[c.Host] {
			return Errorw(EINVALID, "err.imc.hostmember", "%s: the host %s is not a participant", where, c.Host)
		}
	default:
		if _, err := ParseMunicipalityNumber(c.Host); err != nil {
			return Errorf(EINVALID, "%s: head office (host): %s", where, ErrorMessage(err))
		}
	}
	if c.Start == "" {
		return Errorw(EINVALID, "err.imc.start", "%s: the start date is required", where)
	}
	for _, d := range []struct {
		name string
		d    CalendarDate
	}{{"start", c.Start}, {"end", c.End}, {"governor_notified", c.GovernorNotified}} {
		if err := d.d.validate(d.name); err != nil {
			return Errorf(EINVALID, "%s: %s", where, ErrorMessage(err))
		}
	}
	if c.End != "" && c.End < c.Start {
		return Errorw(EINVALID, "err.imc.endbefore", "%s: the end date %s is before the start date %s", where, c.End, c.Start)
	}
	if c.Budget < 0 {
		return Errorw(EINVALID, "err.imc.budget", "%s: the budget must not be negative", where)
	}
	if c.Budget > 0 && (c.BudgetYear < 1900 || c.BudgetYear > 2100) {
		return Errorw(EINVALID, "err.imc.budgetyear", "%s: a budget needs its year (budget_year)", where)
	}
	if len(c.Tasks) > maxIMCList {
		return Errorf(EINVALID, "%s: at most %d tasks", where, maxIMCList)
	}
	tasks := map[string]bool{}
	for i, t := range c.Tasks {
		tw := fmt.Sprintf("%s, task %d", where, i+1)
		if strings.TrimSpace(t.Task) == "" && strings.TrimSpace(t.Text) == "" {
			return Errorw(EINVALID, "err.imc.task", "%s: give a task of the catalogue (task) or describe it (text)", tw)
		}
		if t.Task != "" {
			if !isWord(t.Task) {
				return Errorf(EINVALID, "%s: task id %q must be a word such as barnevern", tw, t.Task)
			}
			if tasks[t.Task] {
				return Errorf(EINVALID, "%s: task %s appears twice", tw, t.Task)
			}
			tasks[t.Task] = true
		}
		if len(t.Text) > 2000 {
			return Errorf(EINVALID, "%s: text: at most 2000 characters", tw)
		}
		if !t.Authority.Valid() {
			return Errorf(EINVALID, "%s: authority %q must be one of %s", tw, t.Authority, joinDelegations())
		}
	}
	if err := c.Agreement.validate(); err != nil {
		e := Errorf(EINVALID, "%s: %s", where, ErrorMessage(err))
		e.Key, e.Args = ErrorKey(err) // the edges word it as the agreement's error
		return e
	}
	if len(c.Documents) > maxIMCList {
		return Errorf(EINVALID, "%s: at most %d documents", where, maxIMCList)
	}
	for i, d := range c.Documents {
		if strings.TrimSpace(d.Title) == "" {
			return Errorf(EINVALID, "%s, document %d: the title is required", where, i+1)
		}
		if len(d.Title) > 500 || len(d.Ref) > 2000 {
			return Errorf(EINVALID, "%s, document %d: title or reference too long", where, i+1)
		}
		if err := d.Date.validate("date"); err != nil {
			return Errorf(EINVALID, "%s, document %d: %s", where, i+1, ErrorMessage(err))
		}
	}
	if len(c.Process) > maxIMCList {
		return Errorf(EINVALID, "%s: at most %d process steps", where, maxIMCList)
	}
	steps := map[string]bool{}
	for i, s := range c.Process {
		sw := fmt.Sprintf("%s, process step %d", where, i+1)
		if !isWord(s.Step) {
			return Errorf(EINVALID, "%s: step id %q must be a word such as politisk_forankring", sw, s.Step)
		}
		if steps[s.Step] {
			return Errorf(EINVALID, "%s: step %s appears twice", sw, s.Step)
		}
		steps[s.Step] = true
		if !slices.Contains(StepStatuses, s.Status) {
			return Errorf(EINVALID, "%s (%s): status %q must be one of ikke_startet, pagar, ferdig, ikke_aktuelt", sw, s.Step, s.Status)
		}
		if err := s.Date.validate("date"); err != nil {
			return Errorf(EINVALID, "%s (%s): %s", sw, s.Step, ErrorMessage(err))
		}
		if len(s.Owner) > 300 || len(s.Note) > 2000 {
			return Errorf(EINVALID, "%s (%s): owner or note too long", sw, s.Step)
		}
	}
	if len(c.Notes) > maxIMCText {
		return Errorw(EINVALID, "err.imc.notes", "%s: notes: at most %d characters", where, maxIMCText)
	}
	if utf8.RuneCountInString(c.Source) > MaxIMCSource {
		return Errorw(EINVALID, "err.imc.sourcelen", "%s: source: at most %d characters", where, MaxIMCSource)
	}
	if strings.ContainsFunc(c.Source, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return Errorw(EINVALID, "err.imc.sourceline", "%s: source: one line of text, without tabs or line breaks", where)
	}
	return nil
}

func (a *IMCAgreement) validate() error {
	for _, f := range a.Clauses() {
		if len(*f.Text) > maxIMCText {
			return Errorw(EINVALID, "err.imc.clauselen", "agreement clause %s: at most %d characters", f.Key, maxIMCText)
		}
	}
	if n := a.NoticeMonths; n != nil && (*n < 0 || *n > 120) {
		return Errorw(EINVALID, "err.imc.notice", "agreement notice_months %d must be between 0 and 120", *n)
	}
	if len(a.CostKey) > 0 {
		if err := a.CostKey.Validate(); err != nil {
			return Errorf(EINVALID, "agreement cost_key: %s", ErrorMessage(err))
		}
	}
	return nil
}

// Clause is one text clause of an agreement by its JSON key.
type Clause struct {
	Key  string
	Text *string
}

// Clauses returns the text clauses of the agreement in a fixed order, as
// pointers so a form can fill them.
func (a *IMCAgreement) Clauses() []Clause {
	return []Clause{
		{"purpose", &a.Purpose}, {"matters", &a.Matters}, {"authority", &a.Authority},
		{"contributions", &a.Contributions}, {"borrowing", &a.Borrowing}, {"reporting", &a.Reporting},
		{"transfer", &a.Transfer}, {"settlement", &a.Settlement}, {"exit", &a.Exit},
		{"dissolution", &a.Dissolution}, {"archives", &a.Archives}, {"other", &a.Other},
	}
}

// Participant returns the participant with the number, or nil.
func (c *IMC) Participant(number string) *IMCParticipant {
	for i := range c.Participants {
		if c.Participants[i].Number == number {
			return &c.Participants[i]
		}
	}
	return nil
}

// Step returns the tracked state of a process step, or nil.
func (c *IMC) Step(id string) *IMCStep {
	for i := range c.Process {
		if c.Process[i].Step == id {
			return &c.Process[i]
		}
	}
	return nil
}

// ActiveOn reports whether the cooperation runs on day d: started on or
// before it and not ended before it.
func (c *IMC) ActiveOn(d CalendarDate) bool {
	return c.Start <= d && (c.End == "" || c.End >= d)
}

// Arrangements returns the cooperation as scenario arrangements: one per
// catalogue task, with the municipalities (not counties) as members. A
// scenario base reads registered cooperations this way.
func (c *IMC) Arrangements() []Arrangement {
	var members []MunicipalityNumber
	for _, p := range c.Participants {
		if !p.County() {
			members = append(members, MunicipalityNumber(p.Number))
		}
	}
	host := MunicipalityNumber("")
	if len(c.Host) == 4 && c.Form.Host() {
		host = MunicipalityNumber(c.Host)
	}
	var out []Arrangement
	for _, t := range c.Tasks {
		if t.Task != "" && len(members) >= 2 {
			out = append(out, Arrangement{Task: t.Task, Form: c.Form, Members: slices.Clone(members), Host: host})
		}
	}
	return out
}

func validParticipantNumber(s string) error {
	switch len(s) {
	case 4:
		_, err := ParseMunicipalityNumber(s)
		return err
	case 2:
		_, err := ParseCountyNumber(s)
		return err
	}
	return Errorf(EINVALID, "number %q must be a kommunenummer (4 digits, 0301) or a fylkesnummer (2 digits, 46)", s)
}

func isWord(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

func joinDelegations() string {
	var s []string
	for _, d := range Delegations {
		s = append(s, string(d))
	}
	return strings.Join(s, ", ")
}

// IMCEdit says who makes a change to the registry and why.
type IMCEdit struct {
	Author string `json:"author"`
	Note   string `json:"note,omitempty"`
}

// Validate checks that the author is given and both fit.
func (e IMCEdit) Validate() error {
	if strings.TrimSpace(e.Author) == "" {
		return Errorf(EINVALID, "the author of the change is required (who makes it)")
	}
	if len(e.Author) > 200 || len(e.Note) > 2000 {
		return Errorf(EINVALID, "author (200) or note (2000 characters) too long")
	}
	return nil
}

// Revision actions.
const (
	RevisionCreated = "opprettet"
	RevisionChanged = "endret"
	RevisionDeleted = "slettet"
)

// IMCRevision is one entry of a cooperation's history: who changed it,
// when, why, and what changed. The whole version is kept and can be read
// with IMCStore.IMCVersion.
type IMCRevision struct {
	IMC     int64         `json:"imc"`
	Version int           `json:"version"`
	Action  string        `json:"action"`
	Author  string        `json:"author"`
	Note    string        `json:"note,omitempty"`
	At      time.Time     `json:"at"`
	Changes []FieldChange `json:"changes"`
}

// IMCFilter selects cooperations. Zero fields match all.
type IMCFilter struct {
	// Participant is a kommunenummer or fylkesnummer.
	Participant string
	Form        IMCForm
	// Task is a catalogue task id.
	Task string
	// ActiveOn keeps those running on the day.
	ActiveOn CalendarDate
}

// Match reports whether c passes the filter.
func (f IMCFilter) Match(c *IMC) bool {
	if f.Participant != "" && c.Participant(f.Participant) == nil {
		return false
	}
	if f.Form != "" && c.Form != f.Form {
		return false
	}
	if f.Task != "" && !slices.ContainsFunc(c.Tasks, func(t IMCTask) bool { return t.Task == f.Task }) {
		return false
	}
	if f.ActiveOn != "" && !c.ActiveOn(f.ActiveOn) {
		return false
	}
	return true
}

// IMCStore is the registry of inter-municipal cooperations with
// its full history. Every method that writes does so in one transaction:
// on error the store is left exactly as it was. The store validates every
// record (IMC.Validate), checks that the participants and the head office
// exist in the 2024 structure, and fills in the participants' names.
type IMCStore interface {
	// CreateIMC stores a new cooperation as version 1 and sets its ID,
	// Version and UpdatedAt. EINVALID for a bad record or edit, ECONFLICT
	// if another cooperation has the same name.
	CreateIMC(ctx context.Context, c *IMC, e IMCEdit) error

	// UpdateIMC stores c as the next version of cooperation c.ID. c.Version
	// must be the version the change was made from: if the cooperation
	// has changed since, nothing is stored and the error is ECONFLICT
	// (optimistic concurrency). ENOTFOUND for an unknown or deleted id.
	UpdateIMC(ctx context.Context, c *IMC, e IMCEdit) error

	// DeleteIMC marks a cooperation as deleted; its history stays.
	// ECONFLICT if version is not the current one, ENOTFOUND if unknown.
	DeleteIMC(ctx context.Context, id int64, version int, e IMCEdit) error

	// IMC returns the current version. ENOTFOUND for an unknown or
	// deleted id.
	IMC(ctx context.Context, id int64) (*IMC, error)

	// IMCVersion returns an earlier (or the current) version, also of a
	// deleted cooperation. ENOTFOUND if there is no such version.
	IMCVersion(ctx context.Context, id int64, version int) (*IMC, error)

	// IMCHistory returns every revision, oldest first. ENOTFOUND if the
	// id was never used.
	IMCHistory(ctx context.Context, id int64) ([]IMCRevision, error)

	// IMCs returns the cooperations (not deleted) matching f, by name.
	IMCs(ctx context.Context, f IMCFilter) ([]IMC, error)

	// ImportIMCs stores cs in one transaction: each is created, or, when
	// replace is set and a cooperation of the same name exists, stored as
	// its next version. Without replace a name that exists is ECONFLICT.
	// EINVALID names the first bad record by position. It returns how
	// many were created and updated.
	ImportIMCs(ctx context.Context, cs []IMC, e IMCEdit, replace bool) (created, updated int, err error)
}
