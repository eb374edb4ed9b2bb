package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"generalist/geo"
	"generalist/graph"
)

func TestSearchAPI(t *testing.T) {
	r := get(t, "/api/v1/search?floor=5000&year=2024&seed=2")
	if r.Status != http.StatusOK {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	var plan struct {
		Count, Bound int
		Floor        float64
		Seconds      float64
		Groups       []struct {
			Members []struct{ Number, Name string }
			Weight  float64
		}
	}
	if err := json.Unmarshal([]byte(r.Body), &plan); err != nil {
		t.Fatal(err)
	}
	if plan.Count < 216 || plan.Count > plan.Bound || len(plan.Groups) != plan.Count || plan.Seconds <= 0 {
		t.Fatalf("count %d, bound %d, %d groups, %v s", plan.Count, plan.Bound, len(plan.Groups), plan.Seconds)
	}
	// Every municipality once; every group above the floor and contiguous.
	g := graph2024(t)
	group := map[string]int{}
	for k, gr := range plan.Groups {
		if gr.Weight < plan.Floor {
			t.Errorf("group %d weighs %v", k, gr.Weight)
		}
		for _, m := range gr.Members {
			if _, dup := group[m.Number]; dup {
				t.Fatalf("%s twice", m.Number)
			}
			group[m.Number] = k
		}
	}
	if len(group) != g.Len() {
		t.Fatalf("%d municipalities, want %d", len(group), g.Len())
	}
	for k, gr := range plan.Groups {
		var members []string
		for _, m := range gr.Members {
			members = append(members, m.Number)
		}
		if !contiguous(g, members) {
			t.Errorf("group %d is not contiguous", k)
		}
	}

	// The same criteria give the same plan (from the cache or not).
	if again := get(t, "/api/v1/search?floor=5000&year=2024&seed=2"); again.Body != r.Body {
		t.Error("the same query gave another plan")
	}

	r = get(t, "/api/v1/search?floor=5000&no_sea_links=true")
	if r.Status != http.StatusBadRequest || !strings.Contains(r.Body, `"1151"`) || !strings.Contains(r.Body, `"reasons"`) {
		t.Errorf("without sea links: %d %.300s", r.Status, r.Body)
	}
	for _, q := range []string{"floor=abc", "floor=5000&objective=fast", "floor=5000&within_county=maybe", "floor=5000&lock=0301%2B9999", "task=nosuchtask"} {
		if r := get(t, "/api/v1/search?"+q); r.Status != http.StatusBadRequest {
			t.Errorf("?%s = %d, want 400", q, r.Status)
		}
	}
	r = get(t, "/api/v1/search?task=barnevern&within_county=true&objective=border")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `"unit": "FTE"`) {
		t.Errorf("task: %d %.300s", r.Status, r.Body)
	}
}

func TestSearchEnsembleAPI(t *testing.T) {
	r := get(t, "/api/v1/search/ensemble?floor=20000&parts=40&steps=500")
	if r.Status != http.StatusOK {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	var e struct {
		Parts, Steps int
		Edges        []struct {
			A, B     string
			Together float64
		}
	}
	if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
		t.Fatal(err)
	}
	if e.Parts != 40 || e.Steps != 500 || len(e.Edges) < 700 {
		t.Errorf("parts %d, steps %d, %d edges", e.Parts, e.Steps, len(e.Edges))
	}
	if r := get(t, "/api/v1/search/ensemble?steps=1000000"); r.Status != http.StatusBadRequest {
		t.Errorf("too many steps: %d", r.Status)
	}
}

func TestSearchPage(t *testing.T) {
	r := get(t, "/sok")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `id="search-form"`) || strings.Contains(r.Body, `id="search-result"`) {
		t.Fatalf("form: %d", r.Status)
	}
	r = get(t, "/sok?floor=5000&objective=heterogeneity")
	for _, want := range []string{`id="search-result"`, `<svg`, `id="groups"`, "grupper når terskelen", `aria-current="page">Struktursøk`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
	if inlineStyle.MatchString(r.Body) {
		t.Error("inline style on the search page")
	}
	r = get(t, "/sok?floor=5000&no_sea_links=true")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `id="search-error"`) || !strings.Contains(r.Body, "Utsira") {
		t.Errorf("infeasible: %d", r.Status)
	}
}

// graph2024 is the neighbour graph of the 2024 structure, built from the
// embedded geometry as the search builds it.
func graph2024(t *testing.T) *graph.Graph {
	t.Helper()
	ms, _, err := geo.Embedded(2024)
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.Build(ms, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// contiguous reports whether the municipalities members (numbers, each
// once) form one piece on g: each is reached from the first through
// neighbours among them.
func contiguous(g *graph.Graph, members []string) bool {
	in := map[string]bool{}
	for _, m := range members {
		in[m] = true
	}
	seen := map[string]bool{members[0]: true}
	queue := []string{members[0]}
	for len(queue) > 0 {
		nb, _ := g.Neighbours(queue[0])
		queue = queue[1:]
		for _, n := range nb {
			if in[n.Code] && !seen[n.Code] {
				seen[n.Code] = true
				queue = append(queue, n.Code)
			}
		}
	}
	return len(seen) == len(members)
}
