package web_test

import (
	"strings"
	"testing"
)

// TestScenarioNamesKeepNumbers: a scenario's name and description from
// data keep a number's digit groups together ("5 000" with a no-break
// space), so a phone never wraps between "5" and "000".
func TestScenarioNamesKeepNumbers(t *testing.T) {
	for _, path := range []string{
		"/scenarier",
		"/scenarier/sammenlign?id=sammenslaing-5000&id=barnevern-til-fylket-under-3000",
	} {
		r := getURL(t, newTestServer(t)+path)
		if r.Status != 200 {
			t.Fatalf("GET %s = %d", path, r.Status)
		}
		body := r.Body
		if !strings.Contains(body, "minst 5\u00a0000 innbyggere") {
			t.Errorf("GET %s: want the name with «5\u00a0000» joined by a no-break space", path)
		}
		if strings.Contains(body, ">Sammenslåing til minst 5 000 innbyggere") || strings.Contains(body, "«Sammenslåing til minst 5 000 innbyggere»") {
			t.Errorf("GET %s: the name «… 5 000 …» is shown with an ordinary space between the digit groups", path)
		}
	}
}
