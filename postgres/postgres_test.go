package postgres_test

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"generalist"
	"generalist/postgres"
	"generalist/sqlstore"
	"generalist/storetest"
)

// TestStore runs the conformance suite on PostgreSQL, each subtest on a
// new schema of the server in GENERALIST_TEST_DATABASE_URL.
func TestStore(t *testing.T) {
	storetest.Run(t, storetest.Postgres)
}

// TestConcurrentOpen starts several processes on one new database at
// once: the migrations run once, under the advisory lock, and every
// process gets a working store.
func TestConcurrentOpen(t *testing.T) {
	ctx := context.Background()
	url := storetest.PostgresURL(t)
	const n = 4
	dbs := make([]*sqlstore.DB, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { dbs[i], errs[i] = postgres.Open(ctx, url) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("Open %d: %v", i, err)
		}
		defer dbs[i].Close()
	}
	if err := dbs[0].CreateScenario(ctx, &generalist.Scenario{ID: "s", Name: "S"}); err != nil {
		t.Fatal(err)
	}
	if got, err := dbs[n-1].Scenario(ctx, "s"); err != nil || got.Name != "S" {
		t.Errorf("another process reads %+v, %v", got, err)
	}
	raw, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var rows, versions int
	if err := raw.QueryRow(`SELECT count(*), count(DISTINCT version) FROM schema_migrations`).Scan(&rows, &versions); err != nil || rows != versions || rows < 6 {
		t.Errorf("schema_migrations: %d rows, %d versions, %v", rows, versions, err)
	}
	// The audit log refuses changes, whoever asks.
	if err := dbs[0].RecordAudit(ctx, &generalist.AuditEntry{User: "kari", Action: "x"}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE audit_log SET user_name = 'ola'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`} {
		if _, err := raw.Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s = %v, want refused", q, err)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := postgres.Open(ctx, "postgres://u:secret@[::1"); generalist.ErrorCode(err) != generalist.EINVALID || strings.Contains(err.Error(), "secret") {
		t.Errorf("Open(bad URL) = %v, want EINVALID without the password", err)
	}
	url := storetest.PostgresURL(t)
	missing := strings.Replace(url, "search_path=t_", "search_path=nosuch_", 1)
	if _, err := postgres.Open(ctx, missing); err == nil || !strings.Contains(err.Error(), "no schema on the search_path exists") {
		t.Errorf("Open(search_path of no schema) = %v", err)
	}
}
