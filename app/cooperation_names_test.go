package app_test

import (
	"context"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/imc"
	"generalist/storetest"
)

// TestNameParticipants: a record that is only checked names its
// participants as a stored one does, so that its legal check says
// «vedtatt av Hjelmeland (1133) og Suldal (1134)», not «1133 og 1134»;
// a name given is kept and an unknown number left for validation.
func TestNameParticipants(t *testing.T) {
	db := storetest.Loaded(t, storetest.OpenSQLite(t))
	a := app.New(db)
	c := &generalist.IMC{Name: "Legevakt Ryfylke kommunalt oppgavefellesskap", Form: generalist.FormKO, Start: "2026-01-01", Host: "1133",
		Participants: []generalist.IMCParticipant{{Number: "1133"}, {Number: "1134"}, {Number: "11"}, {Number: "03"}, {Number: "9999"}, {Number: "1135", Name: "Sauda kommune"}}}
	if err := a.NameParticipants(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range c.Participants {
		got = append(got, p.Label())
	}
	want := []string{"Hjelmeland (1133)", "Suldal (1134)", "Rogaland fylkeskommune (11)", "Oslo kommune (fylkeskommunale oppgaver) (03)", "9999", "Sauda kommune (1135)"}
	if len(got) != len(want) {
		t.Fatalf("labels %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("participant %d is %q, want %q", i, got[i], want[i])
		}
	}
	c.Participants = c.Participants[:2]
	found := false
	for _, it := range imc.Check(c, nil, imc.Options{}).Items {
		if it.ID == "vedtak" {
			found = true
			if it.Why != "Det er ikke registrert at avtalen er vedtatt av Hjelmeland (1133) og Suldal (1134)." {
				t.Errorf("the adoption item says %q", it.Why)
			}
		}
	}
	if !found {
		t.Error("the check has no item on the councils' adoption")
	}
}
