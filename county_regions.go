package generalist

import (
	"slices"
	"strings"
)

// HostGroup is one distinct group of municipalities that a scenario's
// host-municipality cooperations join, with its host.
type HostGroup struct {
	Host    MunicipalityNumber   `json:"host"`
	Members []MunicipalityNumber `json:"members"`
}

// HostGroups returns the regions a scenario's host arrangements form, as
// a plan of fixed cooperation regions saves them (every region runs each
// chosen task as a host-municipality cooperation): each distinct member
// set of its cooperations in a host form (kommuneloven §§ 20-2 and 20-3)
// with two or more members is one group, in the order of first
// appearance, its members sorted. The host is the first such
// cooperation's host when it is a member, else its first member.
//
// ok is false when two groups share a municipality: the arrangements then
// do not form regions (a municipality belongs to one region). A scenario
// without host cooperations gives no groups and ok true.
func (s *Scenario) HostGroups() (groups []HostGroup, ok bool) {
	index := map[string]int{}
	in := map[MunicipalityNumber]int{}
	for _, a := range s.Arrangements {
		if !a.Form.Host() {
			continue
		}
		ms := slices.Clone(a.Members)
		slices.Sort(ms)
		ms = slices.Compact(ms)
		if len(ms) < 2 {
			continue
		}
		key := joinNumbers(ms)
		if _, seen := index[key]; seen {
			continue
		}
		g := len(groups)
		for _, m := range ms {
			if _, taken := in[m]; taken {
				return nil, false
			}
			in[m] = g
		}
		host := a.Host
		if !slices.Contains(ms, host) {
			host = a.Members[0]
		}
		index[key] = g
		groups = append(groups, HostGroup{Host: host, Members: ms})
	}
	return groups, true
}

func joinNumbers(ms []MunicipalityNumber) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(string(m))
		b.WriteByte(',')
	}
	return b.String()
}
