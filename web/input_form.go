package web

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"generalist"
)

// The submission form (/innspill/ny), which shows itself again with the
// error next to the field, and the receipt: status by reference, and
// withdrawal.

type inputFormValues struct {
	Kind, Title, Text, Municipality, County, SenderType string
	Name, Organisation, Email                           string
	Tags                                                []string
	PublishName, Consent                                bool
}

type inputFormData struct {
	CSRF     string
	F        inputFormValues
	Error    string
	Field    string
	Groups   []tagGroupView
	Places   *places
	Kinds    []labelled
	Senders  []labelled
	Consent  string
	Version  string
	TextMax  int
	TitleMax int
	Honeypot string
}

type labelled struct{ Value, Label string }

func (h *inputHandlers) formData(w http.ResponseWriter, r *http.Request, f inputFormValues) (*inputFormData, error) {
	lang := langOf(r)
	p, err := h.places(r.Context())
	if err != nil {
		return nil, err
	}
	var tags []generalist.InputTag
	for _, t := range f.Tags {
		tags = append(tags, generalist.InputTag(t))
	}
	d := &inputFormData{CSRF: h.s.csrfToken(w, r), F: f, Groups: tagGroups(lang, tags, nil), Places: p,
		Consent: generalist.InputConsent.NB, Version: generalist.InputConsent.Version, TextMax: generalist.InputTextMax, TitleMax: generalist.InputTitleMax,
		Honeypot: honeypotField}
	if lang == "en" {
		d.Consent = generalist.InputConsent.EN
	}
	for _, k := range generalist.InputKinds {
		l := labelled{string(k), k.Label()}
		if lang == "en" {
			l.Label = k.LabelEN()
		}
		d.Kinds = append(d.Kinds, l)
	}
	for _, s := range generalist.SenderTypes {
		l := labelled{string(s), s.Label()}
		if lang == "en" {
			l.Label = s.LabelEN()
		}
		d.Senders = append(d.Senders, l)
	}
	return d, nil
}

func (h *inputHandlers) form(w http.ResponseWriter, r *http.Request) error {
	d, err := h.formData(w, r, inputFormValues{Kind: string(generalist.InputChallenge)})
	if err != nil {
		return err
	}
	h.render(w, r, http.StatusOK, "input_form.tmpl", msg(langOf(r), "input.new"), d)
	return nil
}

// formFields maps the domain's field names to the form's labels.
var formFields = map[string]string{
	"kind": "input.kind", "title": "input.field.title", "text": "input.field.text", "tags": "input.tags",
	"municipality": "input.municipality", "county": "input.county", "sender_type": "input.sendertype",
	"name": "input.name", "organisation": "input.organisation", "email": "input.email", "consent": "input.consent",
	"publish_name": "input.publishname", "attachment": "input.attachment",
}

func (h *inputHandlers) submit(w http.ResponseWriter, r *http.Request) error {
	lang := langOf(r)
	if err := r.ParseMultipartForm(1 << 20); err != nil && err != http.ErrNotMultipart {
		return generalist.Errorf(generalist.EINVALID, "the form could not be read: %v", err)
	}
	g := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := inputFormValues{Kind: g("kind"), Title: g("title"), Text: r.PostFormValue("text"), Municipality: g("municipality"), County: g("county"),
		SenderType: g("sender_type"), Name: g("name"), Organisation: g("organisation"), Email: g("email"), Tags: r.PostForm["tag"],
		PublishName: r.PostFormValue("publish_name") != "", Consent: r.PostFormValue("consent") != ""}
	fail := func(status int, field, text string) error {
		d, err := h.formData(w, r, f)
		if err != nil {
			return err
		}
		d.Error, d.Field = text, field
		h.render(w, r, status, "input_form.tmpl", msg(lang, "input.new"), d)
		return nil
	}
	failErr := func(err error) error {
		m := generalist.ErrorMessage(err)
		field, rest, ok := strings.Cut(m, ": ")
		if t, keyed := keyedText(lang, err); keyed {
			rest = t
		} else if lang != "en" && ok {
			rest = msg(lang, "err.input.field")
		}
		if key, known := formFields[field]; ok && known {
			m = strings.TrimSuffix(strings.TrimSuffix(msg(lang, key), " (valgfritt)"), " (optional)") + ": " + rest
		} else {
			field, m = "", rest
			if _, keyed := keyedText(lang, err); !keyed {
				m, _ = errorText(lang, err)
			}
		}
		if generalist.ErrorCode(err) == generalist.EINTERNAL {
			h.s.log.Error("store input", "err", err)
		}
		return fail(statusOf[generalist.ErrorCode(err)], field, m)
	}
	if r.PostFormValue(honeypotField) != "" {
		return fail(http.StatusBadRequest, "", fmt.Sprintf(msg(lang, "input.honeypot.filled"), msg(lang, "input.honeypot")))
	}
	sub := &generalist.InputSubmission{Kind: generalist.InputKind(f.Kind), Title: f.Title, Text: f.Text, Municipality: generalist.MunicipalityNumber(f.Municipality),
		County: generalist.CountyNumber(f.County), SenderType: generalist.SenderType(f.SenderType), Name: f.Name, Organisation: f.Organisation, Email: f.Email,
		Consent: f.Consent, PublishName: f.PublishName}
	for _, t := range f.Tags {
		sub.Tags = append(sub.Tags, generalist.InputTag(t))
	}
	if file, fh, err := r.FormFile("attachment"); err == nil {
		defer file.Close()
		if fh.Size > generalist.InputAttachmentMax {
			return fail(http.StatusRequestEntityTooLarge, "attachment", msg(lang, "input.attachment.toobig"))
		}
		b, err := io.ReadAll(io.LimitReader(file, generalist.InputAttachmentMax+1))
		if err != nil {
			return failErr(err)
		}
		if len(b) > 0 || fh.Filename != "" {
			sub.AttachmentName, sub.Attachment = fh.Filename, b
		}
	} else if err != http.ErrMissingFile && err != http.ErrNotMultipart {
		return failErr(generalist.Errorf(generalist.EINVALID, "attachment: the file could not be read"))
	}
	in, err := sub.Input()
	if err != nil {
		return failErr(err)
	}
	if ok, wait := h.limit.take(h.s.clientIP(r)); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		return fail(http.StatusTooManyRequests, "", fmt.Sprintf(msg(lang, "input.ratelimited"), fmt.Sprintf(msg(lang, "input.minutes"), int(wait.Minutes())+1)))
	}
	if err := h.s.store.CreateInput(r.Context(), in); err != nil {
		return failErr(err)
	}
	http.Redirect(w, r, "/innspill/kvittering/"+in.Reference+"?ny=1", http.StatusSeeOther)
	return nil
}

type inputReceiptData struct {
	CSRF      string
	Reference string
	New       bool
	V         inputView
}

func (h *inputHandlers) lookup(w http.ResponseWriter, r *http.Request) error {
	ref, err := generalist.ParseInputReference(r.URL.Query().Get("ref"))
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/innspill/kvittering/"+ref, http.StatusSeeOther)
	return nil
}

func (h *inputHandlers) receipt(w http.ResponseWriter, r *http.Request) error {
	in, err := h.s.store.InputByReference(r.Context(), r.PathValue("ref"))
	if err != nil {
		return err
	}
	p, err := h.places(r.Context())
	if err != nil {
		return err
	}
	// The reference is a secret: the page is not stored, nor sent onwards.
	w.Header().Set("Cache-Control", "private, no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	d := inputReceiptData{CSRF: h.s.csrfToken(w, r), Reference: in.Reference, New: r.URL.Query().Get("ny") != "", V: p.view(in, langOf(r), false)}
	h.render(w, r, http.StatusOK, "input_receipt.tmpl", msg(langOf(r), "input.receipt"), d)
	return nil
}

func (h *inputHandlers) withdraw(w http.ResponseWriter, r *http.Request) error {
	ref, err := generalist.ParseInputReference(r.PathValue("ref"))
	if err != nil {
		return err
	}
	if err := h.s.store.Withdraw(r.Context(), ref); err != nil {
		return err
	}
	http.Redirect(w, r, "/innspill/kvittering/"+ref, http.StatusSeeOther)
	return nil
}
