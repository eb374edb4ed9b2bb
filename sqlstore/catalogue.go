package sqlstore

import (
	"context"
	"database/sql"

	"generalist"
)

// RecordParamChange implements generalist.CatalogueStore.
func (db *DB) RecordParamChange(ctx context.Context, cat *generalist.Catalogue, c *generalist.ParamChange) error {
	if err := c.Validate(cat); err != nil {
		return err
	}
	at := db.now()
	var v any
	if c.Value != nil {
		v = *c.Value
	}
	var id int64
	err := db.write(ctx, func(tx *tx) error {
		return tx.queryRow(ctx, `INSERT INTO catalogue_changes (task, field, value, note, author, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			c.Task, string(c.Field), v, c.Note, c.Author, db.time(at)).Scan(&id)
	})
	if err != nil {
		return db.errorf("record change of %s %s: %w", c.Task, c.Field, err)
	}
	c.ID, c.At = id, at
	return nil
}

// ParamChanges implements generalist.CatalogueStore.
func (db *DB) ParamChanges(ctx context.Context) ([]generalist.ParamChange, error) {
	return query(ctx, db, `SELECT id, task, field, value, note, author, at FROM catalogue_changes ORDER BY id`,
		func(r *sql.Rows) (c generalist.ParamChange, err error) {
			var v sql.NullFloat64
			if err := r.Scan(&c.ID, &c.Task, &c.Field, &v, &c.Note, &c.Author, timeCol{&c.At}); err != nil {
				return c, err
			}
			if v.Valid {
				c.Value = &v.Float64
			}
			return c, nil
		})
}
