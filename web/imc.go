package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"generalist"
	"generalist/app"
	"generalist/imc"
)

// The cooperation registry (interkommunalt samarbeid): pages under
// /samarbeid and the API under /api/v1/imc. Everyone can read; changes need
// an editor or administrator account (see imcRoutes) and, in forms, the
// CSRF token that guard checks.

// imcRoutes registers the pages and API of the registry. Everyone may
// read it; a municipality editor changes the cooperations its municipality
// takes part in (checked in the handlers by mayEditIMC), an administrator
// any.
func (s *Server) imcRoutes() {
	s.page("GET /samarbeid", accessPublic, s.handleIMCList)
	s.page("GET /samarbeid/lovkrav", accessPublic, s.handleIMCLaw)
	s.page("GET /samarbeid/ny", accessPublic, s.handleIMCNew)
	s.page("POST /samarbeid/utkast", accessCompute, s.handleIMCDraft)
	s.page("POST /samarbeid", accessEditor, s.handleIMCCreate)
	s.page("GET /kommune/{number}/samarbeid", accessPublic, s.handleIMCMunicipality)
	s.page("GET /samarbeid/{imc}", accessPublic, s.handleIMCShow)
	s.page("POST /samarbeid/{imc}", accessEditor, s.handleIMCUpdate)
	s.page("GET /samarbeid/{imc}/endre", accessEditor, s.handleIMCEdit)
	s.page("POST /samarbeid/{imc}/slett", accessEditor, s.handleIMCDelete)
	s.page("GET /samarbeid/{imc}/historikk", accessPublic, s.handleIMCHistory)
	s.page("GET /samarbeid/{imc}/versjon/{version}", accessPublic, s.handleIMCVersion)
	s.page("GET /samarbeid/{imc}/avtale", accessPublic, s.handleIMCAgreement)
	s.page("GET /samarbeid/{imc}/kostnader", accessPublic, s.handleIMCCosts)
	s.page("GET /samarbeid/{imc}/uttreden", accessPublic, s.handleIMCExit)
	s.page("GET /samarbeid/{imc}/prosess", accessPublic, s.handleIMCProcess)
	s.page("POST /samarbeid/{imc}/prosess", accessEditor, s.handleIMCStep)

	s.api("GET /api/v1/imc", accessPublic, s.apiIMCList)
	s.api("POST /api/v1/imc", accessEditor, s.apiIMCCreate)
	s.api("GET /api/v1/imc/requirements", accessPublic, s.apiIMCRequirements)
	s.api("GET /api/v1/imc/overview", accessPublic, s.apiIMCNational)
	s.api("GET /api/v1/imc/export", accessPublic, s.apiIMCExport)
	s.api("POST /api/v1/imc/check", accessCompute, s.apiIMCCheckBody)
	s.api("GET /api/v1/imc/{imc}", accessPublic, s.apiIMC)
	s.api("PUT /api/v1/imc/{imc}", accessEditor, s.apiIMCUpdate)
	s.api("DELETE /api/v1/imc/{imc}", accessEditor, s.apiIMCDelete)
	s.api("GET /api/v1/imc/{imc}/history", accessPublic, s.apiIMCHistory)
	s.api("GET /api/v1/imc/{imc}/versions/{version}", accessPublic, s.apiIMCVersion)
	s.api("GET /api/v1/imc/{imc}/check", accessPublic, s.apiIMCCheck)
	s.api("GET /api/v1/imc/{imc}/agreement", accessPublic, s.apiIMCAgreement)
	s.api("GET /api/v1/imc/{imc}/costs", accessPublic, s.apiIMCCosts)
	s.api("GET /api/v1/imc/{imc}/exit", accessPublic, s.apiIMCExit)
	s.api("GET /api/v1/imc/{imc}/process", accessPublic, s.apiIMCProcess)
	s.api("GET /api/v1/municipalities/{number}/imc", accessPublic, s.apiIMCMunicipality)
	s.imcImportRoutes()
}

func (s *Server) today() generalist.CalendarDate { return generalist.DateOf(s.cfg.Now()) }

func imcID(r *http.Request) (int64, error) {
	v := r.PathValue("imc")
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, generalist.Errorf(generalist.ENOTFOUND, "no cooperation %q (the id is a number)", v)
	}
	return id, nil
}

// loadIMC reads the cooperation of the request's path.
func (s *Server) loadIMC(r *http.Request) (*generalist.IMC, error) {
	id, err := imcID(r)
	if err != nil {
		return nil, err
	}
	return s.store.IMC(r.Context(), id)
}

// dateParam parses an optional date query parameter; empty gives def.
func dateParam(q url.Values, name string, def generalist.CalendarDate) (generalist.CalendarDate, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return def, nil
	}
	d, err := generalist.ParseCalendarDate(v)
	if err != nil { // ParseCalendarDate's message, with a key for the pages
		return "", generalist.Errorw(generalist.EINVALID, "err.query.date", "query parameter %s: date %q: write it as 2026-01-31 (or 31.01.2026), a real day between 1800 and 2200", name, v)
	}
	return d, nil
}

// imcList reads the cooperations the query's filter selects.
func (s *Server) imcList(r *http.Request) (generalist.IMCFilter, []generalist.IMC, error) {
	f, err := imcFilter(r.URL.Query())
	if err != nil {
		return f, nil, err
	}
	cs, err := s.store.IMCs(r.Context(), f)
	return f, cs, err
}

func imcFilter(q url.Values) (generalist.IMCFilter, error) {
	f := generalist.IMCFilter{Participant: strings.TrimSpace(q.Get("municipality")), Task: strings.TrimSpace(q.Get("task"))}
	if v := q.Get("form"); v != "" {
		form, err := generalist.ParseIMCForm(v)
		if err != nil {
			return f, generalist.Errorf(generalist.EINVALID, "query parameter form: %s", generalist.ErrorMessage(err))
		}
		f.Form = form
	}
	var err error
	f.ActiveOn, err = dateParam(q, "active", "")
	return f, err
}

// vetIMC is app.VetCooperation on the shipped catalogue and today.
func (s *Server) vetIMC(c *generalist.IMC, strict bool) error {
	return app.VetCooperation(s.shipped, c, strict, s.today())
}

// imcHistory reads the revisions of the cooperation of the path, oldest
// first.
func (s *Server) imcHistory(r *http.Request) (int64, []generalist.IMCRevision, error) {
	id, err := imcID(r)
	if err != nil {
		return 0, nil, err
	}
	h, err := s.store.IMCHistory(r.Context(), id)
	return id, h, err
}

func (s *Server) versionOf(r *http.Request) (*generalist.IMC, error) {
	id, err := imcID(r)
	if err != nil {
		return nil, err
	}
	v, err := strconv.Atoi(r.PathValue("version"))
	if err != nil || v <= 0 {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no version %q (a number)", r.PathValue("version"))
	}
	return s.store.IMCVersion(r.Context(), id, v)
}

// national counts the registered cooperations on the query's date (today
// by default).
func (s *Server) national(r *http.Request) (*imc.National, error) {
	day, err := dateParam(r.URL.Query(), "date", s.today())
	if err != nil {
		return nil, err
	}
	return s.app.NationalOverview(r.Context(), day)
}

// overview is the cooperation overview of the municipality (or county)
// of the path on the query's date (today by default), with the shipped
// example cooperations when ?examples=1 asks for them.
func (s *Server) overview(r *http.Request) (*imc.MunicipalityOverview, error) {
	num := r.PathValue("number")
	day, err := dateParam(r.URL.Query(), "date", s.today())
	opts, oerr := todayOptions(r)
	if err == nil {
		err = oerr
	}
	if err != nil {
		// An unknown number is reported before a bad date or choice.
		if _, nerr := s.app.ParticipantName(r.Context(), num); nerr != nil {
			return nil, nerr
		}
		return nil, err
	}
	return s.app.CooperationOverviewWith(r.Context(), num, day, opts)
}

// checkForm reads a posted form of at most 1 MiB (the access rule and
// CSRF token were checked by guard).
func (s *Server) checkForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = maxBytes(w, r, 1<<20)
	if err := r.ParseForm(); err != nil {
		return generalist.Errorf(generalist.EINVALID, "the form could not be read: %v", err)
	}
	return nil
}

// formEdit is who changes a cooperation why: the signed-in user and the
// form's note.
func formEdit(r *http.Request) generalist.IMCEdit {
	return generalist.IMCEdit{Author: viewerOf(r).Name(), Note: strings.TrimSpace(r.PostForm.Get("note"))}
}
