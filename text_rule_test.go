package generalist

import (
	"strings"
	"testing"
)

// TestScenarioTextRule checks that a control character anywhere in a
// scenario's texts is an error naming the field, that tab and line
// breaks pass, and that a name over the limit is refused.
func TestScenarioTextRule(t *testing.T) {
	set := NewMunicipalitySet([]Municipality{{Number: "1101", County: "11"}, {Number: "1103", County: "11"}})
	base := func() *Scenario {
		return &Scenario{Name: "Plan", Description: "line one\r\n\tline two", Structure: Structure2024, Year: 2024,
			Mergers: []Merger{{Name: "Dalane", Members: []MunicipalityNumber{"1101", "1103"}, Centre: "1101"}}}
	}
	if ps := base().ValidateIn(set, nil); ps.Err() != nil {
		t.Fatalf("a clean scenario: %v", ps.Err())
	}
	for _, c := range []struct {
		change func(*Scenario)
		want   string
	}{
		{func(s *Scenario) { s.Description = "d\x00e" }, "description: holds a control character (NUL, U+0000)"},
		{func(s *Scenario) { s.Mergers[0].Name = "A\x00\x1b[31mB" }, "mergers[0].name: holds a control character"},
		{func(s *Scenario) { s.Name = "a\x1bb" }, "name: holds a control character (U+001B)"},
		{func(s *Scenario) { s.Author = "x\u0085" }, "author: holds a control character (U+0085)"},
		{func(s *Scenario) { s.Name = strings.Repeat("n", MaxScenarioNameLen+1) }, "name: 201 characters is more than the limit of 200"},
	} {
		s := base()
		c.change(s)
		err := s.ValidateIn(set, nil).Err()
		if err == nil || !strings.Contains(err.Error(), c.want) || ErrorCode(err) != EINVALID {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
	if s := base(); true {
		s.Name = strings.Repeat("æ", MaxScenarioNameLen) // characters, not bytes
		if err := s.ValidateIn(set, nil).Err(); err != nil {
			t.Errorf("a name of %d characters: %v", MaxScenarioNameLen, err)
		}
	}
}

// TestCheckText checks the rule for one text.
func TestCheckText(t *testing.T) {
	for _, ok := range []string{"", "plain", "tab\there", "lines\r\nand\n", "æøå «»"} {
		if err := CheckText("f", ok); err != nil {
			t.Errorf("CheckText(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"\x00", "a\x07", "\x7f", "x\u2028y"} {
		if err := CheckText("f", bad); err == nil || !strings.HasPrefix(err.Error(), "f: holds a control character") {
			t.Errorf("CheckText(%q) = %v", bad, err)
		}
	}
}

// TestIMCTextRule: a cooperation's texts obey the same rule, with the
// field named, before anything reaches the store.
func TestIMCTextRule(t *testing.T) {
	for _, c := range []struct {
		imc  IMC
		want string
	}{
		{IMC{Name: "y\x00"}, "name: holds a control character (NUL, U+0000)"},
		{IMC{Name: "Samarbeid", Host: "a\x1bb"}, "host: holds a control character (U+001B)"},
	} {
		if err := c.imc.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate(%+v) = %v, want %q", c.imc, err, c.want)
		}
	}
}
