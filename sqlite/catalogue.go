package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"generalist"
)

var _ generalist.CatalogueStore = (*DB)(nil)

// RecordParamChange implements generalist.CatalogueStore.
func (db *DB) RecordParamChange(ctx context.Context, cat *generalist.Catalogue, c *generalist.ParamChange) error {
	if err := c.Validate(cat); err != nil {
		return err
	}
	c.At = db.Now().UTC().Truncate(time.Second)
	var v any
	if c.Value != nil {
		v = *c.Value
	}
	res, err := db.db.ExecContext(ctx, `INSERT INTO catalogue_changes (task, field, value, note, author, at) VALUES (?, ?, ?, ?, ?, ?)`,
		c.Task, string(c.Field), v, c.Note, c.Author, c.At.Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("sqlite: record change of %s %s: %w", c.Task, c.Field, err)
	}
	c.ID, err = res.LastInsertId()
	return err
}

// ParamChanges implements generalist.CatalogueStore.
func (db *DB) ParamChanges(ctx context.Context) ([]generalist.ParamChange, error) {
	return query(ctx, db, `SELECT id, task, field, value, note, author, at FROM catalogue_changes ORDER BY id`,
		func(r *sql.Rows) (c generalist.ParamChange, err error) {
			var v sql.NullFloat64
			var at string
			if err := r.Scan(&c.ID, &c.Task, &c.Field, &v, &c.Note, &c.Author, &at); err != nil {
				return c, err
			}
			if v.Valid {
				c.Value = &v.Float64
			}
			c.At, err = time.Parse(time.RFC3339, at)
			return c, err
		})
}
