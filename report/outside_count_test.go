package report

import (
	"fmt"
	"strings"
	"testing"

	"generalist"
	"generalist/sim"
)

// TestOutsideCount: a role's task–municipality pairs in cooperation are
// «ukjent» when today's cooperation is unknown (nil, not 0), «minst» what
// a scenario's own arrangements put there, and counts with their change
// from today when known, 0 included.
func TestOutsideCount(t *testing.T) {
	n := func(v int) *int { return &v }
	role := func(outside *int, atLeast int) []sim.RoleOutcome {
		return []sim.RoleOutcome{{Role: generalist.RoleAuthority, Outside: outside, OutsideAtLeast: atLeast}}
	}
	for _, tt := range []struct {
		name  string
		today []sim.RoleOutcome
		other []sim.RoleOutcome
		want  []string
	}{
		{"unknown", role(nil, 0), role(nil, 0), []string{"ukjent", "ukjent"}},
		{"unknown, the scenario's own", role(nil, 0), role(nil, 2), []string{"ukjent", "minst 2"}},
		{"known", role(n(0), 0), role(n(3), 3), []string{"0", "3 (+3)"}},
	} {
		c := &Comparison{Outcomes: []*sim.Outcome{{Roles: tt.today}, {Roles: tt.other}}}
		got := c.outsideCount(generalist.RoleAuthority).Values
		for i := range got {
			got[i] = strings.ReplaceAll(got[i], "\u00a0", " ")
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
