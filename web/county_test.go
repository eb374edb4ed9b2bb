package web_test

import (
	"encoding/json"
	"html"
	"strings"
	"testing"
)

// TestCountyTasks: the county authority's catalogue on /oppgaver in both
// languages, unverified legal bases marked, each task's note in the
// page's language, and in the API by level with the English note.
func TestCountyTasks(t *testing.T) {
	nb := get(t, "/oppgaver")
	for _, want := range []string{`id="fylkeskommunen"`, "Fylkeskommunens oppgaver", "Videregående opplæring", "tannhelsetjenesteloven (LOV-1983-06-03-54) §§ 1-1 og 1-3", "ikke verifisert (deler av lovgrunnlaget)", `href="/api/v1/tasks?level=county"`, `data-label="Lovgrunnlag"`} {
		if !strings.Contains(nb.Body, want) {
			t.Errorf("/oppgaver lacks %q", want)
		}
	}
	// Every task that is not fully verified carries the mark in its row.
	for _, id := range []string{"videregaende", "vilt_innlandsfisk_friluftsliv", "regional_utvikling"} {
		i := strings.Index(nb.Body, `id="county-task-`+id+`"`)
		if i < 0 {
			t.Fatalf("no row for %s", id)
		}
		row := nb.Body[i:]
		row = row[:strings.Index(row, "</tr>")]
		if !strings.Contains(row, "ikke verifisert") {
			t.Errorf("the row of %s is not marked «ikke verifisert»", id)
		}
	}
	en := get(t, "/oppgaver?lang=en")
	// data-label names a cell on a phone, where the rows are stacked.
	for _, want := range []string{"The county authority&#39;s tasks", "Upper-secondary education", "not verified", `data-label="Legal basis"`, `data-label="Role"`} {
		if !strings.Contains(en.Body, want) {
			t.Errorf("/oppgaver?lang=en lacks %q", want)
		}
	}

	api := get(t, "/api/v1/tasks?level=county")
	var cat struct {
		Version string `json:"version"`
		Tasks   []struct {
			ID, LegalBasis string
			Verified       string   `json:"verified"`
			Sources        []string `json:"sources"`
			Note           string   `json:"note"`
			NoteEN         string   `json:"note_en"`
		} `json:"tasks"`
	}
	if api.Status != 200 || json.Unmarshal([]byte(api.Body), &cat) != nil || len(cat.Tasks) < 12 || cat.Version == "" {
		t.Fatalf("level=county: %d %.200s", api.Status, api.Body)
	}
	notes := 0
	for _, tk := range cat.Tasks {
		if len(tk.Sources) == 0 || tk.Verified == "" {
			t.Errorf("%s: sources %v, verified %q", tk.ID, tk.Sources, tk.Verified)
		}
		if tk.Note == "" {
			continue
		}
		notes++
		if tk.NoteEN == "" {
			t.Errorf("level=county: %s has a note but no note_en", tk.ID)
			continue
		}
		// Each page gives the note in its own language, in the task's row.
		for _, p := range []struct{ page, lang, want, not string }{{nb.Body, "nb", tk.Note, tk.NoteEN}, {en.Body, "en", tk.NoteEN, tk.Note}} {
			i := strings.Index(p.page, `id="county-task-`+tk.ID+`"`)
			if i < 0 {
				t.Fatalf("%s: no row for %s", p.lang, tk.ID)
			}
			row := p.page[i:]
			row = row[:strings.Index(row, "</tr>")]
			if !strings.Contains(row, html.EscapeString(p.want)) || strings.Contains(row, html.EscapeString(p.not)) {
				t.Errorf("/oppgaver in %s: the row of %s does not give its note in %s", p.lang, tk.ID, p.lang)
			}
		}
	}
	if notes == 0 {
		t.Error("level=county: no task has a note")
	}
	if mun := get(t, "/api/v1/tasks?level=municipality"); mun.Status != 200 || !strings.Contains(mun.Body, `"barnevern"`) {
		t.Errorf("level=municipality: %d", mun.Status)
	}
	bad := get(t, "/api/v1/tasks?level=fylke")
	if bad.Status != 400 || !strings.Contains(bad.Body, `level \"fylke\": must be municipality or county`) && !strings.Contains(bad.Body, `level "fylke"`) {
		t.Errorf("level=fylke: %d %s", bad.Status, bad.Body)
	}
}

// TestCountyCompare: the comparison shows the county lever's consequences
// and what cannot be computed, in both languages; a scenario without a
// county lever has no such section.
func TestCountyCompare(t *testing.T) {
	nb := get(t, "/scenarier/sammenlign?id=fylkeskommunen-avvikles")
	for _, want := range []string{`id="county"`, "Fylkeskommunen legges ned.", "I dag bærer 15 fylker", "Oppgaver som flyttes", "Videregående opplæring", "ikke verifisert (deler av lovgrunnlaget)",
		"Hvem som tar oppgavene", "Staten", "Kommunene", "ett organ med", "Opphører med fylkeskommunen: Fylkestinget", "Dette kan Generalist ikke regne ut", "Kostnader og inntekter", "Statens organisering"} {
		if !strings.Contains(nb.Body, want) {
			t.Errorf("comparison lacks %q", want)
		}
	}
	en := get(t, "/scenarier/sammenlign?id=fylkeskommunen-avvikles&lang=en")
	for _, want := range []string{"The county authority is abolished.", "Tasks moved", "Upper-secondary education", "What Generalist cannot compute", "Costs and income"} {
		if !strings.Contains(en.Body, want) {
			t.Errorf("English comparison lacks %q", want)
		}
	}
	relief := get(t, "/scenarier/sammenlign?id=fylket-avlaster-sarbare")
	if !strings.Contains(relief.Body, "Kommunale oppgaver fylkeskommunen tar") || !strings.Contains(relief.Body, "Fylkeskommunens evne til å overta kommunale oppgaver") {
		t.Error("county relief: no table of the municipal tasks the county takes, or no limits")
	}
	if other := get(t, "/scenarier/sammenlign?id=sammenslaing-5000"); strings.Contains(other.Body, `id="county"`) {
		t.Error("a scenario without a county lever shows the county section")
	}
}
