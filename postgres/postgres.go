// Package postgres is the optional PostgreSQL store, for several server
// processes on one database. It opens the database with pgx
// (github.com/jackc/pgx/v5) through its database/sql driver, applies the
// numbered migrations in migration/ under an advisory lock, and gives
// package sqlstore, which holds the store shared with package sqlite, the
// PostgreSQL dialect.
//
// SQLite serialises writers; PostgreSQL does not. To give the same
// guarantees, every write transaction runs at SERIALIZABLE isolation and
// is run again (a few times, after a short random pause) when it fails
// with a serialization failure (SQLSTATE 40001), a deadlock (40P01) or a
// unique violation (23505) caused by a concurrent insert: the second run
// sees the other transaction's change and answers as SQLite would, with
// ECONFLICT for a stale version or an existing name. Text columns use the
// "C" collation, so ORDER BY gives SQLite's byte order.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"generalist"
	"generalist/sqlstore"
)

//go:embed migration/*.sql
var migrationFS embed.FS

var dialect = sqlstore.Dialect{
	Name:             "postgres",
	NumberedParams:   true,
	MaxParams:        65535, // the protocol's limit
	WriteTx:          &sql.TxOptions{Isolation: sql.LevelSerializable},
	DeferForeignKeys: `SET CONSTRAINTS ALL DEFERRED`, // the foreign keys are DEFERRABLE
	Retry:            retry,
	UniqueViolation:  func(err error) bool { return sqlState(err) == "23505" },
	Time:             func(t time.Time) any { return t }, // timestamptz
	Lock:             lock,
	Queue:            migrateQueue,
	// A read-only snapshot as pg_dump takes it.
	ReadIsolation: sql.LevelRepeatableRead,
	InputSearch:   inputSearch,
	// PostgreSQL plans a search by the statistics of the tables, which
	// autovacuum refreshes only some time after a large import; until
	// then a rare word may be searched by reading every input.
	AfterInputImport: `ANALYZE inputs, input_tags`,
	AfterErase:       vacuumErased,
	Tables:           `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
	Columns: `SELECT column_name, data_type FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'`,
	ColumnTypes: map[string][]string{
		"int": {"integer", "bigint", "smallint"}, "real": {"double precision", "real"}, "text": {"text"},
		"bool": {"boolean"}, "time": {"timestamp with time zone"}, "bytes": {"bytea"},
	},
	// The identity column's sequence; NULL for a table whose ids the
	// store gives itself.
	Sequence:         `SELECT pg_sequence_last_value(pg_get_serial_sequence(?, 'id')::regclass)`,
	SetSequence:      setSequence,
	DeleteAppendOnly: deleteAppendOnly,
	ForeignKeysNow:   foreignKeysNow,
	Integrity:        integrity,
	ForeignKeyCheck:  foreignKeyCheck,
}

// Open connects to the PostgreSQL database at url (a postgres:// URL or a
// keyword/value string, as libpq takes; runtime parameters such as
// search_path may be given in it) and applies any pending migrations.
// Several processes may open the same database at once.
func Open(ctx context.Context, url string) (*sqlstore.DB, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		// pgx leaves the password out of its message.
		return nil, generalist.Errorf(generalist.EINVALID, "PostgreSQL URL: %v", err)
	}
	where := fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
	if sp := cfg.RuntimeParams["search_path"]; sp != "" {
		where += "?search_path=" + sp
	}
	sdb := stdlib.OpenDB(*cfg)
	// A server process needs a few connections, not PostgreSQL's
	// max_connections (100 by default) shared by every process.
	sdb.SetMaxOpenConns(16)
	sdb.SetMaxIdleConns(4)
	sdb.SetConnMaxIdleTime(5 * time.Minute)
	migrations, err := fs.Sub(migrationFS, "migration")
	if err != nil {
		sdb.Close()
		return nil, err
	}
	db, err := sqlstore.New(ctx, sdb, dialect, migrations, where)
	if err != nil {
		sdb.Close()
		return nil, err
	}
	return db, nil
}

// sqlState returns the SQLSTATE of a PostgreSQL error in err's chain, or "".
func sqlState(err error) string {
	var e *pgconn.PgError
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// vacuumErased vacuums the tables an erasure changed, so that the dead
// row versions still holding the erased name, e-mail and attachment are
// removed now rather than whenever autovacuum comes (it leaves those an
// open snapshot can still see). Their space is then free for reuse but
// not overwritten: the bytes leave the data files only as new rows fill
// it, or at once with VACUUM FULL, and they stay in the server's
// write-ahead log and base backups until those are recycled
// (docs/reliability.md).
func vacuumErased(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `VACUUM inputs, input_attachments`); err != nil {
		return fmt.Errorf("vacuum after an erasure: %w", err)
	}
	return nil
}

// retry reports whether a write transaction failed only because a
// concurrent one got in the way.
func retry(err error) bool {
	switch sqlState(err) {
	case "40001", "40P01": // serialization_failure, deadlock_detected
		return true
	}
	return false
}

// lock takes a session-level advisory lock for the migrations of the
// current schema, so that two processes starting at once apply each
// migration once, one after the other. Processes on other schemas (the
// tests' throwaway ones) do not wait for each other.
func lock(ctx context.Context, conn *sql.Conn) (func(), error) {
	var schema sql.NullString
	if err := conn.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return nil, err
	}
	if !schema.Valid {
		return nil, errors.New("no schema on the search_path exists to create the tables in")
	}
	h := fnv.New64a()
	h.Write([]byte("generalist migrations\x00" + schema.String))
	key := int64(h.Sum64())
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return nil, err
	}
	return func() {
		conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key)
	}, nil
}

// inputSearch matches the tsvector column search_vector (configuration
// 'simple', GIN index) with every term as a word or the start of one.
func inputSearch(terms []string, _, _ bool) sqlstore.InputSearch {
	m := make([]string, len(terms))
	for i, t := range terms {
		m[i] = t + ":*"
	}
	// The query is a constant, not a parameter: with a parameter, a
	// statement prepared and run a few times gets a generic plan that
	// cannot tell a rare word from a common one, and reads every input
	// for a rare one. The terms are letters and digits only
	// (InputQueryTerms); quotes are doubled all the same.
	return sqlstore.InputSearch{Cond: `i.search_vector @@ to_tsquery('simple', '` + strings.ReplaceAll(strings.Join(m, " & "), "'", "''") + `')`}
}

// setSequence moves the identity sequence of table up to v, never back
// (sequences are not transactional). A table without one needs nothing.
func setSequence(ctx context.Context, tx *sql.Tx, table string, v int64) error {
	var seq sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT pg_get_serial_sequence($1, 'id')`, table).Scan(&seq); err != nil {
		return err
	}
	if !seq.Valid {
		return nil // the store gives the ids itself
	}
	var cur sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT pg_sequence_last_value($1::regclass)`, seq.String).Scan(&cur); err != nil {
		return err
	}
	if v > cur.Int64 {
		if _, err := tx.ExecContext(ctx, `SELECT setval($1::regclass, $2)`, seq.String, v); err != nil {
			return err
		}
	}
	return nil
}

// deleteAppendOnly deletes the rows of a table whose triggers refuse it,
// with its user triggers disabled inside the transaction.
func deleteAppendOnly(ctx context.Context, tx *sql.Tx, table string) error {
	for _, q := range []string{`ALTER TABLE ` + table + ` DISABLE TRIGGER USER`, `DELETE FROM ` + table, `ALTER TABLE ` + table + ` ENABLE TRIGGER USER`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// foreignKeysNow checks the deferred (DEFERRABLE) foreign keys at once.
func foreignKeysNow(ctx context.Context, tx *sql.Tx) (string, error) {
	if _, err := tx.ExecContext(ctx, `SET CONSTRAINTS ALL IMMEDIATE`); err != nil {
		return "a foreign key: " + err.Error(), nil
	}
	return "", nil
}

// integrity runs amcheck, if it can: bt_index_check (with
// heapallindexed) on every B-tree index of the store and verify_heapam on
// every table, when the extension is installed or can be created; else
// it is reported as skipped.
func integrity(ctx context.Context, db *sql.DB, r *sqlstore.CheckReport) error {
	schema, err := amcheckSchema(ctx, db)
	if err != nil {
		r.Skipped = append(r.Skipped, "amcheck (bt_index_check, verify_heapam): "+err.Error())
		return nil
	}
	problem := func(format string, args ...any) { r.Problems = append(r.Problems, fmt.Sprintf(format, args...)) }
	indexes, err := sqlstore.QueryAll(ctx, db, `SELECT c.oid::regclass::text FROM pg_index i
		JOIN pg_class c ON c.oid = i.indexrelid
		JOIN pg_class t ON t.oid = i.indrelid
		JOIN pg_am am ON am.oid = c.relam
		WHERE t.relnamespace = current_schema()::regnamespace AND am.amname = 'btree' AND i.indisvalid AND i.indisready
		ORDER BY 1`, func(rows *sql.Rows) (s string, err error) { return s, rows.Scan(&s) })
	if err != nil {
		return err
	}
	for _, ix := range indexes {
		if _, err := db.ExecContext(ctx, `SELECT `+schema+`.bt_index_check($1::regclass, true)`, ix); err != nil {
			problem("index %s: %v", ix, err)
		}
	}
	r.Checks = append(r.Checks, fmt.Sprintf("amcheck bt_index_check(heapallindexed) on %d indexes", len(indexes)))
	var heap int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_proc WHERE proname = 'verify_heapam' AND pronamespace = $1::regnamespace`, strings.Trim(schema, `"`)).Scan(&heap); err != nil {
		return err
	}
	if heap == 0 {
		r.Skipped = append(r.Skipped, "verify_heapam: amcheck is older than 1.3")
		return nil
	}
	tables, err := sqlstore.QueryAll(ctx, db, `SELECT oid::regclass::text FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' ORDER BY 1`,
		func(rows *sql.Rows) (s string, err error) { return s, rows.Scan(&s) })
	if err != nil {
		return err
	}
	for _, tb := range tables {
		msgs, err := sqlstore.QueryAll(ctx, db, `SELECT blkno || '/' || coalesce(offnum::text, '-') || ': ' || msg FROM `+schema+`.verify_heapam($1::regclass)`,
			func(rows *sql.Rows) (s string, err error) { return s, rows.Scan(&s) }, tb)
		if err != nil {
			problem("table %s: %v", tb, err)
			continue
		}
		for i, m := range msgs {
			if i == sqlstore.MaxProblems {
				problem("table %s: … and %d more", tb, len(msgs)-i)
				break
			}
			problem("table %s: page %s", tb, m)
		}
	}
	r.Checks = append(r.Checks, fmt.Sprintf("amcheck verify_heapam on %d tables", len(tables)))
	return nil
}

// amcheckSchema returns the quoted schema of the amcheck extension,
// creating the extension (in public, else in the store's schema) when it
// is missing and the role may.
func amcheckSchema(ctx context.Context, db *sql.DB) (string, error) {
	find := func() (string, error) {
		var s string
		err := db.QueryRowContext(ctx, `SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'amcheck'`).Scan(&s)
		return s, err
	}
	if s, err := find(); err == nil {
		return s, nil
	} else if err != sql.ErrNoRows {
		return "", err
	}
	var firstErr error
	for _, q := range []string{`CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public`, `CREATE EXTENSION IF NOT EXISTS amcheck`} {
		_, err := db.ExecContext(ctx, q)
		if s, ferr := find(); ferr == nil {
			return s, nil // made here, or by a concurrent check
		}
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = fmt.Errorf("the extension is missing")
	}
	return "", fmt.Errorf("the extension is not installed and cannot be created: %v", firstErr)
}

// foreignKeyCheck counts, per foreign key of the store's schema, the
// rows that refer to no row (MATCH SIMPLE: a key with a NULL refers to
// none).
func foreignKeyCheck(ctx context.Context, tx *sql.Tx, r *sqlstore.CheckReport) error {
	type fk struct{ name, child, parent, childCols, parentCols string }
	fks, err := sqlstore.QueryAll(ctx, tx, `SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
		array_to_string(ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.conkey) WITH ORDINALITY AS k(n, i)
			JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i), ','),
		array_to_string(ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.confkey) WITH ORDINALITY AS k(n, i)
			JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i), ',')
		FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace ORDER BY 2, 1`,
		func(rows *sql.Rows) (f fk, err error) {
			return f, rows.Scan(&f.name, &f.child, &f.parent, &f.childCols, &f.parentCols)
		})
	if err != nil {
		return fmt.Errorf("foreign keys: %w", err)
	}
	for _, f := range fks {
		cc, pc := strings.Split(f.childCols, ","), strings.Split(f.parentCols, ",")
		var notNull, match []string
		for i := range cc {
			notNull = append(notNull, "c."+cc[i]+" IS NOT NULL")
			match = append(match, "p."+pc[i]+" = c."+cc[i])
		}
		var n int64
		q := fmt.Sprintf(`SELECT count(*) FROM %s c WHERE %s AND NOT EXISTS (SELECT 1 FROM %s p WHERE %s)`,
			f.child, strings.Join(notNull, " AND "), f.parent, strings.Join(match, " AND "))
		if err := tx.QueryRowContext(ctx, q).Scan(&n); err != nil {
			return fmt.Errorf("foreign keys: %s: %w", f.name, err)
		}
		if n > 0 {
			r.Problems = append(r.Problems, fmt.Sprintf("%s: %d row(s) of %s refer to a missing row of %s (%s)", f.name, n, f.child, f.parent, f.childCols))
		}
	}
	r.Checks = append(r.Checks, fmt.Sprintf("orphan rows of %d foreign keys", len(fks)))
	return nil
}
