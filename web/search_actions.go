package web

import (
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"generalist"
	"generalist/app"
	"generalist/internal/nbfmt"
)

// Taking a structure search's proposal further: an analyst saves it as a
// merger scenario (app.SavePlan) and goes on to the comparison with
// today's system or to the plan editor, which opens saved scenarios. The
// form on the result (search_actions.tmpl) posts the search's own query,
// so the plan saved is the one the page showed: the same request gives
// the same result from the cache, or the same search again.

// handleSearchSave serves POST /sok/scenario.
func (s *Server) handleSearchSave(w http.ResponseWriter, r *http.Request) error {
	r.Body = maxBytes(w, r, 64<<10)
	if err := r.ParseForm(); err != nil {
		return generalist.Errorf(generalist.EINVALID, "the form could not be read: %v", err)
	}
	lang := langOf(r)
	f := r.PostForm
	to := f.Get("to")
	if to != "compare" && to != "editor" {
		return generalist.Errorf(generalist.EINVALID, "to %q: must be compare or editor", to)
	}
	name, r2, err := searchOfForm(r)
	if err != nil {
		return err
	}
	req, err := s.parseSearch(r2)
	if err != nil {
		return err
	}
	if req.Floor <= 0 && req.Task == "" {
		return generalist.Errorf(generalist.EINVALID, "the form carries no search; run the search again")
	}
	if to == "editor" && req.Structure != generalist.Structure2024 {
		return generalist.Errorf(generalist.EINVALID, "the plan editor works on the 2024 structure, not %d; save the proposal and compare it instead", req.Structure)
	}
	res, err := s.search(r.Context(), req)
	if err != nil {
		return err
	}
	if name == "" {
		name = searchScenarioName(lang, res)
	}
	search := &app.Search{Criteria: req.Criteria, Problem: res.prob, Unit: res.Unit}
	sc, err := s.app.SavePlan(r.Context(), search, res.plan, name, searchScenarioDescription(lang, res), viewerOf(r).Name())
	if err != nil {
		return err
	}
	s.invalidate()
	if to == "editor" {
		redirectFlash(w, r, "/scenarier/ny?"+url.Values{"id": {sc.ID}}.Encode(), "flash.scenario.fromplan.editor")
		return nil
	}
	redirectFlash(w, r, "/scenarier/sammenlign?"+url.Values{"id": {sc.ID}}.Encode(), "flash.scenario.fromplan")
	return nil
}

// searchOfForm reads a form that saves a search's result as a scenario
// (POST /sok/scenario, /sok/regioner/scenario), after ParseForm: the name
// (trimmed, at most 200 characters; "" asks for a name made from the
// result) and the search as a request for /sok, rebuilt from the search's
// own query, which the form carries in q.
func searchOfForm(r *http.Request) (name string, search *http.Request, err error) {
	name = strings.TrimSpace(r.PostForm.Get("name"))
	if n := utf8.RuneCountInString(name); n > 200 {
		return "", nil, generalist.Errorf(generalist.EINVALID, "name: at most 200 characters, not %d", n)
	}
	q, err := url.ParseQuery(r.PostForm.Get("q"))
	if err != nil {
		return "", nil, generalist.Errorf(generalist.EINVALID, "the form's search could not be read; run the search again")
	}
	search = r.Clone(r.Context())
	search.URL = &url.URL{Path: "/sok", RawQuery: q.Encode()}
	return name, search, nil
}

// searchFloorText is the search's floor as the page writes it: "10 000
// innbyggere", or "5 årsverk" for a task's staffing.
func searchFloorText(lang string, res *searchResult) string {
	nf := nbfmt.For(lang)
	if res.Unit == app.UnitFTE {
		return sprintf(msg(lang, "srch.act.fte"), paramText(nf, res.Floor))
	}
	return sprintf(msg(lang, "srch.act.inh"), nf.Decimal(res.Floor, 0))
}

// searchScenarioName is the name a saved proposal gets when the analyst
// gives none.
func searchScenarioName(lang string, res *searchResult) string {
	return sprintf(msg(lang, "srch.act.defname"), searchFloorText(lang, res), int(res.Structure), res.Year)
}

// searchScenarioDescription says where a saved proposal came from.
func searchScenarioDescription(lang string, res *searchResult) string {
	return sprintf(msg(lang, "srch.act.desc"), searchFloorText(lang, res), res.Merged, res.Count)
}
