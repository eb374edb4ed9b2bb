package generalist

import (
	"strings"
	"testing"
)

func TestParseMunicipalityNumber(t *testing.T) {
	for _, tt := range []struct {
		in   string
		ok   bool
		want string // substring of the error
	}{
		{"0301", true, ""},
		{"5501", true, ""},
		{"301", false, "exactly 4 digits"},
		{"03O1", false, "character 3"},
		{"03011", false, "exactly 4 digits"},
		{"", false, "exactly 4 digits"},
		{"0000", false, "county part 00"},
		{"0042", false, "county part 00"},
		{" 301", false, "not a digit"},
		{"٣٠١٠", false, "exactly 4 digits"}, // Arabic-Indic digits are bytes, not 4 ASCII digits
	} {
		got, err := ParseMunicipalityNumber(tt.in)
		if tt.ok {
			if err != nil || string(got) != tt.in {
				t.Errorf("ParseMunicipalityNumber(%q) = %q, %v; want %q, nil", tt.in, got, err, tt.in)
			}
			continue
		}
		if err == nil || ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseMunicipalityNumber(%q) error = %v, want EINVALID containing %q", tt.in, err, tt.want)
		}
	}
	if c := MunicipalityNumber("4601").County(); c != "46" {
		t.Errorf("County() = %q, want 46", c)
	}
}

func TestParseStructure(t *testing.T) {
	for in, want := range map[string]Structure{"2019": 2019, "2020": 2020, "k2024": 2024, "K2020": 2020} {
		if got, err := ParseStructure(in); err != nil || got != want {
			t.Errorf("ParseStructure(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"2021", "", "k", "20x0"} {
		if _, err := ParseStructure(in); ErrorCode(err) != EINVALID {
			t.Errorf("ParseStructure(%q) error = %v, want EINVALID", in, err)
		}
	}
	for year, want := range map[int]Structure{2019: 2019, 2020: 2020, 2023: 2020, 2024: 2024, 2026: 2024} {
		if got, ok := StructureForYear(year); !ok || got != want {
			t.Errorf("StructureForYear(%d) = %v, %v; want %v", year, got, ok, want)
		}
	}
	if _, ok := StructureForYear(2018); ok {
		t.Error("StructureForYear(2018) = ok, want false")
	}
}

func TestPopulationValidate(t *testing.T) {
	ages := AgeCounts{1, 2, 3, 4, 5, 6, 7, 8}
	for _, tt := range []struct {
		name string
		p    Population
		want string
	}{
		{"OK", Population{Structure: 2024, Year: 2024, Municipality: "0301", Total: 36, Sex: &Sex{16, 20}, Ages: &ages}, ""},
		{"Missing", Population{Structure: 2024, Year: 2010, Municipality: "1508", Missing: true, Note: NoteEstimatedSplit}, ""},
		{"MissingWithValue", Population{Structure: 2024, Year: 2010, Municipality: "1508", Missing: true, Total: 4}, "marked as missing"},
		{"Negative", Population{Structure: 2024, Year: 2024, Municipality: "0301", Total: -1}, "negative"},
		{"SexSum", Population{Structure: 2024, Year: 2024, Municipality: "0301", Total: 36, Sex: &Sex{16, 21}}, "not the total 36"},
		{"AgeSum", Population{Structure: 2024, Year: 2024, Municipality: "0301", Total: 37, Ages: &ages}, "age groups sum to 36"},
		{"BadStructure", Population{Structure: 2021, Year: 2024, Municipality: "0301"}, "structure 2021"},
		{"BadNumber", Population{Structure: 2024, Year: 2024, Municipality: "301"}, "4 digits"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate() = %v, want error containing %q", err, tt.want)
			}
		})
	}
}

func TestAgeGroups(t *testing.T) {
	// Every single age 0…105 falls in exactly one group, in order.
	prev := AgeGroup(0)
	for age := 0; age <= MaxAge; age++ {
		g, ok := AgeGroupOf(age)
		if !ok || g < prev {
			t.Fatalf("AgeGroupOf(%d) = %v, %v", age, g, ok)
		}
		prev = g
	}
	if _, ok := AgeGroupOf(MaxAge + 1); ok {
		t.Errorf("AgeGroupOf(%d) = ok, want false", MaxAge+1)
	}
	if Age0To1.Key() != "alder_0_1" || Age90Plus.Key() != "alder_90_pluss" || Age23To66.String() != "23–66" {
		t.Errorf("keys: %s %s %s", Age0To1.Key(), Age90Plus.Key(), Age23To66.String())
	}
}

func TestPersonsString(t *testing.T) {
	for in, want := range map[Persons]string{0: "0", 999: "999", 5000: "5 000", 5367580: "5 367 580", -1234: "-1 234"} {
		if got := in.String(); got != want {
			t.Errorf("Persons(%d).String() = %q, want %q", int64(in), got, want)
		}
	}
}

func TestAgeGroupText(t *testing.T) {
	for _, g := range AgeGroups {
		b, err := g.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back AgeGroup
		if err := back.UnmarshalText(b); err != nil || back != g {
			t.Errorf("round trip of %s = %v, %v", b, back, err)
		}
	}
	var g AgeGroup
	if err := g.UnmarshalText([]byte("alder_5_9")); ErrorCode(err) != EINVALID {
		t.Errorf("UnmarshalText(alder_5_9) = %v, want EINVALID", err)
	}
}
