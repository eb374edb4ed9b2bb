package sim

import (
	"slices"

	"generalist"
)

// FromMapping expresses a structure change as a scenario on its From
// structure: every new municipality with several whole predecessors
// becomes a merger (centred on the predecessor of the same name, else the
// lowest number), and every predecessor split over several new
// municipalities becomes a split without shares — the sources give none,
// so the receiving municipalities' populations are unknown. The 2019→2020
// mapping gives the municipal reform.
func FromMapping(m *generalist.Mapping, from, to []generalist.Municipality, name string, year int) *generalist.Scenario {
	s := &generalist.Scenario{Name: name, Structure: m.From, Year: year,
		Description: "Generert fra endringsnøkkelen " + m.From.String() + "→" + m.To.String() + " (SSB Klass 131)."}
	out := map[generalist.MunicipalityNumber]int{}
	for _, c := range m.Changes {
		out[c.From]++
	}
	whole := map[generalist.MunicipalityNumber][]generalist.MunicipalityNumber{}
	var splits []generalist.MunicipalityNumber
	targets := map[generalist.MunicipalityNumber][]generalist.MunicipalityNumber{}
	for _, c := range m.Changes {
		if out[c.From] > 1 {
			if !slices.Contains(splits, c.From) {
				splits = append(splits, c.From)
			}
			targets[c.From] = append(targets[c.From], c.To)
			continue
		}
		whole[c.To] = append(whole[c.To], c.From)
	}
	fromName := map[generalist.MunicipalityNumber]string{}
	for _, x := range from {
		fromName[x.Number] = x.ShortName
	}
	toName := map[generalist.MunicipalityNumber]string{}
	for _, x := range to {
		toName[x.Number] = x.ShortName
	}
	var news []generalist.MunicipalityNumber
	for n := range whole {
		news = append(news, n)
	}
	slices.Sort(news)
	for _, n := range news {
		members := whole[n]
		slices.Sort(members)
		if len(members) < 2 {
			continue
		}
		centre := members[0]
		for _, p := range members {
			if fromName[p] == toName[n] {
				centre = p
			}
		}
		s.Mergers = append(s.Mergers, generalist.Merger{Name: toName[n], Members: members, Centre: centre})
	}
	slices.Sort(splits)
	for _, sp := range splits {
		var into []generalist.MunicipalityNumber
		for _, t := range targets[sp] {
			// The part goes to the unit of one of the target's whole
			// predecessors.
			if ps := whole[t]; len(ps) > 0 {
				into = append(into, slices.Min(ps))
			}
		}
		s.Splits = append(s.Splits, generalist.SplitChange{From: sp, Into: into})
	}
	return s
}
