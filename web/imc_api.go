package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"generalist"
	"generalist/imc"
)

// The registry's JSON API under /api/v1/imc: reading, writing with
// versions (ETag, If-Match), legal checks, agreement, costs, exit, process
// and the overviews. The data of each answer is loaded by the same
// function as the page that shows it.

func (s *Server) apiIMCList(w http.ResponseWriter, r *http.Request) error {
	return s.servePublic(w, r, s.imcListJSON) // the public's answer from memory (public.go)
}

func (s *Server) imcListJSON(w http.ResponseWriter, r *http.Request) error {
	_, cs, err := s.imcList(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"cooperations": cs, "caveat": imc.LawCaveat})
	return nil
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
	if err := requireJSON(r, "the cooperation"); err != nil {
		return nil, e, false, err
	}
	b, err := io.ReadAll(maxBytes(w, r, 4<<20))
	if err != nil {
		return nil, e, false, generalist.Errorf(generalist.EINVALID, "request body: %v", err)
	}
	var body imcWrite
	if err := generalist.DecodeStrictJSON(b, &body); err != nil {
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
	// The gzip answer's ETag ends in -gz (httpcache.go); it names the
	// same version.
	v, err := strconv.Atoi(strings.TrimSuffix(strings.Trim(strings.TrimPrefix(h, "W/"), `"`), "-gz"))
	if err != nil || v <= 0 {
		if len(h) > 40 { // not a version: say so without repeating it
			h = h[:40] + "…"
		}
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
	return s.servePublic(w, r, s.imcJSON) // the public's answer from memory (public.go)
}

func (s *Server) imcJSON(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadIMC(r)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(c.Version))
	writeJSON(w, http.StatusOK, c)
	return nil
}

func (s *Server) apiIMCHistory(w http.ResponseWriter, r *http.Request) error {
	id, h, err := s.imcHistory(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "revisions": h})
	return nil
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
	b, err := io.ReadAll(maxBytes(w, r, 4<<20))
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
	if err := s.app.NameParticipants(r.Context(), c); err != nil {
		return err
	}
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
	cr, err := costRequestOf(r.URL.Query(), c)
	if err != nil {
		return err
	}
	cmp, _, err := s.shareCosts(r, c, cr)
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
	req, as, err := s.exits(r.URL.Query(), c)
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
	p := processOf(c)
	writeJSON(w, http.StatusOK, map[string]any{"steps": p.Guide, "done": p.Done, "total": p.Total})
	return nil
}

func (s *Server) apiIMCNational(w http.ResponseWriter, r *http.Request) error {
	return s.servePublic(w, r, s.imcNationalJSON) // the public's answer from memory (public.go)
}

func (s *Server) imcNationalJSON(w http.ResponseWriter, r *http.Request) error {
	n, err := s.national(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, n)
	return nil
}

func (s *Server) apiIMCMunicipality(w http.ResponseWriter, r *http.Request) error {
	o, err := s.overview(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, o)
	return nil
}

func (s *Server) apiIMCExport(w http.ResponseWriter, r *http.Request) error {
	format, err := formatParam(r.URL.Query())
	if err != nil {
		return err
	}
	cs, err := s.store.IMCs(r.Context(), generalist.IMCFilter{})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if format != "json" {
		if err := imc.ExportCSV(&buf, cs); err != nil {
			return err
		}
		if format == formatExcel { // written with semicolons already
			x, err := generalist.ExcelCSVFrom(buf.Bytes(), ';')
			if err != nil {
				return err
			}
			writeFormat(w, "csv", "samarbeid-excel", x)
			return nil
		}
		writeFormat(w, format, "samarbeid", buf.Bytes())
		return nil
	}
	if err := imc.ExportJSON(&buf, cs); err != nil {
		return err
	}
	writeBytes(w, http.StatusOK, "application/json", buf.Bytes())
	return nil
}
