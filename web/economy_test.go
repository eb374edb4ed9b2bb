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
			"income_equalisation.financing_deduction", "413,624 kr per innbygger", "Basistilskudd", `<svg`, "Alle beløp er sammenslåingsårets"}},
		{"/okonomi?members=1111,1112&year=2025&lang=en", 200, []string{"Assumptions", "All amounts are the merger year", "Income equalisation, symmetric rate", "62%"}},
		{"/okonomi?members=1111&year=2025", 400, []string{"at least two municipalities"}},
		{"/okonomi?municipality=1111&year=2031", 404, []string{"no income-system parameters for budget year 2031"}},
	} {
		t.Run(tt.path, func(t *testing.T) {
			checkPage(t, tt.path, tt.status, tt.want, nil)
		})
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
	if !strings.Contains(r.Body, `"within_one_ore": 77`) || !strings.Contains(r.Body, "in-sample fit, not an independent check") {
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

// The economy page says what is budget and what is settlement, and that
// the 2025 rates are fitted to the very rows it compares with, with the
// residual of each; technical names stay behind "Teknisk".
func TestEconomyProvenance(t *testing.T) {
	r := get(t, "/okonomi")
	for _, w := range []string{"Hvor satsene for inntektsutjevningen 2025 kommer fra", "er ikke lest fra en publisert tekst",
		"en tilpasning i utvalget, ikke en uavhengig kontroll", `id="fit-residuals"`, "0,0023 kr", "tilleggssats og terskel", "Teknisk"} {
		if !strings.Contains(r.Body, w) {
			t.Errorf("GET /okonomi: no %q", w)
		}
	}
	fit := r.Body[strings.Index(r.Body, `id="fit-residuals"`):]
	fit = fit[:strings.Index(fit, "</table>")]
	if n := strings.Count(fit, "<tr>"); n != 8 { // header and the seven settlement rows of 2025
		t.Errorf("residual table has %d rows, want 1 + 7", n)
	}
	r = get(t, "/okonomi?year=2024&lang=en")
	if !strings.Contains(r.Body, "are read from a published source") || !strings.Contains(r.Body, "the deduction is fitted to these rows") {
		t.Errorf("2024: the rates are sourced and the deduction fitted; page says otherwise")
	}
	r = get(t, "/okonomi?municipality=1111&year=2025")
	for _, w := range []string{"Budsjett og avregning", "Rammetilskuddet og delene av det (Grønt hefte, tabell 1-k og 2-k) er budsjettall",
		"rammetilskudd (budsjett) &#43; skatt og inntektsutjevning (endelig avregning)"} {
		if !strings.Contains(r.Body, w) {
			t.Errorf("statement: no %q", w)
		}
	}
	for _, path := range []string{"/okonomi", "/okonomi?municipality=1111&year=2025", "/okonomi?municipality=1101&year=2025&lang=en",
		"/okonomi?members=1111,1112&year=2025", "/okonomi?members=1111,1112&year=2024&lang=en"} {
		body := get(t, path).Body
		for strings.Contains(body, "<details") { // technical names may sit behind the disclosure
			i := strings.Index(body, "<details")
			j := strings.Index(body[i:], "</details>")
			if j < 0 {
				t.Fatalf("GET %s: unclosed <details>", path)
			}
			body = body[:i] + body[i+j+len("</details>"):]
		}
		for _, bad := range []string{"income_equalisation.", "FitDeduction", "FitRates", ".csv", "data/economy", "Kilde: Kilde:", "generalist economy", "econ.", "share per year", "NOK per inhabitant"} {
			if strings.Contains(body, bad) {
				i := strings.Index(body, bad)
				t.Errorf("GET %s shows %q outside «Teknisk»: …%s…", path, bad, body[max(0, i-80):min(len(body), i+80)])
			}
		}
	}
}
