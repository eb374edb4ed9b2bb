package refdata_test

import (
	"strings"
	"testing"

	"generalist"
	"generalist/refdata"
)

// TestEmbeddedObserved checks the shipped figures against
// data/oppgaver_lovgrunnlag.md §5, which quotes them.
func TestEmbeddedObserved(t *testing.T) {
	obs, err := refdata.EmbeddedObserved()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		year, count int
		cmp         string
		threshold   float64
		excludes    bool
	}{
		"kr2019_under_fem":            {2019, 40, refdata.ObservedUnder, 5, true},
		"bufdir2017_tre_eller_faerre": {2017, 27, refdata.ObservedAtMost, 3, false},
	}
	if len(obs) != len(want) {
		t.Fatalf("%d observed figures, want %d", len(obs), len(want))
	}
	for _, o := range obs {
		w, ok := want[o.ID]
		if !ok {
			t.Errorf("unexpected figure %s", o.ID)
			continue
		}
		if o.Task != "barnevern" || o.Year != w.year || o.Count != w.count || o.Comparison != w.cmp || o.Threshold != w.threshold || o.ExcludesCooperation != w.excludes {
			t.Errorf("%s = %+v, want %+v", o.ID, o, w)
		}
	}
}

func TestObservedBelow(t *testing.T) {
	under := refdata.Observed{Comparison: refdata.ObservedUnder, Threshold: 5}
	atMost := refdata.Observed{Comparison: refdata.ObservedAtMost, Threshold: 3}
	for _, tt := range []struct {
		o    refdata.Observed
		fte  float64
		want bool
	}{{under, 4.99, true}, {under, 5, false}, {atMost, 3, true}, {atMost, 3.01, false}} {
		if got := tt.o.Below(tt.fte); got != tt.want {
			t.Errorf("%s %v: Below(%v) = %v, want %v", tt.o.Comparison, tt.o.Threshold, tt.fte, got, tt.want)
		}
	}
}

func TestParseObservedRejects(t *testing.T) {
	head := "id,task,year,count,unit,comparison,threshold,threshold_unit,excludes_cooperation,source_title,url,quote,counts_nb,counts_en\n"
	good := "a,barnevern,2019,40,kommuner,under,5,ansatte,true,T,https://x.example/a,q,nb,en\n"
	if _, err := refdata.ParseObserved(strings.NewReader(head+good), "f.csv"); err != nil {
		t.Fatalf("good file: %v", err)
	}
	for _, tt := range []struct{ name, body, want string }{
		{"header", "id,task\n", "line 1"},
		{"year", strings.Replace(good, "2019", "19x", 1), "line 2, column year"},
		{"count", strings.Replace(good, ",40,", ",-1,", 1), "column count"},
		{"comparison", strings.Replace(good, "under", "below", 1), "column comparison"},
		{"threshold", strings.Replace(good, ",5,", ",0,", 1), "column threshold"},
		{"bool", strings.Replace(good, "true", "ja", 1), "column excludes_cooperation"},
		{"url", strings.Replace(good, "https://", "http://", 1), "column url"},
		{"empty", strings.Replace(good, ",q,", ",,", 1), "column quote"},
		{"duplicate", good + good, "line 3, column id"},
		{"fields", head[:0] + "a,b\n", ""},
	} {
		body := head + tt.body
		if tt.name == "header" {
			body = tt.body
		}
		_, err := refdata.ParseObserved(strings.NewReader(body), "f.csv")
		if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want EINVALID naming %q", tt.name, err, tt.want)
		}
	}
}
