package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// getRaw is get without its replacement of no-break spaces.
func getRaw(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(newTestServer(t) + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// TestScenarioNamesKeepNumbers: a scenario's name and description from
// data keep a number's digit groups together ("5 000" with a no-break
// space), so a phone never wraps between "5" and "000".
func TestScenarioNamesKeepNumbers(t *testing.T) {
	for _, path := range []string{
		"/scenarier",
		"/scenarier/sammenlign?id=sammenslaing-5000&id=barnevern-til-fylket-under-3000",
	} {
		status, body := getRaw(t, path)
		if status != 200 {
			t.Fatalf("GET %s = %d", path, status)
		}
		if !strings.Contains(body, "minst 5\u00a0000 innbyggere") {
			t.Errorf("GET %s: want the name with «5\u00a0000» joined by a no-break space", path)
		}
		if strings.Contains(body, ">Sammenslåing til minst 5 000 innbyggere") || strings.Contains(body, "«Sammenslåing til minst 5 000 innbyggere»") {
			t.Errorf("GET %s: the name «… 5 000 …» is shown with an ordinary space between the digit groups", path)
		}
	}
}
