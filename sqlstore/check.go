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

// MaxProblems is how many problems a check lists before it only counts.
const MaxProblems = 20

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
	if err := db.d.Integrity(ctx, db.db, r); err != nil {
		return nil, db.errorf("check: %w", err)
	}
	t, err := db.beginRead(ctx)
	if err != nil {
		return nil, db.errorf("check: %w", err)
	}
	defer t.tx.Rollback()
	// In the same snapshot as the registry's invariants.
	if err := db.d.ForeignKeyCheck(ctx, t.tx, r); err != nil {
		return nil, db.errorf("check: %w", err)
	}
	if err := checkRegistry(ctx, t, r); err != nil {
		return nil, db.errorf("check: cooperation registry: %w", err)
	}
	return r, nil
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
