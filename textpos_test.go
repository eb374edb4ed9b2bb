package generalist

import (
	"strings"
	"testing"
)

func TestLineColumn(t *testing.T) {
	b := []byte("{\n  \"navn\": \"Ås\", x\n}")
	for _, c := range []struct {
		off       int64
		line, col int
	}{
		{0, 1, 1}, {-5, 1, 1}, {2, 2, 1}, {int64(strings.Index(string(b), "x")), 2, 17}, {int64(len(b)) + 9, 3, 2},
	} {
		if line, col := LineColumn(b, c.off); line != c.line || col != c.col {
			t.Errorf("LineColumn(%d) = %d, %d; want %d, %d", c.off, line, col, c.line, c.col)
		}
	}
}

func TestInvalidUTF8At(t *testing.T) {
	for s, want := range map[string]int{"": 0, "Ås": 3, "Å\xffs": 2, "\xc3": 0} {
		if got := InvalidUTF8At([]byte(s)); got != want {
			t.Errorf("InvalidUTF8At(%q) = %d, want %d", s, got, want)
		}
	}
}

// A scenario file's column counts characters, as the other readers do:
// "Å" before the unknown field is one column, not two bytes.
func TestParseScenarioColumnCountsCharacters(t *testing.T) {
	_, err := ParseScenario([]byte(`{"name": "Åsen", "nosuch": 1}`), "s.json")
	if err == nil || !strings.Contains(err.Error(), "line 1, column 18:") {
		t.Fatalf("err = %v, want line 1, column 18", err)
	}
}
