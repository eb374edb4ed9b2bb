package planfile

import (
	"fmt"
	"slices"
	"strings"

	"generalist"
)

// Place is where in a file something is: a CSV line and column, or a
// GeoJSON feature and property.
type Place struct {
	File string `json:"file"`
	// Line is the CSV line, from 1; 0 for a GeoJSON file or the file as a
	// whole.
	Line int `json:"line,omitempty"`
	// Feature is the GeoJSON feature, from 1 (features[Feature-1]); 0
	// for a CSV file or the file as a whole.
	Feature int `json:"feature,omitempty"`
	// Column is the CSV column or the GeoJSON property.
	Column string `json:"column,omitempty"`
}

func (p Place) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	switch {
	case p.Line > 0:
		fmt.Fprintf(&b, " line %d", p.Line)
	case p.Feature > 0:
		fmt.Fprintf(&b, " feature %d", p.Feature)
	}
	if p.Column != "" {
		sep := ", column "
		if p.Feature > 0 {
			sep = ", property "
		}
		b.WriteString(sep + p.Column)
	}
	return b.String()
}

// Problem is one thing wrong with a plan file, at its place.
type Problem struct {
	Place
	Message string `json:"message"`
}

func (p Problem) String() string { return p.Place.String() + ": " + p.Message }

// Problems is a plan file's problems.
type Problems []Problem

// Err returns an EINVALID error listing the problems, nil if none.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.String()
	}
	return generalist.Errorf(generalist.EINVALID, "the plan has %d problem(s):\n  %s", len(ps), strings.Join(msgs, "\n  "))
}

// Assignment is one municipality's group in a plan file.
type Assignment struct {
	Number generalist.MunicipalityNumber
	// Group names the municipality's group; municipalities with the same
	// Group are merged. Empty: the municipality stays alone.
	Group string
	// GroupName and Centre are optional: the merged municipality's name
	// and the member whose centre it gets.
	GroupName, Centre string
	// At is the row or feature (Column empty), and NumberAt, GroupAt,
	// NameAt and CentreAt its cells.
	At, NumberAt, GroupAt, NameAt, CentreAt Place
}

// Merged is a merger built from a plan, with the places of its rows.
type Merged struct {
	generalist.Merger
	At []Place // the group cell of each member's row
}

// Mergers turns a plan's assignments into mergers, checked against the
// municipalities of the base structure: a number that is not there, a
// municipality given twice, a group whose rows give different names or
// centres, or a centre that is not a member is a problem at its place.
// A group of one municipality is no merger; contiguity is checked with
// the scenario (sim.Validate), and MapProblems places its problems.
func Mergers(as []Assignment, ms []generalist.Municipality) ([]Merged, Problems) {
	known := make(map[generalist.MunicipalityNumber]bool, len(ms))
	for _, m := range ms {
		known[m.Number] = true
	}
	var ps Problems
	add := func(at Place, format string, args ...any) {
		ps = append(ps, Problem{at, fmt.Sprintf(format, args...)})
	}
	seen := map[generalist.MunicipalityNumber]Place{}
	type group struct {
		key              string
		name, centre     string
		nameAt, centreAt Place
		members          []generalist.MunicipalityNumber
		at               []Place
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, a := range as {
		if !known[a.Number] {
			add(a.NumberAt, "kommune %s is not in the base structure", a.Number)
			continue
		}
		if first, dup := seen[a.Number]; dup {
			add(a.NumberAt, "kommune %s is given twice (first at %s)", a.Number, first)
			continue
		}
		seen[a.Number] = a.At
		if a.Group == "" {
			continue
		}
		g := byKey[a.Group]
		if g == nil {
			g = &group{key: a.Group}
			byKey[a.Group] = g
			groups = append(groups, g)
		}
		g.members = append(g.members, a.Number)
		g.at = append(g.at, a.GroupAt)
		if a.GroupName != "" {
			if g.name == "" {
				g.name, g.nameAt = a.GroupName, a.NameAt
			} else if g.name != a.GroupName {
				add(a.NameAt, "group %s is named %q here and %q at %s", a.Group, a.GroupName, g.name, g.nameAt)
			}
		}
		if a.Centre != "" {
			if g.centre == "" {
				g.centre, g.centreAt = a.Centre, a.CentreAt
			} else if g.centre != a.Centre {
				add(a.CentreAt, "group %s has centre %s here and %s at %s", a.Group, a.Centre, g.centre, g.centreAt)
			}
		}
	}
	var out []Merged
	for _, g := range groups {
		if len(g.members) < 2 {
			continue // alone: no merger
		}
		m := Merged{Merger: generalist.Merger{Name: g.name, Members: g.members}, At: g.at}
		if g.centre != "" {
			c, err := parseNumber(g.centre)
			switch {
			case err != nil:
				add(g.centreAt, "%s", generalist.ErrorMessage(err))
			case !slices.Contains(g.members, c):
				add(g.centreAt, "the centre %s is not a member of group %s", c, g.key)
			default:
				m.Centre = c
			}
		}
		if m.Centre == "" {
			m.Centre = slices.Min(g.members)
		}
		out = append(out, m)
	}
	return out, ps
}

// MapProblems places a scenario's problems (sim.Validate) that concern a
// merger built by Mergers, at every row of that merger; other problems
// are placed at the file as a whole.
func MapProblems(file string, mergers []Merged, sps generalist.Problems) Problems {
	var out Problems
	for _, p := range sps {
		if p.Warning {
			continue
		}
		var i int
		if _, err := fmt.Sscanf(p.Where, "mergers[%d]", &i); err == nil && i >= 0 && i < len(mergers) {
			m := mergers[i]
			members := make([]string, len(m.Members))
			for k, n := range m.Members {
				members[k] = string(n)
			}
			at := m.At[0]
			out = append(out, Problem{at, fmt.Sprintf("group %s (%s): %s", groupLabel(m), strings.Join(members, ", "), p.Message)})
			continue
		}
		out = append(out, Problem{Place{File: file}, p.Where + ": " + p.Message})
	}
	return out
}

func groupLabel(m Merged) string {
	if m.Name != "" {
		return m.Name
	}
	return string(m.Centre)
}

// parseNumber reads a municipality number as a spreadsheet may have left
// it: "301" for "0301" (Excel drops the leading zero).
func parseNumber(s string) (generalist.MunicipalityNumber, error) {
	s = strings.TrimSpace(s)
	if len(s) == 3 && strings.Trim(s, "0123456789") == "" {
		s = "0" + s
	}
	return generalist.ParseMunicipalityNumber(s)
}
