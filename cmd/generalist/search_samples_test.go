package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// benchInstances is the shared benchmark directory (skipped when absent).
var benchInstances = filepath.Join("..", "..", "..", "shared", "bench", "instances")

// exchangeFile is an instance read straight from the exchange CSVs, with
// none of the project's graph or search code: the independent checker's
// view of the graph.
type exchangeFile struct {
	code []string
	pop  []float64
	adj  [][]int // every edge kind: rook, queen and bridge
}

func readExchangeFiles(t *testing.T, prefix string) *exchangeFile {
	t.Helper()
	read := func(name string) []map[string]string {
		f, err := os.Open(prefix + name)
		if err != nil {
			t.Skipf("benchmark instance not available: %v", err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var out []map[string]string
		for _, r := range rows[1:] {
			m := map[string]string{}
			for i, h := range rows[0] {
				m[h] = r[i]
			}
			out = append(out, m)
		}
		return out
	}
	x := &exchangeFile{}
	for i, r := range read(".nodes.csv") {
		if r["id"] != strconv.Itoa(i) {
			t.Fatalf("row %d has id %s", i, r["id"])
		}
		p, err := strconv.ParseFloat(r["population"], 64)
		if err != nil {
			t.Fatal(err)
		}
		x.code, x.pop = append(x.code, r["code"]), append(x.pop, p)
	}
	x.adj = make([][]int, len(x.code))
	for _, r := range read(".edges.csv") {
		a, _ := strconv.Atoi(r["a"])
		b, _ := strconv.Atoi(r["b"])
		x.adj[a], x.adj[b] = append(x.adj[a], b), append(x.adj[b], a)
	}
	return x
}

// checkLabelling checks one plan (region per id) independently: a
// partition of every id into parts groups, each connected over all edge
// kinds, at least floor, and at most ceiling unless it is one of the
// frozen groups the run reported (a unit heavier than the ceiling alone,
// with any units stranded by it).
func (x *exchangeFile) checkLabelling(t *testing.T, what string, region []int, parts int, floor, ceiling float64, frozen map[string]bool) {
	t.Helper()
	if len(region) != len(x.code) {
		t.Fatalf("%s: %d labels for %d units", what, len(region), len(x.code))
	}
	members := map[int][]int{}
	for id, k := range region {
		members[k] = append(members[k], id)
	}
	if len(members) != parts {
		t.Errorf("%s: %d groups, want %d", what, len(members), parts)
	}
	for k, m := range members {
		var w float64
		in := map[int]bool{}
		key := ""
		for _, id := range m {
			w += x.pop[id]
			in[id] = true
			key += x.code[id] + " "
		}
		if w < floor {
			t.Errorf("%s: group %d weighs %v, below the floor %v", what, k, w, floor)
		}
		if w > ceiling && !frozen[key] {
			t.Errorf("%s: group %d (%s) weighs %v, above the ceiling %v", what, k, key, w, ceiling)
		}
		seen := map[int]bool{m[0]: true}
		stack := []int{m[0]}
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, u := range x.adj[v] {
				if in[u] && !seen[u] {
					seen[u] = true
					stack = append(stack, u)
				}
			}
		}
		if len(seen) != len(m) {
			t.Errorf("%s: group %d is not connected", what, k)
		}
	}
}

// TestEnsembleSamplesCheck runs seeded ensembles on Norway (30 groups,
// floor 15 000) and the 60×60 grid (100 groups), writes every 1000th plan
// of each chain (JSON lines and CSV), and checks every one with the
// independent checker above.
func TestEnsembleSamplesCheck(t *testing.T) {
	for _, tc := range []struct {
		instance, parts, steps, ext string
		n                           int
	}{{"norway2024", "30", "40000", ".jsonl", 40}, {"grid60x60", "100", "20000", ".csv", 20}} {
		prefix := filepath.Join(benchInstances, tc.instance)
		x := readExchangeFiles(t, prefix)
		out := filepath.Join(t.TempDir(), "plans"+tc.ext)
		stdout, _, err := runCmd("search", "ensemble", "--graph", prefix, "--floor", "15000", "--parts", tc.parts, "--steps", tc.steps,
			"--sample-every", "1000", "--out", out, "--json", "--seed", "5")
		if err != nil {
			t.Fatal(err)
		}
		var res struct {
			Balanced    bool       `json:"balanced"`
			Ceiling     float64    `json:"ceiling"`
			Pinned      [][]string `json:"pinned"`
			Samples     int        `json:"samples"`
			Diagnostics struct {
				Chains []struct {
					Acceptance float64 `json:"acceptance"`
				} `json:"chains"`
				Statistics []struct {
					Name string  `json:"name"`
					RHat float64 `json:"rhat"`
					ESS  float64 `json:"ess"`
				} `json:"statistics"`
			} `json:"diagnostics"`
		}
		if err := json.Unmarshal([]byte(stdout), &res); err != nil {
			t.Fatal(err)
		}
		if !res.Balanced || res.Ceiling <= 0 || res.Samples != tc.n || len(res.Diagnostics.Chains) != 4 || len(res.Diagnostics.Statistics) != 4 {
			t.Fatalf("%s: balanced %v, ceiling %v, %d samples, diagnostics %+v", tc.instance, res.Balanced, res.Ceiling, res.Samples, res.Diagnostics)
		}
		frozen := map[string]bool{}
		codeID := map[string]int{}
		for id, c := range x.code {
			codeID[c] = id
		}
		for _, b := range res.Pinned {
			// Keys list codes in id order, as checkLabelling builds them.
			ids := make([]bool, len(x.code))
			for _, c := range b {
				ids[codeID[c]] = true
			}
			key := ""
			for id, ok := range ids {
				if ok {
					key += x.code[id] + " "
				}
			}
			frozen[key] = true
		}
		parts, _ := strconv.Atoi(tc.parts)
		plans := readPlans(t, out, len(x.code))
		if len(plans) != tc.n {
			t.Fatalf("%s: %d plans in the file, want %d", tc.instance, len(plans), tc.n)
		}
		for what, region := range plans {
			x.checkLabelling(t, tc.instance+" "+what, region, parts, 15000, res.Ceiling, frozen)
		}
	}
}

// readPlans reads the sampled plans of a JSON-lines or CSV file, keyed by
// "chain/step".
func readPlans(t *testing.T, name string, n int) map[string][]int {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	plans := map[string][]int{}
	if filepath.Ext(name) == ".csv" {
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if h := rows[0]; len(h) != 5 || h[0] != "chain" || h[1] != "step" || h[2] != "id" || h[4] != "region" {
			t.Fatalf("CSV header %v", h)
		}
		for _, r := range rows[1:] {
			key := r[0] + "/" + r[1]
			if plans[key] == nil {
				plans[key] = make([]int, n)
			}
			id, _ := strconv.Atoi(r[2])
			k, _ := strconv.Atoi(r[4])
			plans[key][id] = k
		}
		return plans
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for i := 0; sc.Scan(); i++ {
		if i == 0 {
			var h struct{ Nodes []string }
			if err := json.Unmarshal(sc.Bytes(), &h); err != nil || len(h.Nodes) != n {
				t.Fatalf("header line: %v, %d nodes", err, len(h.Nodes))
			}
			continue
		}
		var s struct {
			Chain, Step int
			Region      []int
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		plans[strconv.Itoa(s.Chain)+"/"+strconv.Itoa(s.Step)] = s.Region
	}
	return plans
}

// TestEnsembleFlags: contradictory or incomplete flags are usage errors;
// an unbalanced run says so in the text and the JSON.
func TestEnsembleFlags(t *testing.T) {
	prefix := exchangeInstance(t)
	for _, args := range [][]string{
		{"--unbalanced", "--ceiling", "9000"},
		{"--sample-every", "10"},
		{"--out", filepath.Join(t.TempDir(), "x.jsonl")},
		{"--variant", "metropolis"},
		{"--tolerance", "-1"},
	} {
		_, _, err := runCmd(append([]string{"search", "ensemble", "--graph", prefix, "--floor", "5000", "--parts", "2"}, args...)...)
		if err == nil {
			t.Errorf("%v: accepted", args)
		}
	}
	out, _, err := runCmd("search", "ensemble", "--graph", prefix, "--floor", "5000", "--parts", "2", "--unbalanced", "--steps", "100")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "UNBALANCED") {
		t.Errorf("unbalanced run does not say so:\n%s", out)
	}
	out, _, err = runCmd("search", "ensemble", "--graph", prefix, "--floor", "5000", "--parts", "2", "--unbalanced", "--steps", "100", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Balanced *bool `json:"balanced"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Balanced == nil || *res.Balanced {
		t.Errorf("JSON balanced = %v (%v)", res.Balanced, err)
	}
}
