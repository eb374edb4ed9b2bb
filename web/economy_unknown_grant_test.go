package web_test

import (
	"encoding/json"
	"testing"
)

// TestEconomyCurrentGrantsAndAbolished: the members' current
// inndelingstilskudd is «ingen data» on the page (null in the API), not
// 0 kr, and named under «Ingen data»; the regionsentertilskudd, abolished
// from 2025, says so in the rule column and the parameter table, in both
// languages, and is not listed as missing.
func TestEconomyCurrentGrantsAndAbolished(t *testing.T) {
	for _, q := range []string{"members=1508,1532", "members=1133,1134,1135"} {
		checkPage(t, "/okonomi?"+q+"&year=2025", 200, []string{
			`<tr><th scope="row">Inndelingstilskudd</th><td class="num">ingen data</td>`,
			`<tr><th scope="row">Regionsentertilskudd</th><td class="num">0 kr</td><td class="num">0 kr</td><td class="num">0 kr</td><td>avviklet fra 2025</td>`,
			`<th scope="row">Regionsentertilskudd per sammenslåing</th><td class="num">0 kr</td><td class="src">avviklet fra 2025</td>`,
			`<li><strong>Inndelingstilskudd i dag</strong>:`,
		}, []string{
			`<tr><th scope="row">Inndelingstilskudd</th><td class="num">0 kr</td>`,
			`<li><strong>Regionsentertilskudd</strong>:`, "beregnes på nytt</td></tr><tr><th scope=\"row\">Veksttilskudd",
		})
		checkPage(t, "/okonomi?"+q+"&year=2025&lang=en", 200, []string{"<td>abolished from 2025</td>", `<td class="src">abolished from 2025</td>`}, []string{`<li><strong>Regional centre grant</strong>:`})
		api := get(t, "/api/v1/economy/merger?"+q+"&year=2025")
		var mg struct {
			Components []struct {
				ID       string   `json:"id"`
				Separate *float64 `json:"separate"`
			} `json:"components"`
		}
		if err := json.Unmarshal([]byte(api.Body), &mg); err != nil {
			t.Fatalf("merger API: %d %v", api.Status, err)
		}
		for _, c := range mg.Components {
			if c.ID == "inndelingstilskudd" && c.Separate != nil {
				t.Errorf("%s: inndelingstilskudd separate %v; want null", q, *c.Separate)
			}
		}
	}
}
