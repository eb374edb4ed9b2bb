package stats

import "testing"

func TestSameAsPrinted(t *testing.T) {
	for _, tt := range []struct {
		printed, computed float64
		want              bool
	}{
		{15200, 15239.5, true},   // rounded to hundreds
		{15200, 15077.5, false},  // 15 100
		{5161, 5162.5, false},    // exact figure
		{18784, 18783.77, true},  // rounded to whole persons
		{293, 293, true},         //
		{5367580, 5367580, true}, //
		{5367580, 5367584, true}, // rounded to tens
		{5367580, 5367586, false},
		{188, 192, false},
	} {
		if got := SameAsPrinted(tt.printed, tt.computed); got != tt.want {
			t.Errorf("SameAsPrinted(%v, %v) = %v, want %v", tt.printed, tt.computed, got, tt.want)
		}
	}
}

func TestMatchFigures(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	pub := NordicRow{Municipalities: f(356), Mean: f(15200)}
	cands := []NordicRow{{Date: "2020-01-01", Municipalities: f(356), Mean: f(15077.5)}, {Date: "2022-01-01", Municipalities: f(356), Mean: f(15239.5)}}
	got := MatchFigures(pub, cands)
	if len(got) != 2 || len(got[0].Matches) != 2 || len(got[1].Matches) != 1 || got[1].Matches[0].Date != "2022-01-01" {
		t.Errorf("MatchFigures = %+v", got)
	}
}
