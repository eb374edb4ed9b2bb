package report

import (
	"strings"
	"testing"

	"generalist"
	"generalist/sim"
)

// TestOutsideShare: with today's cooperation unknown, today's share and a
// scenario's without cooperation of its own are unknown, and a scenario's
// own cooperation is a lower bound; with it known, shares are plain.
func TestOutsideShare(t *testing.T) {
	for _, tt := range []struct {
		name              string
		basis             generalist.CooperationBasis
		today, none, some string
	}{
		{"unknown", generalist.CooperationBasis{Applied: true}, "ukjent", "ukjent", "minst 12,5 %"},
		{"not applied", generalist.CooperationBasis{}, "ukjent", "ukjent", "minst 12,5 %"},
		{"known", generalist.CooperationBasis{Applied: true, Cooperations: 3}, "0,0 %", "0,0 %", "12,5 %"},
	} {
		today := &sim.Outcome{TodaysCooperation: tt.basis}
		none := &sim.Outcome{}
		some := &sim.Outcome{MeanOutsideShare: 0.125}
		c := &Comparison{Outcomes: []*sim.Outcome{today, none, some}}
		for i, want := range []string{tt.today, tt.none, tt.some} {
			if got := strings.ReplaceAll(c.outsideShare(c.Outcomes[i]), "\u00a0", " "); got != want {
				t.Errorf("%s, outcome %d: %q, want %q", tt.name, i, got, want)
			}
		}
	}
}
