package web_test

import (
	"strings"
	"testing"
)

// TestEconomyStartsWithAChoice: /okonomi without a query preselects no
// municipality (it would show none of its figures until "Vis") and says
// in one sentence what to do; with a municipality, that one is selected.
func TestEconomyStartsWithAChoice(t *testing.T) {
	r := get(t, "/okonomi")
	if r.Status != 200 {
		t.Fatalf("GET /okonomi = %d", r.Status)
	}
	if !strings.Contains(r.Body, `<option value="" selected>Velg kommune</option>`) {
		t.Error("/okonomi: want an empty choice, selected, first")
	}
	_, sel, _ := strings.Cut(r.Body, `id="municipality"`)
	sel, _, _ = strings.Cut(sel, "</select>")
	if n := strings.Count(sel, " selected>"); n != 1 {
		t.Errorf("/okonomi: %d municipalities selected, want only the empty choice", n)
	}
	if !strings.Contains(r.Body, `id="econ-start">Velg en kommune og trykk «Vis»`) {
		t.Error("/okonomi: want the sentence that says what to do")
	}
	r = get(t, "/okonomi?municipality=1111&year=2025&lang=en")
	if strings.Contains(r.Body, `id="econ-start"`) || !strings.Contains(r.Body, `<option value="1111" selected>`) {
		t.Error("/okonomi?municipality=1111: want 1111 selected and no sentence about choosing")
	}
}
