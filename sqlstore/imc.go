package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"generalist"
)

// participantRegistry holds the names of the municipalities and counties a
// cooperation may have as participants: those of the 2024 structure.
type participantRegistry struct {
	municipalities map[string]string
	counties       map[string]string
}

func loadParticipants(ctx context.Context, tx querier) (*participantRegistry, error) {
	r := &participantRegistry{municipalities: map[string]string{}, counties: map[string]string{}}
	rows, err := tx.query(ctx, `SELECT number, name FROM municipalities WHERE structure = 2024`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var n, name string
		if err := rows.Scan(&n, &name); err != nil {
			rows.Close()
			return nil, err
		}
		r.municipalities[n] = name
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = tx.query(ctx, `SELECT number, name FROM counties WHERE structure = 2024`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var n, name string
		if err := rows.Scan(&n, &name); err != nil {
			return nil, err
		}
		r.counties[n] = generalist.CountyParticipantName(n, name)
	}
	if len(r.municipalities) == 0 {
		return nil, generalist.Errorf(generalist.EINTERNAL, "the store holds no 2024 structure to check participants against")
	}
	return r, rows.Err()
}

// resolve checks that every participant and the head office exist and
// fills in the participants' names.
func (r *participantRegistry) resolve(c *generalist.IMC, where string) error {
	for i := range c.Participants {
		p := &c.Participants[i]
		names := r.municipalities
		kind := "kommune"
		if p.County() {
			names, kind = r.counties, "fylkeskommune"
		}
		name, ok := names[p.Number]
		if !ok {
			return generalist.Errorf(generalist.EINVALID, "%s, participant %s: there is no %s with that number in the 2024 structure", where, p.Number, kind)
		}
		p.Name = name
	}
	if c.Host != "" && c.Participant(c.Host) == nil {
		if _, ok := r.municipalities[c.Host]; !ok {
			return generalist.Errorf(generalist.EINVALID, "%s: head office %s is not a municipality of the 2024 structure", where, c.Host)
		}
	}
	return nil
}

func nameKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

func where(c *generalist.IMC) string { return fmt.Sprintf("cooperation %q", strings.TrimSpace(c.Name)) }

// checkIMC validates the edit and the record, and resolves the
// participants.
func checkIMC(reg *participantRegistry, c *generalist.IMC, e generalist.IMCEdit) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return reg.resolve(c, where(c))
}

// nameTaken returns ECONFLICT if another cooperation than id has the name.
func nameTaken(ctx context.Context, tx *tx, c *generalist.IMC, id int64) error {
	var other int64
	err := tx.queryRow(ctx, `SELECT id FROM imc WHERE name_key = ? AND NOT deleted AND id <> ?`, nameKey(c.Name), id).Scan(&other)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	return generalist.Errorw(generalist.ECONFLICT, "err.imc.nametaken", "a cooperation named %q is already registered (id %d); nothing was saved", strings.TrimSpace(c.Name), other)
}

// save writes c as version c.Version of cooperation c.ID (inserting the
// row when insert is set) with its index rows and a revision.
func (db *DB) save(ctx context.Context, tx *tx, c *generalist.IMC, prev *generalist.IMC, action string, e generalist.IMCEdit, now time.Time, insert bool) error {
	c.UpdatedAt, c.UpdatedBy = now, strings.TrimSpace(e.Author)
	c.Name = strings.TrimSpace(c.Name)
	var end any
	if c.End != "" {
		end = string(c.End)
	}
	if insert {
		if err := tx.queryRow(ctx, `INSERT INTO imc (version, name, name_key, form, start_date, end_date, example, deleted, data)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, '{}') RETURNING id`,
			c.Name, nameKey(c.Name), string(c.Form), string(c.Start), end, c.Example, false).Scan(&c.ID); err != nil {
			return err
		}
	}
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	deleted := action == generalist.RevisionDeleted
	res, err := tx.exec(ctx, `UPDATE imc SET version = ?, name = ?, name_key = ?, form = ?, start_date = ?, end_date = ?, example = ?, deleted = ?, data = ?
		WHERE id = ? AND version = ?`,
		c.Version, c.Name, nameKey(c.Name), string(c.Form), string(c.Start), end, c.Example, deleted, string(data), c.ID, max(c.Version-1, 1))
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("cooperation %d changed under the transaction (%d rows, %v)", c.ID, n, err)
	}
	for _, q := range []string{`DELETE FROM imc_participants WHERE imc = ?`, `DELETE FROM imc_tasks WHERE imc = ?`} {
		if _, err := tx.exec(ctx, q, c.ID); err != nil {
			return err
		}
	}
	if action != generalist.RevisionDeleted {
		var parts, tasks [][]any
		for _, p := range c.Participants {
			var own any
			if p.Ownership != nil {
				own = int(*p.Ownership)
			}
			parts = append(parts, []any{c.ID, p.Number, own})
		}
		for _, t := range c.Tasks {
			if t.Task != "" {
				tasks = append(tasks, []any{c.ID, t.Task})
			}
		}
		if err := bulkInsert(ctx, tx, "imc_participants", []string{"imc", "number", "ownership"}, parts, ""); err != nil {
			return err
		}
		if err := bulkInsert(ctx, tx, "imc_tasks", []string{"imc", "task"}, tasks, ""); err != nil {
			return err
		}
	}
	changes, err := json.Marshal(generalist.DiffIMC(prev, c))
	if action == generalist.RevisionDeleted {
		changes, err = json.Marshal([]generalist.FieldChange{{Field: "slettet", To: "true"}})
	}
	if err != nil {
		return err
	}
	_, err = tx.exec(ctx, `INSERT INTO imc_revisions (imc, version, action, author, note, at, changes, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.Version, action, strings.TrimSpace(e.Author), strings.TrimSpace(e.Note), db.time(now), string(changes), string(data))
	return err
}

// wrapIMC adds the operation to internal errors; domain errors pass as
// they are.
func (db *DB) wrapIMC(err *error, format string, args ...any) {
	if *err != nil && generalist.ErrorCode(*err) == generalist.EINTERNAL {
		*err = db.errorf(format+": %w", append(args, *err)...)
	}
}

// CreateIMC implements generalist.IMCStore.
func (db *DB) CreateIMC(ctx context.Context, c *generalist.IMC, e generalist.IMCEdit) (err error) {
	defer db.wrapIMC(&err, "create cooperation %q", c.Name)
	now := db.now()
	var next generalist.IMC
	err = db.write(ctx, func(tx *tx) error {
		reg, err := loadParticipants(ctx, tx)
		if err != nil {
			return err
		}
		next = *c
		next.Participants = append([]generalist.IMCParticipant(nil), c.Participants...)
		next.ID, next.Version = 0, 1
		if err := checkIMC(reg, &next, e); err != nil {
			return err
		}
		if err := nameTaken(ctx, tx, &next, 0); err != nil {
			return err
		}
		return db.save(ctx, tx, &next, nil, generalist.RevisionCreated, e, now, true)
	})
	if err != nil {
		return err
	}
	*c = next
	return nil
}

// current reads the stored version of a cooperation in tx. ENOTFOUND for
// an unknown or deleted id.
func current(ctx context.Context, tx querier, id int64) (*generalist.IMC, error) {
	var data string
	var deleted bool
	err := tx.queryRow(ctx, `SELECT data, deleted FROM imc WHERE id = ?`, id).Scan(&data, &deleted)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, imcNotFound(id)
	}
	if err != nil {
		return nil, err
	}
	if deleted {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "cooperation %d was deleted; its history is kept (generalist imc history %d)", id, id)
	}
	return decodeIMC(data)
}

func imcNotFound(id int64) error {
	return generalist.Errorf(generalist.ENOTFOUND, "no cooperation with id %d (see generalist imc list)", id)
}

func decodeIMC(data string) (*generalist.IMC, error) {
	var c generalist.IMC
	if err := json.Unmarshal([]byte(data), &c); err != nil {
		return nil, fmt.Errorf("decode cooperation: %w", err)
	}
	return &c, nil
}

func staleError(cur *generalist.IMC, read int) error {
	return generalist.Errorw(generalist.ECONFLICT, "err.imc.stalestore",
		"cooperation %[1]d (%[2]s) was changed by %[3]s at %[4]s and is now version %[5]d, but the change was made to version %[6]d; nothing was saved — reload it and make the change again",
		cur.ID, cur.Name, cur.UpdatedBy, cur.UpdatedAt.Format("2006-01-02 15:04:05 UTC"), cur.Version, read, cur.UpdatedAt)
}

// UpdateIMC implements generalist.IMCStore. The version check
// and the write share one write transaction, so they cannot interleave
// with another update.
func (db *DB) UpdateIMC(ctx context.Context, c *generalist.IMC, e generalist.IMCEdit) (err error) {
	defer db.wrapIMC(&err, "update cooperation %d", c.ID)
	now := db.now()
	var next generalist.IMC
	err = db.write(ctx, func(tx *tx) error {
		cur, err := current(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if c.Version != cur.Version {
			return staleError(cur, c.Version)
		}
		reg, err := loadParticipants(ctx, tx)
		if err != nil {
			return err
		}
		next = *c
		next.Participants = append([]generalist.IMCParticipant(nil), c.Participants...)
		if err := checkIMC(reg, &next, e); err != nil {
			return err
		}
		if err := nameTaken(ctx, tx, &next, c.ID); err != nil {
			return err
		}
		if len(generalist.DiffIMC(cur, &next)) == 0 {
			next = *cur // nothing changed: no new version
			return nil
		}
		next.Version = cur.Version + 1
		return db.save(ctx, tx, &next, cur, generalist.RevisionChanged, e, now, false)
	})
	if err != nil {
		return err
	}
	*c = next
	return nil
}

// DeleteIMC implements generalist.IMCStore.
func (db *DB) DeleteIMC(ctx context.Context, id int64, version int, e generalist.IMCEdit) (err error) {
	defer db.wrapIMC(&err, "delete cooperation %d", id)
	if err := e.Validate(); err != nil {
		return err
	}
	now := db.now()
	return db.write(ctx, func(tx *tx) error {
		cur, err := current(ctx, tx, id)
		if err != nil {
			return err
		}
		if version != cur.Version {
			return staleError(cur, version)
		}
		prev := *cur
		cur.Version++
		return db.save(ctx, tx, cur, &prev, generalist.RevisionDeleted, e, now, false)
	})
}

// IMC implements generalist.IMCStore.
func (db *DB) IMC(ctx context.Context, id int64) (c *generalist.IMC, err error) {
	defer db.wrapIMC(&err, "read cooperation %d", id)
	var data string
	var deleted bool
	err = db.queryRow(ctx, `SELECT data, deleted FROM imc WHERE id = ?`, id).Scan(&data, &deleted)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, imcNotFound(id)
	case err != nil:
		return nil, err
	case deleted:
		return nil, generalist.Errorf(generalist.ENOTFOUND, "cooperation %d was deleted; its history is kept (generalist imc history %d)", id, id)
	}
	return decodeIMC(data)
}

// IMCVersion implements generalist.IMCStore.
func (db *DB) IMCVersion(ctx context.Context, id int64, version int) (c *generalist.IMC, err error) {
	defer db.wrapIMC(&err, "read cooperation %d version %d", id, version)
	var data string
	err = db.queryRow(ctx, `SELECT data FROM imc_revisions WHERE imc = ? AND version = ?`, id, version).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "cooperation %d has no version %d (see generalist imc history %d)", id, version, id)
	}
	if err != nil {
		return nil, err
	}
	return decodeIMC(data)
}

// IMCHistory implements generalist.IMCStore.
func (db *DB) IMCHistory(ctx context.Context, id int64) (out []generalist.IMCRevision, err error) {
	defer db.wrapIMC(&err, "history of cooperation %d", id)
	rows, err := db.query(ctx, `SELECT version, action, author, note, at, changes FROM imc_revisions WHERE imc = ? ORDER BY version`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		r := generalist.IMCRevision{IMC: id}
		var changes string
		if err := rows.Scan(&r.Version, &r.Action, &r.Author, &r.Note, timeCol{&r.At}, &changes); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(changes), &r.Changes); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, imcNotFound(id)
	}
	return out, nil
}

// IMCs implements generalist.IMCStore.
func (db *DB) IMCs(ctx context.Context, f generalist.IMCFilter) (out []generalist.IMC, err error) {
	defer db.wrapIMC(&err, "list cooperations")
	q := `SELECT data FROM imc WHERE NOT deleted`
	var args []any
	if f.Participant != "" {
		q += ` AND id IN (SELECT imc FROM imc_participants WHERE number = ?)`
		args = append(args, f.Participant)
	}
	if f.Task != "" {
		q += ` AND id IN (SELECT imc FROM imc_tasks WHERE task = ?)`
		args = append(args, f.Task)
	}
	if f.Form != "" {
		q += ` AND form = ?`
		args = append(args, string(f.Form))
	}
	rows, err := db.query(ctx, q+` ORDER BY name_key, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out = []generalist.IMC{}
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		c, err := decodeIMC(data)
		if err != nil {
			return nil, err
		}
		if f.Match(c) {
			out = append(out, *c)
		}
	}
	return out, rows.Err()
}

// ImportIMCs implements generalist.IMCStore. Every record is
// checked before any is written, so that a bad one leaves the store (and,
// on PostgreSQL, the id sequence) as it was.
func (db *DB) ImportIMCs(ctx context.Context, cs []generalist.IMC, e generalist.IMCEdit, replace bool) (created, updated int, err error) {
	defer db.wrapIMC(&err, "import cooperations")
	if err := e.Validate(); err != nil {
		return 0, 0, err
	}
	if len(cs) == 0 {
		return 0, 0, generalist.Errorf(generalist.EINVALID, "no cooperations to import")
	}
	now := db.now()
	err = db.write(ctx, func(tx *tx) error {
		created, updated = 0, 0
		reg, err := loadParticipants(ctx, tx)
		if err != nil {
			return err
		}
		type step struct {
			next generalist.IMC
			cur  *generalist.IMC // nil: a new cooperation
		}
		var steps []step
		seen := map[string]int{}
		for i := range cs {
			next := cs[i]
			next.Participants = append([]generalist.IMCParticipant(nil), cs[i].Participants...)
			at := fmt.Sprintf("cooperation %d of %d", i+1, len(cs))
			if err := checkIMC(reg, &next, e); err != nil {
				return generalist.Errorf(generalist.ErrorCode(err), "%s: %s; nothing was imported", at, generalist.ErrorMessage(err))
			}
			key := nameKey(next.Name)
			if j, dup := seen[key]; dup {
				return generalist.Errorf(generalist.EINVALID, "%s: the name %q is also the name of cooperation %d; nothing was imported", at, next.Name, j+1)
			}
			seen[key] = i
			var id int64
			err := tx.queryRow(ctx, `SELECT id FROM imc WHERE name_key = ? AND NOT deleted`, key).Scan(&id)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				next.ID, next.Version = 0, 1
				steps = append(steps, step{next: next})
			case err != nil:
				return err
			case !replace:
				return generalist.Errorf(generalist.ECONFLICT, "%s: a cooperation named %q is already registered (id %d); nothing was imported (use --replace to store the file's version as its next version)", at, next.Name, id)
			default:
				cur, err := current(ctx, tx, id)
				if err != nil {
					return err
				}
				next.ID = id
				if len(generalist.DiffIMC(cur, &next)) == 0 {
					continue
				}
				next.Version = cur.Version + 1
				steps = append(steps, step{next: next, cur: cur})
			}
		}
		for i := range steps {
			st := &steps[i]
			if st.cur == nil {
				if err := db.save(ctx, tx, &st.next, nil, generalist.RevisionCreated, e, now, true); err != nil {
					return err
				}
				created++
			} else {
				if err := db.save(ctx, tx, &st.next, st.cur, generalist.RevisionChanged, e, now, false); err != nil {
					return err
				}
				updated++
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	return created, updated, nil
}
