package web

import (
	"net/http"
	"testing"

	"generalist/app"
)

// TestProfilesFitTheCache: every municipality's profile, rendered once,
// takes less than half the response budget, so both languages are served
// from memory on the second visit and ordinary browsing does not churn
// the cache. (Each profile's data and zoomed map used to be kept beside
// its page, and a crawl filled the budget in one language.)
func TestProfilesFitTheCache(t *testing.T) {
	if testing.Short() {
		t.Skip("renders all 357 profiles")
	}
	e := newInputEnv(t)
	c := newHTTPClient(t, e.URL, "192.0.2.99")
	ms, err := e.srv.store.Municipalities(t.Context(), 2024)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if r := c.get("/kommune/" + string(m.Number)); r.Status != http.StatusOK {
			t.Fatalf("GET /kommune/%s: %d", m.Number, r.Status)
		}
	}
	n, used := e.srv.cache.Usage(app.Response)
	if used > app.ResponseBudget/2 {
		t.Errorf("after %d profiles the cache holds %d entries, %d MiB; want at most half the %d MiB budget", len(ms), n, used>>20, app.ResponseBudget>>20)
	}
}
