package web_test

import (
	"strings"
	"testing"
)

// TestTaskSourcesOncePerSite: /oppgaver names a site once when a task's
// source has several of its documents ("regjeringen.no: dokument 1,
// dokument 2"), never "regjeringen.no; regjeringen.no".
func TestTaskSourcesOncePerSite(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{"/oppgaver", `regjeringen.no: <a class="ds-link" href="https://www.regjeringen.no/`},
		{"/oppgaver?lang=en", `>document 2</a>`},
	} {
		r := get(t, tt.path)
		if r.Status != 200 {
			t.Fatalf("GET %s = %d", tt.path, r.Status)
		}
		if !strings.Contains(r.Body, tt.want) {
			t.Errorf("GET %s: want %q", tt.path, tt.want)
		}
		if strings.Contains(r.Body, `regjeringen.no</a>; <a class="ds-link" href="https://www.regjeringen.no/`) {
			t.Errorf("GET %s: names regjeringen.no twice in one source", tt.path)
		}
	}
}
