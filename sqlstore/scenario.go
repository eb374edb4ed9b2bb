package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"regexp"
	"time"

	"generalist"
)

var scenarioID = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

func checkScenario(s *generalist.Scenario) error {
	if !scenarioID.MatchString(s.ID) {
		return generalist.Errorf(generalist.EINVALID, "scenario id %q: use 1–64 lower-case letters, digits, - and _", s.ID)
	}
	if s.Name == "" {
		return generalist.Errorf(generalist.EINVALID, "scenario %s: a name is required", s.ID)
	}
	return nil
}

// CreateScenario implements generalist.ScenarioStore. ECONFLICT if a
// scenario with the id exists.
func (db *DB) CreateScenario(ctx context.Context, s *generalist.Scenario) error {
	if err := checkScenario(s); err != nil {
		return err
	}
	now := db.now()
	next := *s
	next.Version, next.CreatedAt, next.UpdatedAt, next.Published = 1, now, now, nil
	body, err := json.Marshal(&next)
	if err != nil {
		return err
	}
	err = db.write(ctx, func(tx *tx) error {
		var n int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM scenarios WHERE id = ?`, s.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return generalist.Errorf(generalist.ECONFLICT, "a scenario with id %s exists already", s.ID)
		}
		_, err := tx.exec(ctx, `INSERT INTO scenarios (id, name, author, body, version, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)`,
			s.ID, s.Name, s.Author, string(body), db.time(now), db.time(now))
		return err
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("create scenario %s: %w", s.ID, err)
	} else if err != nil {
		return err
	}
	s.Version, s.CreatedAt, s.UpdatedAt, s.Published = next.Version, now, now, nil
	return nil
}

// UpdateScenario implements generalist.ScenarioStore. The version check
// and the write are one statement in one write transaction, so two
// concurrent saves of the same version cannot both succeed.
func (db *DB) UpdateScenario(ctx context.Context, s *generalist.Scenario) error {
	if err := checkScenario(s); err != nil {
		return err
	}
	read := s.Version
	now := db.now()
	next := *s
	next.Version, next.UpdatedAt, next.Published = read+1, now, nil
	body, err := json.Marshal(&next)
	if err != nil {
		return err
	}
	err = db.write(ctx, func(tx *tx) error {
		res, err := tx.exec(ctx, `UPDATE scenarios SET name = ?, author = ?, body = ?, version = version + 1, updated_at = ?
			WHERE id = ? AND version = ?`, s.Name, s.Author, string(body), db.time(now), s.ID, read)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 1 {
			return nil
		}
		var cur int
		switch err := tx.queryRow(ctx, `SELECT version FROM scenarios WHERE id = ?`, s.ID).Scan(&cur); {
		case err == sql.ErrNoRows:
			return generalist.Errorf(generalist.ENOTFOUND, "no scenario %s", s.ID)
		case err != nil:
			return err
		}
		return generalist.Errorf(generalist.ECONFLICT, "scenario %s was saved by someone else in between (version %d, you read version %d); reload it and make your change again", s.ID, cur, read)
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("update scenario %s: %w", s.ID, err)
	} else if err != nil {
		return err
	}
	s.Version, s.UpdatedAt = next.Version, now
	return nil
}

// scenarioCols are the columns scanScenario reads.
const scenarioCols = `body, version, published_by, published_at`

// scanScenario reads a scenario from scenarioCols: the body, with the
// version and the publication from their columns.
func scanScenario(r interface{ Scan(...any) error }) (*generalist.Scenario, error) {
	var body, by string
	var version int
	var at *time.Time
	if err := r.Scan(&body, &version, &by, nullTimeCol{&at}); err != nil {
		return nil, err
	}
	var s generalist.Scenario
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		return nil, err
	}
	s.Version, s.Published = version, nil
	if at != nil {
		s.Published = &generalist.Publication{By: by, At: *at}
	}
	return &s, nil
}

// Scenario implements generalist.ScenarioStore.
func (db *DB) Scenario(ctx context.Context, id string) (*generalist.Scenario, error) {
	s, err := scanScenario(db.queryRow(ctx, `SELECT `+scenarioCols+` FROM scenarios WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no scenario %s", id)
	} else if err != nil {
		return nil, db.errorf("scenario %s: %w", id, err)
	}
	return s, nil
}

// Scenarios implements generalist.ScenarioStore.
func (db *DB) Scenarios(ctx context.Context) ([]*generalist.Scenario, error) {
	return query(ctx, db, `SELECT `+scenarioCols+` FROM scenarios ORDER BY id`, func(r *sql.Rows) (*generalist.Scenario, error) {
		return scanScenario(r)
	})
}

// PublishScenario implements generalist.ScenarioStore.
func (db *DB) PublishScenario(ctx context.Context, id string, p generalist.Publication) error {
	if p.By == "" || p.At.IsZero() {
		return generalist.Errorf(generalist.EINVALID, "scenario %s: a publication needs who and when", id)
	}
	return db.setPublication(ctx, id, `UPDATE scenarios SET published_by = ?, published_at = ? WHERE id = ?`, p.By, db.time(p.At), id)
}

// UnpublishScenario implements generalist.ScenarioStore.
func (db *DB) UnpublishScenario(ctx context.Context, id string) error {
	return db.setPublication(ctx, id, `UPDATE scenarios SET published_by = '', published_at = NULL WHERE id = ?`, id)
}

func (db *DB) setPublication(ctx context.Context, id, stmt string, args ...any) error {
	err := db.write(ctx, func(tx *tx) error {
		res, err := tx.exec(ctx, stmt, args...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return generalist.Errorf(generalist.ENOTFOUND, "no scenario %s", id)
		}
		return nil
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("publication of scenario %s: %w", id, err)
	}
	return err
}

// DeleteScenario implements generalist.ScenarioStore.
func (db *DB) DeleteScenario(ctx context.Context, id string) error {
	err := db.write(ctx, func(tx *tx) error {
		return tx.deleteExisting(ctx, generalist.Errorf(generalist.ENOTFOUND, "no scenario %s", id), `DELETE FROM scenarios WHERE id = ?`, id)
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("delete scenario %s: %w", id, err)
	}
	return err
}
