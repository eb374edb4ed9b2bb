package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"generalist"
)

// CheckReport is what Check found.
type CheckReport struct {
	// Checks names each check that ran.
	Checks []string `json:"checks"`
	// Skipped names each check that could not run, and why.
	Skipped []string `json:"skipped,omitempty"`
	// Problems are what the checks found wrong; none in a sound store.
	Problems []string `json:"problems,omitempty"`
}

// maxProblems is how many problems a check lists before it only counts.
const maxProblems = 20

func (r *CheckReport) problem(format string, args ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// Check checks the store's integrity (see CheckStore) and returns an
// error naming the problems found, if any.
func (db *DB) Check(ctx context.Context) error {
	r, err := db.CheckStore(ctx)
	if err != nil {
		return err
	}
	if len(r.Problems) > 0 {
		return db.errorf("the store check found %d problem(s): %s", len(r.Problems), strings.Join(r.Problems, "; "))
	}
	return nil
}

// CheckStore checks the store's integrity and reports what it checked and
// found. On SQLite: PRAGMA integrity_check (the file's pages, records and
// indexes), PRAGMA foreign_key_check and the full-text index's
// integrity-check against its table. On PostgreSQL: amcheck's
// bt_index_check (with heapallindexed) on every B-tree index of the store
// and verify_heapam on every table, when the amcheck extension is
// installed or can be created (else it is reported as skipped), and a
// query for rows whose foreign keys point nowhere, per foreign key. On
// both: the cooperation registry's own invariants (every version has its
// revision, the current data is the last revision's, the index rows
// match the data). An error is returned only when a check could not be
// run at all; what a check finds is in Problems.
func (db *DB) CheckStore(ctx context.Context) (*CheckReport, error) {
	r := &CheckReport{}
	var err error
	if db.postgres() {
		err = db.checkPostgres(ctx, r)
	} else {
		err = db.checkSQLite(ctx, r)
	}
	if err != nil {
		return nil, db.errorf("check: %w", err)
	}
	t, err := db.beginRead(ctx)
	if err != nil {
		return nil, db.errorf("check: %w", err)
	}
	defer t.tx.Rollback()
	if !db.postgres() {
		// In the same snapshot as the registry's invariants.
		orphans, err := sqliteForeignKeyCheck(ctx, t)
		if err != nil {
			return nil, db.errorf("check: foreign_key_check: %w", err)
		}
		r.Checks = append(r.Checks, "PRAGMA foreign_key_check")
		r.Problems = append(r.Problems, orphans...)
	} else if err := db.checkOrphans(ctx, t, r); err != nil {
		return nil, db.errorf("check: foreign keys: %w", err)
	}
	if err := checkRegistry(ctx, t, r); err != nil {
		return nil, db.errorf("check: cooperation registry: %w", err)
	}
	return r, nil
}

func (db *DB) checkSQLite(ctx context.Context, r *CheckReport) error {
	msgs, err := queryAll(ctx, db, `PRAGMA integrity_check`, func(rows *sql.Rows) (s string, err error) { return s, rows.Scan(&s) })
	if err != nil {
		return fmt.Errorf("integrity_check: %w", err)
	}
	r.Checks = append(r.Checks, "PRAGMA integrity_check")
	if !(len(msgs) == 1 && msgs[0] == "ok") {
		for _, m := range msgs {
			r.problem("integrity_check: %s", m)
		}
	}
	fts, err := queryAll(ctx, db, `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`,
		func(rows *sql.Rows) (s string, err error) { return s, rows.Scan(&s) })
	if err != nil {
		return err
	}
	for _, name := range fts {
		// rank 1: also compare the index with its content table.
		_, err := db.exec(ctx, fmt.Sprintf(`INSERT INTO %[1]s (%[1]s, rank) VALUES ('integrity-check', 1)`, name))
		r.Checks = append(r.Checks, "FTS5 integrity-check of "+name)
		if err != nil {
			r.problem("full-text index %s: %v", name, err)
		}
	}
	return nil
}

// sqliteForeignKeyCheck lists the rows PRAGMA foreign_key_check finds.
func sqliteForeignKeyCheck(ctx context.Context, q querier) ([]string, error) {
	type orphan struct {
		table, parent string
		rowid         sql.NullInt64
	}
	os, err := queryAll(ctx, q, `PRAGMA foreign_key_check`, func(rows *sql.Rows) (o orphan, err error) {
		var fkid int
		return o, rows.Scan(&o.table, &o.rowid, &o.parent, &fkid)
	})
	if err != nil {
		return nil, err
	}
	var out []string
	for i, o := range os {
		if i == maxProblems {
			out = append(out, fmt.Sprintf("… and %d more rows whose foreign key points nowhere", len(os)-i))
			break
		}
		where := "a row"
		if o.rowid.Valid {
			where = fmt.Sprintf("row %d", o.rowid.Int64)
		}
		out = append(out, fmt.Sprintf("%s: %s refers to a missing row of %s", o.table, where, o.parent))
	}
	return out, nil
}

// checkPostgres runs amcheck, if it can.
func (db *DB) checkPostgres(ctx context.Context, r *CheckReport) error {
	schema, err := db.amcheckSchema(ctx)
	if err != nil {
		r.Skipped = append(r.Skipped, "amcheck (bt_index_check, verify_heapam): "+err.Error())
		return nil
	}
	indexes, err := queryAll(ctx, db, `SELECT c.oid::regclass::text FROM pg_index i
		JOIN pg_class c ON c.oid = i.indexrelid
		JOIN pg_class t ON t.oid = i.indrelid
		JOIN pg_am am ON am.oid = c.relam
		WHERE t.relnamespace = current_schema()::regnamespace AND am.amname = 'btree' AND i.indisvalid AND i.indisready
		ORDER BY 1`, func(rows *sql.Rows) (s string, err error) { return s, rows.Scan(&s) })
	if err != nil {
		return err
	}
	for _, ix := range indexes {
		if _, err := db.exec(ctx, `SELECT `+schema+`.bt_index_check(?::regclass, true)`, ix); err != nil {
			r.problem("index %s: %v", ix, err)
		}
	}
	r.Checks = append(r.Checks, fmt.Sprintf("amcheck bt_index_check(heapallindexed) on %d indexes", len(indexes)))
	var heap int
	if err := db.queryRow(ctx, `SELECT count(*) FROM pg_proc WHERE proname = 'verify_heapam' AND pronamespace = ?::regnamespace`, strings.Trim(schema, `"`)).Scan(&heap); err != nil {
		return err
	}
	if heap == 0 {
		r.Skipped = append(r.Skipped, "verify_heapam: amcheck is older than 1.3")
		return nil
	}
	tables, err := queryAll(ctx, db, `SELECT oid::regclass::text FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' ORDER BY 1`,
		func(rows *sql.Rows) (s string, err error) { return s, rows.Scan(&s) })
	if err != nil {
		return err
	}
	for _, tb := range tables {
		msgs, err := queryAll(ctx, db, `SELECT blkno || '/' || coalesce(offnum::text, '-') || ': ' || msg FROM `+schema+`.verify_heapam(?::regclass)`,
			func(rows *sql.Rows) (s string, err error) { return s, rows.Scan(&s) }, tb)
		if err != nil {
			r.problem("table %s: %v", tb, err)
			continue
		}
		for i, m := range msgs {
			if i == maxProblems {
				r.problem("table %s: … and %d more", tb, len(msgs)-i)
				break
			}
			r.problem("table %s: page %s", tb, m)
		}
	}
	r.Checks = append(r.Checks, fmt.Sprintf("amcheck verify_heapam on %d tables", len(tables)))
	return nil
}

// amcheckSchema returns the quoted schema of the amcheck extension,
// creating the extension (in public, else in the store's schema) when it
// is missing and the role may.
func (db *DB) amcheckSchema(ctx context.Context) (string, error) {
	find := func() (string, error) {
		var s string
		err := db.queryRow(ctx, `SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'amcheck'`).Scan(&s)
		return s, err
	}
	if s, err := find(); err == nil {
		return s, nil
	} else if err != sql.ErrNoRows {
		return "", err
	}
	var firstErr error
	for _, q := range []string{`CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public`, `CREATE EXTENSION IF NOT EXISTS amcheck`} {
		_, err := db.exec(ctx, q)
		if s, ferr := find(); ferr == nil {
			return s, nil // made here, or by a concurrent check
		}
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = fmt.Errorf("the extension is missing")
	}
	return "", fmt.Errorf("the extension is not installed and cannot be created: %v", firstErr)
}

// checkOrphans counts, per foreign key of the store's schema, the rows
// that refer to no row (MATCH SIMPLE: a key with a NULL refers to none).
func (db *DB) checkOrphans(ctx context.Context, t *tx, r *CheckReport) error {
	type fk struct{ name, child, parent, childCols, parentCols string }
	fks, err := queryAll(ctx, t, `SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
		array_to_string(ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.conkey) WITH ORDINALITY AS k(n, i)
			JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i), ','),
		array_to_string(ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.confkey) WITH ORDINALITY AS k(n, i)
			JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i), ',')
		FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace ORDER BY 2, 1`,
		func(rows *sql.Rows) (f fk, err error) {
			return f, rows.Scan(&f.name, &f.child, &f.parent, &f.childCols, &f.parentCols)
		})
	if err != nil {
		return err
	}
	for _, f := range fks {
		cc, pc := strings.Split(f.childCols, ","), strings.Split(f.parentCols, ",")
		var notNull, match []string
		for i := range cc {
			notNull = append(notNull, "c."+cc[i]+" IS NOT NULL")
			match = append(match, "p."+pc[i]+" = c."+cc[i])
		}
		var n int64
		q := fmt.Sprintf(`SELECT count(*) FROM %s c WHERE %s AND NOT EXISTS (SELECT 1 FROM %s p WHERE %s)`,
			f.child, strings.Join(notNull, " AND "), f.parent, strings.Join(match, " AND "))
		if err := t.queryRow(ctx, q).Scan(&n); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		if n > 0 {
			r.problem("%s: %d row(s) of %s refer to a missing row of %s (%s)", f.name, n, f.child, f.parent, f.childCols)
		}
	}
	r.Checks = append(r.Checks, fmt.Sprintf("orphan rows of %d foreign keys", len(fks)))
	return nil
}

// checkRegistry checks the invariants of the cooperation registry: each
// cooperation's revisions are 1…version, its data is that of its last
// revision, and its participant and task rows are those of its data.
func checkRegistry(ctx context.Context, t *tx, r *CheckReport) error {
	bad, err := queryAll(ctx, t, `SELECT i.id FROM imc i
		WHERE i.version <> (SELECT count(*) FROM imc_revisions r WHERE r.imc = i.id)
		   OR i.version <> (SELECT max(r.version) FROM imc_revisions r WHERE r.imc = i.id)
		   OR NOT EXISTS (SELECT 1 FROM imc_revisions r WHERE r.imc = i.id AND r.version = i.version AND r.data = i.data)
		ORDER BY i.id`, func(rows *sql.Rows) (id int64, err error) { return id, rows.Scan(&id) })
	if err != nil {
		return err
	}
	for _, id := range bad {
		r.problem("cooperation %d: its versions and revisions disagree", id)
	}
	type row struct {
		id      int64
		deleted bool
		data    string
	}
	imcs, err := queryAll(ctx, t, `SELECT id, deleted, data FROM imc ORDER BY id`, func(rows *sql.Rows) (x row, err error) {
		return x, rows.Scan(&x.id, &x.deleted, &x.data)
	})
	if err != nil {
		return err
	}
	type pair struct {
		imc int64
		s   string
	}
	scan := func(rows *sql.Rows) (p pair, err error) { return p, rows.Scan(&p.imc, &p.s) }
	parts, err := queryAll(ctx, t, `SELECT imc, number FROM imc_participants ORDER BY imc, number`, scan)
	if err != nil {
		return err
	}
	tasks, err := queryAll(ctx, t, `SELECT imc, task FROM imc_tasks ORDER BY imc, task`, scan)
	if err != nil {
		return err
	}
	stored := func(ps []pair) map[int64][]string {
		m := map[int64][]string{}
		for _, p := range ps {
			m[p.imc] = append(m[p.imc], p.s)
		}
		return m
	}
	sp, st := stored(parts), stored(tasks)
	for _, x := range imcs {
		var c generalist.IMC
		if err := json.Unmarshal([]byte(x.data), &c); err != nil {
			r.problem("cooperation %d: its data is not a cooperation: %v", x.id, err)
			continue
		}
		var wantP, wantT []string
		if !x.deleted {
			for _, p := range c.Participants {
				wantP = append(wantP, p.Number)
			}
			for _, tk := range c.Tasks {
				if tk.Task != "" {
					wantT = append(wantT, tk.Task)
				}
			}
		}
		slices.Sort(wantP)
		slices.Sort(wantT)
		wantT = slices.Compact(wantT)
		if !slices.Equal(wantP, sp[x.id]) || !slices.Equal(wantT, st[x.id]) {
			r.problem("cooperation %d: its participant or task rows differ from its data", x.id)
		}
	}
	r.Checks = append(r.Checks, fmt.Sprintf("cooperation registry invariants (%d cooperations)", len(imcs)))
	return nil
}
