// Package sqlite is the embedded default store: one SQLite file (pure Go,
// modernc.org/sqlite) in WAL mode with foreign keys on, migrated by the
// numbered SQL files in migration/.
//
// The store itself is package sqlstore, shared with package postgres;
// this package opens the file, applies its migrations and gives sqlstore
// the SQLite dialect. Every write runs in one transaction that takes the
// write lock when it begins, so a failed import or load leaves the file
// exactly as it was and writers never interleave.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"

	"generalist"
	"generalist/sqlstore"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// DB is an open store; see package sqlstore for its methods.
type DB = sqlstore.DB

// dialect is the SQLite dialect of package sqlstore. Write transactions
// need no options: with _txlock=immediate (set by Open) BEGIN takes the
// write lock, so a transaction's reads and writes never interleave with
// another writer's, and nothing needs to be retried.
var dialect = sqlstore.Dialect{
	Name:             "sqlite",
	MaxParams:        30000, // SQLite's default limit is 32766
	DeferForeignKeys: `PRAGMA defer_foreign_keys = ON`,
	UniqueViolation:  uniqueViolation,
	Time:             formatTime,
}

// Open opens (creating if needed) the SQLite file at path and applies any
// pending migrations. Use ":memory:" for a private in-memory database.
//
// The pragmas: WAL lets readers (a running server) continue while an import
// writes; foreign_keys is off by default in SQLite and must be asked for on
// every connection; busy_timeout makes a second writer wait instead of
// failing at once; synchronous=NORMAL is safe with WAL and much faster.
// _txlock=immediate makes every transaction take the write lock at BEGIN.
// secure_delete overwrites deleted content, so personal data erased on
// request (innspill) does not linger in free pages of the file.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, generalist.Errorf(generalist.EINVALID, "database path is empty")
	}
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)", "secure_delete(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	if path == ":memory:" {
		// A shared cache would be visible to other DBs in the process;
		// one connection keeps the in-memory database private and whole.
		dsn = "file::memory:?" + q.Encode()
	}
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if path == ":memory:" {
		sdb.SetMaxOpenConns(1)
	}
	migrations, err := fs.Sub(migrationFS, "migration")
	if err != nil {
		sdb.Close()
		return nil, err
	}
	db, err := sqlstore.New(ctx, sdb, dialect, migrations, path)
	if err != nil {
		sdb.Close()
		return nil, err
	}
	return db, nil
}

// uniqueViolation reports whether err is a UNIQUE or PRIMARY KEY
// constraint failure.
func uniqueViolation(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// formatTime keeps times as text: RFC 3339 in UTC with exactly six
// fractional digits, so that the text sorts and compares as the time does
// (sessions' expiry, login attempts' window). Rows written before
// migration 0006 hold RFC 3339 without fractions; sqlstore reads both.
func formatTime(t time.Time) any { return t.UTC().Format("2006-01-02T15:04:05.000000Z") }
