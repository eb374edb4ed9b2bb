package web_test

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// TestCompareNotesOnlyWhatIsShown: the comparison explains «minst» and
// the per-task brackets only when a cell shows them; the median is in
// whole inhabitants; and a merger without an economy that is named after
// its centre is named by its members, so that it does not read as one
// municipality.
func TestCompareNotesOnlyWhatIsShown(t *testing.T) {
	shownAtLeast := regexp.MustCompile(`>(minst|at least) \d`)
	atLeast := map[string]string{"nb": "«Minst» er det alternativet selv legger i samarbeid", "en": "«At least» is what the alternative itself puts in cooperation"}
	brackets := map[string]string{"nb": "I parentes står hvor mange", "en": "In parentheses: how many"}
	for _, lang := range []string{"nb", "en"} {
		// The mergers put nothing in cooperation, and today's cooperation
		// is unknown (the test registry is empty): no «minst», no brackets.
		merge := html.UnescapeString(get(t, "/scenarier/sammenlign?id=sammenslaing-5000&lang="+lang).Body)
		if !strings.Contains(merge, `id="roles-unknown"`) {
			t.Fatalf("%s: the comparison of the mergers has no note on today's unknown cooperation", lang)
		}
		if strings.Contains(merge, atLeast[lang]) || shownAtLeast.MatchString(merge) {
			t.Errorf("%s: the comparison of the mergers explains «minst» (%v) or shows it", lang, strings.Contains(merge, atLeast[lang]))
		}
		if strings.Contains(merge, brackets[lang]) || regexp.MustCompile(`<td class="num">[\d\s]+ \(`).MatchString(merge) {
			t.Errorf("%s: the per-task table of the mergers explains brackets it does not show, or shows them", lang)
		}
		if m := regexp.MustCompile(`\d[,.]0</td>`).FindString(merge); m != "" {
			t.Errorf("%s: a whole number shown with a decimal: %q", lang, m)
		}
		if !regexp.MustCompile(`<td class="num">10[\s\x{a0},]160</td>`).MatchString(merge) {
			t.Errorf("%s: the median of the mergers is not shown as 10 160 inhabitants", lang)
		}
		for _, want := range []string{"Stavanger + Kvitsøy, Bjerkreim + ", map[string]string{"nb": "og 75 andre sammenslåinger", "en": "and 75 other mergers"}[lang]} {
			if !strings.Contains(merge, want) {
				t.Errorf("%s: the sentence on the mergers without an economy lacks %q", lang, want)
			}
		}
		if strings.Contains(merge, "«Stavanger»") {
			t.Errorf("%s: the merger of Stavanger and Kvitsøy is named «Stavanger», as if it were one municipality", lang)
		}

		// Mandated cooperation on child welfare: «minst» and brackets.
		coop := get(t, "/scenarier/sammenlign?id=barnevern-palagt-samarbeid&lang="+lang).Body
		if !shownAtLeast.MatchString(coop) || !regexp.MustCompile(`<td class="num">[\d\s]+ \(`).MatchString(coop) {
			t.Fatalf("%s: the comparison with mandated cooperation shows no «minst» or no brackets; the test needs another scenario", lang)
		}
		if !strings.Contains(coop, atLeast[lang]) || !strings.Contains(coop, brackets[lang]) {
			t.Errorf("%s: the comparison with mandated cooperation does not explain «minst» (%v) or its brackets (%v)", lang,
				strings.Contains(coop, atLeast[lang]), strings.Contains(coop, brackets[lang]))
		}
	}
}
