package generalist

import (
	"strings"
	"testing"
)

func TestParseScenario(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string // "" for success
	}{
		{`{"name": "x", "structure": 2024, "year": 2026}`, ""},
		{"{\n  \"name\": \"x\",\n  \"structur\": 2024\n}", `line 3, column 3: unknown field "structur"`},
		{"{\n  \"name\": 5\n}", "line 2"},
		{`{"name": "x"`, "unexpected end"},
		{``, "empty"},
		{`{"name": "x"} {}`, "unexpected data after"},
		{"{\"name\": \"\xff\"}", "not valid UTF-8"},
		{`{"name": "x", "mergers": [{"members": ["0301", 3201]}]}`, "mergers.members"},
		// A field given twice would silently keep the last.
		{`{"name": "x", "support": [{"per_participant": 5, "years": 2}],` + "\n" + `"support": []}`, `line 2, column 1: field "support" is given twice`},
		{`{"name": "x", "county": {"abolish": true, "moves": [{"task": "a", "to": "staten", "to": "regioner"}]}}`, `field "to" is given twice`},
		{`{"name": "x", "mergers": [{"name": "a", "members": []}, {"name": "b", "members": [], "name": "c"}]}`, `column 86: field "name" is given twice`},
		// Wrong types are worded in JSON's terms, not Go's.
		{`{"name": "x", "support": [{"per_participant": "5", "years": 2}]}`, "field support.per_participant must be a number, not string"},
		{`{"name": "x", "support": [{"per_participant": 5, "years": 99999999999999999999}]}`, "field support.years must be a whole number in range, not 99999999999999999999"},
		{`{"name": "x", "support": {"per_participant": 5}}`, "field support must be a list […], not object"},
		{`{"name": "x", "county": []}`, "field county must be an object {…}, not array"},
		{`{"name": "x", "county": {"abolish": "yes"}}`, "field county.abolish must be true or false, not string"},
		{`{"name": "x", "county": {"moves": [{"task": 5}]}}`, "field county.moves.task must be text in quotes, not number"},
	} {
		_, err := ParseScenario([]byte(tt.in), "s.json")
		if tt.want == "" {
			if err != nil {
				t.Errorf("ParseScenario(%q) = %v, want success", tt.in, err)
			}
			continue
		}
		if err == nil || ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseScenario(%q) = %v, want EINVALID containing %q", tt.in, err, tt.want)
		}
	}
}

// FuzzParseScenario checks that no input panics and that every failure is
// an EINVALID error naming the file.
func FuzzParseScenario(f *testing.F) {
	for _, s := range []string{
		`{"name": "x", "structure": 2024, "year": 2026}`,
		`{"name": "x", "mergers": [{"name": "m", "members": ["1149", "1151"], "centre": "1149"}]}`,
		`{"name": "x", "norms": [{"task": "barnevern", "min_team": 7, "note": "n"}]}`,
		"{\n  \"structur\": 1\n}", `{"name": "x"`, ``, `[]`, `{"year": "2026"}`,
	} {
		f.Add([]byte(s))
	}
	for _, s := range leverSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, err := ParseScenario(b, "f.json")
		if err != nil && (ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), "f.json")) {
			t.Fatalf("ParseScenario error %v: not EINVALID naming the file", err)
		}
	})
}
