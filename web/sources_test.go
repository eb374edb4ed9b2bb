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
	if got := sourceLinks(""); len(got) != 0 {
		t.Errorf("empty source gives %v", got)
	}
}
