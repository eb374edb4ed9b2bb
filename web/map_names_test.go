package web_test

import "testing"

// TestMapNamesAreTheStructures: the search (both modes), the atlas map
// and the scenario comparison's maps name a municipality as the
// structure table does («Hattfjelldal», «Hamarøy»), not with the
// boundary file's long names («Aarborte - Hattfjelldal», «Hábmer -
// Hamarøy»), in the groups, their labels and the maps' titles.
func TestMapNamesAreTheStructures(t *testing.T) {
	long := []string{"Aarborte", "Hábmer"}
	for path, want := range map[string][]string{
		"/sok?floor=5000":                  {"Hattfjelldal: gruppe", "Hattfjelldal, Hemnes"},
		"/sok?mode=regions&task=barnevern": {"Hattfjelldal: region"},
		"/kart":                            {"Hattfjelldal: 1 255 innbyggere", "Hamarøy: "},
		"/scenarier/sammenlign/kart?id=barnevern-palagt-samarbeid&id=barnevern-til-fylket-under-3000": {"Hattfjelldal: 27", "Hamarøy: "},
	} {
		checkPage(t, path, 200, want, long)
	}
}
