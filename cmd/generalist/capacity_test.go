package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"generalist"
	"generalist/sqlite"
)

// TestCapacityContract checks the --json contract and recomputes Utsira's
// shortfalls independently from the catalogue's parameters in the output
// and the stored 2026 age groups.
func TestCapacityContract(t *testing.T) {
	db := loadedDB(t)
	out, _, err := runCmd("capacity", "--structure", "2024", "--year", "2026", "--json", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Tasks []struct {
			ID, Name, Role string
			LegalBasis     string `json:"legal_basis"`
			Assumption     *bool
			Staffing       *generalist.Staffing
		}
		Municipalities []struct {
			Number, Name string
			Shortfalls   []string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Tasks) < 30 || len(got.Municipalities) != 357 {
		t.Fatalf("%d tasks, %d municipalities", len(got.Tasks), len(got.Municipalities))
	}
	for _, task := range got.Tasks {
		if task.ID == "" || task.Name == "" || task.LegalBasis == "" || task.Assumption == nil || !generalist.Role(task.Role).Valid() {
			t.Errorf("task %+v lacks a contract field", task)
		}
	}
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	pops, err := store.Populations(context.Background(), generalist.PopulationFilter{Structure: 2024, Year: 2026, Municipality: "1151"})
	if err != nil || len(pops) != 1 || pops[0].Ages == nil {
		t.Fatalf("Utsira 2026: %v, %v", pops, err)
	}
	var want []string
	for _, task := range got.Tasks {
		s := task.Staffing
		if s == nil {
			continue
		}
		served := pops[0].Total
		if len(s.Served) > 0 {
			served = 0
			for _, g := range s.Served {
				served += pops[0].Ages[g]
			}
		}
		if s.FTEPer1000.Value*float64(served)/1000 < s.MinTeam.Value {
			want = append(want, task.ID)
		}
	}
	i := slices.IndexFunc(got.Municipalities, func(m struct {
		Number, Name string
		Shortfalls   []string
	}) bool {
		return m.Number == "1151"
	})
	if i < 0 || !slices.Equal(got.Municipalities[i].Shortfalls, want) {
		t.Errorf("Utsira shortfalls = %v, want %v", got.Municipalities[i].Shortfalls, want)
	}
	if len(want) == 0 {
		t.Error("Utsira (219 inhabitants) reaches every robust minimum; the catalogue has no effect")
	}
}

func TestCapacityText(t *testing.T) {
	db := loadedDB(t)
	for _, args := range [][]string{{"--by", "task"}, {"--by", "municipality"}, {"--municipality", "1151"}} {
		out, _, err := runCmd(append([]string{"capacity", "--db", db}, args...)...)
		if err != nil {
			t.Fatalf("capacity %v: %v", args, err)
		}
		if !strings.Contains(out, "structure 2024, population on 1 January 2026") || !strings.Contains(out, "assumptions") {
			t.Errorf("capacity %v output:\n%s", args, out)
		}
	}
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"capacity", "--by", "county"}, 2},
		{[]string{"capacity", "--municipality", "301"}, 2},
		{[]string{"capacity", "--municipality", "0399"}, 1},
		{[]string{"capacity", "--structure", "2021"}, 2},
	} {
		_, _, err := runCmd(append(tt.args, "--db", db)...)
		if err == nil || exitCode(err) != tt.code {
			t.Errorf("%v: err %v (exit %d), want exit %d", tt.args, err, exitCode(err), tt.code)
		}
	}
}

func TestIndicatorAnalyse(t *testing.T) {
	db := loadedDB(t)
	out, _, err := runCmd("indicator", "analyse", "costindex2025", "--year", "2025", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"n = 354 (3 left out", "log2(folkemengde)", "sentralitet 6", "Doubling the population", "By KOSTRA size group", "Grønt hefte 2025"} {
		if !strings.Contains(out, want) {
			t.Errorf("analyse output lacks %q:\n%s", want, out)
		}
	}
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"indicator", "analyse"}, 2},
		{[]string{"indicator", "analyse", "costindex2025", "--cov", "bogus"}, 1},
		{[]string{"indicator", "analyse", "nosuch"}, 1},
	} {
		_, _, err := runCmd(append(tt.args, "--db", db)...)
		if err == nil || exitCode(err) != tt.code {
			t.Errorf("%v: err %v (exit %d), want exit %d", tt.args, err, exitCode(err), tt.code)
		}
	}
}

func TestTasksChanges(t *testing.T) {
	db := filepath.Join(t.TempDir(), "tasks.db")
	out, _, err := runCmd("tasks", "list", "--db", db)
	if err != nil || !strings.Contains(out, "barnevern") {
		t.Fatalf("tasks list: %v\n%s", err, out)
	}
	short := func() int {
		out, _, err := runCmd("capacity", "--json", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		var res struct {
			Tasks []struct {
				ID      string
				Summary *struct {
					Short int `json:"municipalities_short"`
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		for _, task := range res.Tasks {
			if task.ID == "barnevern" {
				return task.Summary.Short
			}
		}
		t.Fatal("no barnevern in capacity output")
		return 0
	}
	before := short()
	if _, _, err := runCmd("tasks", "set", "barnevern", "min_team", "0", "--note", "test: ingen minstekrav", "--author", "Test", "--db", db); err != nil {
		t.Fatal(err)
	}
	if got := short(); got != 0 {
		t.Errorf("after setting min_team 0, %d municipalities short, want 0", got)
	}
	if _, _, err := runCmd("tasks", "reset", "barnevern", "min_team", "--author", "Test", "--db", db); err != nil {
		t.Fatal(err)
	}
	if got := short(); got != before {
		t.Errorf("after reset, %d short, want the shipped %d", got, before)
	}
	out, _, err = runCmd("tasks", "history", "--db", db)
	if err != nil || !strings.Contains(out, "test: ingen minstekrav") || !strings.Contains(out, "shipped value") {
		t.Errorf("history: %v\n%s", err, out)
	}
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"tasks", "set", "barnevern", "min_team", "x", "--note", "n", "--author", "a"}, 2},
		{[]string{"tasks", "set", "barnevern", "min_team", "3", "--author", "a"}, 1},
		{[]string{"tasks", "set", "nosuch", "min_team", "3", "--note", "n", "--author", "a"}, 1},
		{[]string{"tasks", "reset", "barnevern"}, 2},
		{[]string{"tasks", "bogus"}, 2},
	} {
		_, _, err := runCmd(append(tt.args, "--db", db)...)
		if err == nil || exitCode(err) != tt.code {
			t.Errorf("%v: err %v (exit %d), want exit %d", tt.args, err, exitCode(err), tt.code)
		}
	}
}
