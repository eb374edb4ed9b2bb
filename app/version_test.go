package app_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"generalist"
	"generalist/app"
	"generalist/sqlstore"
	"generalist/storetest"
)

// twoProcesses opens two stores on one database, as two server
// processes would: a SQLite file, or a PostgreSQL schema (skipped without
// GENERALIST_TEST_DATABASE_URL). The first has the reference data.
func twoProcesses(t *testing.T, backend string) (*sqlstore.DB, *sqlstore.DB) {
	t.Helper()
	switch backend {
	case "sqlite":
		path := filepath.Join(t.TempDir(), "generalist.db")
		return storetest.Loaded(t, storetest.OpenSQLiteAt(t, path)), storetest.OpenSQLiteAt(t, path)
	default:
		url := storetest.PostgresURL(t)
		return storetest.Loaded(t, storetest.OpenPostgresAt(t, url)), storetest.OpenPostgresAt(t, url)
	}
}

// TestVersionAcrossProcesses: a change made through one App is seen by
// another App on another connection pool to the same database on its very
// next call — no clock, no waiting — in the version and in the models
// built on it; a published input moves the version but leaves the models
// kept (they do not rest on inputs). Both stores.
func TestVersionAcrossProcesses(t *testing.T) {
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			db1, db2 := twoProcesses(t, backend)
			writer, reader := app.New(db1), app.New(db2)
			version := func() string {
				t.Helper()
				v, err := reader.Version(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return v
			}
			v0 := version()
			before := barnevernShort(t, reader)
			if version() != v0 {
				t.Fatal("the version moved without a change")
			}
			huge := 10000.0 // a team no municipality reaches
			if err := writer.ChangeParam(ctx, &generalist.ParamChange{Task: "barnevern", Field: generalist.FieldMinTeam, Value: &huge, Note: "test", Author: "test"}); err != nil {
				t.Fatal(err)
			}
			v1 := version()
			if v1 == v0 {
				t.Errorf("the other App's version is %s after a parameter change, as before; want it moved at once", v1)
			}
			if after := barnevernShort(t, reader); before >= 357 || after != 357 {
				t.Errorf("municipalities below the robust barnevern team: %d before, %d on the next call after the change; want all 357 at once", before, after)
			}
			res1, err := reader.Capacity(ctx, generalist.Structure2024, 2026, app.TodayOptions{})
			if err != nil {
				t.Fatal(err)
			}
			in := &generalist.Input{Kind: generalist.InputChallenge, Title: "Publisert", Text: "Et innspill moderert et annet sted.", SenderType: generalist.SenderPerson,
				Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputPublished}
			if err := db1.ImportInputs(ctx, []*generalist.Input{in}); err != nil {
				t.Fatal(err)
			}
			if v2 := version(); v2 == v1 {
				t.Errorf("the other App's version is %s after an input was published, as before; want it moved at once", v2)
			}
			res2, err := reader.Capacity(ctx, generalist.Structure2024, 2026, app.TodayOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if res1 != res2 {
				t.Error("publishing an input made the App build its capacity model again; the model does not rest on inputs")
			}
		})
	}
}

// countingStore counts the data-version reads running at once.
type countingStore struct {
	app.Store
	mu            sync.Mutex
	running, most int
	reads         int
}

func (s *countingStore) DataVersion(ctx context.Context) (int64, error) {
	s.mu.Lock()
	s.running++
	s.reads++
	s.most = max(s.most, s.running)
	s.mu.Unlock()
	time.Sleep(time.Millisecond) // a slow query, so that callers pile up
	n, err := s.Store.DataVersion(ctx)
	s.mu.Lock()
	s.running--
	s.mu.Unlock()
	return n, err
}

// TestVersionReadsShared: 64 callers at once share the reads of the data
// version: one query runs at a time.
// Within a request (WithVersion) the version is read once.
func TestVersionReadsShared(t *testing.T) {
	ctx := context.Background()
	st := &countingStore{Store: storetest.Loaded(t, storetest.OpenSQLite(t))}
	a := app.New(st)
	var wg sync.WaitGroup
	for range 64 {
		wg.Go(func() {
			if _, err := a.Version(ctx); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if st.most != 1 {
		t.Errorf("64 callers at once ran %d reads, up to %d at a time; want one at a time", st.reads, st.most)
	}
	t.Logf("64 callers at once ran %d reads", st.reads)
	req := app.WithVersion(ctx)
	before := st.reads
	for range 5 {
		if _, err := a.Version(req); err != nil {
			t.Fatal(err)
		}
	}
	if n := st.reads - before; n != 1 {
		t.Errorf("five readings in one request ran %d reads, want 1", n)
	}
}
