package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestErrorAnswers checks that a handler's error is written by its route's
// registration: JSON {"error": {"code", "message"}} for API routes (also
// the ones outside /api/v1), the error page for pages.
func TestErrorAnswers(t *testing.T) {
	for _, tt := range []struct {
		path   string
		status int
		json   bool
		code   string // for JSON
	}{
		{"/api/stats?year=abc", 400, true, "invalid"},
		{"/api/v1/stats?year=abc", 400, true, "invalid"},
		{"/api/v1/no-such-route", 404, true, "not_found"},
		{"/api/v1/imc/abc", 404, true, "not_found"},
		{"/api/v1/municipalities/9999", 404, true, "not_found"},
		{"/samarbeid/abc", 404, false, ""},
		{"/kommuner?year=abc", 400, false, ""},
	} {
		r := get(t, tt.path)
		if r.Status != tt.status {
			t.Errorf("GET %s = %d, want %d", tt.path, r.Status, tt.status)
		}
		if !tt.json {
			if !strings.HasPrefix(r.Type, "text/html") || !strings.Contains(r.Body, "</html>") {
				t.Errorf("GET %s: %s, want the error page", tt.path, r.Type)
			}
			continue
		}
		var e struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal([]byte(r.Body), &e); err != nil || r.Type != "application/json" {
			t.Errorf("GET %s: %s %q, want JSON: %v", tt.path, r.Type, r.Body, err)
			continue
		}
		if e.Error.Code != tt.code || e.Error.Message == "" {
			t.Errorf("GET %s: error %+v, want code %q and a message", tt.path, e.Error, tt.code)
		}
	}
}

// TestEconomyFormats checks that the economy page writes amounts and
// percentages as internal/nbfmt does for the page's language.
func TestEconomyFormats(t *testing.T) {
	for _, tt := range []struct {
		path string
		want []string
	}{
		{"/okonomi?municipality=1111&year=2025", []string{"36 076,14 kr", "85,35 %"}},
		{"/okonomi?municipality=1111&year=2025&lang=en", []string{"36,076.14 kr", "85.35%"}},
		{"/okonomi?members=1111,1112&year=2024&lang=en", []string{"-475,795 kr", "80%"}},
	} {
		r := get(t, tt.path)
		for _, w := range tt.want {
			if !strings.Contains(r.Body, w) {
				t.Errorf("GET %s: no %q", tt.path, w)
			}
		}
	}
}
