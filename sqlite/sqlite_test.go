package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"generalist"
	"generalist/imc"
	"generalist/sqlite"
	"generalist/storetest"
)

// TestStore runs the conformance suite on SQLite files.
func TestStore(t *testing.T) {
	storetest.Run(t, storetest.SQLite)
}

// TestReopen checks that what one store wrote is there, unchanged, for
// the next process that opens the file.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "generalist.db")
	db := storetest.Loaded(t, storetest.OpenSQLiteAt(t, path))
	ind, values := storetest.FixtureIndicator()
	if err := db.ImportIndicator(ctx, ind, values, false); err != nil {
		t.Fatal(err)
	}
	cs := storetest.ImportExamples(t, db)
	u := &generalist.User{Name: "kari", Role: generalist.UserAdmin, PasswordHash: "x"}
	if err := db.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db2 := storetest.OpenSQLiteAt(t, path)
	if loaded, err := db2.LoadReference(ctx, storetest.Reference(t)); err != nil || loaded {
		t.Errorf("LoadReference after reopen = %v, %v; want false, nil", loaded, err)
	}
	if got, err := db2.Indicator(ctx, ind.ID); err != nil || got.Name != ind.Name || !got.CreatedAt.Equal(ind.CreatedAt) {
		t.Errorf("after reopening, Indicator = %+v, %v; want %+v", got, err, ind)
	}
	if got, err := db2.IMCs(ctx, generalist.IMCFilter{}); err != nil || len(got) != len(cs) {
		t.Errorf("after reopening: %d cooperations, %v", len(got), err)
	}
	if got, err := db2.UserByName(ctx, "kari"); err != nil || got.ID != u.ID {
		t.Errorf("after reopening, UserByName = %+v, %v", got, err)
	}
}

// TestPragmas checks the connection settings Open promises, on every
// connection of the pool.
func TestPragmas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	storetest.OpenSQLiteAt(t, path)
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var mode string
	if err := raw.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal (kept in the file)", mode, err)
	}
}

// TestMemory opens the private in-memory database.
func TestMemory(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenSQLiteAt(t, ":memory:")
	if err := db.CreateScenario(ctx, &generalist.Scenario{ID: "m", Name: "M"}); err != nil {
		t.Fatal(err)
	}
	other := storetest.OpenSQLiteAt(t, ":memory:")
	if list, err := other.Scenarios(ctx); err != nil || len(list) != 0 {
		t.Errorf("a second :memory: store sees %d scenarios, %v; want its own, empty", len(list), err)
	}
	if _, err := sqlite.Open(ctx, ""); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Open(\"\") = %v, want EINVALID", err)
	}
}

// TestUpgrade opens a file made by a binary before migration 0006 (times
// stored as RFC 3339 without fractions): it is migrated, and its rows
// read as they were.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db := storetest.OpenSQLiteAt(t, path)
	if err := db.CreateScenario(ctx, &generalist.Scenario{ID: "old", Name: "Old"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DROP TABLE audit_log`, `DROP TABLE login_attempts`, `DROP TABLE api_tokens`, `DROP TABLE sessions`, `DROP TABLE users`,
		`DELETE FROM schema_migrations WHERE version = 6`,
		`UPDATE scenarios SET created_at = '2026-01-02T03:04:05Z', updated_at = '2026-01-02T03:04:05Z'`,
		`INSERT INTO catalogue_changes (task, field, value, note, author, at) VALUES ('barnevern', 'min_team', 7, 'n', 'a', '2026-01-02T03:04:05Z')`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()
	db = storetest.OpenSQLiteAt(t, path)
	changes, err := db.ParamChanges(ctx)
	if want := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC); err != nil || len(changes) != 1 || !changes[0].At.Equal(want) {
		t.Errorf("ParamChanges after upgrade = %+v, %v", changes, err)
	}
	if _, err := db.Users(ctx); err != nil {
		t.Errorf("Users after upgrade: %v", err)
	}
	var n int
	raw, _ = sql.Open("sqlite", "file:"+path)
	defer raw.Close()
	if err := raw.QueryRow(`SELECT count(*) FROM schema_migrations WHERE version = 6`).Scan(&n); err != nil || n != 1 {
		t.Errorf("migration 6 recorded %d times, %v; want once", n, err)
	}
}

// TestAuditAppendOnly checks that the file refuses to change a recorded
// audit entry, whoever asks.
func TestAuditAppendOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.db")
	db := storetest.OpenSQLiteAt(t, path)
	if err := db.RecordAudit(ctx, &generalist.AuditEntry{User: "kari", Action: "x"}); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, q := range []string{`UPDATE audit_log SET user_name = 'ola'`, `DELETE FROM audit_log`} {
		if _, err := raw.Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s = %v, want refused", q, err)
		}
	}
}

func BenchmarkLoadReference(b *testing.B) {
	r := storetest.Reference(b)
	for b.Loop() {
		db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "g.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.LoadReference(context.Background(), r); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

var editor = generalist.IMCEdit{Author: "Testanalytiker", Note: "test"}

// BenchmarkCooperationUpdate stores one new version of a cooperation (the
// version check, the diff, the index rows and the revision, in one
// transaction) on a file in t.TempDir.
func BenchmarkCooperationUpdate(b *testing.B) {
	ctx := context.Background()
	db := storetest.Loaded(b, storetest.OpenSQLite(b))
	cs, err := imc.Examples()
	if err != nil {
		b.Fatal(err)
	}
	c := cs[1]
	if err := db.CreateIMC(ctx, &c, editor); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		c.Notes = fmt.Sprintf("Endring %d", i)
		if err := db.UpdateIMC(ctx, &c, editor); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCooperationList reads 1,000 registered cooperations.
func BenchmarkCooperationList(b *testing.B) {
	ctx := context.Background()
	db := storetest.Loaded(b, storetest.OpenSQLite(b))
	cs, err := imc.Examples()
	if err != nil {
		b.Fatal(err)
	}
	var many []generalist.IMC
	for i := 0; i < 1000; i++ {
		c := cs[i%len(cs)]
		c.Name = fmt.Sprintf("%s %d", c.Name, i)
		many = append(many, c)
	}
	if _, _, err := db.ImportIMCs(ctx, many, editor, false); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if got, err := db.IMCs(ctx, generalist.IMCFilter{}); err != nil || len(got) != 1000 {
			b.Fatalf("%d, %v", len(got), err)
		}
	}
}
