package refdata_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"generalist/refdata"
)

// TestShippedCountyTasksInEnglish: every note of the shipped county task
// catalogue has its English text, for the English pages. The English is
// written as English (no Norwegian function words, no Norwegian decimal
// comma, no task id or file name), and it marks as UNVERIFIED exactly
// what the bokmål note marks.
func TestShippedCountyTasksInEnglish(t *testing.T) {
	cat, err := refdata.EmbeddedCountyTasks()
	if err != nil {
		t.Fatal(err)
	}
	comma := regexp.MustCompile(`\d,\d(?:\D|$)`)
	nb := regexp.MustCompile(`\b(?:og|ikke|som|skal|er|til|fra|bl\.a|kap|punkt|ledd|merknad|fylkeskommunen|fylkestinget)\b`)
	file := regexp.MustCompile(`\b[\w-]+\.(?:csv|json|md)\b`)
	notes := 0
	for _, ct := range cat.Tasks {
		if ct.Note == "" {
			continue
		}
		notes++
		en := ct.NoteEN
		switch {
		case strings.TrimSpace(en) == "":
			t.Errorf("%s: no English note", ct.ID)
		case en == ct.Note:
			t.Errorf("%s: the English note is the bokmål note", ct.ID)
		case comma.MatchString(strings.ReplaceAll(en, ", ", " ")):
			t.Errorf("%s: a Norwegian decimal comma in the English note: %q", ct.ID, en)
		case nb.MatchString(en):
			t.Errorf("%s: Norwegian words in the English note: %q", ct.ID, nb.FindString(en))
		case file.MatchString(en):
			t.Errorf("%s: the English note names a file: %q", ct.ID, file.FindString(en))
		case strings.Contains(ct.Note, "UNVERIFIED") != strings.Contains(en, "UNVERIFIED"):
			t.Errorf("%s: the bokmål and English notes differ in what they mark UNVERIFIED", ct.ID)
		}
		for _, other := range cat.Tasks {
			if strings.Contains(en, other.ID) && strings.Contains(other.ID, "_") {
				t.Errorf("%s: the English note names a task by its id %s", ct.ID, other.ID)
			}
		}
	}
	if notes == 0 {
		t.Fatal("the shipped county catalogue has no notes to check")
	}
}

// TestParseCountyTasksNoteEN: the English note is read into NoteEN, and
// a file without the note_en column is refused at its header.
func TestParseCountyTasksNoteEN(t *testing.T) {
	const row = "vgo,Vgo,Upper,tjenesteyter,utdanning,opplæringslova,ja,,https://x,«Fylkeskommunen skal …»,The county authority shall …\n"
	fsys := fstest.MapFS{
		"new.csv": {Data: []byte("id,navn_nb,name_en,rolle,sektor,lovgrunnlag,verifisert,betjener,kilde,merknad,note_en\n" + row)},
		"old.csv": {Data: []byte("id,navn_nb,name_en,rolle,sektor,lovgrunnlag,verifisert,betjener,kilde,merknad\n" + strings.TrimSuffix(row, ",The county authority shall …\n") + "\n")},
	}
	cat, err := refdata.ParseCountyTasks(fsys, "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got := cat.Tasks[0].NoteEN; got != "The county authority shall …" {
		t.Errorf("NoteEN = %q", got)
	}
	if _, err := refdata.ParseCountyTasks(fsys, "old.csv"); err == nil || !strings.Contains(err.Error(), "old.csv line 1") {
		t.Errorf("a file without note_en: err = %v, want one naming the header line", err)
	}
}
