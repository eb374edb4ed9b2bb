package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestTasksCounty(t *testing.T) {
	db := filepath.Join(t.TempDir(), "county.db")
	out, _, err := runCmd("tasks", "list", "--county", "--db", db)
	if err != nil {
		t.Fatalf("tasks list --county: %v\n%s", err, out)
	}
	for _, want := range []string{"videregaende", "tannhelsetjenesteloven", "partly (UNVERIFIED part)", "no (UNVERIFIED)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, err = runCmd("tasks", "list", "--county", "--json", "--db", db)
	var cat struct {
		Tasks []struct {
			ID       string   `json:"id"`
			Verified string   `json:"verified"`
			Sources  []string `json:"sources"`
		} `json:"tasks"`
	}
	if err != nil || json.Unmarshal([]byte(out), &cat) != nil || len(cat.Tasks) < 12 {
		t.Fatalf("--json: %v\n%.300s", err, out)
	}
	if _, _, err := runCmd("tasks", "history", "--county", "--db", db); err == nil || !strings.Contains(err.Error(), "--county goes with list only") {
		t.Errorf("history --county: %v", err)
	}
}
