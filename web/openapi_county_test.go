package web_test

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"generalist/sim"
)

// TestOpenAPICountyOutcome: the scenario outcome's county object is
// described in openapi.json with exactly the JSON fields sim sends, both
// for the object itself and for each receiver (regions included), and
// the fields always sent are required.
func TestOpenAPICountyOutcome(t *testing.T) {
	b, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	type schema struct {
		Description string             `json:"description"`
		Required    []string           `json:"required"`
		Properties  map[string]*schema `json:"properties"`
		Items       *schema            `json:"items"`
	}
	var doc struct {
		Components struct {
			Schemas map[string]*schema `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	county := doc.Components.Schemas["Outcome"].Properties["county"]
	if county == nil || county.Description == "" {
		t.Fatal("the outcome's county object is not described")
	}
	// fields are the JSON names of a struct's fields, and those sent
	// always (without omitempty).
	fields := func(v any) (all, always []string) {
		rt := reflect.TypeOf(v)
		for i := range rt.NumField() {
			name, opts, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
			all = append(all, name)
			if !strings.Contains(opts, "omitempty") {
				always = append(always, name)
			}
		}
		slices.Sort(all)
		slices.Sort(always)
		return all, always
	}
	keys := func(s *schema) []string {
		var out []string
		for k := range s.Properties {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	all, always := fields(sim.CountyOutcome{})
	if got := keys(county); !slices.Equal(got, all) {
		t.Errorf("county properties %v, sim sends %v", got, all)
	}
	req := slices.Sorted(slices.Values(county.Required))
	if !slices.Equal(req, always) {
		t.Errorf("county requires %v, sim always sends %v", req, always)
	}
	recv := county.Properties["receivers"]
	if recv == nil || recv.Items == nil {
		t.Fatal("the county receivers are not described")
	}
	all, _ = fields(sim.CountyReceiverOutcome{})
	if got := keys(recv.Items); !slices.Equal(got, all) {
		t.Errorf("receiver properties %v, sim sends %v", got, all)
	}
	if r := recv.Items.Properties["regions"]; r == nil || !strings.Contains(r.Description, "without the municipalities in no region") {
		t.Error("a receiver's regions are not described")
	}
}
