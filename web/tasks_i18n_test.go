package web

import (
	"testing"

	"generalist/refdata"
)

// TestSectorNames checks that every sector of the shipped task catalogue
// has a name in both languages, so /oppgaver never shows a sector key.
func TestSectorNames(t *testing.T) {
	cat, err := refdata.EmbeddedTasks()
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range cat.Tasks {
		m, ok := messages["sector."+task.Sector]
		if !ok || m[0] == "" || m[1] == "" {
			t.Errorf("task %s: sector %q has no name in the catalogue (key sector.%s)", task.ID, task.Sector, task.Sector)
		}
	}
}
