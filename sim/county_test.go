package sim_test

import (
	"strings"
	"testing"

	"generalist"
	"generalist/refdata"
	"generalist/sim"
)

// TestCountyAbolishExample evaluates the shipped illustration that
// abolishes the county: every county task has a receiver or ends, the
// receivers' bodies are counted, and the outcome lists what the engine
// cannot compute.
func TestCountyAbolishExample(t *testing.T) {
	examples, err := refdata.ExampleScenarios()
	if err != nil {
		t.Fatal(err)
	}
	var s *generalist.Scenario
	for _, e := range examples {
		if e.ID == "fylkeskommunen-avvikles" {
			s = e
		}
	}
	if s == nil {
		t.Fatal("the example fylkeskommunen-avvikles is not shipped")
	}
	if !strings.Contains(s.Description, "illustrasjon") {
		t.Errorf("the example must say it is an illustration: %q", s.Description)
	}
	in := input(t, s.Structure, s.Year)
	out, err := sim.Run(in, s)
	if err != nil {
		t.Fatal(err)
	}
	co := out.County
	if co == nil || !co.Abolished {
		t.Fatalf("county outcome = %+v, want an abolished county", co)
	}
	if len(co.Kept) != 0 || len(co.Moves)+len(co.Ended) != co.CatalogueTasks || co.CatalogueTasks != len(in.County.Tasks) {
		t.Errorf("kept %v, %d moves and %d ended of %d tasks", co.Kept, len(co.Moves), len(co.Ended), co.CatalogueTasks)
	}
	if co.Today.Count != 15 {
		t.Errorf("today %d counties on the 2024 structure, want 15", co.Today.Count)
	}
	to := map[generalist.CountyReceiver]sim.CountyReceiverOutcome{}
	for _, r := range co.Receivers {
		to[r.To] = r
	}
	if st := to[generalist.CountyToState]; st.Bodies.Count != 1 || st.Bodies.Population.Inhabitants != out.Inhabitants {
		t.Errorf("the state: %+v, want one body with all %d inhabitants", st.Bodies, out.Inhabitants)
	}
	km := to[generalist.CountyToMunicipalities]
	if km.Bodies.Count != out.Municipalities || len(km.Tasks) != 3 {
		t.Errorf("the municipalities: %d bodies (want %d), tasks %v", km.Bodies.Count, out.Municipalities, km.Tasks)
	}
	if co.Bodies != 1+out.Municipalities {
		t.Errorf("bodies = %d, want the state and %d municipalities", co.Bodies, out.Municipalities)
	}
	// Upper-secondary education serves 16–22-year-olds; the state serves
	// them all.
	var served bool
	for _, sv := range to[generalist.CountyToState].Served {
		if sv.Task == "videregaende" {
			served = sv.Population.Inhabitants > 0 && sv.Population.Inhabitants < out.Inhabitants
		}
	}
	if !served {
		t.Error("no served population for videregaende")
	}
	var ids []string
	for _, l := range co.CannotCompute {
		ids = append(ids, l.ID)
		if l.NB == "" || l.EN == "" {
			t.Errorf("limit %s lacks a language", l.ID)
		}
	}
	if got := strings.Join(ids, ","); got != "cost,staffing,transition,law,democracy,state" {
		t.Errorf("cannot compute %s", got)
	}
}

// TestCountyRegions moves upper-secondary education to two regions of
// Agder's municipalities; the rest take it alone.
func TestCountyRegions(t *testing.T) {
	in := input(t, generalist.Structure2024, 2026)
	s := &generalist.Scenario{Name: "Regioner", Structure: 2024, Year: 2026, County: &generalist.CountyChange{
		Moves: []generalist.CountyMove{{Task: "videregaende", To: generalist.CountyToRegions}},
		Regions: []generalist.CountyRegion{
			{Name: "Kristiansand-regionen", Members: []generalist.MunicipalityNumber{"4204", "4223", "4218"}},
			{Name: "Arendal-regionen", Members: []generalist.MunicipalityNumber{"4203", "4202"}},
		}}}
	out, err := sim.Run(in, s)
	if err != nil {
		t.Fatal(err)
	}
	co := out.County
	if co.Abolished || len(co.Kept) != co.CatalogueTasks-1 || len(co.Moves) != 1 {
		t.Fatalf("kept %d of %d, moves %v", len(co.Kept), co.CatalogueTasks, co.Moves)
	}
	r := co.Receivers[0]
	if r.To != generalist.CountyToRegions || r.Bodies.Count != 2+out.Municipalities-5 || r.Alone != out.Municipalities-5 {
		t.Errorf("regions: %d bodies, %d alone", r.Bodies.Count, r.Alone)
	}
	if co.Bodies != co.Today.Count+r.Bodies.Count {
		t.Errorf("bodies %d, want the counties (they keep tasks) and the regions", co.Bodies)
	}
	if len(r.Served) != 1 || r.Served[0].Population.WithData != r.Bodies.Count {
		t.Errorf("served: %+v", r.Served)
	}
	var regions bool
	for _, l := range co.CannotCompute {
		regions = regions || l.ID == "regions"
	}
	if !regions {
		t.Error("the regions' governance is not among what cannot be computed")
	}
}

// TestCountyReliefAll strengthens the county: it takes barnevern from
// every municipality of one county, not only those below the minimum.
func TestCountyReliefAll(t *testing.T) {
	in := input(t, generalist.Structure2024, 2026)
	inCounty := 0
	for _, m := range in.Municipalities {
		if m.County == "18" {
			inCounty++
		}
	}
	for _, all := range []bool{false, true} {
		s := &generalist.Scenario{Name: "Fylket tar barnevernet", Structure: 2024, Year: 2026,
			CountyRelief: []generalist.CountyRelief{{Task: "barnevern", Counties: []generalist.CountyNumber{"18"}, All: all}}}
		out, err := sim.Run(in, s)
		if err != nil {
			t.Fatal(err)
		}
		if out.County == nil || len(out.County.Takes) != 1 {
			t.Fatalf("all=%v: county outcome %+v", all, out.County)
		}
		n := out.County.Takes[0].Municipalities
		if all && n != inCounty || !all && n >= inCounty {
			t.Errorf("all=%v: the county takes barnevern in %d of %d municipalities", all, n, inCounty)
		}
	}
}

// TestCountyLeverRefused: a county lever on a base without the county
// catalogue, and an unknown county task, are refused with their keys.
func TestCountyLeverRefused(t *testing.T) {
	in := input(t, generalist.Structure2024, 2026)
	s := &generalist.Scenario{Name: "Uten katalog", Structure: 2024, Year: 2026, County: &generalist.CountyChange{Abolish: true, Others: generalist.CountyToState}}
	bare := &sim.Base{Structure: in.Structure, Year: in.Year, Municipalities: in.Municipalities, Populations: in.Populations, Catalogue: in.Catalogue}
	if _, err := sim.Run(bare, s); err == nil || !strings.Contains(err.Error(), "no county task catalogue") {
		t.Errorf("without the catalogue: %v", err)
	}
	s.County.Moves = []generalist.CountyMove{{Task: "ferjer", To: generalist.CountyToState}}
	ps := sim.Validate(in, s)
	if len(ps) != 1 || ps[0].Key != "err.county.unknowntask" || ps[0].Where != "county.moves[0] (ferjer)" {
		t.Errorf("unknown task: %v", ps)
	}
	if _, err := sim.Run(in, s); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Run: %v, want EINVALID", err)
	}
}
