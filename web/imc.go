package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"generalist"
	"generalist/chart"
	"generalist/geomap"
	"generalist/imc"
)

// The cooperation registry (interkommunalt samarbeid): pages under
// /samarbeid and the API under /api/v1/imc. Everyone can read; changes need
// an editor or administrator account (see imcRoutes) and, in forms, the
// CSRF token that guard checks.

// imcRoutes registers the pages and API of the registry. Everyone may
// read it; a municipality editor changes the cooperations its municipality
// takes part in (checked in the handlers by canEditIMC), an administrator
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
}

// --- shared helpers

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
	if err != nil {
		return "", generalist.Errorf(generalist.EINVALID, "query parameter %s: %s", name, generalist.ErrorMessage(err))
	}
	return d, nil
}

// inhabitants reads the inhabitants of the 2024 structure on 1 January of
// year (0: the latest).
func (s *Server) inhabitants(r *http.Request, year int) (int, map[string]generalist.Persons, error) {
	years, err := s.store.PopulationYears(r.Context(), generalist.Structure2024)
	if err != nil {
		return 0, nil, err
	}
	if len(years) == 0 {
		return 0, nil, generalist.Errorf(generalist.EINVALID, "the store has no population for the 2024 structure")
	}
	if year == 0 {
		year = years[len(years)-1]
	}
	if !slices.Contains(years, year) {
		return 0, nil, generalist.Errorf(generalist.EINVALID, "no population on 1 January %d for the 2024 structure (years %d–%d)", year, years[0], years[len(years)-1])
	}
	recs, err := s.store.Populations(r.Context(), generalist.PopulationFilter{Structure: generalist.Structure2024, Year: year})
	if err != nil {
		return 0, nil, err
	}
	return year, imc.Inhabitants(recs), nil
}

// costRequest reads a cost calculation from the query: total (kroner),
// key (repeatable, default the agreement's and the common ones), year,
// and usage as usage_NUMBER=VOLUME or usage=NUMBER:VOLUME.
type costRequest struct {
	Total     generalist.Ore
	HasTotal  bool
	TotalText string
	Keys      []generalist.CostKey
	KeyText   string
	Year      int
	Usage     map[string]float64
	UsageText map[string]string
}

func parseCostRequest(q url.Values, c *generalist.IMC) (*costRequest, error) {
	cr := &costRequest{Usage: map[string]float64{}, UsageText: map[string]string{}, TotalText: q.Get("total")}
	if t := strings.TrimSpace(cr.TotalText); t != "" {
		v, err := generalist.ParseOre(t)
		if err != nil {
			return cr, generalist.Errorf(generalist.EINVALID, "query parameter total: %s", generalist.ErrorMessage(err))
		}
		cr.Total, cr.HasTotal = v, true
	}
	var texts []string
	for _, k := range q["key"] {
		for _, line := range strings.Split(k, "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			key, err := generalist.ParseCostKey(line)
			if err != nil {
				return cr, generalist.Errorf(generalist.EINVALID, "query parameter key: %s", generalist.ErrorMessage(err))
			}
			cr.Keys = append(cr.Keys, key)
			texts = append(texts, key.String())
		}
	}
	if len(cr.Keys) > 8 {
		return cr, generalist.Errorf(generalist.EINVALID, "query parameter key: at most 8 keys")
	}
	if len(cr.Keys) == 0 {
		cr.Keys = imc.DefaultKeys(c)
		for _, k := range cr.Keys {
			texts = append(texts, k.String())
		}
	}
	cr.KeyText = strings.Join(texts, "\n")
	if y := strings.TrimSpace(q.Get("year")); y != "" {
		v, err := strconv.Atoi(y)
		if err != nil {
			return cr, generalist.Errorf(generalist.EINVALID, "query parameter year %q is not a year", y)
		}
		cr.Year = v
	}
	set := func(num, vol string) error {
		if c.Participant(num) == nil {
			return generalist.Errorf(generalist.EINVALID, "usage: %s is not a participant", num)
		}
		if strings.TrimSpace(vol) == "" {
			return nil
		}
		v, err := generalist.ParseUsage(vol)
		if err != nil {
			return err
		}
		cr.Usage[num], cr.UsageText[num] = v, vol
		return nil
	}
	for _, u := range q["usage"] {
		num, vol, ok := strings.Cut(u, ":")
		if !ok {
			return cr, generalist.Errorf(generalist.EINVALID, "query parameter usage %q: write NUMBER:VOLUME", u)
		}
		if err := set(num, vol); err != nil {
			return cr, err
		}
	}
	for k, v := range q {
		if num, ok := strings.CutPrefix(k, "usage_"); ok && len(v) > 0 {
			if err := set(num, v[0]); err != nil {
				return cr, err
			}
		}
	}
	return cr, nil
}

func (s *Server) compareCosts(r *http.Request, c *generalist.IMC, cr *costRequest) (*imc.Comparison, int, error) {
	in := imc.InputFor(c)
	in.Usage = cr.Usage
	var err error
	if in.InhabitantsYear, in.Inhabitants, err = s.inhabitants(r, cr.Year); err != nil {
		return nil, 0, err
	}
	cmp, err := imc.Compare(cr.Total, cr.Keys, in)
	return cmp, in.InhabitantsYear, err
}

func exitRequest(q url.Values, c *generalist.IMC, today generalist.CalendarDate) (imc.ExitRequest, error) {
	req := imc.ExitRequest{Participant: strings.TrimSpace(q.Get("participant"))}
	var err error
	if req.Notice, err = dateParam(q, "date", today); err != nil {
		return req, err
	}
	if c.End != "" && req.Notice > c.End && q.Get("date") == "" {
		req.Notice = c.End
	}
	if req.Notice < c.Start && q.Get("date") == "" {
		req.Notice = c.Start
	}
	if req.BoundaryChange, err = dateParam(q, "boundary_change", ""); err != nil {
		return req, err
	}
	return req, nil
}

// exits answers the exit request for one participant, or for every one
// when none is named.
func exits(c *generalist.IMC, req imc.ExitRequest) ([]*imc.ExitAnswer, error) {
	var out []*imc.ExitAnswer
	for _, p := range c.Participants {
		if req.Participant != "" && p.Number != req.Participant {
			continue
		}
		r := req
		r.Participant = p.Number
		a, err := imc.Exit(c, r)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "%s is not a participant in %s", req.Participant, c.Name)
	}
	return out, nil
}

// --- API

func (s *Server) apiIMCList(w http.ResponseWriter, r *http.Request) error {
	f, err := imcFilter(r.URL.Query())
	if err != nil {
		return err
	}
	cs, err := s.store.IMCs(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"cooperations": cs, "caveat": imc.LawCaveat})
	return nil
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

// imcWrite is the body of POST and PUT: the cooperation and who changes
// it why.
type imcWrite struct {
	Author      string          `json:"author"`
	Note        string          `json:"note"`
	Cooperation json.RawMessage `json:"cooperation"`
	// Strict refuses a cooperation that fails a required legal check.
	Strict bool `json:"strict"`
}

// readIMCWrite reads a JSON write request: the media type must be JSON
// (a cross-site form cannot send it) and a browser's Origin this host.
func (s *Server) readIMCWrite(w http.ResponseWriter, r *http.Request) (*generalist.IMC, generalist.IMCEdit, bool, error) {
	var e generalist.IMCEdit
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		return nil, e, false, generalist.Errorf(generalist.EINVALID, "send the body as application/json")
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 4<<20))
	if err != nil {
		return nil, e, false, generalist.Errorf(generalist.EINVALID, "request body: %v", err)
	}
	var body imcWrite
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		return nil, e, false, generalist.Errorf(generalist.EINVALID, "request body: %s (send {\"author\": …, \"note\": …, \"cooperation\": {…}})", strings.TrimPrefix(err.Error(), "json: "))
	}
	if len(body.Cooperation) == 0 {
		return nil, e, false, generalist.Errorf(generalist.EINVALID, "request body: \"cooperation\" is required")
	}
	cs, err := imc.ParseJSON(body.Cooperation, "cooperation")
	if err != nil {
		return nil, e, false, err
	}
	if len(cs) != 1 {
		return nil, e, false, generalist.Errorf(generalist.EINVALID, "request body: give one cooperation, not %d", len(cs))
	}
	// The author is who is signed in; a body's author is kept only when
	// it names the same user (older scripts send it).
	e = generalist.IMCEdit{Author: s.viewer(r).Name(), Note: body.Note}
	if err := e.Validate(); err != nil {
		return nil, e, false, err
	}
	return &cs[0], e, body.Strict, nil
}

// vetIMC is imc.Validate and, when strict, the legal check.
func (s *Server) vetIMC(c *generalist.IMC, strict bool) error {
	if err := imc.Validate(c, s.shipped); err != nil {
		return err
	}
	if strict {
		if l := imc.Check(c, s.shipped, imc.Options{Today: s.today()}); !l.OK() {
			var ids []string
			for _, it := range l.Items {
				if it.Status == imc.Fail && it.Required {
					ids = append(ids, it.ID+" ("+it.Reference+")")
				}
			}
			return generalist.Errorf(generalist.EINVALID, "cooperation %q fails %d required legal check(s): %s", c.Name, l.Failed, strings.Join(ids, "; "))
		}
	}
	return nil
}

func (s *Server) apiIMCCreate(w http.ResponseWriter, r *http.Request) error {
	c, e, strict, err := s.readIMCWrite(w, r)
	if err != nil {
		return err
	}
	if err := s.mayEditIMC(r, nil, c); err != nil {
		return err
	}
	if err := s.vetIMC(c, strict); err != nil {
		return err
	}
	if err := s.store.CreateIMC(r.Context(), c, e); err != nil {
		return err
	}
	s.log.Info("cooperation created", "id", c.ID, "author", e.Author, "remote", r.RemoteAddr)
	w.Header().Set("Location", fmt.Sprintf("/api/v1/imc/%d", c.ID))
	w.Header().Set("ETag", etag(c.Version))
	writeJSON(w, http.StatusCreated, c)
	return nil
}

func etag(version int) string { return fmt.Sprintf(`"%d"`, version) }

// ifMatch returns the version of an If-Match header, or 0 without one.
func ifMatch(r *http.Request) (int, error) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" {
		return 0, nil
	}
	v, err := strconv.Atoi(strings.Trim(strings.TrimPrefix(h, "W/"), `"`))
	if err != nil || v <= 0 {
		return 0, generalist.Errorf(generalist.EINVALID, "If-Match %q: give the version as the ETag of GET, such as \"3\"", h)
	}
	return v, nil
}

func (s *Server) apiIMCUpdate(w http.ResponseWriter, r *http.Request) error {
	c, e, strict, err := s.readIMCWrite(w, r)
	if err != nil {
		return err
	}
	id, err := imcID(r)
	if err != nil {
		return err
	}
	if c.ID != 0 && c.ID != id {
		return generalist.Errorf(generalist.EINVALID, "the body's id %d differs from the path's %d", c.ID, id)
	}
	c.ID = id
	v, err := ifMatch(r)
	switch {
	case err != nil:
		return err
	case v != 0 && c.Version != 0 && v != c.Version:
		return generalist.Errorf(generalist.EINVALID, "If-Match says version %d but the body says %d", v, c.Version)
	case v != 0:
		c.Version = v
	case c.Version == 0:
		return generalist.Errorf(generalist.EINVALID, "give the version you changed (the body's version, or If-Match), so that a change made meanwhile is not lost")
	}
	cur, err := s.store.IMC(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.mayEditIMC(r, cur, c); err != nil {
		return err
	}
	if err := s.vetIMC(c, strict); err != nil {
		return err
	}
	if err := s.store.UpdateIMC(r.Context(), c, e); err != nil {
		return err
	}
	s.log.Info("cooperation changed", "id", c.ID, "version", c.Version, "author", e.Author, "remote", r.RemoteAddr)
	w.Header().Set("ETag", etag(c.Version))
	writeJSON(w, http.StatusOK, c)
	return nil
}

func (s *Server) apiIMCDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := imcID(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	v, err := ifMatch(r)
	if err != nil {
		return err
	}
	if qv := q.Get("version"); qv != "" {
		n, err := strconv.Atoi(qv)
		if err != nil || n <= 0 || v != 0 && v != n {
			return generalist.Errorf(generalist.EINVALID, "query parameter version %q must be the version you delete", qv)
		}
		v = n
	}
	if v == 0 {
		return generalist.Errorf(generalist.EINVALID, "give the version you delete (?version= or If-Match)")
	}
	e := generalist.IMCEdit{Author: s.viewer(r).Name(), Note: q.Get("note")}
	cur, err := s.store.IMC(r.Context(), id)
	if err == nil {
		// The version deleted must be the one checked.
		err = s.mayEditIMC(r, cur, &generalist.IMC{Name: cur.Name, Version: v, Participants: cur.Participants})
	}
	if err != nil {
		return err
	}
	if err := s.store.DeleteIMC(r.Context(), id, v, e); err != nil {
		return err
	}
	s.log.Info("cooperation deleted", "id", id, "author", e.Author, "remote", r.RemoteAddr)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiIMC(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(c.Version))
	writeJSON(w, http.StatusOK, c)
	return nil
}

func (s *Server) apiIMCHistory(w http.ResponseWriter, r *http.Request) error {
	id, err := imcID(r)
	if err != nil {
		return err
	}
	h, err := s.store.IMCHistory(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "revisions": h})
	return nil
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

func (s *Server) apiIMCVersion(w http.ResponseWriter, r *http.Request) error {
	c, err := s.versionOf(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, c)
	return nil
}

func (s *Server) apiIMCCheck(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	today, err := dateParam(r.URL.Query(), "date", s.today())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, checkBody(imc.Check(c, s.shipped, imc.Options{Today: today})))
	return nil
}

func checkBody(l *imc.Checklist) map[string]any {
	return map[string]any{"ok": l.OK(), "failed": l.Failed, "passed": l.Passed, "not_applicable": l.NotApplicable,
		"cannot_tell": l.CannotTell, "form": l.Form, "items": l.Items, "caveat": l.Caveat}
}

// apiIMCCheckBody checks the cooperation in the body without storing it.
func (s *Server) apiIMCCheckBody(w http.ResponseWriter, r *http.Request) error {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 4<<20))
	if err != nil {
		return generalist.Errorf(generalist.EINVALID, "request body: %v", err)
	}
	cs, err := imc.ParseJSON(b, "request body")
	if err != nil {
		return err
	}
	if len(cs) != 1 {
		return generalist.Errorf(generalist.EINVALID, "request body: give one cooperation, not %d", len(cs))
	}
	c := &cs[0]
	writeJSON(w, http.StatusOK, checkBody(imc.Check(c, s.shipped, imc.Options{Today: s.today(), Invalid: imc.Validate(c, s.shipped)})))
	return nil
}

func (s *Server) apiIMCRequirements(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query().Get("form")
	if v == "" {
		out := map[string][]imc.Requirement{}
		for _, f := range []generalist.IMCForm{generalist.FormIPR, generalist.FormKO, generalist.FormHostAdmin, generalist.FormHostBoard, generalist.FormIKS} {
			out[f.Alias()] = imc.Requirements(f)
		}
		writeJSON(w, http.StatusOK, map[string]any{"forms": out, "caveat": imc.LawCaveat})
		return nil
	}
	f, err := generalist.ParseIMCForm(v)
	if err != nil {
		return generalist.Errorf(generalist.EINVALID, "query parameter form: %s", generalist.ErrorMessage(err))
	}
	writeJSON(w, http.StatusOK, map[string]any{"forms": map[string][]imc.Requirement{f.Alias(): imc.Requirements(f)}, "caveat": imc.LawCaveat})
	return nil
}

func (s *Server) apiIMCAgreement(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "md" && format != "html" {
		return generalist.Errorf(generalist.EINVALID, "query parameter format %q: must be md or html", format)
	}
	d, err := imc.Render(c, s.shipped, nil, s.today())
	if err != nil {
		return err
	}
	name := fmt.Sprintf("samarbeidsavtale-%d-v%d", c.ID, c.Version)
	if format == "html" {
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.html"`)
		// The document carries its own print style.
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
		writeBytes(w, http.StatusOK, "text/html; charset=utf-8", []byte(d.Standalone()))
		return nil
	}
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`.md"`)
	writeBytes(w, http.StatusOK, "text/markdown; charset=utf-8", []byte(d.Markdown()))
	return nil
}

func (s *Server) apiIMCCosts(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	cr, err := parseCostRequest(r.URL.Query(), c)
	if err != nil {
		return err
	}
	if !cr.HasTotal {
		cr.Total, cr.HasTotal = c.Budget, c.Budget > 0
	}
	cmp, _, err := s.compareCosts(r, c, cr)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, cmp)
	return nil
}

func (s *Server) apiIMCExit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	req, err := exitRequest(r.URL.Query(), c, s.today())
	if err != nil {
		return err
	}
	as, err := exits(c, req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"notice": req.Notice, "exits": as})
	return nil
}

func (s *Server) apiIMCProcess(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	g := imc.Guide(c)
	done, total := imc.Done(g)
	writeJSON(w, http.StatusOK, map[string]any{"steps": g, "done": done, "total": total})
	return nil
}

func (s *Server) apiIMCNational(w http.ResponseWriter, r *http.Request) error {
	n, err := s.national(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, n)
	return nil
}

func (s *Server) national(r *http.Request) (*imc.National, error) {
	day, err := dateParam(r.URL.Query(), "date", s.today())
	if err != nil {
		return nil, err
	}
	cs, err := s.store.IMCs(r.Context(), generalist.IMCFilter{})
	if err != nil {
		return nil, err
	}
	return imc.NationalOverview(cs, s.shipped, day), nil
}

func (s *Server) apiIMCMunicipality(w http.ResponseWriter, r *http.Request) error {
	o, err := s.overview(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, o)
	return nil
}

// overview builds the overview of the municipality (or county) of the
// path.
func (s *Server) overview(r *http.Request) (*imc.MunicipalityOverview, error) {
	num := r.PathValue("number")
	name, err := s.participantName(r, num)
	if err != nil {
		return nil, err
	}
	day, err := dateParam(r.URL.Query(), "date", s.today())
	if err != nil {
		return nil, err
	}
	cs, err := s.store.IMCs(r.Context(), generalist.IMCFilter{Participant: num})
	if err != nil {
		return nil, err
	}
	pops := func(year int) (map[string]generalist.Persons, error) {
		_, m, err := s.inhabitants(r, year)
		return m, err
	}
	return imc.Overview(num, name, cs, s.shipped, pops, day), nil
}

func (s *Server) participantName(r *http.Request, num string) (string, error) {
	switch len(num) {
	case 4:
		ms, err := s.store.Municipalities(r.Context(), generalist.Structure2024)
		if err != nil {
			return "", err
		}
		for _, m := range ms {
			if string(m.Number) == num {
				return m.Name, nil
			}
		}
	case 2:
		cs, err := s.store.Counties(r.Context(), generalist.Structure2024)
		if err != nil {
			return "", err
		}
		for _, c := range cs {
			if string(c.Number) == num {
				return c.Name, nil
			}
		}
	}
	return "", generalist.Errorf(generalist.ENOTFOUND, "no municipality or county %q in the 2024 structure", num)
}

func (s *Server) apiIMCExport(w http.ResponseWriter, r *http.Request) error {
	format := r.URL.Query().Get("format")
	if format != "" && format != "json" && format != "csv" {
		return generalist.Errorf(generalist.EINVALID, "query parameter format %q: must be json or csv", format)
	}
	cs, err := s.store.IMCs(r.Context(), generalist.IMCFilter{})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if format == "csv" {
		if err := imc.ExportCSV(&buf, cs); err != nil {
			return err
		}
		w.Header().Set("Content-Disposition", `attachment; filename="samarbeid.csv"`)
		writeBytes(w, http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
		return nil
	}
	if err := imc.ExportJSON(&buf, cs); err != nil {
		return err
	}
	writeBytes(w, http.StatusOK, "application/json", buf.Bytes())
	return nil
}

// --- pages

// imcPage is what the registry's pages share: the cooperation (if any),
// whether editing is on, and the sub-navigation.
type imcPage struct {
	C          *generalist.IMC
	Tab        string
	AllowEdits bool
	CSRF       string
	Error      string
	// Version is set when an earlier version is shown.
	Version int
	Caveat  string
	Data    any
}

func (s *Server) imcRender(w http.ResponseWriter, r *http.Request, status int, name, title string, p imcPage) {
	v := s.viewer(r)
	p.AllowEdits = (v.Role == generalist.UserAdmin || v.Role == generalist.UserEditor && (p.C == nil || s.mayEditIMC(r, p.C, nil) == nil))
	p.CSRF = s.csrfToken(w, r)
	p.Caveat = imc.LawCaveat
	if langOf(r) == "en" {
		p.Caveat = imc.LawCaveatEN
	}
	s.render(w, r, status, name, page{Title: title, Nav: "imc", Data: p})
}

type imcListData struct {
	List     []imcRow
	National *imc.National
	Map      template.HTML
	Filter   generalist.IMCFilter
	FormText string
	Forms    []generalist.IMCForm
	Tasks    []generalist.Task
	Munis    []generalist.Municipality
}

type imcRow struct {
	C      *generalist.IMC
	Failed int
	Active bool
}

func (s *Server) handleIMCList(w http.ResponseWriter, r *http.Request) error {
	f, err := imcFilter(r.URL.Query())
	if err != nil {
		return err
	}
	cs, err := s.store.IMCs(r.Context(), f)
	if err != nil {
		return err
	}
	d := imcListData{Filter: f, FormText: r.URL.Query().Get("form"), Forms: generalist.IMCForms}
	d.Tasks = s.shipped.Tasks
	if d.Munis, err = s.store.Municipalities(r.Context(), generalist.Structure2024); err != nil {
		return err
	}
	today := s.today()
	for i := range cs {
		d.List = append(d.List, imcRow{C: &cs[i], Failed: imc.Check(&cs[i], s.shipped, imc.Options{Today: today}).Failed, Active: cs[i].ActiveOn(today)})
	}
	if d.National, err = s.national(r); err != nil {
		return err
	}
	if d.Map, err = s.imcMap(r, d.National, d.Munis); err != nil {
		return err
	}
	s.imcRender(w, r, http.StatusOK, "imc_list.tmpl", msg(langOf(r), "nav.imc"), imcPage{Data: d})
	return nil
}

// imcMap draws the number of cooperations each municipality takes part in.
func (s *Server) imcMap(r *http.Request, n *imc.National, ms []generalist.Municipality) (template.HTML, error) {
	gm := s.mapOf(generalist.Structure2024)
	if gm == nil || n.Total == 0 {
		return "", nil
	}
	values := map[string]float64{}
	names := map[string]string{}
	for _, m := range ms {
		values[string(m.Number)] = float64(n.PerParticipant[string(m.Number)])
		names[string(m.Number)] = m.ShortName
	}
	keys := make([]string, 0, len(n.PerParticipant))
	for k := range n.PerParticipant {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := fnv.New64a()
	for _, k := range keys {
		fmt.Fprintf(h, "%s=%d;", k, n.PerParticipant[k])
	}
	lang := langOf(r)
	key := fmt.Sprintf("imcmap/%s/%x", lang, h.Sum64())
	b, err := get(r.Context(), s.cache, key, func() ([]byte, error) {
		var buf bytes.Buffer
		title, unit := "Interkommunale samarbeid per kommune", "samarbeid"
		if lang == "en" {
			title, unit = "Inter-municipal cooperations per municipality", "cooperations"
		}
		// None is a pale grey, so that the municipalities that take part
		// stand out; from one cooperation on, blues.
		err := gm.Render(&buf, geomap.Options{Values: values, Names: names, Limits: []float64{1, 2, 3, 5}, Title: title, Unit: unit,
			Palette: []string{"#e9edf0", "#8fbfe0", "#4a8fc9", "#1f63a8", "#0b3a6f"}, ID: "imc-map",
			Source: "Generalist, samarbeidsregisteret", Format: func(v float64) string { return chart.FormatNumber(v, 0, lang) },
			Link: func(code string) string { return "/kommune/" + code + "/samarbeid" }, Width: 480, Lang: lang})
		return buf.Bytes(), err
	})
	return template.HTML(b), err // drawn and escaped by geomap
}

func (s *Server) handleIMCShow(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	return s.showIMC(w, r, c, 0)
}

func (s *Server) handleIMCVersion(w http.ResponseWriter, r *http.Request) error {
	c, err := s.versionOf(r)
	if err != nil {
		return err
	}
	return s.showIMC(w, r, c, c.Version)
}

// checkView is a checklist split into its groups for the pages.
type checkView struct {
	*imc.Checklist
	Groups []checkGroup
}

type checkGroup struct {
	Key   string
	Items []imc.Item
}

func checkViewOf(l *imc.Checklist) *checkView {
	v := &checkView{Checklist: l}
	for _, key := range []string{"innhold", "regel"} {
		g := checkGroup{Key: key}
		for _, it := range l.Items {
			if it.Group == key {
				g.Items = append(g.Items, it)
			}
		}
		if len(g.Items) > 0 {
			v.Groups = append(v.Groups, g)
		}
	}
	return v
}

type imcShowData struct {
	Checklist *checkView
	Tasks     []imcTaskView
	Guide     []imc.Progress
	Done      int
	Total     int
	Law       string
	HostLabel string
	// Entity is "ja" or "nei" as the agreement says, or "".
	Entity string
}

type imcTaskView struct {
	Name, ID, LegalBasis, Authority string
}

func (s *Server) taskViews(c *generalist.IMC) []imcTaskView {
	var out []imcTaskView
	for _, t := range c.Tasks {
		v := imcTaskView{ID: t.Task, Name: t.Text, Authority: imc.AuthorityText(t.Authority)}
		for _, ct := range s.shipped.Tasks {
			if ct.ID == t.Task {
				v.Name, v.LegalBasis = ct.NameNB, ct.LegalBasis
				if t.Text != "" {
					v.Name += " (" + t.Text + ")"
				}
			}
		}
		if v.Name == "" {
			v.Name = t.Task
		}
		out = append(out, v)
	}
	return out
}

func hostLabel(c *generalist.IMC) string {
	if p := c.Participant(c.Host); p != nil {
		return p.Label()
	}
	return c.Host
}

func (s *Server) showIMC(w http.ResponseWriter, r *http.Request, c *generalist.IMC, version int) error {
	d := imcShowData{Checklist: checkViewOf(imc.Check(c, s.shipped, imc.Options{Today: s.today()})), Tasks: s.taskViews(c), Guide: imc.Guide(c),
		Law: imc.GoverningLaw(c.Form), HostLabel: hostLabel(c)}
	if c.LegalEntity != nil {
		d.Entity = map[bool]string{true: "ja", false: "nei"}[*c.LegalEntity]
	}
	d.Done, d.Total = imc.Done(d.Guide)
	s.imcRender(w, r, http.StatusOK, "imc_show.tmpl", c.Name, imcPage{C: c, Tab: "show", Version: version, Data: d})
	return nil
}

type imcHistoryData struct {
	Revisions []generalist.IMCRevision
}

func (s *Server) handleIMCHistory(w http.ResponseWriter, r *http.Request) error {
	id, err := imcID(r)
	if err != nil {
		return err
	}
	h, err := s.store.IMCHistory(r.Context(), id)
	if err != nil {
		return err
	}
	// The latest version, also of a deleted cooperation, names the page.
	c, err := s.store.IMCVersion(r.Context(), id, h[len(h)-1].Version)
	if err != nil {
		return err
	}
	slices.Reverse(h)
	s.imcRender(w, r, http.StatusOK, "imc_history.tmpl", c.Name, imcPage{C: c, Tab: "history", Data: imcHistoryData{Revisions: h}})
	return nil
}

type imcAgreementData struct {
	Doc     *imc.Document
	HTML    template.HTML
	Missing int
}

func (s *Server) handleIMCAgreement(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	d, err := imc.Render(c, s.shipped, nil, s.today())
	if err != nil {
		return err
	}
	// The fragment is built from escaped text only (imc.markupToHTML).
	s.imcRender(w, r, http.StatusOK, "imc_agreement.tmpl", c.Name, imcPage{C: c, Tab: "agreement", Data: imcAgreementData{Doc: d, HTML: template.HTML(d.HTML()), Missing: d.Missing}})
	return nil
}

type imcCostsData struct {
	Req        *costRequest
	Table      *costTable
	Year       int
	Years      []int
	Usage      bool
	Error      string
	Names      map[string]string
	Numbers    []string
	BudgetNote string
}

func (s *Server) handleIMCCosts(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	d := imcCostsData{Names: map[string]string{}}
	for _, p := range c.Participants {
		d.Numbers = append(d.Numbers, p.Number)
		d.Names[p.Number] = p.Label()
	}
	if d.Years, err = s.store.PopulationYears(r.Context(), generalist.Structure2024); err != nil {
		return err
	}
	status := http.StatusOK
	d.Req, err = parseCostRequest(r.URL.Query(), c)
	if err == nil && !d.Req.HasTotal && c.Budget > 0 {
		d.Req.Total, d.Req.HasTotal, d.Req.TotalText = c.Budget, true, c.Budget.Kroner()
		d.BudgetNote = fmt.Sprint(c.BudgetYear)
	}
	for _, k := range d.Req.Keys {
		d.Usage = d.Usage || k.Has(generalist.BasisUsage)
	}
	if err == nil && d.Req.HasTotal {
		var cmp *imc.Comparison
		if cmp, d.Year, err = s.compareCosts(r, c, d.Req); err == nil {
			d.Table = costTableOf(cmp, d.Names)
		}
	}
	if err != nil {
		if generalist.ErrorCode(err) == generalist.EINTERNAL {
			return err
		}
		d.Error, status = generalist.ErrorMessage(err), http.StatusBadRequest
	}
	s.imcRender(w, r, status, "imc_costs.tmpl", c.Name, imcPage{C: c, Tab: "costs", Data: d})
	return nil
}

// costTable is a comparison laid out for the page: a row per
// participant, a column per key.
type costTable struct {
	Total  string
	Keys   []string
	Rows   []costRow
	Totals []string
}

type costRow struct {
	Label       string
	Inhabitants generalist.Persons
	Cells       []costCell
}

type costCell struct {
	Amount  string
	Percent float64
}

func costTableOf(cmp *imc.Comparison, names map[string]string) *costTable {
	t := &costTable{Total: cmp.Total.String()}
	for _, a := range cmp.Allocations {
		t.Keys = append(t.Keys, a.Key)
		t.Totals = append(t.Totals, a.Total.Kroner())
	}
	if len(cmp.Allocations) == 0 {
		return t
	}
	for i, r := range cmp.Allocations[0].Rows {
		row := costRow{Label: names[r.Number]}
		if row.Label == "" {
			row.Label = r.Number
		}
		for _, a := range cmp.Allocations {
			row.Cells = append(row.Cells, costCell{Amount: a.Rows[i].Amount.Kroner(), Percent: a.Rows[i].Fraction * 100})
			if a.Rows[i].Inhabitants > 0 {
				row.Inhabitants = a.Rows[i].Inhabitants
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

type imcExitData struct {
	Req     imc.ExitRequest
	Exits   []*imc.ExitAnswer
	Error   string
	Chosen  string
	Date    string
	Changed string
}

func (s *Server) handleIMCExit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	d := imcExitData{Chosen: q.Get("participant"), Date: q.Get("date"), Changed: q.Get("boundary_change")}
	status := http.StatusOK
	d.Req, err = exitRequest(q, c, s.today())
	if err == nil {
		d.Exits, err = exits(c, d.Req)
	}
	if err != nil {
		if generalist.ErrorCode(err) == generalist.EINTERNAL {
			return err
		}
		d.Error, status = generalist.ErrorMessage(err), http.StatusBadRequest
	}
	s.imcRender(w, r, status, "imc_exit.tmpl", c.Name, imcPage{C: c, Tab: "exit", Data: d})
	return nil
}

type imcProcessData struct {
	Guide    []imc.Progress
	Done     int
	Total    int
	Statuses []generalist.StepStatus
}

func (s *Server) handleIMCProcess(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	s.processPage(w, r, c, http.StatusOK, "")
	return nil
}

func (s *Server) processPage(w http.ResponseWriter, r *http.Request, c *generalist.IMC, status int, errText string) {
	d := imcProcessData{Guide: imc.Guide(c), Statuses: generalist.StepStatuses}
	d.Done, d.Total = imc.Done(d.Guide)
	s.imcRender(w, r, status, "imc_process.tmpl", c.Name, imcPage{C: c, Tab: "process", Error: errText, Data: d})
}

// checkForm reads a posted form and checks that editing is on, the CSRF
// token and the origin.
func (s *Server) checkForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
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

func (s *Server) handleIMCStep(w http.ResponseWriter, r *http.Request) error {
	if err := s.checkForm(w, r); err != nil {
		return err
	}
	c, err := s.loadIMC(r)
	if err == nil {
		err = s.mayEditIMC(r, c, nil)
	}
	if err != nil {
		return err
	}
	f := r.PostForm
	step := generalist.IMCStep{Step: f.Get("step"), Status: generalist.StepStatus(f.Get("status")), Owner: strings.TrimSpace(f.Get("owner")), Note: strings.TrimSpace(f.Get("step_note"))}
	err = func() error {
		if v := strings.TrimSpace(f.Get("date")); v != "" {
			d, err := generalist.ParseCalendarDate(v)
			if err != nil {
				return generalist.Errorf(generalist.EINVALID, "step %s: %s", step.Step, generalist.ErrorMessage(err))
			}
			step.Date = d
		}
		v, err := strconv.Atoi(f.Get("version"))
		if err != nil {
			return generalist.Errorf(generalist.EINVALID, "the form has no version; reload the page")
		}
		if v != c.Version {
			// The editor check above was made on version c.Version.
			return generalist.Errorf(generalist.ECONFLICT, "cooperation %q was changed since you read it (now version %d, you read version %d); reload it and make your change again", c.Name, c.Version, v)
		}
		c.Process = slices.Clone(c.Process)
		if old := c.Step(step.Step); old != nil {
			*old = step
		} else {
			c.Process = append(c.Process, step)
		}
		if err := s.vetIMC(c, false); err != nil {
			return err
		}
		return s.store.UpdateIMC(r.Context(), c, formEdit(r))
	}()
	if err != nil {
		if code := generalist.ErrorCode(err); code == generalist.EINTERNAL || code == generalist.ENOTFOUND {
			return err
		}
		fresh, ferr := s.loadIMC(r)
		if ferr != nil {
			return ferr
		}
		s.processPage(w, r, fresh, statusOf[generalist.ErrorCode(err)], generalist.ErrorMessage(err))
		return nil
	}
	s.cache.invalidate()
	http.Redirect(w, r, fmt.Sprintf("/samarbeid/%d/prosess#steg-%s", c.ID, step.Step), http.StatusSeeOther)
	return nil
}

type imcMunicipalityData struct {
	O *imc.MunicipalityOverview
}

func (s *Server) handleIMCMunicipality(w http.ResponseWriter, r *http.Request) error {
	o, err := s.overview(r)
	if err != nil {
		return err
	}
	s.imcRender(w, r, http.StatusOK, "imc_municipality.tmpl", o.Name, imcPage{Tab: "municipality", Data: imcMunicipalityData{O: o}})
	return nil
}

type imcLawData struct {
	Forms []imcLawForm
	Steps []imc.Step
}

type imcLawForm struct {
	Form         generalist.IMCForm
	Law          string
	Requirements []imc.Requirement
}

func (s *Server) handleIMCLaw(w http.ResponseWriter, r *http.Request) error {
	d := imcLawData{Steps: imc.Steps}
	for _, f := range generalist.IMCForms {
		d.Forms = append(d.Forms, imcLawForm{Form: f, Law: imc.GoverningLaw(f), Requirements: imc.Requirements(f)})
	}
	s.imcRender(w, r, http.StatusOK, "imc_law.tmpl", msg(langOf(r), "imc.law"), imcPage{Tab: "law", Data: d})
	return nil
}
