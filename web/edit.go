package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"generalist"
)

// handleParamChange records a change to a task parameter from the form on
// /oppgaver (POST /oppgaver/endring).
func (s *Server) handleParamChange(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		s.pageError(w, r, generalist.Errorf(generalist.EINVALID, "the form could not be read: %v", err))
		return
	}
	c := &generalist.ParamChange{Task: r.PostForm.Get("task"), Field: generalist.ParamField(r.PostForm.Get("field")),
		Note: strings.TrimSpace(r.PostForm.Get("note")), Author: s.viewer(r).Name()}
	if v := strings.TrimSpace(r.PostForm.Get("value")); v != "" {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
		if err != nil {
			s.tasksError(w, r, generalist.Errorf(generalist.EINVALID, "value %q is not a number (leave it empty to return to the shipped value)", v))
			return
		}
		c.Value = &f
	}
	if err := s.app.ChangeParam(r.Context(), c); err != nil {
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
	d := tasksPage{Catalogue: cat, AllowEdits: true, CSRF: s.csrfToken(w, r), Error: generalist.ErrorMessage(err)}
	d.History, _ = s.store.ParamChanges(r.Context())
	slices.Reverse(d.History)
	d.Roles = rolesOf(cat)
	s.render(w, r, http.StatusBadRequest, "tasks.tmpl", page{Title: msg(langOf(r), "nav.tasks"), Nav: "tasks", Data: d})
}
