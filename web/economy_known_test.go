package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestEconomyNothingKnownIsNoData: a merger outside the sample, with no
// known part, shows no «0 kr» sum and no chart on the page, but a
// sentence; the API says null. With some parts known the sum is labelled
// as the sum of the known parts and the parts left out are named.
func TestEconomyNothingKnownIsNoData(t *testing.T) {
	checkPage(t, "/okonomi?members=1133,1134,1135&year=2025", 200,
		[]string{`id="econ-chart-none"`, "summen av ingenting er ikke 0 kr"}, []string{`id="econ-merger"`, `id="years"`, "Kjent endring"})
	checkPage(t, "/okonomi?members=1133,1134,1135&year=2025&lang=en", 200, []string{"a sum of nothing is not 0 kr"}, []string{`id="years"`})

	api := get(t, "/api/v1/economy/merger?members=1133,1134,1135&year=2025")
	var mg struct {
		Years []struct {
			Known *float64 `json:"known_change"`
		} `json:"years"`
	}
	if err := json.Unmarshal([]byte(api.Body), &mg); err != nil || len(mg.Years) != 20 {
		t.Fatalf("merger API: %d %v", api.Status, err)
	}
	for i, y := range mg.Years {
		if y.Known != nil {
			t.Errorf("year %d: known_change %v; want null", i+1, *y.Known)
		}
	}

	page := checkPage(t, "/okonomi?members=1111,1112&year=2025", 200,
		[]string{"Sum av kjente deler", "Ikke med i summen (ingen data)", "Engangstilskudd, Reformstøtte, Veksttilskudd, Storbytilskudd", `id="econ-merger"`}, []string{`id="econ-chart-none"`, "Kjent endring"})
	years := page.Body[strings.Index(page.Body, `id="years"`):]
	years = years[:strings.Index(years, "</table>")]
	if n := strings.Count(years, "<tr>"); n != 21 {
		t.Errorf("year table has %d rows, want 1 + 20", n)
	}
}

// TestEconomyNames: the economy page names municipalities as the rest of
// the site does (the Norwegian-only name of the structure table).
func TestEconomyNames(t *testing.T) {
	checkPage(t, "/okonomi", 200, []string{"1826 Hattfjelldal", "1875 Hamarøy"}, []string{"Aarborte", "Hábmer"})
	checkPage(t, "/okonomi?members=1826,1875&year=2025", 200, []string{"Hattfjelldal &#43; Hamarøy"}, []string{"Aarborte", "Hábmer"})
	checkPage(t, "/okonomi?municipality=1826&year=2025", 200, []string{"Hattfjelldal"}, []string{"Aarborte"})
}

// TestCompareEconomyNamesWhatTheSumLeavesOut: the comparison labels the
// merger's sum as the sum of the known parts and names the parts it
// leaves out.
func TestCompareEconomyNamesWhatTheSumLeavesOut(t *testing.T) {
	checkPage(t, "/scenarier/sammenlign?id=sammenslaing-5000", 200,
		[]string{"Sum av kjente deler, alle år", "uten engangstilskudd, reformstøtte, veksttilskudd, storbytilskudd og nedtrappingen av inndelingstilskuddet"}, []string{"Kjent endring"})
}
