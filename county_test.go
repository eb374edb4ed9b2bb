package generalist

import (
	"strings"
	"testing"
)

func TestCountyValidate(t *testing.T) {
	ms := []Municipality{{Structure: Structure2024, Number: "1111", County: "11"}, {Structure: Structure2024, Number: "1112", County: "11"}}
	region := []CountyRegion{{Name: "Sør", Members: []MunicipalityNumber{"1111", "1112"}}}
	cases := []struct {
		name   string
		change CountyChange
		where  string
		key    string
		text   string
		warn   bool
	}{
		{"abolish to the state", CountyChange{Abolish: true, Others: CountyToState}, "", "", "", false},
		{"regions", CountyChange{Abolish: true, Moves: []CountyMove{{"videregaende", CountyToRegions}}, Others: CountyToState, Regions: region}, "", "", "", false},
		{"nothing", CountyChange{}, "county", "err.county.nothing", "changes nothing", false},
		{"bad receiver", CountyChange{Abolish: true, Moves: []CountyMove{{"tannhelse", "stat"}}}, "county.moves[0] (tannhelse)", "err.county.receiver", `receiver "stat" must be staten, kommunene or regioner`, false},
		{"bad others", CountyChange{Abolish: true, Others: "fylket"}, "county.others", "err.county.receiver", `receiver "fylket"`, false},
		{"no task", CountyChange{Moves: []CountyMove{{"", CountyToState}}}, "county.moves[0] ()", "err.county.notask", "give the county task", false},
		{"twice", CountyChange{Moves: []CountyMove{{"tannhelse", CountyToState}, {"tannhelse", CountyToMunicipalities}}}, "county.moves[1] (tannhelse)", "err.county.twice", "tannhelse is moved more than once", false},
		{"no regions", CountyChange{Abolish: true, Others: CountyToRegions}, "county.regions", "err.county.noregions", "no regions are given", false},
		{"unused regions", CountyChange{Abolish: true, Others: CountyToState, Regions: region}, "county.regions", "err.county.unusedregions", "no task moves to regioner", true},
		{"region member unknown", CountyChange{Others: CountyToRegions, Regions: []CountyRegion{{Name: "Nord", Members: []MunicipalityNumber{"1111", "5501"}}}}, "county.regions[0] (Nord)", "err.county.notin", "kommune 5501 is not in the 2024 structure", false},
		{"region member malformed", CountyChange{Others: CountyToRegions, Regions: []CountyRegion{{Name: "Nord", Members: []MunicipalityNumber{"111"}}}}, "county.regions[0] (Nord)", "err.county.number", `"111" is not a municipality number`, false},
		{"two regions", CountyChange{Others: CountyToRegions, Regions: []CountyRegion{{Name: "A", Members: []MunicipalityNumber{"1111"}}, {Name: "B", Members: []MunicipalityNumber{"1111", "1112"}}}}, "county.regions[1] (B)", "err.county.tworegions", "kommune 1111 is also in the region A", false},
		{"empty region", CountyChange{Others: CountyToRegions, Regions: []CountyRegion{{Name: "A"}}}, "county.regions[0] (A)", "err.county.regionempty", "at least one municipality", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ch := c.change
			sc := &Scenario{Name: "Fylket", Structure: Structure2024, Year: 2024, County: &ch}
			ps := sc.Validate(ms, &Catalogue{Version: "v1"})
			if c.key == "" {
				if len(ps) != 0 {
					t.Fatalf("want no problem, got %v", ps)
				}
				return
			}
			if len(ps) != 1 {
				t.Fatalf("want one problem, got %v", ps)
			}
			p := ps[0]
			if p.Warning != c.warn || p.Where != c.where || p.Key != c.key || !strings.Contains(p.Message, c.text) {
				t.Errorf("got %+v, want key %s at %s with %q", p, c.key, c.where, c.text)
			}
			if (ps.Err() == nil) != c.warn {
				t.Errorf("Err() = %v for warning=%v", ps.Err(), c.warn)
			}
		})
	}
}

func TestCountyValidateTasks(t *testing.T) {
	cat := &CountyCatalogue{Version: "v", Tasks: []CountyTask{{ID: "videregaende"}, {ID: "tannhelse"}, {ID: "fylkesveg"}, {ID: "fylkesting", Role: RoleDemocraticArena}}}
	sc := &Scenario{County: &CountyChange{Abolish: true, Moves: []CountyMove{{"videregaende", CountyToState}, {"ferje", CountyToState}}}}
	ps := sc.ValidateCountyTasks(cat)
	if len(ps) != 2 {
		t.Fatalf("got %v, want the unknown task and the tasks left", ps)
	}
	if ps[0].Key != "err.county.unknowntask" || !strings.Contains(ps[0].Message, `task "ferje" is not in the county task catalogue`) {
		t.Errorf("unknown task: %+v", ps[0])
	}
	if ps[1].Key != "err.county.left" || !strings.Contains(ps[1].Message, "2 task(s) without a receiver (tannhelse, fylkesveg)") {
		t.Errorf("left: %+v", ps[1])
	}
	sc.County.Others = CountyToMunicipalities
	sc.County.Moves = sc.County.Moves[:1]
	if ps := sc.ValidateCountyTasks(cat); len(ps) != 0 {
		t.Errorf("others covers the rest, got %v", ps)
	}
	sc.County.Abolish, sc.County.Others = false, ""
	if ps := sc.ValidateCountyTasks(cat); len(ps) != 0 {
		t.Errorf("a county that is kept may keep tasks, got %v", ps)
	}
	if ps := sc.ValidateCountyTasks(nil); len(ps) != 1 || ps[0].Key != "err.county.nocatalogue" {
		t.Errorf("no catalogue: %v", ps)
	}
}

func TestCountyTaskValidate(t *testing.T) {
	ok := CountyTask{ID: "tannhelse", NameNB: "Tannhelse", NameEN: "Dental", Role: RoleServiceProvider, Sector: "helse", LegalBasis: "tannhelsetjenesteloven § 1-1", Verified: VerifiedYes, Sources: []string{"https://lovdata.no"}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := ok
	bad.Verified = VerifiedPartly
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "UNVERIFIED") {
		t.Errorf("partly verified without a mark: %v", err)
	}
	bad.Note = "§ 1-3: UNVERIFIED"
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "give the note in both bokmål and English") {
		t.Errorf("note without English: %v", err)
	}
	bad.NoteEN = "§ 1-3: UNVERIFIED"
	if err := bad.Validate(); err != nil {
		t.Errorf("marked: %v", err)
	}
	english := ok
	english.NoteEN = "Only in English"
	if err := english.Validate(); err == nil || !strings.Contains(err.Error(), "give the note in both bokmål and English") {
		t.Errorf("English note without bokmål: %v", err)
	}
}
