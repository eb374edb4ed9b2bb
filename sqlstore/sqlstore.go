// Package sqlstore is the store over database/sql that the SQLite and the
// PostgreSQL backends share: every store method of the domain
// (generalist.AtlasStore, IndicatorStore, ScenarioStore, CatalogueStore,
// IMCStore, UserStore and AuditStore) is written once here, in SQL
// that both databases accept. What differs between them is a small
// Dialect: the placeholder syntax, how a write transaction begins, how
// foreign keys are deferred, which errors mean "a concurrent transaction
// got in the way, run it again", how a time is stored, and the few
// things each database does its own way: its catalogue and id
// generators (backup and restore), its full-text search and its
// integrity checks.
//
// The backends are thin openers: package sqlite (the embedded default)
// and package postgres each open a *sql.DB with their driver, pass their
// own numbered migrations and dialect to New, and return the *DB.
//
// Every write runs in one write transaction, which gives both backends the
// guarantee SQLite gives by serialising writers: a transaction sees no
// concurrent change between its reads and its writes. On PostgreSQL the
// transaction runs at SERIALIZABLE isolation and is run again when it
// fails with a serialization failure, a deadlock or a unique violation
// from a concurrent insert, so version checks, "already exists" checks and
// duplicate-free inserts hold with several server processes on one
// database (docs/decisions/0006-postgresql-backend.md).
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"generalist"
)

// Dialect is what differs between the databases the store runs on. The
// store branches on nothing else: Name only labels its messages and
// backups.
type Dialect struct {
	// Name starts the store's internal error messages ("sqlite: …").
	Name string
	// NumberedParams makes the store rewrite the ? placeholders it
	// writes its queries with into $1, $2 … (PostgreSQL).
	NumberedParams bool
	// MaxParams is the most bind parameters one statement may have; bulk
	// inserts are split to stay below it.
	MaxParams int
	// WriteTx are the options every write transaction begins with. SQLite
	// needs none: its _txlock=immediate takes the write lock at BEGIN.
	// PostgreSQL runs writes at sql.LevelSerializable.
	WriteTx *sql.TxOptions
	// DeferForeignKeys is the statement that, run first in a transaction,
	// postpones its foreign-key checks to the commit. LoadReference uses
	// it to delete and reinsert rows that others refer to.
	DeferForeignKeys string
	// Retry reports whether a write transaction failed only because a
	// concurrent one got in the way, so that running it again may succeed
	// (PostgreSQL's serialization failure and deadlock). Nil: never.
	Retry func(error) bool
	// UniqueViolation reports whether err is a unique-constraint
	// violation. A write that still fails with one after its retries is
	// reported as ECONFLICT.
	UniqueViolation func(error) bool
	// Time converts a time into the value a time column stores: text for
	// SQLite, the time itself for PostgreSQL's timestamptz. The value is
	// already UTC and truncated to the microsecond.
	Time func(time.Time) any
	// Lock, if set, is called on the connection that applies the
	// migrations before it reads which ones have been applied; the
	// function it returns releases the lock. PostgreSQL takes an advisory
	// lock so that two processes starting at once do not race.
	Lock func(ctx context.Context, conn *sql.Conn) (unlock func(), err error)
	// Queue, if set, applies the job queue's own migrations (River's,
	// with the backend's River driver; docs/decisions/0013-jobs.md) on
	// conn after the store's numbered ones, under the same lock. River
	// keeps its own version table (river_migration), so a River upgrade
	// brings its migrations with it.
	Queue func(ctx context.Context, conn *sql.Conn) error

	// ReadIsolation is the isolation level of the read-only transaction
	// that sees one snapshot (Backup, CheckStore): PostgreSQL's
	// sql.LevelRepeatableRead (as pg_dump); SQLite's default deferred
	// transaction takes its snapshot (in WAL mode) at its first read and
	// does not block writers.
	ReadIsolation sql.IsolationLevel
	// InputSearch builds the full-text condition of a search of inputs
	// from the query's terms (letters and digits only, from
	// generalist.InputQueryTerms): SQLite matches its FTS5 index,
	// PostgreSQL its tsvector column. page: a page or a capped count is
	// wanted; selective: the filter has tags, a municipality or a county.
	InputSearch func(terms []string, page, selective bool) InputSearch
	// AfterInputImport, if not empty, is the statement run after
	// ImportInputs has stored a large import (1,000 inputs or more).
	// PostgreSQL analyzes the tables, so that searches are planned with
	// the new rows' statistics before autovacuum gets to them.
	AfterInputImport string
	// AfterErase, if set, runs after personal data has been erased
	// (ErasePersonalData, committed), to clear the copies the database
	// keeps outside its tables: SQLite checkpoints its write-ahead log
	// and truncates it (secure_delete overwrites freed space in the
	// database file, not the old page images in the log's frames);
	// PostgreSQL vacuums the tables, so that the dead row versions holding
	// the data are removed and their space reused.
	AfterErase func(ctx context.Context, db *sql.DB) error

	// Tables is the catalogue query that lists the database's tables
	// (one column, the name) but the database's own and virtual tables
	// with their shadow tables; Columns lists a table's columns (? is its
	// name) as name and declared type, leaving out generated ones. The
	// backup checks its list of tables against them.
	Tables, Columns string
	// ColumnTypes are, per column type of a backup ("int", "real",
	// "text", "bool", "time", "bytes"), the declared types (lower case)
	// of a column that holds it.
	ColumnTypes map[string][]string
	// Sequence reads the last id a table's id generator has handed out
	// (? is the table's name): one row, NULL when it has handed out none.
	Sequence string
	// SetSequence makes the id generator of table continue after v
	// (Restore); it never moves a generator back.
	SetSequence func(ctx context.Context, tx *sql.Tx, table string, v int64) error
	// DeleteAppendOnly deletes every row of a table whose triggers
	// refuse deletions (the audit log), inside tx, and leaves the
	// triggers in force again for the rest of the transaction.
	DeleteAppendOnly func(ctx context.Context, tx *sql.Tx, table string) error
	// ForeignKeysNow checks the deferred foreign keys of tx before its
	// commit (Restore). broken is empty when every row's keys hold, else
	// it says what the rows break ("foreign keys: …").
	ForeignKeysNow func(ctx context.Context, tx *sql.Tx) (broken string, err error)

	// Integrity checks the database's storage (pages, records, indexes)
	// for CheckStore and adds what it ran, skipped and found to r.
	Integrity func(ctx context.Context, db *sql.DB, r *CheckReport) error
	// ForeignKeyCheck adds to r the rows, read in tx (the snapshot of the
	// registry's checks), whose foreign keys point nowhere.
	ForeignKeyCheck func(ctx context.Context, tx *sql.Tx, r *CheckReport) error
	// FileSnapshot reports whether the store can be copied into a new
	// file that is itself a store (SQLite's VACUUM INTO).
	FileSnapshot bool
}

// InputSearch is how a text query enters a search of inputs i; the
// dialect's InputSearch builds it.
type InputSearch struct {
	// Cond is the full-text condition and Args its parameters.
	Cond string
	Args []any
	// From and Order, if not empty, replace the search's "inputs i" and
	// "i.sort_key DESC" (SQLite drives a page from its FTS5 index).
	From, Order string
	// Status and ID, if not empty, replace i.status and i.id in the
	// status and tag filters (SQLite hides their indexes with a unary +,
	// so that they do not drive the query).
	Status, ID string
}

// maxAttempts is how many times a write transaction is tried when the
// dialect says its failure came from a concurrent one.
const maxAttempts = 10

// DB is an open store.
type DB struct {
	db    *sql.DB
	d     Dialect
	where string

	// Now returns the current time; tests replace it.
	Now func() time.Time

	version versionQuery // DataVersion's prepared query
}

var (
	_ generalist.AtlasStore     = (*DB)(nil)
	_ generalist.IndicatorStore = (*DB)(nil)
	_ generalist.ScenarioStore  = (*DB)(nil)
	_ generalist.CatalogueStore = (*DB)(nil)
	_ generalist.IMCStore       = (*DB)(nil)
	_ generalist.UserStore      = (*DB)(nil)
	_ generalist.AuditStore     = (*DB)(nil)
)

// New returns a store on sdb after applying the migrations in migrations
// (files named NNNN_name.sql, applied in order, each once and in its own
// transaction). where names the database in messages and is what Path
// returns. On error sdb is left open; the caller closes it.
func New(ctx context.Context, sdb *sql.DB, d Dialect, migrations fs.FS, where string) (*DB, error) {
	if d.MaxParams <= 0 || d.Time == nil || d.InputSearch == nil || d.Tables == "" || d.Columns == "" || d.Sequence == "" ||
		d.SetSequence == nil || d.DeleteAppendOnly == nil || d.ForeignKeysNow == nil || d.Integrity == nil || d.ForeignKeyCheck == nil {
		return nil, fmt.Errorf("sqlstore: dialect %q: MaxParams, Time, InputSearch, Tables, Columns, Sequence, SetSequence, DeleteAppendOnly, ForeignKeysNow, Integrity and ForeignKeyCheck are required", d.Name)
	}
	db := &DB{db: sdb, d: d, where: where, Now: time.Now}
	if err := db.migrate(ctx, migrations); err != nil {
		return nil, fmt.Errorf("%s: open %s: %w", d.Name, where, err)
	}
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error {
	db.version.mu.Lock()
	db.version.close()
	db.version.mu.Unlock()
	return db.db.Close()
}

// Path returns what the store was opened on: the SQLite file, or the
// PostgreSQL URL without its password.
func (db *DB) Path() string { return db.where }

// Dialect returns the dialect the store was opened with.
func (db *DB) Dialect() Dialect { return db.d }

// migrate applies the migrations that have not yet been applied, each in
// its own transaction, in file-name order, on one connection (which holds
// the dialect's lock, if any).
func (db *DB) migrate(ctx context.Context, migrations fs.FS) error {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if db.d.Lock != nil {
		unlock, err := db.d.Lock(ctx, conn)
		if err != nil {
			return fmt.Errorf("lock for migrations: %w", err)
		}
		defer unlock()
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "*.sql")
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return errors.New("no migrations")
	}
	sort.Strings(names)
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", name)
		}
		if err := db.migrateOne(ctx, conn, migrations, v, name); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	if db.d.Queue != nil {
		if err := db.d.Queue(ctx, conn); err != nil {
			return fmt.Errorf("job queue migrations: %w", err)
		}
	}
	return nil
}

func (db *DB) migrateOne(ctx context.Context, conn *sql.Conn, migrations fs.FS, version int, name string) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM schema_migrations WHERE version = ?`), version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	b, err := fs.ReadFile(migrations, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(b)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
		version, "migration/"+name, db.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

// rebind rewrites the ? placeholders of q for the dialect. A ? inside a
// quoted string or identifier is left alone.
func (db *DB) rebind(q string) string {
	if !db.d.NumberedParams || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	var quote byte
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// querier is what both the DB and a transaction run queries with.
type querier interface {
	query(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	queryRow(ctx context.Context, q string, args ...any) *sql.Row
	exec(ctx context.Context, q string, args ...any) (sql.Result, error)
}

func (db *DB) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if err := refuseNUL(args); err != nil {
		return nil, err
	}
	return db.db.QueryContext(ctx, db.rebind(q), args...)
}

func (db *DB) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return db.db.QueryRowContext(ctx, db.rebind(q), nulSafe(args)...)
}

func (db *DB) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if err := refuseNUL(args); err != nil {
		return nil, err
	}
	return db.db.ExecContext(ctx, db.rebind(q), args...)
}

// queryAll runs q on on and scans every row with scan.
func queryAll[T any](ctx context.Context, on querier, q string, scan func(*sql.Rows) (T, error), args ...any) ([]T, error) {
	rows, err := on.query(ctx, q, args...)
	return scanAll(rows, err, scan)
}

// Queryer runs a query as it is written, in the backend's own placeholder
// syntax: a *sql.DB, *sql.Conn or *sql.Tx.
type Queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// QueryAll runs q on on and scans every row with scan: for the backends'
// dialect functions, which query their own catalogues.
func QueryAll[T any](ctx context.Context, on Queryer, q string, scan func(*sql.Rows) (T, error), args ...any) ([]T, error) {
	rows, err := on.QueryContext(ctx, q, args...)
	return scanAll(rows, err, scan)
}

// scanAll scans every row of a query's result with scan.
func scanAll[T any](rows *sql.Rows, err error, scan func(*sql.Rows) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// tx is a write transaction.
type tx struct {
	tx *sql.Tx
	db *DB
}

func (t *tx) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if err := refuseNUL(args); err != nil {
		return nil, err
	}
	return t.tx.QueryContext(ctx, t.db.rebind(q), args...)
}

func (t *tx) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, t.db.rebind(q), nulSafe(args)...)
}

func (t *tx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if err := refuseNUL(args); err != nil {
		return nil, err
	}
	return t.tx.ExecContext(ctx, t.db.rebind(q), args...)
}

// deleteExisting runs q, a DELETE of something that must exist; when it
// deletes no row, the error is missing.
func (t *tx) deleteExisting(ctx context.Context, missing error, q string, args ...any) error {
	res, err := t.exec(ctx, q, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return missing
	}
	return nil
}

func (t *tx) prepare(ctx context.Context, q string) (*sql.Stmt, error) {
	return t.tx.PrepareContext(ctx, t.db.rebind(q))
}

// write runs fn in a write transaction and commits it. When the attempt
// fails only because a concurrent transaction got in the way (the
// dialect's Retry, or a unique violation from a row inserted meanwhile),
// it is run again from the start after a short random pause, up to
// maxAttempts times; fn must therefore change nothing outside the
// transaction before it returns. A domain error (*generalist.Error) from
// fn is the answer and is never retried.
func (db *DB) write(ctx context.Context, fn func(tx *tx) error) error {
	for attempt := 1; ; attempt++ {
		err := db.writeOnce(ctx, fn)
		if err == nil || generalist.ErrorCode(err) != generalist.EINTERNAL || !db.retryable(err) {
			return err
		}
		if attempt == maxAttempts {
			if db.d.UniqueViolation != nil && db.d.UniqueViolation(err) {
				return generalist.Errorf(generalist.ECONFLICT, "the change collided with a concurrent one that stored the same key; nothing was saved — try again")
			}
			return err
		}
		pause := time.Duration(1+rand.IntN(1<<min(attempt, 6))) * time.Millisecond
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
	}
}

func (db *DB) retryable(err error) bool {
	if db.d.Retry == nil {
		return false
	}
	return db.d.Retry(err) || db.d.UniqueViolation != nil && db.d.UniqueViolation(err)
}

func (db *DB) writeOnce(ctx context.Context, fn func(tx *tx) error) error {
	stx, err := db.db.BeginTx(ctx, db.d.WriteTx)
	if err != nil {
		return err
	}
	defer stx.Rollback()
	if err := fn(&tx{tx: stx, db: db}); err != nil {
		return err
	}
	return stx.Commit()
}

// bulkInsert inserts rows into table in multi-row statements, which is
// several times faster than one statement per row. conflict, if not
// empty, is the ON CONFLICT clause each statement ends with.
func bulkInsert(ctx context.Context, t *tx, table string, cols []string, rows [][]any, conflict string) error {
	if len(rows) == 0 {
		return nil
	}
	per := t.db.d.MaxParams / len(cols)
	ph := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
	for start := 0; start < len(rows); start += per {
		end := min(start+per, len(rows))
		var b strings.Builder
		fmt.Fprintf(&b, "INSERT INTO %s (%s) VALUES ", table, strings.Join(cols, ", "))
		args := make([]any, 0, (end-start)*len(cols))
		for i := start; i < end; i++ {
			if i > start {
				b.WriteByte(',')
			}
			b.WriteString(ph)
			args = append(args, rows[i]...)
		}
		if conflict != "" {
			b.WriteString(" " + conflict)
		}
		if _, err := t.exec(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
	}
	return nil
}

// upsert returns the ON CONFLICT clause that, for a row whose key
// columns match a stored one, overwrites the other columns (what SQLite's
// INSERT OR REPLACE did).
func upsert(key, cols []string) string {
	isKey := map[string]bool{}
	for _, k := range key {
		isKey[k] = true
	}
	var set []string
	for _, c := range cols {
		if !isKey[c] {
			set = append(set, c+" = excluded."+c)
		}
	}
	return "ON CONFLICT (" + strings.Join(key, ", ") + ") DO UPDATE SET " + strings.Join(set, ", ")
}

// time stores t: UTC, to the microsecond, in the dialect's form.
func (db *DB) time(t time.Time) any { return db.d.Time(t.UTC().Truncate(time.Microsecond)) }

// now is the current time as the store keeps it, to the second.
func (db *DB) now() time.Time { return db.Now().UTC().Truncate(time.Second) }

// timeCol scans a time column: text in one of the forms SQLite has held
// (RFC 3339, with or without fractional seconds) or a time.Time from
// PostgreSQL. The result is UTC.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		*c.t = v.UTC()
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	case nil:
		*c.t = time.Time{}
	default:
		return fmt.Errorf("time column: unexpected %T", src)
	}
	return nil
}

func (c timeCol) parse(s string) error {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("time column: %w", err)
	}
	*c.t = t.UTC()
	return nil
}

// nullTimeCol scans a time column that may be NULL into a *time.Time.
type nullTimeCol struct{ t **time.Time }

func (c nullTimeCol) Scan(src any) error {
	if src == nil {
		*c.t = nil
		return nil
	}
	var t time.Time
	if err := (timeCol{&t}).Scan(src); err != nil {
		return err
	}
	*c.t = &t
	return nil
}

// errorf wraps an internal error with the backend's name.
func (db *DB) errorf(format string, args ...any) error {
	return fmt.Errorf(db.d.Name+": "+format, args...)
}

// SQL returns the store's database handle, for the job queue's driver on
// the embedded store (River's riversqlite, which shares the file and its
// write lock with the store; docs/decisions/0013-jobs.md). Nothing else
// should query through it.
func (db *DB) SQL() *sql.DB { return db.db }
