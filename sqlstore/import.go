package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"generalist"
)

// ImportPopulations implements generalist.AtlasStore. Everything is checked
// before anything is written, and all writes share one transaction.
func (db *DB) ImportPopulations(ctx context.Context, imp *generalist.PopulationImport) (err error) {
	defer func() {
		if err != nil && generalist.ErrorCode(err) == generalist.EINTERNAL {
			err = db.errorf("import %s: %w", imp.Dataset.Name, err)
		}
	}()
	if imp.Dataset.Name == "" {
		return generalist.Errorf(generalist.EINVALID, "import: the dataset has no name")
	}
	if len(imp.Populations) == 0 && len(imp.SingleAges) == 0 {
		return generalist.Errorf(generalist.EINVALID, "import %s: no population records", imp.Dataset.Name)
	}
	for i := range imp.Populations {
		if err := imp.Populations[i].Validate(); err != nil {
			return generalist.Errorf(generalist.EINVALID, "import %s: %s", imp.Dataset.Name, generalist.ErrorMessage(err))
		}
	}

	now := db.now()
	return db.write(ctx, func(tx *tx) error { return db.importPopulations(ctx, tx, imp, now) })
}

func (db *DB) importPopulations(ctx context.Context, tx *tx, imp *generalist.PopulationImport, now time.Time) error {
	var kind string
	switch err := tx.queryRow(ctx, `SELECT kind FROM datasets WHERE name = ?`, imp.Dataset.Name).Scan(&kind); {
	case err == sql.ErrNoRows:
	case err != nil:
		return err
	case kind == "reference":
		return generalist.Errorf(generalist.ECONFLICT, "import %s: a reference dataset has that name; rename the file", imp.Dataset.Name)
	}

	known, err := municipalitySet(ctx, tx)
	if err != nil {
		return err
	}
	for _, p := range imp.Populations {
		if !known[structNum{p.Structure, p.Municipality}] {
			return generalist.Errorf(generalist.EINVALID, "import %s: kommune %s is not in the %d structure", imp.Dataset.Name, p.Municipality, p.Structure)
		}
	}
	for _, a := range imp.SingleAges {
		if !known[structNum{a.Structure, a.Municipality}] {
			return generalist.Errorf(generalist.EINVALID, "import %s: kommune %s is not in the %d structure", imp.Dataset.Name, a.Municipality, a.Structure)
		}
		if a.Age < 0 || a.Age > generalist.MaxAge || a.Persons < 0 {
			return generalist.Errorf(generalist.EINVALID, "import %s: kommune %s %d: age %d, persons %d out of range",
				imp.Dataset.Name, a.Municipality, a.Year, a.Age, a.Persons)
		}
	}

	if !imp.Replace {
		if err := checkConflicts(ctx, tx, imp); err != nil {
			return err
		}
	}

	if _, err := tx.exec(ctx, `INSERT INTO datasets (name, kind, sha256, source, rows, loaded_at) VALUES (?, 'import', ?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, source = excluded.source, rows = excluded.rows, loaded_at = excluded.loaded_at`,
		imp.Dataset.Name, imp.Dataset.SHA256, imp.Dataset.Source, len(imp.Populations)+len(imp.SingleAges),
		db.time(now)); err != nil {
		return err
	}
	// Without Replace every overlapping row is identical (checked above):
	// keep it, and with it the dataset it is attributed to. With Replace
	// the import's row overwrites the stored one. A key the import itself
	// repeats takes its first row without Replace and its last with it,
	// as SQLite's INSERT OR IGNORE and INSERT OR REPLACE did.
	popConflict, ageConflict := populationIgnore, singleAgeIgnore
	if imp.Replace {
		popConflict, ageConflict = upsert(populationKey, populationCols), upsert(singleAgeKey, singleAgeCols)
	}
	rows := make([][]any, 0, len(imp.Populations))
	for _, p := range dedupe(imp.Populations, imp.Replace, func(p generalist.Population) any {
		return [3]any{p.Structure, p.Year, p.Municipality}
	}) {
		rows = append(rows, populationRow(p, imp.Dataset.Name))
	}
	if err := bulkInsert(ctx, tx, "populations", populationCols, rows, popConflict); err != nil {
		return err
	}
	rows = make([][]any, 0, len(imp.SingleAges))
	for _, a := range dedupe(imp.SingleAges, imp.Replace, func(a generalist.SingleAge) any {
		return [4]any{a.Structure, a.Year, a.Municipality, a.Age}
	}) {
		rows = append(rows, []any{int(a.Structure), a.Year, string(a.Municipality), a.Age, int64(a.Persons), imp.Dataset.Name})
	}
	// A reference or earlier import whose rows were all replaced keeps its
	// datasets row: it documents where the data once came from.
	return bulkInsert(ctx, tx, "single_ages", singleAgeCols, rows, ageConflict)
}

// dedupe returns xs with one element per key: the first (last if last is
// set) of those with the same key, in the order of xs. One statement may
// not insert-or-update the same row twice in PostgreSQL.
func dedupe[T any](xs []T, last bool, key func(T) any) []T {
	at := make(map[any]int, len(xs))
	out := make([]T, 0, len(xs))
	for _, x := range xs {
		k := key(x)
		if i, ok := at[k]; ok {
			if last {
				out[i] = x
			}
			continue
		}
		at[k] = len(out)
		out = append(out, x)
	}
	return out
}

type structNum struct {
	s generalist.Structure
	n generalist.MunicipalityNumber
}

func municipalitySet(ctx context.Context, tx querier) (map[structNum]bool, error) {
	rows, err := tx.query(ctx, `SELECT structure, number FROM municipalities`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[structNum]bool{}
	for rows.Next() {
		var k structNum
		if err := rows.Scan(&k.s, &k.n); err != nil {
			return nil, err
		}
		out[k] = true
	}
	return out, rows.Err()
}

// checkConflicts returns ECONFLICT if any record would overwrite a stored
// one with a different value; identical records are fine (re-importing the
// same file is a no-op).
func checkConflicts(ctx context.Context, tx *tx, imp *generalist.PopulationImport) error {
	stmt, err := tx.prepare(ctx, `SELECT total, missing, dataset FROM populations WHERE structure = ? AND year = ? AND municipality = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	var first string
	n := 0
	for _, p := range imp.Populations {
		var total sql.NullInt64
		var missing bool
		var ds string
		err := stmt.QueryRowContext(ctx, int(p.Structure), p.Year, string(p.Municipality)).Scan(&total, &missing, &ds)
		if err == sql.ErrNoRows {
			continue
		} else if err != nil {
			return err
		}
		if missing != p.Missing || generalist.Persons(total.Int64) != p.Total {
			if n == 0 {
				old := "no data"
				if total.Valid {
					old = fmt.Sprint(total.Int64)
				}
				first = fmt.Sprintf("kommune %s, 1.1.%d (%d structure): stored %s from %s, file has %d",
					p.Municipality, p.Year, p.Structure, old, ds, p.Total)
			}
			n++
		}
	}
	if n > 0 {
		return generalist.Errorf(generalist.ECONFLICT,
			"import %s: %d population(s) differ from stored data, e.g. %s; nothing was imported (use --replace to overwrite)",
			imp.Dataset.Name, n, first)
	}
	astmt, err := tx.prepare(ctx, `SELECT persons FROM single_ages WHERE structure = ? AND year = ? AND municipality = ? AND age = ?`)
	if err != nil {
		return err
	}
	defer astmt.Close()
	for _, a := range imp.SingleAges {
		var v int64
		err := astmt.QueryRowContext(ctx, int(a.Structure), a.Year, string(a.Municipality), a.Age).Scan(&v)
		if err == sql.ErrNoRows {
			continue
		} else if err != nil {
			return err
		}
		if generalist.Persons(v) != a.Persons {
			return generalist.Errorf(generalist.ECONFLICT,
				"import %s: kommune %s, 1.1.%d, age %d: stored %d, file has %d; nothing was imported (use --replace to overwrite)",
				imp.Dataset.Name, a.Municipality, a.Year, a.Age, v, a.Persons)
		}
	}
	return nil
}
