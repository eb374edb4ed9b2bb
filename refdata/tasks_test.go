package refdata_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"generalist"
	"generalist/data"
	"generalist/internal/testkit"
	"generalist/refdata"
)

// mustTasks parses the embedded task catalogue once for all tests.
var mustTasks = testkit.Once(refdata.EmbeddedTasks)

func taskByID(t *testing.T, c *generalist.Catalogue) map[string]*generalist.Task {
	t.Helper()
	m := map[string]*generalist.Task{}
	for i := range c.Tasks {
		m[c.Tasks[i].ID] = &c.Tasks[i]
	}
	return m
}

// mustCSVTasks reads the source table of the catalogue,
// data/oppgaver_lovgrunnlag.csv, as maps from column to value.
func mustCSVTasks(t *testing.T) []map[string]string {
	t.Helper()
	return testkit.DataCSV(t, "oppgaver_lovgrunnlag.csv")
}

func TestEmbeddedTasksMatchCSV(t *testing.T) {
	cat := mustTasks(t)
	rows := mustCSVTasks(t)
	if len(rows) != 48 {
		t.Fatalf("oppgaver_lovgrunnlag.csv has %d tasks, want 48", len(rows))
	}
	if len(cat.Tasks) < len(rows) {
		t.Errorf("catalogue has %d tasks, want at least %d", len(cat.Tasks), len(rows))
	}
	byID := taskByID(t, cat)
	for _, row := range rows {
		id := row["id"]
		task, ok := byID[id]
		if !ok {
			t.Errorf("task %s of the CSV is missing", id)
			continue
		}
		for _, tt := range []struct{ field, got, want string }{
			{"name_nb", task.NameNB, row["navn_nb"]},
			{"name_en", task.NameEN, row["name_en"]},
			{"role", string(task.Role), row["rolle"]},
			{"sector", task.Sector, row["sektor"]},
			{"norm", task.Norm, row["bemanningsnorm"]},
			{"norm_source", task.NormSource, row["norm_kilde"]},
			{"individual_decisions", fmt.Sprint(task.IndividualDecisions), fmt.Sprint(row["enkeltvedtak"] == "ja")},
		} {
			if tt.got != tt.want {
				t.Errorf("%s: %s = %q, want %q (CSV)", id, tt.field, tt.got, tt.want)
			}
		}
		if !strings.Contains(task.LegalBasis, row["lovgrunnlag"]) {
			t.Errorf("%s: legal_basis = %q, want it to contain the CSV's %q", id, task.LegalBasis, row["lovgrunnlag"])
		}
	}
}

// TestEmbeddedTasksCoverRequired checks that the service areas the product
// must cover (PRODUCT.md section 2) map to tasks of the catalogue.
func TestEmbeddedTasksCoverRequired(t *testing.T) {
	byID := taskByID(t, mustTasks(t))
	for _, tt := range []struct {
		area string
		ids  []string
	}{
		{"barnehage", []string{"barnehage_bemanning", "barnehagemyndighet"}},
		{"grunnskole", []string{"grunnskole"}},
		{"PPT", []string{"ppt"}},
		{"kulturskole", []string{"kulturskole"}},
		{"barnevern", []string{"barnevern"}},
		{"helsestasjon og skolehelsetjeneste", []string{"helsestasjon_skolehelse"}},
		{"fastlege", []string{"fastlege"}},
		{"legevakt", []string{"legevakt", "legevaktsentral"}},
		{"hjemmetjenester", []string{"hjemmetjenester"}},
		{"sykehjem", []string{"sykehjem"}},
		{"psykisk helse og rus (psykologkompetanse)", []string{"psykolog"}},
		{"kommuneoverlege og smittevern", []string{"kommuneoverlege"}},
		{"folkehelse", []string{"folkehelsearbeid", "miljorettet_helsevern"}},
		{"NAV sosiale tjenester", []string{"sosiale_tjenester_nav"}},
		{"introduksjonsprogram", []string{"introduksjonsprogram"}},
		{"krisesenter", []string{"krisesenter"}},
		{"bibliotek", []string{"folkebibliotek"}},
		{"plan (kommuneplan)", []string{"kommuneplan", "kommunal_planstrategi", "reguleringsplan"}},
		{"byggesak", []string{"byggesak"}},
		{"oppmåling og matrikkel", []string{"matrikkel_oppmaling"}},
		{"landbruksforvaltning", []string{"landbruk_jordlova"}},
		{"miljø og forurensning", []string{"forurensningsmyndighet"}},
		{"brann og redning", []string{"brann_ledelse_forebygging", "brann_beredskap"}},
		{"beredskap", []string{"samfunnssikkerhet_beredskap"}},
		{"vann og avløp", []string{"drikkevann", "forurensningsmyndighet"}},
		{"renovasjon", []string{"renovasjon"}},
		{"valg", []string{"valggjennomforing"}},
		{"kontrollutvalg og revisjon", []string{"kontrollutvalg", "revisjon"}},
	} {
		for _, id := range tt.ids {
			if byID[id] == nil {
				t.Errorf("%s: task %s is missing", tt.area, id)
			}
		}
	}
}

// TestEmbeddedTasksNumbers checks the rule "real data, nothing invented":
// every number is sourced or an assumption that says what it rests on and
// that the user can change it, and the list of purely sourced numbers is
// the one data/README.md gives.
func TestEmbeddedTasksNumbers(t *testing.T) {
	cat := mustTasks(t)
	sourced := map[string]float64{}
	staffed := 0
	for i := range cat.Tasks {
		task := &cat.Tasks[i]
		s := task.Staffing
		if s == nil {
			continue
		}
		staffed++
		for _, p := range []struct {
			name string
			p    generalist.Param
		}{{"fte_per_1000", s.FTEPer1000}, {"min_team", s.MinTeam}} {
			where := task.ID + "." + p.name
			if err := p.p.Validate(where); err != nil {
				t.Error(err)
			}
			if strings.Contains(p.p.Source, "UNVERIFIED") || strings.Contains(p.p.Source, "ikke verifisert") {
				t.Errorf("%s: source %q cites something unverified", where, p.p.Source)
			}
			if !p.p.Assumption {
				sourced[where] = p.p.Value
				continue
			}
			if !strings.Contains(p.p.Note, "Antakelse") || !strings.Contains(p.p.Note, "kan endres") {
				t.Errorf("%s: note %q should say «Antakelse: …» and «kan endres»", where, p.p.Note)
			}
		}
	}
	want := map[string]float64{"brann_ledelse_forebygging.fte_per_1000": 0.1}
	if fmt.Sprint(sourced) != fmt.Sprint(want) {
		t.Errorf("numbers sourced without assumption = %v, want %v (update data/README.md too)", sourced, want)
	}
	if staffed != 32 {
		t.Errorf("%d tasks have a staffing model, want 32 (update data/README.md too)", staffed)
	}
	byID := taskByID(t, cat)
	// Purely political tasks have no invented team.
	for _, id := range []string{"kommunestyre", "valggjennomforing", "medvirkningsorganer", "okonomiplan_budsjett"} {
		if byID[id].Staffing != nil {
			t.Errorf("%s has a staffing model, want none (a political task)", id)
		}
	}
	for _, tt := range []struct {
		id     string
		served []generalist.AgeGroup
	}{
		{"grunnskole", []generalist.AgeGroup{generalist.Age6To15}},
		{"barnehage_bemanning", []generalist.AgeGroup{generalist.Age0To1, generalist.Age2To5}},
		{"sykehjem", []generalist.AgeGroup{generalist.Age67To79, generalist.Age80To89, generalist.Age90Plus}},
		{"hjemmetjenester", []generalist.AgeGroup{generalist.Age67To79, generalist.Age80To89, generalist.Age90Plus}},
		{"barnevern", []generalist.AgeGroup{generalist.Age0To1, generalist.Age2To5, generalist.Age6To15, generalist.Age16To22}},
		{"byggesak", nil},
	} {
		if got := byID[tt.id].Staffing.Served; fmt.Sprint(got) != fmt.Sprint(tt.served) {
			t.Errorf("%s: served = %v, want %v", tt.id, got, tt.served)
		}
	}
}

// TestEmbeddedTasksForms checks the IMC forms against the law: a task with
// enkeltvedtak or forskrift lists no form that may not exercise authority
// (Validate), and the forms a source names are there.
func TestEmbeddedTasksForms(t *testing.T) {
	byID := taskByID(t, mustTasks(t))
	for _, tt := range []struct {
		id   string
		want generalist.IMCForm
	}{
		{"kommuneoverlege", generalist.FormHostAdmin},           // folkehelseloven § 7 c
		{"matrikkel_oppmaling", generalist.FormHostAdmin},       // matrikkellova § 5 a: kommuneloven kap. 20
		{"miljorettet_helsevern", generalist.FormIKS},           // folkehelseloven from 2026
		{"sosiale_tjenester_nav", generalist.FormHostAdmin},     // sosialtjenesteloven § 3
		{"revisjon", generalist.FormKO},                         // kommuneloven § 24-1
		{"revisjon", generalist.FormIKS},                        // kommuneloven § 24-1
		{"brann_ledelse_forebygging", generalist.FormHostAdmin}, // brann- og redningsvesenforskriften § 2 c
	} {
		found := false
		for _, f := range byID[tt.id].Forms {
			found = found || f == tt.want
		}
		if !found {
			t.Errorf("%s: imc_forms = %v, want it to include %s", tt.id, byID[tt.id].Forms, tt.want)
		}
	}
	if f := byID["barnevern"].Forms; len(f) != 0 {
		t.Errorf("barnevern: imc_forms = %v, want none (no source says how)", f)
	}
}

// fixture is a small valid catalogue; the rejection tests break it in one
// place each. Line numbers matter: the tests name them.
const fixture = `{
  "version": "t",
  "tasks": [
    {
      "id": "grunnskole",
      "name_nb": "Grunnskoleopplæring",
      "name_en": "Primary and lower-secondary education",
      "role": "tjenesteyter",
      "sector": "oppvekst",
      "legal_basis": "opplæringslova (LOV-2023-06-09-30)",
      "individual_decisions": true,
      "regulations": true,
      "norm": "Maks 15 elever per lærer på 1.–4. trinn.",
      "norm_source": "opplæringsforskrifta § 14A-1",
      "staffing": {
        "served": ["alder_6_15"],
        "fte_per_1000": {"value": 56.7, "source": "lærernormen", "assumption": true, "note": "Antakelse: like store årskull; kan endres."},
        "min_team": {"value": 4, "assumption": true, "note": "Antakelse: fådelt skole; kan endres."}
      }
    },
    {
      "id": "kulturskole",
      "name_nb": "Kulturskole",
      "name_en": "Municipal school of arts",
      "role": "tjenesteyter",
      "sector": "kultur",
      "legal_basis": "opplæringslova (LOV-2023-06-09-30)",
      "individual_decisions": false,
      "regulations": false,
      "imc_forms": ["kommunalt_oppgavefellesskap"]
    }
  ]
}
`

func TestParseTasksRejects(t *testing.T) {
	for _, tt := range []struct {
		name     string
		old, new string
		want     []string // substrings of the error message
	}{
		{"OK", "", "", nil},
		{"UnknownRole", `"role": "tjenesteyter",
      "sector": "kultur"`, `"role": "byråkrat",
      "sector": "kultur"`,
			[]string{"tasks.json, task 2 (kulturskole): ", `role "byråkrat" must be one of`}},
		{"EmptyLegalBasis", `"legal_basis": "opplæringslova (LOV-2023-06-09-30)",
      "individual_decisions": false`, `"legal_basis": " ",
      "individual_decisions": false`,
			[]string{"tasks.json, task 2 (kulturskole): legal_basis is required"}},
		{"MissingLegalBasis", `"legal_basis": "opplæringslova (LOV-2023-06-09-30)",
      "individual_decisions": true,`, `"individual_decisions": true,`,
			[]string{"tasks.json line 4, column 5, task 1 (grunnskole): ", `missing field "legal_basis"`}},
		{"NegativeNorm", `"value": 4,`, `"value": -4,`,
			[]string{"tasks.json, task 1 (grunnskole): ", "min_team: -4 must be a non-negative number"}},
		{"AssumptionWithoutNote", `"assumption": true, "note": "Antakelse: fådelt skole; kan endres."`, `"assumption": true`,
			[]string{"tasks.json, task 1 (grunnskole): ", "min_team: an assumption needs a note"}},
		{"Unsourced", `"value": 4, "assumption": true, "note": "Antakelse: fådelt skole; kan endres."`, `"value": 4, "assumption": false`,
			[]string{"tasks.json, task 1 (grunnskole): ", "min_team: give a source, or mark it as an assumption"}},
		{"NormWithoutSource", `      "norm_source": "opplæringsforskrifta § 14A-1",
`, "",
			[]string{"tasks.json, task 1 (grunnskole): norm and norm_source go together"}},
		{"UnknownField", `"sector": "kultur",`, `"sector": "kultur", "staffng": {},`,
			[]string{"tasks.json line 26, column 27, task 2 (kulturskole): ", `unknown field "staffng"`}},
		{"UnknownFieldNested", `"value": 4,`, `"value": 4, "sourc": "x",`,
			[]string{"tasks.json line 18, column 34, task 1 (grunnskole): ", `unknown field "sourc" in staffing.min_team`}},
		{"FieldInWrongCase", `"sector": "kultur",`, `"sector": "kultur", "Role": "tjenesteyter",`,
			[]string{"tasks.json line 26, column 27, task 2 (kulturskole): ", `unknown field "Role"`}},
		{"UnknownTopLevelField", `"version": "t",`, `"versjon": "t",`,
			[]string{"tasks.json line 2, column 3: ", `unknown field "versjon"`}},
		{"DuplicateKey", `"sector": "kultur",`, `"sector": "kultur", "sector": "kunst",`,
			[]string{"tasks.json line 26, column 27, task 2 (kulturskole): ", `field "sector" appears twice`}},
		{"MissingFlag", `      "regulations": false,
`, "",
			[]string{"tasks.json line 21, column 5, task 2 (kulturskole): ", `missing field "regulations"`}},
		{"Null", `"value": 4,`, `"value": null,`,
			[]string{"tasks.json line 18, column 31, task 1 (grunnskole): ", "staffing.min_team.value must not be null"}},
		{"WrongType", `"value": 56.7,`, `"value": "56,7",`,
			[]string{"tasks.json line 17, column 35, task 1 (grunnskole): ", "staffing.fte_per_1000.value must be a number, not a string"}},
		{"MalformedJSON", `"sector": "kultur",`, `"sector": "kultur",,`,
			[]string{"tasks.json line 26, column 26: ", "invalid character ','"}},
		{"MalformedJSONUnclosed", "  ]\n}\n", "",
			[]string{"tasks.json line 32, column 1: ", "unexpected end of the file"}},
		{"TrailingData", "  ]\n}\n", "  ]\n}\n{}\n",
			[]string{"tasks.json line 34, column 1: ", "unexpected data after the catalogue"}},
		{"FormWithoutAuthority", `"regulations": true,`, `"regulations": true, "imc_forms": ["kommunalt_oppgavefellesskap"],`,
			[]string{"tasks.json, task 1 (grunnskole): ", "the task involves enkeltvedtak or forskrift, which form kommunalt_oppgavefellesskap may not exercise"}},
		{"UnknownForm", `["kommunalt_oppgavefellesskap"]`, `["interkommunalt_samarbeid"]`,
			[]string{"tasks.json, task 2 (kulturskole): ", `unknown IMC form "interkommunalt_samarbeid"`}},
		{"DuplicateID", `"id": "kulturskole",`, `"id": "grunnskole",`,
			[]string{"tasks.json, task 2 (grunnskole): id grunnskole is already used by task 1"}},
		{"UnknownAgeGroup", `["alder_6_15"]`, `["alder_6_16"]`,
			[]string{"tasks.json line 16, column 20, task 1 (grunnskole): ", `staffing.served[0]: age group "alder_6_16": must be one of`}},
		{"AgeGroupAsNumber", `["alder_6_15"]`, `[2]`,
			[]string{"tasks.json line 16, column 20, task 1 (grunnskole): ", "staffing.served[0] must be a string, not a number"}},
		{"RepeatedAgeGroup", `["alder_6_15"]`, `["alder_6_15", "alder_6_15"]`,
			[]string{"tasks.json, task 1 (grunnskole): ", "is unknown or repeated"}},
		{"MissingVersion", `"version": "t",`, `"version": "",`,
			[]string{"tasks.json: version is required"}},
		{"Empty", fixture, "",
			[]string{"tasks.json: the file is empty"}},
		{"NotUTF8", "Kulturskole", "Kulturskole\xf8",
			[]string{"tasks.json line 23, column 30: ", "not valid UTF-8"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := fixture
			if tt.old != "" {
				if !strings.Contains(in, tt.old) {
					t.Fatalf("fixture does not contain %q", tt.old)
				}
				in = strings.Replace(in, tt.old, tt.new, 1)
			}
			cat, err := refdata.ParseTasks(strings.NewReader(in), "tasks.json")
			if tt.want == nil {
				if err != nil {
					t.Fatalf("ParseTasks = %v, want success", err)
				}
				if len(cat.Tasks) != 2 || cat.Tasks[0].Staffing.Served[0] != generalist.Age6To15 {
					t.Errorf("ParseTasks = %+v, want the two fixture tasks", cat)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseTasks succeeded, want error containing %q", tt.want)
			}
			if code := generalist.ErrorCode(err); code != generalist.EINVALID {
				t.Errorf("ErrorCode(%v) = %q, want %q", err, code, generalist.EINVALID)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("ParseTasks error = %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

// TestEmbeddedTasksFileIsEmbedded guards the go:embed pattern of package
// data, which must include *.json.
func TestEmbeddedTasksFileIsEmbedded(t *testing.T) {
	if _, err := fs.Stat(data.FS, refdata.TasksFile); err != nil {
		t.Fatalf("data.FS: %v (does data/embed.go embed *.json?)", err)
	}
}
