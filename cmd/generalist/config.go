package main

import (
	"context"
	"flag"
	"os"

	"generalist/app"
	"generalist/internal/storeopen"
	"generalist/refdata"
	"generalist/sqlstore"
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
	return fs.String("db", def, "SQLite `file` of the store (env GENERALIST_DB); DATABASE_URL, when set, selects PostgreSQL instead")
}

// openStore opens the store — PostgreSQL when the environment variable
// DATABASE_URL is set (the shared deployment), else the SQLite file at
// path — and makes sure it holds the embedded reference data (a no-op,
// after hashing the files, when it already does).
func openStore(ctx context.Context, path string) (*sqlstore.DB, error) {
	db, err := storeopen.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if _, err := refdata.Ensure(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// openApp opens the store (openStore) and the application on it. The
// caller closes the store with the returned function.
func openApp(ctx context.Context, path string) (*app.App, func() error, error) {
	db, err := openStore(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	return app.New(db), db.Close, nil
}
