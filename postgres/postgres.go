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
