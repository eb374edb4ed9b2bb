package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestEconomyPages(t *testing.T) {
	for _, tt := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/okonomi", 200, []string{"Økonomi", "1111 Sokndal ●", `href="/okonomi?members=1111,1112&amp;year=2024"`, "utvalg på 7 kommuner"}},
		{"/okonomi?municipality=1111&year=2025", 200, []string{"Sokndal 2025", "36 076,14 kr", "4 150,06 kr", "85,35 %", "Inntektsutjevning per innbygger, KDDs sluttavregning",
			"Utgiftsutjevning per innbygger (kostnadsindeks)", "need_per_inhabitant", `<svg`, "151 193 000 kr", "finnes ikke dette året"}},
		{"/okonomi?municipality=1101&year=2025&lang=en", 200, []string{"Eigersund 2025", "no data", "Tax per inhabitant", "the shipped table is a sample of 7 municipalities"}},
		{"/okonomi?members=1111,1112&year=2024", 200, []string{"Sokndal &#43; Lund (2024)", "6 573", "-475 795 kr", "80 %", "2043", "Antakelser",
			"income_equalisation.financing_deduction", "413.624 NOK per inhabitant", "Basistilskudd", `<svg`}},
		{"/okonomi?members=1111&year=2025", 400, []string{"at least two municipalities"}},
		{"/okonomi?municipality=1111&year=2031", 404, []string{"no income-system parameters for budget year 2031"}},
	} {
		r := get(t, tt.path)
		if r.Status != tt.status {
			t.Errorf("GET %s = %d, want %d", tt.path, r.Status, tt.status)
		}
		for _, w := range tt.want {
			if !strings.Contains(r.Body, w) {
				t.Errorf("GET %s: no %q", tt.path, w)
			}
		}
	}
}

func TestEconomyAPI(t *testing.T) {
	r := get(t, "/api/v1/economy/municipalities/1111?year=2025")
	var st map[string]any
	if err := json.Unmarshal([]byte(r.Body), &st); err != nil || r.Status != 200 {
		t.Fatalf("statement: %d %v", r.Status, err)
	}
	if st["municipality"] != "1111" || st["year"] != 2025.0 || st["tax_per_inhabitant"] != 36076.14 || st["income_equalisation_per_inhabitant"] != 4150.06 {
		t.Errorf("statement: %v", st)
	}
	r = get(t, "/api/v1/economy/merger?members=1111,1112&year=2024")
	var mg struct {
		Years []struct {
			Known float64 `json:"known_change"`
		} `json:"years"`
	}
	if err := json.Unmarshal([]byte(r.Body), &mg); err != nil || len(mg.Years) != 20 || mg.Years[0].Known != -475794.96 {
		t.Errorf("merger: %d %v %+v", r.Status, err, mg)
	}
	r = get(t, "/api/v1/economy/check")
	if !strings.Contains(r.Body, `"within_one_ore": 77`) {
		t.Errorf("check: %s", r.Body[:min(len(r.Body), 300)])
	}
	for _, tt := range []struct {
		path   string
		status int
		want   string
	}{
		{"/api/v1/economy/merger", 400, "query parameter members is required"},
		{"/api/v1/economy/merger?members=1111,abcd", 400, "query parameter members"},
		{"/api/v1/economy/municipalities/1199", 404, "kommune 1199 is not in the 2024 structure"},
		{"/api/v1/economy/parameters?year=2014", 404, "budget year 2014"},
	} {
		r := get(t, tt.path)
		if r.Status != tt.status || !strings.Contains(r.Body, tt.want) {
			t.Errorf("GET %s = %d %s, want %d %q", tt.path, r.Status, r.Body, tt.status, tt.want)
		}
	}
}
