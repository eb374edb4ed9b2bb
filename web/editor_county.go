package web

import (
	"strings"

	"generalist"
	"generalist/app"
)

// The plan editor's county section (editor_county.js): keep, strengthen
// or abolish the county authority, a receiver for each of its tasks, and
// the regions of municipalities taken from a saved scenario whose host
// cooperations form regions (a plan of fixed cooperation regions saved
// from the structure search).

// editorCountyTask is a county task the editor offers a receiver for.
type editorCountyTask struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Ends: one of the county's democratic bodies (role
	// demokratisk_arena), which end with an abolished county.
	Ends bool `json:"ends,omitempty"`
	// Unverified: the legal basis is not, or only partly, confirmed.
	Unverified bool `json:"unverified,omitempty"`
}

// editorRegionSource is a scenario whose host cooperations form regions,
// with those regions as the county lever takes them.
type editorRegionSource struct {
	ID      string                    `json:"id"`
	Name    string                    `json:"name"`
	Regions []generalist.CountyRegion `json:"regions"`
}

// fillEditorCounty adds the county task catalogue and the region sources
// among list to the editor's boot; b.Municipalities must be filled.
func (s *Server) fillEditorCounty(b *editorBoot, list []app.Listed) error {
	cat, err := s.app.CountyTasks()
	if err != nil {
		return err
	}
	for _, t := range cat.Tasks {
		ct := editorCountyTask{ID: t.ID, Name: t.NameNB, Ends: t.Role == generalist.RoleDemocraticArena, Unverified: t.Verified != generalist.VerifiedYes}
		if b.Lang == "en" {
			ct.Name = t.NameEN
		}
		b.CountyTasks = append(b.CountyTasks, ct)
	}
	b.RegionSources = regionSources(list, b.Structure, b.Municipalities, b.Lang)
	return nil
}

// regionSources lists the stored scenarios of the structure whose host
// cooperations form regions (generalist.Scenario.HostGroups), each region
// named after its host: "Region Kristiansand", with the number when two
// hosts share a name.
func regionSources(list []app.Listed, st generalist.Structure, ms []editorMunicipality, lang string) []editorRegionSource {
	name := map[generalist.MunicipalityNumber]string{}
	count := map[string]int{}
	for _, m := range ms {
		name[m.Number] = m.Name
		count[m.Name]++
	}
	out := []editorRegionSource{}
	for _, l := range list {
		if l.Kind != app.KindStored || l.Structure != st {
			continue
		}
		groups, ok := l.HostGroups()
		if !ok || len(groups) == 0 {
			continue
		}
		src := editorRegionSource{ID: l.ID, Name: l.Name}
		for _, g := range groups {
			n, known := name[g.Host]
			if !known {
				n = string(g.Host)
			} else if count[n] > 1 {
				n += " (" + string(g.Host) + ")"
			}
			src.Regions = append(src.Regions, generalist.CountyRegion{Name: sprintf(msg(lang, "ed.county.region"), n), Members: g.Members})
		}
		out = append(out, src)
	}
	return out
}

// countyPlace puts every problem of the county lever ("county",
// "county.moves[0] (tannhelse)", "county.regions[1] (B)") at the editor's
// county section, which has one list of problems.
func countyPlace(p *editorProblem) {
	if p.Section == "county" || strings.HasPrefix(p.Section, "county.") {
		p.Section, p.Index = "county", -1
	}
}
