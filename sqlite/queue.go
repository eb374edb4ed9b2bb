package sqlite

import (
	"context"
	"database/sql"
	"log/slog"

	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
)

// migrateQueue applies River's SQLite migrations (the job queue's tables,
// docs/decisions/0013-jobs.md) on conn, one version per transaction, as
// the store's own are applied.
func migrateQueue(ctx context.Context, conn *sql.Conn) error {
	m, err := rivermigrate.New(riversqlite.New(nil), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	for {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		res, err := m.MigrateTx(ctx, tx, rivermigrate.DirectionUp, &rivermigrate.MigrateOpts{MaxSteps: 1}) //nolint:staticcheck // one version per transaction, under the store's migration lock
		if err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		if len(res.Versions) == 0 {
			return nil
		}
	}
}
