package generalist

import (
	"fmt"
	"strconv"
)

// MunicipalityNumber is the four-digit kommunenummer, kept as a string so the
// leading zero survives ("0301" is Oslo). The first two digits are the county
// number of the structure it belongs to.
type MunicipalityNumber string

// ParseMunicipalityNumber parses s as a kommunenummer: exactly four ASCII
// digits, not "0000". It does not check that the municipality exists in any
// structure; see [Structure] data for that.
func ParseMunicipalityNumber(s string) (MunicipalityNumber, error) {
	if len(s) != 4 {
		return "", Errorf(EINVALID, "kommunenummer %q: must be exactly 4 digits (write 0301, not 301)", s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", Errorf(EINVALID, "kommunenummer %q: character %d (%q) is not a digit", s, i+1, s[i])
		}
	}
	if s == "0000" || s[:2] == "00" {
		return "", Errorf(EINVALID, "kommunenummer %q: county part 00 does not exist", s)
	}
	return MunicipalityNumber(s), nil
}

// MustParseMunicipalityNumber is like ParseMunicipalityNumber but panics on
// error. It is for constants in code and tests.
func MustParseMunicipalityNumber(s string) MunicipalityNumber {
	n, err := ParseMunicipalityNumber(s)
	if err != nil {
		panic(err)
	}
	return n
}

// County returns the county number encoded in the first two digits.
func (n MunicipalityNumber) County() CountyNumber {
	if len(n) < 2 {
		return ""
	}
	return CountyNumber(n[:2])
}

// CountyNumber is the two-digit fylkesnummer ("03" is Oslo).
type CountyNumber string

// ParseCountyNumber parses s as a fylkesnummer: exactly two ASCII digits,
// not "00".
func ParseCountyNumber(s string) (CountyNumber, error) {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return "", Errorf(EINVALID, "fylkesnummer %q: must be exactly 2 digits (write 03, not 3)", s)
	}
	if s == "00" {
		return "", Errorf(EINVALID, "fylkesnummer %q does not exist", s)
	}
	return CountyNumber(s), nil
}

// Structure identifies a municipal division (kommuneinndeling) by the year it
// took effect on 1 January.
type Structure int

// The structures the atlas carries.
const (
	Structure2019 Structure = 2019 // 422 municipalities, before kommunereformen
	Structure2020 Structure = 2020 // 356 municipalities, 2020–2023
	Structure2024 Structure = 2024 // 357 municipalities, from 2024 (Ålesund/Haram split, county reform reversed)
)

// Structures lists the known structures, oldest first.
var Structures = []Structure{Structure2019, Structure2020, Structure2024}

// ParseStructure parses "2019", "2020", "2024" or the SSB-style "k2020".
func ParseStructure(s string) (Structure, error) {
	t := s
	if len(t) > 0 && (t[0] == 'k' || t[0] == 'K') {
		t = t[1:]
	}
	y, err := strconv.Atoi(t)
	if err == nil {
		for _, st := range Structures {
			if Structure(y) == st {
				return st, nil
			}
		}
	}
	return 0, Errorf(EINVALID, "structure %q: must be one of 2019, 2020, 2024", s)
}

// StructureForYear returns the structure in force on 1 January of year, and
// false for years before 2019 (older structures are not in the atlas).
func StructureForYear(year int) (Structure, bool) {
	switch {
	case year >= 2024:
		return Structure2024, true
	case year >= 2020:
		return Structure2020, true
	case year == 2019:
		return Structure2019, true
	}
	return 0, false
}

// Size returns the number of municipalities in the structure.
func (s Structure) Size() int {
	switch s {
	case Structure2019:
		return 422
	case Structure2020:
		return 356
	case Structure2024:
		return 357
	}
	return 0
}

// String returns the year, e.g. "2020".
func (s Structure) String() string { return strconv.Itoa(int(s)) }

// Code returns SSB's short code for the structure, e.g. "k2020".
func (s Structure) Code() string { return "k" + s.String() }

// Validate reports whether s is a known structure.
func (s Structure) Validate() error {
	if s.Size() == 0 {
		return Errorw(EINVALID, "err.structure.unknown", "structure %d: must be one of 2019, 2020, 2024", int(s))
	}
	return nil
}

// County is a fylke in a given structure.
type County struct {
	Structure Structure    `json:"structure"`
	Number    CountyNumber `json:"number"`
	Name      string       `json:"name"`
}

// Municipality is a kommune in a given structure.
type Municipality struct {
	Structure Structure          `json:"structure"`
	Number    MunicipalityNumber `json:"number"`
	// Name is the official name, with Sami and Kven forms where they exist
	// ("Guovdageaidnu - Kautokeino").
	Name string `json:"name"`
	// ShortName is the Norwegian-only name ("Kautokeino"); it equals Name
	// where the source gives no short form.
	ShortName string       `json:"short_name"`
	County    CountyNumber `json:"county"`
	// SamiArea reports membership of the Sami language administrative area;
	// nil where the source does not say (only the 2020 list has it).
	SamiArea *bool `json:"sami_area,omitempty"`
}

// Validate checks the municipality's fields and that its number lies in its
// county.
func (m *Municipality) Validate() error {
	if err := m.Structure.Validate(); err != nil {
		return err
	}
	if _, err := ParseMunicipalityNumber(string(m.Number)); err != nil {
		return err
	}
	if m.Name == "" {
		return Errorf(EINVALID, "kommune %s: name is empty", m.Number)
	}
	if m.Number.County() != m.County {
		return Errorf(EINVALID, "kommune %s: number does not lie in county %s", m.Number, m.County)
	}
	return nil
}

// Label returns "0301 Oslo".
func (m *Municipality) Label() string { return fmt.Sprintf("%s %s", m.Number, m.ShortName) }
