package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	"generalist"
)

var _ generalist.ScenarioStore = (*DB)(nil)

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

// CreateScenario implements generalist.ScenarioStore.
func (db *DB) CreateScenario(ctx context.Context, s *generalist.Scenario) error {
	if err := checkScenario(s); err != nil {
		return err
	}
	now := db.Now().UTC().Truncate(time.Second)
	s.Version, s.CreatedAt, s.UpdatedAt = 1, now, now
	body, err := json.Marshal(s)
	if err != nil {
		return err
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM scenarios WHERE id = ?`, s.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		s.Version = 0
		return generalist.Errorf(generalist.ECONFLICT, "a scenario with id %s exists already", s.ID)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO scenarios (id, name, author, body, version, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)`,
		s.ID, s.Name, s.Author, string(body), now.Format(time.RFC3339), now.Format(time.RFC3339)); err != nil {
		return fmt.Errorf("sqlite: create scenario %s: %w", s.ID, err)
	}
	return tx.Commit()
}

// UpdateScenario implements generalist.ScenarioStore. The version check
// and the write are one statement, so two concurrent saves of the same
// version cannot both succeed.
func (db *DB) UpdateScenario(ctx context.Context, s *generalist.Scenario) error {
	if err := checkScenario(s); err != nil {
		return err
	}
	read := s.Version
	now := db.Now().UTC().Truncate(time.Second)
	next := *s
	next.Version, next.UpdatedAt = read+1, now
	body, err := json.Marshal(&next)
	if err != nil {
		return err
	}
	res, err := db.db.ExecContext(ctx, `UPDATE scenarios SET name = ?, author = ?, body = ?, version = version + 1, updated_at = ?
		WHERE id = ? AND version = ?`, s.Name, s.Author, string(body), now.Format(time.RFC3339), s.ID, read)
	if err != nil {
		return fmt.Errorf("sqlite: update scenario %s: %w", s.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		s.Version, s.UpdatedAt = next.Version, now
		return nil
	}
	cur, err := db.Scenario(ctx, s.ID)
	if err != nil {
		return err
	}
	return generalist.Errorf(generalist.ECONFLICT, "scenario %s was saved by someone else in between (version %d, you read version %d); reload it and make your change again", s.ID, cur.Version, read)
}

// Scenario implements generalist.ScenarioStore.
func (db *DB) Scenario(ctx context.Context, id string) (*generalist.Scenario, error) {
	var body string
	var version int
	err := db.db.QueryRowContext(ctx, `SELECT body, version FROM scenarios WHERE id = ?`, id).Scan(&body, &version)
	if err == sql.ErrNoRows {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "no scenario %s", id)
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: scenario %s: %w", id, err)
	}
	var s generalist.Scenario
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		return nil, fmt.Errorf("sqlite: scenario %s: %w", id, err)
	}
	s.Version = version
	return &s, nil
}

// Scenarios implements generalist.ScenarioStore.
func (db *DB) Scenarios(ctx context.Context) ([]*generalist.Scenario, error) {
	return query(ctx, db, `SELECT body, version FROM scenarios ORDER BY id`, func(r *sql.Rows) (*generalist.Scenario, error) {
		var body string
		var s generalist.Scenario
		if err := r.Scan(&body, &s.Version); err != nil {
			return nil, err
		}
		v := s.Version
		if err := json.Unmarshal([]byte(body), &s); err != nil {
			return nil, err
		}
		s.Version = v
		return &s, nil
	})
}

// DeleteScenario implements generalist.ScenarioStore.
func (db *DB) DeleteScenario(ctx context.Context, id string) error {
	res, err := db.db.ExecContext(ctx, `DELETE FROM scenarios WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("sqlite: delete scenario %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return generalist.Errorf(generalist.ENOTFOUND, "no scenario %s", id)
	}
	return nil
}
