package imc

import (
	"strings"
	"testing"
)

// TestParseJSONDuplicateKey: a field given twice in one cooperation is
// refused with its line and path, not read as the last value.
func TestParseJSONDuplicateKey(t *testing.T) {
	in := "{\"cooperations\": [\n{\"name\": \"A\",\n \"name\": \"B\", \"form\": \"iks\"}]}"
	_, err := ParseJSON([]byte(in), "r.json")
	if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), `cooperations[0].name: the field "name" is given twice`) {
		t.Errorf("ParseJSON(name twice) = %v, want the line and the path", err)
	}
}
