package generalist

import (
	"reflect"
	"sync"
	"testing"
)

// TestValidateInSharedSet: one municipality set serves many checks, at
// once too, and gives each the problems Validate gives on the list.
func TestValidateInSharedSet(t *testing.T) {
	ms := []Municipality{{Structure: Structure2024, Number: "1111", County: "11"}, {Structure: Structure2024, Number: "1112", County: "11"}}
	cat := &Catalogue{Version: "t", Tasks: []Task{{ID: "vern", NameNB: "v", NameEN: "v", Role: RoleServiceProvider, Sector: "s", LegalBasis: "lov"}}}
	scenarios := []*Scenario{
		{Name: "ok", Structure: Structure2024, Year: 2026, Mergers: []Merger{{Name: "m", Members: []MunicipalityNumber{"1111", "1112"}}}},
		{Name: "unknown", Structure: Structure2024, Year: 2026, Mergers: []Merger{{Name: "m", Members: []MunicipalityNumber{"1111", "1507"}}}},
		{Name: "county", Structure: Structure2024, Year: 2026, CountyRelief: []CountyRelief{{Task: "vern", Counties: []CountyNumber{"11", "46"}}}},
	}
	want := make([]Problems, len(scenarios))
	for i, s := range scenarios {
		want[i] = s.Validate(ms, cat)
	}
	if len(want[0]) != 0 || len(want[1]) != 1 || len(want[2]) != 1 {
		t.Fatalf("Validate = %v; want no problem, then one unknown municipality, then one unknown county", want)
	}
	set := NewMunicipalitySet(ms)
	var wg sync.WaitGroup
	got := make([][]Problems, 8)
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, s := range scenarios {
				got[g] = append(got[g], s.ValidateIn(set, cat))
			}
		}()
	}
	wg.Wait()
	for g := range got {
		if !reflect.DeepEqual(got[g], want) {
			t.Errorf("ValidateIn on a shared set (goroutine %d) = %v, want %v", g, got[g], want)
		}
	}
}
