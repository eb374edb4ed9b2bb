package sim_test

import (
	"testing"

	"generalist"
	"generalist/sim"
)

// supportBase is four small municipalities and two tasks whose team is
// the whole population times a norm: ppt 1 FTE per 1 000 (robust from 5
// FTEs), barnevern 0.5 per 1 000 (robust from 3).
func supportBase() *sim.Base {
	ms := []generalist.Municipality{}
	pops := []generalist.Population{}
	for _, m := range []struct {
		n    generalist.MunicipalityNumber
		name string
		pop  generalist.Persons
	}{{"1101", "Aa", 2000}, {"1102", "Bb", 3000}, {"1103", "Cc", 10000}, {"1104", "Dd", 4000}} {
		ms = append(ms, generalist.Municipality{Structure: generalist.Structure2024, Number: m.n, ShortName: m.name, Name: m.name, County: "11"})
		pops = append(pops, generalist.Population{Structure: generalist.Structure2024, Year: 2024, Municipality: m.n, Total: m.pop})
	}
	staff := func(fte, min float64) *generalist.Staffing {
		return &generalist.Staffing{FTEPer1000: generalist.Param{Value: fte, Assumption: true}, MinTeam: generalist.Param{Value: min, Assumption: true}}
	}
	cat := &generalist.Catalogue{Version: "test", Tasks: []generalist.Task{
		{ID: "ppt", Role: generalist.RoleServiceProvider, Staffing: staff(1, 5)},
		{ID: "barnevern", Role: generalist.RoleServiceProvider, Staffing: staff(0.5, 3)},
	}}
	return &sim.Base{Structure: generalist.Structure2024, Year: 2024, Municipalities: ms, Populations: pops, Catalogue: cat,
		// Today 1103 and 1104 already run ppt together.
		Today: []generalist.Arrangement{{Task: "ppt", Form: generalist.FormIKS, Members: []generalist.MunicipalityNumber{"1103", "1104"}}}}
}

// TestSupportHandComputed checks the support schemes against amounts
// computed by hand.
func TestSupportHandComputed(t *testing.T) {
	in := supportBase()
	sc := &generalist.Scenario{Name: "Støtte", Structure: generalist.Structure2024, Year: 2024,
		Arrangements: []generalist.Arrangement{
			// New: an IKS for ppt of 1101 (2 000 inhabitants, 2 FTEs: short)
			// and 1102 (3 000, 3 FTEs: short).
			{Task: "ppt", Form: generalist.FormIKS, Members: []generalist.MunicipalityNumber{"1101", "1102"}},
			// New: a host cooperation for barnevern, 1103 hosting (5 FTEs:
			// robust alone) and 1104 (2 FTEs: short).
			{Task: "barnevern", Form: generalist.FormHostAdmin, Host: "1103", Members: []generalist.MunicipalityNumber{"1103", "1104"}},
			// Not new: today's registered ppt cooperation, restated.
			{Task: "ppt", Form: generalist.FormIKS, Members: []generalist.MunicipalityNumber{"1104", "1103"}},
		},
		Support: []generalist.SupportScheme{
			// Only IKS, only participants under 2 500 inhabitants, 3 years.
			{Name: "IKS", PerCooperation: 900_000, PerParticipant: 100_000, Years: 3,
				Criteria: generalist.SupportCriteria{Forms: []generalist.IMCForm{generalist.FormIKS}, PopulationBelow: 2500}},
			// Any form, participants below the robust minimum, 2 years.
			{Name: "Robust", PerCooperation: 600_000, Years: 2, Criteria: generalist.SupportCriteria{BelowRobust: true}},
		}}
	out, err := sim.Run(in, sc)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.NewCooperations) != 2 {
		t.Fatalf("want the two new cooperations (not today's), got %+v", out.NewCooperations)
	}
	s := out.Support
	if s == nil {
		t.Fatal("no support outcome")
	}
	// By hand:
	// IKS: cooperation 1 qualifies through 1101 (2 000 < 2 500) alone:
	//   1101 gets 900 000 + 100 000 = 1 000 000 a year, 2024–2026.
	//   Cooperation 2 is a host cooperation: not in the criteria.
	// Robust: cooperation 1: 1101 and 1102 are short: 600 000 / 2 =
	//   300 000 each; cooperation 2: only 1104 is short: 600 000; a year
	//   1 200 000, 2024–2025.
	// The restated ppt cooperation of 1103 and 1104 is today's: nothing.
	wantYears := []sim.SupportYear{{Year: 2024, Cost: 2_200_000}, {Year: 2025, Cost: 2_200_000}, {Year: 2026, Cost: 1_000_000}}
	if !equalJSON(t, s.Years, wantYears) {
		t.Errorf("cost per year: got %+v, want %+v", s.Years, wantYears)
	}
	if s.Total != 5_400_000 || s.FirstYear != 2024 || s.LastYear != 2026 || s.Unknown != 0 {
		t.Errorf("total %v (%d–%d, %d unknown), want 5 400 000 (2024–2026, 0 unknown)", s.Total, s.FirstYear, s.LastYear, s.Unknown)
	}
	if s.Schemes[0].PerYear != 1_000_000 || s.Schemes[0].Total != 3_000_000 || s.Schemes[1].PerYear != 1_200_000 || s.Schemes[1].Total != 2_400_000 {
		t.Errorf("schemes: got %+v", s.Schemes)
	}
	want := []sim.SupportRecipient{
		{Number: "1101", Name: "Aa", Cooperations: 1, FirstYear: kr(1_300_000), Total: kr(3_600_000), Known: true},
		{Number: "1102", Name: "Bb", Cooperations: 1, FirstYear: kr(300_000), Total: kr(600_000), Known: true},
		{Number: "1104", Name: "Dd", Cooperations: 1, FirstYear: kr(600_000), Total: kr(1_200_000), Known: true},
	}
	if !equalJSON(t, s.Municipalities, want) {
		t.Errorf("per municipality:\n got %+v\nwant %+v", s.Municipalities, want)
	}
}

// TestSupportNoData: a participant without population data under a
// population criterion makes its cooperation's grant unknown, not 0.
func TestSupportNoData(t *testing.T) {
	in := supportBase()
	in.Populations[1] = generalist.Population{Structure: generalist.Structure2024, Year: 2024, Municipality: "1102", Missing: true}
	sc := &generalist.Scenario{Name: "Støtte", Structure: generalist.Structure2024, Year: 2024,
		Arrangements: []generalist.Arrangement{{Task: "ppt", Form: generalist.FormIKS, Members: []generalist.MunicipalityNumber{"1101", "1102"}}},
		Support:      []generalist.SupportScheme{{PerCooperation: 500_000, Years: 1, Criteria: generalist.SupportCriteria{PopulationBelow: 2500}}}}
	out, err := sim.Run(in, sc)
	if err != nil {
		t.Fatal(err)
	}
	s := out.Support
	if s.Unknown != 1 || s.Total != 0 || len(s.Schemes[0].Cooperations) != 0 || len(s.Schemes[0].Unknown) != 1 {
		t.Fatalf("want the cooperation unknown and nothing counted, got %+v", s)
	}
	for _, r := range s.Municipalities {
		if r.Known || r.FirstYear != nil || r.Total != nil {
			t.Errorf("%s: known %v, first year %v, total %v; a participant of an unjudged cooperation has no data (null), not an amount", r.Number, r.Known, r.FirstYear, r.Total)
		}
	}
}

// kr is a pointer to an amount, as a recipient's known amounts are.
func kr(v generalist.Kroner) *generalist.Kroner { return &v }

// TestSupportAbsent: without a scheme the outcome has neither section.
func TestSupportAbsent(t *testing.T) {
	in := supportBase()
	sc := &generalist.Scenario{Name: "Uten", Structure: generalist.Structure2024, Year: 2024,
		Arrangements: []generalist.Arrangement{{Task: "ppt", Form: generalist.FormIKS, Members: []generalist.MunicipalityNumber{"1101", "1102"}}}}
	out, err := sim.Run(in, sc)
	if err != nil {
		t.Fatal(err)
	}
	if out.Support != nil || out.NewCooperations != nil {
		t.Errorf("want no support section, got %+v", out.Support)
	}
}
