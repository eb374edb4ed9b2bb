package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// The Nordic comparison opens on the committee's dates and dates every
// row, on the page in both languages and in the API.
func TestNordicDates(t *testing.T) {
	for _, tt := range []struct {
		path string
		want []string
	}{
		{"/", []string{"31.12.2020", "1.1.2020", "dato ikke oppgitt i kilden", "ulike datoer, se under", "Datoene bak tallene i den publiserte tabellen",
			"31.12.2020 (med Åland)", "ingen av datoene", "18 783,8", "6 415,0"}},
		{"/?lang=en", []string{"2020-12-31", "date not given in the source", "Finland without Åland", "Norway, published table", "none of the dates"}},
	} {
		body := get(t, tt.path).Body
		i := strings.Index(body, `id="nordic"`)
		if i < 0 {
			t.Fatalf("GET %s: no Nordic section", tt.path)
		}
		if strings.Contains(body, "nordic.") {
			t.Errorf("GET %s shows a message key", tt.path)
		}
		for _, w := range tt.want {
			if !strings.Contains(body[i:], w) {
				t.Errorf("GET %s: the Nordic section lacks %q", tt.path, w)
			}
		}
	}
	r := get(t, "/api/v1/nordic")
	var n struct {
		Basis string `json:"basis"`
		Rows  []struct {
			Country, Variant, Date, Source string
			DateStatus                     string   `json:"date_status"`
			Municipalities                 *float64 `json:"municipalities"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(r.Body), &n); err != nil || r.Status != 200 {
		t.Fatalf("GET /api/v1/nordic = %d %v", r.Status, err)
	}
	for _, row := range n.Rows {
		if row.DateStatus == "" || row.Source == "" {
			t.Errorf("row %s %s: date status %q, source %q", row.Country, row.Variant, row.DateStatus, row.Source)
		}
		if row.Country == "FI" && row.Variant == "mainland" && (row.Date != "2020-12-31" || *row.Municipalities != 293) {
			t.Errorf("Finland: %s %v, want 2020-12-31 293", row.Date, *row.Municipalities)
		}
	}
	if r := get(t, "/api/v1/nordic?year=2020&format=csv"); !strings.Contains(r.Body, "2019-12-31,data") {
		t.Errorf("the year still chooses Finland's 2019 data: %s", r.Body)
	}
}
