package web

import (
	"regexp"
	"strings"
	"testing"

	"generalist"
)

// TestCountyProblemTexts: every problem of a bad county lever is worded
// in bokmål and English from its key, with no English word or format
// error in the bokmål text.
func TestCountyProblemTexts(t *testing.T) {
	ms := []generalist.Municipality{{Structure: generalist.Structure2024, Number: "1111", County: "11"}, {Structure: generalist.Structure2024, Number: "1112", County: "11"}}
	cat := &generalist.CountyCatalogue{Version: "v", Tasks: []generalist.CountyTask{{ID: "tannhelse"}, {ID: "fylkesveg"}}}
	bad := []*generalist.CountyChange{
		{},
		{Abolish: true, Others: "fylket"},
		{Abolish: true, Moves: []generalist.CountyMove{{Task: "tannhelse", To: "stat"}, {Task: "tannhelse", To: generalist.CountyToState}, {Task: "", To: generalist.CountyToState}}},
		{Abolish: true, Moves: []generalist.CountyMove{{Task: "ferje", To: generalist.CountyToRegions}}, Regions: []generalist.CountyRegion{{Name: "", Members: []generalist.MunicipalityNumber{"111", "5501", "1111"}}, {Name: "B", Members: []generalist.MunicipalityNumber{"1111"}}, {Name: "C"}}},
		{Abolish: true, Others: generalist.CountyToRegions},
		{Abolish: true, Others: generalist.CountyToState, Regions: []generalist.CountyRegion{{Name: "A", Members: []generalist.MunicipalityNumber{"1111"}}}},
	}
	english := regexp.MustCompile(`\b(the|is|not|must|already|needs|give|receiver|task)\b`)
	keys := map[string]bool{}
	for _, c := range bad {
		sc := &generalist.Scenario{Name: "Fylket", Structure: generalist.Structure2024, Year: 2026, County: c}
		ps := append(sc.Validate(ms, &generalist.Catalogue{Version: "v"}), sc.ValidateCountyTasks(cat)...)
		ps = append(ps, (&generalist.Scenario{County: c}).ValidateCountyTasks(nil)...)
		for _, p := range ps {
			if p.Key == "" {
				t.Errorf("problem without a key: %v", p)
				continue
			}
			keys[p.Key] = true
			for _, lang := range []string{"nb", "en"} {
				txt, ok := keyedText(lang, &generalist.Error{Code: generalist.EINVALID, Message: p.Message, Key: p.Key, Args: p.Args})
				if !ok || strings.Contains(txt, "%!") {
					t.Errorf("%s %s: %q", lang, p.Key, txt)
				}
				if lang == "nb" && english.MatchString(txt) {
					t.Errorf("bokmål text for %s has English: %q", p.Key, txt)
				}
			}
		}
	}
	for k := range countyMessages {
		if strings.HasPrefix(k, "err.county.") && !keys[k] {
			t.Errorf("key %s is never produced by the bad levers", k)
		}
	}
}
