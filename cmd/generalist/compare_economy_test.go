package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/auth"
	"generalist/web"
)

// mergeJSON is what `economy merge --json` prints, the parts the
// comparison and the report show.
type mergeJSON struct {
	Components []struct {
		ID     string   `json:"id"`
		Change *float64 `json:"change"`
	} `json:"components"`
	Compensation struct {
		Total     *float64 `json:"total"`
		FullYears int      `json:"full_years"`
	} `json:"inndelingstilskudd"`
	Years []struct {
		Compensation *float64 `json:"inndelingstilskudd"`
		Known        float64  `json:"known_change"`
	} `json:"years"`
}

// figures are the shown figures, in whole kroner, nil for "ingen data",
// in the order of the comparison's columns: income equalisation a year,
// inndelingstilskudd the first year and over all years, one-off grant,
// reform support, known change over all years.
func (m mergeJSON) figures() []*float64 {
	comp := func(id string) *float64 {
		for _, c := range m.Components {
			if c.ID == id {
				return c.Change
			}
		}
		return nil
	}
	var all *float64
	if m.Compensation.Total != nil {
		sum := 0.0
		for _, y := range m.Years {
			if y.Compensation == nil {
				sum = math.NaN()
			} else {
				sum += *y.Compensation
			}
		}
		if !math.IsNaN(sum) {
			all = &sum
		}
	}
	known := 0.0
	for _, y := range m.Years {
		known += y.Known
	}
	out := []*float64{comp("income_equalisation"), m.Compensation.Total, all, comp("one_off_grant"), comp("reform_support"), &known}
	for i, v := range out {
		if v != nil {
			r := math.Round(*v)
			out[i] = &r
		}
	}
	return out
}

// shown reads a figure as a page or report writes it: "−475 795 kr",
// "+1 000 000", "ingen data" (nil).
func shown(t *testing.T, s string) *float64 {
	t.Helper()
	s = strings.TrimSpace(strings.NewReplacer("\u00a0", "", "\u202f", "", " ", "", "kr", "", "+", "", "−", "-", "&#43;", "", "'", "").Replace(s))
	if s == "ingendata" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("figure %q is not a number", s)
	}
	return &v
}

func sameFigures(a, b []*float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if (a[i] == nil) != (b[i] == nil) || a[i] != nil && *a[i] != *b[i] {
			return false
		}
	}
	return true
}

func fmtFigures(xs []*float64) string {
	var s []string
	for _, x := range xs {
		if x == nil {
			s = append(s, "ingen data")
		} else {
			s = append(s, strconv.FormatFloat(*x, 'f', 0, 64))
		}
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// TestComparisonEconomyAsMerge: for a merger with data (Sokndal + Lund in
// 2024 and 2025), the comparison page and the report of `report scenario`
// show its economy, and every figure equals what `economy merge --members
// 1111,1112 --year Y --json` prints.
func TestComparisonEconomyAsMerge(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	if _, _, err := runCmd("stats", "--db", db); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	store, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	// An analyst's token: stored scenarios are working material, shown to
	// signed-in users only.
	u := &generalist.User{Name: "analytiker", Role: generalist.UserAnalyst, PasswordHash: "x"}
	if err := store.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	secret, prefix := auth.NewToken()
	if err := store.CreateToken(ctx, &generalist.APIToken{UserID: u.ID, Name: "test", Scope: "read", Hash: auth.HashSecret(secret), Prefix: prefix}); err != nil {
		t.Fatal(err)
	}
	srv, err := web.NewServer(web.Config{App: app.New(store), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	for _, year := range []int{2024, 2025} {
		id := fmt.Sprintf("dalane-%d", year)
		file := filepath.Join(t.TempDir(), id+".json")
		sc := fmt.Sprintf(`{"id": %q, "name": "Sokndal og Lund %d", "description": "Test: Sokndal og Lund slås sammen.", "structure": 2024, "year": %d,
			"mergers": [{"name": "Sokndal og Lund", "members": ["1111", "1112"], "centre": "1111"}]}`, id, year, year)
		if err := os.WriteFile(file, []byte(sc), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, stderr, err := runCmd("scenario", "new", file, "--db", db); err != nil {
			t.Fatalf("scenario new: %v: %s", err, stderr)
		}
		out, _, err := runCmd("economy", "merge", "--members", "1111,1112", "--year", strconv.Itoa(year), "--json", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		var m mergeJSON
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatal(err)
		}
		want := m.figures()
		if want[0] == nil || m.Compensation.FullYears != 15 {
			t.Fatalf("%d: economy merge gives no income equalisation or not 15 full years: %s", year, out)
		}

		// The comparison page.
		req, _ := http.NewRequest("GET", ts.URL+"/scenarier/sammenlign?id="+id, nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		page := string(b)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%d: comparison %d: %.300s", year, resp.StatusCode, page)
		}
		if !strings.Contains(page, fmt.Sprintf("Økonomi per sammenslåing (inntektssystemet %d)", year)) {
			t.Errorf("%d: the comparison has no economy section of the year", year)
		}
		row := regexp.MustCompile(`(?s)<tr data-merger="1111,1112">(.*?)</tr>`).FindStringSubmatch(page)
		if row == nil {
			t.Fatalf("%d: the comparison has no economy row for Sokndal + Lund", year)
		}
		var got []*float64
		for _, f := range []string{"income", "compensation", "compensation-all", "one-off", "reform", "known-all"} {
			c := regexp.MustCompile(`data-f="` + f + `">([^<]*)<`).FindStringSubmatch(row[1])
			if c == nil {
				t.Fatalf("%d: the comparison's row lacks %s", year, f)
			}
			got = append(got, shown(t, c[1]))
		}
		if !sameFigures(got, want) {
			t.Errorf("%d: the comparison shows %s, economy merge gives %s", year, fmtFigures(got), fmtFigures(want))
		}

		// The reports: Markdown and CSV rows, and the HTML section.
		md, _, err := runCmd("report", "scenario", id, "--format", "md", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		mdRow := regexp.MustCompile(`(?m)^\| Sokndal og Lund \d+ \| Sokndal og Lund \| Sokndal \+ Lund \|(.*)\|$`).FindStringSubmatch(md)
		if mdRow == nil {
			t.Fatalf("%d: the Markdown report has no economy row:\n%s", year, md)
		}
		cells := strings.Split(mdRow[1], "|")
		// Columns: income, first year, all years, duration, one-off,
		// reform, known first year, known all years.
		got = []*float64{shown(t, cells[0]), shown(t, cells[1]), shown(t, cells[2]), shown(t, cells[4]), shown(t, cells[5]), shown(t, cells[7])}
		if !sameFigures(got, want) {
			t.Errorf("%d: the Markdown report shows %s, economy merge gives %s", year, fmtFigures(got), fmtFigures(want))
		}
		if !strings.Contains(cells[3], "15 år fullt, så nedtrapping over 5 år") {
			t.Errorf("%d: the Markdown report does not give the years in full: %q", year, cells[3])
		}
		csv, _, err := runCmd("report", "scenario", id, "--format", "csv", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		csvRow := regexp.MustCompile(`(?m)^Sokndal og Lund \d+,Sokndal og Lund,Sokndal \+ Lund,(.*)$`).FindStringSubmatch(csv)
		if csvRow == nil {
			t.Fatalf("%d: the CSV report has no economy row:\n%s", year, csv)
		}
		c := strings.Split(strings.ReplaceAll(csvRow[1], `"`, ""), ",")
		// The duration holds a comma: "15 år fullt, så nedtrapping …".
		got = []*float64{shown(t, c[0]), shown(t, c[1]), shown(t, c[2]), shown(t, c[5]), shown(t, c[6]), shown(t, c[8])}
		if !sameFigures(got, want) {
			t.Errorf("%d: the CSV report shows %s, economy merge gives %s", year, fmtFigures(got), fmtFigures(want))
		}
		html, _, err := runCmd("report", "scenario", id, "--format", "html", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(html, fmt.Sprintf("Økonomi per sammenslåing (inntektssystemet %d)", year)) || !strings.Contains(html, `class="economy"`) {
			t.Errorf("%d: the HTML report has no economy section", year)
		}
	}
}
