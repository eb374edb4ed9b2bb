package web

import (
	"slices"
	"testing"
)

// TestSourceLinksOncePerSite: a source with two pages of one site names
// the site once and numbers its documents; an address given twice is
// listed once; links inside a sentence stay where they are.
func TestSourceLinksOncePerSite(t *testing.T) {
	got := sourceLinks("https://www.regjeringen.no/a ; lov § 3 ; https://ssb.no/x ; https://regjeringen.no/b ; https://ssb.no/x")
	want := []sourceLink{
		{Text: "regjeringen.no", URL: "https://www.regjeringen.no/a", Doc: 1},
		{Text: "regjeringen.no", URL: "https://regjeringen.no/b", Doc: 2},
		{Text: "lov § 3"},
		{Text: "ssb.no", URL: "https://ssb.no/x"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("sourceLinks:\n got %v\nwant %v", got, want)
	}
	got = sourceLinks("HNygard/norsk-lovtidend/cache/2015/x.html ; Prosperaino/lovdata-public-data/lovtidend-avd1-2025.tar.bz2")
	want = []sourceLink{
		{Text: "HNygard/norsk-lovtidend", URL: "https://github.com/HNygard/norsk-lovtidend/blob/HEAD/cache/2015/x.html", Repo: true, Law: true, Doc: 1},
		{Text: "Prosperaino/lovdata-public-data", URL: "https://github.com/Prosperaino/lovdata-public-data/blob/HEAD/lovtidend-avd1-2025.tar.bz2", Repo: true, Law: true, Doc: 2},
	}
	if !slices.Equal(got, want) {
		t.Errorf("sourceLinks:\n got %v\nwant %v", got, want)
	}
	got = sourceLinks("Rapport (https://nrk.no/a) og (https://nrk.no/b)")
	for _, l := range got {
		if l.Doc != 0 {
			t.Errorf("a link inside a sentence was numbered: %v", got)
		}
	}
}
