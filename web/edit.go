package web

import (
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"generalist"
)

// handleParamChange records a change to a task parameter from the form on
// /oppgaver (POST /oppgaver/endring).
func (s *Server) handleParamChange(w http.ResponseWriter, r *http.Request) error {
	r.Body = maxBytes(w, r, 16<<10)
	if err := r.ParseForm(); err != nil {
		return generalist.Errorf(generalist.EINVALID, "the form could not be read: %v", err)
	}
	c := &generalist.ParamChange{Task: r.PostForm.Get("task"), Field: generalist.ParamField(r.PostForm.Get("field")),
		Note: strings.TrimSpace(r.PostForm.Get("note")), Author: s.viewer(r).Name()}
	if v := strings.TrimSpace(r.PostForm.Get("value")); v != "" {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
		if err != nil {
			return s.tasksError(w, r, generalist.Errorw(generalist.EINVALID, "err.param.number", "value %q is not a number (leave it empty to return to the shipped value)", shortValue(v)))
		}
		if f != 0 && !(math.Abs(f) >= generalist.ParamMin/10 && math.Abs(f) <= 10*c.Field.Max()) {
			// Far outside the range: say so without writing the number
			// out, which for 1e308 would be 309 digits.
			return s.tasksError(w, r, generalist.Errorw(generalist.EINVALID, "err.param.outside", "value: the number is far outside the range; give 0 or a number from %g to %g", generalist.ParamMin, c.Field.Max()))
		}
		c.Value = &f
	}
	if err := s.app.ChangeParam(r.Context(), c); err != nil {
		return s.tasksError(w, r, err)
	}
	s.invalidate()
	s.log.Info("task parameter changed", "task", c.Task, "field", c.Field, "author", c.Author, "id", c.ID, "remote", r.RemoteAddr)
	redirectFlash(w, r, "/oppgaver#historikk", "flash.param")
	return nil
}

// tasksError shows the task page again with the error above the form.
// An internal error, or one reading the catalogue, is returned for the
// error page.
func (s *Server) tasksError(w http.ResponseWriter, r *http.Request, err error) error {
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return err
	}
	cat, err2 := s.catalogue(r.Context())
	if err2 != nil {
		return err2
	}
	d := tasksPage{Catalogue: cat, AllowEdits: true, CSRF: s.csrfToken(w, r)}
	d.Error, d.ErrorTech = errorText(langOf(r), err)
	d.History, _ = s.store.ParamChanges(r.Context())
	slices.Reverse(d.History)
	d.Roles, d.Tasks = rolesOf(cat), tasksByID(cat)
	s.render(w, r, http.StatusBadRequest, "tasks.tmpl", page{Title: msg(langOf(r), "nav.tasks"), Nav: "tasks", Data: d})
	return nil
}

// shortValue is a value as a refusal quotes it: at most 20 characters.
func shortValue(v string) string {
	if r := []rune(v); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return v
}
