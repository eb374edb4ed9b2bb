package report

import (
	"strings"
	"testing"

	"generalist"
	"generalist/sim"
)

// TestSupport: every format shows a scenario's support scheme: its rule,
// the state's cost per year and in all, and what each municipality
// receives, with "ingen data" (not 0) for one that cannot be judged.
func TestSupport(t *testing.T) {
	c := fixture()
	c.Scenarios[0].Support = []generalist.SupportScheme{{Name: "Etableringsstøtte", PerCooperation: 900_000, PerParticipant: 100_000, Years: 2,
		Criteria: generalist.SupportCriteria{Forms: []generalist.IMCForm{generalist.FormHostAdmin}, PopulationBelow: 2500}}}
	c.Outcomes[1].Support = &sim.SupportOutcome{FirstYear: 2026, LastYear: 2027, Total: 2_000_000,
		Schemes: []sim.SchemeOutcome{{Index: 0, Name: "Etableringsstøtte", FirstYear: 2026, LastYear: 2027, NewCooperations: 1, PerYear: 1_000_000, Total: 2_000_000,
			Cooperations: []sim.SupportedCooperation{{Rule: "cooperations[0]", Task: "barnevern", PerYear: 1_000_000}}}},
		Years: []sim.SupportYear{{Year: 2026, Cost: 1_000_000}, {Year: 2027, Cost: 1_000_000}},
		Municipalities: []sim.SupportRecipient{{Number: "1151", Name: "Utsira", Cooperations: 1, FirstYear: kroner(1_000_000), Total: kroner(2_000_000), Known: true},
			{Number: "1106", Name: "Haugesund", Cooperations: 0, Known: false}},
		Unknown: 1}
	for format, body := range renderAll(t, c) {
		for _, w := range []string{"Støtteordning for nye samarbeid: Samarbeid om barnevern", "fordeles likt på deltakerne som oppfyller kriteriene",
			"Etableringsstøtte: 1 av 1 nye samarbeid oppfyller kriteriene", "900 000 kr per nytt samarbeid per år og 100 000 kr per deltaker per år",
			"administrativt vertskommunesamarbeid", "deltakere under 2 500 innbyggere", "Statens kostnad", "2026", "2027", "Til sammen", "Utsira", "Haugesund", "ingen data",
			"1 nye samarbeid kan ikke vurderes"} {
			if !strings.Contains(body, w) {
				t.Errorf("%s: lacks %q", format, w)
			}
		}
		want := map[string][]string{
			"HTML": {`<tr><th>2026</th><td class="num">1 000 000 kr</td></tr>`, `<tr><th>Til sammen</th><td class="num">2 000 000 kr</td></tr>`,
				`<tr><th>Utsira</th><td class="num">1</td><td class="num">1 000 000 kr</td><td class="num">2 000 000 kr</td></tr>`},
			"MD":  {"| 2026 | 1 000 000 kr |", "| Til sammen | 2 000 000 kr |", "| Utsira | 1 | 1 000 000 kr | 2 000 000 kr |", "| Haugesund | 0 | ingen data | ingen data |"},
			"CSV": {"2026,1 000 000", "Til sammen,2 000 000", "Utsira,1,1 000 000,2 000 000"},
		}[format]
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: lacks %q", format, w)
			}
		}
		if strings.Contains(body, "vertskommune_administrativt") {
			t.Errorf("%s: shows a form's code", format)
		}
	}
	c.Lang = "en"
	for format, body := range renderAll(t, c) {
		for _, w := range []string{"Support scheme for new cooperation: Samarbeid om barnevern", "The state's cost", "In all", "no data"} {
			if !strings.Contains(body, w) {
				t.Errorf("en %s: lacks %q", format, w)
			}
		}
	}
	// Without a scheme, no section.
	c = fixture()
	for format, body := range renderAll(t, c) {
		if strings.Contains(body, "Støtteordning") {
			t.Errorf("%s: a support section without a scheme", format)
		}
	}
}

// kroner is a pointer to an amount, as a recipient's known amounts are.
func kroner(v generalist.Kroner) *generalist.Kroner { return &v }
