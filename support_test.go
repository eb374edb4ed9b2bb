package generalist

import (
	"strings"
	"testing"
)

func TestSupportValidate(t *testing.T) {
	ms := []Municipality{{Structure: Structure2024, Number: "1111", County: "11"}, {Structure: Structure2024, Number: "1112", County: "11"}}
	cat := &Catalogue{Version: "v1", Tasks: []Task{{ID: "ppt", Role: RoleServiceProvider}}}
	ok := SupportScheme{PerCooperation: 1_000_000, Years: 3, Criteria: SupportCriteria{Forms: []IMCForm{FormIKS}, Tasks: []string{"ppt"}, PopulationBelow: 5000}}
	cases := []struct {
		name   string
		change func(*SupportScheme)
		key    string
		text   string
	}{
		{"valid", func(*SupportScheme) {}, "", ""},
		{"per participant only", func(s *SupportScheme) { s.PerCooperation, s.PerParticipant = 0, 200_000 }, "", ""},
		{"negative per cooperation", func(s *SupportScheme) { s.PerCooperation = -1 }, "err.support.negative.coop", "grant per cooperation -1 is negative"},
		{"negative per participant", func(s *SupportScheme) { s.PerParticipant = -5 }, "err.support.negative.part", "grant per participant -5 is negative"},
		{"no amount", func(s *SupportScheme) { s.PerCooperation = 0 }, "err.support.noamount", "give a grant"},
		{"zero years", func(s *SupportScheme) { s.Years = 0 }, "err.support.years", "period of 0 years"},
		{"too many years", func(s *SupportScheme) { s.Years = 51 }, "err.support.years", "period of 51 years"},
		{"unknown form", func(s *SupportScheme) { s.Criteria.Forms = []IMCForm{"iks"} }, "err.support.form", `unknown form "iks"`},
		{"unknown task", func(s *SupportScheme) { s.Criteria.Tasks = []string{"brann"} }, "err.support.task", `task "brann"`},
		{"negative population", func(s *SupportScheme) { s.Criteria.PopulationBelow = -3 }, "err.support.population", "population_below -3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sch := ok
			sch.Criteria.Forms = append([]IMCForm(nil), ok.Criteria.Forms...)
			c.change(&sch)
			sc := &Scenario{Name: "Støtte", Structure: Structure2024, Year: 2024, Support: []SupportScheme{sch}}
			ps := sc.Validate(ms, cat)
			if c.key == "" {
				if err := ps.Err(); err != nil {
					t.Fatalf("want no problem, got %v", err)
				}
				return
			}
			if len(ps) != 1 {
				t.Fatalf("want one problem, got %v", ps)
			}
			p := ps[0]
			if p.Warning || p.Where != "support[0]" || p.Key != c.key || !strings.Contains(p.Message, c.text) {
				t.Errorf("got %+v, want key %s and a message with %q at support[0]", p, c.key, c.text)
			}
			if ps.Err() == nil {
				t.Error("the problem does not stop evaluation")
			}
		})
	}
}
