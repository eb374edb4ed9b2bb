package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"

	"generalist"
)

// RestoreOptions are the options of Restore.
type RestoreOptions struct {
	// Replace empties a store that holds data first (in the same
	// transaction); without it such a store is refused.
	Replace bool
}

// Restore reads the backup in r into the store, in one transaction: a
// store that holds more than the embedded reference data is refused
// (ECONFLICT) unless opt.Replace. The backup must be of this store's
// schema version. Every line is checked, and the checksum and counts of
// the trailer, before the transaction commits; on any error the store is
// left as it was. Stop the servers on the store while it runs.
func (db *DB) Restore(ctx context.Context, r io.Reader, opt RestoreOptions) (info *BackupInfo, err error) {
	defer func() {
		if err != nil && generalist.ErrorCode(err) == generalist.EINTERNAL {
			err = db.errorf("restore: %w", err)
		}
	}()
	stx, err := db.db.BeginTx(ctx, db.d.WriteTx)
	if err != nil {
		return nil, err
	}
	defer stx.Rollback()
	t := &tx{tx: stx, db: db}
	schema, err := schemaVersion(ctx, t)
	if err != nil {
		return nil, err
	}
	if err := db.checkBackupTables(ctx, t); err != nil {
		return nil, err
	}
	if db.d.DeferForeignKeys != "" {
		if _, err := t.exec(ctx, db.d.DeferForeignKeys); err != nil {
			return nil, err
		}
	}
	if !opt.Replace {
		if err := db.checkEmpty(ctx, t); err != nil {
			return nil, err
		}
	}

	var batch [][]any
	var batchTable *backupTable
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := bulkInsert(ctx, t, batchTable.name, batchTable.columnNames(), batch, "")
		batch = batch[:0]
		return err
	}
	info, err = readBackup(r, func(h *BackupHeader) error {
		if h.Schema != schema {
			return generalist.Errorf(generalist.EINVALID, "backup: it is of schema version %d and this store is at %d: restore it with the generalist version that made it", h.Schema, schema)
		}
		// The header is good: empty the store (backupTables in reverse, children first).
		return db.emptyStore(ctx, t)
	}, func(tb *backupTable) error {
		if err := flush(); err != nil {
			return err
		}
		batchTable = tb
		return nil
	}, func(tb *backupTable, vals []any) error {
		row := make([]any, len(vals))
		for i, v := range vals {
			if tm, ok := v.(time.Time); ok {
				row[i] = db.time(tm)
			} else {
				row[i] = v
			}
		}
		batch = append(batch, row)
		if len(batch)*len(tb.cols) >= db.d.MaxParams {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return nil, err
	}
	// Foreign keys now, so that nothing below is done for a restore the
	// commit would refuse.
	if broken, err := db.d.ForeignKeysNow(ctx, t.tx); err != nil {
		return nil, err
	} else if broken != "" {
		return nil, generalist.Errorf(generalist.EINVALID, "backup: its rows break %s", broken)
	}
	if err := db.setSequences(ctx, t, info.Sequences); err != nil {
		return nil, err
	}
	if err := stx.Commit(); err != nil {
		return nil, err
	}
	return info, nil
}

// checkEmpty refuses a store with data beyond the embedded reference data.
func (db *DB) checkEmpty(ctx context.Context, t *tx) error {
	var held []string
	for _, tb := range backupTables {
		q := `SELECT count(*) FROM ` + tb.name
		if tb.name == "datasets" {
			q += ` WHERE kind <> 'reference'`
		} else if tb.reference {
			continue // only rows of datasets, checked with them
		}
		var n int64
		if err := t.queryRow(ctx, q).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			held = append(held, fmt.Sprintf("%s: %d", tb.name, n))
		}
	}
	if len(held) > 0 {
		return generalist.Errorf(generalist.ECONFLICT, "restore: the store already holds data (%s); restore into a new, empty store, or replace everything in it (restore --replace)", strings.Join(held, ", "))
	}
	return nil
}

// emptyStore deletes every row of every table, children first. The audit
// log's append-only triggers are suspended for this in the transaction.
func (db *DB) emptyStore(ctx context.Context, t *tx) error {
	for i := len(backupTables) - 1; i >= 0; i-- {
		tb := backupTables[i]
		if tb.appendOnly {
			var n int64
			if err := t.queryRow(ctx, `SELECT count(*) FROM `+tb.name).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				continue
			}
			if err := db.d.DeleteAppendOnly(ctx, t.tx, tb.name); err != nil {
				return fmt.Errorf("empty %s: %w", tb.name, err)
			}
			continue
		}
		if _, err := t.exec(ctx, `DELETE FROM `+tb.name); err != nil {
			return fmt.Errorf("empty %s: %w", tb.name, err)
		}
	}
	return nil
}

// setSequences makes each id generator continue after both the backup's
// high-water mark and the highest id restored. A generator is never
// moved back (PostgreSQL's sequences are not transactional).
func (db *DB) setSequences(ctx context.Context, t *tx, seqs map[string]int64) error {
	for _, tb := range backupTables {
		if !tb.serial {
			continue
		}
		var top sql.NullInt64
		if err := t.queryRow(ctx, `SELECT max(id) FROM `+tb.name).Scan(&top); err != nil {
			return err
		}
		if err := db.d.SetSequence(ctx, t.tx, tb.name, max(top.Int64, seqs[tb.name])); err != nil {
			return err
		}
	}
	return nil
}
