package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"generalist"
)

// lockedInput reads an input inside a write transaction.
func lockedInput(ctx context.Context, t *tx, id int64) (*generalist.Input, error) {
	in, err := scanInput(t.queryRow(ctx, `SELECT `+inputCols+inputFrom+` WHERE i.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no input %d", id)
	}
	if err != nil {
		return nil, err
	}
	rows, err := t.query(ctx, `SELECT tag FROM input_tags WHERE input_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var tag string
		if err := rows.Scan(&tag); err != nil {
			return nil, err
		}
		in.Tags = append(in.Tags, generalist.InputTag(tag))
	}
	in.Tags = generalist.NormalizeTags(in.Tags)
	return in, rows.Err()
}

// closed refuses a change to a withdrawn or merged input.
func closed(in *generalist.Input) error {
	switch in.Status {
	case generalist.InputWithdrawn:
		return generalist.Errorf(generalist.ECONFLICT, "input %d was withdrawn by the sender and can no longer be changed", in.ID)
	case generalist.InputMerged:
		return generalist.Errorf(generalist.ECONFLICT, "input %d was merged into input %d and can no longer be changed", in.ID, in.MergedInto)
	}
	return nil
}

// Moderate implements generalist.InputStore.
func (db *DB) Moderate(ctx context.Context, id int64, m generalist.InputModeration) (*generalist.Input, error) {
	m.Reason = strings.TrimSpace(strings.ReplaceAll(m.Reason, "\r\n", "\n"))
	if err := m.Validate(); err != nil {
		return nil, err
	}
	err := db.write(ctx, func(t *tx) error {
		cur, err := lockedInput(ctx, t, id)
		if err != nil {
			return err
		}
		if err := closed(cur); err != nil {
			return err
		}
		if cur.Version != m.Version {
			return generalist.Errorf(generalist.ECONFLICT, "input %d was changed by someone else in between (version %d, you read version %d); reload it and decide again", id, cur.Version, m.Version)
		}
		next := *cur
		now := db.now()
		switch m.Action {
		case generalist.ModeratePublish:
			next.Status, next.RejectReason = generalist.InputPublished, ""
			if next.PublishedAt == nil {
				next.PublishedAt = &now
			}
		case generalist.ModerateReject:
			next.Status, next.RejectReason = generalist.InputRejected, m.Reason
			next.PublishedAt = nil
		}
		if m.Tags != nil {
			next.Tags = generalist.NormalizeTags(m.Tags)
		}
		if err := next.Validate(); err != nil {
			return err
		}
		var pub any
		if next.PublishedAt != nil {
			pub = db.time(*next.PublishedAt)
		}
		if _, err := t.exec(ctx, `UPDATE inputs SET status = ?, reject_reason = ?, published_at = ?, moderator = ?, version = version + 1, updated_at = ?
			WHERE id = ?`, next.Status, next.RejectReason, pub, m.Moderator, db.time(now), id); err != nil {
			return err
		}
		if m.Tags != nil {
			if _, err := t.exec(ctx, `DELETE FROM input_tags WHERE input_id = ?`, id); err != nil {
				return err
			}
			if err := insertTags(ctx, t, id, next.Tags); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if generalist.ErrorCode(err) == generalist.EINTERNAL {
			return nil, db.errorf("moderate input %d: %w", id, err)
		}
		return nil, err
	}
	return db.Input(ctx, id)
}

// MergeInputs implements generalist.InputStore.
func (db *DB) MergeInputs(ctx context.Context, into, from int64, moderator string) error {
	if into == from {
		return generalist.Errorf(generalist.ECONFLICT, "merged_into: an input cannot be merged into itself")
	}
	if strings.TrimSpace(moderator) == "" {
		return generalist.Errorf(generalist.EINVALID, "moderator: required")
	}
	err := db.write(ctx, func(t *tx) error {
		dst, err := lockedInput(ctx, t, into)
		if err != nil {
			return err
		}
		src, err := lockedInput(ctx, t, from)
		if err != nil {
			return err
		}
		for _, in := range []*generalist.Input{dst, src} {
			if err := closed(in); err != nil {
				return err
			}
		}
		now := db.time(db.now())
		if _, err := t.exec(ctx, `UPDATE inputs SET status = 'merged', merged_into = ?, moderator = ?, version = version + 1, updated_at = ? WHERE id = ?`,
			into, moderator, now, from); err != nil {
			return err
		}
		if err := insertTags(ctx, t, into, src.Tags); err != nil {
			return err
		}
		if _, err := t.exec(ctx, `INSERT INTO input_scenarios (input_id, scenario_id, linked_at)
			SELECT ?, scenario_id, linked_at FROM input_scenarios WHERE input_id = ? ON CONFLICT DO NOTHING`, into, from); err != nil {
			return err
		}
		if _, err := t.exec(ctx, `DELETE FROM input_scenarios WHERE input_id = ?`, from); err != nil {
			return err
		}
		_, err = t.exec(ctx, `UPDATE inputs SET moderator = ?, version = version + 1, updated_at = ? WHERE id = ?`, moderator, now, into)
		return err
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("merge input %d into %d: %w", from, into, err)
	}
	return err
}

// Withdraw implements generalist.InputStore.
func (db *DB) Withdraw(ctx context.Context, ref string) error {
	r, err := generalist.ParseInputReference(ref)
	if err != nil {
		return err
	}
	err = db.write(ctx, func(t *tx) error {
		var id int64
		var status string
		err := t.queryRow(ctx, `SELECT id, status FROM inputs WHERE reference = ?`, r).Scan(&id, &status)
		if errors.Is(err, sql.ErrNoRows) {
			return generalist.Errorf(generalist.ENOTFOUND, "no input with reference %s", r)
		} else if err != nil {
			return err
		}
		if status == string(generalist.InputWithdrawn) {
			return generalist.Errorf(generalist.ECONFLICT, "the input %s is already withdrawn", r)
		}
		if _, err := t.exec(ctx, `UPDATE inputs SET status = 'withdrawn', published_at = NULL, version = version + 1, updated_at = ? WHERE id = ?`,
			db.time(db.now()), id); err != nil {
			return err
		}
		_, err = t.exec(ctx, `DELETE FROM input_scenarios WHERE input_id = ?`, id)
		return err
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("withdraw input %s: %w", r, err)
	}
	return err
}

// ErasePersonalData implements generalist.InputStore. The name,
// organisation and e-mail live only in their columns of inputs (the
// full-text index holds the title and text), the attachment only in
// input_attachments. After the commit the dialect's AfterErase clears the
// database's own copies (SQLite's write-ahead log); should that fail, the
// data is erased from the tables and erasing again retries it.
func (db *DB) ErasePersonalData(ctx context.Context, id int64) error {
	err := db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, `UPDATE inputs SET name = '', organisation = '', email = '', publish_name = ?, erased_at = ?, version = version + 1, updated_at = ?
			WHERE id = ?`, false, db.time(db.now()), db.time(db.now()), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return generalist.Errorf(generalist.ENOTFOUND, "no input %d", id)
		}
		_, err = t.exec(ctx, `DELETE FROM input_attachments WHERE input_id = ?`, id)
		return err
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("erase personal data of input %d: %w", id, err)
	}
	if err == nil && db.d.AfterErase != nil {
		if err := db.d.AfterErase(ctx, db.db); err != nil {
			// Not an internal error: the tables hold nothing more, and the
			// usual cause is a reader keeping the log busy. Erasing again
			// clears it (and is recorded then).
			return generalist.Errorf(generalist.ECONFLICT, "the personal data of input %d is erased, but the store's log could not be cleared of it yet (%v); erase again in a moment to clear it", id, err)
		}
	}
	return err
}
