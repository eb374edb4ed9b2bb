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
	"os"
	"runtime"
	"strings"
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
	// The default deferred transaction: in WAL mode its snapshot is taken
	// by its first read, and it does not block writers.
	ReadIsolation: sql.LevelDefault,
	InputSearch:   inputSearch,
	// Tables leaves out SQLite's own tables (sqlite_sequence, …); the
	// FTS5 index and its shadow tables are virtual or hidden (hidden = 0
	// also leaves out generated columns).
	Tables:  `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`,
	Columns: `SELECT name, type FROM pragma_table_xinfo(?) WHERE hidden = 0`,
	// Booleans are 0/1 integers, times RFC 3339 text (formatTime).
	ColumnTypes: map[string][]string{
		"int": {"integer"}, "real": {"real"}, "text": {"text"},
		"bool": {"integer"}, "time": {"text"}, "bytes": {"blob"},
	},
	// AUTOINCREMENT tables keep their counter in sqlite_sequence.
	Sequence:         `SELECT max(seq) FROM sqlite_sequence WHERE name = ?`,
	SetSequence:      setSequence,
	DeleteAppendOnly: deleteAppendOnly,
	ForeignKeysNow:   foreignKeysNow,
	Integrity:        integrity,
	ForeignKeyCheck:  foreignKeyCheck,
	FileSnapshot:     true, // VACUUM INTO
	AfterErase:       checkpoint,
	Queue:            migrateQueue,
}

// checkpoint copies the write-ahead log into the database file and
// truncates it to zero bytes, so that erased personal data does not stay
// in the log's frames (a checkpoint without truncation reuses the file
// from its start and leaves older frames behind it). It waits for
// readers up to the busy timeout; a reader still on an old snapshot
// after that makes it fail, and erasing again retries it.
func checkpoint(ctx context.Context, db *sql.DB) error {
	var busy, frames, done int
	if err := db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &done); err != nil {
		return fmt.Errorf("checkpoint the write-ahead log: %w", err)
	}
	if busy != 0 {
		return errors.New("checkpoint the write-ahead log: a reader kept it in use")
	}
	return nil
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
//
// The file holds password hashes and personal data, so Open creates it
// readable and writable by its owner only (0600, whatever the umask), and
// takes group and other permissions off an existing one and its -wal and
// -shm files; SQLite gives those the database file's mode. A file Open
// cannot make private (another user owns it) is refused.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, generalist.Errorf(generalist.EINVALID, "database path is empty")
	}
	if path != ":memory:" {
		if err := ownerOnly(path); err != nil {
			return nil, err
		}
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

// ownerOnly creates the database file at path, mode 0600, if it does not
// exist, and takes group and other permissions off it and the files
// SQLite keeps beside it if it does.
func ownerOnly(path string) error {
	if runtime.GOOS == "windows" {
		return nil // no Unix modes; the directory's ACL decides
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		if err := f.Close(); err != nil {
			return fmt.Errorf("sqlite: create %s: %w", path, err)
		}
	case !errors.Is(err, fs.ErrExist):
		return fmt.Errorf("sqlite: create %s: %w", path, err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		fi, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			return fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		if mode := fi.Mode().Perm(); mode&0o077 != 0 {
			if err := os.Chmod(p, mode&^0o077); err != nil {
				return generalist.Errorf(generalist.EINVALID, "%s is open to other users (mode %#o) and cannot be made private: %v; run chmod go-rwx on it as its owner", p, mode, err)
			}
		}
	}
	return nil
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

// inputSearch matches the FTS5 table inputs_fts for every term as a word
// or the start of one. A page or a capped count (page) is driven from the
// index (CROSS JOIN keeps it the outer loop) in descending rowid order,
// which is sort_key order, and stops when it has enough. A tally must see
// every match: with a selective filter (tags, municipality, county) that
// filter drives it instead, and the matches are a set to look up in.
func inputSearch(terms []string, page, selective bool) sqlstore.InputSearch {
	m := make([]string, len(terms))
	for i, t := range terms {
		m[i] = `"` + t + `"*`
	}
	match := strings.Join(m, " AND ")
	if !page && selective {
		// A selective filter drives (the tags' or the place's index), and
		// the matches are a set to look up in; the unary + keeps SQLite
		// from driving the query from the matches, or from every match
		// and every tagged input, or from the status index.
		return sqlstore.InputSearch{
			Cond:   `+i.sort_key IN (SELECT rowid FROM inputs_fts WHERE inputs_fts MATCH ?)`,
			Args:   []any{match},
			Status: "+i.status",
		}
	}
	// Every other condition is a test on the match at hand.
	return sqlstore.InputSearch{
		Cond:  `inputs_fts MATCH ?`,
		Args:  []any{match},
		From:  "inputs_fts CROSS JOIN inputs i ON i.sort_key = inputs_fts.rowid",
		Order: "inputs_fts.rowid DESC",
		ID:    "+i.id",
	}
}

// setSequence raises the counter of an AUTOINCREMENT table in
// sqlite_sequence to v. Another table's next id is max(id)+1, which
// SQLite keeps by itself.
func setSequence(ctx context.Context, tx *sql.Tx, table string, v int64) error {
	var auto int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ? AND sql LIKE '%AUTOINCREMENT%'`, table).Scan(&auto); err != nil {
		return err
	}
	if auto == 0 || v == 0 {
		return nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?`, v, table)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)`, table, v); err != nil {
			return err
		}
	}
	return nil
}

// deleteAppendOnly deletes the rows of a table whose triggers refuse it:
// the triggers are dropped and created again, all inside the transaction.
func deleteAppendOnly(ctx context.Context, tx *sql.Tx, table string) error {
	type trigger struct{ name, sql string }
	trs, err := sqlstore.QueryAll(ctx, tx, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`,
		func(r *sql.Rows) (tr trigger, err error) { return tr, r.Scan(&tr.name, &tr.sql) }, table)
	if err != nil {
		return err
	}
	for _, tr := range trs {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER "`+tr.name+`"`); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
		return err
	}
	for _, tr := range trs {
		if _, err := tx.ExecContext(ctx, tr.sql); err != nil {
			return err
		}
	}
	return nil
}

// foreignKeysNow lists the rows that break a foreign key, which SQLite
// would otherwise find only at the commit.
func foreignKeysNow(ctx context.Context, tx *sql.Tx) (string, error) {
	orphans, err := orphans(ctx, tx)
	if err != nil || len(orphans) == 0 {
		return "", err
	}
	return "foreign keys: " + strings.Join(orphans, "; "), nil
}

// integrity runs PRAGMA integrity_check (the file's pages, records and
// indexes) and the integrity-check of every full-text index against its
// table.
func integrity(ctx context.Context, db *sql.DB, r *sqlstore.CheckReport) error {
	msgs, err := sqlstore.QueryAll(ctx, db, `PRAGMA integrity_check`, func(rows *sql.Rows) (s string, err error) { return s, rows.Scan(&s) })
	if err != nil {
		return fmt.Errorf("integrity_check: %w", err)
	}
	r.Checks = append(r.Checks, "PRAGMA integrity_check")
	if !(len(msgs) == 1 && msgs[0] == "ok") {
		for _, m := range msgs {
			r.Problems = append(r.Problems, "integrity_check: "+m)
		}
	}
	fts, err := sqlstore.QueryAll(ctx, db, `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`,
		func(rows *sql.Rows) (s string, err error) { return s, rows.Scan(&s) })
	if err != nil {
		return err
	}
	for _, name := range fts {
		// rank 1: also compare the index with its content table.
		_, err := db.ExecContext(ctx, fmt.Sprintf(`INSERT INTO %[1]s (%[1]s, rank) VALUES ('integrity-check', 1)`, name))
		r.Checks = append(r.Checks, "FTS5 integrity-check of "+name)
		if err != nil {
			r.Problems = append(r.Problems, fmt.Sprintf("full-text index %s: %v", name, err))
		}
	}
	return nil
}

// foreignKeyCheck runs PRAGMA foreign_key_check.
func foreignKeyCheck(ctx context.Context, tx *sql.Tx, r *sqlstore.CheckReport) error {
	orphans, err := orphans(ctx, tx)
	if err != nil {
		return fmt.Errorf("foreign_key_check: %w", err)
	}
	r.Checks = append(r.Checks, "PRAGMA foreign_key_check")
	r.Problems = append(r.Problems, orphans...)
	return nil
}

// orphans lists the rows PRAGMA foreign_key_check finds.
func orphans(ctx context.Context, tx *sql.Tx) ([]string, error) {
	type orphan struct {
		table, parent string
		rowid         sql.NullInt64
	}
	os, err := sqlstore.QueryAll(ctx, tx, `PRAGMA foreign_key_check`, func(rows *sql.Rows) (o orphan, err error) {
		var fkid int
		return o, rows.Scan(&o.table, &o.rowid, &o.parent, &fkid)
	})
	if err != nil {
		return nil, err
	}
	var out []string
	for i, o := range os {
		if i == sqlstore.MaxProblems {
			out = append(out, fmt.Sprintf("… and %d more rows whose foreign key points nowhere", len(os)-i))
			break
		}
		where := "a row"
		if o.rowid.Valid {
			where = fmt.Sprintf("row %d", o.rowid.Int64)
		}
		out = append(out, fmt.Sprintf("%s: %s refers to a missing row of %s", o.table, where, o.parent))
	}
	return out, nil
}
