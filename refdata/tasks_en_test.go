package refdata_test

import (
	"regexp"
	"strings"
	"testing"

	"generalist/refdata"
)

// TestShippedTasksInEnglish: every norm and note of the shipped task
// catalogue has its English text, for the English pages, and the English
// is written as English: no Norwegian decimal comma in a number, no
// Norwegian function words in a row, no task id.
func TestShippedTasksInEnglish(t *testing.T) {
	cat, err := refdata.EmbeddedTasks()
	if err != nil {
		t.Fatal(err)
	}
	comma := regexp.MustCompile(`\d,\d(?:\D|$)`)
	nb := regexp.MustCompile(`\b(?:og|ikke|som|skal|kan endres|årsverk|innbyggere|Antakelse)\b`)
	check := func(where, nbText, enText string) {
		t.Helper()
		switch {
		case nbText == "" && enText != "":
			t.Errorf("%s: English without the bokmål text", where)
		case nbText != "" && strings.TrimSpace(enText) == "":
			t.Errorf("%s: no English text", where)
		case comma.MatchString(strings.ReplaceAll(enText, ", ", " ")):
			t.Errorf("%s: a Norwegian decimal comma in the English text: %q", where, enText)
		case nb.MatchString(enText):
			t.Errorf("%s: Norwegian words in the English text: %q", where, nb.FindString(enText))
		}
		for _, task := range cat.Tasks {
			if strings.Contains(enText, task.ID) && strings.Contains(task.ID, "_") {
				t.Errorf("%s: the English text names the task by its id %s", where, task.ID)
			}
		}
	}
	for _, task := range cat.Tasks {
		check(task.ID+" norm", task.Norm, task.NormEN)
		check(task.ID+" note", task.Note, task.NoteEN)
		if s := task.Staffing; s != nil {
			check(task.ID+" fte_per_1000", s.FTEPer1000.Note, s.FTEPer1000.NoteEN)
			check(task.ID+" min_team", s.MinTeam.Note, s.MinTeam.NoteEN)
		}
	}
}
