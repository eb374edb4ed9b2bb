package generalist

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// ParamField names an editable number of a task's staffing model.
type ParamField string

// The editable fields.
const (
	FieldFTEPer1000 ParamField = "fte_per_1000"
	FieldMinTeam    ParamField = "min_team"
)

// The range of a staffing parameter (fte_per_1000, min_team), in the
// catalogue, in an analyst's change and in a scenario's norm: 0, or from
// ParamMin to ParamMax. The shipped values lie between 0.02 and 194.4.
// The bounds keep every figure the models derive from them finite and
// meaningful: a threshold min_team / fte_per_1000 × 1,000 of a
// denormal rate is +Inf, which JSON cannot carry, and no task calls for
// more than one full-time equivalent per inhabitant served (1,000 per
// 1,000) or a minimum team of over 1,000.
const (
	ParamMin = 0.001
	ParamMax = 1000
)

// paramRange states the range in error messages.
const paramRange = "give 0 or a number from 0.001 to 1000"

// ValidParamValue reports whether v is a value a staffing parameter may
// take: 0, or from ParamMin to ParamMax (NaN is not).
func ValidParamValue(v float64) bool {
	return v == 0 || v >= ParamMin && v <= ParamMax
}

// ParamChange is one edit of the task catalogue by an analyst: a new value
// for one parameter of one task, or (Value nil) a return to the shipped
// value. Changes are never deleted: the list of them is the history.
type ParamChange struct {
	ID     int64      `json:"id"`
	Task   string     `json:"task"`
	Field  ParamField `json:"field"`
	Value  *float64   `json:"value"` // nil: back to the shipped value
	Note   string     `json:"note"`
	Author string     `json:"author"`
	At     time.Time  `json:"at"`
}

// Validate checks the change against the shipped catalogue: a known task
// with a staffing model, a known field, a value in range (ValidParamValue),
// and a note and author (a change without a reason is not documentation).
func (c *ParamChange) Validate(cat *Catalogue) error {
	var task *Task
	for i := range cat.Tasks {
		if cat.Tasks[i].ID == c.Task {
			task = &cat.Tasks[i]
		}
	}
	if task == nil {
		return Errorf(EINVALID, "task %q is not in the catalogue", c.Task)
	}
	if task.Staffing == nil {
		return Errorf(EINVALID, "task %s has no staffing model to change", c.Task)
	}
	if c.Field != FieldFTEPer1000 && c.Field != FieldMinTeam {
		return Errorf(EINVALID, "field %q: must be fte_per_1000 or min_team", c.Field)
	}
	if v := c.Value; v != nil && !ValidParamValue(*v) {
		return Errorf(EINVALID, "task %s %s: %g is out of range: %s", c.Task, c.Field, *v, paramRange)
	}
	if c.Value != nil && strings.TrimSpace(c.Note) == "" {
		return Errorf(EINVALID, "task %s %s: say in a note what the new value rests on", c.Task, c.Field)
	}
	if strings.TrimSpace(c.Author) == "" {
		return Errorf(EINVALID, "task %s %s: the author of the change is required", c.Task, c.Field)
	}
	if len(c.Note) > 2000 || len(c.Author) > 200 {
		return Errorf(EINVALID, "task %s %s: note or author too long", c.Task, c.Field)
	}
	return nil
}

// ApplyChanges returns a copy of the shipped catalogue with the latest
// change of every parameter applied (changes are in order, oldest first).
// A changed value is an assumption whose note names the author, the date
// and the reason; a reset restores the shipped parameter exactly.
//
// A stored value out of range (ValidParamValue), which a looser check of
// an earlier version let in, is skipped as if it had not been made, so
// that one bad row cannot stop every model; RecordParamChange refuses
// such values now.
func ApplyChanges(shipped *Catalogue, changes []ParamChange) (*Catalogue, error) {
	out := &Catalogue{Version: shipped.Version, Tasks: make([]Task, len(shipped.Tasks))}
	copy(out.Tasks, shipped.Tasks)
	latest := map[[2]string]*ParamChange{}
	for i := range changes {
		if v := changes[i].Value; v != nil && !ValidParamValue(*v) {
			continue
		}
		if err := changes[i].Validate(shipped); err != nil {
			return nil, fmt.Errorf("change %d: %w", changes[i].ID, err)
		}
		latest[[2]string{changes[i].Task, string(changes[i].Field)}] = &changes[i]
	}
	edits := 0
	for i := range out.Tasks {
		t := &out.Tasks[i]
		if t.Staffing == nil {
			continue
		}
		s := *t.Staffing // copy: the shipped catalogue stays as it is
		for _, f := range []struct {
			field ParamField
			p     *Param
		}{{FieldFTEPer1000, &s.FTEPer1000}, {FieldMinTeam, &s.MinTeam}} {
			c := latest[[2]string{t.ID, string(f.field)}]
			if c == nil || c.Value == nil {
				continue
			}
			*f.p = Param{Value: *c.Value, Assumption: true,
				Note: fmt.Sprintf("Endret av %s %s: %s (levert verdi %g)", c.Author, c.At.Format("02.01.2006"), c.Note, f.p.Value)}
			edits++
		}
		t.Staffing = &s
	}
	if edits > 0 {
		out.Version = fmt.Sprintf("%s+%d endringer", shipped.Version, edits)
	}
	return out, nil
}

// CatalogueStore keeps the history of changes to the task catalogue.
type CatalogueStore interface {
	// RecordParamChange appends a change (validated against cat) and
	// sets its ID and time. EINVALID for a bad change.
	RecordParamChange(ctx context.Context, cat *Catalogue, c *ParamChange) error
	// ParamChanges returns every change, oldest first.
	ParamChanges(ctx context.Context) ([]ParamChange, error)
}
