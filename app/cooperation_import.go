package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"generalist"
	"generalist/imc"
	"generalist/refdata"
)

// Bringing today's cooperation into the registry: a file of cooperations
// (the CSV template data/samarbeid_mal.csv or the JSON export) checked as
// strictly as the registry's own form, every problem named with its line
// and column, shown as a plan first and then imported in one transaction.

// CooperationImport is a file of cooperations to import and how.
type CooperationImport struct {
	// File is the file's content; Name its name (for messages, and to tell
	// the format when Format is empty).
	File []byte
	Name string
	// Format is "json", "csv" or "" (by the name, then the content).
	Format string
	// Source is where the registrations come from, for every cooperation
	// the file gives none (the CSV column kilde, the JSON field source).
	Source string
	// Replace stores a cooperation whose name is registered as its next
	// version; without it such a cooperation refuses the file.
	Replace bool
	// Strict refuses a cooperation that fails a required legal check.
	Strict bool
	// Examples is set only for the shipped examples: every cooperation
	// must then be marked as an example. A user's file may not mark one
	// as an example, use an example's name, or replace an example.
	Examples bool
	// DryRun checks and plans without storing anything.
	DryRun bool
	Edit   generalist.IMCEdit
	// Today is the day of the legal checks.
	Today generalist.CalendarDate
	// May, when set, refuses a cooperation the user may not change: cur
	// is the registered version (nil for a new one), next the file's.
	May func(cur, next *generalist.IMC) error
}

// Import actions.
const (
	ImportCreate    = "create"
	ImportUpdate    = "update"
	ImportUnchanged = "unchanged"
	// ImportSkipped: the file marks the cooperation as an example, so it
	// is left out; only the shipped set registers examples.
	ImportSkipped = "skipped_example"
)

// ImportItem is what an import does, or would do, with one cooperation of
// the file.
type ImportItem struct {
	Name         string                   `json:"name"`
	Line         int                      `json:"line,omitempty"`
	Action       string                   `json:"action"`
	ID           int64                    `json:"id,omitempty"`
	Form         generalist.IMCForm       `json:"form"`
	Participants int                      `json:"participants"`
	Source       string                   `json:"source"`
	Changes      []generalist.FieldChange `json:"changes,omitempty"`
}

// ImportPlan is the outcome of an import, or of its dry run: each
// cooperation with what happens to it, the counts, and every problem.
// Imported is set when the file was stored.
type ImportPlan struct {
	File      string        `json:"file"`
	Format    string        `json:"format,omitempty"`
	Items     []ImportItem  `json:"items"`
	Created   int           `json:"created"`
	Updated   int           `json:"updated"`
	Unchanged int           `json:"unchanged"`
	Skipped   int           `json:"skipped_examples"`
	Problems  []imc.Problem `json:"problems,omitempty"`
	Imported  bool          `json:"imported"`
}

// ImportCooperations reads the file, checks every cooperation in it and,
// unless DryRun, imports them all in one transaction (IMCStore.ImportIMCs).
// Any problem refuses the whole file and leaves the store as it was; the
// error is then an *imc.FileError listing every problem (up to 100) with
// its line, column and cooperation, and the plan holds them too.
func (a *App) ImportCooperations(ctx context.Context, req CooperationImport) (*ImportPlan, error) {
	plan := &ImportPlan{File: req.Name, Items: []ImportItem{}}
	if err := req.Edit.Validate(); err != nil {
		return plan, err
	}
	source := strings.TrimSpace(req.Source)
	if utf8.RuneCountInString(source) > generalist.MaxIMCSource || strings.ContainsFunc(source, unicode.IsControl) {
		return plan, generalist.Errorf(generalist.EINVALID, "the source for the whole file: one line of at most %d characters", generalist.MaxIMCSource)
	}
	f, err := imc.ParseFile(req.File, req.Name, req.Format)
	if err != nil {
		plan.Problems = imc.ProblemsOf(err)
		return plan, err
	}
	plan.Format = f.Format
	cat, err := a.ShippedCatalogue()
	if err != nil {
		return plan, err
	}
	registered, err := a.Store.IMCs(ctx, generalist.IMCFilter{})
	if err != nil {
		return plan, err
	}
	byName := map[string]*generalist.IMC{}
	for i := range registered {
		byName[nameKey(registered[i].Name)] = &registered[i]
	}
	shippedNames := map[string]bool{}
	if !req.Examples {
		ex, err := imc.Examples()
		if err != nil {
			return plan, err
		}
		for _, c := range ex {
			shippedNames[nameKey(c.Name)] = true
		}
	}
	known, err := a.participantNumbers(ctx)
	if err != nil {
		return plan, err
	}
	var problems []imc.Problem
	var index []int // the cooperation of each item
	seen := map[string]int{}
	cs := f.Cooperations
	for i := range cs {
		c := &cs[i]
		line := f.Lines[i]
		bad := func(kind, column, format string, args ...any) {
			problems = append(problems, imc.Problem{Line: line, Column: column, Cooperation: strings.TrimSpace(c.Name), Kind: kind, Message: fmt.Sprintf(format, args...)})
		}
		sourceColumn, exampleColumn := "kilde", "eksempel"
		if f.Format == "json" {
			sourceColumn, exampleColumn = "source", "example"
		}
		c.Source = strings.TrimSpace(c.Source)
		if c.Source == "" {
			c.Source = source
		}
		key := nameKey(c.Name)
		cur := byName[key]
		switch {
		case req.Examples && !c.Example:
			bad(imc.KindExample, exampleColumn, "the shipped examples must all be marked as examples")
		case !req.Examples && c.Example:
			// An example is never imported from a user's file, so that it
			// cannot come back as a real registration; it is left out and
			// the plan says so.
			plan.Items = append(plan.Items, ImportItem{Name: strings.TrimSpace(c.Name), Line: line, Action: ImportSkipped, Form: c.Form, Participants: len(c.Participants), Source: c.Source})
			index = append(index, i)
			continue
		case !req.Examples && shippedNames[key]:
			bad(imc.KindExample, "", "this is the name of one of the shipped examples, which cannot be registered from a file; give the cooperation its own name")
		case !req.Examples && cur != nil && cur.Example:
			bad(imc.KindExample, "", "a shipped example of this name is registered; a file cannot replace an example")
		}
		if c.Source == "" {
			bad(imc.KindSource, sourceColumn, "no source: write where the registration comes from in %s (such as «Statsforvalteren i Nordland, oversikt over interkommunale samarbeid 2024»), or give one source for the whole file", sourceColumn)
		}
		if j, dup := seen[key]; dup {
			bad("", "", "the file has this cooperation twice (also at line %d)", f.Lines[j])
			continue
		}
		seen[key] = i
		if cur != nil && f.Format == "csv" && req.Replace {
			// The CSV carries no clauses, documents or process: keep the
			// registered ones.
			costKey := c.Agreement.CostKey
			c.Agreement, c.Documents, c.Process = cur.Agreement, cur.Documents, cur.Process
			if len(costKey) > 0 {
				c.Agreement.CostKey = costKey
			}
		}
		if err := VetCooperation(cat, c, req.Strict, req.Today); err != nil {
			bad("", "", "%s", trimWhere(generalist.ErrorMessage(err), c.Name))
			continue
		}
		if msg := known.check(c); msg != "" {
			bad("", "", "%s", msg)
			continue
		}
		if req.May != nil {
			if err := req.May(cur, c); err != nil {
				bad("", "", "%s", generalist.ErrorMessage(err))
				continue
			}
		}
		item := ImportItem{Name: strings.TrimSpace(c.Name), Line: line, Action: ImportCreate, Form: c.Form, Participants: len(c.Participants), Source: c.Source}
		if cur != nil {
			if !req.Replace {
				bad(imc.KindRegistered, "", "a cooperation of this name is registered already (id %d); choose to replace registered versions to store the file's as its next version", cur.ID)
				continue
			}
			item.ID = cur.ID
			item.Changes = generalist.DiffIMC(cur, c)
			item.Action = ImportUpdate
			if len(item.Changes) == 0 {
				item.Action = ImportUnchanged
			}
		}
		plan.Items = append(plan.Items, item)
		index = append(index, i)
	}
	if len(problems) > 0 {
		if len(problems) > 100 {
			problems = problems[:100]
		}
		plan.Problems = problems
		fe := &imc.FileError{File: req.Name, Problems: problems, Code: generalist.ECONFLICT}
		for _, p := range problems {
			if p.Kind != imc.KindRegistered {
				fe.Code = generalist.EINVALID
			}
		}
		return plan, fe
	}
	var keep []generalist.IMC
	for i, it := range plan.Items {
		switch it.Action {
		case ImportCreate:
			plan.Created++
		case ImportUpdate:
			plan.Updated++
		case ImportUnchanged:
			plan.Unchanged++
		case ImportSkipped:
			plan.Skipped++
			continue
		}
		keep = append(keep, cs[index[i]])
	}
	if len(keep) == 0 {
		return plan, generalist.Errorf(generalist.EINVALID, "%s: nothing to import: every cooperation in the file is marked as an example, and examples are not imported from files", req.Name)
	}
	if req.DryRun {
		return plan, nil
	}
	created, updated, err := a.Store.ImportIMCs(ctx, keep, req.Edit, req.Replace)
	if err != nil {
		return plan, err
	}
	plan.Created, plan.Updated, plan.Unchanged = created, updated, len(keep)-created-updated
	plan.Imported = true
	return plan, nil
}

// trimWhere takes away the cooperation's name a validation message
// begins with, as the problem names it.
func trimWhere(msg, name string) string {
	for _, prefix := range []string{"cooperation " + strconv.Quote(strings.TrimSpace(name)) + ": ", "cooperation " + strconv.Quote(strings.TrimSpace(name)) + ", "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			return rest
		}
	}
	return msg
}

// nameKey is how the registry compares names: case and spacing aside.
func nameKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// participantNumbers are the municipalities and counties of the 2024
// structure, which a cooperation's participants and head office must be.
type participantNumbers struct{ municipalities, counties map[string]bool }

func (a *App) participantNumbers(ctx context.Context) (*participantNumbers, error) {
	p := &participantNumbers{municipalities: map[string]bool{}, counties: map[string]bool{}}
	ms, err := a.Store.Municipalities(ctx, generalist.Structure2024)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		p.municipalities[string(m.Number)] = true
	}
	cs, err := a.Store.Counties(ctx, generalist.Structure2024)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		p.counties[string(c.Number)] = true
	}
	return p, nil
}

// check names the first participant or head office that is not of the
// 2024 structure ("" if none), as the store would refuse it.
func (p *participantNumbers) check(c *generalist.IMC) string {
	for _, x := range c.Participants {
		if x.County() && !p.counties[x.Number] {
			return fmt.Sprintf("participant %s: there is no county with that number in the 2024 structure", x.Number)
		}
		if !x.County() && !p.municipalities[x.Number] {
			return fmt.Sprintf("participant %s: there is no municipality with that number in the 2024 structure", x.Number)
		}
	}
	if c.Host != "" && c.Participant(c.Host) == nil && !p.municipalities[c.Host] {
		return fmt.Sprintf("head office %s is not a municipality of the 2024 structure", c.Host)
	}
	return ""
}

// CooperationTemplate returns the CSV template analysts fill in
// (data/samarbeid_mal.csv) and its file name.
func CooperationTemplate() ([]byte, string, error) {
	b, err := refdata.CooperationTemplate()
	return b, refdata.CooperationTemplateFile, err
}
