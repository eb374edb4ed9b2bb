package web_test

import (
	"strings"
	"testing"
)

// TestTasksFTELabelKeepsGroups: on /oppgaver the label "Årsverk per 1 000"
// beside every task's staffing model holds its digit groups together with
// a no-break space, so a narrow card never wraps it between "1" and "000".
// It reads the page as sent (get turns no-break spaces into ordinary ones).
func TestTasksFTELabelKeepsGroups(t *testing.T) {
	r := getURL(t, newTestServer(t)+"/oppgaver")
	if r.Status != 200 {
		t.Fatalf("status %d", r.Status)
	}
	body := r.Body
	if n := strings.Count(body, "<dt>Årsverk per 1\u00a0000</dt>"); n < 30 {
		t.Errorf("%d staffing labels with the digit groups kept together, want one per task with a staffing model", n)
	}
	if strings.Contains(body, "Årsverk per 1 000") {
		t.Error(`/oppgaver shows "Årsverk per 1 000" with an ordinary space, which may wrap between 1 and 000`)
	}
}
