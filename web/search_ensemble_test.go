package web_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestSearchEnsembleBalanced: the API's ensembles are balanced by
// default, say so with their ceiling and frozen groups, carry
// diagnostics, and every sampled plan is a partition into groups that
// are contiguous, reach the floor and stay under the ceiling (Oslo, above
// it alone, is a group of its own).
func TestSearchEnsembleBalanced(t *testing.T) {
	r := get(t, "/api/v1/search/ensemble?floor=15000&parts=30&steps=4000&sample_every=500&year=2024")
	if r.Status != http.StatusOK {
		t.Fatalf("status %d: %.400s", r.Status, r.Body)
	}
	var e struct {
		Balanced    bool
		Ceiling     float64
		Variant     string
		Floor       float64
		Pinned      [][]string
		Nodes       []string
		Diagnostics struct {
			Chains     []struct{ Acceptance float64 }
			Statistics []struct {
				Name      string
				RHat, ESS float64
			}
			TooShort bool `json:"too_short"`
		}
		Samples []struct {
			Chain, Step int
			Region      []int
		}
	}
	if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
		t.Fatal(err)
	}
	if !e.Balanced || e.Ceiling <= 0 || e.Variant != "recom" || len(e.Diagnostics.Chains) != 4 || len(e.Diagnostics.Statistics) != 4 {
		t.Fatalf("balanced %v, ceiling %v, variant %q, diagnostics %+v", e.Balanced, e.Ceiling, e.Variant, e.Diagnostics)
	}
	if len(e.Pinned) == 0 || e.Pinned[0][0] != "0301" {
		t.Errorf("pinned %v, want Oslo first", e.Pinned)
	}
	if len(e.Samples) != 8 || len(e.Nodes) != 357 {
		t.Fatalf("%d samples, %d nodes", len(e.Samples), len(e.Nodes))
	}
	g := graph2024(t)
	pop := populations(t)
	frozen := map[string]bool{}
	for _, b := range e.Pinned {
		frozen[strings.Join(b, "+")] = true
	}
	for _, s := range e.Samples {
		members := map[int][]string{}
		for id, k := range s.Region {
			members[k] = append(members[k], e.Nodes[id])
		}
		if len(members) != 30 {
			t.Errorf("chain %d step %d: %d groups", s.Chain, s.Step, len(members))
		}
		for _, m := range members {
			var w float64
			for _, c := range m {
				w += pop[c]
			}
			if w < e.Floor || w > e.Ceiling && !frozen[strings.Join(m, "+")] {
				t.Errorf("chain %d step %d: group %v weighs %v (floor %v, ceiling %v)", s.Chain, s.Step, m, w, e.Floor, e.Ceiling)
			}
			if !contiguous(g, m) {
				t.Errorf("chain %d step %d: group %v is not contiguous", s.Chain, s.Step, m)
			}
		}
	}

	r = get(t, "/api/v1/search/ensemble?floor=15000&parts=30&steps=500&unbalanced=true")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `"balanced": false`) || !strings.Contains(r.Body, "unbalanced exploration") {
		t.Errorf("unbalanced: %d %.300s", r.Status, r.Body)
	}
	r = get(t, "/api/v1/search/ensemble?floor=15000&parts=30&steps=500&variant=reversible")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `"variant": "reversible"`) {
		t.Errorf("reversible: %d %.300s", r.Status, r.Body)
	}
	for _, q := range []string{"unbalanced=true&ceiling=300000", "variant=metropolis", "sample_every=1", "tolerance=abc", "unbalanced=maybe", "burn_in=-1"} {
		if r := get(t, "/api/v1/search/ensemble?floor=15000&parts=30&steps=2000&"+q); r.Status != http.StatusBadRequest {
			t.Errorf("?%s = %d, want 400", q, r.Status)
		}
	}
}

// populations returns the 2024 population by municipality number, from
// the API's own table.
func populations(t *testing.T) map[string]float64 {
	t.Helper()
	r := get(t, "/api/v1/search?floor=1&year=2024")
	var plan struct {
		Groups []struct {
			Members []struct{ Number string }
			Weight  float64
		}
	}
	if err := json.Unmarshal([]byte(r.Body), &plan); err != nil {
		t.Fatal(err)
	}
	pop := map[string]float64{}
	for _, g := range plan.Groups {
		if len(g.Members) == 1 {
			pop[g.Members[0].Number] = g.Weight
		}
	}
	if len(pop) != 357 {
		t.Fatalf("%d populations", len(pop))
	}
	return pop
}

// TestSearchEnsemblePage: the ensemble part of /sok shows the ceiling,
// the distributions as four histograms with the plan marked, and the
// diagnostics, in plain words; the technical names only under
// "Teknisk".
func TestSearchEnsemblePage(t *testing.T) {
	for _, tc := range []struct{ lang, tech, ceiling, enough, same string }{
		{"nb", "Teknisk", "(taket)", "Ble det laget nok planer?", "er den samme i alle planene"},
		{"en", "Technical", "(the ceiling)", "Were enough plans made?", "is the same in every plan"},
	} {
		r := get(t, "/sok?floor=5000&ensemble=true&lang="+tc.lang)
		if r.Status != http.StatusOK {
			t.Fatalf("%s: status %d", tc.lang, r.Status)
		}
		for _, want := range []string{`id="search-ensemble"`, `id="ens-charts"`, `id="ens-diagnostics"`, `id="ens-ceiling"`, tc.ceiling, tc.enough, tc.tech} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("%s: page lacks %q", tc.lang, want)
			}
		}
		// A histogram per statistic, or a sentence for one that never
		// changed (the heaviest free group of a plan with the most
		// groups often cannot).
		charts := strings.Count(r.Body, `class="chart chart-histogram"`)
		same := strings.Count(r.Body, tc.same)
		if charts+same != 4 || charts == 0 {
			t.Errorf("%s: %d histograms and %d constant statistics, want 4 in all", tc.lang, charts, same)
		}
		if n := strings.Count(r.Body, `class="chart-ref"`); n < charts {
			t.Errorf("%s: %d marks, want one per histogram", tc.lang, n)
		}
		// ReCom, R-hat and ESS appear only in the technical disclosure.
		outside := regexp.MustCompile(`(?s)<details class="technical">.*?</details>`).ReplaceAllString(r.Body, "")
		for _, jargon := range []string{"ReCom", "R-hat", "ESS"} {
			if strings.Contains(outside, jargon) {
				t.Errorf("%s: %q outside the technical disclosure", tc.lang, jargon)
			}
		}
		if inlineStyle.MatchString(r.Body) {
			t.Error("inline style on the search page")
		}
	}
}
