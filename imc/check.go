package imc

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"generalist"
)

// Status is the outcome of one item of the checklist.
type Status string

// The outcomes.
const (
	Pass          Status = "pass"
	Fail          Status = "fail"
	NotApplicable Status = "not_applicable"
	CannotTell    Status = "cannot_tell"
)

// Label is the status in bokmål.
func (s Status) Label() string {
	switch s {
	case Pass:
		return "oppfylt"
	case Fail:
		return "ikke oppfylt"
	case NotApplicable:
		return "gjelder ikke"
	}
	return "kan ikke avgjøres"
}

// Item is one line of the checklist.
type Item struct {
	// ID is the requirement id ("18-4g") for agreement contents, or the
	// rule ("navn", "myndighet/barnevern").
	ID string `json:"id"`
	// Group is "innhold" (what the agreement must contain) or "regel" (a
	// rule of the law the cooperation must follow).
	Group     string `json:"group"`
	Title     string `json:"title"`
	Reference string `json:"reference"`
	Verified  bool   `json:"verified"`
	// Required is true for what the law requires and false for advice
	// (registration, the task catalogue's view of suitable forms).
	Required bool   `json:"required"`
	Status   Status `json:"status"`
	// Why says in one sentence (bokmål) why the item has its status.
	Why string `json:"why"`
}

// Checklist is the result of Check.
type Checklist struct {
	Form  generalist.IMCForm `json:"form"`
	Items []Item             `json:"items"`
	// Failed counts the required items that fail; Passed, NotApplicable
	// and CannotTell count all items with that status.
	Failed        int    `json:"failed"`
	Passed        int    `json:"passed"`
	NotApplicable int    `json:"not_applicable"`
	CannotTell    int    `json:"cannot_tell"`
	Caveat        string `json:"caveat"`
}

// OK reports whether no required item fails.
func (l *Checklist) OK() bool { return l.Failed == 0 }

// Options tune Check.
type Options struct {
	// Today decides whether a start date lies ahead (a notice to the
	// county governor is not due before the arrangement starts). Empty
	// means every arrangement counts as started.
	Today generalist.CalendarDate
	// Invalid, if set, is why the record cannot be stored
	// (IMC.Validate); it is reported as a failing item.
	Invalid error
}

// Check checks a cooperation against the law of its form: the agreement
// contents required for the form (Requirements), the name rules, the
// authority rules (with the task catalogue, which may be nil), ownership
// and liability shares, the host, the notice to the county governor, the
// councils' own adoption, board seats, and advice on registration and the
// catalogue's suitable forms. It never fails: a missing or malformed
// field makes an item fail or cannot-tell, with a sentence saying why.
func Check(c *generalist.IMC, cat *generalist.Catalogue, opt Options) *Checklist {
	ck := &checker{c: c, cat: cat, opt: opt, tasks: map[string]*generalist.Task{}}
	if cat != nil {
		for i := range cat.Tasks {
			ck.tasks[cat.Tasks[i].ID] = &cat.Tasks[i]
		}
	}
	l := &Checklist{Form: c.Form, Caveat: LawCaveat}
	if !c.Form.Valid() {
		l.Items = append(l.Items, Item{ID: "form", Group: "regel", Title: "Lovlig samarbeidsform", Reference: kl + " § 17-1 annet ledd", Verified: true, Required: true,
			Status: Fail, Why: fmt.Sprintf("Formen %q er ikke en av formene i kommuneloven § 17-1.", c.Form)})
	} else {
		for _, r := range Requirements(c.Form) {
			st, why := ck.content(r)
			l.Items = append(l.Items, Item{ID: r.ID, Group: "innhold", Title: "Avtalen skal fastsette " + r.Text, Reference: r.Reference,
				Verified: r.Verified, Required: true, Status: st, Why: why})
		}
		l.Items = append(l.Items, ck.rules()...)
	}
	if opt.Invalid != nil {
		l.Items = append(l.Items, Item{ID: "registrering", Group: "regel", Title: "Posten kan registreres", Reference: "registeret", Verified: true, Required: true,
			Status: Fail, Why: generalist.ErrorMessage(opt.Invalid)})
	}
	for _, it := range l.Items {
		switch it.Status {
		case Fail:
			if it.Required {
				l.Failed++
			}
		case Pass:
			l.Passed++
		case NotApplicable:
			l.NotApplicable++
		case CannotTell:
			l.CannotTell++
		}
	}
	return l
}

type checker struct {
	c     *generalist.IMC
	cat   *generalist.Catalogue
	opt   Options
	tasks map[string]*generalist.Task
}

func has(s string) bool { return strings.TrimSpace(s) != "" }

func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 90 {
		s = string(r[:90]) + "…"
	}
	return "«" + s + "»"
}

// labels lists participants by name, for a sentence.
func labels(ps []*generalist.IMCParticipant) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Label())
	}
	return joinNB(s)
}

// joinNB joins with commas and "og" before the last.
func joinNB(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " og " + s[len(s)-1]
}

func (ck *checker) participantsWithout(pred func(p *generalist.IMCParticipant) bool) []*generalist.IMCParticipant {
	var out []*generalist.IMCParticipant
	for i := range ck.c.Participants {
		if !pred(&ck.c.Participants[i]) {
			out = append(out, &ck.c.Participants[i])
		}
	}
	return out
}

// content evaluates one required agreement item by the record's clause.
func (ck *checker) content(r Requirement) (Status, string) {
	c, a := ck.c, &ck.c.Agreement
	clause := func(text, what string) (Status, string) {
		if has(text) {
			return Pass, "Avtalen sier: " + quote(text) + "."
		}
		return Fail, "Avtalen har ingen bestemmelse om " + what + "."
	}
	// clauseOrCostKey passes an agreement that states the clause, or else
	// shares the money (what) by a cost key.
	clauseOrCostKey := func(text, what, missing string) (Status, string) {
		if has(text) {
			return Pass, "Avtalen sier: " + quote(text) + "."
		}
		if len(a.CostKey) > 0 {
			return Pass, what + " fordeles etter kostnadsnøkkelen " + a.CostKey.String() + "."
		}
		return Fail, missing
	}
	switch r.Clause {
	case "name":
		if has(c.Name) {
			return Pass, "Navnet er " + quote(c.Name) + "."
		}
		return Fail, "Avtalen oppgir ikke navnet."
	case "legal_entity":
		if c.LegalEntity == nil {
			return Fail, "Avtalen sier ikke om samarbeidet er et eget rettssubjekt."
		}
		if *c.LegalEntity {
			return Pass, "Avtalen sier at samarbeidet er et eget rettssubjekt."
		}
		return Pass, "Avtalen sier at samarbeidet ikke er et eget rettssubjekt."
	case "participants.seats":
		if len(c.Participants) == 0 {
			return Fail, "Avtalen har ingen deltakere."
		}
		if miss := ck.participantsWithout(func(p *generalist.IMCParticipant) bool { return p.Seats > 0 }); len(miss) > 0 {
			return Fail, "Antall medlemmer er ikke fastsatt for " + labels(miss) + "."
		}
		return Pass, fmt.Sprintf("Antall medlemmer er fastsatt for alle %d deltakerne.", len(c.Participants))
	case "participants.ownership":
		if len(c.Participants) == 0 {
			return Fail, "Avtalen har ingen deltakere."
		}
		if miss := ck.participantsWithout(func(p *generalist.IMCParticipant) bool { return p.Ownership != nil }); len(miss) > 0 {
			return Fail, "Eierandel er ikke fastsatt for " + labels(miss) + "."
		}
		why := fmt.Sprintf("Eierandel er fastsatt for alle %d deltakerne", len(c.Participants))
		if ck.participantsWithout(func(p *generalist.IMCParticipant) bool { return p.Liability == nil }) != nil {
			return Pass, why + ", med egne ansvarsandeler."
		}
		return Pass, why + "; ansvarsandelene er de samme som eierandelene."
	case "participants":
		if len(c.Participants) >= 2 {
			return Pass, fmt.Sprintf("Avtalen har %d deltakere: %s.", len(c.Participants), labels(ck.participantsWithout(func(*generalist.IMCParticipant) bool { return false })))
		}
		return Fail, fmt.Sprintf("Avtalen har %d deltaker(e); et samarbeid krever minst to.", len(c.Participants))
	case "host":
		if c.Host == "" {
			if c.Form == generalist.FormIKS {
				return Fail, "Avtalen oppgir ikke hvilken kommune selskapet skal ha hovedkontor i."
			}
			return Fail, "Avtalen oppgir ikke hvem som er vertskommune."
		}
		if c.Form == generalist.FormIKS {
			return Pass, "Hovedkontoret skal ligge i kommune " + ck.name(c.Host) + "."
		}
		if p := c.Participant(c.Host); p != nil {
			return Pass, p.Label() + " er vertskommune."
		}
		return Fail, "Vertskommunen " + c.Host + " er ikke en av deltakerne."
	case "tasks":
		if len(c.Tasks) == 0 {
			return Fail, "Avtalen oppgir ingen oppgaver."
		}
		if has(a.Authority) {
			return Pass, fmt.Sprintf("Avtalen oppgir %d oppgave(r), og om myndighet: %s.", len(c.Tasks), quote(a.Authority))
		}
		var unstated []string
		for _, t := range c.Tasks {
			if t.Authority == generalist.DelegatedNotStated {
				unstated = append(unstated, ck.taskName(t))
			}
		}
		if len(unstated) > 0 {
			return Fail, "Avtalen sier ikke hvilken myndighet som er lagt til for " + joinNB(unstated) + "."
		}
		return Pass, fmt.Sprintf("Avtalen oppgir %d oppgave(r) og myndigheten for hver.", len(c.Tasks))
	case "agreement.matters":
		if has(a.Matters) {
			return Pass, "Avtalen sier: " + quote(a.Matters) + "."
		}
		if len(c.Tasks) > 0 {
			var names []string
			for _, t := range c.Tasks {
				names = append(names, ck.taskName(t))
			}
			return Pass, "Sakene rådet kan behandle er oppgitt som oppgaver: " + joinNB(names) + "."
		}
		return Fail, "Avtalen sier ikke hvilke saker rådet kan behandle."
	case "agreement.authority":
		if has(a.Authority) {
			return Pass, "Avtalen sier: " + quote(a.Authority) + "."
		}
		if len(c.Tasks) > 0 && !slices.ContainsFunc(c.Tasks, func(t generalist.IMCTask) bool { return t.Authority == generalist.DelegatedNotStated }) {
			return Pass, "Myndigheten er oppgitt for hver oppgave."
		}
		return Fail, "Avtalen sier ikke hvilken myndighet som er lagt til."
	case "agreement.contributions":
		return clauseOrCostKey(a.Contributions, "Bidragene", "Avtalen sier ikke noe om innskuddsplikt eller andre bidrag.")
	case "agreement.settlement":
		return clauseOrCostKey(a.Settlement, "Utgiftene", "Avtalen sier ikke hvordan det økonomiske oppgjøret skal foregå.")
	case "agreement.borrowing":
		return clause(a.Borrowing, "låneopptak")
	case "agreement.reporting":
		if c.Form.Host() {
			return clause(a.Reporting, "hvilke vedtak deltakerne skal underrettes om")
		}
		return clause(a.Reporting, "hva som skal rapporteres til deltakerne")
	case "agreement.transfer":
		return clause(a.Transfer, "når oppgaver og myndighet overføres")
	case "agreement.exit":
		if has(a.Exit) {
			return Pass, "Avtalen sier: " + quote(a.Exit) + "."
		}
		if a.NoticeMonths != nil {
			return Pass, fmt.Sprintf("Avtalen fastsetter %d måneders oppsigelsesfrist.", *a.NoticeMonths)
		}
		return Fail, "Avtalen sier ikke hvordan deltakerne kan tre ut."
	case "agreement.dissolution":
		needsArchives := c.Form == generalist.FormIPR || c.Form == generalist.FormKO
		switch {
		case !has(a.Dissolution):
			return Fail, "Avtalen sier ikke hvordan samarbeidet skal oppløses."
		case needsArchives && !has(a.Archives):
			return Fail, "Avtalen sier hvordan samarbeidet oppløses, men ikke hvem som skal ha ansvaret for arkivene etterpå."
		case needsArchives:
			return Pass, "Avtalen regulerer oppløsning, og arkivene: " + quote(a.Archives) + "."
		}
		return Pass, "Avtalen sier: " + quote(a.Dissolution) + "."
	case "agreement.other":
		if has(a.Other) {
			return Pass, "Avtalen sier: " + quote(a.Other) + "."
		}
		var bases []string
		for _, t := range c.Tasks {
			if task := ck.tasks[t.Task]; task != nil {
				bases = append(bases, task.LegalBasis)
			}
		}
		if len(bases) > 0 {
			return CannotTell, "Avtalen har ingen slik bestemmelse; om særloven for oppgavene (" + strings.Join(slices.Compact(bases), "; ") + ") krever mer i avtalen, må vurderes."
		}
		return CannotTell, "Avtalen har ingen slik bestemmelse; om annen lov krever mer for disse oppgavene, må vurderes."
	case "agreement.purpose":
		return clause(a.Purpose, "selskapets formål")
	}
	return CannotTell, "Registeret har ikke et felt for dette punktet."
}

// name returns "Name (number)" for a participant, else the number.
func (ck *checker) name(number string) string {
	if p := ck.c.Participant(number); p != nil {
		return p.Label()
	}
	return number
}

func (ck *checker) taskName(t generalist.IMCTask) string {
	if task := ck.tasks[t.Task]; task != nil {
		return lowerFirst(task.NameNB)
	}
	if t.Task != "" {
		return t.Task
	}
	return quote(t.Text)
}

func item(id, title, ref string, verified, required bool, st Status, why string) Item {
	return Item{ID: id, Group: "regel", Title: title, Reference: ref, Verified: verified, Required: required, Status: st, Why: why}
}

// rules checks the rules that are not agreement contents.
func (ck *checker) rules() []Item {
	c := ck.c
	var out []Item
	add := func(it Item) { out = append(out, it) }

	// Two or more participants.
	partRef := map[generalist.IMCForm]string{generalist.FormIPR: kl + " § 18-1 første ledd", generalist.FormKO: kl + " § 19-1 første ledd",
		generalist.FormHostAdmin: kl + " § 20-2 første ledd", generalist.FormHostBoard: kl + " § 20-3 første ledd"}[c.Form]
	if partRef == "" {
		partRef = kl + " § 17-1 første ledd"
	}
	if len(c.Participants) >= 2 {
		add(item("deltakere", "Minst to deltakere", partRef, true, true, Pass, fmt.Sprintf("Samarbeidet har %d deltakere.", len(c.Participants))))
	} else {
		add(item("deltakere", "Minst to deltakere", partRef, true, true, Fail, fmt.Sprintf("Samarbeidet har %d deltaker(e); interkommunalt samarbeid krever minst to kommuner eller fylkeskommuner.", len(c.Participants))))
	}

	// Name rules.
	switch c.Form {
	case generalist.FormIPR, generalist.FormKO:
		words, ref := "interkommunalt politisk råd", kl+" § 18-1 tredje ledd"
		if c.Form == generalist.FormKO {
			words, ref = "kommunalt oppgavefellesskap", kl+" § 19-1 tredje ledd"
		}
		if strings.Contains(strings.ToLower(strings.Join(strings.Fields(c.Name), " ")), words) {
			add(item("navn", "Navnet skal inneholde ordene «"+words+"»", ref, true, true, Pass, "Navnet "+quote(c.Name)+" inneholder ordene."))
		} else {
			add(item("navn", "Navnet skal inneholde ordene «"+words+"»", ref, true, true, Fail, "Navnet "+quote(c.Name)+" inneholder ikke ordene «"+words+"»."))
		}
	case generalist.FormIKS:
		// Recalled, not in the research: IKS-loven § 2.
		st, why := Fail, "Navnet "+quote(c.Name)+" inneholder ikke betegnelsen «IKS»."
		if slices.Contains(strings.FieldsFunc(c.Name, func(r rune) bool { return r == ' ' || r == '(' || r == ')' || r == ',' || r == '.' }), "IKS") {
			st, why = Pass, "Navnet "+quote(c.Name)+" inneholder «IKS»."
		}
		add(item("navn", "Foretaksnavnet skal inneholde «IKS»", iksLoven+" § 2 (ikke verifisert)", false, false, st, why))
	default:
		add(item("navn", "Navneregel", GoverningLaw(c.Form), true, false, NotApplicable, "Kommuneloven har ingen navneregel for denne formen."))
	}

	// Authority per task.
	if len(c.Tasks) == 0 {
		add(item("myndighet", "Myndighet i lovpålagte oppgaver", kl+" §§ 18-1, 19-1, 20-1", true, true, NotApplicable, "Samarbeidet har ingen oppgaver registrert."))
	}
	for i, t := range c.Tasks {
		out = append(out, ck.authority(i, t)...)
	}

	// Ownership and liability shares.
	out = append(out, ck.shares()...)

	// The host.
	out = append(out, ck.host()...)

	// Adoption by each council itself.
	adoptRef := map[generalist.IMCForm]string{generalist.FormIPR: kl + " § 18-4 annet ledd", generalist.FormKO: kl + " § 19-4 annet ledd",
		generalist.FormHostAdmin: kl + " § 20-4 annet ledd", generalist.FormHostBoard: kl + " § 20-4 annet ledd", generalist.FormIKS: iksLoven + " § 4 første ledd"}[c.Form]
	if adoptRef == "" {
		add(item("vedtak", "Avtalen vedtatt av hvert kommunestyre eller fylkesting selv", GoverningLaw(c.Form), true, true, NotApplicable, "Kommuneloven og IKS-loven krever ikke dette for denne formen; se selskapets eller foreningens vedtekter."))
	} else {
		title := "Avtalen skal være skriftlig og vedtatt av hvert kommunestyre eller fylkesting selv"
		miss := ck.participantsWithout(func(p *generalist.IMCParticipant) bool { return p.Adopted != "" })
		switch {
		case len(c.Participants) == 0:
			add(item("vedtak", title, adoptRef, true, true, Fail, "Samarbeidet har ingen deltakere."))
		case len(miss) > 0:
			add(item("vedtak", title, adoptRef, true, true, Fail, "Det er ikke registrert at avtalen er vedtatt av "+labels(miss)+"."))
		default:
			add(item("vedtak", title, adoptRef, true, true, Pass, "Vedtak er registrert for alle deltakerne."))
		}
	}

	// Board seats: at least two per participant.
	if c.Form == generalist.FormHostBoard {
		title, ref := "Hver deltaker skal ha to eller flere medlemmer i nemnda", kl+" § 20-3 tredje ledd"
		few := ck.participantsWithout(func(p *generalist.IMCParticipant) bool { return p.Seats == 0 || p.Seats >= 2 })
		switch {
		case len(few) > 0:
			add(item("nemnd", title, ref, true, true, Fail, labels(few)+" har færre enn to medlemmer i nemnda."))
		case ck.participantsWithout(func(p *generalist.IMCParticipant) bool { return p.Seats > 0 }) != nil:
			add(item("nemnd", title, ref, true, true, CannotTell, "Antall medlemmer er ikke fastsatt for alle deltakerne (se § 20-4 fjerde ledd)."))
		default:
			add(item("nemnd", title, ref, true, true, Pass, "Alle deltakerne har minst to medlemmer i nemnda."))
		}
	}

	// A host arrangement is no legal entity; the others may need to be
	// registered.
	switch {
	case c.Form.Host():
		if c.LegalEntity != nil && *c.LegalEntity {
			add(item("rettssubjekt", "Et vertskommunesamarbeid er ikke et eget rettssubjekt", "KDD, Veileder om interkommunalt samarbeid kap. 5", true, true, Fail, "Avtalen sier at samarbeidet er et eget rettssubjekt, men et vertskommunesamarbeid er en del av vertskommunen."))
		} else {
			add(item("rettssubjekt", "Et vertskommunesamarbeid er ikke et eget rettssubjekt", "KDD, Veileder om interkommunalt samarbeid kap. 5", true, true, Pass, "Samarbeidet er ikke registrert som et eget rettssubjekt."))
		}
	default:
		out = append(out, ck.registration())
	}

	// The task catalogue's view of which forms suit a task.
	for _, t := range c.Tasks {
		task := ck.tasks[t.Task]
		if task == nil || len(task.Forms) == 0 {
			continue
		}
		id := "katalog/" + t.Task
		title := "Oppgavekatalogen: egnede former for " + ck.taskName(t)
		if slices.Contains(task.Forms, c.Form) {
			add(item(id, title, task.LegalBasis, true, false, Pass, "Katalogen oppgir "+c.Form.Label()+" som en form for oppgaven."))
		} else {
			var forms []string
			for _, f := range task.Forms {
				forms = append(forms, f.Label())
			}
			add(item(id, title, task.LegalBasis, true, false, Fail, "Katalogen oppgir bare "+joinNB(forms)+" for oppgaven, ikke "+c.Form.Label()+"."))
		}
	}
	return out
}

// authority checks the authority given in one task against the form.
func (ck *checker) authority(i int, t generalist.IMCTask) []Item {
	c := ck.c
	task := ck.tasks[t.Task]
	key := t.Task
	if key == "" {
		key = fmt.Sprint(i + 1)
	}
	id := "myndighet/" + key
	name := ck.taskName(t)
	title := "Myndighet i " + name
	if t.Task != "" && ck.cat != nil && task == nil {
		return []Item{item(id, title, "oppgavekatalogen", true, true, Fail, fmt.Sprintf("Oppgaven %q finnes ikke i oppgavekatalogen %s.", t.Task, ck.cat.Version))}
	}
	decides := task != nil && task.Authority()
	what := "enkeltvedtak"
	switch {
	case t.Authority == generalist.DelegatedRegulations:
		what = "forskrift"
	case t.Authority == generalist.DelegatedBoth:
		what = "enkeltvedtak og forskrift"
	}
	switch {
	case t.Authority == generalist.DelegatedNotStated && decides:
		return []Item{item(id, title, kl+" §§ 18-1, 19-1, 20-1", true, true, CannotTell,
			fmt.Sprintf("Oppgaven innebærer enkeltvedtak eller forskrift (%s), men det er ikke oppgitt om myndighet er delegert.", task.LegalBasis))}
	case t.Authority == generalist.DelegatedNotStated && task != nil:
		return []Item{item(id, title, kl+" §§ 18-1, 19-1, 20-1", true, true, NotApplicable, "Oppgaven innebærer ikke enkeltvedtak eller forskrift etter oppgavekatalogen, og ingen myndighet er oppgitt.")}
	case t.Authority == generalist.DelegatedNotStated:
		return []Item{item(id, title, kl+" §§ 18-1, 19-1, 20-1", true, true, CannotTell, "Det er ikke oppgitt om myndighet er delegert i oppgaven.")}
	case !t.Authority.Decides():
		return []Item{item(id, title, kl+" §§ 18-1 og 19-1 annet ledd", true, true, Pass, "Samarbeidet er gitt myndighet bare i "+map[generalist.Delegation]string{
			generalist.DelegatedNone: "ingen saker", generalist.DelegatedInternal: "interne forhold", generalist.DelegatedGrants: "forvaltning av tilskuddsordninger"}[t.Authority]+", som alle former kan gis.")}
	}
	switch c.Form.Authority() {
	case generalist.AuthorityNo:
		ref, who := kl+" § 18-1 annet ledd", "Et interkommunalt politisk råd"
		if c.Form == generalist.FormKO {
			ref, who = kl+" § 19-1 annet ledd", "Et kommunalt oppgavefellesskap"
		}
		why := who + " kan ikke gis myndighet til å treffe enkeltvedtak, bare om interne forhold og tilskuddsordninger; her er det gitt myndighet til " + what + "."
		if t.Authority == generalist.DelegatedRegulations {
			ref += "; KDD, Veileder om interkommunalt samarbeid kap. 5"
			why = "Myndighet til å gi forskrift i lovpålagte oppgaver krever normalt vertskommunemodellen (KDD-veilederen kap. 5); " + lowerFirst(who) + " er gitt slik myndighet."
		}
		return []Item{item(id, title, ref, true, true, Fail, why)}
	case generalist.AuthorityYes:
		why := "Vertskommunen kan gis myndighet til å treffe " + what + " i lovpålagte oppgaver så langt annen lovgivning ikke er til hinder."
		if c.Form == generalist.FormHostAdmin {
			why += " I et administrativt vertskommunesamarbeid gjelder det bare saker som ikke har prinsipiell betydning (§ 20-2 første ledd)."
		}
		return []Item{item(id, title, kl+" §§ 20-1, 20-2, 20-3", true, true, Pass, why)}
	}
	ref := "KDD, Veileder om interkommunalt samarbeid kap. 5"
	if task != nil && slices.Contains(task.Forms, c.Form) {
		return []Item{item(id, title, ref+"; "+task.LegalBasis, true, true, Pass,
			"Et "+c.Form.Label()+" kan bare utøve slik myndighet der særlov gir adgang; oppgavekatalogen oppgir formen for oppgaven ("+task.LegalBasis+").")}
	}
	return []Item{item(id, title, ref, true, true, CannotTell,
		"Et "+c.Form.Label()+" kan bare gis myndighet til "+what+" der særlov gir adgang; oppgavekatalogen sier ikke at det gjelder her, så særloven må undersøkes.")}
}

// shares checks that ownership and liability shares sum to 100 %.
func (ck *checker) shares() []Item {
	c := ck.c
	ref := map[generalist.IMCForm]string{generalist.FormIPR: kl + " §§ 18-2 første ledd og 18-4 fjerde ledd bokstav f", generalist.FormKO: kl + " §§ 19-2 første ledd og 19-4 fjerde ledd bokstav f",
		generalist.FormIKS: iksLoven + " § 3"}[c.Form]
	if ref == "" {
		ref = GoverningLaw(c.Form)
	}
	title := "Eierandelene skal til sammen utgjøre 100 %"
	if !c.Form.HasShares() {
		if slices.ContainsFunc(c.Participants, func(p generalist.IMCParticipant) bool { return p.Ownership != nil || p.Liability != nil }) {
			return []Item{item("eierandeler", title, ref, true, true, Fail, "Et "+c.Form.Label()+" har ikke eierandeler, men avtalen oppgir slike.")}
		}
		return []Item{item("eierandeler", title, ref, true, true, NotApplicable, "Et "+c.Form.Label()+" har ikke eierandeler.")}
	}
	var out []Item
	for _, s := range []struct {
		id, title, none string
		get             func(p *generalist.IMCParticipant) *generalist.Share
	}{
		{"eierandeler", title, "Ingen eierandeler er oppgitt.", func(p *generalist.IMCParticipant) *generalist.Share { return p.Ownership }},
		{"ansvarsandeler", "Ansvarsandelene skal til sammen utgjøre deltakernes samlede ansvar (100 %)", "Ingen egne ansvarsandeler er oppgitt; ansvaret følger eierandelene.", func(p *generalist.IMCParticipant) *generalist.Share { return p.Liability }},
	} {
		var sum int64
		var missing []*generalist.IMCParticipant
		for i := range c.Participants {
			if v := s.get(&c.Participants[i]); v != nil {
				sum += int64(*v)
			} else {
				missing = append(missing, &c.Participants[i])
			}
		}
		switch {
		case len(missing) == len(c.Participants) && s.id == "eierandeler":
			out = append(out, item(s.id, s.title, ref, true, true, CannotTell, s.none))
		case len(missing) == len(c.Participants):
			out = append(out, item(s.id, s.title, ref, true, true, NotApplicable, s.none))
		case len(missing) > 0:
			out = append(out, item(s.id, s.title, ref, true, true, Fail, "Andelen mangler for "+labels(missing)+"."))
		case sum != 10000:
			out = append(out, item(s.id, s.title, ref, true, true, Fail, fmt.Sprintf("Andelene summerer til %s, ikke 100 %%.", generalist.Share(sum))))
		default:
			out = append(out, item(s.id, s.title, ref, true, true, Pass, "Andelene summerer til 100 %."))
		}
	}
	return out
}

// host checks the host (or office municipality) and the notice to the
// county governor.
func (ck *checker) host() []Item {
	c := ck.c
	var out []Item
	switch {
	case c.Form.Host():
		ref := kl + " § 20-4 tredje ledd bokstav b"
		title := "Vertskommunen skal være en av deltakerne"
		switch p := c.Participant(c.Host); {
		case c.Host == "":
			out = append(out, item("vert", title, ref, true, true, Fail, "Ingen vertskommune er oppgitt."))
		case p == nil:
			out = append(out, item("vert", title, ref, true, true, Fail, "Vertskommunen "+c.Host+" er ikke en av deltakerne."))
		default:
			out = append(out, item("vert", title, ref, true, true, Pass, p.Label()+" er vertskommune og deltaker."))
		}
		counties := 0
		for _, p := range c.Participants {
			if p.County() {
				counties++
			}
		}
		kind := "Samarbeidet er mellom kommuner."
		if counties == len(c.Participants) {
			kind = "Samarbeidet er mellom fylkeskommuner."
		}
		if counties > 0 && counties < len(c.Participants) {
			out = append(out, item("vert-parter", "Vertskommunesamarbeid er mellom kommuner, eller mellom fylkeskommuner", kl+" § 20-2 første ledd og § 20-3 første ledd", true, true, CannotTell,
				"Samarbeidet blander kommuner og fylkeskommuner; kapittel 20 omtaler samarbeid mellom kommuner og mellom fylkeskommuner, så adgangen må vurderes."))
		} else {
			out = append(out, item("vert-parter", "Vertskommunesamarbeid er mellom kommuner, eller mellom fylkeskommuner", kl+" § 20-2 første ledd og § 20-3 første ledd", true, true, Pass, kind))
		}
		who, whoRef := "fylkesmannen (nå statsforvalteren)", kl+" § 20-4 femte ledd"
		if counties == len(c.Participants) {
			who = "departementet"
		}
		title = "Vertskommunen skal orientere " + who + " om at samarbeidet er opprettet"
		switch {
		case c.GovernorNotified != "":
			out = append(out, item("statsforvalter", title, whoRef, true, true, Pass, "Orienteringen er registrert sendt "+c.GovernorNotified.Long()+"."))
		case ck.opt.Today != "" && c.Start > ck.opt.Today:
			out = append(out, item("statsforvalter", title, whoRef, true, true, CannotTell, "Samarbeidet starter "+c.Start.Long()+"; orienteringen er ikke registrert ennå."))
		default:
			out = append(out, item("statsforvalter", title, whoRef, true, true, Fail, "Det er ikke registrert at vertskommunen har orientert "+who+"."))
		}
	case c.Form == generalist.FormIPR || c.Form == generalist.FormKO:
		title, ref := "Kontorkommunen skal være en av deltakerne", kl+" § 14-8 annet ledd"
		switch p := c.Participant(c.Host); {
		case c.Host == "":
			out = append(out, item("vert", title, ref, true, true, NotApplicable, "Ingen kontorkommune er oppgitt."))
		case p == nil:
			out = append(out, item("vert", title, ref, true, true, Fail, "Kontorkommunen "+c.Host+" er ikke en av deltakerne."))
		default:
			out = append(out, item("vert", title, ref, true, true, Pass, p.Label()+" er kontorkommune og deltaker."))
		}
	}
	return out
}

// registration advises on Enhetsregisteret for a legal entity.
func (ck *checker) registration() Item {
	c := ck.c
	entity := c.Form == generalist.FormIKS || c.Form == generalist.FormAS || c.Form == generalist.FormSA || c.Form == generalist.FormAssociation ||
		c.LegalEntity != nil && *c.LegalEntity
	verified, ref := true, "Brønnøysundregistrene; KDD, Oversikt over ulike samarbeidsmodeller"
	if c.Form == generalist.FormIPR || c.Form == generalist.FormKO {
		verified, ref = false, "Enhetsregisteret, organisasjonsform ANNA (praksis for IPR og KO ikke verifisert)"
	}
	title := "Et eget rettssubjekt registreres i Enhetsregisteret"
	switch {
	case c.OrgNumber != "":
		return item("enhetsregisteret", title, ref, verified, false, Pass, "Organisasjonsnummer "+c.OrgNumber.String()+" er oppgitt.")
	case !entity && c.LegalEntity == nil && (c.Form == generalist.FormIPR || c.Form == generalist.FormKO):
		return item("enhetsregisteret", title, ref, verified, false, CannotTell, "Avtalen sier ikke om samarbeidet er et eget rettssubjekt.")
	case !entity:
		return item("enhetsregisteret", title, ref, verified, false, NotApplicable, "Samarbeidet er ikke et eget rettssubjekt.")
	}
	return item("enhetsregisteret", title, ref, verified, false, Fail, "Samarbeidet er et eget rettssubjekt, men intet organisasjonsnummer er oppgitt.")
}

// lowerFirst lowers the first letter ("Barnevernstjeneste" → "barnevernstjeneste").
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 || len(r) > 1 && unicode.IsUpper(r[1]) {
		return s // an acronym such as PPT or BPA
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}
