package web

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"generalist"
	"generalist/chart"
	"generalist/geomap"
)

// Input (innspill): anyone may send a challenge or a solution without
// signing in (the form at /innspill/ny and POST /api/v1/inputs); analysts
// moderate at /innspill/moderering; the published inputs are listed,
// filtered, searched, counted, mapped and exported at /innspill and
// GET /api/v1/inputs.
//
// Abuse protection: the body limits of ServeHTTP and of the domain
// (generalist.ParseInput, CheckPDF), a per-address token bucket on
// submissions, a honeypot field on the form, duplicate detection in the
// store, and html/template escaping of everything stored (user text is
// never template.HTML). Attachments are served only to analysts, as
// downloads under a sandboxing Content-Security-Policy.

// Submissions per client address: a burst of inputBurst, refilled over
// inputPer.
const (
	inputBurst    = 5
	inputPer      = 10 * time.Minute
	inputPageSize = 25
	// honeypotField is the form field people do not see and bots fill.
	honeypotField = "nettsted"
)

// inputHandlers serves the input pages and API; it holds the rate limiter
// of submissions and the facets of the public list.
type inputHandlers struct {
	s      *Server
	limit  *tokenBuckets
	facets *facetCache
}

// facetCache keeps the counts per tag and per municipality of the public
// list for facetTTL: they count every published input of a selection,
// which costs far more than a page. A change made through this server
// clears it; one made by another process (or the CLI) shows within
// facetTTL.
type facetCache struct {
	mu      sync.Mutex
	now     func() time.Time
	entries map[string]facetEntry
}

type facetEntry struct {
	at    time.Time
	tags  []generalist.TagCount
	munis []generalist.MunicipalityCount
}

const facetTTL = 10 * time.Second

// get returns the facets of f, computing them when missing or old.
func (c *facetCache) get(ctx context.Context, st generalist.InputStore, f generalist.InputFilter) ([]generalist.TagCount, []generalist.MunicipalityCount, error) {
	key := fmt.Sprint(f.Statuses, f.Kind, f.Municipality, f.County, f.Tags)
	now := c.now()
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok && now.Sub(e.at) < facetTTL {
		return e.tags, e.munis, nil
	}
	noTags := f
	noTags.Tags = nil
	tags, err := st.TagCounts(ctx, noTags)
	if err != nil {
		return nil, nil, err
	}
	munis, err := st.CountsByMunicipality(ctx, f)
	if err != nil {
		return nil, nil, err
	}
	c.mu.Lock()
	if len(c.entries) > 1000 {
		clear(c.entries)
	}
	c.entries[key] = facetEntry{at: now, tags: tags, munis: munis}
	c.mu.Unlock()
	return tags, munis, nil
}

// clear forgets every entry, after a change.
func (c *facetCache) clear() {
	c.mu.Lock()
	clear(c.entries)
	c.mu.Unlock()
}

// changed wraps a handler that changes inputs: after it answers with
// success, the facets are computed anew.
func (h *inputHandlers) changed(fn handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		if err := fn(rec, r); err != nil {
			return err
		}
		if rec.status < 400 {
			h.facets.clear()
		}
		return nil
	}
}

// inputRoutes registers the input pages and API routes.
func (s *Server) inputRoutes() {
	h := &inputHandlers{s: s, limit: newTokenBuckets(inputBurst, inputPer, s.cfg.Now), facets: &facetCache{now: s.cfg.Now, entries: map[string]facetEntry{}}}
	s.page("GET /innspill", accessPublic, h.list)
	s.page("GET /innspill/ny", accessPublic, h.form)
	s.page("POST /innspill/ny", accessPublic, h.submit)
	s.page("GET /innspill/kvittering", accessPublic, h.lookup)
	s.page("GET /innspill/kvittering/{ref}", accessPublic, h.receipt)
	s.page("POST /innspill/kvittering/{ref}/trekk", accessPublic, h.changed(h.withdraw))
	s.page("GET /innspill/{id}", accessPublic, h.show)
	s.page("GET /innspill/moderering", accessAnalyst, h.queue)
	s.page("GET /innspill/moderering/{id}", accessAnalyst, h.moderation)
	s.page("POST /innspill/moderering/{id}", accessAnalyst, h.changed(h.moderate))
	s.page("POST /innspill/moderering/{id}/sammenslaing", accessAnalyst, h.changed(h.merge))
	s.page("POST /innspill/moderering/{id}/sletting", accessAnalyst, h.changed(h.erase))
	s.page("POST /innspill/moderering/{id}/scenario", accessAnalyst, h.changed(h.linkScenario))
	s.page("GET /innspill/moderering/{id}/vedlegg", accessAnalyst, h.attachment)

	s.api("GET /api/v1/inputs", accessPublic, h.apiList)
	s.api("POST /api/v1/inputs", accessPublic, h.apiCreate)
	s.api("GET /api/v1/inputs/vocabulary", accessPublic, h.apiVocabulary)
	s.api("GET /api/v1/inputs/counts", accessPublic, h.apiCounts)
	s.api("GET /api/v1/inputs/export", accessPublic, h.apiExport)
	s.api("GET /api/v1/inputs/{reference}", accessPublic, h.apiStatus)
	s.api("POST /api/v1/inputs/{reference}/withdraw", accessPublic, h.changed(h.apiWithdraw))
	s.api("GET /api/v1/moderation/inputs", accessAnalyst, h.apiQueue)
	s.api("GET /api/v1/moderation/inputs/{id}", accessAnalyst, h.apiInput)
	s.api("POST /api/v1/moderation/inputs/{id}", accessAnalyst, h.changed(h.apiModerate))
	s.api("POST /api/v1/moderation/inputs/{id}/merge", accessAnalyst, h.changed(h.apiMerge))
	s.api("POST /api/v1/moderation/inputs/{id}/erase", accessAnalyst, h.changed(h.apiErase))
	s.api("PUT /api/v1/moderation/inputs/{id}/scenarios/{scenario}", accessAnalyst, h.apiLink)
	s.api("DELETE /api/v1/moderation/inputs/{id}/scenarios/{scenario}", accessAnalyst, h.apiUnlink)
}

// inputPageNames are the templates of the input pages.
var inputPageNames = []string{"input_list.tmpl", "input_form.tmpl", "input_receipt.tmpl", "input_show.tmpl", "input_queue.tmpl", "input_moderate.tmpl"}

func (h *inputHandlers) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	h.s.render(w, r, status, name, page{Title: title, Nav: "input", Data: data})
}

// Views: what the templates show, with labels in the page's language.

type tagView struct {
	ID       generalist.InputTag
	Label    string
	Count    int
	Selected bool
}

type tagGroupView struct {
	Group, Label string
	Tags         []tagView
}

type inputView struct {
	In                     *generalist.Input
	Kind, Status, Sender   string
	Tags                   []tagView
	Place                  string
	From                   string
	Paragraphs             []string
	Excerpt                string
	Created, Published     string
	Erased                 string
	Scenarios              []string
	AttachmentSize         string
	Withdrawable, Editable bool
}

// places names municipalities and counties of the 2024 structure.
type places struct {
	Munis    []generalist.Municipality
	Counties []generalist.County
	muni     map[generalist.MunicipalityNumber]string
	county   map[generalist.CountyNumber]string
}

func (h *inputHandlers) places(ctx context.Context) (*places, error) {
	return get(ctx, h.s.cache, "input/places", func() (*places, error) {
		ms, err := h.s.store.Municipalities(ctx, generalist.Structure2024)
		if err != nil {
			return nil, err
		}
		cs, err := h.s.store.Counties(ctx, generalist.Structure2024)
		if err != nil {
			return nil, err
		}
		p := &places{Munis: ms, Counties: cs, muni: map[generalist.MunicipalityNumber]string{}, county: map[generalist.CountyNumber]string{}}
		for _, m := range ms {
			p.muni[m.Number] = m.ShortName
		}
		for _, c := range cs {
			p.county[generalist.CountyNumber(c.Number)] = c.Name
		}
		return p, nil
	})
}

func (p *places) label(in *generalist.Input) string {
	switch {
	case in.Municipality != "":
		if n, ok := p.muni[in.Municipality]; ok {
			return fmt.Sprintf("%s (%s)", n, in.Municipality)
		}
		return string(in.Municipality)
	case in.County != "":
		if n, ok := p.county[in.County]; ok {
			return n
		}
		return string(in.County)
	}
	return ""
}

func tagLabel(t generalist.InputTag, lang string) string {
	if lang == "en" {
		return t.LabelEN()
	}
	return t.Label()
}

// tagGroups returns the vocabulary by group, marking the selected tags and
// filling in the counts.
func tagGroups(lang string, selected []generalist.InputTag, counts []generalist.TagCount) []tagGroupView {
	n := map[generalist.InputTag]int{}
	for _, c := range counts {
		n[c.Tag] = c.Count
	}
	var out []tagGroupView
	for _, g := range generalist.TagGroups {
		nb, en := generalist.TagGroupLabel(g)
		v := tagGroupView{Group: g, Label: nb}
		if lang == "en" {
			v.Label = en
		}
		for _, t := range generalist.InputTags {
			if t.Group == g {
				v.Tags = append(v.Tags, tagView{ID: t.ID, Label: tagLabel(t.ID, lang), Count: n[t.ID], Selected: slices.Contains(selected, t.ID)})
			}
		}
		out = append(out, v)
	}
	return out
}

func formatDate(t time.Time) string { return t.In(oslo).Format("02.01.2006") }

func formatDateTime(t time.Time) string { return t.In(oslo).Format("02.01.2006 15:04") }

// oslo is Norway's time zone, for dates shown to people; UTC when the
// system has no zone data.
var oslo = func() *time.Location {
	if l, err := time.LoadLocation("Europe/Oslo"); err == nil {
		return l
	}
	return time.UTC
}()

// view prepares an input for a template. full is for analysts; otherwise
// only the public copy is used.
func (p *places) view(in *generalist.Input, lang string, full bool) inputView {
	c := *in
	if !full {
		c = in.Public()
	}
	v := inputView{In: &c, Place: p.label(&c), Paragraphs: c.Paragraphs(), Created: formatDate(c.CreatedAt), Scenarios: c.Scenarios}
	v.Kind, v.Status, v.Sender = c.Kind.Label(), c.Status.Label(), c.SenderType.Label()
	if lang == "en" {
		v.Kind, v.Status, v.Sender = c.Kind.LabelEN(), c.Status.LabelEN(), c.SenderType.LabelEN()
	}
	for _, t := range c.Tags {
		v.Tags = append(v.Tags, tagView{ID: t, Label: tagLabel(t, lang)})
	}
	if len(v.Paragraphs) > 0 {
		v.Excerpt = v.Paragraphs[0]
		if r := []rune(v.Excerpt); len(r) > 300 {
			v.Excerpt = strings.TrimSpace(string(r[:300])) + " …"
		}
	}
	if c.PublishedAt != nil {
		v.Published = formatDate(*c.PublishedAt)
	}
	if c.ErasedAt != nil {
		v.Erased = formatDate(*c.ErasedAt)
	}
	if c.Name != "" || c.Organisation != "" {
		v.From = strings.Trim(c.Name+", "+c.Organisation, ", ")
	}
	if c.Attachment != nil {
		v.AttachmentSize = chart.FormatNumber(float64(c.Attachment.Size)/1024, 0, lang) + " KiB"
	}
	v.Withdrawable = c.Status != generalist.InputWithdrawn
	v.Editable = c.Status != generalist.InputWithdrawn && c.Status != generalist.InputMerged
	return v
}

// parseInputFilter reads the filter of the list, the API and the export
// from the query: tag (repeated or comma-separated), kind, municipality,
// county, sender_type, q, limit and offset. Errors name the parameter.
// publishedFilter is parseInputFilter limited to the published inputs:
// what the public list, its API, counts and export show.
func publishedFilter(q url.Values) (generalist.InputFilter, error) {
	f, err := parseInputFilter(q)
	f.Statuses = []generalist.InputStatus{generalist.InputPublished}
	return f, err
}

func parseInputFilter(q url.Values) (generalist.InputFilter, error) {
	f := generalist.InputFilter{Query: strings.TrimSpace(q.Get("q"))}
	if len(f.Query) > 500 {
		return f, generalist.Errorf(generalist.EINVALID, "q: longer than 500 characters")
	}
	for _, v := range q["tag"] {
		for _, t := range strings.Split(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				f.Tags = append(f.Tags, generalist.InputTag(t))
			}
		}
	}
	f.Tags = generalist.NormalizeTags(f.Tags)
	if err := generalist.ValidateTags(f.Tags); err != nil {
		return f, generalist.Errorf(generalist.EINVALID, "tag: %s", strings.TrimPrefix(generalist.ErrorMessage(err), "tags: "))
	}
	if k := q.Get("kind"); k != "" {
		if f.Kind = generalist.InputKind(k); !f.Kind.Valid() {
			return f, generalist.Errorf(generalist.EINVALID, "kind: %q is not one of challenge, solution, both", k)
		}
	}
	if m := q.Get("municipality"); m != "" {
		n, err := generalist.ParseMunicipalityNumber(m)
		if err != nil {
			return f, generalist.Errorf(generalist.EINVALID, "municipality: %s", generalist.ErrorMessage(err))
		}
		f.Municipality = n
	}
	if c := q.Get("county"); c != "" {
		n, err := generalist.ParseCountyNumber(c)
		if err != nil {
			return f, generalist.Errorf(generalist.EINVALID, "county: %s", generalist.ErrorMessage(err))
		}
		f.County = n
	}
	if st := q.Get("sender_type"); st != "" {
		if f.SenderType = generalist.SenderType(st); !f.SenderType.Valid() {
			return f, generalist.Errorf(generalist.EINVALID, "sender_type: %q is not one of municipality, county, organisation, person", st)
		}
	}
	for _, p := range []struct {
		name string
		v    *int
		max  int
	}{{"limit", &f.Limit, 1000}, {"offset", &f.Offset, 1 << 30}} {
		if s := q.Get(p.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 || n > p.max {
				return f, generalist.Errorf(generalist.EINVALID, "%s: %q must be a whole number from 0 to %d", p.name, s, p.max)
			}
			*p.v = n
		}
	}
	return f, nil
}

// The public list.

type inputListData struct {
	Filter     generalist.InputFilter
	Inputs     []inputView
	Total      int
	TotalText  string
	Groups     []tagGroupView
	Places     *places
	Map        template.HTML
	Page       int
	Prev, Next string
	// ExportCSV and ExportJSON download the whole selection.
	ExportCSV, ExportJSON string
}

func (h *inputHandlers) list(w http.ResponseWriter, r *http.Request) error {
	ctx, lang := r.Context(), langOf(r)
	q := r.URL.Query()
	f, err := publishedFilter(q)
	if err != nil {
		return err
	}
	pageNo := 1
	if s := q.Get("side"); s != "" {
		if pageNo, err = strconv.Atoi(s); err != nil || pageNo < 1 || pageNo > 100000 {
			return generalist.Errorf(generalist.EINVALID, "side: %q is not a page number", s)
		}
	}
	f.Limit, f.Offset = inputPageSize, (pageNo-1)*inputPageSize
	ins, total, err := h.s.store.ListInputs(ctx, f)
	if err != nil {
		return err
	}
	// The counts per tag and the map cover the published inputs of the
	// place and kind chosen, not the text search (which would make them
	// cost as much as every match of a common word); the tag counts leave
	// out the tag filter too, so they say what choosing a tag would give.
	facets := generalist.InputFilter{Statuses: f.Statuses, Kind: f.Kind, Municipality: f.Municipality, County: f.County, Tags: f.Tags}
	counts, byMuni, err := h.facets.get(ctx, h.s.store, facets)
	if err != nil {
		return err
	}
	p, err := h.places(ctx)
	if err != nil {
		return err
	}
	d := inputListData{Filter: f, Total: total, Groups: tagGroups(lang, f.Tags, counts), Places: p, Page: pageNo}
	d.TotalText = fmt.Sprintf(msg(lang, "input.results"), total)
	if total == 1 {
		d.TotalText = msg(lang, "input.results.one")
	} else if total > generalist.InputCountLimit {
		d.TotalText = fmt.Sprintf(msg(lang, "input.results.more"), chart.FormatNumber(generalist.InputCountLimit, 0, lang))
	}
	for i := range ins {
		d.Inputs = append(d.Inputs, p.view(&ins[i], lang, false))
	}
	if d.Map, err = h.inputMap(r, byMuni, p); err != nil {
		return err
	}
	link := func(n int) string {
		c := url.Values{}
		for k, v := range q {
			c[k] = v
		}
		c.Set("side", strconv.Itoa(n))
		return "/innspill?" + c.Encode()
	}
	if pageNo > 1 {
		d.Prev = link(pageNo - 1)
	}
	if pageNo*inputPageSize < total {
		d.Next = link(pageNo + 1)
	}
	exp := url.Values{}
	for k, v := range q {
		if k != "side" && k != "lang" {
			exp[k] = v
		}
	}
	if e := exp.Encode(); e != "" {
		d.ExportCSV, d.ExportJSON = "/api/v1/inputs/export?format=csv&"+e, "/api/v1/inputs/export?format=json&"+e
	} else {
		d.ExportCSV, d.ExportJSON = "/api/v1/inputs/export?format=csv", "/api/v1/inputs/export?format=json"
	}
	h.render(w, r, http.StatusOK, "input_list.tmpl", msg(lang, "input.title"), d)
	return nil
}

// inputMap draws the number of published inputs per municipality.
func (h *inputHandlers) inputMap(r *http.Request, counts []generalist.MunicipalityCount, p *places) (template.HTML, error) {
	gm := h.s.mapOf(generalist.Structure2024)
	if gm == nil {
		return "", nil
	}
	values := map[string]float64{}
	names := map[string]string{}
	for _, m := range p.Munis {
		values[string(m.Number)] = 0
		names[string(m.Number)] = m.ShortName
	}
	hash := fnv.New64a()
	for _, c := range counts {
		if _, ok := values[string(c.Municipality)]; ok {
			values[string(c.Municipality)] = float64(c.Count)
		}
		fmt.Fprintf(hash, "%s=%d;", c.Municipality, c.Count)
	}
	lang := langOf(r)
	key := fmt.Sprintf("inputmap/%s/%x", lang, hash.Sum64())
	b, err := get(r.Context(), h.s.cache, key, func() ([]byte, error) {
		var buf bytes.Buffer
		title, unit := "Publiserte innspill per kommune", "innspill"
		if lang == "en" {
			title, unit = "Published inputs per municipality", "inputs"
		}
		err := gm.Render(&buf, geomap.Options{Values: values, Names: names, Limits: []float64{1, 2, 5, 10}, Title: title, Unit: unit,
			Palette: []string{"#e9edf0", "#c6dbef", "#6baed6", "#2171b5", "#08306b"}, ID: "input-map",
			Source: "Generalist, innspill", Format: func(v float64) string { return chart.FormatNumber(v, 0, lang) },
			Link: func(code string) string { return "/innspill?municipality=" + code }, Width: 420, Lang: lang})
		return buf.Bytes(), err
	})
	return template.HTML(b), err // drawn and escaped by geomap; no user text
}

// The submission form.

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
		if key, known := formFields[field]; ok && known {
			m = strings.TrimSuffix(strings.TrimSuffix(msg(lang, key), " (valgfritt)"), " (optional)") + ": " + rest
		} else {
			field = ""
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
	} else if err != http.ErrMissingFile {
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

// The receipt: status by reference, and withdrawal.

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

// One published input.

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, generalist.Errorf(generalist.ENOTFOUND, "no input %q", r.PathValue("id"))
	}
	return id, nil
}

func (h *inputHandlers) show(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	in, err := h.s.store.Input(r.Context(), id)
	if err == nil && in.Status != generalist.InputPublished {
		err = generalist.Errorf(generalist.ENOTFOUND, "no input %d", id)
	}
	if err != nil {
		return err
	}
	p, err := h.places(r.Context())
	if err != nil {
		return err
	}
	v := p.view(in, langOf(r), false)
	h.render(w, r, http.StatusOK, "input_show.tmpl", in.Title, struct {
		V       inputView
		Analyst bool
	}{v, accessAnalyst.allows(h.s.viewer(r).Role)})
	return nil
}

// Moderation.

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
	http.Redirect(w, r, fmt.Sprintf("/innspill/moderering/%d", id), http.StatusSeeOther)
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
	http.Redirect(w, r, fmt.Sprintf("/innspill/moderering/%d", into), http.StatusSeeOther)
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
	http.Redirect(w, r, fmt.Sprintf("/innspill/moderering/%d", id), http.StatusSeeOther)
	return nil
}

func (h *inputHandlers) linkScenario(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := h.linkInput(r, id, r.PostFormValue("scenario"), r.PostFormValue("op") != "unlink"); err != nil {
		return h.moderationFailed(w, r, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/innspill/moderering/%d", id), http.StatusSeeOther)
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

// scenarioInputs returns, per scenario id, the published inputs linked to
// the stored scenarios among scs, for the scenario report
// (report.Comparison.Inputs).
func (s *Server) scenarioInputs(ctx context.Context, scs []*generalist.Scenario) (map[string][]generalist.Input, error) {
	out := map[string][]generalist.Input{}
	for _, sc := range scs {
		if sc == nil || sc.ID == "" {
			continue
		}
		ins, err := s.store.InputsForScenario(ctx, sc.ID)
		if err != nil {
			return nil, err
		}
		if len(ins) > 0 {
			out[sc.ID] = ins
		}
	}
	return out, nil
}
