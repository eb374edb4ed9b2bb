package web

import (
	"context"
	"fmt"
	"hash/fnv"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"generalist"
	"generalist/chart"
	"generalist/geomap"
)

// The public list of published inputs (/innspill): filters, full-text
// search, counts per tag, the map, paging and export links; and one
// published input.

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
	// ExportCSV, ExportExcel and ExportJSON download the whole selection.
	ExportCSV, ExportExcel, ExportJSON string
	// Filtered is true when the reader chose something to narrow the
	// list by, so that an empty list is the selection's, not the site's.
	Filtered bool
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
	// The page depends only on the query and the language (and the menu,
	// on whether the viewer is an analyst): it is built and rendered once
	// per query, when first asked for, and served from memory until a
	// published input changes (that moves the data version, decision 0015).
	norm := url.Values{}
	for k, v := range q {
		if k != "lang" {
			norm[k] = v
		}
	}
	return h.s.renderCached(w, r, "input/"+lang+"?"+norm.Encode(), "input_list.tmpl", func() (page, error) {
		d, err := h.listData(ctx, r, f, pageNo, norm)
		return page{Title: msg(lang, "input.title"), Nav: "input", Data: d, Query: norm}, err
	})
}

// listData gathers the list page of the published inputs f selects, page
// pageNo of the query q.
func (h *inputHandlers) listData(ctx context.Context, r *http.Request, f generalist.InputFilter, pageNo int, q url.Values) (inputListData, error) {
	lang := langOf(r)
	ins, total, err := h.s.store.ListInputs(ctx, f)
	if err != nil {
		return inputListData{}, err
	}
	// The counts per tag and the map cover the published inputs of the
	// place and kind chosen, not the text search (which would make them
	// cost as much as every match of a common word); the tag counts leave
	// out the tag filter too, so they say what choosing a tag would give.
	facets := generalist.InputFilter{Statuses: f.Statuses, Kind: f.Kind, Municipality: f.Municipality, County: f.County, Tags: f.Tags}
	counts, byMuni, err := h.facets.get(ctx, h.s.store, facets)
	if err != nil {
		return inputListData{}, err
	}
	p, err := h.places(ctx)
	if err != nil {
		return inputListData{}, err
	}
	d := inputListData{Filter: f, Total: total, Groups: tagGroups(lang, f.Tags, counts), Places: p, Page: pageNo,
		Filtered: f.Query != "" || f.Kind != "" || f.Municipality != "" || f.County != "" || f.SenderType != "" || len(f.Tags) > 0}
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
		return inputListData{}, err
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
	sel := ""
	if e := exp.Encode(); e != "" {
		sel = "&" + e
	}
	d.ExportCSV, d.ExportExcel, d.ExportJSON = "/api/v1/inputs/export?format=csv"+sel, "/api/v1/inputs/export?format="+formatExcel+sel, "/api/v1/inputs/export?format=json"+sel
	return d, nil
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
		title, unit := "Publiserte innspill per kommune", "innspill"
		if lang == "en" {
			title, unit = "Published inputs per municipality", "inputs"
		}
		fig, err := h.s.mapFigure(gm, geomap.Options{Values: values, Names: names, Limits: []float64{1, 2, 5, 10}, Title: title, Unit: unit,
			ID:     "input-map",
			Source: "Generalist, innspill", Format: func(v float64) string { return chart.FormatNumber(v, 0, lang) },
			Link: func(code string) string { return "/innspill?municipality=" + code }, Width: 420, Lang: lang}, lang)
		return []byte(fig), err
	})
	return template.HTML(b), err // drawn and escaped by geomap; no user text
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
