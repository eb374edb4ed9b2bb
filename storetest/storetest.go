// Package storetest is the conformance suite of the stores: Run checks, on
// any backend of package sqlstore, the behaviour the domain's store
// interfaces promise — results, error codes and messages, ordering,
// atomicity of failed writes, optimistic concurrency and duplicate-free
// creation under concurrent writers. Package sqlite runs it on a file,
// package postgres on a throwaway PostgreSQL schema; both must pass it
// unchanged.
//
// It also gives other packages' tests their stores: OpenSQLite,
// OpenPostgres and Loaded.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"generalist"
	"generalist/postgres"
	"generalist/refdata"
	"generalist/sqlite"
	"generalist/sqlstore"
)

// Environment variables of the PostgreSQL tests.
const (
	// EnvDatabaseURL names the PostgreSQL server the tests may use, as a
	// postgres:// URL of a role that may create schemas. Each test gets
	// its own schema, dropped when it ends.
	EnvDatabaseURL = "GENERALIST_TEST_DATABASE_URL"
	// EnvRequirePostgres set to 1 makes the PostgreSQL tests fail, not
	// skip, when EnvDatabaseURL is unset (./scripts/test sets it).
	EnvRequirePostgres = "GENERALIST_REQUIRE_POSTGRES"
)

// Backend is a kind of store the suite runs on.
type Backend struct {
	// Open returns a new, empty store for tb, closed when tb ends.
	Open func(tb testing.TB) *sqlstore.DB
	// Template starts making, for the suite run t, a store that holds
	// the embedded reference data (loaded with LoadReference, once), and
	// returns a function that opens a new copy of it for a test. It
	// removes what it made when t ends.
	Template func(t *testing.T) func(tb testing.TB) *sqlstore.DB
}

// SQLite is the backend of package sqlite: files in temporary
// directories.
var SQLite = Backend{Open: OpenSQLite, Template: sqliteTemplate}

// Postgres is the backend of package postgres: a new schema (empty
// stores) or database (copies of the loaded template database) of the
// server in GENERALIST_TEST_DATABASE_URL for each test.
var Postgres = Backend{Open: OpenPostgres, Template: postgresTemplate}

// stores is what each test of the suite opens its stores with.
type stores struct {
	open   func(tb testing.TB) *sqlstore.DB // empty
	loaded func(tb testing.TB) *sqlstore.DB // with the reference data
}

// Run runs the conformance suite on b. Each subtest opens its own stores;
// they run in parallel.
func Run(t *testing.T, b Backend) {
	s := stores{open: b.Open, loaded: b.Template(t)}
	for _, tt := range []struct {
		name string
		test func(*testing.T, stores)
	}{
		{"LoadReference", testLoadReference},
		{"LoadReferenceConcurrent", testLoadReferenceConcurrent},
		{"Reload", testReload},
		{"ImportPopulations", testImportPopulations},
		{"Indicators", testIndicators},
		{"IndicatorConcurrentImport", testIndicatorConcurrentImport},
		{"ParamChanges", testParamChanges},
		{"Scenarios", testScenarios},
		{"ScenarioOrder", testScenarioOrder},
		{"ScenarioPublication", testScenarioPublication},
		{"ScenarioConcurrentUpdate", testScenarioConcurrentUpdate},
		{"ScenarioConcurrentCreate", testScenarioConcurrentCreate},
		{"Cooperations", testCooperations},
		{"CooperationOrder", testCooperationOrder},
		{"CooperationConcurrentUpdate", testCooperationConcurrentUpdate},
		{"CooperationConcurrentRetries", testCooperationConcurrentRetries},
		{"CooperationConcurrentCreate", testCooperationConcurrentCreate},
		{"CooperationState", testCooperationState},
		{"Users", testUsers},
		{"UserConcurrentCreate", testUserConcurrentCreate},
		{"Sessions", testSessions},
		{"Tokens", testTokens},
		{"DisableUser", testDisableUser},
		{"Logins", testLogins},
		{"BeginLogin", testBeginLogin},
		{"Audit", testAudit},
		{"AuditConcurrent", testAuditConcurrent},
		{"Inputs", testInputs},
		{"InputSearch", testInputSearch},
		{"InputImport", testInputImport},
		{"InputConcurrentCreate", testInputConcurrentCreate},
		{"InputConcurrentModerate", testInputConcurrentModerate},
		{"EconomyFiles", testEconomyFiles},
		{"DataVersion", testDataVersion},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.test(t, s)
		})
	}
}

var embedded = sync.OnceValues(refdata.Embedded)

// Reference returns the embedded reference data, parsed once per process.
// Callers must not change it.
func Reference(tb testing.TB) *generalist.Reference {
	tb.Helper()
	return must(tb, embedded)
}

// must returns what load returns, failing tb if it fails.
func must[T any](tb testing.TB, load func() (T, error)) T {
	tb.Helper()
	v, err := load()
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

// Loaded loads the embedded reference data into db, as the commands do
// on first start, and returns db.
func Loaded(tb testing.TB, db *sqlstore.DB) *sqlstore.DB {
	tb.Helper()
	if loaded, err := db.LoadReference(context.Background(), Reference(tb)); err != nil || !loaded {
		tb.Fatalf("LoadReference = %v, %v; want true, nil", loaded, err)
	}
	return db
}

// OpenSQLite opens a store on a new SQLite file in a temporary directory,
// closed when tb ends.
func OpenSQLite(tb testing.TB) *sqlstore.DB {
	tb.Helper()
	return OpenSQLiteAt(tb, filepath.Join(tb.TempDir(), "generalist.db"))
}

// OpenSQLiteAt opens a store on the SQLite file at path (or ":memory:"),
// closed when tb ends.
func OpenSQLiteAt(tb testing.TB, path string) *sqlstore.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// sqliteTemplate loads the reference data into a file in t's temporary
// directory (in the background: the tests that need no data start at
// once); each copy is the file copied into the test's own directory.
func sqliteTemplate(t *testing.T) func(testing.TB) *sqlstore.DB {
	path := filepath.Join(t.TempDir(), "template.db")
	ref := Reference(t)
	loaded := inBackground(func() error {
		db, err := sqlite.Open(context.Background(), path)
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.LoadReference(context.Background(), ref)
		return err
	})
	t.Cleanup(func() { loaded() })
	return func(tb testing.TB) *sqlstore.DB {
		tb.Helper()
		if err := loaded(); err != nil {
			tb.Fatalf("loading the reference data into the template: %v", err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		copy := filepath.Join(tb.TempDir(), "generalist.db")
		if err := os.WriteFile(copy, b, 0o600); err != nil {
			tb.Fatal(err)
		}
		return OpenSQLiteAt(tb, copy)
	}
}

// inBackground runs fn in a goroutine of its own; the function it returns
// waits until fn has returned and gives fn's error.
func inBackground(fn func() error) func() error {
	done := make(chan struct{})
	var err error
	go func() {
		defer close(done)
		err = fn()
	}()
	return func() error {
		<-done
		return err
	}
}

var (
	adminOnce sync.Once
	admin     *sql.DB
	adminErr  error
)

// OpenPostgres opens a store on a new, empty schema of the PostgreSQL
// server in GENERALIST_TEST_DATABASE_URL; the store is closed and the
// schema dropped when tb ends. Without the variable it skips tb, or fails
// it when GENERALIST_REQUIRE_POSTGRES=1 (as ./scripts/test sets it).
func OpenPostgres(tb testing.TB) *sqlstore.DB {
	tb.Helper()
	return OpenPostgresAt(tb, PostgresURL(tb)) // closed before the schema is dropped
}

// OpenPostgresAt opens a store on the PostgreSQL database or schema at
// url (such as one PostgresURL made), closed when tb ends: cleanups run
// last-registered first, so before the schema made earlier is dropped.
// Two calls with one url are two processes on one store.
func OpenPostgresAt(tb testing.TB, url string) *sqlstore.DB {
	tb.Helper()
	db, err := postgres.Open(context.Background(), url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// PostgresURL creates a new, empty schema on the PostgreSQL server in
// GENERALIST_TEST_DATABASE_URL and returns a URL whose search_path is that
// schema, for postgres.Open; the schema is dropped when tb ends (close the
// stores opened on it before). It skips or fails tb as OpenPostgres does.
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	base, admin := postgresAdmin(tb)
	schema := "t_" + randomHex(8)
	if _, err := admin.ExecContext(context.Background(), `CREATE SCHEMA `+schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return withSearchPath(tb, base, schema)
}

// postgresAdmin returns the server's URL and a connection pool to it,
// opened once per process; it skips or fails tb without a server.
func postgresAdmin(tb testing.TB) (string, *sql.DB) {
	tb.Helper()
	base := os.Getenv(EnvDatabaseURL)
	if base == "" {
		if os.Getenv(EnvRequirePostgres) == "1" {
			tb.Fatalf("%s=1 but %s is not set: no PostgreSQL server to test on", EnvRequirePostgres, EnvDatabaseURL)
		}
		tb.Skipf("PostgreSQL tests skipped: set %s to a postgres:// URL (./scripts/test starts a throwaway server and sets it)", EnvDatabaseURL)
	}
	adminOnce.Do(func() {
		admin, adminErr = sql.Open("pgx", base)
		if adminErr == nil {
			adminErr = admin.PingContext(context.Background())
		}
	})
	if adminErr != nil {
		tb.Fatalf("PostgreSQL at %s: %v", EnvDatabaseURL, adminErr)
	}
	return base, admin
}

// postgresTemplate creates a database, loads the reference data into it
// (in the background) and drops it when t ends; each copy is a new
// database made with CREATE DATABASE … TEMPLATE, which copies the files
// in a fraction of the time a load takes.
func postgresTemplate(t *testing.T) func(testing.TB) *sqlstore.DB {
	base, admin := postgresAdmin(t)
	ctx := context.Background()
	name := "generalist_tpl_" + randomHex(6)
	ref := Reference(t)
	loaded := inBackground(func() error {
		if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
			return err
		}
		db, err := postgres.Open(ctx, withDatabase(t, base, name))
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.LoadReference(ctx, ref)
		return err
	})
	t.Cleanup(func() {
		loaded()
		if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("drop template database: %v", err)
		}
	})
	return func(tb testing.TB) *sqlstore.DB {
		tb.Helper()
		if err := loaded(); err != nil {
			tb.Fatalf("loading the reference data into the template database: %v", err)
		}
		copy := "t_" + randomHex(8)
		// The template's last connection may take a moment to go.
		for try := 0; ; try++ {
			_, err := admin.ExecContext(ctx, `CREATE DATABASE `+copy+` TEMPLATE `+name)
			if err == nil {
				break
			}
			if try == 50 || !strings.Contains(err.Error(), "being accessed by other users") {
				tb.Fatalf("copy the template database: %v", err)
			}
			time.Sleep(100 * time.Millisecond)
		}
		tb.Cleanup(func() {
			if _, err := admin.ExecContext(context.Background(), `DROP DATABASE `+copy+` WITH (FORCE)`); err != nil {
				tb.Errorf("drop database %s: %v", copy, err)
			}
		})
		return OpenPostgresAt(tb, withDatabase(tb, base, copy)) // closed before the database is dropped
	}
}

// withDatabase returns the URL or connection string base for the
// database name instead of its own.
func withDatabase(tb testing.TB, base, name string) string {
	return withParam(tb, base, "dbname", name, func(u *url.URL) { u.Path = "/" + name })
}

// withSearchPath adds the search_path runtime parameter to a postgres://
// URL or a keyword/value connection string.
func withSearchPath(tb testing.TB, base, schema string) string {
	return withParam(tb, base, "search_path", schema, func(u *url.URL) {
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
	})
}

// withParam adds key=value to a keyword/value connection string base, or
// has set change it if it is a postgres:// URL.
func withParam(tb testing.TB, base, key, value string, set func(u *url.URL)) string {
	if !strings.HasPrefix(base, "postgres://") && !strings.HasPrefix(base, "postgresql://") {
		return base + " " + key + "=" + value
	}
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", EnvDatabaseURL, err)
	}
	set(u)
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
