package web_test

import (
	"strings"
	"testing"
)

// TestGlossaryNorwegianTerms checks that the English glossary gives the
// Norwegian term beside each English one, marked as bokmål, since the
// legal and statistical terms are the ones a reader meets in the sources.
func TestGlossaryNorwegianTerms(t *testing.T) {
	en := get(t, "/ordliste?lang=en")
	if en.Status != 200 {
		t.Fatalf("status %d", en.Status)
	}
	for _, want := range []string{
		`Host municipality <span lang="nb" translate="no">(Vertskommune)</span>`,
		`Municipal joint task body <span lang="nb" translate="no">(Kommunalt oppgavefellesskap)</span>`,
	} {
		if !strings.Contains(en.Body, want) {
			t.Errorf("English glossary lacks %q", want)
		}
	}
	if nb := get(t, "/ordliste"); strings.Contains(nb.Body, `(Vertskommune)`) {
		t.Error("the bokmål glossary repeats the term in parentheses")
	}
}
