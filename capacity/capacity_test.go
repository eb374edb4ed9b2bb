package capacity

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"generalist"
)

func param(v float64) generalist.Param {
	return generalist.Param{Value: v, Assumption: true, Note: "test"}
}

// fixture: two tasks, one for all inhabitants (2 FTE per 1,000, robust at 5
// FTE, i.e. from 2,500 inhabitants) and one for children 6–15 (80 FTE per
// 1,000 pupils, robust at 8 FTE, i.e. from 100 pupils).
func fixture() *generalist.Catalogue {
	return &generalist.Catalogue{Version: "t", Tasks: []generalist.Task{
		{ID: "admin", NameNB: "a", NameEN: "a", Role: generalist.RoleAuthority, Sector: "s", LegalBasis: "lov",
			Staffing: &generalist.Staffing{FTEPer1000: param(2), MinTeam: param(5)}},
		{ID: "school", NameNB: "s", NameEN: "s", Role: generalist.RoleServiceProvider, Sector: "s", LegalBasis: "lov",
			Staffing: &generalist.Staffing{Served: []generalist.AgeGroup{generalist.Age6To15}, FTEPer1000: param(80), MinTeam: param(8)}},
		{ID: "council", NameNB: "k", NameEN: "k", Role: generalist.RoleDemocraticArena, Sector: "s", LegalBasis: "lov"},
	}}
}

func pop(n generalist.MunicipalityNumber, total generalist.Persons, pupils generalist.Persons) generalist.Population {
	ages := generalist.AgeCounts{}
	ages[generalist.Age6To15] = pupils
	ages[generalist.Age23To66] = total - pupils
	return generalist.Population{Structure: 2024, Year: 2026, Municipality: n, Total: total, Ages: &ages}
}

func TestCompute(t *testing.T) {
	pops := []generalist.Population{
		pop("0001", 3000, 90),  // admin 6 FTE: robust; school 7.2 of 8: short by 0.8
		pop("0002", 1000, 150), // admin 2 of 5: short by 3; school 12: robust
		pop("0003", 2500, 100), // exactly at both thresholds: robust
		{Structure: 2024, Year: 2026, Municipality: "0004", Total: 800}, // no ages: school unknown; admin 1.6: short
		{Structure: 2024, Year: 2026, Municipality: "0005", Missing: true},
	}
	res, err := Compute(fixture(), pops, map[generalist.MunicipalityNumber]string{"0001": "En"})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Municipalities[0].Cells[1]; !got.Known || got.Robust || math.Abs(got.Shortfall()-0.8) > 1e-9 || math.Abs(got.Expected-7.2) > 1e-9 {
		t.Errorf("0001 school = %+v, want expected 7.2, shortfall 0.8", got)
	}
	wantShort := [][]string{{"school"}, {"admin"}, {}, {"admin"}, nil} // nil: 0005 has no data
	for i, w := range wantShort {
		if got := res.Municipalities[i].Shortfalls; !reflect.DeepEqual(got, w) {
			t.Errorf("%s shortfalls = %v, want %v", pops[i].Municipality, got, w)
		}
	}
	wantTasks := []TaskSummary{
		{Task: "admin", Municipalities: 2, Inhabitants: 1800, Unknown: 1, Threshold: 2500,
			Alone: Count{2, 1800}, WithCooperation: Count{2, 1800}, UnknownWithCooperation: 1},
		{Task: "school", Municipalities: 1, Inhabitants: 3000, Unknown: 2, Threshold: 100,
			Alone: Count{1, 3000}, WithCooperation: Count{1, 3000}, UnknownWithCooperation: 2},
	}
	if !reflect.DeepEqual(res.Tasks, wantTasks) {
		t.Errorf("task summaries = %+v, want %+v", res.Tasks, wantTasks)
	}
	if res.Municipalities[0].Name != "En" || res.Structure != 2024 || res.Year != 2026 {
		t.Errorf("names/structure not carried: %+v", res.Municipalities[0])
	}
	// Shortfalls are in catalogue order.
	two := []generalist.Population{pop("0009", 1000, 10)} // admin 2/5, school 0.8/8
	res, _ = Compute(fixture(), two, nil)
	if got := res.Municipalities[0].Shortfalls; !reflect.DeepEqual(got, []string{"admin", "school"}) {
		t.Errorf("order = %v, want catalogue order", got)
	}
}

func TestComputeRejectsInvalidCatalogue(t *testing.T) {
	c := fixture()
	c.Tasks[0].Staffing.MinTeam = generalist.Param{Value: -1, Assumption: true, Note: "x"}
	if _, err := Compute(c, nil, nil); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Compute(negative norm) = %v, want EINVALID", err)
	}
}

// BenchmarkCompute runs the model on 357 synthetic municipalities × 40
// tasks, the size of the real catalogue on the 2024 structure.
func BenchmarkCompute(b *testing.B) {
	cat := &generalist.Catalogue{Version: "b"}
	for i := range 40 {
		cat.Tasks = append(cat.Tasks, generalist.Task{ID: "t" + string(rune('a'+i%26)) + string(rune('a'+i/26)), NameNB: "x", NameEN: "x",
			Role: generalist.RoleServiceProvider, Sector: "s", LegalBasis: "lov",
			Staffing: &generalist.Staffing{Served: []generalist.AgeGroup{generalist.AgeGroup(i % generalist.NumAgeGroups)}, FTEPer1000: param(float64(1 + i)), MinTeam: param(5)}})
	}
	pops := make([]generalist.Population, 357)
	for i := range pops {
		pops[i] = pop(generalist.MunicipalityNumber(string(rune('0'+i/100))+string(rune('0'+i/10%10))+string(rune('0'+i%10))+"1"), generalist.Persons(200+i*i*5), generalist.Persons(20+i*i/2))
	}
	b.Run("Compute", func(b *testing.B) {
		for b.Loop() {
			if _, err := Compute(cat, pops, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ComputeInto", func(b *testing.B) {
		m, err := NewModel(cat)
		if err != nil {
			b.Fatal(err)
		}
		var res Result
		for b.Loop() {
			m.ComputeInto(&res, pops, nil)
		}
	})
}

// TestComputeFinite: a parameter that slipped past the catalogue's ranges
// (a denormal rate or minimum team) gives no infinite threshold or share,
// so the result still encodes as JSON.
func TestComputeFinite(t *testing.T) {
	task := &generalist.Task{ID: "tiny", Staffing: &generalist.Staffing{FTEPer1000: param(1e-320), MinTeam: param(5)}}
	other := &generalist.Task{ID: "team", Staffing: &generalist.Staffing{FTEPer1000: param(2), MinTeam: param(1e-320)}}
	// Built by hand: NewModel would refuse these values.
	m := &Model{tasks: []*generalist.Task{task, other}, specs: []spec{
		{id: "tiny", all: true, perFTE: 1e-320, minTeam: 5},
		{id: "team", all: true, perFTE: 2, minTeam: 1e-320},
	}}
	res := &Result{}
	m.ComputeInto(res, []generalist.Population{pop("0001", 3000, 90)}, nil)
	if _, err := json.Marshal(res); err != nil {
		t.Fatalf("json.Marshal(result) = %v", err)
	}
	for _, ts := range res.Tasks {
		if math.IsInf(ts.Threshold, 0) || math.IsNaN(ts.Threshold) {
			t.Errorf("task %s threshold = %g, want finite", ts.Task, ts.Threshold)
		}
	}
	for _, c := range res.Municipalities[0].Cells {
		if v := c.Share(); math.IsInf(v, 0) || math.IsNaN(v) {
			t.Errorf("task %s share = %g, want finite", c.Task, v)
		}
	}
}

// TestComputeRejectsTinyParameter: a staffing value below the range
// (generalist.ParamField.Valid) is refused, like a negative one.
func TestComputeRejectsTinyParameter(t *testing.T) {
	c := fixture()
	c.Tasks[0].Staffing.FTEPer1000 = param(1e-320)
	if _, err := Compute(c, nil, nil); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Compute(fte_per_1000 1e-320) = %v, want EINVALID", err)
	}
}
