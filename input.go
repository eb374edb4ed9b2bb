package generalist

import (
	"crypto/rand"
	"encoding/base32"
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
			return Errorw(EINVALID, "err.input.county", "county: municipality %s is not in county %s", in.Municipality, in.County)
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
		return Errorw(EINVALID, "err.input.consent", "consent: the input can only be stored with consent to the consent text")
	}
	if in.ConsentVersion == "" {
		return Errorf(EINVALID, "consent_version: missing")
	}
	if in.PublishName && in.Name == "" && in.Organisation == "" {
		return Errorw(EINVALID, "err.input.publish", "publish_name: give a name or an organisation to publish, or leave it unchecked")
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
		return Errorw(EINVALID, "err.input.tagsmax", "tags: at most %d tags", InputTagsMax)
	}
	for i, t := range tags {
		if !t.Valid() {
			return Errorw(EINVALID, "err.input.tag", "tags: %q is not a known tag (see the list of tags)", t)
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
		return Errorw(EINVALID, "err.input.emaillen", "email: longer than %d characters", InputEmailMax)
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return Errorw(EINVALID, "err.input.email", "email: %q is not an e-mail address like navn@example.no", s)
	}
	at := strings.LastIndexByte(s, '@')
	if at < 1 || !strings.Contains(s[at+1:], ".") || strings.ContainsAny(s, " <>\"") {
		return Errorw(EINVALID, "err.input.email", "email: %q is not an e-mail address like navn@example.no", s)
	}
	return nil
}

// checkPlain checks that s is plain text of min to max characters: valid
// UTF-8, no control characters (newlines only where multiline), and no
// HTML markup.
func checkPlain(field, s string, minLen, max int, multiline bool) error {
	if !utf8.ValidString(s) {
		return Errorw(EINVALID, "err.input.utf8", "%s: not valid UTF-8 text", field)
	}
	n := utf8.RuneCountInString(s)
	if n > max {
		return Errorw(EINVALID, "err.input.maxlen", "%s: %d characters is more than the limit of %d", field, n, max)
	}
	if n < minLen {
		if n == 0 {
			return Errorw(EINVALID, "err.input.required", "%s: required", field)
		}
		return Errorw(EINVALID, "err.input.minlen", "%s: at least %d characters", field, minLen)
	}
	for _, r := range s {
		if r == '\n' && multiline || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
			return Errorw(EINVALID, "err.input.control", "%s: contains a control character (%U); write plain text", field, r)
		}
	}
	if m := htmlMarkup(s); m != "" {
		return Errorw(EINVALID, "err.input.html", "%s: HTML markup (%q) is not accepted; write plain text, with a blank line between paragraphs", field, m)
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

// InputTextHash returns the SHA-256 (hex) of the text's words: runs of
// letters and digits, lower-cased, joined by one space. The same text sent
// twice, even re-typed with other line breaks, spacing, case or
// punctuation, has the same hash, and a text is refused as a duplicate of
// another only when its words are the same. Unlike the search terms
// (InputTerms), no word is dropped for its length, so two different words
// of 70 letters differ; a text with no words at all ("?", "!!") is hashed
// as its characters other than white space, so "?" and "!" differ too.
// Texts with words hash as they did when long words were dropped, unless
// they have a word over 64 bytes, so stored hashes stay comparable.
func InputTextHash(text string) string {
	var words []string
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		words = append(words, strings.ToLower(w))
	}
	norm := strings.Join(words, " ")
	if norm == "" {
		norm = strings.Join(strings.Fields(strings.ToLower(text)), "")
	}
	return sha256Hex([]byte(norm))
}
