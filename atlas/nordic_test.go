package atlas_test

import (
	"context"
	"math"
	"slices"
	"strconv"
	"testing"

	"generalist/atlas"
	"generalist/internal/testkit"
	"generalist/stats"
)

// finnishFigures computes count, mean (whole persons), median and the
// number under 5,000 of mainland Finland on date straight from the CSV,
// without package stats.
func finnishFigures(t *testing.T, date string) (count int, mean, median float64, under int) {
	t.Helper()
	var pops []float64
	sum := 0.0
	for _, r := range testkit.DataCSV(t, "norden_finland_kommuner.csv") {
		if r["referansedato"] != date || r["aland"] == "true" {
			continue
		}
		p, err := strconv.ParseFloat(r["folkemengde"], 64)
		if err != nil {
			t.Fatal(err)
		}
		pops = append(pops, p)
		sum += p
		if p < 5000 {
			under++
		}
	}
	slices.Sort(pops)
	n := len(pops)
	median = pops[n/2]
	if n%2 == 0 {
		median = (pops[n/2-1] + pops[n/2]) / 2
	}
	return n, math.Round(sum / float64(n)), median, under
}

func rowOf(t *testing.T, n *atlas.Nordic, country, variant string) stats.NordicRow {
	t.Helper()
	for _, r := range n.Rows {
		if r.Country == country && r.Variant == variant {
			return r
		}
	}
	t.Fatalf("no row %s %q in %+v", country, variant, n.Rows)
	return stats.NordicRow{}
}

// The comparison opens on the committee's dates: mainland Finland on
// 31.12.2020 gives the slide's 293, 18 784, 6 415 and 124.
func TestNordicCommitteeDates(t *testing.T) {
	count, mean, median, under := finnishFigures(t, "2020-12-31")
	if count != 293 || mean != 18784 || median != 6415 || under != 124 {
		t.Fatalf("the CSV gives %d, %v, %v, %d; the committee's slide has 293, 18 784, 6 415, 124", count, mean, median, under)
	}
	n, err := atlas.NordicComparison(context.Background(), loaded(t), 0, "")
	if err != nil {
		t.Fatal(err)
	}
	if n.Basis != atlas.NordicBasisSource || n.SourceID != atlas.NordicSource {
		t.Errorf("basis %q, source %q", n.Basis, n.SourceID)
	}
	fi := rowOf(t, n, "FI", stats.VariantMainland)
	if fi.Date != "2020-12-31" || *fi.Municipalities != float64(count) || math.Round(*fi.Mean) != mean || *fi.Median != median || *fi.Under5000 != float64(under) {
		t.Errorf("Finland without Åland: %s %v %v %v %v, want 2020-12-31 %d %v %v %d", fi.Date, *fi.Municipalities, *fi.Mean, *fi.Median, *fi.Under5000, count, mean, median, under)
	}
	if no := rowOf(t, n, "NO", ""); no.Date != "2020-01-01" || *no.Municipalities != 356 || *no.Inhabitants != 5367580 {
		t.Errorf("Norway: %s %v %v, want 2020-01-01 356 5367580", no.Date, *no.Municipalities, *no.Inhabitants)
	}
	// Every row is dated or says how it is dated.
	for _, r := range n.Rows {
		switch r.DateStatus {
		case stats.DateData, stats.DateTurnOfYear:
			if r.Date == "" {
				t.Errorf("%s: status %s without a date", r.Label, r.DateStatus)
			}
		case stats.DatePerFigure:
			if len(r.FigureDates) == 0 || len(r.DatesChecked) == 0 {
				t.Errorf("%s: dated per figure without figure dates", r.Label)
			}
		case stats.DateNotStated:
			if r.Date != "" {
				t.Errorf("%s: not stated but dated %s", r.Label, r.Date)
			}
		default:
			t.Errorf("%s: date status %q", r.Label, r.DateStatus)
		}
		if r.Source == "" || r.SourceID == "" {
			t.Errorf("%s has no source", r.Label)
		}
	}
	for _, c := range []string{"SE", "DK", "IS"} {
		if r := rowOf(t, n, c, ""); r.DateStatus != stats.DateNotStated {
			t.Errorf("%s: %s, want not stated (the presentation gives no date)", c, r.DateStatus)
		}
	}
	// The committee's Norwegian column mixes dates (data/README.md).
	want := map[string][]string{"inhabitants": {"2020-01-01"}, "mean": {"2022-01-01"}, "smallest": {"2022-01-01"}, "median": nil, "largest": nil,
		"municipalities": {"2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01"}}
	for _, f := range rowOf(t, n, "NO", stats.VariantPublished).FigureDates {
		w, ok := want[f.Figure]
		if !ok {
			continue
		}
		var got []string
		for _, m := range f.Matches {
			got = append(got, m.Date)
		}
		if !slices.Equal(got, w) {
			t.Errorf("Norway's published %s matches %v, want %v", f.Figure, got, w)
		}
	}
	// Finland's published inhabitants include Åland; its count does not.
	for _, f := range rowOf(t, n, "FI", stats.VariantPublished).FigureDates {
		if f.Figure == "inhabitants" && (len(f.Matches) != 1 || f.Matches[0] != stats.FigureMatch{Date: "2020-12-31", Variant: stats.VariantWithAland}) {
			t.Errorf("Finland's published inhabitants match %+v", f.Matches)
		}
		if f.Figure == "municipalities" && (len(f.Matches) != 1 || f.Matches[0] != stats.FigureMatch{Date: "2020-12-31", Variant: stats.VariantMainland}) {
			t.Errorf("Finland's published count matches %+v", f.Matches)
		}
	}
}

// A year still chooses the dates: 2020 gives Finland's 2019 data.
func TestNordicYear(t *testing.T) {
	count, _, _, _ := finnishFigures(t, "2019-12-31")
	n, err := atlas.NordicComparison(context.Background(), loaded(t), 2020, "")
	if err != nil {
		t.Fatal(err)
	}
	if fi := rowOf(t, n, "FI", stats.VariantMainland); fi.Date != "2019-12-31" || *fi.Municipalities != float64(count) || count != 294 {
		t.Errorf("Finland 2020: %s %v, want 2019-12-31 294 (CSV: %d)", fi.Date, *fi.Municipalities, count)
	}
	n, err = atlas.NordicComparison(context.Background(), loaded(t), 2014, "kmd_vare_naboland_2014")
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Gaps) != 3 { // Norway and Finland without data, Iceland not in the source
		t.Errorf("gaps %+v, want Norway, Finland and Iceland", n.Gaps)
	}
	if se := rowOf(t, n, "SE", ""); se.DateStatus != stats.DateTurnOfYear || se.Date != "2014-01-01" {
		t.Errorf("Sweden in KMD's table: %s %s", se.DateStatus, se.Date)
	}
}
