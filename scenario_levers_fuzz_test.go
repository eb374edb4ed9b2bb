package generalist

import (
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
