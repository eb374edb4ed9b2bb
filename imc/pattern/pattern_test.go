package pattern_test

import (
	"math"
	"reflect"
	"testing"

	"generalist"
	"generalist/imc/pattern"
)

func coop(numbers ...string) generalist.IMC {
	c := generalist.IMC{Name: "test"}
	for _, n := range numbers {
		c.Participants = append(c.Participants, generalist.IMCParticipant{Number: n})
	}
	return c
}

func set(xs ...string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// TestIndex checks the index on cases computed by hand.
func TestIndex(t *testing.T) {
	for _, tt := range []struct {
		name string
		sets []map[string]bool
		want float64
		ok   bool
	}{
		{"none", nil, 0, false},
		{"one", []map[string]bool{set("A", "B")}, 0, false},
		{"same partners", []map[string]bool{set("A", "B"), set("B", "A")}, 1, true},
		{"disjoint", []map[string]bool{set("A"), set("B")}, 0, true},
		// {B,C} and {B,D}: one shared of three → 1/3.
		{"one of three", []map[string]bool{set("B", "C"), set("B", "D")}, 1.0 / 3, true},
		// Pairs: {B,C}-{B,C} 1, {B,C}-{D} 0, {B,C}-{D} 0 → 1/3.
		{"two fixed and one other", []map[string]bool{set("B", "C"), set("B", "C"), set("D")}, 1.0 / 3, true},
		// {B} ⊂ {B,C,D}: 1/3; {B}-{E} 0; {B,C,D}-{E} 0 → 1/9.
		{"nested", []map[string]bool{set("B"), set("B", "C", "D"), set("E")}, 1.0 / 9, true},
	} {
		got, ok := pattern.Index(tt.sets)
		if ok != tt.ok || !near(got, tt.want) {
			t.Errorf("%s: Index = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// registry is two triangles of Nordland municipalities, each sharing two
// cooperations, joined by one cooperation of 1803 and 1804; 1801 also
// cooperates with 3401 in Innlandet, and 1806 with Nordland county only.
func registry() pattern.Input {
	in := pattern.Input{
		Cooperations: []generalist.IMC{
			coop("1801", "1802", "1803"), coop("1803", "1802", "1801"),
			coop("1804", "1805", "1806"), coop("1804", "1805", "1806", "18"),
			coop("1803", "1804"),
			coop("1801", "3401"),
			coop("1806", "18"),
		},
		Counties: []generalist.County{{Number: "18", Name: "Nordland"}, {Number: "34", Name: "Innlandet"}},
	}
	for _, n := range []string{"1801", "1802", "1803", "1804", "1805", "1806", "3401"} {
		in.Municipalities = append(in.Municipalities, generalist.Municipality{Number: generalist.MunicipalityNumber(n), ShortName: "K" + n, County: generalist.CountyNumber(n[:2])})
	}
	return in
}

func TestCompute(t *testing.T) {
	r := pattern.Compute(registry())
	if r.Cooperations != 6 || r.LeftOut != 1 {
		t.Errorf("counted %d, left out %d; want 6, 1", r.Cooperations, r.LeftOut)
	}
	third := 1.0 / 3
	one := 1.0
	want := map[string]struct {
		coops, partners int
		index           *float64
	}{
		// 1801: {1802,1803} twice and {3401}: (1+0+0)/3.
		"1801": {3, 3, &third},
		"1802": {2, 2, &one},
		"1803": {3, 3, &third},
		"1804": {3, 3, &third},
		"1805": {2, 2, &one},
		// 1806's cooperation with the county alone is not counted.
		"1806": {2, 2, &one},
		// One cooperation: no index, never 0.
		"3401": {1, 1, nil},
	}
	if len(r.Municipalities) != len(want) {
		t.Fatalf("%d municipalities, want %d: %+v", len(r.Municipalities), len(want), r.Municipalities)
	}
	for _, m := range r.Municipalities {
		w := want[m.Number]
		if m.Cooperations != w.coops || m.Partners != w.partners || (m.Index == nil) != (w.index == nil) || m.Index != nil && !near(*m.Index, *w.index) {
			t.Errorf("%s = %d cooperations, %d partners, index %v; want %d, %d, %v", m.Number, m.Cooperations, m.Partners, ptr(m.Index), w.coops, w.partners, ptr(w.index))
		}
		if m.Name != "K"+m.Number || m.County != m.Number[:2] {
			t.Errorf("%s named %q in county %q", m.Number, m.Name, m.County)
		}
	}

	if len(r.Regions) != 2 {
		t.Fatalf("regions = %+v", r.Regions)
	}
	nl, in := r.Regions[0], r.Regions[1]
	// m = 6·2 + 1 = 13; degrees 4,4,5 | 5,4,4; each triangle has 12 of
	// 2m = 26 ordered internal weight and degree sum 13: Q = 2·(12 −
	// 13²/26)/26 = 11/26.
	if nl.County != "18" || nl.Name != "Nordland" || nl.Municipalities != 6 || nl.Links != 7 || nl.Weight != 13 || nl.CrossBorder != 1 {
		t.Errorf("Nordland = %+v", nl)
	}
	if nl.Modularity == nil || !near(*nl.Modularity, 11.0/26) {
		t.Errorf("Nordland Q = %v, want 11/26", ptr(nl.Modularity))
	}
	wantComms := []pattern.Community{
		{Members: []pattern.Member{{"1801", "K1801"}, {"1802", "K1802"}, {"1803", "K1803"}}, Internal: 6},
		{Members: []pattern.Member{{"1804", "K1804"}, {"1805", "K1805"}, {"1806", "K1806"}}, Internal: 6},
	}
	if !reflect.DeepEqual(nl.Communities, wantComms) {
		t.Errorf("Nordland communities = %+v", nl.Communities)
	}
	// Innlandet: 3401 cooperates only across the border, so the county
	// has no links and no modularity (not 0).
	if in.County != "34" || in.Links != 0 || in.Modularity != nil || len(in.Communities) != 0 || in.CrossBorder != 1 || !reflect.DeepEqual(in.Unlinked, []pattern.Member{{"3401", "K3401"}}) {
		t.Errorf("Innlandet = %+v", in)
	}
	if r.Seed != pattern.Seed || r.Runs != 10 || r.Resolution != 1 {
		t.Errorf("seed %d, resolution %v", r.Seed, r.Resolution)
	}
}

// TestComputeDeterministic runs the community detection many times on a
// graph where the order of visits could matter: the result must not
// change.
func TestComputeDeterministic(t *testing.T) {
	in := registry()
	// A ring of eight municipalities with equal weights, where Louvain's
	// choices are ties.
	ring := []string{"4601", "4602", "4603", "4604", "4605", "4606", "4607", "4608"}
	for i, n := range ring {
		in.Cooperations = append(in.Cooperations, coop(n, ring[(i+1)%len(ring)]))
		in.Municipalities = append(in.Municipalities, generalist.Municipality{Number: generalist.MunicipalityNumber(n), ShortName: n, County: "46"})
	}
	first := pattern.Compute(in)
	for range 30 {
		if got := pattern.Compute(in); !reflect.DeepEqual(got, first) {
			t.Fatalf("a second run differs:\n%+v\n%+v", got.Regions, first.Regions)
		}
	}
}

// TestComputeNoStructure: four municipalities whose best split only ties
// with keeping them together (Q = 0 both ways: edges 1820–1822 2,
// 1820–1818 2, 1822–1818 1, 1820–1824 1, 1818–1824 2; m = 8, and the
// split {1818,1824} {1820,1822} gives 2·(4 − 8²/16)/16 = 0) are one
// community with Q 0.
func TestComputeNoStructure(t *testing.T) {
	in := pattern.Input{Cooperations: []generalist.IMC{
		coop("1820", "1822", "1818"), coop("1820", "1822"), coop("1820", "1818", "1824"), coop("1818", "1824"),
	}}
	r := pattern.Compute(in)
	if len(r.Regions) != 1 || len(r.Regions[0].Communities) != 1 || len(r.Regions[0].Communities[0].Members) != 4 || r.Regions[0].Communities[0].Internal != 8 ||
		r.Regions[0].Modularity == nil || *r.Regions[0].Modularity != 0 {
		t.Errorf("regions = %+v", r.Regions)
	}
}

func TestComputeEmpty(t *testing.T) {
	r := pattern.Compute(pattern.Input{Cooperations: []generalist.IMC{coop("1801", "18")}})
	if r.Cooperations != 0 || r.LeftOut != 1 || len(r.Municipalities) != 0 || len(r.Regions) != 0 {
		t.Errorf("empty = %+v", r)
	}
}

func ptr(f *float64) any {
	if f == nil {
		return "nil"
	}
	return *f
}
