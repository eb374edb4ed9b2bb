package imc

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"generalist"
)

func TestRequirements(t *testing.T) {
	for _, tt := range []struct {
		form     generalist.IMCForm
		n        int
		first    string
		verified bool
	}{
		{generalist.FormIPR, 8, "18-4a", true},
		{generalist.FormKO, 10, "19-4a", true},
		{generalist.FormHostAdmin, 9, "20-4a", true},
		{generalist.FormHostBoard, 10, "20-4a", true},
		{generalist.FormIKS, 8, "iks-4-1", false},
		{generalist.FormAS, 0, "", false},
		{generalist.FormOther, 0, "", false},
	} {
		rs := Requirements(tt.form)
		if len(rs) != tt.n {
			t.Errorf("Requirements(%s) = %d items, want %d", tt.form, len(rs), tt.n)
			continue
		}
		if tt.n == 0 {
			continue
		}
		if rs[0].ID != tt.first {
			t.Errorf("Requirements(%s)[0] = %s, want %s", tt.form, rs[0].ID, tt.first)
		}
		seen := map[string]bool{}
		for _, r := range rs {
			if seen[r.ID] || r.Text == "" || r.TextEN == "" || r.Reference == "" || r.Clause == "" {
				t.Errorf("Requirements(%s): bad or repeated item %+v", tt.form, r)
			}
			seen[r.ID] = true
			if r.Verified != tt.verified {
				t.Errorf("Requirements(%s) %s: verified = %v, want %v", tt.form, r.ID, r.Verified, tt.verified)
			}
			if !r.Verified && !strings.Contains(r.Reference, "ikke verifisert") {
				t.Errorf("%s: an unverified item must say so in its reference: %q", r.ID, r.Reference)
			}
		}
	}
	// The letters of the law, in order: § 18-4 a–h, § 19-4 a–j, § 20-4 a–i.
	var ids []string
	for _, r := range Requirements(generalist.FormKO) {
		ids = append(ids, r.ID)
	}
	if got := strings.Join(ids, " "); got != "19-4a 19-4b 19-4c 19-4d 19-4e 19-4f 19-4g 19-4h 19-4i 19-4j" {
		t.Errorf("KO ids = %s", got)
	}
	b, _ := json.Marshal(Requirements(generalist.FormIPR)[0])
	for _, field := range []string{`"id":"18-4a"`, `"text":"rådets navn"`, `"reference":"kommuneloven § 18-4 fjerde ledd bokstav a"`, `"verified":true`} {
		if !strings.Contains(string(b), field) {
			t.Errorf("JSON %s lacks %s", b, field)
		}
	}
}

// TestExamplesPass checks that every shipped example is valid and meets
// every required item of the law (the advice on registration may fail:
// the examples carry no invented organisation numbers).
func TestExamplesPass(t *testing.T) {
	cs, err := Examples()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 4 {
		t.Fatalf("Examples = %d, want 4", len(cs))
	}
	for i := range cs {
		c := &cs[i]
		if !c.Example || !strings.Contains(c.Name, "(eksempel)") {
			t.Errorf("%s: examples must be marked as examples", c.Name)
		}
		if err := Validate(c, mustCatalogue(t)); err != nil {
			t.Errorf("Validate(%s) = %v", c.Name, err)
		}
		l := Check(c, mustCatalogue(t), Options{Today: "2026-06-01"})
		if !l.OK() {
			for _, it := range l.Items {
				if it.Status == Fail && it.Required {
					t.Errorf("%s: %s fails: %s", c.Name, it.ID, it.Why)
				}
			}
		}
		for _, it := range l.Items {
			if it.Why == "" || it.Reference == "" || it.Title == "" {
				t.Errorf("%s: item %s lacks a title, reference or reason", c.Name, it.ID)
			}
		}
	}
}

// TestCheck breaks one thing at a time in an example that passes and
// checks that exactly the right item changes. Every required agreement
// item of every form has a case (TestCheckCoversRequirements).
var checkCases = []struct {
	name   string
	form   generalist.IMCForm
	id     string
	break_ func(c *generalist.IMC)
	want   Status
}{
	// § 18-4 (IPR).
	{"IPRName", generalist.FormIPR, "18-4a", func(c *generalist.IMC) { c.Name = " " }, Fail},
	{"IPRLegalEntity", generalist.FormIPR, "18-4b", func(c *generalist.IMC) { c.LegalEntity = nil }, Fail},
	{"IPRSeats", generalist.FormIPR, "18-4c", func(c *generalist.IMC) { c.Participants[2].Seats = 0 }, Fail},
	{"IPRMatters", generalist.FormIPR, "18-4d", func(c *generalist.IMC) { c.Agreement.Matters, c.Tasks = "", nil }, Fail},
	{"IPRAuthority", generalist.FormIPR, "18-4e", func(c *generalist.IMC) { c.Agreement.Authority, c.Tasks[0].Authority = "", "" }, Fail},
	{"IPROwnership", generalist.FormIPR, "18-4f", func(c *generalist.IMC) { c.Participants[6].Ownership = nil }, Fail},
	{"IPRExit", generalist.FormIPR, "18-4g", func(c *generalist.IMC) { c.Agreement.Exit, c.Agreement.NoticeMonths = "", nil }, Fail},
	{"IPRArchives", generalist.FormIPR, "18-4h", func(c *generalist.IMC) { c.Agreement.Archives = "" }, Fail},
	{"IPRDissolution", generalist.FormIPR, "18-4h", func(c *generalist.IMC) { c.Agreement.Dissolution = "" }, Fail},
	// § 19-4 (KO).
	{"KOName", generalist.FormKO, "19-4a", func(c *generalist.IMC) { c.Name = "" }, Fail},
	{"KOLegalEntity", generalist.FormKO, "19-4b", func(c *generalist.IMC) { c.LegalEntity = nil }, Fail},
	{"KOSeats", generalist.FormKO, "19-4c", func(c *generalist.IMC) { c.Participants[0].Seats = 0 }, Fail},
	{"KOTasks", generalist.FormKO, "19-4d", func(c *generalist.IMC) { c.Tasks = nil }, Fail},
	{"KOTaskAuthority", generalist.FormKO, "19-4d", func(c *generalist.IMC) { c.Agreement.Authority, c.Tasks[0].Authority = "", "" }, Fail},
	{"KOContributions", generalist.FormKO, "19-4e", func(c *generalist.IMC) { c.Agreement.Contributions, c.Agreement.CostKey = "", nil }, Fail},
	{"KOOwnership", generalist.FormKO, "19-4f", func(c *generalist.IMC) { c.Participants[3].Ownership = nil }, Fail},
	{"KOBorrowing", generalist.FormKO, "19-4g", func(c *generalist.IMC) { c.Agreement.Borrowing = "" }, Fail},
	{"KOReporting", generalist.FormKO, "19-4h", func(c *generalist.IMC) { c.Agreement.Reporting = " " }, Fail},
	{"KOExit", generalist.FormKO, "19-4i", func(c *generalist.IMC) { c.Agreement.Exit, c.Agreement.NoticeMonths = "", nil }, Fail},
	{"KOArchives", generalist.FormKO, "19-4j", func(c *generalist.IMC) { c.Agreement.Archives = "" }, Fail},
	// § 20-4 (host).
	{"HostParticipants", generalist.FormHostAdmin, "20-4a", func(c *generalist.IMC) { c.Participants = c.Participants[:1] }, Fail},
	{"HostHost", generalist.FormHostAdmin, "20-4b", func(c *generalist.IMC) { c.Host = "1824" }, Fail},
	{"HostTasks", generalist.FormHostAdmin, "20-4c", func(c *generalist.IMC) { c.Tasks = nil }, Fail},
	{"HostTransfer", generalist.FormHostAdmin, "20-4d", func(c *generalist.IMC) { c.Agreement.Transfer = "" }, Fail},
	{"HostReporting", generalist.FormHostAdmin, "20-4e", func(c *generalist.IMC) { c.Agreement.Reporting = "" }, Fail},
	{"HostSettlement", generalist.FormHostAdmin, "20-4f", func(c *generalist.IMC) { c.Agreement.Settlement, c.Agreement.CostKey = "", nil }, Fail},
	{"HostExit", generalist.FormHostAdmin, "20-4g", func(c *generalist.IMC) { c.Agreement.Exit, c.Agreement.NoticeMonths = "", nil }, Fail},
	{"HostDissolution", generalist.FormHostAdmin, "20-4h", func(c *generalist.IMC) { c.Agreement.Dissolution = "" }, Fail},
	// "Anything else the law requires" cannot be judged without the other
	// law: it never fails, it cannot be told.
	{"HostOther", generalist.FormHostAdmin, "20-4i", func(c *generalist.IMC) { c.Agreement.Other = "" }, CannotTell},
	{"BoardSeatsStated", generalist.FormHostBoard, "20-4nemnd", func(c *generalist.IMC) { c.Participants[1].Seats = 0 }, Fail},
	// IKS-loven § 4 (unverified wording).
	{"IKSName", generalist.FormIKS, "iks-4-1", func(c *generalist.IMC) { c.Name = "" }, Fail},
	{"IKSParticipants", generalist.FormIKS, "iks-4-2", func(c *generalist.IMC) { c.Participants = nil }, Fail},
	{"IKSPurpose", generalist.FormIKS, "iks-4-3", func(c *generalist.IMC) { c.Agreement.Purpose = "" }, Fail},
	{"IKSHeadOffice", generalist.FormIKS, "iks-4-4", func(c *generalist.IMC) { c.Host = "" }, Fail},
	{"IKSOwnership", generalist.FormIKS, "iks-4-5", func(c *generalist.IMC) { c.Participants[0].Ownership = nil }, Fail},
	{"IKSSeats", generalist.FormIKS, "iks-4-6", func(c *generalist.IMC) { c.Participants[5].Seats = 0 }, Fail},
	{"IKSContributions", generalist.FormIKS, "iks-4-7", func(c *generalist.IMC) { c.Agreement.Contributions, c.Agreement.CostKey = "", nil }, Fail},
	{"IKSBorrowing", generalist.FormIKS, "iks-4-8", func(c *generalist.IMC) { c.Agreement.Borrowing = "" }, Fail},

	// Rules.
	{"TwoParticipants", generalist.FormKO, "deltakere", func(c *generalist.IMC) { c.Participants = c.Participants[:1] }, Fail},
	{"IPRNameRule", generalist.FormIPR, "navn", func(c *generalist.IMC) { c.Name = "Hallingdal regionråd" }, Fail},
	{"KONameRule", generalist.FormKO, "navn", func(c *generalist.IMC) { c.Name = "Fjellregionen revisjon" }, Fail},
	{"KONameRuleSpacing", generalist.FormKO, "navn", func(c *generalist.IMC) { c.Name = "Revisjon  Kommunalt   Oppgavefellesskap" }, Pass},
	{"IKSNameRule", generalist.FormIKS, "navn", func(c *generalist.IMC) { c.Name = "Nord-Rogaland avfall" }, Fail},
	{"KOAuthorityDecisions", generalist.FormKO, "myndighet/revisjon", func(c *generalist.IMC) { c.Tasks[0].Authority = generalist.DelegatedDecisions }, Fail},
	{"KOAuthorityRegulations", generalist.FormKO, "myndighet/revisjon", func(c *generalist.IMC) { c.Tasks[0].Authority = generalist.DelegatedRegulations }, Fail},
	{"IPRAuthorityDecisions", generalist.FormIPR, "myndighet/1", func(c *generalist.IMC) { c.Tasks[0].Authority = generalist.DelegatedBoth }, Fail},
	{"IPRAuthorityGrants", generalist.FormIPR, "myndighet/1", func(c *generalist.IMC) {}, Pass},
	{"HostAuthority", generalist.FormHostAdmin, "myndighet/barnevern", func(c *generalist.IMC) {}, Pass},
	{"HostAuthorityNotStated", generalist.FormHostAdmin, "myndighet/barnevern", func(c *generalist.IMC) { c.Tasks[0].Authority = "" }, CannotTell},
	{"IKSSpecialLawInCatalogue", generalist.FormIKS, "myndighet/renovasjon", func(c *generalist.IMC) { c.Tasks[0].Authority = generalist.DelegatedRegulations }, Pass},
	{"IKSSpecialLawUnknown", generalist.FormIKS, "myndighet/barnevern", func(c *generalist.IMC) {
		c.Tasks = []generalist.IMCTask{{Task: "barnevern", Authority: generalist.DelegatedDecisions}}
	}, CannotTell},
	{"UnknownTask", generalist.FormKO, "myndighet/nosuch", func(c *generalist.IMC) { c.Tasks[0].Task = "nosuch" }, Fail},
	{"SharesNot100", generalist.FormKO, "eierandeler", func(c *generalist.IMC) { c.Participants[0].Ownership = share(3100) }, Fail},
	{"SharesInHost", generalist.FormHostAdmin, "eierandeler", func(c *generalist.IMC) { c.Participants[0].Ownership = share(10000) }, Fail},
	{"LiabilityNot100", generalist.FormKO, "ansvarsandeler", func(c *generalist.IMC) {
		for i := range c.Participants {
			c.Participants[i].Liability = share(1000)
		}
	}, Fail},
	{"LiabilityPartial", generalist.FormKO, "ansvarsandeler", func(c *generalist.IMC) { c.Participants[0].Liability = share(3000) }, Fail},
	{"LiabilityOK", generalist.FormIKS, "ansvarsandeler", func(c *generalist.IMC) {
		for i := range c.Participants {
			c.Participants[i].Liability = c.Participants[i].Ownership
		}
	}, Pass},
	{"HostNotParticipant", generalist.FormHostAdmin, "vert", func(c *generalist.IMC) { c.Host = "1824" }, Fail},
	{"OfficeNotParticipant", generalist.FormKO, "vert", func(c *generalist.IMC) { c.Host = "0301" }, Fail},
	{"HostMixedParties", generalist.FormHostAdmin, "vert-parter", func(c *generalist.IMC) {
		c.Participants = append(c.Participants, generalist.IMCParticipant{Number: "18", Adopted: "2023-06-21"})
	}, CannotTell},
	{"GovernorNotNotified", generalist.FormHostAdmin, "statsforvalter", func(c *generalist.IMC) { c.GovernorNotified = "" }, Fail},
	{"GovernorNotYetDue", generalist.FormHostAdmin, "statsforvalter", func(c *generalist.IMC) { c.GovernorNotified, c.Start = "", "2027-01-01" }, CannotTell},
	{"CouncilNotAdopted", generalist.FormHostAdmin, "vedtak", func(c *generalist.IMC) { c.Participants[2].Adopted = "" }, Fail},
	{"IKSCouncilNotAdopted", generalist.FormIKS, "vedtak", func(c *generalist.IMC) { c.Participants[2].Adopted = "" }, Fail},
	{"BoardTooFewSeats", generalist.FormHostBoard, "nemnd", func(c *generalist.IMC) { c.Participants[1].Seats = 1 }, Fail},
	{"HostNotEntity", generalist.FormHostAdmin, "rettssubjekt", func(c *generalist.IMC) { v := true; c.LegalEntity = &v }, Fail},
	{"RegisteredOK", generalist.FormKO, "enhetsregisteret", func(c *generalist.IMC) { c.OrgNumber = "974760673" }, Pass},
	{"NotRegistered", generalist.FormKO, "enhetsregisteret", func(c *generalist.IMC) {}, Fail},
	{"CatalogueForm", generalist.FormIPR, "katalog/revisjon", func(c *generalist.IMC) {
		c.Tasks = append(c.Tasks, generalist.IMCTask{Task: "revisjon", Authority: generalist.DelegatedNone})
	}, Fail},
	{"CatalogueFormOK", generalist.FormKO, "katalog/revisjon", func(c *generalist.IMC) {}, Pass},
	{"CatalogueFormKO", generalist.FormKO, "katalog/renovasjon", func(c *generalist.IMC) {
		c.Tasks = append(c.Tasks, generalist.IMCTask{Task: "renovasjon", Authority: generalist.DelegatedNone})
	}, Fail},
	{"KORegulationsRenovasjon", generalist.FormKO, "myndighet/renovasjon", func(c *generalist.IMC) {
		c.Tasks = append(c.Tasks, generalist.IMCTask{Task: "renovasjon", Authority: generalist.DelegatedRegulations})
	}, Fail},
	{"Form", generalist.FormKO, "form", func(c *generalist.IMC) { c.Form = "samkommune" }, Fail},
}

func TestCheck(t *testing.T) {
	for _, tt := range checkCases {
		t.Run(tt.name, func(t *testing.T) {
			c := example(t, tt.form)
			before := itemOf(Check(c, mustCatalogue(t), Options{Today: "2026-06-01"}), tt.id)
			tt.break_(c)
			after := Check(c, mustCatalogue(t), Options{Today: "2026-06-01"})
			it := itemOf(after, tt.id)
			if it == nil {
				t.Fatalf("no item %s after the change; items: %v", tt.id, ids(after))
			}
			if it.Status != tt.want {
				t.Errorf("item %s = %s (%s), want %s", tt.id, it.Status, it.Why, tt.want)
			}
			if tt.want == Fail && it.Required && after.OK() {
				t.Errorf("a failing required item, but OK() = true")
			}
			// The item passed (or did not exist) before the change: the
			// failing case is a broken agreement, not a broken example.
			if tt.want == Fail && before != nil && before.Status == Fail && tt.name != "NotRegistered" {
				t.Errorf("item %s already failed before the change: %s", tt.id, before.Why)
			}
		})
	}
}

func ids(l *Checklist) []string {
	var out []string
	for _, it := range l.Items {
		out = append(out, it.ID)
	}
	return out
}

// TestCheckCoversRequirements makes sure every required agreement item of
// every form has a failing (or, for § 20-4 i, cannot-tell) case above.
func TestCheckCoversRequirements(t *testing.T) {
	covered := map[string]bool{}
	for _, tt := range checkCases {
		if tt.want != Pass {
			covered[tt.id] = true
		}
	}
	for _, f := range []generalist.IMCForm{generalist.FormIPR, generalist.FormKO, generalist.FormHostAdmin, generalist.FormHostBoard, generalist.FormIKS} {
		for _, r := range Requirements(f) {
			if !covered[r.ID] {
				t.Errorf("requirement %s (%s) has no failing case in checkCases", r.ID, f)
			}
		}
	}
	// And every rule the examples produce.
	for _, f := range []generalist.IMCForm{generalist.FormIPR, generalist.FormKO, generalist.FormHostAdmin, generalist.FormHostBoard, generalist.FormIKS} {
		for _, it := range Check(example(t, f), mustCatalogue(t), Options{}).Items {
			if it.Group == "regel" && it.Status != NotApplicable && !covered[it.ID] {
				t.Errorf("rule %s (%s) has no failing case in checkCases", it.ID, f)
			}
		}
	}
}

func TestCheckInvalid(t *testing.T) {
	c := example(t, generalist.FormKO)
	c.End = "2019-01-01"
	err := c.Validate()
	l := Check(c, mustCatalogue(t), Options{Invalid: err})
	it := itemOf(l, "registrering")
	if err == nil || it == nil || it.Status != Fail || !strings.Contains(it.Why, "before the start date") || l.OK() {
		t.Errorf("Check with Invalid: item %+v, OK %v", it, l.OK())
	}
	if l := Check(c, nil, Options{Invalid: errors.New("x")}); itemOf(l, "registrering").Why != "Internal error." {
		t.Errorf("a non-domain error must not leak: %q", itemOf(l, "registrering").Why)
	}
}

func TestValidate(t *testing.T) {
	c := example(t, generalist.FormKO)
	c.Tasks[0].Task = "nosuch"
	if err := Validate(c, mustCatalogue(t)); generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), `"nosuch" is not a task of the catalogue`) {
		t.Errorf("Validate(unknown task) = %v", err)
	}
	c = example(t, generalist.FormKO)
	c.Process = append(c.Process, generalist.IMCStep{Step: "melding_statsforvalter", Status: generalist.StepDone})
	if err := Validate(c, mustCatalogue(t)); err == nil || !strings.Contains(err.Error(), "does not apply to a kommunalt oppgavefellesskap") {
		t.Errorf("Validate(host step on a KO) = %v", err)
	}
	c.Process[len(c.Process)-1].Step = "nosuch"
	if err := Validate(c, mustCatalogue(t)); err == nil || !strings.Contains(err.Error(), `"nosuch" is not a step of the guide`) {
		t.Errorf("Validate(unknown step) = %v", err)
	}
}

func TestGuide(t *testing.T) {
	host := Guide(example(t, generalist.FormHostAdmin))
	ko := Guide(example(t, generalist.FormKO))
	has := func(ps []Progress, id string) *Progress {
		for i := range ps {
			if ps[i].ID == id {
				return &ps[i]
			}
		}
		return nil
	}
	if has(host, "melding_statsforvalter") == nil || has(ko, "melding_statsforvalter") != nil {
		t.Error("the notice to the county governor is a step of host arrangements only")
	}
	if has(ko, "budsjett_regnskap") == nil || has(host, "budsjett_regnskap") != nil {
		t.Error("own budget and accounts is a step of IPR and KO only")
	}
	if p := has(host, "ikt"); p == nil || p.Status != generalist.StepInProgress || p.Owner != "IKT Helgeland" {
		t.Errorf("tracked step = %+v", p)
	}
	if p := has(host, "kontroll"); p == nil || p.Status != generalist.StepNotStarted {
		t.Errorf("untracked step = %+v", p)
	}
	done, total := Done(host)
	if done != 10 || total != len(host) {
		t.Errorf("Done = %d of %d", done, total)
	}
	for _, s := range Steps {
		if s.Title == "" || s.Reference == "" || s.Description == "" {
			t.Errorf("step %s lacks text or reference", s.ID)
		}
		if !s.Verified && !strings.Contains(s.Reference, "ikke verifisert") {
			t.Errorf("unverified step %s must say so: %q", s.ID, s.Reference)
		}
	}
}

// TestContentMoney checks the two items a cost key can answer instead of
// a clause: the contributions (§ 19-4 e) and the settlement (§ 20-4 f).
func TestContentMoney(t *testing.T) {
	key := generalist.CostKey{{Basis: generalist.BasisEqual, Weight: 2000}, {Basis: generalist.BasisInhabitants, Weight: 8000}}
	for _, tt := range []struct {
		clause string
		set    func(a *generalist.IMCAgreement, text string)
		byKey  string
		none   string
	}{
		{"agreement.contributions", func(a *generalist.IMCAgreement, text string) { a.Contributions = text },
			"Bidragene fordeles etter kostnadsnøkkelen ", "Avtalen sier ikke noe om innskuddsplikt eller andre bidrag."},
		{"agreement.settlement", func(a *generalist.IMCAgreement, text string) { a.Settlement = text },
			"Utgiftene fordeles etter kostnadsnøkkelen ", "Avtalen sier ikke hvordan det økonomiske oppgjøret skal foregå."},
	} {
		r := Requirement{Clause: tt.clause}
		var c generalist.IMC
		ck := &checker{c: &c}
		if st, why := ck.content(r); st != Fail || why != tt.none {
			t.Errorf("%s, nothing stated: %v %q, want %v %q", tt.clause, st, why, Fail, tt.none)
		}
		c.Agreement.CostKey = key
		if st, why := ck.content(r); st != Pass || why != tt.byKey+key.String()+"." {
			t.Errorf("%s, a cost key: %v %q, want %v %q", tt.clause, st, why, Pass, tt.byKey+key.String()+".")
		}
		tt.set(&c.Agreement, " Etter  avtale. ")
		if st, why := ck.content(r); st != Pass || why != "Avtalen sier: «Etter avtale.»." {
			t.Errorf("%s, a clause: %v %q", tt.clause, st, why)
		}
	}
}
