package storetest

import (
	"context"
	"fmt"
	"testing"

	"generalist"
	"generalist/refdata"
	"generalist/sqlstore"
)

// testDataVersion checks generalist.DataVersionStore: every committed
// change to public data moves the version, a change to private records
// (accounts, sessions, the audit log, an input waiting for moderation)
// and a refused write do not, concurrent writers do not fail each other
// over it, and folding its rows keeps its value
// (docs/decisions/0015-data-version.md).
func testDataVersion(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.loaded(t)
	version := func() int64 {
		t.Helper()
		n, err := db.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	moves := func(what string, change func() error) {
		t.Helper()
		before := version()
		if err := change(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if after := version(); after <= before {
			t.Errorf("%s left the data version at %d, want it moved", what, after)
		}
	}
	stays := func(what string, change func() error, code string) {
		t.Helper()
		before := version()
		if err := change(); generalist.ErrorCode(err) != code && !(code == "" && err == nil) {
			t.Fatalf("%s = %v, want %q", what, err, code)
		}
		if after := version(); after != before {
			t.Errorf("%s moved the data version from %d to %d, want it unchanged", what, before, after)
		}
	}
	cat, err := refdata.EmbeddedTasks()
	if err != nil {
		t.Fatal(err)
	}
	v := 7.0
	moves("a parameter change", func() error {
		return db.RecordParamChange(ctx, cat, &generalist.ParamChange{Task: "barnevern", Field: generalist.FieldMinTeam, Value: &v, Note: "test", Author: "a"})
	})
	stays("a refused parameter change", func() error {
		return db.RecordParamChange(ctx, cat, &generalist.ParamChange{Task: "nosuch", Field: generalist.FieldMinTeam, Value: &v, Note: "x", Author: "a"})
	}, generalist.EINVALID)
	c := examples(t)[0]
	moves("registering a cooperation", func() error { return db.CreateIMC(ctx, &c, editor) })
	moves("storing a scenario", func() error { return db.CreateScenario(ctx, &generalist.Scenario{ID: "v", Name: "V"}) })
	stays("storing a scenario id twice", func() error { return db.CreateScenario(ctx, &generalist.Scenario{ID: "v", Name: "V"}) }, generalist.ECONFLICT)
	stays("creating an account", func() error { return db.CreateUser(ctx, user("kari", generalist.UserAnalyst)) }, "")
	stays("writing the audit log", func() error {
		return db.RecordAudit(ctx, &generalist.AuditEntry{User: "kari", Action: "test", Target: "x"})
	}, "")
	in := newInput("Venter", "Et innspill som venter på moderering.")
	stays("an input waiting for moderation", func() error { return db.CreateInput(ctx, in) }, "")
	moves("publishing the input", func() error {
		_, err := db.Moderate(ctx, in.ID, generalist.InputModeration{Action: generalist.ModeratePublish, Version: 1, Moderator: "a"})
		return err
	})
	moves("importing a published input", func() error {
		p := newInput("Publisert innspill", "Et innspill moderert et annet sted.")
		p.Status = generalist.InputPublished
		return db.ImportInputs(ctx, []*generalist.Input{p})
	})

	// Concurrent writers of public data all succeed (on PostgreSQL none
	// fails the others by updating one shared row), and each moves it.
	before := version()
	const writers = 8
	errs := concurrently(writers, func(i int) error {
		return db.CreateScenario(ctx, &generalist.Scenario{ID: fmt.Sprint("c", i), Name: fmt.Sprint("Skriver ", i)})
	})
	if ok := countOK(t, errs, ""); ok != writers {
		t.Errorf("%d of %d concurrent scenario creates succeeded, want all", ok, writers)
	}
	if after := version(); after < before+writers {
		t.Errorf("%d concurrent changes moved the data version from %d to %d, want at least %d", writers, before, after, before+writers)
	}

	// Many changes: a reading folds them (on PostgreSQL) and the next
	// reading is the same.
	for i := range 70 {
		if err := db.UpdateScenario(ctx, &generalist.Scenario{ID: "v", Name: fmt.Sprint("V", i), Version: i + 1}); err != nil {
			t.Fatal(err)
		}
	}
	first, second := version(), version()
	if first != second || first < before+writers+70 {
		t.Errorf("after 70 more changes the version reads %d, then %d; want the same twice, at least %d", first, second, before+writers+70)
	}
}

var _ generalist.DataVersionStore = (*sqlstore.DB)(nil)
