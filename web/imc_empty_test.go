package web_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestRegistryEmptyState: on a fresh server, whose registry holds nothing,
// the registry page says once that it is empty and how cooperation gets
// in, instead of a national overview of empty tables and a map caption
// without a map; the example choice on the patterns and capacity pages
// counts the shipped examples, so ticking it shows them rather than a
// request to choose another date.
func TestRegistryEmptyState(t *testing.T) {
	_, ts := newStoreServer(t)
	for _, c := range []struct{ lang, empty, byForm, mapNote, none string }{
		{"nb", "Registeret er tomt", "Etter samarbeidsform", "Antall samarbeid hver kommune deltar i", "Ingen registrerte samarbeid passer"},
		{"en", "The registry is empty", "By legal form", "Number of cooperations each municipality takes part in", "No registered cooperation matches"},
	} {
		r := getURL(t, ts.URL+"/samarbeid?lang="+c.lang)
		if r.Status != 200 {
			t.Fatalf("%s: status %d", c.lang, r.Status)
		}
		if n := strings.Count(r.Body, `id="imc-empty"`); n != 1 || !strings.Contains(r.Body, c.empty) {
			t.Errorf("%s: the empty state appears %d times (%q), want once", c.lang, n, c.empty)
		}
		for _, not := range []string{c.byForm, c.mapNote, c.none, `id="nasjonalt"`} {
			if strings.Contains(r.Body, not) {
				t.Errorf("%s: the empty registry's page still shows %q", c.lang, not)
			}
		}
	}
	r := getURL(t, ts.URL+"/samarbeid/monster?examples=1&date=2026-06-01")
	if strings.Contains(r.Body, "Velg en annen dato") || !strings.Contains(r.Body, "4 samarbeid med minst to kommuner i drift") {
		t.Errorf("patterns with the examples on a fresh server: want the 4 examples counted; got %s", regexp.MustCompile(`(?s)id="patterns-empty".{0,300}`).FindString(r.Body))
	}
	r = getURL(t, ts.URL+"/kapasitet?examples=1")
	if m := regexp.MustCompile(`(?s)<tr data-task="barnevern">.*?data-form="with">([^<]*)<`).FindStringSubmatch(r.Body); m == nil || m[1] == "ukjent" {
		t.Errorf("capacity with the examples on a fresh server: barnevern with cooperation %q, want the examples' figure", m)
	}
}

// TestRegistryOverviewDay: the national overview says when its day is
// today, and on a day with no cooperation running says so in one
// sentence without empty tables.
func TestRegistryOverviewDay(t *testing.T) {
	r := get(t, "/samarbeid")
	if !strings.Contains(r.Body, "samarbeid i drift i dag,") {
		t.Error("the national overview does not say its day is today")
	}
	r = get(t, "/samarbeid?date=2000-01-01")
	if !strings.Contains(r.Body, `id="national-none"`) || !strings.Contains(r.Body, "Ingen av samarbeidene i registeret var i drift 1. januar 2000") {
		t.Error("a day with no cooperation running: no one-sentence answer")
	}
	if strings.Contains(r.Body, "Etter samarbeidsform") || strings.Contains(r.Body, `id="imc-empty"`) {
		t.Error("a day with no cooperation running: empty tables, or the empty registry's state for a registry that is not empty")
	}
}
