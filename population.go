package generalist

import (
	"fmt"
	"strings"
)

// AgeGroup is one of the eight age groups of the income system's cost key
// (kostnadsnøkkelen i inntektssystemet).
type AgeGroup int

// The cost-key age groups, youngest first.
const (
	Age0To1 AgeGroup = iota
	Age2To5
	Age6To15
	Age16To22
	Age23To66
	Age67To79
	Age80To89
	Age90Plus
	NumAgeGroups int = iota
)

// MaxAge is SSB's top single-year age class: "105 years or older".
const MaxAge = 105

var ageGroupBounds = [NumAgeGroups][2]int{{0, 1}, {2, 5}, {6, 15}, {16, 22}, {23, 66}, {67, 79}, {80, 89}, {90, MaxAge}}

// AgeGroups lists the groups in order.
var AgeGroups = []AgeGroup{Age0To1, Age2To5, Age6To15, Age16To22, Age23To66, Age67To79, Age80To89, Age90Plus}

// Bounds returns the first and last single-year age of the group; the last
// group ends at MaxAge, which stands for "MaxAge or older".
func (g AgeGroup) Bounds() (lo, hi int) { b := ageGroupBounds[g]; return b[0], b[1] }

// Key returns the column name the data files use, e.g. "alder_0_1" and
// "alder_90_pluss".
func (g AgeGroup) Key() string {
	lo, hi := g.Bounds()
	if g == Age90Plus {
		return fmt.Sprintf("alder_%d_pluss", lo)
	}
	return fmt.Sprintf("alder_%d_%d", lo, hi)
}

// String returns the group as "0–1", …, "90+".
func (g AgeGroup) String() string {
	lo, hi := g.Bounds()
	if g == Age90Plus {
		return fmt.Sprintf("%d+", lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

// AgeGroupOf returns the cost-key group of a single-year age (0…MaxAge,
// where MaxAge means "MaxAge or older").
func AgeGroupOf(age int) (AgeGroup, bool) {
	for _, g := range AgeGroups {
		if lo, hi := g.Bounds(); age >= lo && age <= hi {
			return g, true
		}
	}
	return 0, false
}

// AgeCounts holds the persons in each cost-key age group.
type AgeCounts [NumAgeGroups]Persons

// Sum returns the total over all groups.
func (a AgeCounts) Sum() Persons {
	var s Persons
	for _, v := range a {
		s += v
	}
	return s
}

// Sex is a split of a population by sex.
type Sex struct {
	Men   Persons `json:"men"`
	Women Persons `json:"women"`
}

// Population is the resident population (folkemengde) of one municipality on
// 1 January of Year, as registered by SSB. Sex and Ages are nil where the
// source gives no such split.
type Population struct {
	Structure    Structure          `json:"structure"`
	Year         int                `json:"year"`
	Municipality MunicipalityNumber `json:"municipality"`
	Total        Persons            `json:"total"`
	Sex          *Sex               `json:"sex,omitempty"`
	Ages         *AgeCounts         `json:"ages,omitempty"`
	// Missing marks a municipality and year for which the source has no
	// value; Total is then 0, Sex and Ages nil, and Note says why.
	Missing bool   `json:"missing,omitempty"`
	Note    string `json:"note,omitempty"`
}

// Count returns the population total as a Count.
func (p *Population) Count() Count {
	return Count{Municipality: p.Municipality, Value: p.Total, Known: !p.Missing, Note: p.Note}
}

// Validate checks that the counts are non-negative and that every split adds
// up to the total.
func (p *Population) Validate() error {
	if err := p.Structure.Validate(); err != nil {
		return err
	}
	if _, err := ParseMunicipalityNumber(string(p.Municipality)); err != nil {
		return err
	}
	if p.Year < 1800 || p.Year > 2200 {
		return Errorf(EINVALID, "kommune %s: year %d is out of range", p.Municipality, p.Year)
	}
	if p.Missing {
		if p.Total != 0 || p.Sex != nil || p.Ages != nil {
			return Errorf(EINVALID, "kommune %s %d: marked as missing but has values", p.Municipality, p.Year)
		}
		return nil
	}
	if p.Total < 0 {
		return Errorf(EINVALID, "kommune %s %d: population %d is negative", p.Municipality, p.Year, p.Total)
	}
	if s := p.Sex; s != nil {
		if s.Men < 0 || s.Women < 0 {
			return Errorf(EINVALID, "kommune %s %d: a count by sex is negative", p.Municipality, p.Year)
		}
		if s.Men+s.Women != p.Total {
			return Errorf(EINVALID, "kommune %s %d: men %d + women %d = %d, not the total %d",
				p.Municipality, p.Year, s.Men, s.Women, s.Men+s.Women, p.Total)
		}
	}
	if a := p.Ages; a != nil {
		for g, v := range a {
			if v < 0 {
				return Errorf(EINVALID, "kommune %s %d: age group %s is negative", p.Municipality, p.Year, AgeGroup(g))
			}
		}
		if a.Sum() != p.Total {
			return Errorf(EINVALID, "kommune %s %d: age groups sum to %d, not the total %d",
				p.Municipality, p.Year, a.Sum(), p.Total)
		}
	}
	return nil
}

// Count is one municipality's value of a count (such as its population) in
// some structure and year, or the statement that there is no data for it.
type Count struct {
	Municipality MunicipalityNumber `json:"municipality"`
	Value        Persons            `json:"value"`
	// Known is false when there is no data; Value is then 0 and Note says why.
	Known bool   `json:"known"`
	Note  string `json:"note,omitempty"`
}

// Notes explaining why a count is unknown or how it was derived. They are
// the codes the source files use where one exists.
const (
	NoteEstimatedSplit = "estimert_deling"     // the source estimated a split; left out
	NoteDerivedAsRest  = "utledet_som_rest"    // national total minus all other municipalities
	NoteSplitCarried   = "delt_ved_overføring" // a split makes the carried value unknown
	NoteMissing        = "mangler"             // the source has no value
)

// MarshalText writes the group as its data-file key, e.g. "alder_6_15".
func (g AgeGroup) MarshalText() ([]byte, error) {
	if g < 0 || int(g) >= NumAgeGroups {
		return nil, Errorf(EINVALID, "age group %d is unknown", int(g))
	}
	return []byte(g.Key()), nil
}

// UnmarshalText reads a data-file key such as "alder_6_15".
func (g *AgeGroup) UnmarshalText(b []byte) error {
	for _, x := range AgeGroups {
		if x.Key() == string(b) {
			*g = x
			return nil
		}
	}
	return Errorf(EINVALID, "age group %q: must be one of alder_0_1, alder_2_5, alder_6_15, alder_16_22, alder_23_66, alder_67_79, alder_80_89, alder_90_pluss", b)
}

// MissingCells counts the cells of an imported file that have no value, by
// the sign the file gives: SSB's "." (not applicable), ".." (not
// available), "..." (not yet available) and ":" (confidential),
// MarkerNull for a JSON-stat value that is null or left out, and
// MarkerEmpty for an empty cell. Such cells are imported as no data, never
// as 0. SSB's "-" is not among them: it means exactly zero (decision 0011).
type MissingCells map[string]int

// Markers for missing cells that are not one of SSB's symbols.
const (
	MarkerNull  = "null"  // JSON-stat: the value is null or left out
	MarkerEmpty = "empty" // CSV: the cell is empty
)

// IsMissingMarker reports whether s (trimmed) is one of SSB's signs for a
// cell without a value: ".", "..", "..." or ":". "-" is not: it means
// exactly zero.
func IsMissingMarker(s string) bool {
	switch strings.TrimSpace(s) {
	case ".", "..", "...", ":":
		return true
	}
	return false
}

// missingOrder is the order in which MissingCells.String names markers.
var missingOrder = []string{"..", ".", "...", ":", MarkerNull, MarkerEmpty}

// Add counts one cell with the given marker.
func (m MissingCells) Add(marker string) { m[marker]++ }

// Total returns the number of missing cells.
func (m MissingCells) Total() int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

// String describes the counts, e.g. `3 cells without a value (".." 2, null
// 1)`, or "no cell without a value".
func (m MissingCells) String() string {
	total := m.Total()
	if total == 0 {
		return "no cell without a value"
	}
	var parts []string
	for _, k := range missingOrder {
		if n := m[k]; n > 0 {
			name := k
			if k != MarkerNull && k != MarkerEmpty {
				name = `"` + k + `"`
			}
			parts = append(parts, fmt.Sprintf("%s %d", name, n))
		}
	}
	unit := "cells"
	if total == 1 {
		unit = "cell"
	}
	return fmt.Sprintf("%d %s without a value (%s)", total, unit, strings.Join(parts, ", "))
}
