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
	n, pending, err := db.version.read(ctx, db.db)
	if err != nil {
		return 0, db.errorf("read the data version: %w", err)
	}
	if pending > foldAfter {
		// Best effort: a fold that fails (another process folding the
		// same rows) leaves the rows for the next reader.
		_ = db.foldDataChanges(ctx)
	}
	return n + pending, nil
}

// versionQuery runs the data version's query. It runs on every request,
// so it is prepared once (parsing it cost more than running it), and on
// a connection of its own: were it to wait for one of the pool's, a page
// served from memory would wait behind every request that reads the
// store. A store whose pool has one connection (SQLite in memory) runs it
// on the pool.
type versionQuery struct {
	mu   sync.Mutex
	conn *sql.Conn // nil: on the pool
	stmt *sql.Stmt
}

const versionSQL = `SELECT n, (SELECT count(*) FROM data_changes) FROM data_version`

func (q *versionQuery) read(ctx context.Context, sdb *sql.DB) (n, pending int64, err error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for attempt := 0; attempt < 2; attempt++ {
		if q.stmt == nil {
			if err := q.prepare(ctx, sdb); err != nil {
				return 0, 0, err
			}
		}
		err = q.stmt.QueryRowContext(ctx).Scan(&n, &pending)
		if err == nil || ctx.Err() != nil {
			return n, pending, err
		}
		// The connection may have gone (a server restart, an idle
		// timeout): prepare it anew once.
		q.close()
	}
	return 0, 0, err
}

func (q *versionQuery) prepare(ctx context.Context, sdb *sql.DB) error {
	if sdb.Stats().MaxOpenConnections == 1 {
		stmt, err := sdb.PrepareContext(ctx, versionSQL)
		q.stmt = stmt
		return err
	}
	conn, err := sdb.Conn(ctx)
	if err != nil {
		return err
	}
	stmt, err := conn.PrepareContext(ctx, versionSQL)
	if err != nil {
		conn.Close()
		return err
	}
	q.conn, q.stmt = conn, stmt
	return nil
}

// close gives the connection back.
func (q *versionQuery) close() {
	if q.stmt != nil {
		q.stmt.Close()
	}
	if q.conn != nil {
		q.conn.Close()
	}
	q.conn, q.stmt = nil, nil
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
