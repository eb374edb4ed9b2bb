package sqlstore

import (
	"context"
	"database/sql"
	"maps"
	"slices"
	"time"

	"generalist"
)

// ImportIndicator implements generalist.IndicatorStore. Everything is
// checked before anything is written, and all writes share one
// transaction; with replace, the old indicator and all its values are
// deleted in the same transaction.
func (db *DB) ImportIndicator(ctx context.Context, ind *generalist.Indicator, values []generalist.IndicatorValue, replace bool) (err error) {
	defer func() {
		if err != nil && generalist.ErrorCode(err) == generalist.EINTERNAL {
			err = db.errorf("import indicator %s: %w", ind.ID, err)
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

	now := db.now()
	err = db.write(ctx, func(tx *tx) error { return db.importIndicator(ctx, tx, ind, values, replace, now) })
	if err != nil {
		return err
	}
	ind.CreatedAt = now
	ind.Years = slices.Sorted(maps.Keys(years))
	return nil
}

func (db *DB) importIndicator(ctx context.Context, tx *tx, ind *generalist.Indicator, values []generalist.IndicatorValue, replace bool, now time.Time) error {
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
	if err := tx.queryRow(ctx, `SELECT count(*) FROM indicators WHERE id = ?`, ind.ID).Scan(&exists); err != nil {
		return err
	}
	if exists > 0 {
		if !replace {
			return generalist.Errorf(generalist.ECONFLICT,
				"indicator %s already exists; nothing was imported (use --replace to replace it, values and all)", ind.ID)
		}
		// The values go with it (ON DELETE CASCADE).
		if _, err := tx.exec(ctx, `DELETE FROM indicators WHERE id = ?`, ind.ID); err != nil {
			return err
		}
	}
	if _, err := tx.exec(ctx, `INSERT INTO indicators (id, name, unit, source, description, structure, additive, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		ind.ID, ind.Name, ind.Unit, ind.Source, ind.Description, int(ind.Structure), ind.Additive, db.time(now)); err != nil {
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
	return bulkInsert(ctx, tx, "indicator_values", indicatorValueCols, rows, "")
}

var indicatorValueCols = []string{"indicator", "structure", "year", "municipality", "value", "note"}

// indicatorQuery reads indicators with the years they have values for,
// one row per indicator and year (year NULL for an indicator without
// values), ordered by indicator and year; where may be empty.
func indicatorQuery(where string) string {
	return `SELECT i.id, i.name, i.unit, i.source, i.description, i.structure, i.additive, i.created_at, y.year
	FROM indicators i LEFT JOIN (SELECT DISTINCT indicator, year FROM indicator_values) y ON y.indicator = i.id ` +
		where + ` ORDER BY i.id, y.year`
}

// scanIndicators reads the rows of indicatorQuery.
func scanIndicators(rows *sql.Rows) ([]generalist.Indicator, error) {
	defer rows.Close()
	out := []generalist.Indicator{}
	for rows.Next() {
		var ind generalist.Indicator
		var s int
		var year sql.NullInt64
		if err := rows.Scan(&ind.ID, &ind.Name, &ind.Unit, &ind.Source, &ind.Description, &s, &ind.Additive, timeCol{&ind.CreatedAt}, &year); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != ind.ID {
			ind.Structure = generalist.Structure(s)
			ind.Years = []int{}
			out = append(out, ind)
		}
		if year.Valid {
			last := &out[len(out)-1]
			last.Years = append(last.Years, int(year.Int64))
		}
	}
	return out, rows.Err()
}

// Indicators implements generalist.IndicatorStore.
func (db *DB) Indicators(ctx context.Context) ([]generalist.Indicator, error) {
	rows, err := db.query(ctx, indicatorQuery(""))
	if err != nil {
		return nil, db.errorf("indicators: %w", err)
	}
	out, err := scanIndicators(rows)
	if err != nil {
		return nil, db.errorf("indicators: %w", err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// Indicator implements generalist.IndicatorStore.
func (db *DB) Indicator(ctx context.Context, id string) (*generalist.Indicator, error) {
	rows, err := db.query(ctx, indicatorQuery(`WHERE i.id = ?`), id)
	if err != nil {
		return nil, db.errorf("indicator %s: %w", id, err)
	}
	out, err := scanIndicators(rows)
	if err != nil {
		return nil, db.errorf("indicator %s: %w", id, err)
	}
	if len(out) == 0 {
		return nil, notFound(id)
	}
	return &out[0], nil
}

func notFound(id string) error {
	return generalist.Errorf(generalist.ENOTFOUND, "no indicator %q (see generalist indicator list)", id)
}

// IndicatorValues implements generalist.IndicatorStore. One statement
// both tells whether the indicator exists and reads its values, so the
// answer is consistent without a transaction (which, on SQLite with
// _txlock=immediate, would take the write lock).
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
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, db.errorf("indicator values %s %d: %w", id, year, err)
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
			return nil, db.errorf("indicator values %s %d: %w", id, year, err)
		}
		if !y.Valid {
			continue // the indicator, without values for year
		}
		out = append(out, generalist.IndicatorValue{Indicator: id, Year: int(y.Int64),
			Municipality: generalist.MunicipalityNumber(num.String), Value: val.Float64, Known: val.Valid, Note: note.String})
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("indicator values %s %d: %w", id, year, err)
	}
	if !exists {
		return nil, notFound(id)
	}
	return out, nil
}

// DeleteIndicator implements generalist.IndicatorStore.
func (db *DB) DeleteIndicator(ctx context.Context, id string) error {
	err := db.write(ctx, func(tx *tx) error {
		return tx.deleteExisting(ctx, notFound(id), `DELETE FROM indicators WHERE id = ?`, id)
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("delete indicator %s: %w", id, err)
	}
	return err
}
