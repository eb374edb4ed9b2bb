package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"generalist"
	"generalist/imc"
)

// The process of setting up a cooperation: the guide of steps, its page,
// and the form that records a step.

// process is a cooperation's process guide (kommuneloven, the steps to
// set up a cooperation) and how many of its steps are done.
type process struct {
	Guide []imc.Progress
	Done  int
	Total int
}

func processOf(c *generalist.IMC) process {
	p := process{Guide: imc.Guide(c)}
	p.Done, p.Total = imc.Done(p.Guide)
	return p
}

type imcProcessData struct {
	process
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
	d := imcProcessData{process: processOf(c), Statuses: generalist.StepStatuses}
	s.imcRender(w, r, status, "imc_process.tmpl", c.Name, imcPage{C: c, Tab: "process", Error: errText, Data: d})
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
			return generalist.Errorw(generalist.ECONFLICT, "err.imc.stale", "cooperation %q was changed since you read it (now version %d, you read version %d); reload it and make your change again", c.Name, c.Version, v)
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
	s.invalidate()
	redirectFlash(w, r, fmt.Sprintf("/samarbeid/%d/prosess#steg-%s", c.ID, step.Step), "flash.imc.step")
	return nil
}
