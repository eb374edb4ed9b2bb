package main

import (
	"context"
	"flag"
	"os"

	"generalist/refdata"
	"generalist/sqlite"
)

// DefaultDB is the SQLite file used when neither --db nor GENERALIST_DB is
// given.
const DefaultDB = "generalist.db"

// dbFlag registers --db; its default comes from GENERALIST_DB so the
// precedence is flag, then environment, then DefaultDB.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("GENERALIST_DB")
	if def == "" {
		def = DefaultDB
	}
	return fs.String("db", def, "SQLite `file` of the store (env GENERALIST_DB)")
}

// openStore opens the store and makes sure it holds the embedded reference
// data (a no-op, after hashing the files, when it already does).
func openStore(ctx context.Context, path string) (*sqlite.DB, error) {
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if _, err := refdata.Ensure(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
