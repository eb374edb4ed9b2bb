package generalist

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Input (innspill) is a challenge or a solution sent in by a municipality,
// a county, an organisation or a private person. Anyone may send one
// without signing in; analysts moderate them before they are published.
//
// Personal data (Name, Organisation, Email, the attachment) is kept for
// the analysts and never published, except the name and organisation when
// the sender chose PublishName. Public returns the copy that may be shown.
type Input struct {
	ID int64 `json:"id"`
	// Reference is the unguessable receipt ("INN-" and 16 base32
	// characters) the sender uses to see the status and to withdraw.
	Reference string    `json:"reference,omitempty"`
	Kind      InputKind `json:"kind"`
	Title     string    `json:"title"`
	// Text is plain text; paragraphs are separated by blank lines.
	Text string     `json:"text"`
	Tags []InputTag `json:"tags"`
	// Municipality (2024 structure) or County the input is about or
	// comes from; both optional. A municipality implies its county.
	Municipality MunicipalityNumber `json:"municipality,omitempty"`
	County       CountyNumber       `json:"county,omitempty"`
	SenderType   SenderType         `json:"sender_type"`

	Name         string `json:"name,omitempty"`
	Organisation string `json:"organisation,omitempty"`
	Email        string `json:"email,omitempty"`
	// Consent must be true: the sender accepted the consent text of
	// ConsentVersion (InputConsent).
	Consent        bool   `json:"consent"`
	ConsentVersion string `json:"consent_version,omitempty"`
	// PublishName is the sender's separate choice that the name and
	// organisation may be shown with the published input.
	PublishName bool `json:"publish_name"`

	Status InputStatus `json:"status"`
	// RejectReason says why an analyst rejected the input.
	RejectReason string `json:"reject_reason,omitempty"`
	// MergedInto is the input this one was merged into as a duplicate.
	MergedInto int64 `json:"merged_into,omitempty"`
	// Version counts the changes; moderation must name the version it
	// was made from (optimistic concurrency).
	Version     int        `json:"version"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	PublishedAt *time.Time `json:"published_at,omitempty"`
	// ErasedAt is set when the personal data was erased on request.
	ErasedAt *time.Time `json:"erased_at,omitempty"`
	// TextHash is the SHA-256 of the normalised text (InputTextHash),
	// used to refuse the same text twice.
	TextHash string `json:"-"`
	// Attachment is the optional PDF; its bytes are read separately
	// (InputStore.Attachment).
	Attachment *InputAttachment `json:"attachment,omitempty"`
	// Scenarios lists the scenarios this input is linked to as their
	// motivation, by id.
	Scenarios []string `json:"scenarios,omitempty"`
	// Moderator is the login name of the analyst who last moderated it.
	Moderator string `json:"moderator,omitempty"`
}

// InputAttachment is a PDF sent with an input. Name is sanitised
// (SanitizeFileName) and only ever shown, never used as a path.
type InputAttachment struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
	// Data is the file; set when storing and by InputStore.Attachment.
	Data []byte `json:"-"`
}

// Limits on what a sender may send.
const (
	InputTitleMax       = 200     // characters
	InputTextMax        = 20000   // characters
	InputTextMin        = 20      // characters
	InputNameMax        = 200     // characters, also the organisation
	InputEmailMax       = 254     // bytes
	InputTagsMax        = 20      // tags on one input
	InputAttachmentMax  = 5 << 20 // bytes (5 MiB)
	InputReasonMax      = 2000    // characters of a rejection reason
	InputBodyMax        = 4 << 20 // bytes of a JSON body: a base64 attachment through the API is at most about 3 MiB
	inputQueryTermsMax  = 10
	inputQueryTermBytes = 64
)

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

// Normalize tidies what a sender typed: it trims the fields, turns CRLF
// into LF, lower-cases the e-mail address, sorts the tags and drops
// repeated ones, and sets the county from the municipality.
func (in *Input) Normalize() {
	in.Title = strings.TrimSpace(in.Title)
	in.Text = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(in.Text, "\r\n", "\n"), "\r", "\n"))
	in.Name = strings.TrimSpace(in.Name)
	in.Organisation = strings.TrimSpace(in.Organisation)
	in.Email = strings.ToLower(strings.TrimSpace(in.Email))
	in.RejectReason = strings.TrimSpace(in.RejectReason)
	in.Tags = NormalizeTags(in.Tags)
	if in.County == "" && in.Municipality != "" {
		in.County = in.Municipality.County()
	}
}

// NormalizeTags returns tags sorted in vocabulary order without repeats.
// Unknown tags are kept, at the end, for Validate to name.
func NormalizeTags(tags []InputTag) []InputTag {
	out := []InputTag{}
	for _, i := range InputTags {
		if slices.Contains(tags, i.ID) {
			out = append(out, i.ID)
		}
	}
	for _, t := range tags {
		if !t.Valid() && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// Validate checks everything a store keeps, naming the field in every
// error. It does not check that the municipality exists; the store does.
func (in *Input) Validate() error {
	if !in.Kind.Valid() {
		return Errorf(EINVALID, "kind: %q is not one of challenge, solution, both", in.Kind)
	}
	if err := checkPlain("title", in.Title, 3, InputTitleMax, false); err != nil {
		return err
	}
	if err := checkPlain("text", in.Text, InputTextMin, InputTextMax, true); err != nil {
		return err
	}
	if err := ValidateTags(in.Tags); err != nil {
		return err
	}
	if in.Municipality != "" {
		if _, err := ParseMunicipalityNumber(string(in.Municipality)); err != nil {
			return Errorf(EINVALID, "municipality: %s", ErrorMessage(err))
		}
	}
	if in.County != "" {
		if _, err := ParseCountyNumber(string(in.County)); err != nil {
			return Errorf(EINVALID, "county: %s", ErrorMessage(err))
		}
		if in.Municipality != "" && in.Municipality.County() != in.County {
			return Errorf(EINVALID, "county: municipality %s is not in county %s", in.Municipality, in.County)
		}
	}
	if !in.SenderType.Valid() {
		return Errorf(EINVALID, "sender_type: %q is not one of municipality, county, organisation, person", in.SenderType)
	}
	if in.ErasedAt == nil || in.Name != "" {
		if err := checkPlain("name", in.Name, 0, InputNameMax, false); err != nil {
			return err
		}
	}
	if err := checkPlain("organisation", in.Organisation, 0, InputNameMax, false); err != nil {
		return err
	}
	if in.Email != "" {
		if err := ValidateEmail(in.Email); err != nil {
			return err
		}
	}
	if !in.Consent {
		return Errorf(EINVALID, "consent: the input can only be stored with consent to the consent text")
	}
	if in.ConsentVersion == "" {
		return Errorf(EINVALID, "consent_version: missing")
	}
	if in.PublishName && in.Name == "" && in.Organisation == "" {
		return Errorf(EINVALID, "publish_name: give a name or an organisation to publish, or leave it unchecked")
	}
	if !in.Status.Valid() {
		return Errorf(EINVALID, "status: %q is not one of new, published, rejected, withdrawn, merged", in.Status)
	}
	if in.Status == InputRejected && in.RejectReason == "" {
		return Errorf(EINVALID, "reject_reason: a rejection needs a reason")
	}
	if err := checkPlain("reject_reason", in.RejectReason, 0, InputReasonMax, true); err != nil {
		return err
	}
	if (in.Status == InputMerged) != (in.MergedInto != 0) {
		return Errorf(EINVALID, "merged_into: set exactly when the status is merged")
	}
	if in.Attachment != nil {
		a := in.Attachment
		if a.Name != SanitizeFileName(a.Name) {
			return Errorf(EINVALID, "attachment: file name %q is not sanitised", a.Name)
		}
		if a.Data != nil {
			if err := CheckPDF(a.Data); err != nil {
				return err
			}
			if a.Size != int64(len(a.Data)) || a.SHA256 != sha256Hex(a.Data) {
				return Errorf(EINVALID, "attachment: size or checksum does not match the file")
			}
		}
	}
	return nil
}

// ValidateTags checks that every tag is in the vocabulary, once, and that
// there are at most InputTagsMax.
func ValidateTags(tags []InputTag) error {
	if len(tags) > InputTagsMax {
		return Errorf(EINVALID, "tags: at most %d tags", InputTagsMax)
	}
	for i, t := range tags {
		if !t.Valid() {
			return Errorf(EINVALID, "tags: %q is not a known tag (see the list of tags)", t)
		}
		if slices.Contains(tags[:i], t) {
			return Errorf(EINVALID, "tags: %q is given twice", t)
		}
	}
	return nil
}

// ValidateEmail checks that s is a plain e-mail address (no display name).
func ValidateEmail(s string) error {
	if len(s) > InputEmailMax {
		return Errorf(EINVALID, "email: longer than %d characters", InputEmailMax)
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return Errorf(EINVALID, "email: %q is not an e-mail address like navn@example.no", s)
	}
	at := strings.LastIndexByte(s, '@')
	if at < 1 || !strings.Contains(s[at+1:], ".") || strings.ContainsAny(s, " <>\"") {
		return Errorf(EINVALID, "email: %q is not an e-mail address like navn@example.no", s)
	}
	return nil
}

// checkPlain checks that s is plain text of min to max characters: valid
// UTF-8, no control characters (newlines only where multiline), and no
// HTML markup.
func checkPlain(field, s string, minLen, max int, multiline bool) error {
	if !utf8.ValidString(s) {
		return Errorf(EINVALID, "%s: not valid UTF-8 text", field)
	}
	n := utf8.RuneCountInString(s)
	if n > max {
		return Errorf(EINVALID, "%s: %d characters is more than the limit of %d", field, n, max)
	}
	if n < minLen {
		if n == 0 {
			return Errorf(EINVALID, "%s: required", field)
		}
		return Errorf(EINVALID, "%s: at least %d characters", field, minLen)
	}
	for _, r := range s {
		if r == '\n' && multiline || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
			return Errorf(EINVALID, "%s: contains a control character (%U); write plain text", field, r)
		}
	}
	if m := htmlMarkup(s); m != "" {
		return Errorf(EINVALID, "%s: HTML markup (%q) is not accepted; write plain text, with a blank line between paragraphs", field, m)
	}
	return nil
}

// htmlMarkup returns the first thing in s that looks like HTML markup: a
// tag ("<script", "<a ", "</p", "<!--", "<?", "<img/") or an entity or
// character reference ("&lt;", "&#60;"). Plain comparisons such as
// "a < b" or "<5 000" pass.
func htmlMarkup(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			j := i + 1
			switch {
			case j == len(s):
			case s[j] == '!' || s[j] == '?':
				return snippet(s, i, j+1)
			case s[j] == '/' && j+1 < len(s) && isASCIILetter(s[j+1]):
				return snippet(s, i, j+2)
			default:
				k := j
				for k < len(s) && (isASCIILetter(s[k]) || k > j && s[k] >= '0' && s[k] <= '9') {
					k++
				}
				if k > j && (k == len(s) || strings.IndexByte(" \t\n/>", s[k]) >= 0) {
					return snippet(s, i, k+1)
				}
			}
		case '&':
			k := i + 1
			if k < len(s) && s[k] == '#' {
				k++
			}
			st := k
			for k < len(s) && k-st < 32 && (isASCIILetter(s[k]) || s[k] >= '0' && s[k] <= '9') {
				k++
			}
			if k > st && k < len(s) && s[k] == ';' {
				return snippet(s, i, k+1)
			}
		}
	}
	return ""
}

func snippet(s string, i, j int) string { return s[i:min(j, len(s))] }

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// Public returns the copy of in that may be shown to anyone: without the
// e-mail, the consent details, the attachment, the reference and the
// moderator, and without the name and organisation unless the sender chose
// to publish them.
func (in *Input) Public() Input {
	p := *in
	p.Reference = ""
	p.Email = ""
	p.Attachment = nil
	p.Moderator = ""
	p.ConsentVersion = ""
	p.TextHash = ""
	if !in.PublishName {
		p.Name, p.Organisation = "", ""
	}
	p.Tags = slices.Clone(in.Tags)
	p.Scenarios = slices.Clone(in.Scenarios)
	return p
}

// Paragraphs splits the text at blank lines, for display.
func (in *Input) Paragraphs() []string {
	var out []string
	for _, p := range strings.Split(in.Text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// HasTag reports whether the input carries t.
func (in *Input) HasTag(t InputTag) bool { return slices.Contains(in.Tags, t) }

// NewInputReference returns a fresh receipt reference: "INN-" and 16
// characters of base32 (80 random bits).
func NewInputReference() string {
	var b [10]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return "INN-" + base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:])
}

// ParseInputReference parses a receipt reference, accepting lower case and
// surrounding space.
func ParseInputReference(s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	rest, ok := strings.CutPrefix(s, "INN-")
	if !ok || len(rest) != 16 {
		return "", Errorf(EINVALID, "reference: %q is not a receipt reference like INN-ABCDEFGHIJKLMNOP", s)
	}
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; !(c >= 'A' && c <= 'Z' || c >= '2' && c <= '7') {
			return "", Errorf(EINVALID, "reference: %q is not a receipt reference like INN-ABCDEFGHIJKLMNOP", s)
		}
	}
	return s, nil
}

// InputTextHash returns the SHA-256 (hex) of the text with case, spacing
// and punctuation removed: the same text sent twice, even re-typed with
// other line breaks, has the same hash.
func InputTextHash(text string) string {
	return sha256Hex([]byte(strings.Join(InputTerms(text, -1), " ")))
}

// InputTerms splits s into search terms the way both stores index text:
// runs of letters and decimal digits (any script), lower-cased. Everything else
// separates terms. Terms longer than 64 bytes are dropped. At most max
// terms are returned; max < 0 means all.
//
// The stores index InputSearchText, which is these terms joined by
// spaces, so that SQLite FTS5 (unicode61) and PostgreSQL ('simple') see
// the same tokens and give the same results.
func InputTerms(s string, max int) []string {
	var out []string
	for t := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if max >= 0 && len(out) >= max {
			break
		}
		t = strings.ToLower(t)
		if len(t) > inputQueryTermBytes {
			continue
		}
		out = append(out, t)
	}
	return out
}

// InputQueryTerms returns the terms of a user's search query (at most 10,
// without repeats). An input matches when it contains every term, each as a
// word or the start of a word.
func InputQueryTerms(q string) []string {
	var out []string
	for _, t := range InputTerms(q, -1) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
		if len(out) == inputQueryTermsMax {
			break
		}
	}
	return out
}

// InputSearchText is the text the stores index for full-text search: the
// terms of the title and the text. Personal data is never indexed.
func InputSearchText(in *Input) string {
	return strings.Join(InputTerms(in.Title+"\n"+in.Text, -1), " ")
}

// NewInputAttachment checks that b is a PDF (CheckPDF) and returns the
// attachment with a sanitised name, the size and the checksum.
func NewInputAttachment(name string, b []byte) (*InputAttachment, error) {
	if err := CheckPDF(b); err != nil {
		return nil, err
	}
	return &InputAttachment{Name: SanitizeFileName(name), Size: int64(len(b)), SHA256: sha256Hex(b), Data: b}, nil
}

// SanitizeFileName returns a name that is safe to show and to put in a
// Content-Disposition header: the last path element, with only letters,
// digits, '.', '-' and '_' (others become '_'), at most 100 bytes, ending
// in ".pdf". It is never used as a path.
func SanitizeFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 128 && (isASCIILetter(byte(r)) || r >= '0' && r <= '9' || r == '-' || r == '_'):
			b.WriteRune(r)
		case r == '.':
			b.WriteByte('.')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	s := strings.Trim(b.String(), "._")
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	if lower := strings.ToLower(s); strings.HasSuffix(lower, ".pdf") {
		s = strings.TrimRight(s[:len(s)-4], "._")
	}
	for len(s) > 96 {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	if s == "" {
		s = "vedlegg"
	}
	return s + ".pdf"
}

// pdfForbidden lists PDF names that make a document act rather than be
// read: scripts, launching programs, embedded files and forms that run.
var pdfForbidden = []string{"JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "SubmitForm", "ImportData", "GoToE"}

// CheckPDF reports, as an EINVALID error naming the attachment, whether b
// is not an acceptable PDF: it must start with "%PDF-1." or "%PDF-2.",
// have "%%EOF" in its last 1 KiB, be at most 5 MiB, and name no active
// content (JavaScript, Launch actions, embedded files …, also when the
// name is written with #xx escapes). Active content inside compressed
// object streams is not seen; the file is therefore only ever served as a
// download with a sandboxing Content-Security-Policy.
func CheckPDF(b []byte) error {
	switch {
	case len(b) == 0:
		return Errorf(EINVALID, "attachment: the file is empty")
	case len(b) > InputAttachmentMax:
		return Errorf(EINVALID, "attachment: %d bytes is more than the limit of %d bytes (5 MiB)", len(b), InputAttachmentMax)
	case len(b) < 16 || !(string(b[:7]) == "%PDF-1." || string(b[:7]) == "%PDF-2.") || b[7] < '0' || b[7] > '9':
		return Errorf(EINVALID, "attachment: not a PDF file (it must start with %%PDF-); only PDF attachments are accepted")
	}
	tail := b[max(0, len(b)-1024):]
	if !strings.Contains(string(tail), "%%EOF") {
		return Errorf(EINVALID, "attachment: the PDF file is incomplete (no %%%%EOF at the end)")
	}
	if name := pdfActiveName(b); name != "" {
		return Errorf(EINVALID, "attachment: the PDF contains active content (/%s); send a PDF without scripts, actions or embedded files", name)
	}
	return nil
}

// pdfActiveName returns the first forbidden name object in b, decoded, or "".
func pdfActiveName(b []byte) string {
	for i := 0; i < len(b); i++ {
		if b[i] != '/' {
			continue
		}
		var name []byte
		j := i + 1
		for ; j < len(b) && len(name) < 64; j++ {
			c := b[j]
			if c <= ' ' || strings.IndexByte("/()<>[]{}%", c) >= 0 {
				break
			}
			if c == '#' && j+2 < len(b) {
				if v, err := hex.DecodeString(string(b[j+1 : j+3])); err == nil {
					name = append(name, v[0])
					j += 2
					continue
				}
			}
			name = append(name, c)
		}
		if slices.Contains(pdfForbidden, string(name)) {
			return string(name)
		}
		i = j - 1
	}
	return ""
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// InputModeration is an analyst's decision on an input.
type InputModeration struct {
	// Action is "publish", "reject" or "tags" (edit the tags only).
	Action string `json:"action"`
	// Reason is required to reject.
	Reason string `json:"reason,omitempty"`
	// Tags, when not nil, replace the input's tags.
	Tags []InputTag `json:"tags,omitempty"`
	// Version is the version the decision was made from.
	Version int `json:"version"`
	// Moderator is the analyst's login name.
	Moderator string `json:"-"`
}

// Moderation actions.
const (
	ModeratePublish = "publish"
	ModerateReject  = "reject"
	ModerateTags    = "tags"
)

// Validate checks the action, the reason and the tags.
func (m *InputModeration) Validate() error {
	switch m.Action {
	case ModeratePublish, ModerateTags:
	case ModerateReject:
		if strings.TrimSpace(m.Reason) == "" {
			return Errorf(EINVALID, "reason: a rejection needs a reason the sender can read")
		}
	default:
		return Errorf(EINVALID, "action: %q is not one of publish, reject, tags", m.Action)
	}
	if err := checkPlain("reason", strings.TrimSpace(m.Reason), 0, InputReasonMax, true); err != nil {
		return err
	}
	if m.Tags != nil {
		if err := ValidateTags(NormalizeTags(m.Tags)); err != nil {
			return err
		}
	}
	if m.Version < 1 {
		return Errorf(EINVALID, "version: give the version the decision was made from")
	}
	if strings.TrimSpace(m.Moderator) == "" {
		return Errorf(EINVALID, "moderator: required")
	}
	return nil
}

// InputFilter selects inputs. Zero fields match all.
type InputFilter struct {
	// Statuses keeps inputs with any of these statuses.
	Statuses []InputStatus
	// Tags keeps inputs with any of these tags.
	Tags         []InputTag
	Kind         InputKind
	Municipality MunicipalityNumber
	County       CountyNumber
	SenderType   SenderType
	// Query keeps inputs whose title or text contains every term of it
	// (InputQueryTerms), each as a word or the start of one.
	Query string
	// Limit (0: 50, at most 1000) and Offset page through the result.
	Limit  int
	Offset int
}

// InputCountLimit caps the total ListInputs reports: counting every match
// of a common word in a large collection would cost more than finding the
// page. A total of InputCountLimit+1 means "more than InputCountLimit".
const InputCountLimit = 1000

// TagCount is the number of inputs carrying a tag.
type TagCount struct {
	Tag   InputTag `json:"tag"`
	Count int      `json:"count"`
}

// MunicipalityCount is the number of inputs about a municipality.
type MunicipalityCount struct {
	Municipality MunicipalityNumber `json:"municipality"`
	Count        int                `json:"count"`
}

// InputStore keeps inputs (innspill). Every method that writes does so in
// one transaction: on error the store is left exactly as it was.
type InputStore interface {
	// CreateInput validates and stores a new input with status new and
	// version 1, and sets its ID, Reference (unless set), TextHash and
	// times. EINVALID for a bad input or an unknown municipality,
	// ECONFLICT if an input that is not withdrawn has the same text
	// (InputTextHash).
	CreateInput(ctx context.Context, in *Input) error

	// Input returns one input with everything the analysts see (not the
	// attachment's bytes). ENOTFOUND for an unknown id.
	Input(ctx context.Context, id int64) (*Input, error)

	// InputByReference returns the input with a receipt reference.
	// ENOTFOUND for an unknown reference.
	InputByReference(ctx context.Context, ref string) (*Input, error)

	// ListInputs returns one page of the inputs matching f, newest first
	// (then by id, descending), and how many match in all, counted up to
	// InputCountLimit+1.
	ListInputs(ctx context.Context, f InputFilter) ([]Input, int, error)

	// Moderate applies an analyst's decision to input id and returns the
	// input as stored. ECONFLICT if m.Version is not the current version
	// or the input is withdrawn or merged, ENOTFOUND for an unknown id.
	Moderate(ctx context.Context, id int64, m InputModeration) (*Input, error)

	// MergeInputs marks input from as a duplicate merged into input into:
	// from gets status merged, into gets from's tags and scenario links.
	// ECONFLICT if either is withdrawn or merged, or they are the same;
	// ENOTFOUND if either is unknown.
	MergeInputs(ctx context.Context, into, from int64, moderator string) error

	// Withdraw marks the input with the reference withdrawn: it is no
	// longer shown, and its text may be sent again. ENOTFOUND for an
	// unknown reference, ECONFLICT if it is already withdrawn.
	Withdraw(ctx context.Context, ref string) error

	// ErasePersonalData removes the name, organisation, e-mail address
	// and attachment of input id everywhere the store keeps them, and
	// sets ErasedAt; the rest stays as an anonymous record. ENOTFOUND for
	// an unknown id.
	ErasePersonalData(ctx context.Context, id int64) error

	// TagCounts counts, per tag of the vocabulary, the inputs matching f
	// (its Limit and Offset ignored), in vocabulary order; tags without
	// inputs count 0.
	TagCounts(ctx context.Context, f InputFilter) ([]TagCount, error)

	// CountsByMunicipality counts the inputs matching f (Limit and Offset
	// ignored) per municipality, by number; inputs without a
	// municipality are not counted.
	CountsByMunicipality(ctx context.Context, f InputFilter) ([]MunicipalityCount, error)

	// LinkScenario links an input to a scenario as its motivation;
	// linking twice is no error. UnlinkScenario removes the link.
	// ENOTFOUND if the input or scenario (or, for unlink, the link) is
	// unknown.
	LinkScenario(ctx context.Context, inputID int64, scenarioID string) error
	UnlinkScenario(ctx context.Context, inputID int64, scenarioID string) error

	// InputsForScenario returns the published inputs linked to a
	// scenario, oldest first.
	InputsForScenario(ctx context.Context, scenarioID string) ([]Input, error)

	// Attachment returns an input's attachment with its bytes. ENOTFOUND
	// if the input is unknown or has no attachment.
	Attachment(ctx context.Context, id int64) (*InputAttachment, error)
}
