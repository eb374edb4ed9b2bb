package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestIMCCheckNamesParticipants: the legal check of a cooperation that is
// only previewed or posted names its participants with names and
// numbers («vedtatt av Hjelmeland (1133) og Suldal (1134)»), as it does
// for a stored one, on the builder's page in both languages and in the
// API.
func TestIMCCheckNamesParticipants(t *testing.T) {
	const want = "vedtatt av Hjelmeland (1133) og Suldal (1134)."
	form := url.Values{"name": {"Legevakt Ryfylke kommunalt oppgavefellesskap"}, "form": {"kommunalt_oppgavefellesskap"},
		"start": {"2026-01-01"}, "legal_entity": {"nei"}, "host": {"1133"},
		"p0_number": {"1133"}, "p0_ownership": {"60"}, "p0_seats": {"2"}, "p1_number": {"1134"}, "p1_ownership": {"40"}, "p1_seats": {"1"},
		"t0_task": {"legevakt"}, "t0_authority": {"ingen"}}
	for _, lang := range []string{"nb", "en"} {
		resp, err := http.PostForm(newTestServer(t)+"/samarbeid/utkast?lang="+lang, form)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body := strings.ReplaceAll(string(b), "\u00a0", " ")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: preview = %d", lang, resp.StatusCode)
		}
		if !strings.Contains(body, want) || strings.Contains(body, "vedtatt av 1133") {
			t.Errorf("%s: the preview's check does not name the participants (%q)", lang, want)
		}
		if !strings.Contains(body, "Hjelmeland (1133) er kontorkommune") {
			t.Errorf("%s: the preview's check does not name the office municipality", lang)
		}
	}
	body := `[{"name": "Legevakt Ryfylke kommunalt oppgavefellesskap", "form": "kommunalt_oppgavefellesskap", "start": "2026-01-01", "host": "1133",
		"participants": [{"number": "1133"}, {"number": "1134"}], "tasks": [{"task": "legevakt", "authority": "ingen"}]}]`
	resp, err := http.Post(newTestServer(t)+"/api/v1/imc/check", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct {
		Items []struct{ ID, Why string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("POST check = %d, %v", resp.StatusCode, err)
	}
	found := false
	for _, it := range res.Items {
		if it.ID == "vedtak" {
			found = true
			if !strings.HasSuffix(it.Why, want) {
				t.Errorf("the API's check says %q, want it to end %q", it.Why, want)
			}
		}
	}
	if !found {
		t.Error("the API's check has no item on the councils' adoption")
	}
}
