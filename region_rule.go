package generalist

import (
	"fmt"
	"strings"
)

// The region rule: what an importer does with each region code a file has.
//
//   - SSB's totals and groupings are skipped and reported: the national
//     total ("0", "00", "0000", "Hele landet"), counties ("03", "F-03")
//     and KOSTRA's groups ("EAK", "EKA03", "EKG13").
//   - Areas that are not municipalities are skipped and reported:
//     Svalbard ("21", "21xx", such as 2111 Spitsbergen), Jan Mayen ("22",
//     "22xx", 2211), the continental shelf ("23", "23xx", 2399
//     Kontinentalsokkelen), and SSB's code for an unknown municipality of
//     residence ("9999", Uoppgitt).
//   - Every other code must be a four-digit municipality number ("0301",
//     or "K-0301" as SSB's API writes it). A number that is a
//     municipality in none of the structures (2019, 2020, 2024) refuses
//     the whole import, with an error naming the code and where it is
//     ([UnknownMunicipality]); so does a code that is not a number.
//
// ClassifyRegion is the first two points; the importers that know the
// structures apply the third with UnknownMunicipality, so that every
// importer (population, indicators, the economy tables) follows the same
// rule.

// ClassifyRegion reads a region code from an imported file by the region
// rule. It returns the municipality number, or, for a code that is not a
// municipality, the reason it is skipped ("national total", "county, not a
// municipality", …). A code that is neither is an EINVALID error.
func ClassifyRegion(code string) (num MunicipalityNumber, skip string, err error) {
	c := strings.TrimSpace(code)
	if isKostraAggregate(c) {
		return "", "KOSTRA group, not a municipality", nil
	}
	switch {
	case strings.HasPrefix(c, "K-"), strings.HasPrefix(c, "k-"):
		c = c[2:]
	case strings.HasPrefix(c, "F-"), strings.HasPrefix(c, "f-"):
		return "", "county, not a municipality", nil
	}
	digits := c != "" && strings.Trim(c, "0123456789") == ""
	twoOrFour := digits && (len(c) == 2 || len(c) == 4)
	switch {
	case c == "0" || c == "00" || c == "0000":
		return "", "national total", nil
	case c == "9999":
		return "", "unknown municipality", nil
	case twoOrFour && c[:2] == "21":
		return "", "Svalbard, not a municipality", nil
	case twoOrFour && c[:2] == "22":
		return "", "Jan Mayen, not a municipality", nil
	case twoOrFour && c[:2] == "23":
		return "", "continental shelf, not a municipality", nil
	case digits && len(c) == 2:
		return "", "county, not a municipality", nil
	}
	num, err = ParseMunicipalityNumber(c)
	if err != nil {
		return "", "", err
	}
	return num, "", nil
}

// isKostraAggregate reports whether code is one of KOSTRA's region groups:
// "EAK" (the country), "EAKUO" (the country without Oslo), "EKA03" (all
// municipalities of a county), "EKG13" (a KOSTRA group) and the like.
func isKostraAggregate(code string) bool {
	if len(code) < 3 || len(code) > 8 || code[0] != 'E' || (code[1] != 'A' && code[1] != 'K') {
		return false
	}
	for i := 2; i < len(code); i++ {
		if c := code[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// UnknownMunicipality is the error for a municipality number that is a
// municipality in none of the structures: the import is refused. where
// says where the number is in the file ("line 7", "value[12] (Region=1299,
// Tid=2026)"), or is empty.
func UnknownMunicipality(num MunicipalityNumber, where string) error {
	at := ""
	if where != "" {
		at = where + ": "
	}
	return Errorf(EINVALID, "%skommune %s is not a municipality in any structure (2019, 2020 or 2024), nor a total or an area SSB reports apart (such as 0 Hele landet or 9999 Uoppgitt); nothing was imported",
		at, num)
}

// SkippedRegion is a region of an imported file that the region rule
// skips: a total, a grouping or an area that is not a municipality.
type SkippedRegion struct {
	Region string `json:"region"` // the code as the file writes it, e.g. "0" or "K-2111"
	Label  string `json:"label"`  // e.g. "Hele landet"
	Reason string `json:"reason"` // e.g. "national total"
	Cells  int    `json:"cells"`  // how many values the file has for it
}

// String describes the region as the CLI reports it, e.g. `0 Hele landet
// (national total, 2 values)`.
func (s SkippedRegion) String() string {
	name := strings.TrimSpace(s.Region + " " + s.Label)
	unit := "values"
	if s.Cells == 1 {
		unit = "value"
	}
	return fmt.Sprintf("%s (%s, %d %s)", name, s.Reason, s.Cells, unit)
}
