package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"generalist"
)

// apiCreate serves POST /api/v1/inputs: 201 with the reference, 400 naming
// the field, 409 for a text sent before, 413 for a body over the limit,
// 429 when the address has sent too many.
func (h *inputHandlers) apiCreate(w http.ResponseWriter, r *http.Request) error {
	if err := requireJSON(r, "the input"); err != nil {
		return err
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, generalist.InputBodyMax+1))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) || len(b) > generalist.InputBodyMax {
		h.s.tooLarge(w, r, generalist.InputBodyMax)
		return nil
	} else if err != nil {
		return generalist.Errorf(generalist.EINVALID, "body: could not be read")
	}
	in, err := generalist.ParseInput(b)
	if err != nil {
		return err
	}
	if ok, wait := h.limit.take(h.s.clientIP(r)); !ok {
		secs := int(wait.Seconds()) + 1
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"error": map[string]string{"code": "rate_limited",
			"message": fmt.Sprintf("too many inputs from this address: at most %d per %d minutes; try again in %d seconds", inputBurst, int(inputPer.Minutes()), secs)}})
		return nil
	}
	if err := h.s.store.CreateInput(r.Context(), in); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/inputs/"+in.Reference)
	writeJSON(w, http.StatusCreated, map[string]any{"reference": in.Reference, "status": in.Status,
		"status_url": "/api/v1/inputs/" + in.Reference, "receipt_url": "/innspill/kvittering/" + in.Reference})
	return nil
}

// apiList serves GET /api/v1/inputs: published inputs only.
func (h *inputHandlers) apiList(w http.ResponseWriter, r *http.Request) error {
	f, err := publishedFilter(r.URL.Query())
	if err != nil {
		return err
	}
	ins, total, err := h.listPage(r.Context(), &f)
	if err != nil {
		return err
	}
	out := make([]generalist.InputExport, len(ins))
	for i := range ins {
		out[i] = ins[i].Export()
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": total, "total_exact": total <= generalist.InputCountLimit, "limit": f.Limit, "offset": f.Offset, "inputs": out})
	return nil
}

type labelJSON struct {
	ID string `json:"id"`
	NB string `json:"nb"`
	EN string `json:"en"`
}

// apiVocabulary serves GET /api/v1/inputs/vocabulary: the kinds, sender
// types and tags a submission may use, the consent text and the limits.
func (h *inputHandlers) apiVocabulary(w http.ResponseWriter, r *http.Request) error {
	var kinds, senders []labelJSON
	for _, k := range generalist.InputKinds {
		kinds = append(kinds, labelJSON{string(k), k.Label(), k.LabelEN()})
	}
	for _, s := range generalist.SenderTypes {
		senders = append(senders, labelJSON{string(s), s.Label(), s.LabelEN()})
	}
	writeJSON(w, http.StatusOK, map[string]any{"kinds": kinds, "sender_types": senders, "tags": generalist.InputTags, "consent": generalist.InputConsent,
		"limits": map[string]int{"title": generalist.InputTitleMax, "text": generalist.InputTextMax, "text_min": generalist.InputTextMin,
			"tags": generalist.InputTagsMax, "attachment_bytes": generalist.InputAttachmentMax, "body_bytes": generalist.InputBodyMax,
			"submissions_per_10_minutes": inputBurst}})
	return nil
}

// apiCounts serves GET /api/v1/inputs/counts: published inputs matching the
// filter per tag (the tag filter left out) and per municipality.
func (h *inputHandlers) apiCounts(w http.ResponseWriter, r *http.Request) error {
	f, err := publishedFilter(r.URL.Query())
	if err != nil {
		return err
	}
	noTags := f
	noTags.Tags = nil
	tags, err := h.s.store.TagCounts(r.Context(), noTags)
	if err != nil {
		return err
	}
	munis, err := h.s.store.CountsByMunicipality(r.Context(), f)
	if err != nil {
		return err
	}
	_, total, err := h.s.store.ListInputs(r.Context(), generalist.InputFilter{Statuses: f.Statuses, Tags: f.Tags, Kind: f.Kind, Municipality: f.Municipality,
		County: f.County, SenderType: f.SenderType, Query: f.Query, Limit: 1})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": total, "tags": tags, "municipalities": munis})
	return nil
}

// apiExport serves GET /api/v1/inputs/export?format=csv|csv-excel|json:
// every published input matching the filter.
func (h *inputHandlers) apiExport(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		format = "json"
	}
	if format != "json" && format != "csv" && format != formatExcel {
		return generalist.Errorf(generalist.EINVALID, "format: %q is not json, csv or %s", format, formatExcel)
	}
	f, err := publishedFilter(q)
	if err != nil {
		return err
	}
	all, err := h.s.app.PublishedInputs(r.Context(), f)
	if err != nil {
		return err
	}
	if format == "json" {
		w.Header().Set("Content-Disposition", "attachment; filename=innspill.json")
		writeJSON(w, http.StatusOK, all)
		return nil
	}
	var buf bytes.Buffer
	if err := generalist.WriteInputsCSV(&buf, all); err != nil {
		return err
	}
	writeFormat(w, format, "innspill", buf.Bytes())
	return nil
}

// inputStatus is what the sender sees by the reference.
type inputStatus struct {
	Reference    string                 `json:"reference"`
	Status       generalist.InputStatus `json:"status"`
	RejectReason string                 `json:"reject_reason,omitempty"`
	MergedInto   int64                  `json:"merged_into,omitempty"`
	ID           int64                  `json:"id,omitempty"` // when published
	Kind         generalist.InputKind   `json:"kind"`
	Title        string                 `json:"title"`
	CreatedAt    time.Time              `json:"created_at"`
	UpdatedAt    time.Time              `json:"updated_at"`
	PublishedAt  *time.Time             `json:"published_at,omitempty"`
	Erased       bool                   `json:"personal_data_erased"`
}

func statusOfInput(in *generalist.Input) inputStatus {
	s := inputStatus{Reference: in.Reference, Status: in.Status, RejectReason: in.RejectReason, MergedInto: in.MergedInto, Kind: in.Kind, Title: in.Title,
		CreatedAt: in.CreatedAt, UpdatedAt: in.UpdatedAt, PublishedAt: in.PublishedAt, Erased: in.ErasedAt != nil}
	if in.Status == generalist.InputPublished {
		s.ID = in.ID
	}
	return s
}

// apiStatus serves GET /api/v1/inputs/{reference}.
func (h *inputHandlers) apiStatus(w http.ResponseWriter, r *http.Request) error {
	in, err := h.s.store.InputByReference(r.Context(), r.PathValue("reference"))
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "private, no-store")
	writeJSON(w, http.StatusOK, statusOfInput(in))
	return nil
}

// apiWithdraw serves POST /api/v1/inputs/{reference}/withdraw.
func (h *inputHandlers) apiWithdraw(w http.ResponseWriter, r *http.Request) error {
	if err := h.s.store.Withdraw(r.Context(), r.PathValue("reference")); err != nil {
		return err
	}
	in, err := h.s.store.InputByReference(r.Context(), r.PathValue("reference"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, statusOfInput(in))
	return nil
}

// apiQueue serves GET /api/v1/moderation/inputs (analysts): inputs of any
// status (?status=, default new; alle for all) with everything stored.
func (h *inputHandlers) apiQueue(w http.ResponseWriter, r *http.Request) error {
	f, _, err := moderationFilter(r.URL.Query())
	if err != nil {
		return err
	}
	ins, total, err := h.listPage(r.Context(), &f)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "private, no-store")
	writeJSON(w, http.StatusOK, map[string]any{"total": total, "limit": f.Limit, "offset": f.Offset, "inputs": ins})
	return nil
}

// listPage lists one page of the inputs f matches: 50 when f gives no
// limit (f is changed to say so, for the answer's "limit").
func (h *inputHandlers) listPage(ctx context.Context, f *generalist.InputFilter) ([]generalist.Input, int, error) {
	if f.Limit == 0 {
		f.Limit = 50
	}
	return h.s.store.ListInputs(ctx, *f)
}

func apiID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, generalist.Errorf(generalist.EINVALID, "id: %q is not an input number", r.PathValue("id"))
	}
	return id, nil
}

// apiInput serves GET /api/v1/moderation/inputs/{id}.
func (h *inputHandlers) apiInput(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r)
	if err != nil {
		return err
	}
	in, err := h.s.store.Input(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "private, no-store")
	writeJSON(w, http.StatusOK, in)
	return nil
}

// decodeStrict reads a small JSON body into v, refusing unknown fields
// and anything after the value.
func decodeStrict(w http.ResponseWriter, r *http.Request, v any) error {
	b, err := io.ReadAll(maxBytes(w, r, 64<<10))
	if err != nil {
		return generalist.Errorf(generalist.EINVALID, "body: %v", err)
	}
	if err := generalist.DecodeStrictJSON(b, v); err != nil {
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if f, ok := strings.CutPrefix(msg, "unknown field "); ok {
			return generalist.Errorf(generalist.EINVALID, "%s: unknown field", strings.Trim(f, `"`))
		}
		return generalist.Errorf(generalist.EINVALID, "body: %s", msg)
	}
	return nil
}

// apiModerate serves POST /api/v1/moderation/inputs/{id} with
// {"action": "publish"|"reject"|"tags", "reason", "tags", "version"}.
func (h *inputHandlers) apiModerate(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r)
	if err != nil {
		return err
	}
	var m generalist.InputModeration
	if err := decodeStrict(w, r, &m); err != nil {
		return err
	}
	in, err := h.moderateInput(r, id, m)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, in)
	return nil
}

// apiMerge serves POST /api/v1/moderation/inputs/{id}/merge with
// {"into": N}: input id is merged into input N.
func (h *inputHandlers) apiMerge(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r)
	if err != nil {
		return err
	}
	var body struct {
		Into int64 `json:"into"`
	}
	if err := decodeStrict(w, r, &body); err != nil {
		return err
	}
	if err := h.mergeInput(r, id, body.Into); err != nil {
		return err
	}
	return h.writeInput(w, r, body.Into)
}

// apiErase serves POST /api/v1/moderation/inputs/{id}/erase.
func (h *inputHandlers) apiErase(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r)
	if err != nil {
		return err
	}
	if err := h.eraseInput(r, id); err != nil {
		return err
	}
	return h.writeInput(w, r, id)
}

// apiLink and apiUnlink serve PUT and DELETE
// /api/v1/moderation/inputs/{id}/scenarios/{scenario}.
func (h *inputHandlers) apiLink(w http.ResponseWriter, r *http.Request) error {
	return h.apiLinkOp(w, r, true)
}

func (h *inputHandlers) apiUnlink(w http.ResponseWriter, r *http.Request) error {
	return h.apiLinkOp(w, r, false)
}

func (h *inputHandlers) apiLinkOp(w http.ResponseWriter, r *http.Request, link bool) error {
	id, err := apiID(r)
	if err != nil {
		return err
	}
	if err := h.linkInput(r, id, r.PathValue("scenario"), link); err != nil {
		return err
	}
	return h.writeInput(w, r, id)
}

// writeInput answers with everything stored of an input (for analysts).
func (h *inputHandlers) writeInput(w http.ResponseWriter, r *http.Request, id int64) error {
	in, err := h.s.store.Input(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, in)
	return nil
}
