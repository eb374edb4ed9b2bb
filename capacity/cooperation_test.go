package capacity

import (
	"math"
	"reflect"
	"testing"
	"unsafe"

	"generalist"
)

// coopPops: admin is robust from 2,500 inhabitants, school from 100 pupils
// (fixture).
func coopPops() []generalist.Population {
	return []generalist.Population{
		pop("0001", 1000, 150), // admin 2.0 short; school 12 robust
		pop("0002", 1000, 10),  // admin 2.0 short; school 0.8 short
		pop("0003", 600, 10),   // admin 1.2 short; school 0.8 short
		{Structure: 2024, Year: 2026, Municipality: "0004", Total: 800}, // no ages: school unknown; admin 1.6 short
		{Structure: 2024, Year: 2026, Municipality: "0005", Missing: true},
		pop("0006", 400, 40), // admin 0.8 short; school 3.2 short
	}
}

var applied = generalist.CooperationBasis{Applied: true, ActiveOn: "2026-01-01", Cooperations: 4, Arrangements: 5}

func TestApplyCooperation(t *testing.T) {
	res, err := Compute(fixture(), coopPops(), nil)
	if err != nil {
		t.Fatal(err)
	}
	arrs := []generalist.Arrangement{
		// Two overlapping arrangements form one pool: 2 + 2 + 1.2 = 5.2 FTE ≥ 5.
		{Task: "admin", Form: generalist.FormHostAdmin, Members: []generalist.MunicipalityNumber{"0002", "0001"}, Host: "0001"},
		{Task: "admin", Form: generalist.FormKO, Members: []generalist.MunicipalityNumber{"0003", "0002"}},
		// A member without data makes its pool unknown; 9999 is not in the result.
		{Task: "admin", Form: generalist.FormIKS, Members: []generalist.MunicipalityNumber{"0006", "0005", "9999"}},
		{Task: "school", Form: generalist.FormHostAdmin, Members: []generalist.MunicipalityNumber{"0002", "0004"}, Host: "0002"},
		// No staffing model, and no such task: ignored.
		{Task: "council", Form: generalist.FormKO, Members: []generalist.MunicipalityNumber{"0001", "0006"}},
		{Task: "nothing", Form: generalist.FormKO, Members: []generalist.MunicipalityNumber{"0001", "0006"}},
	}
	res.ApplyCooperation(arrs, applied)
	want := []TaskSummary{
		{Task: "admin", Municipalities: 5, Inhabitants: 3800, Unknown: 1, Threshold: 2500,
			Alone: Count{5, 3800}, WithCooperation: Count{1, 800}, UnknownWithCooperation: 2,
			Coverage: Count{5, 3000}, CooperationKnown: true},
		{Task: "school", Municipalities: 3, Inhabitants: 2000, Unknown: 2, Threshold: 100,
			Alone: Count{3, 2000}, WithCooperation: Count{2, 1000}, UnknownWithCooperation: 3,
			Coverage: Count{2, 1800}, CooperationKnown: true},
	}
	if !reflect.DeepEqual(res.Tasks, want) {
		t.Errorf("task summaries =\n%+v\nwant\n%+v", res.Tasks, want)
	}
	if res.Cooperation != applied {
		t.Errorf("basis = %+v, want %+v", res.Cooperation, applied)
	}
	got := res.Municipalities[1].Cooperation // 0002
	if len(got) != 2 {
		t.Fatalf("0002 cooperation = %+v, want admin and school", got)
	}
	if p := got[0]; p.Task != "admin" || !reflect.DeepEqual(p.Members, []generalist.MunicipalityNumber{"0001", "0002", "0003"}) ||
		math.Abs(p.Expected-5.2) > 1e-9 || !p.Known || !p.Robust || p.MinTeam != 5 {
		t.Errorf("0002 admin pool = %+v, want 0001–0003, 5.2 FTE, robust", p)
	}
	if p := got[1]; p.Task != "school" || p.Known || p.Robust || p.Expected != 0 {
		t.Errorf("0002 school pool = %+v, want unknown (0004 has no ages)", p)
	}
	if c := res.Municipalities[1].Cells[0]; c.Robust {
		t.Errorf("0002 admin cell = %+v: the cell is the municipality alone", c)
	}
	if got := res.Municipalities[3].Cooperation; len(got) != 1 || got[0].Task != "school" {
		t.Errorf("0004 cooperation = %+v, want only school", got)
	}
}

// TestApplyCooperationUnknown: without an arrangement for a task, or
// without cooperation applied, the cooperation is unknown and the figures
// with cooperation are those alone.
func TestApplyCooperationUnknown(t *testing.T) {
	only := []generalist.Arrangement{{Task: "admin", Form: generalist.FormKO, Members: []generalist.MunicipalityNumber{"0001", "0002", "0003"}}}
	for name, basis := range map[string]generalist.CooperationBasis{
		"applied":     applied,
		"not applied": {ActiveOn: "2026-01-01", Reason: "the 2020 structure"},
	} {
		res, err := Compute(fixture(), coopPops(), nil)
		if err != nil {
			t.Fatal(err)
		}
		res.ApplyCooperation(only, basis)
		school := res.Tasks[1]
		if school.CooperationKnown || school.WithCooperation != school.Alone || school.Coverage != (Count{}) || school.UnknownWithCooperation != school.Unknown {
			t.Errorf("%s: school = %+v, want unknown cooperation, with = alone", name, school)
		}
		admin := res.Tasks[0]
		if basis.Applied != admin.CooperationKnown || basis.Applied == (admin.WithCooperation == admin.Alone) {
			t.Errorf("%s: admin = %+v", name, admin)
		}
		if res.Cooperation != basis {
			t.Errorf("%s: basis = %+v", name, res.Cooperation)
		}
	}
}

// TestCellSize: the cooperation lives beside the cells, which stay 48
// bytes (see Cell).
func TestCellSize(t *testing.T) {
	if n := unsafe.Sizeof(Cell{}); n != 48 {
		t.Errorf("Cell is %d bytes, want 48", n)
	}
}
