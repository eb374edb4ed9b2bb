package sim

import (
	"slices"
	"testing"

	"generalist"
)

// todayBase: one task robust from 2,500 inhabitants (2 FTE per 1,000, 5
// FTE minimum); 1806 is robust alone, 1851 (1,500) and 1853 (1,200) are
// not, but together (5.4 FTE) they are.
func todayBase(today ...generalist.Arrangement) *Base {
	p := generalist.Param{Value: 2, Assumption: true, Note: "test"}
	m := generalist.Param{Value: 5, Assumption: true, Note: "test"}
	in := &Base{Structure: 2024, Year: 2026, Today: today,
		Catalogue: &generalist.Catalogue{Version: "t", Tasks: []generalist.Task{{ID: "vern", NameNB: "v", NameEN: "v",
			Role: generalist.RoleServiceProvider, Sector: "s", LegalBasis: "lov", Staffing: &generalist.Staffing{FTEPer1000: p, MinTeam: m}}}}}
	for n, total := range map[generalist.MunicipalityNumber]generalist.Persons{"1806": 20000, "1851": 1500, "1853": 1200} {
		in.Municipalities = append(in.Municipalities, generalist.Municipality{Number: n, Name: string(n), ShortName: string(n), County: "18"})
		in.Populations = append(in.Populations, generalist.Population{Structure: 2024, Year: 2026, Municipality: n, Total: total})
	}
	return in
}

var hosted = generalist.Arrangement{Task: "vern", Form: generalist.FormHostAdmin, Members: []generalist.MunicipalityNumber{"1853", "1851"}, Host: "1851"}

func run(t *testing.T, in *Base, s *generalist.Scenario) *Outcome {
	t.Helper()
	out, err := Run(in, s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func rules(out *Outcome) map[string]int {
	m := map[string]int{}
	for _, r := range out.Rules {
		m[r.Rule] = r.Municipalities
	}
	return m
}

func TestToday(t *testing.T) {
	today := &generalist.Scenario{Name: "Dagens system", Structure: 2024, Year: 2026}
	t.Run("Alone", func(t *testing.T) {
		out := run(t, todayBase(), today)
		if to := out.Tasks[0]; to.Short != 2 || to.Grouped != 0 || to.Outside != 0 || out.MeanOutsideShare != 0 {
			t.Errorf("without registered cooperation: %+v, outside share %v; want 2 short, none grouped", to, out.MeanOutsideShare)
		}
	})
	t.Run("Registered", func(t *testing.T) {
		in := todayBase(hosted)
		in.TodayBasis = generalist.CooperationBasis{Applied: true, ActiveOn: "2026-01-01", Cooperations: 1, Arrangements: 1}
		out := run(t, in, today)
		if to := out.Tasks[0]; to.Short != 0 || to.Grouped != 2 || to.Outside != 1 {
			t.Errorf("host arrangement 1851+1853: %+v; want both grouped, robust, 1853 outside", to)
		}
		if out.MeanOutsideShare <= 0 {
			t.Errorf("outside share = %v, want > 0", out.MeanOutsideShare)
		}
		if got := rules(out); got["today[0] (vern, vertskommune_administrativt)"] != 2 {
			t.Errorf("rules = %v, want today[0] on 2 municipalities", got)
		}
		if out.TodaysCooperation != in.TodayBasis {
			t.Errorf("basis = %+v, want %+v", out.TodaysCooperation, in.TodayBasis)
		}
	})
	t.Run("Merged", func(t *testing.T) {
		s := &generalist.Scenario{Name: "m", Structure: 2024, Year: 2026,
			Mergers: []generalist.Merger{{Name: "Ny", Members: []generalist.MunicipalityNumber{"1851", "1853"}}}}
		out := run(t, todayBase(hosted), s)
		if to := out.Tasks[0]; to.Short != 0 || to.Grouped != 0 || to.Outside != 0 || out.MeanOutsideShare != 0 {
			t.Errorf("after merging 1851 and 1853: %+v, share %v; want in-house, nothing outside", to, out.MeanOutsideShare)
		}
		if len(out.Rules) != 0 {
			t.Errorf("rules = %v, want none", out.Rules)
		}
	})
	t.Run("ScenarioFirst", func(t *testing.T) {
		s := &generalist.Scenario{Name: "own", Structure: 2024, Year: 2026,
			Arrangements: []generalist.Arrangement{{Task: "vern", Form: generalist.FormHostAdmin, Members: []generalist.MunicipalityNumber{"1806", "1853"}, Host: "1806"}}}
		out := run(t, todayBase(hosted), s)
		got := rules(out)
		if got["cooperations[0] (vern, vertskommune_administrativt)"] != 2 || slices.ContainsFunc(out.Rules, func(r RuleOutcome) bool { return r.Rule[:5] == "today" }) {
			t.Errorf("rules = %v, want the scenario's arrangement only (1851 is left alone)", got)
		}
		if to := out.Tasks[0]; to.Short != 1 {
			t.Errorf("%+v: want 1851 short", to)
		}
	})
	t.Run("MandatedAfter", func(t *testing.T) {
		s := &generalist.Scenario{Name: "mandate", Structure: 2024, Year: 2026,
			Mandated: []generalist.MandatedIMC{{Task: "vern", Form: generalist.FormHostAdmin, Criteria: generalist.Criteria{BelowRobust: true}}}}
		if got := rules(run(t, todayBase(), s)); got["mandated[0] (vern, vertskommune_administrativt)"] != 2 {
			t.Errorf("without registered cooperation: rules = %v, want the mandate on 2", got)
		}
		if got := rules(run(t, todayBase(hosted), s)); got["mandated[0] (vern, vertskommune_administrativt)"] != 0 {
			t.Errorf("with registered cooperation: rules = %v, want no mandate (both are in a pool)", got)
		}
	})
	t.Run("Overlapping", func(t *testing.T) {
		// 1806+1851 and 1851+1853: one pool of three.
		in := todayBase(generalist.Arrangement{Task: "vern", Form: generalist.FormKO, Members: []generalist.MunicipalityNumber{"1806", "1851"}},
			generalist.Arrangement{Task: "vern", Form: generalist.FormKO, Members: []generalist.MunicipalityNumber{"1853", "1806"}})
		out := run(t, in, today)
		if to := out.Tasks[0]; to.Grouped != 3 || to.Outside != 3 {
			t.Errorf("overlapping arrangements: %+v; want one pool of 3, run outside (KO)", to)
		}
	})
}
