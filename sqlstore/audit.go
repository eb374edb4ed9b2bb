package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"generalist"
)

// RecordAudit implements generalist.AuditStore. At is stored to the
// microsecond (a zero At is now), and e is set to what was stored.
// EINVALID without a user or an action.
func (db *DB) RecordAudit(ctx context.Context, e *generalist.AuditEntry) error {
	if e.User == "" || e.Action == "" {
		return generalist.Errorf(generalist.EINVALID, "audit entry: the user and the action are required")
	}
	at := e.At
	if at.IsZero() {
		at = db.Now()
	}
	at = at.UTC().Truncate(time.Microsecond)
	var id int64
	err := db.write(ctx, func(tx *tx) error {
		return tx.queryRow(ctx, `INSERT INTO audit_log (at, user_name, action, target, detail, remote, request_id)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			db.time(at), e.User, e.Action, e.Target, e.Detail, e.Remote, e.RequestID).Scan(&id)
	})
	if err != nil {
		return db.errorf("record audit %s %s: %w", e.User, e.Action, err)
	}
	e.ID, e.At = id, at
	return nil
}

// Audit implements generalist.AuditStore: newest first (by time, then by
// the order they were recorded in).
func (db *DB) Audit(ctx context.Context, f generalist.AuditFilter) ([]generalist.AuditEntry, error) {
	limit := f.Limit
	if limit < 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "audit: limit %d is negative", limit)
	} else if limit == 0 {
		limit = 100
	}
	q := `SELECT id, at, user_name, action, target, detail, remote, request_id FROM audit_log`
	var args []any
	if f.User != "" {
		q += ` WHERE user_name = ?`
		args = append(args, f.User)
	}
	args = append(args, limit)
	return query(ctx, db, q+` ORDER BY at DESC, id DESC LIMIT ?`, func(r *sql.Rows) (e generalist.AuditEntry, err error) {
		return e, r.Scan(&e.ID, timeCol{&e.At}, &e.User, &e.Action, &e.Target, &e.Detail, &e.Remote, &e.RequestID)
	}, args...)
}
