package sqlstore

import (
	"context"
	"database/sql"
	"sync"

	"generalist"
)

var _ generalist.DataVersionStore = (*DB)(nil)

// foldAfter is how many rows of data_changes a reader lets gather before
// it folds them into data_version.n.
const foldAfter = 64

// DataVersion implements generalist.DataVersionStore: data_version.n plus
// the rows of data_changes, both written by the triggers of migration
// 0010, read in one statement (one snapshot). When data_changes has
// grown (PostgreSQL's writers append to it), the rows are folded into n;
// the sum stays the same.
func (db *DB) DataVersion(ctx context.Context) (int64, error) {
	stmt, err := db.version.prepare(ctx, db.db)
	if err != nil {
		return 0, db.errorf("read the data version: %w", err)
	}
	var n, pending int64
	if err := stmt.QueryRowContext(ctx).Scan(&n, &pending); err != nil {
		return 0, db.errorf("read the data version: %w", err)
	}
	if pending > foldAfter {
		// Best effort: a fold that fails (another process folding the
		// same rows) leaves the rows for the next reader.
		_ = db.foldDataChanges(ctx)
	}
	return n + pending, nil
}

// versionQuery is the data version's query, prepared once per store (and
// by database/sql once per connection): it runs on every request, and
// parsing it cost more than running it.
type versionQuery struct {
	mu   sync.Mutex
	stmt *sql.Stmt
}

const versionSQL = `SELECT n, (SELECT count(*) FROM data_changes) FROM data_version`

func (q *versionQuery) prepare(ctx context.Context, sdb *sql.DB) (*sql.Stmt, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.stmt == nil {
		stmt, err := sdb.PrepareContext(ctx, versionSQL)
		if err != nil {
			return nil, err // tried again on the next reading
		}
		q.stmt = stmt
	}
	return q.stmt, nil
}

// foldDataChanges moves the rows of data_changes that its transaction
// sees into data_version.n, in one transaction: the version read before
// and after is the same. Rows committed meanwhile stay for the next fold.
func (db *DB) foldDataChanges(ctx context.Context) error {
	return db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, `DELETE FROM data_changes`)
		if err != nil {
			return err
		}
		k, err := res.RowsAffected()
		if err != nil || k == 0 {
			return err
		}
		_, err = t.exec(ctx, `UPDATE data_version SET n = n + ?`, k)
		return err
	})
}

// isVersionTable reports whether name is one of the data version's
// tables, which backups leave out: a restore moves the version by
// changing the tables it follows.
func isVersionTable(name string) bool { return name == "data_version" || name == "data_changes" }
