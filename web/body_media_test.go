package web

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAcceptsGzip reads the weight of gzip as a number: q=0 in any
// spelling refuses it.
func TestAcceptsGzip(t *testing.T) {
	for h, want := range map[string]bool{
		"gzip": true, "GZIP": true, "br, gzip;q=0.5": true, "gzip; q=1.0": true, "gzip;q=0.001": true,
		"": false, "br": false, "gzip;q=0": false, "gzip;q=0.0": false, "gzip; q=0.000": false, "gzip;Q=0.00": false, "gzip;q=x": false,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", h)
		if got := acceptsGzip(r); got != want {
			t.Errorf("Accept-Encoding %q: gzip %v, want %v", h, got, want)
		}
	}
}

// TestRequireJSON: media types are case-insensitive, and another media
// type is answered 415 in the JSON error shape.
func TestRequireJSON(t *testing.T) {
	s := newBareServer(t)
	for ct, want := range map[string]int{"application/json": 0, "APPLICATION/JSON": 0, "Application/Json; charset=UTF-8": 0,
		"text/plain": 415, "": 415, "application/x-www-form-urlencoded": 415, "application/jsonx": 415} {
		r := httptest.NewRequest("POST", "/api/v1/scenarios", nil)
		r.Header.Set("Content-Type", ct)
		err := requireJSON(r, "the scenario")
		if want == 0 {
			if err != nil {
				t.Errorf("Content-Type %q: %v", ct, err)
			}
			continue
		}
		w := httptest.NewRecorder()
		s.apiError(w, r, err)
		if w.Code != want || !strings.Contains(w.Body.String(), `"unsupported_media_type"`) {
			t.Errorf("Content-Type %q = %d %s, want %d", ct, w.Code, w.Body.String(), want)
		}
	}
}
