// Package storeopen opens the store a process works on: the PostgreSQL
// database that the environment variable DATABASE_URL names (the shared
// deployment), else a SQLite file. It is the one place where the
// generalist command and the internal tools (benchseed) choose the
// backend.
package storeopen

import (
	"context"
	"os"

	"generalist/postgres"
	"generalist/sqlite"
	"generalist/sqlstore"
)

// Open opens PostgreSQL at DATABASE_URL when that is set, else the SQLite
// file at path (created if it does not exist). It loads no reference
// data.
func Open(ctx context.Context, path string) (*sqlstore.DB, error) {
	if url := os.Getenv("DATABASE_URL"); url != "" {
		return postgres.Open(ctx, url)
	}
	return sqlite.Open(ctx, path)
}
