package web

import (
	"testing"

	"generalist"
	"generalist/imc"
)

// TestHostRoleKey: the host field is named by the form: vertskommune for
// the host forms of ch. 20, kontorkommune for an IPR or KO, hovedkontor for
// a company such as an IKS (IKS-loven § 4, which has no vertskommune).
func TestHostRoleKey(t *testing.T) {
	for f, want := range map[generalist.IMCForm]string{
		generalist.FormHostAdmin: "imc.muni.role.host", generalist.FormHostBoard: "imc.muni.role.host",
		generalist.FormIPR: "imc.muni.role.office", generalist.FormKO: "imc.muni.role.office",
		generalist.FormIKS: "imc.muni.role.headoffice", generalist.FormAS: "imc.muni.role.headoffice",
	} {
		if got := hostRoleKey(f); got != want {
			t.Errorf("hostRoleKey(%s) = %s, want %s", f, got, want)
		}
	}
	// Only an example's name loses the suffix its badge repeats.
	if v := municipalityRowOf(imc.OverviewRow{Name: "A IKS (eksempel)", Example: true}); v.Name != "A IKS" {
		t.Errorf("example name %q", v.Name)
	}
	if v := municipalityRowOf(imc.OverviewRow{Name: "A IKS (eksempel)"}); v.Name != "A IKS (eksempel)" {
		t.Errorf("registered name %q", v.Name)
	}
}
