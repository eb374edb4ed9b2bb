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

// ParamMin is the smallest value other than 0 a staffing parameter may
// take. The ranges keep every figure the models derive from the
// parameters finite and meaningful: the threshold min_team / fte_per_1000
// × 1,000 of a denormal rate is +Inf, which JSON cannot carry. The shipped
// values lie between 0.02 and 194.4.
const ParamMin = 0.001

// Max returns the largest value of a staffing parameter: 1,000 for
// fte_per_1000 (one full-time equivalent per inhabitant served) and
// 10,000 FTEs for min_team.
func (f ParamField) Max() float64 {
	if f == FieldMinTeam {
		return 10000
	}
	return 1000
}

// Valid reports whether v is a value the parameter may take, in the
// catalogue, in an analyst's change and in a scenario's norm: 0, or from
// ParamMin to f.Max() (NaN is not).
func (f ParamField) Valid(v float64) bool {
	return v == 0 || v >= ParamMin && v <= f.Max()
}

// term is the field as an error's parameter: the edge names it in its
// language (message keys "fteper1000" and "minteam").
func (f ParamField) term() Term {
	if f == FieldMinTeam {
		return Term{Key: "minteam", EN: string(f)}
	}
	return Term{Key: "fteper1000", EN: string(f)}
}

// rangeText states the range in error messages.
func (f ParamField) rangeText() string {
	return fmt.Sprintf("0 or from %g to %g", ParamMin, f.Max())
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
// with a staffing model, a known field, a value in range (ParamField.Valid),
// and a note and author (a change without a reason is not documentation).
func (c *ParamChange) Validate(cat *Catalogue) error {
	var task *Task
	for i := range cat.Tasks {
		if cat.Tasks[i].ID == c.Task {
			task = &cat.Tasks[i]
		}
	}
	if task == nil {
		return Errorw(EINVALID, "err.param.task", "task %q is not in the catalogue", c.Task)
	}
	if task.Staffing == nil {
		return Errorw(EINVALID, "err.param.nostaffing", "task %s has no staffing model to change", c.Task)
	}
	if c.Field != FieldFTEPer1000 && c.Field != FieldMinTeam {
		return Errorw(EINVALID, "err.param.field", "field %q: must be fte_per_1000 or min_team", c.Field)
	}
	if v := c.Value; v != nil && !c.Field.Valid(*v) {
		return Errorw(EINVALID, "err.param.range", "task %[1]s %[2]s: %[3]g must be a non-negative number, 0 or from %[4]g to %[5]g", c.Task, c.Field.term(), *v, ParamMin, c.Field.Max())
	}
	if c.Value != nil && strings.TrimSpace(c.Note) == "" {
		return Errorw(EINVALID, "err.param.note", "task %s %s: say in a note what the new value rests on", c.Task, c.Field.term())
	}
	if strings.TrimSpace(c.Author) == "" {
		return Errorw(EINVALID, "err.param.author", "task %s %s: the author of the change is required", c.Task, c.Field.term())
	}
	if len(c.Note) > 2000 || len(c.Author) > 200 {
		return Errorw(EINVALID, "err.param.long", "task %s %s: note or author too long", c.Task, c.Field.term())
	}
	return nil
}

// ApplyChanges returns a copy of the shipped catalogue with the latest
// change of every parameter applied (changes are in order, oldest first).
// A changed value is an assumption whose note names the author, the date
// and the reason; a reset restores the shipped parameter exactly.
//
// A stored value out of range (ParamField.Valid), which a looser check of
// an earlier version let in, is skipped as if it had not been made, so
// that one bad row cannot stop every model; RecordParamChange refuses
// such values now.
func ApplyChanges(shipped *Catalogue, changes []ParamChange) (*Catalogue, error) {
	out := &Catalogue{Version: shipped.Version, Tasks: make([]Task, len(shipped.Tasks))}
	copy(out.Tasks, shipped.Tasks)
	latest := map[[2]string]*ParamChange{}
	for i := range changes {
		if v := changes[i].Value; v != nil && !changes[i].Field.Valid(*v) {
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
				Note:   fmt.Sprintf("Endret av %s %s: %s (levert verdi %g)", c.Author, c.At.Format("02.01.2006"), c.Note, f.p.Value),
				NoteEN: fmt.Sprintf("Changed by %s on %s: %s (shipped value %g)", c.Author, c.At.Format("2006-01-02"), c.Note, f.p.Value)}
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
