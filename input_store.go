package generalist

import (
	"context"
	"strings"
)

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
