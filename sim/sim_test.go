package sim_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"generalist"
	"generalist/atlas"
	"generalist/geo"
	"generalist/graph"
	"generalist/internal/testkit"
	"generalist/refdata"
	"generalist/sim"
	"generalist/sqlite"
)

var (
	once   sync.Once
	store  *sqlite.DB
	cat    *generalist.Catalogue
	county *generalist.CountyCatalogue
	graphs = map[generalist.Structure]*graph.Graph{}
	setErr error
)

func setup(t testing.TB) {
	t.Helper()
	once.Do(func() {
		ctx := context.Background()
		dir, err := osTempDir()
		if err != nil {
			setErr = err
			return
		}
		if store, setErr = sqlite.Open(ctx, filepath.Join(dir, "sim.db")); setErr != nil {
			return
		}
		if _, setErr = refdata.Ensure(ctx, store); setErr != nil {
			return
		}
		if cat, setErr = refdata.EmbeddedTasks(); setErr != nil {
			return
		}
		if county, setErr = refdata.EmbeddedCountyTasks(); setErr != nil {
			return
		}
		ms, _, err := geo.Embedded(generalist.Structure2024)
		if err != nil {
			setErr = err
			return
		}
		graphs[generalist.Structure2024], setErr = graph.Build(ms, graph.Options{})
	})
	if setErr != nil {
		t.Fatal(setErr)
	}
}

func input(t testing.TB, s generalist.Structure, year int) *sim.Base {
	t.Helper()
	setup(t)
	ctx := context.Background()
	ms, err := store.Municipalities(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	pops, err := atlas.Detailed(ctx, store, s, year)
	if err != nil {
		t.Fatal(err)
	}
	in := &sim.Base{Structure: s, Year: year, Municipalities: ms, Populations: pops, Catalogue: cat, Graph: graphs[s], County: county}
	if s == generalist.Structure2024 {
		cs, err := store.Centrality(ctx)
		if err != nil {
			t.Fatal(err)
		}
		in.Centrality = map[generalist.MunicipalityNumber]int{}
		for _, c := range cs {
			in.Centrality[c.Municipality] = c.Class
		}
	}
	return in
}

// TestReformAsScenario expresses the 2020 municipal reform as a scenario on
// the 2019 structure: it must give 356 municipalities, each 2020
// municipality untouched by a split carrying exactly the sum of its 2019
// parts' 1.1.2019 population, and those touched by a split unknown.
func TestReformAsScenario(t *testing.T) {
	in := input(t, generalist.Structure2019, 2019)
	ctx := context.Background()
	m, err := store.Mapping(ctx, 2019, 2020)
	if err != nil {
		t.Fatal(err)
	}
	ms2020, err := store.Municipalities(ctx, 2020)
	if err != nil {
		t.Fatal(err)
	}
	s := sim.FromMapping(m, in.Municipalities, ms2020, "Kommunereformen 2020", 2019)
	out, err := sim.Run(in, s)
	if err != nil {
		t.Fatal(err)
	}
	if out.Municipalities != 356 {
		t.Fatalf("municipalities = %d, want 356", out.Municipalities)
	}
	// Independent check through the mapping: carry the 1.1.2019 counts.
	pops, err := store.Populations(ctx, generalist.PopulationFilter{Structure: 2019, Year: 2019})
	if err != nil {
		t.Fatal(err)
	}
	var counts []generalist.Count
	for _, p := range pops {
		counts = append(counts, p.Count())
	}
	want, err := m.Carry(counts)
	if err != nil {
		t.Fatal(err)
	}
	to := map[generalist.MunicipalityNumber]generalist.MunicipalityNumber{}
	for _, c := range m.Changes {
		to[c.From] = c.To // a split's last part; split units are unknown anyway
	}
	got := map[generalist.MunicipalityNumber]generalist.Count{}
	for _, u := range out.Units {
		got[to[u.Members[0]]] = u.Population
	}
	unknown := 0
	for _, w := range want {
		g := got[w.Municipality]
		if g.Known != w.Known || g.Value != w.Value {
			t.Errorf("2020 municipality %s: scenario %+v, mapping %+v", w.Municipality, g, w)
		}
		if !w.Known {
			unknown++
		}
	}
	// Narvik, Hamarøy (Tysfjord) and Heim, Hitra, Orkland (Snillfjord).
	if unknown != 5 {
		t.Errorf("%d municipalities unknown, want 5", unknown)
	}
}

func TestTodayAndScenarios(t *testing.T) {
	in := input(t, generalist.Structure2024, 2026)
	today, err := sim.Run(in, &generalist.Scenario{Name: "Dagens system", Structure: 2024, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if today.Municipalities != 357 || today.Inhabitants != 5627400 || today.Stats.Median != 5447 {
		t.Fatalf("today = %d municipalities, %d inhabitants, median %v", today.Municipalities, today.Inhabitants, today.Stats.Median)
	}
	if today.Vulnerable == 0 || today.MeanOutsideShare != 0 {
		t.Errorf("today: vulnerable %d, outside share %v", today.Vulnerable, today.MeanOutsideShare)
	}
	barnevern := func(o *sim.Outcome) sim.TaskOutcome {
		for _, to := range o.Tasks {
			if to.Task == "barnevern" {
				return to
			}
		}
		t.Fatal("no barnevern")
		return sim.TaskOutcome{}
	}
	// Mandated IMC for child welfare below a robust team: fewer short.
	mandated, err := sim.Run(in, &generalist.Scenario{Name: "Pålagt barnevernssamarbeid", Structure: 2024, Year: 2026,
		Mandated: []generalist.MandatedIMC{{Task: "barnevern", Form: generalist.FormHostAdmin, Criteria: generalist.Criteria{BelowRobust: true}}}})
	if err != nil {
		t.Fatal(err)
	}
	if b, b0 := barnevern(mandated), barnevern(today); b.Short >= b0.Short || b.Grouped == 0 || mandated.MeanOutsideShare <= 0 {
		t.Errorf("mandated: short %d (today %d), grouped %d, outside %v", b.Short, b0.Short, b.Grouped, mandated.MeanOutsideShare)
	}
	// Differentiation to the state for small municipalities: moved.
	moved, err := sim.Run(in, &generalist.Scenario{Name: "Barnevern til staten under 3 000", Structure: 2024, Year: 2026,
		Differentiated: []generalist.TaskTransfer{{Task: "barnevern", To: generalist.ToState, Criteria: generalist.Criteria{PopulationBelow: 3000}}}})
	if err != nil {
		t.Fatal(err)
	}
	if b := barnevern(moved); b.Moved == 0 || b.Short >= barnevern(today).Short {
		t.Errorf("to the state: moved %d, short %d", b.Moved, b.Short)
	}
	// A merger of Utsira into Karmøy (joined by a sea link).
	merged, err := sim.Run(in, &generalist.Scenario{Name: "Utsira og Karmøy", Structure: 2024, Year: 2026,
		Mergers: []generalist.Merger{{Name: "Karmøy", Members: []generalist.MunicipalityNumber{"1149", "1151"}, Centre: "1149"}}})
	if err != nil {
		t.Fatal(err)
	}
	if merged.Municipalities != 356 || merged.Inhabitants != 5627400 || merged.CentreDistance.MeanKm == nil || *merged.CentreDistance.MeanKm <= 0 {
		t.Errorf("merged: %d municipalities, %d inhabitants, distance %+v", merged.Municipalities, merged.Inhabitants, merged.CentreDistance)
	}
	// A stricter national norm leaves more teams short.
	seven := 50.0
	strict, err := sim.Run(in, &generalist.Scenario{Name: "Strengere norm", Structure: 2024, Year: 2026,
		Norms: []generalist.NormChange{{Task: "barnevern", MinTeam: &seven, Note: "test"}}})
	if err != nil {
		t.Fatal(err)
	}
	if barnevern(strict).Short <= barnevern(today).Short {
		t.Errorf("strict norm: %d short, today %d", barnevern(strict).Short, barnevern(today).Short)
	}
}

func TestValidateErrors(t *testing.T) {
	in := input(t, generalist.Structure2024, 2026)
	base := func() *generalist.Scenario { return &generalist.Scenario{Name: "x", Structure: 2024, Year: 2026} }
	for _, tt := range []struct {
		name string
		mod  func(s *generalist.Scenario)
		want string
	}{
		{"UnknownMunicipality", func(s *generalist.Scenario) {
			s.Mergers = []generalist.Merger{{Name: "m", Members: []generalist.MunicipalityNumber{"0301", "1507"}}}
		}, "kommune 1507 is not in the 2024 structure"},
		{"TwoMergers", func(s *generalist.Scenario) {
			s.Mergers = []generalist.Merger{{Name: "a", Members: []generalist.MunicipalityNumber{"1149", "1151"}}, {Name: "b", Members: []generalist.MunicipalityNumber{"1151", "1106"}}}
		}, "kommune 1151 is also in mergers[0] (a)"},
		{"NotContiguous", func(s *generalist.Scenario) {
			s.Mergers = []generalist.Merger{{Name: "far", Members: []generalist.MunicipalityNumber{"0301", "5601"}}}
		}, "do not form a contiguous area"},
		{"HostNotMember", func(s *generalist.Scenario) {
			s.Arrangements = []generalist.Arrangement{{Task: "barnevern", Form: generalist.FormHostAdmin, Members: []generalist.MunicipalityNumber{"1149", "1151"}, Host: "1106"}}
		}, "the host 1106 is not a member"},
		{"FormMayNotExerciseAuthority", func(s *generalist.Scenario) {
			s.Arrangements = []generalist.Arrangement{{Task: "barnevern", Form: generalist.FormKO, Members: []generalist.MunicipalityNumber{"1149", "1151"}}}
		}, "only the host-municipality model"},
		{"Conflict", func(s *generalist.Scenario) {
			s.Arrangements = []generalist.Arrangement{{Task: "barnevern", Form: generalist.FormHostAdmin, Members: []generalist.MunicipalityNumber{"1149", "1151"}, Host: "1149"}}
			s.Differentiated = []generalist.TaskTransfer{{Task: "barnevern", To: generalist.ToState, Criteria: generalist.Criteria{Named: []generalist.MunicipalityNumber{"1151"}}}}
		}, "kommune 1151 and task barnevern are already covered by cooperations[0] (barnevern)"},
		{"UnknownTask", func(s *generalist.Scenario) {
			s.Norms = []generalist.NormChange{{Task: "romfart", Note: "x"}}
		}, `task "romfart" is not in the task catalogue`},
		{"NoCriteria", func(s *generalist.Scenario) {
			s.Differentiated = []generalist.TaskTransfer{{Task: "barnevern", To: generalist.ToCounty}}
		}, "the rule has no criteria"},
		{"TinyNorm", func(s *generalist.Scenario) {
			v := 1e-320
			s.Norms = []generalist.NormChange{{Task: "barnevern", FTEPer1000: &v, Note: "x"}}
		}, "norms[0] (barnevern): fte_per_1000 1e-320 is not a valid norm: give 0 or from 0.001 to 1000"},
		{"SplitIntoItself", func(s *generalist.Scenario) {
			s.Splits = []generalist.SplitChange{{From: "1806", Into: []generalist.MunicipalityNumber{"1806", "1853"}}}
		}, "splits[0]: kommune 1806 cannot receive a part of itself"},
		{"SplitAndMerged", func(s *generalist.Scenario) {
			s.Mergers = []generalist.Merger{{Name: "m", Members: []generalist.MunicipalityNumber{"1806", "1853"}}}
			s.Splits = []generalist.SplitChange{{From: "1806", Into: []generalist.MunicipalityNumber{"1851", "1853"}}}
		}, "splits[0]: kommune 1806 is split and also merged in mergers[0] (m)"},
		{"IdenticalSplits", func(s *generalist.Scenario) {
			sp := generalist.SplitChange{From: "1806", Into: []generalist.MunicipalityNumber{"1851", "1853"}}
			s.Splits = []generalist.SplitChange{sp, sp}
		}, "splits[1]: kommune 1806 is already split by splits[0]"},
		{"PartTwice", func(s *generalist.Scenario) {
			s.Splits = []generalist.SplitChange{{From: "1806", Into: []generalist.MunicipalityNumber{"1853", "1853"}}}
		}, "splits[0]: kommune 1853 is listed twice as a part"},
		{"PartSplit", func(s *generalist.Scenario) {
			s.Splits = []generalist.SplitChange{{From: "1806", Into: []generalist.MunicipalityNumber{"1851", "1853"}}, {From: "1853", Into: []generalist.MunicipalityNumber{"1851", "1828"}}}
		}, "splits[0]: kommune 1853 cannot receive a part: it is itself split by splits[1]"},
		{"HostSplit", func(s *generalist.Scenario) {
			s.Splits = []generalist.SplitChange{{From: "1806", Into: []generalist.MunicipalityNumber{"1851", "1853"}}}
			s.Differentiated = []generalist.TaskTransfer{{Task: "barnevern", To: generalist.ToHost, Host: "1806", Criteria: generalist.Criteria{Named: []generalist.MunicipalityNumber{"1828"}}}}
		}, "kommune 1806 is split by splits[0] and no longer exists in the scenario"},
		{"MemberSplit", func(s *generalist.Scenario) {
			s.Splits = []generalist.SplitChange{{From: "1806", Into: []generalist.MunicipalityNumber{"1851", "1853"}}}
			s.Arrangements = []generalist.Arrangement{{Task: "barnevern", Form: generalist.FormHostAdmin, Members: []generalist.MunicipalityNumber{"1806", "1853"}, Host: "1853"}}
		}, "kommune 1806 is split by splits[0] and no longer exists in the scenario"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := base()
			tt.mod(s)
			_, err := sim.Run(in, s)
			if err == nil || generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run = %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
	// Allowed non-contiguity is a warning, and the run goes on.
	s := base()
	s.Mergers = []generalist.Merger{{Name: "far", Members: []generalist.MunicipalityNumber{"0301", "5601"}, AllowNonContiguous: true}}
	out, err := sim.Run(in, s)
	if err != nil || len(out.Problems) != 1 || !out.Problems[0].Warning {
		t.Errorf("allowed non-contiguous merger: %v, problems %v", err, out)
	}
	// A law change is flagged but evaluates.
	s = base()
	s.Arrangements = []generalist.Arrangement{{Task: "kulturskole", Form: generalist.FormSamkommune, Members: []generalist.MunicipalityNumber{"1149", "1151"}}}
	if out, err := sim.Run(in, s); err != nil || !slices.ContainsFunc(out.Problems, func(p generalist.Problem) bool { return strings.Contains(p.Message, "change of law") }) {
		t.Errorf("samkommune: %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	in := input(t, generalist.Structure2024, 2026)
	s := &generalist.Scenario{Name: "d", Structure: 2024, Year: 2026,
		Mandated: []generalist.MandatedIMC{{Task: "barnevern", Form: generalist.FormHostAdmin, Criteria: generalist.Criteria{BelowRobust: true}}}}
	a, err := sim.Run(in, s)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := sim.Run(in, s)
	if !equalJSON(t, a, b) {
		t.Error("two runs of the same scenario differ")
	}
}

// BenchmarkRun evaluates today's system, the old mixed scenario (a merger
// and mandated cooperation) and every shipped example, each on its whole
// country. Besides the wall clock it reports the process's CPU time per
// evaluation (cpu-ns/op), which the load of a shared machine disturbs
// less.
func BenchmarkRun(b *testing.B) {
	in := input(b, generalist.Structure2024, 2026)
	s := &generalist.Scenario{Name: "b", Structure: 2024, Year: 2026,
		Mandated: []generalist.MandatedIMC{{Task: "barnevern", Form: generalist.FormHostAdmin, Criteria: generalist.Criteria{BelowRobust: true}}},
		Mergers:  []generalist.Merger{{Name: "Karmøy", Members: []generalist.MunicipalityNumber{"1149", "1151"}, Centre: "1149"}}}
	bench := func(name string, in *sim.Base, s *generalist.Scenario) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := testkit.CPUTime()
			for b.Loop() {
				if _, err := sim.Run(in, s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(testkit.CPUTime()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
	bench("Today", in, &generalist.Scenario{Name: "t", Structure: 2024, Year: 2026})
	bench("Scenario", in, s)
	examples, err := refdata.ExampleScenarios()
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range examples {
		bench(s.ID, input(b, s.Structure, s.Year), s)
	}
}

// TestExamples evaluates every shipped example scenario.
func TestExamples(t *testing.T) {
	examples, err := refdata.ExampleScenarios()
	if err != nil {
		t.Fatal(err)
	}
	if len(examples) < 6 {
		t.Fatalf("%d example scenarios, want at least 6", len(examples))
	}
	for _, s := range examples {
		t.Run(s.ID, func(t *testing.T) {
			out, err := sim.Run(input(t, s.Structure, s.Year), s)
			if err != nil {
				t.Fatal(err)
			}
			if s.ID == "kommunereformen-2020" && out.Municipalities != 356 {
				t.Errorf("the reform gives %d municipalities, want 356", out.Municipalities)
			}
			if len(out.Rules) == 0 && len(s.Norms) == 0 && len(s.Mergers) == 0 && out.County == nil {
				t.Errorf("no rule of %s touched any municipality", s.ID)
			}
		})
	}
}
