package generalist

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestApplyChanges(t *testing.T) {
	shipped := &Catalogue{Version: "v1", Tasks: []Task{
		{ID: "a", NameNB: "a", NameEN: "a", Role: RoleAuthority, Sector: "s", LegalBasis: "lov",
			Staffing: &Staffing{FTEPer1000: Param{Value: 2, Source: "forskrift § 8"}, MinTeam: Param{Value: 5, Assumption: true, Note: "antakelse"}}},
		{ID: "b", NameNB: "b", NameEN: "b", Role: RoleAuthority, Sector: "s", LegalBasis: "lov"},
	}}
	v := func(f float64) *float64 { return &f }
	at := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	changes := []ParamChange{
		{ID: 1, Task: "a", Field: FieldMinTeam, Value: v(4), Note: "ny veileder", Author: "Kari", At: at},
		{ID: 2, Task: "a", Field: FieldMinTeam, Value: v(6), Note: "KS-rapport", Author: "Ola", At: at},
		{ID: 3, Task: "a", Field: FieldFTEPer1000, Value: v(3), Note: "test", Author: "Ola", At: at},
		{ID: 4, Task: "a", Field: FieldFTEPer1000, Author: "Ola", At: at}, // back to shipped
	}
	got, err := ApplyChanges(shipped, changes)
	if err != nil {
		t.Fatal(err)
	}
	s := got.Tasks[0].Staffing
	if s.MinTeam.Value != 6 || !s.MinTeam.Assumption || !strings.Contains(s.MinTeam.Note, "Endret av Ola 26.11.2026: KS-rapport (levert verdi 5)") {
		t.Errorf("min_team = %+v", s.MinTeam)
	}
	if s.FTEPer1000 != shipped.Tasks[0].Staffing.FTEPer1000 {
		t.Errorf("fte_per_1000 after reset = %+v, want the shipped %+v", s.FTEPer1000, shipped.Tasks[0].Staffing.FTEPer1000)
	}
	if shipped.Tasks[0].Staffing.MinTeam.Value != 5 {
		t.Error("ApplyChanges modified the shipped catalogue")
	}
	if got.Version != "v1+1 endringer" {
		t.Errorf("version = %q", got.Version)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("changed catalogue does not validate: %v", err)
	}
	for _, bad := range []ParamChange{
		{Task: "zz", Field: FieldMinTeam, Value: v(1), Note: "n", Author: "a"},
		{Task: "b", Field: FieldMinTeam, Value: v(1), Note: "n", Author: "a"},
		{Task: "a", Field: "served", Value: v(1), Note: "n", Author: "a"},
		{Task: "a", Field: FieldMinTeam, Value: v(-1), Note: "n", Author: "a"},
		{Task: "a", Field: FieldFTEPer1000, Value: v(1e-320), Note: "n", Author: "a"},
		{Task: "a", Field: FieldMinTeam, Value: v(1e-320), Note: "n", Author: "a"},
		{Task: "a", Field: FieldFTEPer1000, Value: v(0.0009), Note: "n", Author: "a"},
		{Task: "a", Field: FieldFTEPer1000, Value: v(1000.5), Note: "n", Author: "a"},
		{Task: "a", Field: FieldMinTeam, Value: v(10001), Note: "n", Author: "a"},
		{Task: "a", Field: FieldMinTeam, Value: v(math.NaN()), Note: "n", Author: "a"},
		{Task: "a", Field: FieldMinTeam, Value: v(math.Inf(1)), Note: "n", Author: "a"},
		{Task: "a", Field: FieldMinTeam, Value: v(1), Author: "a"},
		{Task: "a", Field: FieldMinTeam, Value: v(1), Note: "n"},
	} {
		if err := bad.Validate(shipped); ErrorCode(err) != EINVALID {
			t.Errorf("Validate(%+v) = %v, want EINVALID", bad, err)
		}
	}
}

// TestParamRange: the ends of the range are accepted, and a stored value
// outside it (let in by an earlier, looser check) is skipped by
// ApplyChanges rather than stopping the catalogue.
func TestParamRange(t *testing.T) {
	for _, tt := range []struct {
		f    ParamField
		v    float64
		want bool
	}{
		{FieldFTEPer1000, 0, true}, {FieldFTEPer1000, ParamMin, true}, {FieldFTEPer1000, 1000, true}, {FieldFTEPer1000, 4.2, true},
		{FieldMinTeam, 0, true}, {FieldMinTeam, ParamMin, true}, {FieldMinTeam, 10000, true},
		{FieldFTEPer1000, -1, false}, {FieldFTEPer1000, 1e-320, false}, {FieldFTEPer1000, 0.0009, false}, {FieldFTEPer1000, 1000.001, false},
		{FieldFTEPer1000, math.NaN(), false}, {FieldFTEPer1000, math.Inf(1), false},
		{FieldMinTeam, 1e-320, false}, {FieldMinTeam, 10000.5, false}, {FieldMinTeam, math.NaN(), false},
	} {
		if got := tt.f.Valid(tt.v); got != tt.want {
			t.Errorf("%s.Valid(%g) = %v, want %v", tt.f, tt.v, got, tt.want)
		}
	}
	shipped := &Catalogue{Version: "v1", Tasks: []Task{
		{ID: "a", NameNB: "a", NameEN: "a", Role: RoleAuthority, Sector: "s", LegalBasis: "lov",
			Staffing: &Staffing{FTEPer1000: Param{Value: 2, Source: "forskrift"}, MinTeam: Param{Value: 5, Source: "forskrift"}}},
	}}
	v := func(f float64) *float64 { return &f }
	got, err := ApplyChanges(shipped, []ParamChange{
		{ID: 1, Task: "a", Field: FieldFTEPer1000, Value: v(3), Note: "n", Author: "a"},
		{ID: 2, Task: "a", Field: FieldFTEPer1000, Value: v(1e-320), Note: "n", Author: "a"},
	})
	if err != nil {
		t.Fatalf("ApplyChanges(stored value out of range) = %v", err)
	}
	if f := got.Tasks[0].Staffing.FTEPer1000.Value; f != 3 {
		t.Errorf("fte_per_1000 = %g, want 3 (the out-of-range change skipped)", f)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("catalogue does not validate: %v", err)
	}
}
