package main

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"generalist"
	"generalist/imc"
)

// capacityCounts runs capacity --json and returns, per task with a
// staffing model, its alone, with_cooperation and coverage counts and
// whether its cooperation is known.
type taskCounts struct {
	Alone, With, Coverage map[string]int64
	Known                 bool
}

func capacityCounts(t *testing.T, db string, extra ...string) map[string]taskCounts {
	t.Helper()
	out, _, err := runCmd(append([]string{"capacity", "--structure", "2024", "--year", "2026", "--json", "--db", db}, extra...)...)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Tasks []struct {
			ID       string
			Staffing *generalist.Staffing
			Alone    map[string]int64
			With     map[string]int64 `json:"with_cooperation"`
			Coverage map[string]int64
			Known    *bool `json:"cooperation_known"`
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	res := map[string]taskCounts{}
	for _, task := range got.Tasks {
		if task.Staffing == nil {
			continue
		}
		for _, c := range []map[string]int64{task.Alone, task.With, task.Coverage} {
			if _, ok := c["municipalities"]; !ok {
				t.Fatalf("task %s: a count without municipalities: %+v", task.ID, task)
			}
			if _, ok := c["inhabitants"]; !ok {
				t.Fatalf("task %s: a count without inhabitants: %+v", task.ID, task)
			}
		}
		if task.Known == nil {
			t.Fatalf("task %s: no cooperation_known", task.ID)
		}
		res[task.ID] = taskCounts{task.Alone, task.With, task.Coverage, *task.Known}
	}
	if len(res) < 30 {
		t.Fatalf("%d tasks with a staffing model", len(res))
	}
	return res
}

// TestCapacityTodaysCooperation pins the first "done when" of issue 17:
// per task both counts and the registry's coverage; with the shipped
// examples counted as today's cooperation, with_cooperation moves for the
// tasks they cover and no other; without --examples nothing moves.
func TestCapacityTodaysCooperation(t *testing.T) {
	db := filepath.Join(t.TempDir(), "today.db")
	empty := capacityCounts(t, db)
	for id, c := range empty {
		if !reflect.DeepEqual(c.With, c.Alone) || c.Known || c.Coverage["municipalities"] != 0 {
			t.Errorf("empty registry, task %s: %+v; want with_cooperation = alone, unknown", id, c)
		}
	}
	if _, _, err := runCmd("imc", "examples", "--author", "test", "--db", db); err != nil {
		t.Fatal(err)
	}
	if got := capacityCounts(t, db); !reflect.DeepEqual(got, empty) {
		t.Error("the examples moved the figures without --examples")
	}

	// The covered tasks, computed from the examples themselves: catalogue
	// tasks of cooperations running on 1 January 2026 with at least two
	// municipalities, and the municipalities that take part.
	ex, err := imc.Examples()
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]map[string]bool{}
	for _, c := range ex {
		var ms []string
		for _, p := range c.Participants {
			if len(p.Number) == 4 {
				ms = append(ms, p.Number)
			}
		}
		if !c.ActiveOn("2026-01-01") || len(ms) < 2 {
			continue
		}
		for _, task := range c.Tasks {
			if _, ok := empty[task.Task]; !ok {
				continue // no staffing model
			}
			if covered[task.Task] == nil {
				covered[task.Task] = map[string]bool{}
			}
			for _, m := range ms {
				covered[task.Task][m] = true
			}
		}
	}
	if len(covered) == 0 {
		t.Fatal("the examples cover no task with a staffing model")
	}
	with := capacityCounts(t, db, "--examples")
	moved := 0
	for id, c := range with {
		ms, isCovered := covered[id]
		if !reflect.DeepEqual(c.Alone, empty[id].Alone) {
			t.Errorf("task %s: alone changed with --examples: %v, was %v", id, c.Alone, empty[id].Alone)
		}
		if !isCovered {
			if !reflect.DeepEqual(c, empty[id]) {
				t.Errorf("task %s, not covered by the examples: %+v, want as without them %+v", id, c, empty[id])
			}
			continue
		}
		if !c.Known || c.Coverage["municipalities"] != int64(len(ms)) {
			t.Errorf("task %s, covered: %+v; want known, coverage %d municipalities", id, c, len(ms))
		}
		if c.With["municipalities"] > c.Alone["municipalities"] {
			t.Errorf("task %s: more short with cooperation (%v) than alone (%v)", id, c.With, c.Alone)
		}
		if !reflect.DeepEqual(c.With, c.Alone) {
			moved++
		}
	}
	if moved == 0 {
		t.Errorf("with_cooperation moved for none of the covered tasks %v", slicesOf(covered))
	}

	out, _, err := runCmd("capacity", "--structure", "2024", "--year", "2026", "--examples", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Short with cooperation", "Registered coverage", "unknown", "3 registered cooperation(s) running on 1.1.2026", "the shipped examples are counted"} {
		if !strings.Contains(out, want) {
			t.Errorf("capacity --examples text lacks %q:\n%s", want, out)
		}
	}
	out, _, err = runCmd("capacity", "--structure", "2024", "--year", "2026", "--db", db)
	if err != nil || !strings.Contains(out, "4 shipped example(s) are not counted (--examples counts them)") {
		t.Errorf("capacity without --examples: %v\n%s", err, out)
	}
}

func slicesOf(m map[string]map[string]bool) []string {
	var out []string
	for k := range maps.Keys(m) {
		out = append(out, k)
	}
	return out
}

// TestScenarioTodaysCooperation pins the second "done when": today's
// share of task FTEs outside the municipalities' own organisation comes
// from the registry, not a hard 0.
func TestScenarioTodaysCooperation(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scenario.db")
	share := func(args ...string) (float64, string) {
		t.Helper()
		js, _, err := runCmd(append([]string{"scenario", "compare", "forsok-haugalandet", "--json", "--db", db}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Outcomes []struct {
				Share float64 `json:"mean_outside_share"`
			}
		}
		if err := json.Unmarshal([]byte(js), &got); err != nil || len(got.Outcomes) != 2 {
			t.Fatalf("compare --json: %v, %d outcomes", err, len(got.Outcomes))
		}
		text, _, err := runCmd(append([]string{"scenario", "compare", "forsok-haugalandet", "--db", db}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, "Share of task FTEs outside own organisation") {
				return got.Outcomes[0].Share, line
			}
		}
		t.Fatalf("no share row:\n%s", text)
		return 0, ""
	}
	if s, line := share(); s != 0 || !strings.Contains(line, "unknown") {
		t.Errorf("empty registry: today's share %v, row %q; want 0 shown as unknown", s, line)
	}
	if _, _, err := runCmd("imc", "examples", "--author", "test", "--db", db); err != nil {
		t.Fatal(err)
	}
	if s, _ := share(); s != 0 {
		t.Errorf("examples registered, not counted: today's share %v, want 0", s)
	}
	s, line := share("--examples")
	if s <= 0 || strings.Contains(line, "0.0 %") || strings.Contains(line, "unknown") {
		t.Errorf("examples counted: today's share %v, row %q; want > 0 and shown so", s, line)
	}
}
