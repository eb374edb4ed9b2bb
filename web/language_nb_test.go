package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// nbMarkedProse counts the segments of Norwegian prose an English page
// marks as Norwegian (lang="nb"): those the page has when read as
// bokmål and not when read as English, as TestPageLanguageEnglish counts
// prose.
func nbMarkedProse(page string) int {
	count := func(lang string) int {
		segs, _ := visibleTextIn(page, lang)
		n := 0
		for _, s := range segs {
			k := 0
			for _, w := range wordRe.FindAllString(s, -1) {
				if norwegianWords[strings.ToLower(w)] {
					k++
				}
			}
			if k >= 3 {
				n++
			}
		}
		return n
	}
	return count("nb") - count("en")
}

// TestEnglishPagesOwnTextInEnglish: TestPageLanguageEnglish lets text
// marked lang="nb" pass, so an English page could mark its own texts
// Norwegian and pass. Here the English task catalogue page gives the
// catalogue's norms and notes, the county authority's tasks' notes
// included, in English, keeping in Norwegian only the
// legal bases and sources (and says so); the list of scenarios and the
// comparison say once that the examples' names and descriptions are
// given in Norwegian.
func TestEnglishPagesOwnTextInEnglish(t *testing.T) {
	for _, tt := range []struct {
		path      string
		maxMarked int
		says      string
		want, not []string
	}{
		{"/oppgaver", 12, "the sources of the task catalogue are given in Norwegian",
			[]string{"Assumption without a source: 0.1 FTEs per 1,000 inhabitants; can be changed.", "At most 15 pupils per teacher in years 1–4",
				"the county council is the regional planning authority", "Act and section: UNVERIFIED"},
			[]string{"Antakelse uten kilde", "kan endres", "Maks 15 elever per lærer", "Fylkestinget er regional planmyndighet", "Lov og paragraf: UNVERIFIED"}},
		{"/scenarier", 8, "The example scenarios' names and descriptions are given in Norwegian", nil, nil},
		{"/scenarier/sammenlign?id=sammenslaing-5000", 0, "The scenarios' names are given as they were written", nil, nil},
	} {
		r := get(t, tt.path+map[bool]string{true: "&", false: "?"}[strings.Contains(tt.path, "?")]+"lang=en")
		if r.Status != http.StatusOK {
			t.Fatalf("%s: %d", tt.path, r.Status)
		}
		if n := nbMarkedProse(r.Body); n > tt.maxMarked {
			t.Errorf("%s in English marks %d segments of Norwegian prose as Norwegian, want at most %d", tt.path, n, tt.maxMarked)
		}
		if !strings.Contains(strings.ReplaceAll(r.Body, "&#39;", "'"), tt.says) {
			t.Errorf("%s in English does not say what it gives in Norwegian (%q)", tt.path, tt.says)
		}
		for _, w := range tt.want {
			if !strings.Contains(r.Body, w) {
				t.Errorf("%s in English lacks %q", tt.path, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(r.Body, w) {
				t.Errorf("%s in English shows %q", tt.path, w)
			}
		}
	}
}
