package generalist

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// InputSubmission is the JSON body a sender posts (POST /api/v1/inputs).
// Only these fields are accepted.
type InputSubmission struct {
	Kind         InputKind          `json:"kind"`
	Title        string             `json:"title"`
	Text         string             `json:"text"`
	Tags         []InputTag         `json:"tags"`
	Municipality MunicipalityNumber `json:"municipality"`
	County       CountyNumber       `json:"county"`
	SenderType   SenderType         `json:"sender_type"`
	Name         string             `json:"name"`
	Organisation string             `json:"organisation"`
	Email        string             `json:"email"`
	Consent      bool               `json:"consent"`
	// ConsentVersion, when given, must be the current version of the
	// consent text (InputConsent.Version): a client showing an older text
	// is refused.
	ConsentVersion string `json:"consent_version"`
	PublishName    bool   `json:"publish_name"`
	// AttachmentName and Attachment (base64 in JSON) are an optional PDF.
	AttachmentName string `json:"attachment_name"`
	Attachment     []byte `json:"attachment"`
}

// Input returns the new input the submission describes (status new, the
// current consent version), normalised and validated. The errors are
// EINVALID and name the field.
func (s *InputSubmission) Input() (*Input, error) {
	if s.ConsentVersion != "" && s.ConsentVersion != InputConsent.Version {
		return nil, Errorf(EINVALID, "consent_version: %q is not the current consent text (%s); show the sender the current text", s.ConsentVersion, InputConsent.Version)
	}
	in := &Input{
		Kind: s.Kind, Title: s.Title, Text: s.Text, Tags: s.Tags,
		Municipality: s.Municipality, County: s.County, SenderType: s.SenderType,
		Name: s.Name, Organisation: s.Organisation, Email: s.Email,
		Consent: s.Consent, ConsentVersion: InputConsent.Version, PublishName: s.PublishName,
		Status: InputNew,
	}
	if s.Attachment != nil || s.AttachmentName != "" {
		a, err := NewInputAttachment(s.AttachmentName, s.Attachment)
		if err != nil {
			return nil, err
		}
		in.Attachment = a
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	return in, nil
}

// ParseInput reads a submission (the JSON body of POST /api/v1/inputs)
// strictly — unknown fields, wrong types, trailing data and bodies over
// InputBodyMax are refused — and returns the validated new input. Every
// error is EINVALID and names the field when there is one.
func ParseInput(b []byte) (*Input, error) {
	if len(b) > InputBodyMax {
		return nil, Errorf(EINVALID, "body: %d bytes is more than the limit of %d", len(b), InputBodyMax)
	}
	if !utf8.Valid(b) {
		return nil, Errorf(EINVALID, "body: not valid UTF-8")
	}
	var s InputSubmission
	if err := DecodeStrictJSON(b, &s); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		var extra *TrailingDataError
		switch {
		case err == io.EOF:
			return nil, Errorf(EINVALID, "body: empty; send a JSON object")
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, Errorf(EINVALID, "body: unexpected end of the JSON (a bracket or quote is not closed)")
		case errors.As(err, &se):
			return nil, Errorf(EINVALID, "body: invalid JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
		case errors.As(err, &te):
			if te.Field == "" {
				return nil, Errorf(EINVALID, "body: must be a JSON object, not %s", te.Value)
			}
			return nil, Errorf(EINVALID, "%s: must be %s, not %s", te.Field, jsonTypeName(te.Type.String()), te.Value)
		case errors.As(err, &extra):
			return nil, Errorf(EINVALID, "body: unexpected data after the JSON object")
		}
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if f, ok := strings.CutPrefix(msg, "unknown field "); ok {
			return nil, Errorf(EINVALID, "%s: unknown field", strings.Trim(f, `"`))
		}
		return nil, Errorf(EINVALID, "body: %s", msg)
	}
	return s.Input()
}

func jsonTypeName(t string) string {
	switch {
	case t == "bool":
		return "true or false"
	case t == "[]uint8":
		return "base64 text"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "float"):
		return "a number"
	}
	return "text"
}
