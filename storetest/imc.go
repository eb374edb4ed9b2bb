package storetest

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"generalist"
	"generalist/imc"
	"generalist/sqlstore"
)

var editor = generalist.IMCEdit{Author: "Testanalytiker", Note: "test"}

// RegistryState is everything the registry's read methods return (the
// cooperations and each one's history), for comparing the store before
// and after a write that must change nothing.
func RegistryState(t testing.TB, db *sqlstore.DB) []any {
	t.Helper()
	ctx := context.Background()
	cs, err := db.IMCs(ctx, generalist.IMCFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := []any{cs}
	for _, c := range cs {
		h, err := db.IMCHistory(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, h)
	}
	return out
}

func examples(t *testing.T) []generalist.IMC {
	t.Helper()
	return must(t, imc.Examples)
}

func testCooperations(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	host := examples(t)[0]

	t.Run("Create", func(t *testing.T) {
		c := host
		if err := db.CreateIMC(ctx, &c, editor); err != nil {
			t.Fatal(err)
		}
		if c.ID != 1 || c.Version != 1 || c.Participants[0].Name != "Alstahaug" || c.Participants[2].Name != "Herøy" || !c.UpdatedAt.Equal(now) || c.UpdatedBy != "Testanalytiker" {
			t.Errorf("created = id %d v%d %+v %v %s", c.ID, c.Version, c.Participants, c.UpdatedAt, c.UpdatedBy)
		}
		got, err := db.IMC(ctx, 1)
		if err != nil || !reflect.DeepEqual(got, &c) {
			t.Errorf("IMC(1) = %+v, %v; want %+v", got, err, c)
		}
		h, err := db.IMCHistory(ctx, 1)
		if err != nil || len(h) != 1 || h[0].Action != "opprettet" || h[0].Author != "Testanalytiker" || len(h[0].Changes) == 0 {
			t.Errorf("IMCHistory(1) = %+v, %v", h, err)
		}
	})

	t.Run("Update", func(t *testing.T) {
		c, _ := db.IMC(ctx, 1)
		now = now.Add(time.Hour)
		c.Agreement.Exit = "Seks måneders varsel."
		n := 6
		c.Agreement.NoticeMonths = &n
		if err := db.UpdateIMC(ctx, c, generalist.IMCEdit{Author: "Kari", Note: "Ny frist"}); err != nil {
			t.Fatal(err)
		}
		if c.Version != 2 || c.UpdatedBy != "Kari" {
			t.Errorf("updated = v%d by %s", c.Version, c.UpdatedBy)
		}
		h, _ := db.IMCHistory(ctx, 1)
		if len(h) != 2 || h[1].Author != "Kari" || h[1].Note != "Ny frist" || !h[1].At.Equal(now) {
			t.Fatalf("history = %+v", h)
		}
		var fields []string
		for _, ch := range h[1].Changes {
			fields = append(fields, ch.Field)
		}
		if strings.Join(fields, ",") != "agreement.exit,agreement.notice_months" {
			t.Errorf("what changed = %v", fields)
		}
		v1, err := db.IMCVersion(ctx, 1, 1)
		if err != nil || v1.Agreement.Exit != host.Agreement.Exit || v1.Version != 1 {
			t.Errorf("IMCVersion(1, 1) = %+v, %v", v1, err)
		}
		// An update that changes nothing makes no version.
		same, _ := db.IMC(ctx, 1)
		if err := db.UpdateIMC(ctx, same, editor); err != nil || same.Version != 2 {
			t.Errorf("no-op update = v%d, %v", same.Version, err)
		}
	})

	t.Run("Stale", func(t *testing.T) {
		before := RegistryState(t, db)
		c, _ := db.IMC(ctx, 1)
		c.Version = 1
		c.Notes = "Basert på en gammel versjon"
		err := db.UpdateIMC(ctx, c, editor)
		if generalist.ErrorCode(err) != generalist.ECONFLICT || !strings.Contains(err.Error(), "changed by Kari") || !strings.Contains(err.Error(), "nothing was saved") {
			t.Errorf("stale UpdateIMC = %v, want ECONFLICT", err)
		}
		if !reflect.DeepEqual(RegistryState(t, db), before) {
			t.Error("a stale update changed the store")
		}
	})

	t.Run("BadInput", func(t *testing.T) {
		before := RegistryState(t, db)
		ko := examples(t)[1]
		for _, tt := range []struct {
			name   string
			break_ func(c *generalist.IMC)
			code   string
			want   string
		}{
			{"UnknownMunicipality", func(c *generalist.IMC) { c.Participants[1].Number = "3499" }, generalist.EINVALID, "participant 3499: there is no kommune with that number in the 2024 structure"},
			{"UnknownCounty", func(c *generalist.IMC) { c.Participants[1].Number = "99" }, generalist.EINVALID, "participant 99: there is no fylkeskommune"},
			{"OldNumber", func(c *generalist.IMC) { c.Participants[1].Number = "0436" }, generalist.EINVALID, "participant 0436"},
			{"SharesNot100", func(c *generalist.IMC) { c.Participants[1].Ownership = &[]generalist.Share{1200}[0] }, generalist.EINVALID, "ownership shares sum to 99 %, not 100 %"},
			{"EndBeforeStart", func(c *generalist.IMC) { c.End = "2019-12-31" }, generalist.EINVALID, "end date 2019-12-31 is before the start date 2020-01-01"},
			{"BadOrgNumber", func(c *generalist.IMC) { c.OrgNumber = "123456789" }, generalist.EINVALID, "check digit is wrong"},
			{"HostNotParticipant", func(c *generalist.IMC) { c.Host = "3401" }, generalist.EINVALID, "the host 3401 is not a participant"},
			{"NoAuthor", func(c *generalist.IMC) {}, generalist.EINVALID, "author"},
			{"NameTaken", func(c *generalist.IMC) { c.Name = " barnevern helgeland  VERTSKOMMUNESAMARBEID (eksempel)" }, generalist.ECONFLICT, "already registered (id 1)"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c := ko
				c.Participants = append([]generalist.IMCParticipant(nil), ko.Participants...)
				tt.break_(&c)
				e := editor
				if tt.name == "NoAuthor" {
					e.Author = " "
				}
				err := db.CreateIMC(ctx, &c, e)
				if generalist.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("CreateIMC = %v, want %s containing %q", err, tt.code, tt.want)
				}
				if c.ID != 0 {
					t.Error("a failed create set the id")
				}
				// The same change as an update of the stored cooperation.
				if tt.name == "NameTaken" || tt.name == "NoAuthor" {
					return
				}
				cur, _ := db.IMC(ctx, 1)
				upd := *cur
				upd.Participants = append([]generalist.IMCParticipant(nil), cur.Participants...)
				switch tt.name {
				case "UnknownMunicipality":
					upd.Participants[1].Number = "3499"
				case "EndBeforeStart":
					upd.End = "2020-01-01"
				case "BadOrgNumber":
					upd.OrgNumber = "123456789"
				case "HostNotParticipant":
					upd.Host = "1824"
				default:
					return
				}
				if err := db.UpdateIMC(ctx, &upd, editor); generalist.ErrorCode(err) != generalist.EINVALID {
					t.Errorf("UpdateIMC = %v, want EINVALID", err)
				}
			})
		}
		if !reflect.DeepEqual(RegistryState(t, db), before) {
			t.Error("bad input changed the store")
		}
	})

	t.Run("Import", func(t *testing.T) {
		before := RegistryState(t, db)
		cs := examples(t)
		// One bad record stops the whole import.
		bad := append([]generalist.IMC(nil), cs[1:]...)
		bad[2].Participants = append([]generalist.IMCParticipant(nil), bad[2].Participants...)
		bad[2].Participants[0].Number = "9999"
		if _, _, err := db.ImportIMCs(ctx, bad, editor, false); generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), "cooperation 3 of 3") || !strings.Contains(err.Error(), "nothing was imported") {
			t.Errorf("ImportIMCs(bad) = %v", err)
		}
		// A name already registered, without replace.
		if _, _, err := db.ImportIMCs(ctx, cs, editor, false); generalist.ErrorCode(err) != generalist.ECONFLICT {
			t.Errorf("ImportIMCs(existing) = %v, want ECONFLICT", err)
		}
		dup := []generalist.IMC{cs[1], cs[1]}
		if _, _, err := db.ImportIMCs(ctx, dup, editor, false); generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), "also the name of cooperation 1") {
			t.Errorf("ImportIMCs(duplicate) = %v", err)
		}
		if !reflect.DeepEqual(RegistryState(t, db), before) {
			t.Fatal("a failed import changed the store")
		}
		created, updated, err := db.ImportIMCs(ctx, cs, editor, true)
		if err != nil || created != 3 || updated != 1 {
			t.Errorf("ImportIMCs(replace) = %d created, %d updated, %v; want 3, 1", created, updated, err)
		}
		// The host arrangement got the file's version back as version 3.
		c, _ := db.IMC(ctx, 1)
		if c.Version != 3 || c.Agreement.Exit != cs[0].Agreement.Exit {
			t.Errorf("replaced = v%d %q", c.Version, c.Agreement.Exit)
		}
		if created, updated, err := db.ImportIMCs(ctx, cs, editor, true); err != nil || created != 0 || updated != 0 {
			t.Errorf("re-import = %d, %d, %v; want nothing", created, updated, err)
		}
	})

	t.Run("Filter", func(t *testing.T) {
		for _, tt := range []struct {
			f    generalist.IMCFilter
			want int
		}{
			{generalist.IMCFilter{}, 4},
			{generalist.IMCFilter{Participant: "1820"}, 1},
			{generalist.IMCFilter{Participant: "33"}, 1},
			{generalist.IMCFilter{Participant: "0301"}, 0},
			{generalist.IMCFilter{Task: "revisjon"}, 1},
			{generalist.IMCFilter{Form: generalist.FormIKS}, 1},
			{generalist.IMCFilter{ActiveOn: "2019-06-01"}, 1},
		} {
			got, err := db.IMCs(ctx, tt.f)
			if err != nil || len(got) != tt.want {
				t.Errorf("IMCs(%+v) = %d, %v; want %d", tt.f, len(got), err, tt.want)
			}
		}
	})

	t.Run("Delete", func(t *testing.T) {
		if err := db.DeleteIMC(ctx, 1, 1, editor); generalist.ErrorCode(err) != generalist.ECONFLICT {
			t.Errorf("DeleteIMC(stale) = %v", err)
		}
		if err := db.DeleteIMC(ctx, 1, 3, editor); err != nil {
			t.Fatal(err)
		}
		if _, err := db.IMC(ctx, 1); generalist.ErrorCode(err) != generalist.ENOTFOUND || !strings.Contains(err.Error(), "was deleted") {
			t.Errorf("IMC(deleted) = %v", err)
		}
		h, err := db.IMCHistory(ctx, 1)
		if err != nil || len(h) != 4 || h[3].Action != "slettet" {
			t.Errorf("history of a deleted cooperation = %+v, %v", h, err)
		}
		if v, err := db.IMCVersion(ctx, 1, 2); err != nil || v.Agreement.Exit != "Seks måneders varsel." {
			t.Errorf("IMCVersion of a deleted cooperation = %v", err)
		}
		if got, _ := db.IMCs(ctx, generalist.IMCFilter{Participant: "1820"}); len(got) != 0 {
			t.Errorf("a deleted cooperation is still listed")
		}
		// Its name is free again.
		c := host
		if err := db.CreateIMC(ctx, &c, editor); err != nil || c.ID != 5 {
			t.Errorf("re-create after delete = id %d, %v", c.ID, err)
		}
		for _, err := range []error{db.DeleteIMC(ctx, 99, 1, editor), func() error { _, err := db.IMCHistory(ctx, 99); return err }(),
			func() error { _, err := db.IMCVersion(ctx, 5, 9); return err }()} {
			if generalist.ErrorCode(err) != generalist.ENOTFOUND {
				t.Errorf("unknown id/version = %v, want ENOTFOUND", err)
			}
		}
	})
}

// testCooperationConcurrentRetries runs parallel read-modify-write loops
// on one cooperation, each retrying on ECONFLICT: every change survives.
func testCooperationConcurrentRetries(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	c := examples(t)[1]
	if err := db.CreateIMC(ctx, &c, editor); err != nil {
		t.Fatal(err)
	}
	const writers = 8
	var wg sync.WaitGroup
	conflicts := make(chan int, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			n := 0
			for {
				cur, err := db.IMC(ctx, c.ID)
				if err != nil {
					t.Error(err)
					return
				}
				cur.Documents = append(cur.Documents, generalist.IMCDocument{Title: fmt.Sprintf("Dokument fra skriver %d", w)})
				err = db.UpdateIMC(ctx, cur, generalist.IMCEdit{Author: fmt.Sprintf("skriver %d", w)})
				if err == nil {
					conflicts <- n
					return
				}
				if generalist.ErrorCode(err) != generalist.ECONFLICT {
					t.Error(err)
					return
				}
				n++
			}
		}(w)
	}
	wg.Wait()
	close(conflicts)
	got, _ := db.IMC(ctx, c.ID)
	if len(got.Documents) != writers || got.Version != writers+1 {
		t.Errorf("after %d concurrent updates: %d documents, version %d", writers, len(got.Documents), got.Version)
	}
	h, _ := db.IMCHistory(ctx, c.ID)
	if len(h) != writers+1 {
		t.Errorf("history has %d revisions, want %d", len(h), writers+1)
	}
}

// testCooperationConcurrentUpdate saves one version of a cooperation from
// two writers at once: exactly one wins, the other gets ECONFLICT, and the
// history has one new revision.
func testCooperationConcurrentUpdate(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	c := examples(t)[1]
	if err := db.CreateIMC(ctx, &c, editor); err != nil {
		t.Fatal(err)
	}
	for round := range 3 {
		read, err := db.IMC(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		errs := concurrently(2, func(i int) error {
			next := *read
			next.Notes = fmt.Sprintf("Runde %d, skriver %d", round, i)
			return db.UpdateIMC(ctx, &next, generalist.IMCEdit{Author: fmt.Sprintf("skriver %d", i)})
		})
		if ok := countOK(t, errs, generalist.ECONFLICT); ok != 1 {
			t.Fatalf("round %d: %d of 2 concurrent updates of version %d succeeded, want 1", round, ok, read.Version)
		}
		for _, err := range errs {
			if err != nil && !strings.Contains(err.Error(), fmt.Sprintf("is now version %d, but the change was made to version %d; nothing was saved", read.Version+1, read.Version)) {
				t.Errorf("round %d: refused update: %v", round, err)
			}
		}
	}
	h, err := db.IMCHistory(ctx, c.ID)
	if err != nil || len(h) != 4 {
		t.Fatalf("history = %d revisions, %v; want 4", len(h), err)
	}
	for i, r := range h {
		if r.Version != i+1 {
			t.Errorf("revision %d has version %d", i, r.Version)
		}
	}
}

// testCooperationConcurrentCreate registers one name from several writers
// at once: exactly one succeeds, the others get ECONFLICT.
func testCooperationConcurrentCreate(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	const writers = 6
	errs := concurrently(writers, func(i int) error {
		c := examples(t)[1]
		return db.CreateIMC(ctx, &c, generalist.IMCEdit{Author: fmt.Sprintf("skriver %d", i)})
	})
	if ok := countOK(t, errs, generalist.ECONFLICT); ok != 1 {
		t.Errorf("%d of %d concurrent creates of one name succeeded, want 1", ok, writers)
	}
	if cs, err := db.IMCs(ctx, generalist.IMCFilter{}); err != nil || len(cs) != 1 {
		t.Errorf("IMCs = %d, %v; want 1", len(cs), err)
	}
}

// testCooperationOrder lists cooperations by their name key (the name in
// lower case) in byte order, whatever the database's collation: Å < Æ < Ø
// in UTF-8, unlike the Norwegian alphabet.
func testCooperationOrder(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	var cs []generalist.IMC
	for _, name := range []string{"Østre samarbeid", "Åsen samarbeid", "Ærlig samarbeid", "bø-samarbeid", "Bø samarbeid", "Aa samarbeid"} {
		c := examples(t)[1]
		c.Name = name
		cs = append(cs, c)
	}
	if created, _, err := db.ImportIMCs(ctx, cs, editor, false); err != nil || created != len(cs) {
		t.Fatalf("ImportIMCs = %d, %v", created, err)
	}
	got, err := db.IMCs(ctx, generalist.IMCFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range got {
		names = append(names, c.Name)
	}
	want := "Aa samarbeid|Bø samarbeid|bø-samarbeid|Åsen samarbeid|Ærlig samarbeid|Østre samarbeid"
	if strings.Join(names, "|") != want {
		t.Errorf("IMCs() = %s, want %s", strings.Join(names, "|"), want)
	}
	if got[0].ID != 6 || got[5].ID != 1 {
		t.Errorf("ids = %d … %d, want 6 … 1 (in the order imported)", got[0].ID, got[5].ID)
	}
}
