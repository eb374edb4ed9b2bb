package report

import (
	"strings"
	"testing"

	"generalist"
	"generalist/sim"
	"generalist/stats"
)

// TestCounty: every format shows the county lever's consequences: the
// county abolished, the tasks moved and to whom, the receivers' bodies,
// the inhabitants served, and the list of what cannot be computed.
func TestCounty(t *testing.T) {
	c := fixture()
	dist := func(n int, small generalist.Persons, median float64) stats.Distribution {
		return stats.Distribution{Municipalities: n, WithData: n, Median: median, Smallest: stats.Extreme{Inhabitants: small}, Inhabitants: 5_627_400}
	}
	limit := func(id string) generalist.CountyLimit { l, _ := generalist.CountyLimitByID(id); return l }
	c.Outcomes[1].County = &sim.CountyOutcome{Abolished: true, CatalogueTasks: 3, Bodies: 358,
		Today: sim.CountyBodies{Count: 15, Population: dist(15, 75_288, 316_448)},
		Ended: []sim.CountyTaskRef{{Task: "fylkesting", NameNB: "Fylkestinget", NameEN: "The county council"}},
		Moves: []sim.CountyMoveOutcome{{Task: "videregaende", NameNB: "Videregående opplæring", NameEN: "Upper-secondary education", Verified: generalist.VerifiedPartly, To: generalist.CountyToState},
			{Task: "kultur", NameNB: "Kultur", NameEN: "Culture", Verified: generalist.VerifiedYes, To: generalist.CountyToMunicipalities}},
		Receivers: []sim.CountyReceiverOutcome{
			{To: generalist.CountyToState, Tasks: []string{"videregaende"}, Bodies: sim.CountyBodies{Count: 1, Population: dist(1, 5_627_400, 5_627_400)},
				Served: []sim.CountyServed{{Task: "videregaende", Groups: []generalist.AgeGroup{generalist.Age16To22}, Population: stats.Distribution{WithData: 1, Inhabitants: 478_379, Median: 478_379, Smallest: stats.Extreme{Inhabitants: 478_379}}}}},
			{To: generalist.CountyToMunicipalities, Tasks: []string{"kultur"}, Bodies: sim.CountyBodies{Count: 357, Population: dist(357, 198, 4_716)}}},
		CannotCompute: []generalist.CountyLimit{limit("cost"), limit("democracy")}}
	for format, body := range renderAll(t, c) {
		for _, w := range []string{"Fylkeskommunen: ", "I dag bærer 15 fylker", "75 288", "Fylkeskommunen legges ned.", "358 organer", "Opphører med fylkeskommunen: Fylkestinget.",
			"Videregående opplæring", "Staten", "Kommunene", "ikke verifisert (deler av lovgrunnlaget)", "16–22", "478 379", "Dette kan Generalist ikke regne ut",
			"Kostnader og inntekter", "fylkestinget ikke lenger velges"} {
			if !strings.Contains(body, w) {
				t.Errorf("%s: lacks %q", format, w)
			}
		}
		if strings.Contains(body, "kommunene\",") || strings.Contains(body, "videregaende") {
			t.Errorf("%s: shows a code", format)
		}
	}
	c.Lang = "en"
	for format, body := range renderAll(t, c) {
		for _, w := range []string{"The county authority: ", "The county authority is abolished.", "Upper-secondary education", "The state", "not verified (part of the legal basis)", "What Generalist cannot compute", "Costs and income"} {
			if !strings.Contains(body, w) {
				t.Errorf("en %s: lacks %q", format, w)
			}
		}
	}
	// Without a county lever, no section.
	for format, body := range renderAll(t, fixture()) {
		if strings.Contains(body, "Fylkeskommunen: ") {
			t.Errorf("%s: a county section without a lever", format)
		}
	}
}

// TestCountyRegions: when county tasks go to regions, every format states
// the regions' own inhabitants (without the municipalities in no region)
// in words as the comparison page does, in both languages; one region is
// named alone, and a region without data is said to have none, never 0.
func TestCountyRegions(t *testing.T) {
	c := fixture()
	regions := &sim.CountyBodies{Count: 3, Population: stats.Distribution{Municipalities: 3, WithData: 3, Inhabitants: 412_345, Median: 120_500,
		Smallest: stats.Extreme{Name: "Indre region", Inhabitants: 41_845}, Largest: stats.Extreme{Name: "Kystregionen", Inhabitants: 250_000}}}
	c.Outcomes[1].County = &sim.CountyOutcome{CatalogueTasks: 3, Kept: []sim.CountyTaskRef{{Task: "fylkesting"}}, Bodies: 16,
		Today: sim.CountyBodies{Count: 15, Population: stats.Distribution{Municipalities: 15, WithData: 15, Median: 316_448, Smallest: stats.Extreme{Inhabitants: 75_288}}},
		Moves: []sim.CountyMoveOutcome{{Task: "kultur", NameNB: "Kultur", NameEN: "Culture", Verified: generalist.VerifiedYes, To: generalist.CountyToRegions}},
		Receivers: []sim.CountyReceiverOutcome{{To: generalist.CountyToRegions, Tasks: []string{"kultur"}, Alone: 12, Regions: regions,
			Bodies: sim.CountyBodies{Count: 15, Population: stats.Distribution{Municipalities: 15, WithData: 15, Median: 9_000, Smallest: stats.Extreme{Inhabitants: 198}}}}}}
	for _, lang := range []struct{ lang, want string }{
		{"nb", "3 regioner har til sammen 412 345 innbyggere: den minste, Indre region, har 41 845, den største, Kystregionen, har 250 000, og medianen er 120 500."},
		{"en", "3 regions have 412,345 inhabitants in all: the smallest, Indre region, has 41,845, the largest, Kystregionen, has 250,000, and the median is 120,500."},
	} {
		c.Lang = lang.lang
		for format, body := range renderAll(t, c) {
			if !strings.Contains(strings.ReplaceAll(body, "\u00a0", " "), lang.want) {
				t.Errorf("%s %s: lacks %q", lang.lang, format, lang.want)
			}
		}
	}
	c.Lang = "nb"
	*regions = sim.CountyBodies{Count: 1, Population: stats.Distribution{Municipalities: 1, WithData: 1, Inhabitants: 41_845, Median: 41_845,
		Smallest: stats.Extreme{Name: "Indre region", Inhabitants: 41_845}, Largest: stats.Extreme{Name: "Indre region", Inhabitants: 41_845}}}
	for format, body := range renderAll(t, c) {
		if w := "Regionen Indre region har 41 845 innbyggere."; !strings.Contains(strings.ReplaceAll(body, "\u00a0", " "), w) {
			t.Errorf("one region, %s: lacks %q", format, w)
		}
	}
	*regions = sim.CountyBodies{Count: 2, Population: stats.Distribution{Municipalities: 2, WithData: 1, Inhabitants: 41_845}}
	for format, body := range renderAll(t, c) {
		if w := "2 regioner: ingen data for innbyggerne i alle regionene."; !strings.Contains(body, w) {
			t.Errorf("a region without data, %s: lacks %q", format, w)
		}
	}
}
