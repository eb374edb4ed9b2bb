package refdata

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"generalist"
	"generalist/data"
)

func TestEmbeddedCountyTasks(t *testing.T) {
	c, err := EmbeddedCountyTasks()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Tasks) < 12 {
		t.Fatalf("%d county tasks, want the catalogue's dozen or more", len(c.Tasks))
	}
	for _, id := range []string{"videregaende", "fylkesveg", "kollektivtransport", "tannhelse", "regional_planlegging", "kulturminnevern", "folkehelse"} {
		if c.Task(id) == nil {
			t.Errorf("task %s is missing", id)
		}
	}
	for _, ct := range c.Tasks {
		if strings.TrimSpace(ct.LegalBasis) == "" {
			t.Errorf("%s: no legal basis", ct.ID)
		}
		if len(ct.Sources) == 0 {
			t.Errorf("%s: no source", ct.ID)
		}
		for _, s := range ct.Sources {
			if !strings.HasPrefix(s, "http") && !strings.Contains(s, "/") {
				t.Errorf("%s: source %q is neither an address nor a repository path", ct.ID, s)
			}
		}
		unverified := strings.Contains(ct.LegalBasis+ct.Note, "UNVERIFIED")
		if ct.Verified != generalist.VerifiedYes && !unverified {
			t.Errorf("%s: verified %s without an UNVERIFIED mark", ct.ID, ct.Verified)
		}
	}
	// The source notes list every task of the CSV.
	b, err := fs.ReadFile(data.FS, "fylkesoppgaver.md")
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	for _, ct := range c.Tasks {
		if !strings.Contains(md, "`"+ct.ID+"`") {
			t.Errorf("fylkesoppgaver.md does not list %s", ct.ID)
		}
	}
}

func TestParseCountyTasksRefuses(t *testing.T) {
	const header = "id,navn_nb,name_en,rolle,sektor,lovgrunnlag,verifisert,betjener,kilde,merknad,note_en\n"
	for _, tc := range []struct{ name, body, want string }{
		{"no basis", "vgo,Vgo,Upper,tjenesteyter,utdanning,,ja,,https://x,,\n", `line 2, field "lovgrunnlag": is empty`},
		{"unmarked", "vgo,Vgo,Upper,tjenesteyter,utdanning,opplæringslova,delvis,,https://x,note,note\n", "must say in the legal basis or the note what is UNVERIFIED"},
		{"degree", "vgo,Vgo,Upper,tjenesteyter,utdanning,opplæringslova,kanskje,,https://x,,\n", `verified "kanskje" must be ja, delvis or nei`},
		{"no source", "vgo,Vgo,Upper,tjenesteyter,utdanning,opplæringslova,ja,,,,\n", "give at least one source"},
		{"age", "vgo,Vgo,Upper,tjenesteyter,utdanning,opplæringslova,ja,alder_16_19,https://x,,\n", `field "betjener": age group "alder_16_19"`},
		{"role", "vgo,Vgo,Upper,skole,utdanning,opplæringslova,ja,,https://x,,\n", `role "skole"`},
		{"twice", "vgo,Vgo,Upper,tjenesteyter,utdanning,opplæringslova,ja,,https://x,,\nvgo,Vgo,Upper,tjenesteyter,utdanning,opplæringslova,ja,,https://x,,\n", "line 3, field \"id\": vgo is already used on line 2"},
		{"columns", "vgo,Vgo\n", "line 2: wrong number of fields"},
		{"no English note", "vgo,Vgo,Upper,tjenesteyter,utdanning,opplæringslova,ja,,https://x,merknad,\n", `line 2, field "note_en": is empty: give merknad in English`},
		{"English note only", "vgo,Vgo,Upper,tjenesteyter,utdanning,opplæringslova,ja,,https://x,, note\n", `line 2, field "note_en": is given, but merknad is empty`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"f.csv": {Data: []byte(header + tc.body)}}
			_, err := ParseCountyTasks(fsys, "f.csv")
			if err == nil || !strings.Contains(err.Error(), tc.want) || generalist.ErrorCode(err) != generalist.EINVALID {
				t.Fatalf("err = %v, want EINVALID with %q", err, tc.want)
			}
		})
	}
}
