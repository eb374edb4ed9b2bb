package generalist

import "testing"

// TestTaskHeadMessages pins the messages of the checks both task
// catalogues share (id, names, role, sector, legal basis), word for word:
// each names its own kind of record and its own column for the bokmål
// name (name_nb in tasks.json, navn_nb in fylkesoppgaver.csv).
func TestTaskHeadMessages(t *testing.T) {
	task := func(edit func(*Task)) error {
		x := Task{ID: "barnevern", NameNB: "Barnevern", NameEN: "Child welfare", Role: RoleAuthority, Sector: "barnevern", LegalBasis: "barnevernsloven"}
		edit(&x)
		return x.Validate()
	}
	county := func(edit func(*CountyTask)) error {
		x := CountyTask{ID: "tannhelse", NameNB: "Tannhelse", NameEN: "Dental", Role: RoleServiceProvider, Sector: "helse",
			LegalBasis: "tannhelsetjenesteloven § 1-1", Verified: VerifiedYes, Sources: []string{"https://lovdata.no"}}
		edit(&x)
		return x.Validate()
	}
	checkErrors(t, []errorCase{
		{"task ok", task(func(*Task) {}), ""},
		{"task empty id", task(func(x *Task) { x.ID = "" }), `task "": id must be a non-empty word`},
		{"task id with a slash", task(func(x *Task) { x.ID = "a/b" }), `task "a/b": id must be a non-empty word`},
		{"task no bokmål name", task(func(x *Task) { x.NameNB = "" }), "task barnevern: name_nb and name_en are required"},
		{"task no English name", task(func(x *Task) { x.NameEN = "" }), "task barnevern: name_nb and name_en are required"},
		{"task role", task(func(x *Task) { x.Role = "konge" }), `task barnevern: role "konge" must be one of tjenesteyter, demokratisk_arena, myndighetsutover, samfunnsutvikler`},
		{"task sector", task(func(x *Task) { x.Sector = "" }), "task barnevern: sector is required"},
		{"task legal basis", task(func(x *Task) { x.LegalBasis = " " }), "task barnevern: legal_basis is required"},
		{"county ok", county(func(*CountyTask) {}), ""},
		{"county empty id", county(func(x *CountyTask) { x.ID = "" }), `county task "": id must be a non-empty word`},
		{"county id with a space", county(func(x *CountyTask) { x.ID = "tann helse" }), `county task "tann helse": id must be a non-empty word`},
		{"county no bokmål name", county(func(x *CountyTask) { x.NameNB = "" }), "county task tannhelse: navn_nb and name_en are required"},
		{"county no English name", county(func(x *CountyTask) { x.NameEN = "" }), "county task tannhelse: navn_nb and name_en are required"},
		{"county role", county(func(x *CountyTask) { x.Role = "" }), `county task tannhelse: role "" must be one of tjenesteyter, demokratisk_arena, myndighetsutover, samfunnsutvikler`},
		{"county sector", county(func(x *CountyTask) { x.Sector = "" }), "county task tannhelse: sector is required"},
		{"county legal basis", county(func(x *CountyTask) { x.LegalBasis = "" }), "county task tannhelse: give the legal basis, or write UNVERIFIED and what is known"},
	})
}

// TestCatalogueRepeatedTask pins the message of both catalogues for a
// task id given twice, and that an invalid task is reported first.
func TestCatalogueRepeatedTask(t *testing.T) {
	task := Task{ID: "barnevern", NameNB: "Barnevern", NameEN: "Child welfare", Role: RoleAuthority, Sector: "barnevern", LegalBasis: "barnevernsloven"}
	other := task
	other.ID = "kulturskole"
	bad := task
	bad.Sector = ""
	county := CountyTask{ID: "tannhelse", NameNB: "Tannhelse", NameEN: "Dental", Role: RoleServiceProvider, Sector: "helse",
		LegalBasis: "tannhelsetjenesteloven § 1-1", Verified: VerifiedYes, Sources: []string{"https://lovdata.no"}}
	badCounty := county
	badCounty.NameEN = ""
	checkErrors(t, []errorCase{
		{"tasks ok", (&Catalogue{Version: "v1", Tasks: []Task{task, other}}).Validate(), ""},
		{"task twice", (&Catalogue{Version: "v1", Tasks: []Task{task, other, task}}).Validate(), "task catalogue: task barnevern appears twice"},
		{"invalid task before the repeat", (&Catalogue{Version: "v1", Tasks: []Task{task, other, bad}}).Validate(), "task barnevern: sector is required"},
		{"county ok", (&CountyCatalogue{Tasks: []CountyTask{county}}).Validate(), ""},
		{"county task twice", (&CountyCatalogue{Tasks: []CountyTask{county, county}}).Validate(), "county task catalogue: task tannhelse appears twice"},
		{"invalid county task before the repeat", (&CountyCatalogue{Tasks: []CountyTask{county, badCounty}}).Validate(), "county task tannhelse: navn_nb and name_en are required"},
	})
}

// errorCase is an error a check gave, and the EINVALID message wanted
// ("" for none).
type errorCase struct {
	name string
	err  error
	want string
}

func checkErrors(t *testing.T, cases []errorCase) {
	t.Helper()
	for _, c := range cases {
		switch {
		case c.want == "" && c.err != nil:
			t.Errorf("%s: %v", c.name, c.err)
		case c.want != "" && c.err == nil:
			t.Errorf("%s: no error, want %q", c.name, c.want)
		case c.want != "" && (c.err.Error() != c.want || ErrorCode(c.err) != EINVALID):
			t.Errorf("%s: %s %q, want EINVALID %q", c.name, ErrorCode(c.err), c.err, c.want)
		}
	}
}
