package optimize

import (
	"testing"

	"generalist"
)

// TestInfeasibleKey checks that an infeasible search carries a message key
// and the municipality numbers for the edges that word errors themselves.
func TestInfeasibleKey(t *testing.T) {
	for _, tt := range []struct {
		e        *Infeasible
		key, arg string
	}{
		{&Infeasible{Proven: true, Reasons: []Reason{{Codes: []string{"1151"}, Why: "x"}, {Codes: []string{"1151", "1144"}, Why: "y"}}}, "err.search.infeasible", "1151, 1144"},
		{&Infeasible{Reasons: []Reason{{Why: "z"}}}, "err.search.notfound.all", ""},
	} {
		key, args := generalist.ErrorKey(tt.e)
		if key != tt.key || len(args) != 1 || args[0] != tt.arg {
			t.Errorf("ErrorKey(%v) = %q %v, want %q [%s]", tt.e, key, args, tt.key, tt.arg)
		}
		if generalist.ErrorMessage(tt.e) != tt.e.Error() {
			t.Errorf("the message changed: %q", generalist.ErrorMessage(tt.e))
		}
	}
}
