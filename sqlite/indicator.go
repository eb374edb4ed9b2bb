package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"generalist"
)

var _ generalist.IndicatorStore = (*DB)(nil)

// ImportIndicator implements generalist.IndicatorStore. Everything is
// checked before anything is written, and all writes share one
// transaction; with replace, the old indicator and all its values are
// deleted in the same transaction.
func (db *DB) ImportIndicator(ctx context.Context, ind *generalist.Indicator, values []generalist.IndicatorValue, replace bool) (err error) {
	defer func() {
		if err != nil && generalist.ErrorCode(err) == generalist.EINTERNAL {
			err = fmt.Errorf("sqlite: import indicator %s: %w", ind.ID, err)
		}
	}()
	if err := ind.Validate(); err != nil {
		return err
	}
	if len(values) == 0 {
		return generalist.Errorf(generalist.EINVALID, "indicator %s: no values", ind.ID)
	}
	type key struct {
		year int
		num  generalist.MunicipalityNumber
	}
	seen := make(map[key]int, len(values))
	years := map[int]bool{}
	for i := range values {
		v := &values[i]
		if err := v.Validate(); err != nil {
			return generalist.Errorf(generalist.EINVALID, "indicator %s, value %d: %s", ind.ID, i+1, generalist.ErrorMessage(err))
		}
		if v.Indicator != "" && v.Indicator != ind.ID {
			return generalist.Errorf(generalist.EINVALID, "indicator %s, value %d (kommune %s %d): belongs to indicator %q",
				ind.ID, i+1, v.Municipality, v.Year, v.Indicator)
		}
		k := key{v.Year, v.Municipality}
		if j, dup := seen[k]; dup {
			return generalist.Errorf(generalist.EINVALID, "indicator %s: values %d and %d are both for kommune %s in %d",
				ind.ID, j+1, i+1, v.Municipality, v.Year)
		}
		seen[k] = i
		years[v.Year] = true
	}

	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	known, err := municipalitySet(ctx, tx)
	if err != nil {
		return err
	}
	for i, v := range values {
		if !known[structNum{ind.Structure, v.Municipality}] {
			return generalist.Errorf(generalist.EINVALID, "indicator %s, value %d: kommune %s (%d) is not a municipality of the %d structure",
				ind.ID, i+1, v.Municipality, v.Year, ind.Structure)
		}
	}

	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM indicators WHERE id = ?`, ind.ID).Scan(&exists); err != nil {
		return err
	}
	if exists > 0 {
		if !replace {
			return generalist.Errorf(generalist.ECONFLICT,
				"indicator %s already exists; nothing was imported (use --replace to replace it, values and all)", ind.ID)
		}
		// The values go with it (ON DELETE CASCADE).
		if _, err := tx.ExecContext(ctx, `DELETE FROM indicators WHERE id = ?`, ind.ID); err != nil {
			return err
		}
	}
	now := db.Now().UTC().Truncate(time.Second)
	if _, err := tx.ExecContext(ctx, `INSERT INTO indicators (id, name, unit, source, description, structure, additive, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		ind.ID, ind.Name, ind.Unit, ind.Source, ind.Description, int(ind.Structure), boolInt(ind.Additive), now.Format(time.RFC3339)); err != nil {
		return err
	}
	rows := make([][]any, len(values))
	for i, v := range values {
		var val any
		if v.Known {
			val = v.Value
		}
		note := v.Note
		if !v.Known && note == "" {
			note = generalist.NoteMissing
		}
		rows[i] = []any{ind.ID, int(ind.Structure), v.Year, string(v.Municipality), val, note}
	}
	if err := bulkInsert(ctx, tx, "INSERT", "indicator_values", indicatorValueCols, rows); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	ind.CreatedAt = now
	ind.Years = slices.Sorted(maps.Keys(years))
	return nil
}

var indicatorValueCols = []string{"indicator", "structure", "year", "municipality", "value", "note"}

// indicatorQuery reads indicators with their years; where may be empty.
const indicatorQuery = `SELECT i.id, i.name, i.unit, i.source, i.description, i.structure, i.additive, i.created_at,
	(SELECT group_concat(year) FROM (SELECT DISTINCT year FROM indicator_values v WHERE v.indicator = i.id ORDER BY year))
	FROM indicators i`

func scanIndicator(r *sql.Rows) (generalist.Indicator, error) {
	var ind generalist.Indicator
	var s, additive int
	var at string
	var years sql.NullString
	if err := r.Scan(&ind.ID, &ind.Name, &ind.Unit, &ind.Source, &ind.Description, &s, &additive, &at, &years); err != nil {
		return ind, err
	}
	ind.Structure = generalist.Structure(s)
	ind.Additive = additive == 1
	ind.CreatedAt, _ = time.Parse(time.RFC3339, at)
	ind.Years = []int{}
	if years.Valid {
		for _, f := range strings.Split(years.String, ",") {
			y, err := strconv.Atoi(f)
			if err != nil {
				return ind, fmt.Errorf("indicator %s: year %q: %w", ind.ID, f, err)
			}
			ind.Years = append(ind.Years, y)
		}
		slices.Sort(ind.Years)
	}
	return ind, nil
}

// Indicators implements generalist.IndicatorStore.
func (db *DB) Indicators(ctx context.Context) ([]generalist.Indicator, error) {
	out, err := query(ctx, db, indicatorQuery+` ORDER BY i.id`, scanIndicator)
	if err != nil {
		return nil, fmt.Errorf("sqlite: indicators: %w", err)
	}
	return out, nil
}

// Indicator implements generalist.IndicatorStore.
func (db *DB) Indicator(ctx context.Context, id string) (*generalist.Indicator, error) {
	rows, err := db.db.QueryContext(ctx, indicatorQuery+` WHERE i.id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: indicator %s: %w", id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: indicator %s: %w", id, err)
		}
		return nil, notFound(id)
	}
	ind, err := scanIndicator(rows)
	if err != nil {
		return nil, fmt.Errorf("sqlite: indicator %s: %w", id, err)
	}
	return &ind, nil
}

func notFound(id string) error {
	return generalist.Errorf(generalist.ENOTFOUND, "no indicator %q (see generalist indicator list)", id)
}

// IndicatorValues implements generalist.IndicatorStore. One statement
// both tells whether the indicator exists and reads its values, so the
// answer is consistent without a transaction (which, with _txlock=immediate,
// would take the write lock).
func (db *DB) IndicatorValues(ctx context.Context, id string, year int) ([]generalist.IndicatorValue, error) {
	q := `SELECT v.year, v.municipality, v.value, v.note FROM indicators i
		LEFT JOIN indicator_values v ON v.indicator = i.id`
	args := []any{}
	if year != 0 {
		q += ` AND v.year = ?`
		args = append(args, year)
	}
	q += ` WHERE i.id = ? ORDER BY v.year, v.municipality`
	args = append(args, id)
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: indicator values %s %d: %w", id, year, err)
	}
	defer rows.Close()
	exists := false
	out := []generalist.IndicatorValue{}
	for rows.Next() {
		exists = true
		var y sql.NullInt64
		var num, note sql.NullString
		var val sql.NullFloat64
		if err := rows.Scan(&y, &num, &val, &note); err != nil {
			return nil, fmt.Errorf("sqlite: indicator values %s %d: %w", id, year, err)
		}
		if !y.Valid {
			continue // the indicator, without values for year
		}
		out = append(out, generalist.IndicatorValue{Indicator: id, Year: int(y.Int64),
			Municipality: generalist.MunicipalityNumber(num.String), Value: val.Float64, Known: val.Valid, Note: note.String})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: indicator values %s %d: %w", id, year, err)
	}
	if !exists {
		return nil, notFound(id)
	}
	return out, nil
}

// DeleteIndicator implements generalist.IndicatorStore.
func (db *DB) DeleteIndicator(ctx context.Context, id string) error {
	res, err := db.db.ExecContext(ctx, `DELETE FROM indicators WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("sqlite: delete indicator %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqlite: delete indicator %s: %w", id, err)
	} else if n == 0 {
		return notFound(id)
	}
	return nil
}
