package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"generalist"
)

// newCSRFToken returns a random token for the edit form. One per server
// process is enough while edits are a single-user, local mode
// (Config.AllowEdits); accounts and per-session tokens come with the
// shared deployment.
func newCSRFToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// handleParamChange records a change to a task parameter from the form on
// /oppgaver (POST /oppgaver/endring).
func (s *Server) handleParamChange(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.AllowEdits || s.cfg.Changes == nil || s.cfg.Catalogue == nil {
		s.pageError(w, r, generalist.Errorf(generalist.EINVALID, "editing the task parameters is not enabled on this server (start it with serve --allow-edits)"))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		s.pageError(w, r, generalist.Errorf(generalist.EINVALID, "the form could not be read: %v", err))
		return
	}
	if subtle.ConstantTimeCompare([]byte(r.PostForm.Get("csrf")), []byte(s.csrf)) != 1 || !s.sameOrigin(r) {
		s.pageError(w, r, generalist.Errorf(generalist.EINVALID, "the form is stale or comes from another site; reload the page and try again"))
		return
	}
	c := &generalist.ParamChange{Task: r.PostForm.Get("task"), Field: generalist.ParamField(r.PostForm.Get("field")),
		Note: strings.TrimSpace(r.PostForm.Get("note")), Author: strings.TrimSpace(r.PostForm.Get("author"))}
	if v := strings.TrimSpace(r.PostForm.Get("value")); v != "" {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
		if err != nil {
			s.tasksError(w, r, generalist.Errorf(generalist.EINVALID, "value %q is not a number (leave it empty to return to the shipped value)", v))
			return
		}
		c.Value = &f
	}
	if err := s.cfg.Changes.RecordParamChange(r.Context(), s.cfg.Catalogue, c); err != nil {
		s.tasksError(w, r, err)
		return
	}
	s.cache.invalidate()
	s.log.Info("task parameter changed", "task", c.Task, "field", c.Field, "author", c.Author, "id", c.ID, "remote", r.RemoteAddr)
	http.Redirect(w, r, "/oppgaver#historikk", http.StatusSeeOther)
}

// tasksError shows the task page again with the error above the form.
func (s *Server) tasksError(w http.ResponseWriter, r *http.Request, err error) {
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		s.pageError(w, r, err)
		return
	}
	cat, cerr := s.catalogue(r.Context())
	if cerr != nil {
		s.pageError(w, r, cerr)
		return
	}
	d := tasksPage{Catalogue: cat, AllowEdits: true, CSRF: s.csrf, Error: generalist.ErrorMessage(err)}
	d.History, _ = s.cfg.Changes.ParamChanges(r.Context())
	slices.Reverse(d.History)
	d.Roles = rolesOf(cat)
	s.render(w, r, http.StatusBadRequest, "tasks.tmpl", page{Title: msg(langOf(r), "nav.tasks"), Nav: "tasks", Data: d})
}

// sameOrigin reports whether a write may proceed: the request's Host is
// one this server trusts (see trustedHost), and its Origin (or, failing
// that, Referer) names that host; browsers send one of them with form
// posts and fetches.
func (s *Server) sameOrigin(r *http.Request) bool {
	if !s.trustedHost(r.Host) {
		return false
	}
	o := r.Header.Get("Origin")
	if o == "" {
		o = r.Header.Get("Referer")
	}
	if o == "" {
		return true // not a browser request across sites
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}

// trustedHost reports whether writes may come addressed to host: a
// loopback name or address, or one of Config.EditHosts. Checking the Host
// header stops DNS rebinding, where a page on another site reaches a
// local server under the attacker's host name (and so its own origin).
func (s *Server) trustedHost(host string) bool {
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	h = strings.Trim(h, "[]")
	if h == "localhost" || slices.Contains(s.cfg.EditHosts, h) {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
