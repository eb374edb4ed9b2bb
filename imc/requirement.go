package imc

import "generalist"

// Requirement is one item the law says a cooperation agreement must
// contain for a form.
type Requirement struct {
	// ID names the item by paragraph and letter: "18-4a", "20-4nemnd",
	// "iks-4-3".
	ID string `json:"id"`
	// Text is the law's wording in bokmål; TextEN an English rendering.
	Text   string `json:"text"`
	TextEN string `json:"text_en"`
	// Reference is the paragraph, e.g. "kommuneloven § 18-4 fjerde ledd
	// bokstav a".
	Reference string `json:"reference"`
	// Verified is false where the research could not confirm the wording
	// from a readable source (IKS-loven § 4 third paragraph).
	Verified bool `json:"verified"`
	// Clause names what in the registry record answers the item: a clause
	// of the agreement ("agreement.exit") or a field ("participants.seats").
	Clause string `json:"clause"`
}

const (
	kl       = "kommuneloven"
	iksLoven = "IKS-loven"
)

func req(id, ref, text, en, clause string) Requirement {
	return Requirement{ID: id, Text: text, TextEN: en, Reference: ref, Verified: true, Clause: clause}
}

// ipr: kommuneloven § 18-4 fourth paragraph, letters a–h.
var iprRequirements = []Requirement{
	req("18-4a", kl+" § 18-4 fjerde ledd bokstav a", "rådets navn", "the name of the council", "name"),
	req("18-4b", kl+" § 18-4 fjerde ledd bokstav b", "om rådet er et eget rettssubjekt", "whether the council is a separate legal entity", "legal_entity"),
	req("18-4c", kl+" § 18-4 fjerde ledd bokstav c", "hvor mange medlemmer den enkelte deltakeren skal ha i representantskapet", "how many members each participant has in the representantskap", "participants.seats"),
	req("18-4d", kl+" § 18-4 fjerde ledd bokstav d", "hvilke saker rådet skal kunne behandle", "which matters the council may deal with", "agreement.matters"),
	req("18-4e", kl+" § 18-4 fjerde ledd bokstav e", "hvilken myndighet som er lagt til rådet", "what authority is delegated to the council", "agreement.authority"),
	req("18-4f", kl+" § 18-4 fjerde ledd bokstav f", "den enkelte deltakerens eierandel i rådet og ansvarsandel for rådets forpliktelser hvis ansvarsandelen avviker fra eierandelen", "each participant's ownership share, and its liability share if that differs", "participants.ownership"),
	req("18-4g", kl+" § 18-4 fjerde ledd bokstav g", "hvordan deltakerne kan tre ut av rådet", "how participants can withdraw", "agreement.exit"),
	req("18-4h", kl+" § 18-4 fjerde ledd bokstav h", "hvordan rådet skal oppløses, blant annet hvem som skal ha ansvaret for oppbevaringen av rådets arkiver etter at rådet er oppløst", "how the council is dissolved, including who keeps its archives afterwards", "agreement.dissolution"),
}

// ko: kommuneloven § 19-4 fourth paragraph, letters a–j.
var koRequirements = []Requirement{
	req("19-4a", kl+" § 19-4 fjerde ledd bokstav a", "oppgavefellesskapets navn", "the name of the joint task unit", "name"),
	req("19-4b", kl+" § 19-4 fjerde ledd bokstav b", "om oppgavefellesskapet er et eget rettssubjekt", "whether it is a separate legal entity", "legal_entity"),
	req("19-4c", kl+" § 19-4 fjerde ledd bokstav c", "hvor mange medlemmer den enkelte deltakeren skal ha i representantskapet", "how many members each participant has in the representantskap", "participants.seats"),
	req("19-4d", kl+" § 19-4 fjerde ledd bokstav d", "hvilke oppgaver og hvilken myndighet som er lagt til oppgavefellesskapet", "which tasks and what authority are given to it", "tasks"),
	req("19-4e", kl+" § 19-4 fjerde ledd bokstav e", "deltakernes innskuddsplikt og plikt til å yte andre bidrag til oppgavefellesskapet", "the participants' duty to contribute capital and other contributions", "agreement.contributions"),
	req("19-4f", kl+" § 19-4 fjerde ledd bokstav f", "den enkelte deltakerens eierandel i oppgavefellesskapet og ansvarsandel for fellesskapets forpliktelser hvis ansvarsandelen avviker fra eierandelen", "each participant's ownership share, and its liability share if that differs", "participants.ownership"),
	req("19-4g", kl+" § 19-4 fjerde ledd bokstav g", "om oppgavefellesskapet skal ha myndighet til å ta opp lån", "whether it may borrow", "agreement.borrowing"),
	req("19-4h", kl+" § 19-4 fjerde ledd bokstav h", "hva oppgavefellesskapet skal rapportere til deltakerne om", "what it must report to the participants", "agreement.reporting"),
	req("19-4i", kl+" § 19-4 fjerde ledd bokstav i", "hvordan deltakerne kan tre ut av oppgavefellesskapet", "how participants can withdraw", "agreement.exit"),
	req("19-4j", kl+" § 19-4 fjerde ledd bokstav j", "hvordan oppgavefellesskapet skal oppløses, blant annet hvem som skal ha ansvaret for at oppgavefellesskapets arkiver blir oppbevart etter at oppgavefellesskapet er oppløst", "how it is dissolved, including who keeps its archives afterwards", "agreement.dissolution"),
}

// host: kommuneloven § 20-4 third paragraph, letters a–i.
var hostRequirements = []Requirement{
	req("20-4a", kl+" § 20-4 tredje ledd bokstav a", "deltakerne i samarbeidet", "the participants", "participants"),
	req("20-4b", kl+" § 20-4 tredje ledd bokstav b", "hvem av deltakerne som er vertskommune", "which participant is the host", "host"),
	req("20-4c", kl+" § 20-4 tredje ledd bokstav c", "hvilke oppgaver og hvilken myndighet som skal legges til vertskommunen", "which tasks and what authority are given to the host", "tasks"),
	req("20-4d", kl+" § 20-4 tredje ledd bokstav d", "når oppgaver og myndighet skal overføres", "when tasks and authority are transferred", "agreement.transfer"),
	req("20-4e", kl+" § 20-4 tredje ledd bokstav e", "hvilke av vertskommunens vedtak deltakerne skal underrettes om", "which of the host's decisions the participants must be told about", "agreement.reporting"),
	req("20-4f", kl+" § 20-4 tredje ledd bokstav f", "hvordan det økonomiske oppgjøret mellom samarbeidskommunene og vertskommunen skal foregå", "how the financial settlement between the partners and the host is made", "agreement.settlement"),
	req("20-4g", kl+" § 20-4 tredje ledd bokstav g", "hvordan deltakerne kan tre ut av samarbeidet", "how participants can withdraw", "agreement.exit"),
	req("20-4h", kl+" § 20-4 tredje ledd bokstav h", "hvordan samarbeidet skal oppløses", "how the cooperation is dissolved", "agreement.dissolution"),
	req("20-4i", kl+" § 20-4 tredje ledd bokstav i", "annet som etter lov skal fastsettes i avtale", "anything else that law requires to be set in an agreement", "agreement.other"),
}

// boardRequirement: kommuneloven § 20-4 fourth paragraph, for a host
// arrangement with a joint elected board (§ 20-3).
var boardRequirement = req("20-4nemnd", kl+" § 20-4 fjerde ledd", "hvor mange medlemmer den enkelte deltakeren skal ha i nemnda", "how many members each participant has in the joint board", "participants.seats")

// iks: IKS-loven § 4 third paragraph. The research could read the first
// paragraphs but not the list; the items are recalled and consistent with
// real IKS agreements, so they are marked unverified.
var iksRequirements = []Requirement{
	iksReq("iks-4-1", "selskapets foretaksnavn", "the company name", "name"),
	iksReq("iks-4-2", "hvilke kommuner, fylkeskommuner eller interkommunale selskaper som er deltakere", "which municipalities, counties or IKS are participants", "participants"),
	iksReq("iks-4-3", "selskapets formål", "the company's purpose", "agreement.purpose"),
	iksReq("iks-4-4", "hvilken kommune selskapet skal ha sitt hovedkontor", "the municipality of the head office", "host"),
	iksReq("iks-4-5", "den enkelte deltakers eierandel i selskapet og ansvarsandel hvis denne avviker fra eierandelen", "each participant's ownership share, and its liability share if that differs", "participants.ownership"),
	iksReq("iks-4-6", "antall medlemmer i representantskapet som hver deltaker skal utpeke", "the number of members each participant appoints to the representantskap", "participants.seats"),
	iksReq("iks-4-7", "deltakernes innskuddsplikt og andre ytelser til selskapet", "the participants' capital contributions and other payments", "agreement.contributions"),
	iksReq("iks-4-8", "eventuell maksimal ramme for selskapets samlede lånopptak", "any ceiling on the company's total borrowing", "agreement.borrowing"),
}

func iksReq(id, text, en, clause string) Requirement {
	return Requirement{ID: id, Text: text, TextEN: en, Reference: iksLoven + " § 4 tredje ledd (ordlyd ikke verifisert)", Verified: false, Clause: clause}
}

// Requirements returns what the agreement of a form must contain, in the
// order of the law. The aksjeselskap, samvirkeforetak, forening and other
// arrangements have no such list in kommuneloven or IKS-loven (their own
// laws and articles govern), so the result is empty for them.
func Requirements(f generalist.IMCForm) []Requirement {
	var out []Requirement
	switch f {
	case generalist.FormIPR:
		out = iprRequirements
	case generalist.FormKO:
		out = koRequirements
	case generalist.FormHostAdmin:
		out = hostRequirements
	case generalist.FormHostBoard:
		return append(append([]Requirement(nil), hostRequirements...), boardRequirement)
	case generalist.FormIKS:
		out = iksRequirements
	}
	return append([]Requirement(nil), out...)
}

// RequirementByID finds a requirement of any form by its id.
func RequirementByID(id string) (Requirement, bool) {
	for _, list := range [][]Requirement{iprRequirements, koRequirements, hostRequirements, {boardRequirement}, iksRequirements} {
		for _, r := range list {
			if r.ID == id {
				return r, true
			}
		}
	}
	return Requirement{}, false
}

// GoverningLaw names the law that governs a form (KDD, «Oversikt over
// ulike samarbeidsmodeller»).
func GoverningLaw(f generalist.IMCForm) string {
	switch f {
	case generalist.FormIPR:
		return "kommuneloven kapittel 18"
	case generalist.FormKO:
		return "kommuneloven kapittel 19"
	case generalist.FormHostAdmin:
		return "kommuneloven kapittel 20 (§ 20-2)"
	case generalist.FormHostBoard:
		return "kommuneloven kapittel 20 (§ 20-3)"
	case generalist.FormIKS:
		return "lov om interkommunale selskaper (IKS-loven)"
	case generalist.FormAS:
		return "aksjeloven"
	case generalist.FormSA:
		return "samvirkelova"
	case generalist.FormAssociation:
		return "alminnelig foreningsrett"
	}
	return "kommuneloven § 17-1 («på en annen måte som det er rettslig adgang til»)"
}
