package app

import (
	"encoding/json"
	"testing"
)

// TestSearchResultJSON pins the JSON of /api/v1/search and of a search
// job's result, names and order, with the plan's figures among them.
func TestSearchResultJSON(t *testing.T) {
	r := SearchResult{Structure: 2024, Year: 2026, Floor: 5000, Unit: "innbyggere", Seed: 7, Merged: 1, Alone: 2,
		Groups: []SearchGroup{{Members: []SearchMember{{"0301", "Oslo"}}, Weight: 1}}}
	r.Count, r.Bound, r.Gap, r.Objective, r.Kind, r.Seconds = 3, 4, 0.25, 1.5, "compact", 0.5
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"structure":2024,"year":2026,"floor":5000,"unit":"innbyggere","count":3,"bound":4,"gap":0.25,"objective":1.5,"objective_kind":"compact","seconds":0.5,` +
		`"seed":7,"merged_groups":1,"alone":2,"groups":[{"members":[{"number":"0301","name":"Oslo"}],"weight":1}]}`
	if string(b) != want {
		t.Errorf("JSON\n%s\nwant\n%s", b, want)
	}
}
