package web_test

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"generalist"
	"generalist/imc"
)

// TestCooperationAmountOnce: a cooperation's yearly cost follows a label
// that names the unit ("(kr)"), so the amount is whole kroner without the
// unit: "18 000 000", not "18 000 000,00 kr".
func TestCooperationAmountOnce(t *testing.T) {
	ctx := context.Background()
	db, ts := newStoreServer(t)
	ex, err := imc.Examples()
	if err != nil {
		t.Fatal(err)
	}
	c := ex[0]
	c.Budget, c.BudgetYear = 18_000_000_00, 2025
	if _, _, err := db.ImportIMCs(ctx, []generalist.IMC{c}, generalist.IMCEdit{Author: "test"}, false); err != nil {
		t.Fatal(err)
	}
	page := func(path string) string {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s = %d", path, resp.StatusCode)
		}
		return strings.ReplaceAll(string(b), "\u00a0", " ")
	}
	list := page("/samarbeid")
	m := regexp.MustCompile(`href="/samarbeid/(\d+)"`).FindStringSubmatch(list)
	if m == nil {
		t.Fatal("no cooperation in the list")
	}
	for _, tt := range []struct{ lang, want string }{{"nb", "(kr)</dt><dd>18 000 000 (2025)</dd>"}, {"en", "(NOK)</dt><dd>18,000,000 (2025)</dd>"}} {
		body := page("/samarbeid/" + m[1] + "?lang=" + tt.lang)
		if !strings.Contains(body, tt.want) {
			i := strings.Index(body, "(kr)</dt>")
			if tt.lang == "en" {
				i = strings.Index(body, "(NOK)</dt>")
			}
			got := ""
			if i >= 0 {
				got = body[i:min(len(body), i+60)]
			}
			t.Errorf("%s: want %q, page has %q", tt.lang, tt.want, got)
		}
	}
}
