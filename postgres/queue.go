package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
)

// migrateQueue applies River's PostgreSQL migrations (the job queue's
// tables, docs/decisions/0013-jobs.md) on conn, which holds the store's
// migration lock, one version per transaction: a version that adds an
// enum value must be committed before the next one uses it.
func migrateQueue(ctx context.Context, conn *sql.Conn) error {
	m, err := rivermigrate.New(riverpgxv5.New(nil), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("connection is %T, not pgx's", dc)
		}
		pc := c.Conn()
		for {
			tx, err := pc.Begin(ctx)
			if err != nil {
				return err
			}
			res, err := m.MigrateTx(ctx, tx, rivermigrate.DirectionUp, &rivermigrate.MigrateOpts{MaxSteps: 1}) //nolint:staticcheck // one version per transaction, under the store's migration lock
			if err != nil {
				tx.Rollback(ctx)
				return err
			}
			if err := tx.Commit(ctx); err != nil {
				return err
			}
			if len(res.Versions) == 0 {
				return nil
			}
		}
	})
}
