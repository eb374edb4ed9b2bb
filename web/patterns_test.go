package web_test

import (
	"encoding/json"
	"generalist/storetest"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestPatternsPage reads the cooperation patterns on the shared server,
// whose registry holds only the shipped examples: without ?examples=1 the
// page says in one sentence that nothing is registered and what to do.
func TestPatternsPage(t *testing.T) {
	for _, tt := range []struct {
		path   string
		status int
		want   []string
		not    []string
	}{
		{"/samarbeid/monster", 200, []string{"Samarbeidsmønstre: faste partnere eller shopping?", "Registeret har ingen registrerte samarbeid ennå", `href="/samarbeid/importer"`, "Vis med eksemplene", "Slik regnes det", "Jaccard"},
			[]string{`id="pattern-table"`, "Eksempelsamarbeidene er regnet med"}},
		{"/samarbeid/monster?examples=1", 200, []string{"Eksempelsamarbeidene er regnet med", `id="pattern-table"`, "Alstahaug", "Nordland", "ingen data", "4 samarbeid med minst to kommuner", "Modularitet Q:", "<svg", "ingen data (færre enn to samarbeid)"},
			[]string{"Registeret har ingen registrerte samarbeid ennå"}},
		{"/samarbeid/monster?examples=1&lang=en", 200, []string{"Cooperation patterns: fixed partners or shopping?", "How it is computed", "no data", "Modularity Q:"}, nil},
		{"/samarbeid/monster?lang=en", 200, []string{"The registry has no registered cooperations yet"}, nil},
		{"/samarbeid/monster?examples=1&date=2010-01-01", 200, []string{"Ingen samarbeid med minst to kommuner var i drift 1. januar 2010"}, []string{`id="pattern-table"`}},
		{"/samarbeid/monster?examples=1&date=2010-01-01&lang=en", 200, []string{"No cooperation with at least two municipalities was running on 1 January 2010"}, nil},
		{"/samarbeid/monster?date=2026-13-01", 400, []string{"date"}, nil},
		{"/samarbeid/monster?examples=kanskje", 400, []string{"examples"}, nil},
		{"/samarbeid", 200, []string{`href="/samarbeid/monster"`, "Samarbeidsmønstre"}, nil},
	} {
		t.Run(tt.path, func(t *testing.T) {
			checkPage(t, tt.path, tt.status, tt.want, tt.not)
		})
	}
}

type patternsJSON struct {
	Day             string `json:"day"`
	Cooperations    int    `json:"cooperations"`
	Examples        bool   `json:"examples_counted"`
	ExamplesLeftOut int    `json:"examples_left_out"`
	Municipalities  []struct {
		Number string   `json:"number"`
		Index  *float64 `json:"index"`
	} `json:"municipalities"`
	Regions []struct {
		County      string   `json:"county"`
		Modularity  *float64 `json:"modularity"`
		Communities []struct {
			Members []struct{ Number string } `json:"members"`
		} `json:"communities"`
	} `json:"regions"`
}

func TestPatternsAPI(t *testing.T) {
	var p patternsJSON
	r := get(t, "/api/v1/imc/patterns?date=2026-06-01")
	if err := json.Unmarshal([]byte(r.Body), &p); err != nil || r.Status != 200 || p.Cooperations != 0 || p.ExamplesLeftOut != 4 || p.Municipalities == nil || len(p.Municipalities) != 0 {
		t.Fatalf("registered only = %d %+v, %v", r.Status, p, err)
	}
	r = get(t, "/api/v1/imc/patterns?date=2026-06-01&examples=1")
	if err := json.Unmarshal([]byte(r.Body), &p); err != nil || !p.Examples || p.Cooperations != 4 || len(p.Municipalities) != 21 || len(p.Regions) != 4 {
		t.Fatalf("with examples = %+v, %v", p, err)
	}
	// Every example municipality takes part in one cooperation: the index
	// is null (no data), never 0.
	for _, m := range p.Municipalities {
		if m.Index != nil {
			t.Errorf("%s has index %v with one cooperation", m.Number, *m.Index)
		}
	}
	if !regexp.MustCompile(`"index":\s*null`).MatchString(r.Body) {
		t.Error(`the JSON lacks "index": null`)
	}
	if r := get(t, "/api/v1/imc/patterns?date=31.02.2026"); r.Status != 400 || !strings.Contains(r.Body, "date") {
		t.Errorf("a bad date = %d %s", r.Status, r.Body)
	}
}

// TestPatternsRegistered reads the page on its own store with three
// registered cooperations among 1820, 1822 and 1818: 1820's partner sets
// {1822,1818}, {1822}, {1818} give (1/2 + 1/2 + 0)/3 = 0,33, and the
// other two's 0,50.
func TestPatternsRegistered(t *testing.T) {
	db, ts := newStoreServer(t)
	storetest.RegisterTriangle(t, db)
	resp, err := http.Get(ts.URL + "/samarbeid/monster?date=2026-06-01")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	body := string(b)
	for _, w := range []string{`id="pattern-table"`, "0,33", "0,50", "Alstahaug", "3 samarbeid med minst to kommuner", "Modularitet Q: 0,00"} {
		if !strings.Contains(body, w) {
			t.Errorf("the page lacks %q", w)
		}
	}
	if strings.Contains(body, "Registeret har ingen registrerte samarbeid") || strings.Contains(body, "Eksempelsamarbeidene er regnet med") {
		t.Error("the page shows the empty state or the examples' warning")
	}
}
