package generalist

import (
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Indicator is a per-municipality figure a user brings in, such as a KOSTRA
// key figure, Menon's statutory-compliance score or a Kommunebarometeret
// grade, so it can be mapped, compared and analysed like the built-in ones.
//
// Its values are recorded on one Structure, the one whose municipality
// numbers the source uses; they can be carried to the other structures
// over the change mappings (see [Mapping.CarryIndicator]).
type Indicator struct {
	// ID is the slug the indicator is known by in the CLI, URLs and the
	// API: 1–64 characters of a–z, 0–9, "_" and "-", starting with a
	// letter or digit ("kostra-barnehage-utgift").
	ID   string `json:"id"`
	Name string `json:"name"` // "Netto driftsutgifter til barnehage per innbygger"
	Unit string `json:"unit"` // "kroner", "prosent", "karakter 1–6"
	// Source names the publisher and table, as it must be shown with the
	// values ("SSB, KOSTRA tabell 12362").
	Source      string    `json:"source"`
	Description string    `json:"description,omitempty"`
	Structure   Structure `json:"structure"`
	// Additive reports whether the values of two municipalities may be
	// added to give the value of their union, as counts of persons or
	// kroner may. Rates, shares, per-inhabitant figures, indices, scores
	// and grades are not additive: they are carried across structure
	// changes only where a municipality stayed whole.
	Additive bool `json:"additive"`
	// Years lists the years with values, ascending. Stores fill it in;
	// it is ignored on import.
	Years []int `json:"years"`
	// CreatedAt is when the indicator was (last) imported. Stores fill it
	// in.
	CreatedAt time.Time `json:"created_at,omitzero"`
}

// Limits on an indicator's text fields, so that they fit a page.
const (
	MaxIndicatorIDLen   = 64
	MaxIndicatorNameLen = 200
	MaxIndicatorTextLen = 2000 // description and source
)

// ValidateIndicatorID checks that id is a slug: 1–64 characters of a–z,
// 0–9, "_" and "-", starting with a letter or digit.
func ValidateIndicatorID(id string) error {
	if id == "" {
		return Errorf(EINVALID, "indicator id is empty; give a short slug such as kostra-barnehage")
	}
	if len(id) > MaxIndicatorIDLen {
		return Errorf(EINVALID, "indicator id %q: longer than %d characters", id, MaxIndicatorIDLen)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case (c == '_' || c == '-') && i > 0:
		default:
			return Errorf(EINVALID, "indicator id %q: character %d (%q) is not allowed; use a–z, 0–9, _ and -, starting with a letter or digit", id, i+1, rune(c))
		}
	}
	return nil
}

// Validate checks the id, the required name, unit and source, the lengths
// of the text fields and the structure.
func (ind *Indicator) Validate() error {
	if err := ValidateIndicatorID(ind.ID); err != nil {
		return err
	}
	for _, f := range []struct {
		name, value         string
		max                 int
		required, multiline bool
	}{
		{"name", ind.Name, MaxIndicatorNameLen, true, false},
		{"unit", ind.Unit, MaxIndicatorNameLen, true, false},
		{"source", ind.Source, MaxIndicatorTextLen, true, false},
		{"description", ind.Description, MaxIndicatorTextLen, false, true},
	} {
		control := func(r rune) bool {
			return r < ' ' && !(f.multiline && (r == '\n' || r == '\t' || r == '\r')) || r == 0x7f
		}
		switch {
		case f.required && strings.TrimSpace(f.value) == "":
			return Errorf(EINVALID, "indicator %s: the %s is required", ind.ID, f.name)
		case !utf8.ValidString(f.value):
			return Errorf(EINVALID, "indicator %s: the %s is not valid UTF-8", ind.ID, f.name)
		case utf8.RuneCountInString(f.value) > f.max:
			return Errorf(EINVALID, "indicator %s: the %s is longer than %d characters", ind.ID, f.name, f.max)
		case strings.ContainsFunc(f.value, control):
			return Errorf(EINVALID, "indicator %s: the %s contains a control character", ind.ID, f.name)
		}
	}
	if err := ind.Structure.Validate(); err != nil {
		return Errorf(EINVALID, "indicator %s: %s", ind.ID, ErrorMessage(err))
	}
	return nil
}

// IndicatorValue is one municipality's value of an indicator in a year, or
// the statement that there is none. The municipality number belongs to the
// indicator's structure.
type IndicatorValue struct {
	Indicator    string             `json:"indicator,omitempty"`
	Municipality MunicipalityNumber `json:"municipality"`
	Year         int                `json:"year"`
	Value        float64            `json:"value"`
	// Known is false when there is no value; Value is then 0 and Note
	// says why (NoteMissing when the source just has none).
	Known bool   `json:"known"`
	Note  string `json:"note,omitempty"`
}

// Limits on an indicator value. MaxIndicatorValue is far beyond any
// municipal figure (a trillion kroner is 1e12), and keeps the sums of
// carried additive values finite.
const (
	MaxIndicatorValue   = 1e15
	MaxIndicatorNoteLen = 200
)

// Validate checks the municipality number, the year (1800–2200), that a
// known value is a finite number no larger in magnitude than
// MaxIndicatorValue, and that an unknown one is 0.
func (v *IndicatorValue) Validate() error {
	if _, err := ParseMunicipalityNumber(string(v.Municipality)); err != nil {
		return err
	}
	if v.Year < 1800 || v.Year > 2200 {
		return Errorf(EINVALID, "kommune %s: year %d is out of range 1800–2200", v.Municipality, v.Year)
	}
	switch {
	case math.IsNaN(v.Value) || math.IsInf(v.Value, 0):
		return Errorf(EINVALID, "kommune %s %d: value %v is not a finite number", v.Municipality, v.Year, v.Value)
	case math.Abs(v.Value) > MaxIndicatorValue:
		return Errorf(EINVALID, "kommune %s %d: value %v is larger in magnitude than %g", v.Municipality, v.Year, v.Value, MaxIndicatorValue)
	case !v.Known && v.Value != 0:
		return Errorf(EINVALID, "kommune %s %d: marked as without data but has the value %v", v.Municipality, v.Year, v.Value)
	case !utf8.ValidString(v.Note) || utf8.RuneCountInString(v.Note) > MaxIndicatorNoteLen:
		return Errorf(EINVALID, "kommune %s %d: the note is not valid UTF-8 or longer than %d characters", v.Municipality, v.Year, MaxIndicatorNoteLen)
	}
	return nil
}

// NoteMergedNotAdditive marks a carried indicator value as unknown because
// the target was formed by a merge and the indicator is not additive: a
// rate or score of the merged municipality cannot be made from its parts'
// without weights the atlas does not have.
const NoteMergedNotAdditive = "sammenslått_ikke_additiv"

// CarryIndicator moves one year's values of an indicator from the
// mapping's From structure onto its To structure. The result holds one
// value per target, sorted by number, with the year of the sources.
//
// A target that stayed whole (unchanged or renumbered: one source, which
// goes wholly into it) gets its source's value, known or not. Otherwise:
//
//   - additive values are carried as [Mapping.Carry] carries counts: a
//     target formed by a merge gets the sum of its sources, known only if
//     every source is; a target that received part of a split is unknown
//     (NoteSplitCarried), since there are no authoritative shares;
//   - other values (rates, scores, grades) are unknown for every target of
//     a merge (NoteMergedNotAdditive) or a split (NoteSplitCarried):
//     neither can be computed without weights.
//
// Values must be given for every municipality of the From structure, once;
// anything else is an error, as in Carry.
func (m *Mapping) CarryIndicator(values []IndicatorValue, additive bool) ([]IndicatorValue, error) {
	counts := make([]Count, len(values))
	byNum := make(map[MunicipalityNumber]IndicatorValue, len(values))
	for i, v := range values {
		counts[i] = Count{Municipality: v.Municipality, Known: v.Known, Note: v.Note}
		byNum[v.Municipality] = v
	}
	// Carry checks the values against the mapping and decides, by the
	// rules for counts, which targets are known; the sums are then taken
	// over the same edges in floating point.
	carried, err := m.Carry(counts)
	if err != nil {
		return nil, err
	}
	out := map[MunicipalityNumber]int{}
	in := map[MunicipalityNumber][]MunicipalityNumber{}
	for _, c := range m.Changes {
		out[c.From]++
		in[c.To] = append(in[c.To], c.From)
	}
	year, id := 0, ""
	if len(values) > 0 {
		year, id = values[0].Year, values[0].Indicator
	}
	res := make([]IndicatorValue, len(carried))
	for i, c := range carried {
		r := IndicatorValue{Indicator: id, Municipality: c.Municipality, Year: year, Known: c.Known, Note: c.Note}
		srcs := in[c.Municipality]
		whole := len(srcs) == 1 && out[srcs[0]] == 1
		switch {
		case whole:
			src := byNum[srcs[0]]
			r.Value, r.Known, r.Note = src.Value, src.Known, src.Note
		case !additive && len(srcs) > 1:
			r.Known, r.Note = false, NoteMergedNotAdditive
		case !additive:
			r.Known, r.Note = false, NoteSplitCarried
		case c.Known:
			for _, s := range srcs {
				r.Value += byNum[s].Value
			}
		}
		if !r.Known {
			r.Value = 0
			if r.Note == "" {
				r.Note = NoteMissing
			}
		}
		res[i] = r
	}
	sort.Slice(res, func(i, j int) bool { return res[i].Municipality < res[j].Municipality })
	return res, nil
}
