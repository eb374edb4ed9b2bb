package generalist

import (
	"fmt"
	"strings"
	"testing"
)

// leverSeeds are scenario files with the support and county levers, good
// and bad: the seed corpus of FuzzParseScenario and FuzzValidateLevers.
var leverSeeds = []string{
	`{"name": "x", "structure": 2024, "year": 2026, "support": [{"name": "s", "per_cooperation": 1000000, "per_participant": 250000, "years": 3, "criteria": {"forms": ["iks", "samkommune"], "tasks": ["vern"], "population_below": 5000, "below_robust": true}}]}`,
	`{"name": "x", "structure": 2024, "year": 2026, "support": [{"per_cooperation": -1, "years": 0}, {"per_participant": 1e13, "years": 51}, {"years": 2, "criteria": {"forms": ["x"], "tasks": ["nope"], "population_below": -5}}]}`,
	`{"name": "x", "structure": 2024, "year": 2026, "support": [{"per_participant": 5, "years": 2}], "support": [{"per_participant": 6, "years": 2}]}`,
	`{"name": "x", "structure": 2024, "year": 2026, "support": [{"per_cooperation": 1e309, "years": 3}]}`,
	`{"name": "x", "structure": 2024, "year": 2026, "support": {"per_participant": 5}}`,
	`{"name": "x", "structure": 2024, "year": 2026, "support": [[[[[]]]]]}`,
	`{"name": "x", "structure": 2024, "year": 2026, "county": {"abolish": true, "others": "staten", "note": "n"}}`,
	`{"name": "x", "structure": 2024, "year": 2026, "county": {"abolish": true, "moves": [{"task": "vgs", "to": "regioner"}], "regions": [{"name": "r", "members": ["1111", "1112"]}]}}`,
	`{"name": "x", "structure": 2024, "year": 2026, "county": {"moves": [{"task": "vgs", "to": "mars"}, {"task": "vgs", "to": "staten"}, {"task": "", "to": ""}]}}`,
	`{"name": "x", "structure": 2024, "year": 2026, "county": {"others": "regioner", "regions": [{"name": "a", "members": ["1111", "1111", "x", "9999"]}, {"name": "", "members": []}]}}`,
	`{"name": "x", "structure": 2024, "year": 2026, "county": {"regions": [{"name": "a", "members": ["1111"]}]}}`,
	`{"name": "x", "structure": 2024, "year": 2026, "county": {}}`,
	`{"name": "x", "structure": 2024, "year": 2026, "county": {"county": {"county": {}}}}`,
	`{"name": "x", "structure": 2024, "year": 2026, "county": {"abolish": "yes"}}`,
	`{"name": "x", "structure": 2024, "year": 2026, "county_relief": [{"task": "vern", "counties": ["11", "99"], "all": true}], "county": {"abolish": true, "others": "kommunene"}}`,
}

// leverFixture is what FuzzValidateLevers checks scenarios against: two
// municipalities of county 11, a task catalogue of one task and a county
// task catalogue of two.
func leverFixture() ([]Municipality, *Catalogue, *CountyCatalogue) {
	ms := []Municipality{{Structure: Structure2024, Number: "1111", County: "11"}, {Structure: Structure2024, Number: "1112", County: "11"}}
	cat := &Catalogue{Version: "t", Tasks: []Task{{ID: "vern", NameNB: "v", NameEN: "v", Role: RoleServiceProvider, Sector: "s", LegalBasis: "lov"}}}
	county := &CountyCatalogue{Version: "t", Tasks: []CountyTask{
		{ID: "vgs", NameNB: "v", NameEN: "v", Role: RoleServiceProvider, Sector: "s", LegalBasis: "lov", Verified: VerifiedYes, Sources: []string{"s"}},
		{ID: "ting", NameNB: "t", NameEN: "t", Role: RoleDemocraticArena, Sector: "s", LegalBasis: "lov", Verified: VerifiedYes, Sources: []string{"s"}},
	}}
	return ms, cat, county
}

// FuzzValidateLevers checks that a scenario file that parses is checked
// without a panic, that every problem of the support and county levers
// says where it is and carries a message key for the edges to word it,
// and that the problems make an EINVALID error or, if only warnings, none.
func FuzzValidateLevers(f *testing.F) {
	for _, s := range leverSeeds {
		f.Add([]byte(s))
	}
	ms, cat, county := leverFixture()
	set := NewMunicipalitySet(ms)
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseScenario(b, "f.json")
		if err != nil {
			return
		}
		ps := append(s.ValidateIn(set, cat), s.ValidateCountyTasks(county)...)
		errs := 0
		for _, p := range ps {
			if p.Where == "" || p.Message == "" {
				t.Fatalf("problem %+v does not say where and what", p)
			}
			if (strings.HasPrefix(p.Where, "support") || strings.HasPrefix(p.Where, "county.") || p.Where == "county") && p.Key == "" {
				t.Fatalf("problem %+v of a lever has no message key", p)
			}
			if !p.Warning {
				errs++
			}
		}
		if err := ps.Err(); (err != nil) != (errs > 0) || (err != nil && ErrorCode(err) != EINVALID) {
			t.Fatalf("Problems.Err() = %v with %d errors", err, errs)
		}
	})
}

// TestProblemsOrderAndBound: problems are listed by place with list
// positions in number order (mergers[2] before mergers[10]), and a
// scenario with thousands of them gets an error listing the first
// hundred and the count, not all of them.
func TestProblemsOrderAndBound(t *testing.T) {
	ms, cat, county := leverFixture()
	s := &Scenario{Name: "x", Structure: Structure2024, Year: 2026, County: &CountyChange{Others: CountyToRegions}}
	for i := range 5000 {
		s.County.Regions = append(s.County.Regions, CountyRegion{Name: fmt.Sprintf("r%d", i), Members: []MunicipalityNumber{"1111"}})
	}
	ps := append(s.Validate(ms, cat), s.ValidateCountyTasks(county)...)
	if len(ps) != 4999 || ps[0].Where != "county.regions[1] (r1)" || ps[8].Where != "county.regions[9] (r9)" || ps[9].Where != "county.regions[10] (r10)" {
		t.Fatalf("%d problems, the first at %q, the ninth at %q, the tenth at %q", len(ps), ps[0].Where, ps[8].Where, ps[9].Where)
	}
	msg := ErrorMessage(ps.Err())
	if !strings.HasPrefix(msg, "the scenario has 4999 problem(s):") || !strings.HasSuffix(msg, "… and 4899 more") || strings.Count(msg, "\n") != 101 {
		t.Errorf("Err() = %.200q … %q (%d lines)", msg, msg[len(msg)-40:], strings.Count(msg, "\n"))
	}
	for _, tt := range []struct {
		a, b string
		less bool
	}{
		{"mergers[2]", "mergers[10]", true}, {"mergers[10]", "mergers[2]", false}, {"mergers[02]", "mergers[2]", false},
		{"county", "county.moves", true}, {"a1b", "a1c", true}, {"", "a", true}, {"a", "a", false},
	} {
		if got := placeLess(tt.a, tt.b); got != tt.less {
			t.Errorf("placeLess(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}
