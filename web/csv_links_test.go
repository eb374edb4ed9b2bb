package web_test

import (
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestCSVLinksOfferExcel: every page with a CSV download offers the
// variant for Excel beside it, with the same address but format=csv-excel,
// and the link says what it is.
func TestCSVLinksOfferExcel(t *testing.T) {
	href := regexp.MustCompile(`href="([^"]*format=csv[^"-][^"]*|[^"]*format=csv)"`)
	for _, path := range []string{"/", "/?lang=en", "/kommuner", "/kommune/0301", "/innspill", "/samarbeid",
		"/scenarier/sammenlign?id=barnevern-palagt-samarbeid"} {
		r := get(t, path)
		if r.Status != 200 {
			t.Errorf("%s: status %d", path, r.Status)
			continue
		}
		links := href.FindAllStringSubmatch(r.Body, -1)
		if len(links) == 0 {
			t.Errorf("%s: no CSV link", path)
		}
		for _, m := range links {
			excel := strings.Replace(m[1], "format=csv", "format=csv-excel", 1)
			if !strings.Contains(r.Body, `href="`+excel+`"`) && !sameQuery(r.Body, m[1]) {
				t.Errorf("%s: the CSV link %s has no Excel variant", path, m[1])
			}
		}
		want := "CSV for Excel (semikolon, desimalkomma)"
		if strings.Contains(path, "lang=en") {
			want = "CSV for Excel (semicolon, decimal comma)"
		}
		if !strings.Contains(r.Body, want) {
			t.Errorf("%s: no link text %q", path, want)
		}
	}
}

// sameQuery reports whether body links to csvURL's Excel variant with the
// parameters in another order (excelURL encodes them sorted).
func sameQuery(body, csvURL string) bool {
	u := html.UnescapeString(csvURL)
	path, q, _ := strings.Cut(u, "?")
	var parts []string
	for _, p := range strings.Split(q, "&") {
		if p == "format=csv" {
			p = "format=csv-excel"
		}
		parts = append(parts, p)
	}
	for _, m := range regexp.MustCompile(`href="([^"]*format=csv-excel[^"]*)"`).FindAllStringSubmatch(body, -1) {
		p2, q2, _ := strings.Cut(html.UnescapeString(m[1]), "?")
		if p2 != path {
			continue
		}
		got := strings.Split(q2, "&")
		if len(got) != len(parts) {
			continue
		}
		all := true
		for _, p := range parts {
			found := false
			for _, g := range got {
				found = found || g == p
			}
			all = all && found
		}
		if all {
			return true
		}
	}
	return false
}

// TestReportInPageLanguage: a report downloaded from the web is in the
// page's language, chosen by ?lang= or the cookie.
func TestReportInPageLanguage(t *testing.T) {
	const path = "/scenarier/rapport?id=barnevern-palagt-samarbeid&format=md"
	if r := get(t, path); r.Status != 200 || !strings.Contains(r.Body, "Dagens system") || !strings.Contains(r.Body, "Alternativer til dagens generalistkommunesystem") {
		t.Errorf("bokmål report: status %d, %.200s", r.Status, r.Body)
	}
	if r := get(t, path+"&lang=en"); r.Status != 200 || !strings.Contains(r.Body, "Today's system") || strings.Contains(r.Body, "Nøkkeltall") ||
		!strings.Contains(r.Body, "# Alternatives to today's generalist municipality system") {
		t.Errorf("English report (?lang=en): status %d, %.300s", r.Status, r.Body)
	}
	// The English report for Excel with Norwegian settings: English words,
	// Norwegian numbers (Excel would read "3,402" as 3.402).
	if r := get(t, "/scenarier/rapport?id=barnevern-palagt-samarbeid&format=csv-excel&lang=en"); r.Status != 200 || !strings.Contains(r.Body, "Today's system") ||
		regexp.MustCompile(`;[-+]?\d{1,3}(,\d{3})+( \(|;|\r?\n)`).MatchString(r.Body) {
		t.Errorf("English report for Excel: status %d, %.400s", r.Status, r.Body)
	}
	req, _ := http.NewRequest("GET", newTestServer(t)+path, nil)
	req.AddCookie(&http.Cookie{Name: "lang", Value: "en"})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), "Today's system") || !strings.Contains(resp.Header.Get("Content-Disposition"), `filename="comparison-barnevern-palagt-samarbeid-`) {
		t.Errorf("English report (cookie): %s, %.200s", resp.Header.Get("Content-Disposition"), b)
	}
}
