package imc

import (
	"fmt"
	"strings"

	"generalist"
)

// Validate is IMC.Validate plus what needs the task catalogue and the
// process guide: every task id is a task of the catalogue and every step
// id a step of the guide that applies to the form. The CLI and the web
// call it before they store a record; cat may be nil to skip the task
// check.
func Validate(c *generalist.IMC, cat *generalist.Catalogue) error {
	if err := c.Validate(); err != nil {
		return err
	}
	where := fmt.Sprintf("cooperation %q", strings.TrimSpace(c.Name))
	if cat != nil {
		known := map[string]bool{}
		for _, t := range cat.Tasks {
			known[t.ID] = true
		}
		for i, t := range c.Tasks {
			if t.Task != "" && !known[t.Task] {
				return generalist.Errorw(generalist.EINVALID, "err.imc.unknowntask", "%s, task %d: %q is not a task of the catalogue (see generalist tasks list); describe it in text instead", where, i+1, t.Task)
			}
		}
	}
	for i, s := range c.Process {
		step, ok := StepByID(s.Step)
		if !ok {
			var ids []string
			for _, s := range Steps {
				ids = append(ids, s.ID)
			}
			return generalist.Errorf(generalist.EINVALID, "%s, process step %d: %q is not a step of the guide (%s)", where, i+1, s.Step, strings.Join(ids, ", "))
		}
		if !step.Applies(c.Form) {
			return generalist.Errorf(generalist.EINVALID, "%s, process step %d: %s does not apply to a %s", where, i+1, s.Step, c.Form.Label())
		}
	}
	return nil
}
