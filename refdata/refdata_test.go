package refdata_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"generalist"
	"generalist/data"
	"generalist/internal/testkit"
	"generalist/refdata"
)

// mustEmbedded parses the embedded reference files once for all tests.
var mustEmbedded = testkit.Once(refdata.Embedded)

func TestEmbeddedCounts(t *testing.T) {
	ref := mustEmbedded(t)
	perStructure := map[generalist.Structure]int{}
	for _, m := range ref.Municipalities {
		perStructure[m.Structure]++
	}
	for _, s := range generalist.Structures {
		if perStructure[s] != s.Size() {
			t.Errorf("structure %d: %d municipalities, want %d", s, perStructure[s], s.Size())
		}
	}
	counties := map[generalist.Structure]int{}
	for _, c := range ref.Counties {
		counties[c.Structure]++
	}
	// 18 counties in 2019, 11 after the 2020 county reform, 15 from 2024
	// (README of data/).
	for s, want := range map[generalist.Structure]int{2019: 18, 2020: 11, 2024: 15} {
		if counties[s] != want {
			t.Errorf("structure %d: %d counties, want %d", s, counties[s], want)
		}
	}
	// Change counts documented in data/README.md section 2.
	kinds := map[[2]generalist.Structure]map[generalist.ChangeKind]int{}
	for _, m := range ref.Mappings {
		k := map[generalist.ChangeKind]int{}
		for _, c := range m.Changes {
			k[c.Kind]++
		}
		kinds[[2]generalist.Structure{m.From, m.To}] = k
	}
	want1920 := map[generalist.ChangeKind]int{"uendret": 111, "nytt_nummer": 202, "sammenslatt": 107, "delt": 5}
	want2024 := map[generalist.ChangeKind]int{"uendret": 242, "nytt_nummer": 113, "delt": 2}
	for k, n := range want1920 {
		if got := kinds[[2]generalist.Structure{2019, 2020}][k]; got != n {
			t.Errorf("2019→2020 %s = %d, want %d", k, got, n)
		}
	}
	for k, n := range want2024 {
		if got := kinds[[2]generalist.Structure{2020, 2024}][k]; got != n {
			t.Errorf("2020→2024 %s = %d, want %d", k, got, n)
		}
	}
	if len(ref.SingleAges) != 151262 {
		t.Errorf("single ages: %d rows, want 151262", len(ref.SingleAges))
	}
}

// TestEmbeddedPopulationFacts checks figures stated in data/README.md,
// which were computed there independently of this code.
func TestEmbeddedPopulationFacts(t *testing.T) {
	ref := mustEmbedded(t)
	get := func(s generalist.Structure, year int, m generalist.MunicipalityNumber) generalist.Population {
		for _, p := range ref.Populations {
			if p.Structure == s && p.Year == year && p.Municipality == m {
				return p
			}
		}
		t.Fatalf("no population for %s %d (%d)", m, year, s)
		return generalist.Population{}
	}
	for _, tt := range []struct {
		s    generalist.Structure
		year int
		m    generalist.MunicipalityNumber
		want generalist.Persons
	}{
		{2020, 2020, "0301", 693494},
		{2020, 2020, "4601", 283929},
		{2020, 2020, "1151", 198},
		{2020, 2022, "1151", 188},
		{2019, 2019, "1151", 196},
		{2024, 2024, "0301", 717710},
		{2024, 2026, "0301", 728714},
		{2024, 2026, "1151", 219},
	} {
		if got := get(tt.s, tt.year, tt.m); got.Missing || got.Total != tt.want {
			t.Errorf("population(%d, %d, %s) = %d (missing %v), want %d", tt.s, tt.year, tt.m, got.Total, got.Missing, tt.want)
		}
	}
	// Split municipalities have no value before the split, never a guess.
	for _, tt := range []struct {
		m    generalist.MunicipalityNumber
		year int
	}{{"1508", 2023}, {"1580", 2006}, {"1806", 2019}, {"5059", 2010}} {
		if p := get(2024, tt.year, tt.m); !p.Missing || p.Note != generalist.NoteEstimatedSplit {
			t.Errorf("population(2024, %d, %s) = %+v, want missing (estimert_deling)", tt.year, tt.m, p)
		}
	}
	sums := map[[2]int]generalist.Persons{}
	for _, p := range ref.Populations {
		sums[[2]int{int(p.Structure), p.Year}] += p.Total
	}
	for _, tt := range []struct {
		s, year int
		want    generalist.Persons
	}{
		{2019, 2019, 5328212}, {2020, 2020, 5367580}, {2020, 2021, 5391369}, {2020, 2022, 5425270},
		{2020, 2023, 5488984}, {2024, 2024, 5550203}, {2024, 2025, 5594340}, {2024, 2026, 5627400},
		// 2020 on the 2024 structure lacks exactly old Ålesund (66,258).
		{2024, 2020, 5367580 - 66258},
	} {
		if got := sums[[2]int{tt.s, tt.year}]; got != tt.want {
			t.Errorf("sum(%d structure, %d) = %d, want %d", tt.s, tt.year, got, tt.want)
		}
	}
}

// mutate returns a copy of the embedded files with the first occurrence of
// old replaced by new in file name.
func mutate(t *testing.T, name, old, new string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(data.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".csv") {
			return err
		}
		b, err := fs.ReadFile(data.FS, p)
		if err != nil {
			return err
		}
		if p == name {
			s := string(b)
			if !strings.Contains(s, old) {
				t.Fatalf("%s does not contain %q", name, old)
			}
			b = []byte(strings.Replace(s, old, new, 1))
		}
		m[p] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestParseRejectsMalformed(t *testing.T) {
	for _, tt := range []struct {
		name           string
		file, old, new string
		want           []string // substrings of the error message
	}{
		{"ShortNumber", "kommuner_2024.csv", "\n0301,Oslo,Oslo,03,Oslo\n", "\n301,Oslo,Oslo,03,Oslo\n",
			[]string{"kommuner_2024.csv line 2", `"kommunenummer"`, `"301"`, "4 digits"}},
		{"LetterInNumber", "befolkning_k2024.csv", "\n0301,Oslo,03,2024", "\n03O1,Oslo,03,2024",
			[]string{"befolkning_k2024.csv line 2", `"kommunenummer"`, "not a digit"}},
		{"DuplicateMunicipality", "kommuner_2020.csv", "1101,Eigersund,Eigersund,11,Rogaland,false\n",
			"1101,Eigersund,Eigersund,11,Rogaland,false\n1101,Eigersund,Eigersund,11,Rogaland,false\n",
			[]string{"kommuner_2020.csv line 4", "appears twice"}},
		{"DuplicatePopulationRow", "befolkning_2019_k2019.csv", "0101,Halden,01,31177,554,1274,3624,2700,17511,4010,1203,301\n",
			"0101,Halden,01,31177,554,1274,3624,2700,17511,4010,1203,301\n0101,Halden,01,31177,554,1274,3624,2700,17511,4010,1203,301\n",
			[]string{"befolkning_2019_k2019.csv line 3", "0101", "appears twice"}},
		{"WrongColumnCount", "befolkning_2020_k2020.csv", "0301,Oslo,03,693494,", "0301,Oslo,03,693494,1,",
			[]string{"befolkning_2020_k2020.csv line 2", "wrong number of fields"}},
		{"NegativePopulation", "befolkning_tidsserie_k2024.csv", "\n0301,2006,538411,", "\n0301,2006,-538411,",
			[]string{"befolkning_tidsserie_k2024.csv line 2", `"folkemengde"`, "negative"}},
		{"NonNumericPopulation", "befolkning_k2024.csv", ",717710,", ",71771O,",
			[]string{"befolkning_k2024.csv line 2", `"folkemengde"`, `"71771O" is not a whole number`}},
		{"WrongEncoding", "kommuner_2024.csv", "Rogaland", "Rogaland\xf8",
			[]string{"kommuner_2024.csv line 3", "not valid UTF-8"}},
		{"UnknownCounty", "befolkning_2019_k2019.csv", "0101,Halden,01,", "0101,Halden,02,",
			[]string{"befolkning_2019_k2019.csv line 2", `"fylkesnummer"`, "county 02 is unknown"}},
		{"CountyNotListed", "kommuner_2024.csv", "0301,Oslo,Oslo,03,Oslo", "0301,Oslo,Oslo,03,Oslo",
			nil}, // control: the identity mutation parses
		{"CountyTotal", "fylker_2024.csv", "11,Rogaland,23", "11,Rogaland,24",
			[]string{"fylker_2024.csv", "county 11 lists 24", "has 23"}},
		{"AgesDoNotAddUp", "befolkning_2020_k2020.csv", "0301,Oslo,03,693494,346184,347310,17543", "0301,Oslo,03,693494,346184,347310,17544",
			[]string{"befolkning_2020_k2020.csv line 2", "age groups sum to 693495"}},
		{"SexDoesNotAddUp", "befolkning_k2024.csv", "0301,Oslo,03,2024,717710,357520,", "0301,Oslo,03,2024,717710,357521,",
			[]string{"befolkning_k2024.csv line 2", "menn 357521 + kvinner"}},
		{"SeriesDisagrees", "befolkning_tidsserie_k2020.csv", "0301,Oslo,2020,693494,", "0301,Oslo,2020,693495,",
			[]string{"befolkning_tidsserie_k2020.csv line 2", "693495 here but 693494 in befolkning_2020_k2020.csv"}},
		{"SingleAgesDoNotAddUp", "befolkning_ettarig_alder.csv", "k2020,2020,0301,0,9101", "k2020,2020,0301,0,9102",
			[]string{"befolkning_ettarig_alder.csv", "0301", "single ages sum to 693495"}},
		{"GuessedSplitValue", "befolkning_tidsserie_k2024.csv", "1508,2006,,estimert_deling", "1508,2006,40000,estimert_deling",
			[]string{"befolkning_tidsserie_k2024.csv", `"folkemengde"`, "has a value although"}},
		{"MappingUnknownTarget", "kommuneendringer_2020_2024.csv", "0301,Oslo,0301,Oslo,uendret", "0301,Oslo,0399,Oslo,nytt_nummer",
			[]string{"kommuneendringer_2020_2024.csv", "0399 is not a municipality of 2024"}},
		{"CentralityOutOfRange", "sentralitetsklasse_k2024_uverifisert.csv", "0301,Oslo,1", "0301,Oslo,7",
			[]string{"sentralitetsklasse_k2024_uverifisert.csv line 2", "outside 1–6"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := refdata.Parse(mutate(t, tt.file, tt.old, tt.new))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Parse = %v, want success", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Parse succeeded, want error containing %q", tt.want)
			}
			if code := generalist.ErrorCode(err); code != generalist.EINVALID {
				t.Errorf("ErrorCode = %q, want %q", code, generalist.EINVALID)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Parse error = %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

func TestFilesMatchParse(t *testing.T) {
	ref := mustEmbedded(t)
	var names []string
	for _, d := range ref.Datasets {
		names = append(names, d.Name)
	}
	if strings.Join(names, ",") != strings.Join(refdata.Files, ",") {
		t.Errorf("Parse read %v, Files lists %v", names, refdata.Files)
	}
	sums, err := refdata.Checksums(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ref.Datasets {
		if sums[d.Name] != d.SHA256 {
			t.Errorf("Checksums[%s] = %s, Parse says %s", d.Name, sums[d.Name], d.SHA256)
		}
	}
}
