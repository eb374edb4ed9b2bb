package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"generalist"
	"generalist/sqlstore"
)

// The inputs (innspill): generalist.InputStore.

// minimalPDF is the smallest PDF CheckPDF accepts; test data.
const minimalPDF = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

// newInput returns a valid new input; the text makes it unique.
func newInput(title, text string) *generalist.Input {
	return &generalist.Input{Kind: generalist.InputChallenge, Title: title, Text: text, SenderType: generalist.SenderPerson,
		Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputNew}
}

func mustCreateInput(t *testing.T, db *sqlstore.DB, in *generalist.Input) *generalist.Input {
	t.Helper()
	if err := db.CreateInput(context.Background(), in); err != nil {
		t.Fatalf("CreateInput(%q) = %v", in.Title, err)
	}
	return in
}

// inputState is everything the input store's read methods return, for
// comparing the store before and after a failed write.
func inputState(t *testing.T, db *sqlstore.DB) []any {
	t.Helper()
	ctx := context.Background()
	ins, total, err := db.ListInputs(ctx, generalist.InputFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	tags, err := db.TagCounts(ctx, generalist.InputFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := []any{total, ins, tags}
	for _, in := range ins {
		a, err := db.Attachment(ctx, in.ID)
		if err != nil && generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

func inputIDs(ins []generalist.Input) []int64 {
	out := []int64{}
	for _, in := range ins {
		out = append(out, in.ID)
	}
	return out
}

func testInputs(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }

	first := newInput("Rekruttering av sykepleiere", "Vi har lyst ut stillingen tre ganger uten kvalifiserte søkere.\n\nEt felles vikarbyrå kunne hjelpe.")
	first.Tags = []generalist.InputTag{"utfordring.rekruttering", "rolle.tjenesteyter"}
	first.Municipality, first.SenderType = "1151", generalist.SenderMunicipality
	first.Name, first.Organisation, first.Email = "Kari Nordmann", "Utsira kommune", "Kari@Example.no"
	first.Attachment = &generalist.InputAttachment{Name: "notat.pdf", Size: int64(len(minimalPDF)), SHA256: "", Data: []byte(minimalPDF)}
	a, err := generalist.NewInputAttachment("../notat.pdf", []byte(minimalPDF))
	if err != nil {
		t.Fatal(err)
	}
	first.Attachment = a

	t.Run("Create", func(t *testing.T) {
		mustCreateInput(t, db, first)
		if first.ID != 1 || first.Version != 1 || first.Status != generalist.InputNew || !first.CreatedAt.Equal(now) || first.TextHash == "" ||
			first.County != "11" || first.Email != "kari@example.no" || first.Attachment.Name != "notat.pdf" {
			t.Fatalf("created %+v", first)
		}
		if _, err := generalist.ParseInputReference(first.Reference); err != nil {
			t.Errorf("reference %q: %v", first.Reference, err)
		}
		got, err := db.Input(ctx, first.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := *first
		want.Attachment = &generalist.InputAttachment{Name: a.Name, Size: a.Size, SHA256: a.SHA256}
		if !reflect.DeepEqual(got, &want) {
			t.Errorf("Input(1) =\n%+v\nwant\n%+v", got, &want)
		}
		byRef, err := db.InputByReference(ctx, strings.ToLower(first.Reference))
		if err != nil || !reflect.DeepEqual(byRef, got) {
			t.Errorf("InputByReference = %+v, %v", byRef, err)
		}
		att, err := db.Attachment(ctx, first.ID)
		if err != nil || string(att.Data) != minimalPDF || att.SHA256 != a.SHA256 || att.Size != a.Size {
			t.Errorf("Attachment = %+v, %v", att, err)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		before := inputState(t, db)
		for _, tt := range []struct {
			name string
			in   *generalist.Input
			code string
			msg  string
		}{
			{"Duplicate", newInput("Annen tittel", "VI HAR LYST UT stillingen tre ganger, uten kvalifiserte søkere. Et felles vikarbyrå kunne hjelpe!"), generalist.ECONFLICT, "text: the same text"},
			{"UnknownMunicipality", func() *generalist.Input {
				in := newInput("Ukjent kommune", "En tekst om en kommune som ikke finnes i 2024.")
				in.Municipality = "1199"
				return in
			}(), generalist.EINVALID, "municipality: 1199 is not a municipality of the 2024 structure"},
			{"UnknownCounty", func() *generalist.Input {
				in := newInput("Ukjent fylke", "En tekst om et fylke som ikke finnes i 2024.")
				in.County = "30"
				return in
			}(), generalist.EINVALID, "county: 30 is not a county"},
			{"Script", newInput("Skript", "Her er <script>alert(1)</script> i teksten."), generalist.EINVALID, "text: HTML markup"},
			{"UnknownTag", func() *generalist.Input {
				in := newInput("Ukjent emneord", "En tekst med et emneord som ikke finnes.")
				in.Tags = []generalist.InputTag{"utfordring.vaer"}
				return in
			}(), generalist.EINVALID, "tags:"},
			{"Oversized", newInput("Lang", strings.Repeat("ord ", 6000)), generalist.EINVALID, "text: "},
			{"FakePDF", func() *generalist.Input {
				in := newInput("Falsk PDF", "En tekst med et vedlegg som ikke er PDF.")
				in.Attachment = &generalist.InputAttachment{Name: "x.pdf", Size: 6, Data: []byte("<html>")}
				return in
			}(), generalist.EINVALID, "attachment: not a PDF"},
			{"NoConsent", func() *generalist.Input {
				in := newInput("Uten samtykke", "En tekst som sendes uten samtykke.")
				in.Consent = false
				return in
			}(), generalist.EINVALID, "consent:"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				err := db.CreateInput(ctx, tt.in)
				if generalist.ErrorCode(err) != tt.code || !strings.Contains(generalist.ErrorMessage(err), tt.msg) {
					t.Errorf("CreateInput = %v, want %s containing %q", err, tt.code, tt.msg)
				}
				if tt.in.ID != 0 {
					t.Errorf("failed create set ID %d", tt.in.ID)
				}
			})
		}
		if after := inputState(t, db); !reflect.DeepEqual(before, after) {
			t.Errorf("a refused input changed the store")
		}
		if _, err := db.Input(ctx, 99); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("Input(99) = %v, want ENOTFOUND", err)
		}
		if _, err := db.InputByReference(ctx, "INN-AAAAAAAAAAAAAAAA"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("InputByReference(unknown) = %v, want ENOTFOUND", err)
		}
		if _, err := db.InputByReference(ctx, "../etc"); generalist.ErrorCode(err) != generalist.EINVALID {
			t.Errorf("InputByReference(bad) = %v, want EINVALID", err)
		}
		if _, err := db.Attachment(ctx, 99); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("Attachment(99) = %v, want ENOTFOUND", err)
		}
		if _, _, err := db.ListInputs(ctx, generalist.InputFilter{Tags: []generalist.InputTag{"x"}}); generalist.ErrorCode(err) != generalist.EINVALID {
			t.Errorf("ListInputs(unknown tag) = %v, want EINVALID", err)
		}
	})

	// More inputs, a minute apart.
	second := newInput("Felles barnevern virker", "Fire kommuner har hatt felles barnevernstjeneste i ti år, med vertskommune.")
	second.Kind, second.Tags, second.County = generalist.InputSolution, []generalist.InputTag{"alternativ.interkommunalt_samarbeid", "rolle.myndighetsutover"}, "46"
	third := newInput("Fagmiljø i små kommuner", "Små fagmiljø gjør det vanskelig å rekruttere. Kommunen har 900 innbyggere.")
	third.Kind, third.Municipality, third.Tags = generalist.InputBoth, "4601", []generalist.InputTag{"utfordring.fagmiljo", "utfordring.rekruttering"}
	for _, in := range []*generalist.Input{second, third} {
		now = now.Add(time.Minute)
		mustCreateInput(t, db, in)
	}

	t.Run("List", func(t *testing.T) {
		for _, tt := range []struct {
			name string
			f    generalist.InputFilter
			want []int64
		}{
			{"All", generalist.InputFilter{}, []int64{3, 2, 1}},
			{"Page", generalist.InputFilter{Limit: 1, Offset: 1}, []int64{2}},
			{"Tag", generalist.InputFilter{Tags: []generalist.InputTag{"utfordring.rekruttering"}}, []int64{3, 1}},
			{"AnyTag", generalist.InputFilter{Tags: []generalist.InputTag{"utfordring.fagmiljo", "alternativ.interkommunalt_samarbeid"}}, []int64{3, 2}},
			{"Municipality", generalist.InputFilter{Municipality: "1151"}, []int64{1}},
			{"County", generalist.InputFilter{County: "46"}, []int64{3, 2}},
			{"Kind", generalist.InputFilter{Kind: generalist.InputSolution}, []int64{2}},
			{"Sender", generalist.InputFilter{SenderType: generalist.SenderMunicipality}, []int64{1}},
			{"Status", generalist.InputFilter{Statuses: []generalist.InputStatus{generalist.InputPublished}}, []int64{}},
			{"Query", generalist.InputFilter{Query: "REKRUTTER"}, []int64{3, 1}},
			{"QueryAnd", generalist.InputFilter{Query: "felles vertskommune"}, []int64{2}},
			{"QueryPrefix", generalist.InputFilter{Query: "felle"}, []int64{2, 1}},
			{"QueryNone", generalist.InputFilter{Query: "felles fagmiljø"}, []int64{}},
			{"QueryPersonalData", generalist.InputFilter{Query: "Nordmann"}, []int64{}},
			{"QueryPunctuation", generalist.InputFilter{Query: `"*:&|!() '`}, []int64{3, 2, 1}},
			{"QueryAndTag", generalist.InputFilter{Query: "felles", Tags: []generalist.InputTag{"alternativ.interkommunalt_samarbeid"}}, []int64{2}},
			{"QueryAndCounty", generalist.InputFilter{Query: "rekrutt", County: "46"}, []int64{3}},
			{"QueryAndMunicipality", generalist.InputFilter{Query: "rekrutter", Municipality: "1151", Statuses: []generalist.InputStatus{generalist.InputNew}}, []int64{1}},
			{"QueryAndKind", generalist.InputFilter{Query: "kommuner", Kind: generalist.InputBoth}, []int64{3}},
		} {
			got, total, err := db.ListInputs(ctx, tt.f)
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
				continue
			}
			if !slices.Equal(inputIDs(got), tt.want) || tt.f.Limit == 0 && total != len(tt.want) {
				t.Errorf("%s: ListInputs = %v (total %d), want %v", tt.name, inputIDs(got), total, tt.want)
			}
		}
		counts, err := db.TagCounts(ctx, generalist.InputFilter{County: "46"})
		if err != nil {
			t.Fatal(err)
		}
		if len(counts) != len(generalist.InputTags) || counts[0].Tag != generalist.InputTags[0].ID {
			t.Fatalf("TagCounts = %v", counts)
		}
		n := map[generalist.InputTag]int{}
		for _, c := range counts {
			n[c.Tag] = c.Count
		}
		if n["utfordring.rekruttering"] != 1 || n["utfordring.fagmiljo"] != 1 || n["alternativ.interkommunalt_samarbeid"] != 1 || n["rolle.tjenesteyter"] != 0 {
			t.Errorf("TagCounts(county 46) = %v", counts)
		}
		munis, err := db.CountsByMunicipality(ctx, generalist.InputFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if want := []generalist.MunicipalityCount{{Municipality: "1151", Count: 1}, {Municipality: "4601", Count: 1}}; !reflect.DeepEqual(munis, want) {
			t.Errorf("CountsByMunicipality = %v, want %v", munis, want)
		}
	})

	t.Run("Moderate", func(t *testing.T) {
		now = now.Add(time.Hour)
		got, err := db.Moderate(ctx, 3, generalist.InputModeration{Action: generalist.ModeratePublish, Version: 1, Moderator: "analytiker",
			Tags: []generalist.InputTag{"utfordring.fagmiljo", "utfordring.rekruttering", "rolle.tjenesteyter"}})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != generalist.InputPublished || got.Version != 2 || got.PublishedAt == nil || !got.PublishedAt.Equal(now) || got.Moderator != "analytiker" || len(got.Tags) != 3 {
			t.Errorf("published %+v", got)
		}
		before := inputState(t, db)
		for _, tt := range []struct {
			id   int64
			m    generalist.InputModeration
			code string
		}{
			{3, generalist.InputModeration{Action: generalist.ModerateReject, Reason: "x", Version: 1, Moderator: "a"}, generalist.ECONFLICT},
			{3, generalist.InputModeration{Action: generalist.ModerateReject, Version: 2, Moderator: "a"}, generalist.EINVALID},
			{3, generalist.InputModeration{Action: generalist.ModerateTags, Tags: []generalist.InputTag{"x"}, Version: 2, Moderator: "a"}, generalist.EINVALID},
			{99, generalist.InputModeration{Action: generalist.ModeratePublish, Version: 1, Moderator: "a"}, generalist.ENOTFOUND},
		} {
			if _, err := db.Moderate(ctx, tt.id, tt.m); generalist.ErrorCode(err) != tt.code {
				t.Errorf("Moderate(%d, %+v) = %v, want %s", tt.id, tt.m, err, tt.code)
			}
		}
		if after := inputState(t, db); !reflect.DeepEqual(before, after) {
			t.Errorf("a refused moderation changed the store")
		}
		got, err = db.Moderate(ctx, 2, generalist.InputModeration{Action: generalist.ModerateReject, Reason: "Gjelder ikke temaet.", Version: 1, Moderator: "analytiker"})
		if err != nil || got.Status != generalist.InputRejected || got.RejectReason != "Gjelder ikke temaet." || got.PublishedAt != nil {
			t.Errorf("rejected %+v, %v", got, err)
		}
		pub, total, err := db.ListInputs(ctx, generalist.InputFilter{Statuses: []generalist.InputStatus{generalist.InputPublished}, Query: "fagmiljø"})
		if err != nil || total != 1 || pub[0].ID != 3 {
			t.Errorf("published search = %v, %d, %v", inputIDs(pub), total, err)
		}
	})

	t.Run("Scenarios", func(t *testing.T) {
		sc := &generalist.Scenario{ID: "innspill-test", Name: "Test", Structure: 2024, Year: 2026}
		if err := db.CreateScenario(ctx, sc); err != nil {
			t.Fatal(err)
		}
		for _, id := range []int64{3, 1} {
			if err := db.LinkScenario(ctx, id, sc.ID); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.LinkScenario(ctx, 3, sc.ID); err != nil {
			t.Errorf("linking twice = %v", err)
		}
		if err := db.LinkScenario(ctx, 3, "nosuch"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("LinkScenario(unknown scenario) = %v, want ENOTFOUND", err)
		}
		if err := db.LinkScenario(ctx, 99, sc.ID); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("LinkScenario(unknown input) = %v, want ENOTFOUND", err)
		}
		got, err := db.InputsForScenario(ctx, sc.ID)
		if err != nil || !slices.Equal(inputIDs(got), []int64{3}) || !slices.Equal(got[0].Scenarios, []string{sc.ID}) {
			t.Errorf("InputsForScenario = %v, %v; want the published input 3", inputIDs(got), err)
		}
		if err := db.UnlinkScenario(ctx, 1, sc.ID); err != nil {
			t.Error(err)
		}
		if err := db.UnlinkScenario(ctx, 1, sc.ID); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("UnlinkScenario twice = %v, want ENOTFOUND", err)
		}
	})

	t.Run("Merge", func(t *testing.T) {
		dup := newInput("Fagmiljø i små kommuner (igjen)", "Små fagmiljøer er sårbare når en ansatt slutter.")
		dup.Tags = []generalist.InputTag{"alternativ.sammenslaing"}
		mustCreateInput(t, db, dup)
		sc := "innspill-test"
		if err := db.LinkScenario(ctx, dup.ID, sc); err != nil {
			t.Fatal(err)
		}
		if err := db.MergeInputs(ctx, 3, dup.ID, "analytiker"); err != nil {
			t.Fatal(err)
		}
		from, _ := db.Input(ctx, dup.ID)
		into, _ := db.Input(ctx, 3)
		if from.Status != generalist.InputMerged || from.MergedInto != 3 || len(from.Scenarios) != 0 || !into.HasTag("alternativ.sammenslaing") ||
			into.Version != 3 || !slices.Equal(into.Scenarios, []string{sc}) {
			t.Errorf("after merge: from %+v, into %+v", from, into)
		}
		for _, tt := range []struct{ into, from int64 }{{3, 3}, {3, dup.ID}, {dup.ID, 1}} {
			if err := db.MergeInputs(ctx, tt.into, tt.from, "a"); generalist.ErrorCode(err) != generalist.ECONFLICT {
				t.Errorf("MergeInputs(%d, %d) = %v, want ECONFLICT", tt.into, tt.from, err)
			}
		}
		if _, err := db.Moderate(ctx, dup.ID, generalist.InputModeration{Action: generalist.ModeratePublish, Version: from.Version, Moderator: "a"}); generalist.ErrorCode(err) != generalist.ECONFLICT {
			t.Errorf("publishing a merged input = %v, want ECONFLICT", err)
		}
	})

	t.Run("Withdraw", func(t *testing.T) {
		if err := db.Withdraw(ctx, first.Reference); err != nil {
			t.Fatal(err)
		}
		got, _ := db.Input(ctx, first.ID)
		if got.Status != generalist.InputWithdrawn {
			t.Errorf("status %s, want withdrawn", got.Status)
		}
		if err := db.Withdraw(ctx, first.Reference); generalist.ErrorCode(err) != generalist.ECONFLICT {
			t.Errorf("Withdraw twice = %v, want ECONFLICT", err)
		}
		if err := db.Withdraw(ctx, "INN-AAAAAAAAAAAAAAAA"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("Withdraw(unknown) = %v, want ENOTFOUND", err)
		}
		if _, err := db.Moderate(ctx, first.ID, generalist.InputModeration{Action: generalist.ModeratePublish, Version: got.Version, Moderator: "a"}); generalist.ErrorCode(err) != generalist.ECONFLICT {
			t.Errorf("publishing a withdrawn input = %v, want ECONFLICT", err)
		}
		// A withdrawn text may be sent again.
		again := newInput(first.Title, first.Text)
		mustCreateInput(t, db, again)
	})

	t.Run("ErasePersonalData", func(t *testing.T) {
		third, _ := db.Input(ctx, 3)
		withName := newInput("Innspill med navn", "Et innspill fra en navngitt person som vil publiseres med navn.")
		withName.Name, withName.Organisation, withName.Email, withName.PublishName = "Ola Innsender", "Innsenderlaget", "ola@innsender.no", true
		withName.Attachment, _ = generalist.NewInputAttachment("ola.pdf", []byte(minimalPDF))
		mustCreateInput(t, db, withName)
		if _, err := db.Moderate(ctx, withName.ID, generalist.InputModeration{Action: generalist.ModeratePublish, Version: 1, Moderator: "a"}); err != nil {
			t.Fatal(err)
		}
		if err := db.ErasePersonalData(ctx, withName.ID); err != nil {
			t.Fatal(err)
		}
		got, err := db.Input(ctx, withName.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "" || got.Organisation != "" || got.Email != "" || got.PublishName || got.Attachment != nil || got.ErasedAt == nil ||
			got.Title != withName.Title || got.Status != generalist.InputPublished {
			t.Errorf("after erasing: %+v", got)
		}
		if _, err := db.Attachment(ctx, withName.ID); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("Attachment after erasing = %v, want ENOTFOUND", err)
		}
		all, _, err := db.ListInputs(ctx, generalist.InputFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range all {
			if s := fmt.Sprintf("%+v", in); strings.Contains(s, "Ola") || strings.Contains(s, "Innsender") || strings.Contains(s, "ola@") {
				t.Errorf("personal data remains in %s", s)
			}
		}
		for _, q := range []string{"Ola", "Innsender", "innsender no", "Innsenderlaget"} {
			if got, _, err := db.ListInputs(ctx, generalist.InputFilter{Query: q}); err != nil || len(got) != 0 {
				t.Errorf("search %q after erasing = %v, %v", q, inputIDs(got), err)
			}
		}
		if err := db.ErasePersonalData(ctx, 999); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("ErasePersonalData(999) = %v, want ENOTFOUND", err)
		}
		if cur, _ := db.Input(ctx, 3); !reflect.DeepEqual(cur, third) {
			t.Errorf("erasing one input changed another")
		}
	})
}

// searchCorpus are inputs whose texts test the tokenisation: Norwegian
// letters, case, hyphens, digits, e-mail addresses and URLs, apostrophes.
var searchCorpus = []string{
	"Fagmiljø og FAGMILJØER i Nord-Norge",
	"Kommunene i Øst-Agder har 5 000 innbyggere; se www.example.no/rapport-2024.",
	"Kontakt post@kommune.no om barnehage- og skoletilbud",
	"Helse- og omsorgstjenester: sykepleier-mangel og rekruttering",
	"Ålesund og Ørsta samarbeider om barnevern (IKS) siden 2019",
	"Interkommunalt samarbeid — «vertskommune» etter kommuneloven § 20-2",
	"Straße og café: ord med ß, é og æ i midten",
	"Tall som 2024, 0301 og 3.5 prosent; 1e5 og 12345678901234567890",
	"rekruttere, rekruttering og rekrutteringen er tre ord",
	"O'Brien's kommune og don't-stop",
}

// searchCases are queries and the corpus indexes they must find, the same
// on every backend.
var searchCases = []struct {
	q    string
	want []int
}{
	{"fagmiljø", []int{0}},
	{"FAGMILJØER", []int{0}},
	{"fagmiljo", []int{}},
	{"nord norge", []int{0}},
	{"nord-norge", []int{0}},
	{"øst", []int{1}},
	{"5 000", []int{1}},
	{"example no", []int{1}},
	{"www.example.no", []int{1}},
	{"rapport 2024", []int{1}},
	{"post@kommune.no", []int{2}},
	{"barnehage", []int{2}},
	{"sykepleier mangel", []int{3}},
	{"ålesund ørsta", []int{4}},
	{"ÅLESUND", []int{4}},
	{"iks", []int{4}},
	{"20-2", []int{1, 4, 5, 7}},
	{"vertskommune", []int{5}},
	{"«vertskommune»", []int{5}},
	{"straße", []int{6}},
	{"strasse", []int{}},
	{"café", []int{6}},
	{"cafe", []int{}},
	{"0301", []int{7}},
	{"3.5", []int{7}},
	{"1e5", []int{7}},
	{"12345678901234567890", []int{7}},
	{"rekrutter", []int{3, 8}},
	{"rekrutteringen", []int{8}},
	{"o brien", []int{9}},
	{"don't", []int{9}},
	{"kommune", []int{1, 2, 5, 9}},
	{"og", []int{0, 2, 3, 4, 6, 7, 8, 9}},
	{"2", []int{1, 4, 5, 7}},
	{"søketest", []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	{"og kommune samarbeid", []int{}},
	{"og samarbeid", []int{4}},
}

// testInputSearch checks that the full-text search finds the same inputs
// on every backend: the queries and what they find are fixed here.
func testInputSearch(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	base := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var ins []*generalist.Input
	for i, text := range searchCorpus {
		in := newInput("Søketest", text)
		in.CreatedAt = base.Add(time.Duration(i) * time.Minute)
		ins = append(ins, in)
	}
	if err := db.ImportInputs(ctx, ins); err != nil {
		t.Fatal(err)
	}
	for _, tt := range searchCases {
		got, total, err := db.ListInputs(ctx, generalist.InputFilter{Query: tt.q, Limit: 100})
		if err != nil {
			t.Errorf("search %q: %v", tt.q, err)
			continue
		}
		want := []int64{}
		for i := len(tt.want) - 1; i >= 0; i-- { // newest first
			want = append(want, ins[tt.want[i]].ID)
		}
		if !slices.Equal(inputIDs(got), want) || total != len(want) {
			t.Errorf("search %q = %v (total %d), want %v", tt.q, inputIDs(got), total, want)
		}
	}
	// Every query of InputQueryTerms's extremes works.
	for _, q := range []string{"", "   ", "\"", "*", "AND OR NOT", "a:*", "!!!", "' OR 1=1 --", strings.Repeat("x", 100), strings.Repeat("a ", 50), "søke test NEAR(a b)"} {
		if _, _, err := db.ListInputs(ctx, generalist.InputFilter{Query: q}); err != nil {
			t.Errorf("search %q: %v", q, err)
		}
	}
}

// testInputImport checks ImportInputs: all or nothing.
func testInputImport(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	ok := newInput("Import 1", "Den første teksten i importen.")
	ok.Tags = []generalist.InputTag{"utfordring.fagmiljo"}
	mustCreateInput(t, db, newInput("Finnes", "En tekst som finnes fra før."))
	before := inputState(t, db)
	for _, batch := range [][]*generalist.Input{
		{newInput("Import 1", "Den første teksten i importen."), newInput("Finnes igjen", "En tekst som finnes fra før.")},
		{newInput("A", "To like tekster i samme import."), newInput("B", "To like tekster i samme import!")},
		{newInput("E", "Samme referanse to ganger, nummer 1."), func() *generalist.Input {
			in := newInput("F", "Samme referanse to ganger, nummer 2.")
			in.Reference = "INN-AAAAAAAAAAAAAAAA"
			return in
		}(), func() *generalist.Input {
			in := newInput("G", "Samme referanse to ganger, nummer 3.")
			in.Reference = "INN-AAAAAAAAAAAAAAAA"
			return in
		}()},
		{newInput("C", "En tekst med ukjent kommune."), func() *generalist.Input {
			in := newInput("D", "En tekst med ukjent kommune, nummer 2.")
			in.Municipality = "1199"
			return in
		}()},
	} {
		if err := db.ImportInputs(ctx, batch); err == nil {
			t.Errorf("ImportInputs(%q) = nil, want an error", batch[1].Title)
		}
	}
	if after := inputState(t, db); !reflect.DeepEqual(before, after) {
		t.Errorf("a refused import changed the store")
	}
	published := newInput("Import 2", "Den andre teksten i importen, moderert før importen.")
	published.Status = generalist.InputPublished
	published.CreatedAt = time.Date(2023, 3, 1, 12, 0, 0, 0, time.UTC)
	if err := db.ImportInputs(ctx, []*generalist.Input{ok, published}); err != nil || ok.ID != 2 || published.ID != 3 {
		t.Fatalf("ImportInputs = %v, ids %d, %d", err, ok.ID, published.ID)
	}
	got, err := db.Input(ctx, 2)
	if err != nil || !got.HasTag("utfordring.fagmiljo") || got.Reference == "" || got.Status != generalist.InputNew {
		t.Errorf("imported %+v, %v", got, err)
	}
	got, err = db.Input(ctx, 3)
	if err != nil || got.Status != generalist.InputPublished || got.PublishedAt == nil || !got.PublishedAt.Equal(published.CreatedAt) || !got.CreatedAt.Equal(published.CreatedAt) {
		t.Errorf("imported published %+v, %v", got, err)
	}
	next := newInput("Etter import", "En tekst lagret etter importen.")
	mustCreateInput(t, db, next)
	if next.ID != 4 {
		t.Errorf("CreateInput after ImportInputs: id %d, want 4", next.ID)
	}
}

// testInputConcurrentCreate sends the same text from many writers at once:
// exactly one is stored, the others are ECONFLICT.
func testInputConcurrentCreate(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	const n = 8
	errs := concurrently(n, func(i int) error {
		return db.CreateInput(ctx, newInput(fmt.Sprintf("Samtidig %d", i), "Samme tekst sendt fra mange på en gang."))
	})
	stored := countOK(t, errs, generalist.ECONFLICT)
	if _, total, _ := db.ListInputs(ctx, generalist.InputFilter{}); stored != 1 || total != 1 {
		t.Errorf("%d stored, %d listed; want 1", stored, total)
	}
}

// testInputConcurrentModerate: two analysts publish the same version at
// once; one wins, the other gets ECONFLICT.
func testInputConcurrentModerate(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	in := mustCreateInput(t, db, newInput("Moderering", "To analytikere behandler samme innspill samtidig."))
	actions := []string{generalist.ModeratePublish, generalist.ModerateReject}
	errs := concurrently(len(actions), func(i int) error {
		_, err := db.Moderate(ctx, in.ID, generalist.InputModeration{Action: actions[i], Reason: "Utenfor temaet.", Version: 1, Moderator: fmt.Sprint("a", i)})
		return err
	})
	ok := countOK(t, errs, generalist.ECONFLICT)
	if got, _ := db.Input(ctx, in.ID); ok != 1 || got.Version != 2 {
		t.Errorf("%d decisions stored, version %d; want 1 and 2", ok, got.Version)
	}
}
