package web_test

import (
	"net/http"
	"testing"
	"time"

	"generalist/web"
)

// TestReportFileNames: every report format downloads under a name that
// says which scenarios it compares and on which day (in Norway), so that
// two reports saved to one folder do not overwrite each other.
func TestReportFileNames(t *testing.T) {
	// 23:30 UTC on 6 December is 7 December in Norway.
	day := time.Date(2026, 12, 6, 23, 30, 0, 0, time.UTC)
	a := newAuthServer(t, func(c *web.Config) { c.Now = func() time.Time { return day } })
	for _, tc := range []struct{ query, want string }{
		{"id=sammenslaing-5000", `attachment; filename="sammenligning-sammenslaing-5000-2026-12-07.html"`},
		{"id=sammenslaing-5000&format=html&lang=en", `attachment; filename="comparison-sammenslaing-5000-2026-12-07.html"`},
		{"id=sammenslaing-5000&id=barnevern-palagt-samarbeid&format=md", `attachment; filename="sammenligning-sammenslaing-5000-barnevern-palagt-samarbeid-2026-12-07.md"`},
		{"id=sammenslaing-5000,forsok-haugalandet,fylket-avlaster-sarbare,strengere-barnevernsnorm&lang=en", `attachment; filename="comparison-sammenslaing-5000-and-3-more-2026-12-07.html"`},
		{"id=sammenslaing-5000&format=csv", `attachment; filename="sammenligning-sammenslaing-5000-2026-12-07.csv"`},
		{"id=sammenslaing-5000&format=csv-excel", `attachment; filename="sammenligning-sammenslaing-5000-2026-12-07-excel.csv"`},
	} {
		resp, err := http.Get(a.URL + "/scenarier/rapport?" + tc.query)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Disposition"); resp.StatusCode != http.StatusOK || got != tc.want {
			t.Errorf("GET /scenarier/rapport?%s = %d, Content-Disposition %q; want %q", tc.query, resp.StatusCode, got, tc.want)
		}
	}
}
