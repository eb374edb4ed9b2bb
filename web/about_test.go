package web_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestAboutPages checks /om and /tilgjengelighet in both languages, and
// that the statement's count of pages with a known deviation is the one
// in the list the accessibility test holds the pages to (counted here
// independently of the page's own parser).
func TestAboutPages(t *testing.T) {
	b, err := os.ReadFile("a11y_known.txt")
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) != 4 || strings.HasPrefix(line, "#") {
			continue
		}
		if pages[f[3]] == nil {
			pages[f[3]] = map[string]bool{}
		}
		pages[f[3]][f[0]] = true
	}
	for _, tt := range []struct {
		path string
		want []string
	}{
		{"/om", []string{"Om Generalist", "Hvem driver tjenesten", "har ikke oppgitt navnet sitt", "Statistisk sentralbyrå, tabell 07459", "Oppgavekatalog versjon", `href="/tilgjengelighet"`}},
		{"/om?lang=en", []string{"About Generalist", "Who runs the service", "Sources and licences"}},
		{"/tilgjengelighet", []string{"Tilgjengelighetserklæring", map[bool]string{true: "oppfyller kravene delvis", false: "Verken den automatiske testen"}[len(pages) > 0], "uutilsynet.no"}},
		{"/tilgjengelighet?lang=en", []string{"Accessibility statement", map[bool]string{true: "partly meets the requirements", false: "Neither the automatic test"}[len(pages) > 0]}},
	} {
		t.Run(tt.path, func(t *testing.T) {
			checkPage(t, tt.path, 200, tt.want, nil)
		})
	}
	r := get(t, "/tilgjengelighet")
	if n := len(pages["horizontal-scroll"]); n > 0 {
		if want := fmt.Sprintf("Gjelder %d sider på smal skjerm", n); !strings.Contains(r.Body, want) {
			t.Errorf("/tilgjengelighet: no %q", want)
		}
	}
	if home := get(t, "/"); !strings.Contains(home.Body, `href="/om"`) || !strings.Contains(home.Body, `href="/tilgjengelighet"`) {
		t.Error("the footer does not link to /om and /tilgjengelighet")
	}
}
