package sqlstore

import (
	"context"

	"generalist"
)

// LinkScenario implements generalist.InputStore.
func (db *DB) LinkScenario(ctx context.Context, inputID int64, scenarioID string) error {
	err := db.write(ctx, func(t *tx) error {
		in, err := lockedInput(ctx, t, inputID)
		if err != nil {
			return err
		}
		if err := closed(in); err != nil {
			return err
		}
		var n int
		if err := t.queryRow(ctx, `SELECT count(*) FROM scenarios WHERE id = ?`, scenarioID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return generalist.Errorf(generalist.ENOTFOUND, "no scenario %s", scenarioID)
		}
		_, err = t.exec(ctx, `INSERT INTO input_scenarios (input_id, scenario_id, linked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
			inputID, scenarioID, db.time(db.now()))
		return err
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("link input %d to scenario %s: %w", inputID, scenarioID, err)
	}
	return err
}

// UnlinkScenario implements generalist.InputStore.
func (db *DB) UnlinkScenario(ctx context.Context, inputID int64, scenarioID string) error {
	err := db.write(ctx, func(t *tx) error {
		res, err := t.exec(ctx, `DELETE FROM input_scenarios WHERE input_id = ? AND scenario_id = ?`, inputID, scenarioID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return generalist.Errorf(generalist.ENOTFOUND, "input %d is not linked to scenario %s", inputID, scenarioID)
		}
		return nil
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("unlink input %d from scenario %s: %w", inputID, scenarioID, err)
	}
	return err
}

// InputsForScenario implements generalist.InputStore.
func (db *DB) InputsForScenario(ctx context.Context, scenarioID string) ([]generalist.Input, error) {
	rows, err := db.query(ctx, `SELECT `+inputCols+inputFrom+` JOIN input_scenarios s ON s.input_id = i.id
		WHERE s.scenario_id = ? AND i.status = 'published' ORDER BY i.sort_key`, scenarioID)
	if err != nil {
		return nil, db.errorf("inputs for scenario %s: %w", scenarioID, err)
	}
	defer rows.Close()
	var ptrs []*generalist.Input
	for rows.Next() {
		in, err := scanInput(rows)
		if err != nil {
			return nil, db.errorf("inputs for scenario %s: %w", scenarioID, err)
		}
		ptrs = append(ptrs, in)
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("inputs for scenario %s: %w", scenarioID, err)
	}
	rows.Close()
	if err := db.fillInputs(ctx, ptrs); err != nil {
		return nil, err
	}
	out := []generalist.Input{}
	for _, p := range ptrs {
		out = append(out, *p)
	}
	return out, nil
}
