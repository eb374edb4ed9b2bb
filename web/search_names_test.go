package web_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestSearchNamesMunicipalities: an infeasible search names the
// municipalities it concerns with their numbers («Træna (1835)»), in
// both languages and on both kinds of search, never as a bare list of
// numbers.
func TestSearchNamesMunicipalities(t *testing.T) {
	bare := regexp.MustCompile(`\(\d{4}, \d{4}|kommunenummer \d|municipality numbers \d`)
	for _, tc := range []struct {
		path, id string
		want     []string
	}{
		{"/sok?floor=5000&max_km=50", "search-error", []string{"Træna (1835)", "Røst (1856)", "Engerdal (3425)", " og 14 andre."}},
		{"/sok?floor=5000&max_km=50&lang=en", "search-error", []string{"These municipalities", "Træna (1835)", " and 14 more."}},
		{"/sok?mode=regions&task=legevakt&max_km=30", "regions-error", []string{"Sokndal (1111)", "minste robuste fagmiljø"}},
		{"/sok?mode=regions&task=legevakt&max_km=30&lang=en", "regions-error", []string{"Sokndal (1111)", "robust minimum team"}},
	} {
		r := get(t, tc.path)
		i := strings.Index(r.Body, `id="`+tc.id+`"`)
		if r.Status != 200 || i < 0 {
			t.Errorf("%s: %d, no %s", tc.path, r.Status, tc.id)
			continue
		}
		text := r.Body[i:min(len(r.Body), i+1500)]
		text = text[:strings.Index(text, "</p>")]
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the message lacks %q: %s", tc.path, w, text)
			}
		}
		if m := bare.FindString(text); m != "" {
			t.Errorf("%s: the message lists bare numbers (%q): %s", tc.path, m, text)
		}
	}
}

// TestSearchWeightColumn: the groups' table heads its figures with what
// they are: inhabitants, or the chosen task's expected FTEs.
func TestSearchWeightColumn(t *testing.T) {
	head := regexp.MustCompile(`id="groups">\s*<caption>[^<]*</caption>\s*<thead><tr><th scope="col" class="num">([^<]*)<`)
	for path, want := range map[string]string{
		"/sok?floor=5000":             "Innbyggere",
		"/sok?floor=5000&lang=en":     "Inhabitants",
		"/sok?task=barnevern":         "Forventede årsverk (Barnevernstjeneste)",
		"/sok?task=barnevern&lang=en": "Expected FTEs (Child welfare service)",
	} {
		r := get(t, path)
		m := head.FindStringSubmatch(r.Body)
		if m == nil {
			t.Errorf("%s: %d, no table of groups", path, r.Status)
			continue
		}
		if m[1] != want {
			t.Errorf("%s: the column is headed %q, want %q", path, m[1], want)
		}
	}
}
