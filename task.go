package generalist

import "strings"

// Role is one of the four roles of a municipality (NOU 2023:9).
type Role string

// The four roles, with the identifiers the data files use.
const (
	RoleServiceProvider Role = "tjenesteyter"
	RoleDemocraticArena Role = "demokratisk_arena"
	RoleAuthority       Role = "myndighetsutover"
	RoleCommunityDev    Role = "samfunnsutvikler"
)

// Roles lists the four roles.
var Roles = []Role{RoleServiceProvider, RoleDemocraticArena, RoleAuthority, RoleCommunityDev}

// Valid reports whether r is one of the four roles.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// Param is a number of the task catalogue with where it comes from. Either
// Source names a law, regulation or official guideline, or Assumption is
// true and Note says what the assumption rests on; the user can change it.
type Param struct {
	Value      float64 `json:"value"`
	Source     string  `json:"source,omitempty"`
	Assumption bool    `json:"assumption"`
	Note       string  `json:"note,omitempty"`
	// NoteEN is Note in English, for the English pages; empty where the
	// note exists in bokmål only.
	NoteEN string `json:"note_en,omitempty"`
}

// Validate checks that the value is in the range of the staffing
// parameter what names (ParamField.Valid) and that it is either sourced or
// marked as an assumption with a note.
func (p *Param) Validate(what string) error {
	if f := ParamField(what); !f.Valid(p.Value) {
		return Errorf(EINVALID, "%s: %g must be a non-negative number, %s", what, p.Value, f.rangeText())
	}
	if !p.Assumption && strings.TrimSpace(p.Source) == "" {
		return Errorf(EINVALID, "%s: give a source, or mark it as an assumption with a note", what)
	}
	if p.Assumption && strings.TrimSpace(p.Note) == "" {
		return Errorf(EINVALID, "%s: an assumption needs a note saying what it rests on", what)
	}
	return nil
}

// Staffing is a task's staffing model: the team the population it serves
// calls for, and the smallest team that makes a robust professional
// environment (fagmiljø).
type Staffing struct {
	// Served lists the cost-key age groups whose inhabitants the task
	// serves; empty means all inhabitants.
	Served []AgeGroup `json:"served,omitempty"`
	// FTEPer1000 is the full-time equivalents (årsverk) needed per 1,000
	// inhabitants served.
	FTEPer1000 Param `json:"fte_per_1000"`
	// MinTeam is the smallest team, in FTEs, that is a robust fagmiljø.
	MinTeam Param `json:"min_team"`
}

// Task is a statutory task of every municipality.
type Task struct {
	ID     string `json:"id"`
	NameNB string `json:"name_nb"`
	NameEN string `json:"name_en"`
	Role   Role   `json:"role"`
	Sector string `json:"sector"`
	// LegalBasis names the law and, where known, the section.
	LegalBasis string `json:"legal_basis"`
	// IndividualDecisions reports whether the task involves individual
	// decisions (enkeltvedtak); Regulations whether it involves
	// regulations (forskrift). Either limits the IMC forms that may carry
	// it (see IMCForm.Authority).
	IndividualDecisions bool `json:"individual_decisions"`
	Regulations         bool `json:"regulations"`
	// Forms lists the IMC forms the catalogue says may carry the task;
	// empty means no statement.
	Forms []IMCForm `json:"imc_forms,omitempty"`
	// Norm is the staffing or competence norm the law or an official
	// guideline sets, quoted, with NormSource; empty where none is found.
	Norm       string    `json:"norm,omitempty"`
	NormSource string    `json:"norm_source,omitempty"`
	Staffing   *Staffing `json:"staffing,omitempty"`
	Note       string    `json:"note,omitempty"`
	// NormEN and NoteEN are Norm and Note in English, for the English
	// pages; empty where the text exists in bokmål only. Law titles and
	// sources stay as they are.
	NormEN string `json:"norm_en,omitempty"`
	NoteEN string `json:"note_en,omitempty"`
}

// Authority reports whether the task involves decisions that only some IMC
// forms may be given (enkeltvedtak or forskrift).
func (t *Task) Authority() bool { return t.IndividualDecisions || t.Regulations }

// Assumption reports whether any number of the task is an assumption.
func (t *Task) Assumption() bool {
	return t.Staffing != nil && (t.Staffing.FTEPer1000.Assumption || t.Staffing.MinTeam.Assumption)
}

// Validate checks the task: id, names, a known role, a legal basis, valid
// and sourced parameters, and that no listed IMC form is one that may not
// exercise authority when the task involves it.
func (t *Task) Validate() error {
	head := taskHead{kind: "task", nameNBColumn: "name_nb", id: t.ID, nameNB: t.NameNB, nameEN: t.NameEN, role: t.Role, sector: t.Sector}
	if err := head.validate(); err != nil {
		return err
	}
	if strings.TrimSpace(t.LegalBasis) == "" {
		return Errorf(EINVALID, "task %s: legal_basis is required", t.ID)
	}
	for _, f := range t.Forms {
		if !f.Valid() {
			return Errorf(EINVALID, "task %s: unknown IMC form %q", t.ID, f)
		}
		if t.Authority() && f.Authority() == AuthorityNo {
			return Errorf(EINVALID, "task %s involves enkeltvedtak or forskrift, which form %s may not exercise (kommuneloven §§ 18-1, 19-1)", t.ID, f)
		}
	}
	if s := t.Staffing; s != nil {
		seen := map[AgeGroup]bool{}
		for _, g := range s.Served {
			if g < 0 || int(g) >= NumAgeGroups || seen[g] {
				return Errorf(EINVALID, "task %s: served age group %d is unknown or repeated", t.ID, g)
			}
			seen[g] = true
		}
		// The field names are formatted only on error: Validate runs on
		// every capacity computation.
		if err := s.FTEPer1000.Validate("fte_per_1000"); err != nil {
			return Errorf(EINVALID, "task %s: %s", t.ID, ErrorMessage(err))
		}
		if err := s.MinTeam.Validate("min_team"); err != nil {
			return Errorf(EINVALID, "task %s: %s", t.ID, ErrorMessage(err))
		}
	}
	return nil
}

// taskHead is what a task of either catalogue (Task, CountyTask) has
// first, with the words its messages use: kind names the record ("task",
// "county task") and nameNBColumn the catalogue's column for the bokmål
// name.
type taskHead struct {
	kind, nameNBColumn         string
	id, nameNB, nameEN, sector string
	role                       Role
}

// validate checks an id that is one word, both names, one of the four
// roles and a sector.
func (h *taskHead) validate() error {
	if h.id == "" || strings.ContainsAny(h.id, " /\t\n") {
		return Errorf(EINVALID, "%s %q: id must be a non-empty word", h.kind, h.id)
	}
	if h.nameNB == "" || h.nameEN == "" {
		return Errorf(EINVALID, "%s %s: %s and name_en are required", h.kind, h.id, h.nameNBColumn)
	}
	if !h.role.Valid() {
		return Errorf(EINVALID, "%s %s: role %q must be one of tjenesteyter, demokratisk_arena, myndighetsutover, samfunnsutvikler", h.kind, h.id, h.role)
	}
	if h.sector == "" {
		return Errorf(EINVALID, "%s %s: sector is required", h.kind, h.id)
	}
	return nil
}

// Catalogue is a versioned set of tasks.
type Catalogue struct {
	Version string `json:"version"`
	Tasks   []Task `json:"tasks"`
}

// Validate checks every task and that ids are unique.
func (c *Catalogue) Validate() error {
	if c.Version == "" {
		return Errorf(EINVALID, "task catalogue: version is required")
	}
	return validateTasks("task catalogue", len(c.Tasks), func(i int) (string, error) { return c.Tasks[i].ID, c.Tasks[i].Validate() })
}

// validateTasks checks the n tasks of a catalogue in order: task(i) gives
// task i's id and the error of its own check, and no id may appear twice.
// catalogue names the catalogue in the message.
func validateTasks(catalogue string, n int, task func(i int) (id string, err error)) error {
	seen := map[string]bool{}
	for i := range n {
		id, err := task(i)
		if err != nil {
			return err
		}
		if seen[id] {
			return Errorf(EINVALID, "%s: task %s appears twice", catalogue, id)
		}
		seen[id] = true
	}
	return nil
}
