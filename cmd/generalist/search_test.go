package main

import (
	"encoding/json"
	"generalist"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exchangeInstance writes a small exchange-format instance (a row of six
// units) and returns its prefix.
func exchangeInstance(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("row.nodes.csv", `id,code,name,population,x,y,area_km2
0,a,A,3000,0,0,1
1,b,B,2500,10000,0,1
2,c,C,9000,20000,0,1
3,d,D,1000,30000,0,1
4,e,E,4500,40000,0,1
5,f,F,800,50000,0,1
`)
	write("row.edges.csv", `a,b,kind,border_m,gap_m
0,1,rook,5000,0
1,2,rook,5000,0
2,3,rook,5000,0
3,4,rook,5000,0
4,5,rook,5000,0
`)
	return filepath.Join(dir, "row")
}

// TestSearchGroupsContract checks the interface contract of the issue:
// --json prints groups, count, bound and seconds; --graph gives node ids.
func TestSearchGroupsContract(t *testing.T) {
	out, _, err := runCmd("search", "groups", "--graph", exchangeInstance(t), "--floor", "5000", "--json", "--seed", "3")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Groups  [][]int  `json:"groups"`
		Count   int      `json:"count"`
		Bound   int      `json:"bound"`
		Seconds *float64 `json:"seconds"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := [][]int{{0, 1}, {2}, {3, 4, 5}}
	if got.Count != 3 || got.Bound != 3 || got.Seconds == nil || len(got.Groups) != 3 {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if len(got.Groups[i]) != len(want[i]) {
			t.Errorf("groups = %v, want %v", got.Groups, want)
		}
	}

	db := loadedDB(t)
	out, _, err = runCmd("search", "groups", "--floor", "5000", "--json", "--db", db, "--year", "2024")
	if err != nil {
		t.Fatal(err)
	}
	var muni struct {
		Groups [][]string `json:"groups"`
		Count  int        `json:"count"`
		Bound  int        `json:"bound"`
	}
	if err := json.Unmarshal([]byte(out), &muni); err != nil {
		t.Fatal(err)
	}
	if muni.Count < 216 || muni.Count > muni.Bound || len(muni.Groups) != muni.Count {
		t.Errorf("count %d, bound %d, %d groups", muni.Count, muni.Bound, len(muni.Groups))
	}
	seen := map[string]bool{}
	for _, g := range muni.Groups {
		for _, c := range g {
			if len(c) != 4 || seen[c] {
				t.Fatalf("bad or repeated municipality number %q", c)
			}
			seen[c] = true
		}
	}
	if len(seen) != 357 {
		t.Errorf("%d municipalities in the plan, want 357", len(seen))
	}
}

func TestSearchText(t *testing.T) {
	db := loadedDB(t)
	out, _, err := runCmd("search", "groups", "--floor", "5000", "--within-county", "--max-km", "150", "--objective", "border", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"groups reach the floor 5 000 inhabitants", "upper bound", "border", "stay alone"} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	out, _, err = runCmd("search", "groups", "--task", "barnevern", "--keep-feasible", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "FTE of barnevern") {
		t.Errorf("task output:\n%s", out)
	}
}

func TestSearchInfeasible(t *testing.T) {
	db := loadedDB(t)
	_, _, err := runCmd("search", "groups", "--floor", "5000", "--no-sea-links", "--db", db)
	if err == nil || exitCode(err) != 1 || !strings.Contains(errorText(err), "1151 Utsira reaches only") {
		t.Fatalf("err = %v (exit %d)", err, exitCode(err))
	}
	_, _, err = runCmd("search", "groups", "--floor", "9000000", "--db", db)
	if err == nil || !strings.Contains(errorText(err), "above the total") {
		t.Fatalf("err = %v", err)
	}
	for _, args := range [][]string{
		{"search"},
		{"search", "nothing"},
		{"search", "groups", "--db", db},
		{"search", "groups", "--floor", "5000", "--objective", "fast", "--db", db},
		{"search", "ensemble", "--floor", "5000", "--steps", "0", "--db", db},
	} {
		if _, _, err := runCmd(args...); exitCode(err) != 2 {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}

// TestSearchBadLock: a lock naming an unknown municipality is refused by
// the search problem (the same check as the web's), naming it.
func TestSearchBadLock(t *testing.T) {
	_, _, err := runCmd("search", "groups", "--floor", "5000", "--lock", "0301+9999", "--db", loadedDB(t))
	if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(errorText(err), `lock: no unit "9999"`) {
		t.Errorf("search groups --lock 0301+9999: %v, want EINVALID naming 9999", err)
	}
}

func TestSearchEnsemble(t *testing.T) {
	out, _, err := runCmd("search", "ensemble", "--graph", exchangeInstance(t), "--floor", "5000", "--steps", "500", "--parts", "2", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Parts int `json:"parts"`
		Steps int `json:"steps"`
		Edges []struct {
			A, B     string
			Together float64
		} `json:"edges"`
		StepsPerSecond float64 `json:"steps_per_second"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Parts != 2 || got.Steps != 500 || len(got.Edges) != 5 || got.StepsPerSecond <= 0 {
		t.Fatalf("got %+v", got)
	}
	db := loadedDB(t)
	out, _, err = runCmd("search", "ensemble", "--floor", "20000", "--parts", "40", "--steps", "2000", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Neighbours most often together") {
		t.Errorf("output:\n%s", out)
	}
}
