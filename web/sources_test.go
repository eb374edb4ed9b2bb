package web

import (
	"slices"
	"testing"
)

func TestSourceLinks(t *testing.T) {
	got := sourceLinks("https://www.pressreader.com/norway/x/281629601334799 ; barnehageloven § 26;http://nissedal.kommune.no/a.html; ;javascript:alert(1); https://a b")
	want := []sourceLink{
		{Text: "pressreader.com", URL: "https://www.pressreader.com/norway/x/281629601334799"},
		{Text: "barnehageloven § 26"},
		{Text: "nissedal.kommune.no", URL: "http://nissedal.kommune.no/a.html"},
		{Text: "javascript:alert(1)"},
		{Text: "https://a b"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("sourceLinks:\n got %v\nwant %v", got, want)
	}
	got = sourceLinks("FinnurO/regel-ide/data/fasit/noder/lov.json (commit 2da0519) ; HNygard/norsk-lovtidend/cache/2015/x.html ; SSB 07459: 5 innbyggere (befolkning_2019_k2019.csv)")
	want = []sourceLink{
		{Text: "FinnurO/regel-ide", URL: "https://github.com/FinnurO/regel-ide/blob/2da0519/data/fasit/noder/lov.json", Repo: true},
		{Text: "HNygard/norsk-lovtidend", URL: "https://github.com/HNygard/norsk-lovtidend/blob/HEAD/cache/2015/x.html", Repo: true, Law: true},
		{Text: "SSB 07459: 5 innbyggere"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("sourceLinks:\n got %v\nwant %v", got, want)
	}
	got = sourceLinks("Kommunal Rapport (https://kommunal-rapport.no/2019/x); Bufdir (https://www.nrk.no/y) og mer")
	want = []sourceLink{
		{Text: "Kommunal Rapport ("}, {Text: "kommunal-rapport.no", URL: "https://kommunal-rapport.no/2019/x", Join: true}, {Text: ")", Join: true},
		{Text: "Bufdir ("}, {Text: "nrk.no", URL: "https://www.nrk.no/y", Join: true}, {Text: ") og mer", Join: true},
	}
	if !slices.Equal(got, want) {
		t.Errorf("sourceLinks:\n got %v\nwant %v", got, want)
	}
	if got := sourceLinks(""); len(got) != 0 {
		t.Errorf("empty source gives %v", got)
	}
}
