package generalist

import (
	"fmt"
	"sort"
)

// ChangeKind says how a municipality of one structure became part of the
// next. The values are the codes of the change files (SSB Klass 131).
type ChangeKind string

// Change kinds.
const (
	Unchanged  ChangeKind = "uendret"     // same municipality, same number
	Renumbered ChangeKind = "nytt_nummer" // same municipality, new number (county change)
	Merged     ChangeKind = "sammenslatt" // merged with others into the target
	Split      ChangeKind = "delt"        // split over several targets; one Change per part
)

// ParseChangeKind parses one of the four codes.
func ParseChangeKind(s string) (ChangeKind, error) {
	switch k := ChangeKind(s); k {
	case Unchanged, Renumbered, Merged, Split:
		return k, nil
	}
	return "", Errorf(EINVALID, "endringstype %q: must be uendret, nytt_nummer, sammenslatt or delt", s)
}

// Change is one edge of a mapping: (part of) From in the old structure went
// into To in the new one.
type Change struct {
	From MunicipalityNumber `json:"from"`
	To   MunicipalityNumber `json:"to"`
	Kind ChangeKind         `json:"kind"`
}

// Mapping is the set of changes from one structure to the next, such as the
// 2019→2020 reform or the 2020→2024 renumbering and Ålesund/Haram split.
type Mapping struct {
	From    Structure `json:"from"`
	To      Structure `json:"to"`
	Changes []Change  `json:"changes"`
}

// Validate checks the mapping against the municipality lists of both
// structures: every old municipality maps somewhere, every new one is
// reached, kinds are consistent (a split has several parts, other kinds
// exactly one), and no edge is repeated.
func (m *Mapping) Validate(from, to []Municipality) error {
	inFrom := map[MunicipalityNumber]bool{}
	for _, x := range from {
		inFrom[x.Number] = true
	}
	inTo := map[MunicipalityNumber]bool{}
	for _, x := range to {
		inTo[x.Number] = true
	}
	out := map[MunicipalityNumber]int{}
	reached := map[MunicipalityNumber]bool{}
	seen := map[Change]bool{}
	for _, c := range m.Changes {
		if !inFrom[c.From] {
			return Errorf(EINVALID, "mapping %d→%d: %s is not a municipality of %d", m.From, m.To, c.From, m.From)
		}
		if !inTo[c.To] {
			return Errorf(EINVALID, "mapping %d→%d: %s is not a municipality of %d", m.From, m.To, c.To, m.To)
		}
		key := Change{From: c.From, To: c.To}
		if seen[key] {
			return Errorf(EINVALID, "mapping %d→%d: %s→%s appears twice", m.From, m.To, c.From, c.To)
		}
		seen[key] = true
		out[c.From]++
		reached[c.To] = true
	}
	for n := range inFrom {
		if out[n] == 0 {
			return Errorf(EINVALID, "mapping %d→%d: %s has no successor", m.From, m.To, n)
		}
	}
	for n := range inTo {
		if !reached[n] {
			return Errorf(EINVALID, "mapping %d→%d: %s has no predecessor", m.From, m.To, n)
		}
	}
	for _, c := range m.Changes {
		if (c.Kind == Split) != (out[c.From] > 1) {
			return Errorf(EINVALID, "mapping %d→%d: %s→%s is marked %s but %s has %d successor(s)",
				m.From, m.To, c.From, c.To, c.Kind, c.From, out[c.From])
		}
	}
	return nil
}

// Reverse returns the mapping read backwards (new → old). A merge read
// backwards is a split and a split read backwards is a merge.
func (m *Mapping) Reverse() *Mapping {
	r := &Mapping{From: m.To, To: m.From, Changes: make([]Change, len(m.Changes))}
	out := map[MunicipalityNumber]int{}
	for _, c := range m.Changes {
		out[c.To]++
	}
	for i, c := range m.Changes {
		k := c.Kind
		switch {
		case out[c.To] > 1:
			k = Split
		case c.Kind == Split:
			k = Merged
		}
		r.Changes[i] = Change{From: c.To, To: c.From, Kind: k}
	}
	return r
}

// Carry moves per-municipality counts of the mapping's From structure onto
// its To structure. A target's value is the sum of its sources; it is known
// only if every source is known and goes wholly into that target. A source
// that was split over several targets makes each of them unknown (there are
// no authoritative shares), and the result says so in Note rather than
// guessing. The result holds one Count per target, sorted by number.
//
// Values for municipalities that are not in the From structure are an
// error, as are sources of the mapping missing from values.
func (m *Mapping) Carry(values []Count) ([]Count, error) {
	byNum := make(map[MunicipalityNumber]Count, len(values))
	for _, v := range values {
		if _, dup := byNum[v.Municipality]; dup {
			return nil, Errorf(EINVALID, "carry %d→%d: %s given twice", m.From, m.To, v.Municipality)
		}
		byNum[v.Municipality] = v
	}
	out := map[MunicipalityNumber]int{}
	for _, c := range m.Changes {
		out[c.From]++
	}
	for n := range byNum {
		if out[n] == 0 {
			return nil, Errorf(EINVALID, "carry %d→%d: %s is not a municipality of %d", m.From, m.To, n, m.From)
		}
	}
	targets := map[MunicipalityNumber]*Count{}
	for _, c := range m.Changes {
		src, ok := byNum[c.From]
		if !ok {
			return nil, Errorf(EINVALID, "carry %d→%d: no value for %s", m.From, m.To, c.From)
		}
		t := targets[c.To]
		if t == nil {
			t = &Count{Municipality: c.To, Known: true}
			targets[c.To] = t
		}
		if !t.Known {
			continue
		}
		switch {
		case !src.Known:
			*t = Count{Municipality: c.To, Note: src.Note}
			if t.Note == "" {
				t.Note = NoteMissing
			}
		case out[c.From] > 1:
			*t = Count{Municipality: c.To, Note: NoteSplitCarried}
		default:
			t.Value += src.Value
		}
	}
	res := make([]Count, 0, len(targets))
	for _, t := range targets {
		res = append(res, *t)
	}
	sort.Slice(res, func(i, j int) bool { return res[i].Municipality < res[j].Municipality })
	return res, nil
}

// Compose returns the mapping a→c from a→b and b→c. Kinds in the result
// are derived from the graph: a source with several targets is Split, a
// target with several sources is Merged, otherwise Unchanged when the
// number is the same and Renumbered when it is not.
func Compose(ab, bc *Mapping) (*Mapping, error) {
	if ab.To != bc.From {
		return nil, fmt.Errorf("compose %d→%d with %d→%d: structures do not meet", ab.From, ab.To, bc.From, bc.To)
	}
	next := map[MunicipalityNumber][]MunicipalityNumber{}
	for _, c := range bc.Changes {
		next[c.From] = append(next[c.From], c.To)
	}
	seen := map[Change]bool{}
	var edges []Change
	for _, c := range ab.Changes {
		for _, t := range next[c.To] {
			e := Change{From: c.From, To: t}
			if !seen[e] {
				seen[e] = true
				edges = append(edges, e)
			}
		}
	}
	outDeg, inDeg := map[MunicipalityNumber]int{}, map[MunicipalityNumber]int{}
	for _, e := range edges {
		outDeg[e.From]++
		inDeg[e.To]++
	}
	for i, e := range edges {
		switch {
		case outDeg[e.From] > 1:
			edges[i].Kind = Split
		case inDeg[e.To] > 1:
			edges[i].Kind = Merged
		case e.From == e.To:
			edges[i].Kind = Unchanged
		default:
			edges[i].Kind = Renumbered
		}
	}
	return &Mapping{From: ab.From, To: bc.To, Changes: edges}, nil
}
