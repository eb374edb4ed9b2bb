package main

import (
	"encoding/json"
	"testing"
)

// TestSearchJSONContract pins the JSON of "search groups --json", names
// and order, with the plan's figures after the groups.
func TestSearchJSONContract(t *testing.T) {
	out := searchJSON{Groups: [][]string{{"0301"}}, Valid: true, Seed: 7, Floor: 5000, Unit: "innbyggere", Weights: []float64{1}, Structure: 2024, Year: 2026}
	out.Count, out.Bound, out.Gap, out.Objective, out.Kind, out.Seconds = 3, 4, 0.25, 1.5, "compact", 0.5
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"groups":[["0301"]],"count":3,"bound":4,"gap":0.25,"objective":1.5,"objective_kind":"compact","seconds":0.5,` +
		`"valid":true,"seed":7,"floor":5000,"unit":"innbyggere","weights":[1],"structure":2024,"year":2026}`
	if string(b) != want {
		t.Errorf("JSON\n%s\nwant\n%s", b, want)
	}
}
