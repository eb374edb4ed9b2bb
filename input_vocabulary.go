package generalist

import "slices"

// InputKind says whether an input describes a challenge, a solution or both.
type InputKind string

// The kinds of input.
const (
	InputChallenge InputKind = "challenge" // utfordring
	InputSolution  InputKind = "solution"  // løsning
	InputBoth      InputKind = "both"      // utfordring og løsning
)

// InputKinds lists the kinds.
var InputKinds = []InputKind{InputChallenge, InputSolution, InputBoth}

// Valid reports whether k is a known kind.
func (k InputKind) Valid() bool { return slices.Contains(InputKinds, k) }

// Label returns the Norwegian (bokmål) name.
func (k InputKind) Label() string {
	switch k {
	case InputChallenge:
		return "Utfordring"
	case InputSolution:
		return "Løsning"
	case InputBoth:
		return "Utfordring og løsning"
	}
	return string(k)
}

// LabelEN returns the English name.
func (k InputKind) LabelEN() string {
	switch k {
	case InputChallenge:
		return "Challenge"
	case InputSolution:
		return "Solution"
	case InputBoth:
		return "Challenge and solution"
	}
	return string(k)
}

// SenderType says who sends an input.
type SenderType string

// The kinds of sender.
const (
	SenderMunicipality SenderType = "municipality" // kommune
	SenderCounty       SenderType = "county"       // fylkeskommune
	SenderOrganisation SenderType = "organisation" // organisasjon
	SenderPerson       SenderType = "person"       // privatperson
)

// SenderTypes lists the kinds of sender.
var SenderTypes = []SenderType{SenderMunicipality, SenderCounty, SenderOrganisation, SenderPerson}

// Valid reports whether s is a known kind of sender.
func (s SenderType) Valid() bool { return slices.Contains(SenderTypes, s) }

// Label returns the Norwegian (bokmål) name.
func (s SenderType) Label() string {
	switch s {
	case SenderMunicipality:
		return "Kommune"
	case SenderCounty:
		return "Fylkeskommune"
	case SenderOrganisation:
		return "Organisasjon"
	case SenderPerson:
		return "Privatperson"
	}
	return string(s)
}

// LabelEN returns the English name.
func (s SenderType) LabelEN() string {
	switch s {
	case SenderMunicipality:
		return "Municipality"
	case SenderCounty:
		return "County"
	case SenderOrganisation:
		return "Organisation"
	case SenderPerson:
		return "Private person"
	}
	return string(s)
}

// InputStatus is where an input is in moderation.
type InputStatus string

// The statuses. Only published inputs are shown to the public.
const (
	InputNew       InputStatus = "new"       // ny: waiting for moderation
	InputPublished InputStatus = "published" // publisert
	InputRejected  InputStatus = "rejected"  // avvist, with a reason
	InputWithdrawn InputStatus = "withdrawn" // trukket tilbake by the sender
	InputMerged    InputStatus = "merged"    // slått sammen with a duplicate
)

// InputStatuses lists the statuses.
var InputStatuses = []InputStatus{InputNew, InputPublished, InputRejected, InputWithdrawn, InputMerged}

// Valid reports whether s is a known status.
func (s InputStatus) Valid() bool { return slices.Contains(InputStatuses, s) }

// Label returns the Norwegian (bokmål) name.
func (s InputStatus) Label() string {
	switch s {
	case InputNew:
		return "Til behandling"
	case InputPublished:
		return "Publisert"
	case InputRejected:
		return "Avvist"
	case InputWithdrawn:
		return "Trukket tilbake"
	case InputMerged:
		return "Slått sammen"
	}
	return string(s)
}

// LabelEN returns the English name.
func (s InputStatus) LabelEN() string {
	switch s {
	case InputNew:
		return "Awaiting moderation"
	case InputPublished:
		return "Published"
	case InputRejected:
		return "Rejected"
	case InputWithdrawn:
		return "Withdrawn"
	case InputMerged:
		return "Merged"
	}
	return string(s)
}

// InputTag is a tag from one of the fixed vocabularies (InputTags): a
// stable ASCII identifier "group.name".
type InputTag string

// Tag groups.
const (
	TagGroupRole        = "rolle"      // the four roles of a municipality
	TagGroupChallenge   = "utfordring" // the challenges the committee was shown
	TagGroupAlternative = "alternativ" // the alternatives it weighed
)

// TagGroups lists the groups in the order pages show them.
var TagGroups = []string{TagGroupRole, TagGroupChallenge, TagGroupAlternative}

// TagInfo describes a tag of the vocabulary.
type TagInfo struct {
	ID    InputTag `json:"id"`
	Group string   `json:"group"`
	NB    string   `json:"nb"`
	EN    string   `json:"en"`
}

// InputTags is the fixed vocabulary of tags: the four roles of a
// municipality, the challenges and the alternatives of NOU 2023:9. The
// identifiers are stable; never rename one that has shipped.
var InputTags = []TagInfo{
	{"rolle." + InputTag(RoleServiceProvider), TagGroupRole, "Tjenesteyter", "Service provider"},
	{"rolle." + InputTag(RoleDemocraticArena), TagGroupRole, "Demokratisk arena", "Democratic arena"},
	{"rolle." + InputTag(RoleAuthority), TagGroupRole, "Myndighetsutøver", "Authority"},
	{"rolle." + InputTag(RoleCommunityDev), TagGroupRole, "Samfunnsutvikler", "Community developer"},

	{"utfordring.kapasitet_kompetanse", TagGroupChallenge, "Kapasitet og kompetanse", "Capacity and competence"},
	{"utfordring.rekruttering", TagGroupChallenge, "Rekruttering", "Recruitment"},
	{"utfordring.fagmiljo", TagGroupChallenge, "Fagmiljø", "Professional environments"},
	{"utfordring.befolkningsnedgang", TagGroupChallenge, "Befolkningsnedgang og fraflytting", "Population decline and out-migration"},
	{"utfordring.ulikheter", TagGroupChallenge, "Ulikheter mellom kommuner", "Differences between municipalities"},
	{"utfordring.statlig_styring", TagGroupChallenge, "Statlig styring", "State governance"},
	{"utfordring.interkommunalt_samarbeid", TagGroupChallenge, "Interkommunalt samarbeid", "Inter-municipal cooperation"},

	{"alternativ.statlig_styring", TagGroupAlternative, "Statlig styring", "State governance"},
	{"alternativ.interkommunalt_samarbeid", TagGroupAlternative, "Interkommunalt samarbeid", "Inter-municipal cooperation"},
	{"alternativ.sammenslaing", TagGroupAlternative, "Sammenslåing", "Mergers"},
	{"alternativ.oppgavedifferensiering", TagGroupAlternative, "Oppgavedifferensiering", "Task differentiation"},
	{"alternativ.fylkeskommunen", TagGroupAlternative, "Fylkeskommunens rolle", "The county's role"},
	{"alternativ.forsok", TagGroupAlternative, "Forsøk", "Trials"},
}

// TagGroupLabel returns the Norwegian and English names of a tag group.
func TagGroupLabel(group string) (nb, en string) {
	switch group {
	case TagGroupRole:
		return "Kommunens roller", "The municipality's roles"
	case TagGroupChallenge:
		return "Utfordringer", "Challenges"
	case TagGroupAlternative:
		return "Alternativer", "Alternatives"
	}
	return group, group
}

// Info returns the description of t; ok is false for an unknown tag.
func (t InputTag) Info() (TagInfo, bool) {
	for _, i := range InputTags {
		if i.ID == t {
			return i, true
		}
	}
	return TagInfo{}, false
}

// Valid reports whether t is in the vocabulary.
func (t InputTag) Valid() bool { _, ok := t.Info(); return ok }

// Label returns the Norwegian name of t, or t itself if unknown.
func (t InputTag) Label() string {
	if i, ok := t.Info(); ok {
		return i.NB
	}
	return string(t)
}

// LabelEN returns the English name of t, or t itself if unknown.
func (t InputTag) LabelEN() string {
	if i, ok := t.Info(); ok {
		return i.EN
	}
	return string(t)
}

// ConsentText is one version of the text a sender accepts. A new wording
// gets a new version; each input keeps the version it was sent under.
type ConsentText struct {
	Version string `json:"version"`
	NB      string `json:"nb"`
	EN      string `json:"en"`
}

// InputConsent is the consent text senders accept now.
var InputConsent = ConsentText{
	Version: "2026-1",
	NB: "Jeg samtykker i at innspillet lagres og brukes i arbeidet med generalistkommunesystemet. " +
		"Tittel, tekst, emneord, kommune og fylke kan publiseres etter moderering. " +
		"Navn og organisasjon publiseres bare hvis jeg velger det nedenfor; e-postadressen og vedlegget publiseres aldri " +
		"og brukes bare av analytikerne til å forstå og følge opp innspillet. " +
		"Jeg kan trekke innspillet tilbake med kvitteringsreferansen, og jeg kan be om at personopplysningene slettes; " +
		"da beholdes bare en anonym registrering.",
	EN: "I consent to the input being stored and used in the work on the generalist municipality system. " +
		"The title, text, tags, municipality and county may be published after moderation. " +
		"Name and organisation are published only if I choose so below; the e-mail address and the attachment are never published " +
		"and are used only by the analysts to understand and follow up the input. " +
		"I can withdraw the input with the receipt reference, and I can ask for the personal data to be erased; " +
		"only an anonymous record is then kept.",
}
