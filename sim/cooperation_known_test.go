package sim

import (
	"encoding/json"
	"strings"
	"testing"

	"generalist"
)

// TestOutsideUnknown: the task–unit pairs in cooperation are a figure only
// when today's cooperation is known. With the registry applied but holding
// no cooperation in force, today's count is unknown (JSON null, not 0) and
// a scenario's own arrangements give only a lower bound; with one
// registered, the count is known, and 0 for a role none covers.
func TestOutsideUnknown(t *testing.T) {
	today := &generalist.Scenario{Name: "Dagens system", Structure: 2024, Year: 2026}
	role := func(o *Outcome) RoleOutcome {
		for _, r := range o.Roles {
			if r.Role == generalist.RoleServiceProvider {
				return r
			}
		}
		t.Fatal("no service provider role")
		return RoleOutcome{}
	}
	other := func(o *Outcome) RoleOutcome {
		for _, r := range o.Roles {
			if r.Role == generalist.RoleAuthority {
				return r
			}
		}
		t.Fatal("no authority role")
		return RoleOutcome{}
	}

	empty := todayBase()
	empty.TodayBasis = generalist.CooperationBasis{Applied: true, ActiveOn: "2026-01-01"}
	out := run(t, empty, today)
	if r := role(out); out.CooperationKnown() || r.Outside != nil || r.OutsideAtLeast != 0 {
		t.Errorf("empty registry, today's system: known %v, %+v; want unknown (nil), at least 0", out.CooperationKnown(), r)
	}
	b, err := json.Marshal(role(out))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"task_units_outside":null`) {
		t.Errorf("empty registry: JSON %s, want task_units_outside null", b)
	}
	own := &generalist.Scenario{Name: "eget", Structure: 2024, Year: 2026,
		Arrangements: []generalist.Arrangement{hosted}}
	if r := role(run(t, empty, own)); r.Outside != nil || r.OutsideAtLeast != 1 {
		t.Errorf("empty registry, a scenario's own host arrangement: %+v; want unknown, at least 1", r)
	}

	known := todayBase(hosted)
	known.TodayBasis = generalist.CooperationBasis{Applied: true, ActiveOn: "2026-01-01", Cooperations: 1, Arrangements: 1}
	out = run(t, known, today)
	if r := role(out); !out.CooperationKnown() || r.Outside == nil || *r.Outside != 1 || r.OutsideAtLeast != 1 {
		t.Errorf("a registered host arrangement: %+v; want 1 known", r)
	}
	if r := other(out); r.Outside == nil || *r.Outside != 0 {
		t.Errorf("a registered cooperation, a role it does not cover: %+v; want 0, known", r)
	}
}
