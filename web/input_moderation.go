package web

import (
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"generalist"
)

// Moderation (/innspill/moderering, analysts): the queue, one input with
// its possible duplicates, and the forms that publish, reject, tag, merge,
// erase personal data and link a scenario. A refused action shows the
// page again with the error. The actions themselves are shared with the
// API (input_api.go).

type inputQueueData struct {
	Filter   generalist.InputFilter
	Status   string
	Statuses []statusCount
	Inputs   []inputView
	Total    int
	Groups   []tagGroupView
}

type statusCount struct {
	Value, Label string
	Count        int
	Selected     bool
}

// moderationFilter reads the queue's filter: the list filter and status
// (default new; "alle" for every status).
func moderationFilter(q url.Values) (generalist.InputFilter, string, error) {
	f, err := parseInputFilter(q)
	if err != nil {
		return f, "", err
	}
	status := q.Get("status")
	switch {
	case status == "":
		status = string(generalist.InputNew)
		fallthrough
	case generalist.InputStatus(status).Valid():
		f.Statuses = []generalist.InputStatus{generalist.InputStatus(status)}
	case status == "alle" || status == "all":
	default:
		return f, "", generalist.Errorf(generalist.EINVALID, "status: %q is not one of new, published, rejected, withdrawn, merged, alle", status)
	}
	return f, status, nil
}

func (h *inputHandlers) queue(w http.ResponseWriter, r *http.Request) error {
	ctx, lang := r.Context(), langOf(r)
	f, status, err := moderationFilter(r.URL.Query())
	if err != nil {
		return err
	}
	if f.Limit == 0 {
		f.Limit = 200
	}
	ins, total, err := h.s.store.ListInputs(ctx, f)
	if err != nil {
		return err
	}
	p, err := h.places(ctx)
	if err != nil {
		return err
	}
	d := inputQueueData{Filter: f, Status: status, Total: total, Groups: tagGroups(lang, f.Tags, nil)}
	for _, s := range generalist.InputStatuses {
		_, n, err := h.s.store.ListInputs(ctx, generalist.InputFilter{Statuses: []generalist.InputStatus{s}, Limit: 1})
		if err != nil {
			return err
		}
		l := s.Label()
		if lang == "en" {
			l = s.LabelEN()
		}
		d.Statuses = append(d.Statuses, statusCount{Value: string(s), Label: l, Count: n, Selected: string(s) == status})
	}
	for i := range ins {
		d.Inputs = append(d.Inputs, p.view(&ins[i], lang, true))
	}
	h.render(w, r, http.StatusOK, "input_queue.tmpl", msg(lang, "input.moderation"), d)
	return nil
}

type inputModerateData struct {
	CSRF       string
	V          inputView
	Groups     []tagGroupView
	Duplicates []inputView
	Scenarios  []labelled
	Error      string
}

func (h *inputHandlers) moderation(w http.ResponseWriter, r *http.Request) error {
	return h.moderationPage(w, r, http.StatusOK, "")
}

func (h *inputHandlers) moderationPage(w http.ResponseWriter, r *http.Request, status int, errText string) error {
	ctx, lang := r.Context(), langOf(r)
	id, err := pathID(r)
	if err != nil {
		return err
	}
	in, err := h.s.store.Input(ctx, id)
	if err != nil {
		return err
	}
	p, err := h.places(ctx)
	if err != nil {
		return err
	}
	d := inputModerateData{CSRF: h.s.csrfToken(w, r), V: p.view(in, lang, true), Groups: tagGroups(lang, in.Tags, nil), Error: errText}
	// Possible duplicates: inputs sharing the two longest words of the title.
	terms := generalist.InputQueryTerms(in.Title)
	slices.SortStableFunc(terms, func(a, b string) int { return len(b) - len(a) })
	if len(terms) > 0 {
		dups, _, err := h.s.store.ListInputs(ctx, generalist.InputFilter{Query: strings.Join(terms[:min(2, len(terms))], " "),
			Statuses: []generalist.InputStatus{generalist.InputNew, generalist.InputPublished, generalist.InputRejected}, Limit: 6})
		if err != nil {
			return err
		}
		for i := range dups {
			if dups[i].ID != in.ID {
				d.Duplicates = append(d.Duplicates, p.view(&dups[i], lang, true))
			}
		}
	}
	scs, err := h.s.store.Scenarios(ctx)
	if err != nil {
		return err
	}
	for _, sc := range scs {
		d.Scenarios = append(d.Scenarios, labelled{sc.ID, sc.Name})
	}
	w.Header().Set("Cache-Control", "private, no-store")
	h.render(w, r, status, "input_moderate.tmpl", fmt.Sprintf("%s %d", msg(lang, "input.title"), in.ID), d)
	return nil
}

// moderationFailed shows the moderation page again with the error.
func (h *inputHandlers) moderationFailed(w http.ResponseWriter, r *http.Request, err error) error {
	if c := generalist.ErrorCode(err); c == generalist.ENOTFOUND && r.PathValue("id") != "" {
		if _, e := pathID(r); e != nil {
			return err
		}
	} else if c == generalist.EINTERNAL {
		return err
	}
	return h.moderationPage(w, r, statusOf[generalist.ErrorCode(err)], generalist.ErrorMessage(err))
}

func (h *inputHandlers) moderate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	m := generalist.InputModeration{Action: r.PostFormValue("action"), Reason: r.PostFormValue("reason"), Version: version, Tags: []generalist.InputTag{}}
	for _, t := range r.PostForm["tag"] {
		m.Tags = append(m.Tags, generalist.InputTag(t))
	}
	if _, err := h.moderateInput(r, id, m); err != nil {
		return h.moderationFailed(w, r, err)
	}
	key := "flash.input.tags"
	switch m.Action {
	case generalist.ModeratePublish:
		key = "flash.input.published"
	case generalist.ModerateReject:
		key = "flash.input.rejected"
	}
	redirectFlash(w, r, fmt.Sprintf("/innspill/moderering/%d", id), key)
	return nil
}

func (h *inputHandlers) merge(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	into, err := strconv.ParseInt(strings.TrimSpace(r.PostFormValue("into")), 10, 64)
	if err != nil {
		into = 0 // refused by mergeInput
	}
	if err := h.mergeInput(r, id, into); err != nil {
		return h.moderationFailed(w, r, err)
	}
	redirectFlash(w, r, fmt.Sprintf("/innspill/moderering/%d", into), "flash.input.merged")
	return nil
}

func (h *inputHandlers) erase(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if r.PostFormValue("confirm") == "" {
		return h.moderationFailed(w, r, generalist.Errorf(generalist.EINVALID, "confirm: tick the box to confirm the erasure"))
	}
	if err := h.eraseInput(r, id); err != nil {
		return h.moderationFailed(w, r, err)
	}
	redirectFlash(w, r, fmt.Sprintf("/innspill/moderering/%d", id), "flash.input.erased")
	return nil
}

func (h *inputHandlers) linkScenario(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	link := r.PostFormValue("op") != "unlink"
	if err := h.linkInput(r, id, r.PostFormValue("scenario"), link); err != nil {
		return h.moderationFailed(w, r, err)
	}
	key := "flash.input.linked"
	if !link {
		key = "flash.input.unlinked"
	}
	redirectFlash(w, r, fmt.Sprintf("/innspill/moderering/%d", id), key)
	return nil
}

// attachment serves an input's PDF to an analyst: as a download, never
// shown inline, under a Content-Security-Policy that sandboxes it.
func (h *inputHandlers) attachment(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	a, err := h.s.store.Attachment(r.Context(), id)
	if err != nil {
		return err
	}
	hd := w.Header()
	hd.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	hd.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": generalist.SanitizeFileName(a.Name)}))
	hd.Set("Cache-Control", "private, no-store")
	writeBytes(w, http.StatusOK, "application/pdf", a.Data)
	return nil
}

// The moderation actions, the same from the moderation page's forms and
// from the API: the signed-in analyst is the moderator.

func (h *inputHandlers) moderateInput(r *http.Request, id int64, m generalist.InputModeration) (*generalist.Input, error) {
	m.Moderator = h.s.viewer(r).Name()
	return h.s.store.Moderate(r.Context(), id, m)
}

// mergeInput merges input id into input into (EINVALID when into is not
// an input number).
func (h *inputHandlers) mergeInput(r *http.Request, id, into int64) error {
	if into < 1 {
		return generalist.Errorf(generalist.EINVALID, "into: give the number of the input to merge into")
	}
	return h.s.store.MergeInputs(r.Context(), into, id, h.s.viewer(r).Name())
}

func (h *inputHandlers) eraseInput(r *http.Request, id int64) error {
	return h.s.store.ErasePersonalData(r.Context(), id)
}

// linkInput links the input to a scenario as its motivation, or unlinks
// it.
func (h *inputHandlers) linkInput(r *http.Request, id int64, scenario string, link bool) error {
	if link {
		return h.s.store.LinkScenario(r.Context(), id, scenario)
	}
	return h.s.store.UnlinkScenario(r.Context(), id, scenario)
}
