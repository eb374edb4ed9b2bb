package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"generalist"
)

// Inputs (innspill). The full-text search is the one place where the SQL
// of the two backends differs (the dialect's InputSearch): SQLite matches the FTS5 table inputs_fts
// (tokenizer unicode61, remove_diacritics 0), PostgreSQL the tsvector
// column search_vector (configuration 'simple') through its GIN index. Both
// index search_text, the title and text already split into lower-case
// terms by generalist.InputTerms, and both are asked for every term of the
// query as a word or the start of one, so they find the same inputs.
//
// Inputs are listed newest first by sort_key: the creation time in Unix
// seconds times 2^24 plus the id modulo 2^24, so that its order is that of
// (created_at, id) for the first 16.7 million inputs. It is the rowid of
// the FTS5 index, which can then hand out the matches newest first and
// stop at the page, instead of sorting every match of a common word.

// sortKey is the sort_key of an input.
func sortKey(created time.Time, id int64) int64 {
	return created.Unix()<<24 | id&(1<<24-1)
}

var _ generalist.InputStore = (*DB)(nil)

// inputCols are the columns readInput scans, in order, from inputs i
// left-joined with input_attachments a.
const inputCols = `i.id, i.reference, i.kind, i.title, i.body, i.municipality, i.county, i.sender_type,
	i.name, i.organisation, i.email, i.consent_version, i.publish_name, i.status, i.reject_reason, i.merged_into,
	i.moderator, i.version, i.text_hash, i.created_at, i.updated_at, i.published_at, i.erased_at,
	a.name, a.size, a.sha256`

const inputFrom = ` FROM inputs i LEFT JOIN input_attachments a ON a.input_id = i.id`

func scanInput(sc interface{ Scan(...any) error }) (*generalist.Input, error) {
	var in generalist.Input
	var merged sql.NullInt64
	var aName, aSHA sql.NullString
	var aSize sql.NullInt64
	err := sc.Scan(&in.ID, &in.Reference, &in.Kind, &in.Title, &in.Text, &in.Municipality, &in.County, &in.SenderType,
		&in.Name, &in.Organisation, &in.Email, &in.ConsentVersion, &in.PublishName, &in.Status, &in.RejectReason, &merged,
		&in.Moderator, &in.Version, &in.TextHash, timeCol{&in.CreatedAt}, timeCol{&in.UpdatedAt}, nullTimeCol{&in.PublishedAt}, nullTimeCol{&in.ErasedAt},
		&aName, &aSize, &aSHA)
	if err != nil {
		return nil, err
	}
	in.Consent = true // nothing is stored without it
	in.MergedInto = merged.Int64
	if aName.Valid {
		in.Attachment = &generalist.InputAttachment{Name: aName.String, Size: aSize.Int64, SHA256: aSHA.String}
	}
	in.Tags = []generalist.InputTag{}
	return &in, nil
}

// inputQuery is the FROM, WHERE and ORDER BY of a filter over inputs i.
type inputQuery struct {
	from, where, order string
	args               []any
}

// inputQuery turns a filter into SQL over inputs i; page: a page or a
// capped count is wanted, not a tally of every match. A text query
// becomes the full-text condition of the dialect's InputSearch, which may
// also choose what drives the query (SQLite drives a page from its FTS5
// index).
func (db *DB) inputQuery(f generalist.InputFilter, page bool) inputQuery {
	q := inputQuery{from: "inputs i", order: "i.sort_key DESC"}
	var conds []string
	// status and id are what the status and tag filters test; the
	// dialect's InputSearch may hide their indexes.
	status, id := "i.status", "i.id"
	in := func(expr string, vals []string) {
		conds = append(conds, expr+" IN ("+strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",")+")")
		for _, v := range vals {
			q.args = append(q.args, v)
		}
	}
	if terms := generalist.InputQueryTerms(f.Query); len(terms) > 0 {
		m := db.d.InputSearch(terms, page, len(f.Tags) > 0 || f.Municipality != "" || f.County != "")
		conds = append(conds, m.Cond)
		q.args = append(q.args, m.Args...)
		if m.From != "" {
			q.from = m.From
		}
		if m.Order != "" {
			q.order = m.Order
		}
		if m.Status != "" {
			status = m.Status
		}
		if m.ID != "" {
			id = m.ID
		}
	}
	if len(f.Statuses) > 0 {
		var v []string
		for _, x := range f.Statuses {
			v = append(v, string(x))
		}
		in(status, v)
	}
	if len(f.Tags) > 0 {
		var v []string
		for _, x := range f.Tags {
			v = append(v, string(x))
		}
		in(id+" IN (SELECT t.input_id FROM input_tags t WHERE t.tag", v)
		conds[len(conds)-1] += ")"
	}
	for _, c := range []struct{ col, v string }{
		{"i.kind", string(f.Kind)}, {"i.municipality", string(f.Municipality)}, {"i.county", string(f.County)}, {"i.sender_type", string(f.SenderType)},
	} {
		if c.v != "" {
			conds = append(conds, c.col+" = ?")
			q.args = append(q.args, c.v)
		}
	}
	if len(conds) > 0 {
		q.where = " WHERE " + strings.Join(conds, " AND ")
	}
	return q
}

func checkInputFilter(f *generalist.InputFilter) error {
	for _, s := range f.Statuses {
		if !s.Valid() {
			return generalist.Errorf(generalist.EINVALID, "status: %q is not one of new, published, rejected, withdrawn, merged", s)
		}
	}
	if err := generalist.ValidateTags(generalist.NormalizeTags(f.Tags)); err != nil {
		return err
	}
	if f.Kind != "" && !f.Kind.Valid() {
		return generalist.Errorf(generalist.EINVALID, "kind: %q is not one of challenge, solution, both", f.Kind)
	}
	if f.SenderType != "" && !f.SenderType.Valid() {
		return generalist.Errorf(generalist.EINVALID, "sender_type: %q is not one of municipality, county, organisation, person", f.SenderType)
	}
	if f.Limit < 0 || f.Offset < 0 {
		return generalist.Errorf(generalist.EINVALID, "limit and offset: must not be negative")
	}
	if f.Limit == 0 {
		f.Limit = 50
	}
	f.Limit = min(f.Limit, 1000)
	return nil
}

// CreateInput implements generalist.InputStore.
func (db *DB) CreateInput(ctx context.Context, in *generalist.Input) error {
	next := *in
	next.Normalize()
	next.ID, next.Version, next.Status, next.RejectReason, next.MergedInto = 0, 1, generalist.InputNew, "", 0
	next.PublishedAt, next.ErasedAt, next.Moderator, next.Scenarios = nil, nil, "", nil
	if next.Reference == "" {
		next.Reference = generalist.NewInputReference()
	} else if _, err := generalist.ParseInputReference(next.Reference); err != nil {
		return err
	}
	if err := next.Validate(); err != nil {
		return err
	}
	if next.Attachment != nil && next.Attachment.Data == nil {
		return generalist.Errorf(generalist.EINVALID, "attachment: the file is missing")
	}
	next.TextHash = generalist.InputTextHash(next.Text)
	now := db.now()
	next.CreatedAt, next.UpdatedAt = now, now
	err := db.write(ctx, func(t *tx) error {
		if err := checkInputPlace(ctx, t, &next); err != nil {
			return err
		}
		var n int
		if err := t.queryRow(ctx, `SELECT count(*) FROM inputs WHERE text_hash = ? AND status <> 'withdrawn'`, next.TextHash).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return generalist.Errorf(generalist.ECONFLICT, "text: the same text has been sent already; it is not stored twice")
		}
		// The id is assigned here, not by the database, because the
		// sort key holds it; concurrent writers are serialised (SQLite)
		// or retried (PostgreSQL).
		if err := t.queryRow(ctx, `SELECT coalesce(max(id), 0) + 1 FROM inputs`).Scan(&next.ID); err != nil {
			return err
		}
		if _, err := t.exec(ctx, `INSERT INTO inputs (id, sort_key, reference, kind, title, body, municipality, county, sender_type, name, organisation, email,
			consent_version, publish_name, status, reject_reason, merged_into, moderator, version, text_hash, search_text, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', NULL, '', 1, ?, ?, ?, ?)`,
			next.ID, sortKey(now, next.ID), next.Reference, next.Kind, next.Title, next.Text, next.Municipality, next.County, next.SenderType, next.Name, next.Organisation, next.Email,
			next.ConsentVersion, next.PublishName, next.Status, next.TextHash, generalist.InputSearchText(&next), db.time(now), db.time(now)); err != nil {
			return err
		}
		if err := insertTags(ctx, t, next.ID, next.Tags); err != nil {
			return err
		}
		if a := next.Attachment; a != nil {
			if _, err := t.exec(ctx, `INSERT INTO input_attachments (input_id, name, size, sha256, data) VALUES (?, ?, ?, ?, ?)`,
				next.ID, a.Name, a.Size, a.SHA256, a.Data); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if generalist.ErrorCode(err) == generalist.EINTERNAL {
			return db.errorf("create input: %w", err)
		}
		return err
	}
	*in = next
	return nil
}

// checkInputPlace checks that the municipality and county exist in the
// 2024 structure.
func checkInputPlace(ctx context.Context, t *tx, in *generalist.Input) error {
	var n int
	if in.Municipality != "" {
		if err := t.queryRow(ctx, `SELECT count(*) FROM municipalities WHERE structure = 2024 AND number = ?`, in.Municipality).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return generalist.Errorf(generalist.EINVALID, "municipality: %s is not a municipality of the 2024 structure", in.Municipality)
		}
	}
	if in.County != "" {
		if err := t.queryRow(ctx, `SELECT count(*) FROM counties WHERE structure = 2024 AND number = ?`, in.County).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return generalist.Errorf(generalist.EINVALID, "county: %s is not a county of the 2024 structure", in.County)
		}
	}
	return nil
}

func insertTags(ctx context.Context, t *tx, id int64, tags []generalist.InputTag) error {
	rows := make([][]any, len(tags))
	for i, tag := range tags {
		rows[i] = []any{id, string(tag)}
	}
	return bulkInsert(ctx, t, "input_tags", []string{"input_id", "tag"}, rows, "ON CONFLICT DO NOTHING")
}

// Input implements generalist.InputStore.
func (db *DB) Input(ctx context.Context, id int64) (*generalist.Input, error) {
	return db.inputWhereOne(ctx, "i.id = ?", id, fmt.Sprintf("no input %d", id))
}

// InputByReference implements generalist.InputStore.
func (db *DB) InputByReference(ctx context.Context, ref string) (*generalist.Input, error) {
	r, err := generalist.ParseInputReference(ref)
	if err != nil {
		return nil, err
	}
	return db.inputWhereOne(ctx, "i.reference = ?", r, "no input with reference "+r)
}

func (db *DB) inputWhereOne(ctx context.Context, cond string, arg any, notFound string) (*generalist.Input, error) {
	in, err := scanInput(db.queryRow(ctx, `SELECT `+inputCols+inputFrom+` WHERE `+cond, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "%s", notFound)
	} else if err != nil {
		return nil, db.errorf("input: %w", err)
	}
	if err := db.fillInputs(ctx, []*generalist.Input{in}); err != nil {
		return nil, err
	}
	return in, nil
}

// fillInputs reads the tags and scenario links of ins.
func (db *DB) fillInputs(ctx context.Context, ins []*generalist.Input) error {
	if len(ins) == 0 {
		return nil
	}
	byID := map[int64]*generalist.Input{}
	ph := make([]string, len(ins))
	args := make([]any, len(ins))
	for i, in := range ins {
		byID[in.ID] = in
		ph[i], args[i] = "?", in.ID
	}
	set := "(" + strings.Join(ph, ",") + ")"
	rows, err := db.query(ctx, `SELECT input_id, tag FROM input_tags WHERE input_id IN `+set, args...)
	if err != nil {
		return db.errorf("input tags: %w", err)
	}
	for rows.Next() {
		var id int64
		var tag string
		if err := rows.Scan(&id, &tag); err != nil {
			rows.Close()
			return db.errorf("input tags: %w", err)
		}
		byID[id].Tags = append(byID[id].Tags, generalist.InputTag(tag))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return db.errorf("input tags: %w", err)
	}
	rows, err = db.query(ctx, `SELECT input_id, scenario_id FROM input_scenarios WHERE input_id IN `+set+` ORDER BY scenario_id`, args...)
	if err != nil {
		return db.errorf("input scenarios: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var sc string
		if err := rows.Scan(&id, &sc); err != nil {
			return db.errorf("input scenarios: %w", err)
		}
		byID[id].Scenarios = append(byID[id].Scenarios, sc)
	}
	if err := rows.Err(); err != nil {
		return db.errorf("input scenarios: %w", err)
	}
	for _, in := range ins {
		in.Tags = generalist.NormalizeTags(in.Tags)
	}
	return nil
}

// ListInputs implements generalist.InputStore.
func (db *DB) ListInputs(ctx context.Context, f generalist.InputFilter) ([]generalist.Input, int, error) {
	if err := checkInputFilter(&f); err != nil {
		return nil, 0, err
	}
	// The count streams like the page: it stops at the cap, which a
	// common word reaches after a few thousand matches.
	q := db.inputQuery(f, true)
	var total int
	if err := db.queryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+q.from+q.where+` LIMIT ?) c`,
		append(q.args, generalist.InputCountLimit+1)...).Scan(&total); err != nil {
		return nil, 0, db.errorf("count inputs: %w", err)
	}
	out := []generalist.Input{}
	if total == 0 || f.Offset >= total && total <= generalist.InputCountLimit {
		return out, total, nil
	}
	rows, err := db.query(ctx, `SELECT `+inputCols+` FROM `+q.from+` LEFT JOIN input_attachments a ON a.input_id = i.id`+q.where+
		` ORDER BY `+q.order+` LIMIT ? OFFSET ?`, append(q.args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, db.errorf("list inputs: %w", err)
	}
	defer rows.Close()
	var ptrs []*generalist.Input
	for rows.Next() {
		in, err := scanInput(rows)
		if err != nil {
			return nil, 0, db.errorf("list inputs: %w", err)
		}
		ptrs = append(ptrs, in)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, db.errorf("list inputs: %w", err)
	}
	rows.Close()
	if err := db.fillInputs(ctx, ptrs); err != nil {
		return nil, 0, err
	}
	for _, p := range ptrs {
		out = append(out, *p)
	}
	return out, total, nil
}

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
// input_attachments.
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
	return err
}

// TagCounts implements generalist.InputStore.
func (db *DB) TagCounts(ctx context.Context, f generalist.InputFilter) ([]generalist.TagCount, error) {
	if err := checkInputFilter(&f); err != nil {
		return nil, err
	}
	q := db.inputQuery(f, false)
	rows, err := db.query(ctx, `SELECT t.tag, count(*) FROM `+q.from+` JOIN input_tags t ON t.input_id = i.id`+q.where+` GROUP BY t.tag`, q.args...)
	if err != nil {
		return nil, db.errorf("count input tags: %w", err)
	}
	defer rows.Close()
	counts := map[generalist.InputTag]int{}
	for rows.Next() {
		var tag string
		var n int
		if err := rows.Scan(&tag, &n); err != nil {
			return nil, db.errorf("count input tags: %w", err)
		}
		counts[generalist.InputTag(tag)] = n
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("count input tags: %w", err)
	}
	out := make([]generalist.TagCount, len(generalist.InputTags))
	for i, t := range generalist.InputTags {
		out[i] = generalist.TagCount{Tag: t.ID, Count: counts[t.ID]}
	}
	return out, nil
}

// CountsByMunicipality implements generalist.InputStore.
func (db *DB) CountsByMunicipality(ctx context.Context, f generalist.InputFilter) ([]generalist.MunicipalityCount, error) {
	if err := checkInputFilter(&f); err != nil {
		return nil, err
	}
	q := db.inputQuery(f, false)
	if q.where == "" {
		q.where = " WHERE i.municipality <> ''"
	} else {
		q.where += " AND i.municipality <> ''"
	}
	rows, err := db.query(ctx, `SELECT i.municipality, count(*) FROM `+q.from+q.where+` GROUP BY i.municipality ORDER BY i.municipality`, q.args...)
	if err != nil {
		return nil, db.errorf("count inputs by municipality: %w", err)
	}
	defer rows.Close()
	out := []generalist.MunicipalityCount{}
	for rows.Next() {
		var c generalist.MunicipalityCount
		if err := rows.Scan(&c.Municipality, &c.Count); err != nil {
			return nil, db.errorf("count inputs by municipality: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

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

// Attachment implements generalist.InputStore.
func (db *DB) Attachment(ctx context.Context, id int64) (*generalist.InputAttachment, error) {
	var a generalist.InputAttachment
	err := db.queryRow(ctx, `SELECT name, size, sha256, data FROM input_attachments WHERE input_id = ?`, id).Scan(&a.Name, &a.Size, &a.SHA256, &a.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, generalist.Errorf(generalist.ENOTFOUND, "input %d has no attachment", id)
	} else if err != nil {
		return nil, db.errorf("attachment of input %d: %w", id, err)
	}
	return &a, nil
}

// ImportInputs stores many new inputs in one transaction, as CreateInput
// stores one: each is validated, gets version 1, a reference (unless set)
// and its text hash; a text already stored, or given twice, is ECONFLICT
// and nothing is stored. It is for loading a collection (and the generated
// test data of the search benchmark). The status is new, or published for
// a collection moderated elsewhere (then PublishedAt is CreatedAt).
// CreatedAt, when set, is kept. ins are updated with their ids.
func (db *DB) ImportInputs(ctx context.Context, ins []*generalist.Input) error {
	now := db.now()
	next := make([]generalist.Input, len(ins))
	hashes := map[string]int{}
	for i, in := range ins {
		n := *in
		n.Normalize()
		if n.Status != generalist.InputPublished {
			n.Status = generalist.InputNew
		}
		n.ID, n.Version, n.RejectReason, n.MergedInto = 0, 1, "", 0
		n.PublishedAt, n.ErasedAt, n.Moderator, n.Scenarios = nil, nil, "", nil
		if n.Reference == "" {
			n.Reference = generalist.NewInputReference()
		} else if _, err := generalist.ParseInputReference(n.Reference); err != nil {
			return generalist.Errorf(generalist.EINVALID, "input %d: %s", i+1, generalist.ErrorMessage(err))
		}
		if err := n.Validate(); err != nil {
			return generalist.Errorf(generalist.EINVALID, "input %d: %s", i+1, generalist.ErrorMessage(err))
		}
		if n.Attachment != nil && n.Attachment.Data == nil {
			return generalist.Errorf(generalist.EINVALID, "input %d: attachment: the file is missing", i+1)
		}
		n.TextHash = generalist.InputTextHash(n.Text)
		if j, dup := hashes[n.TextHash]; dup {
			return generalist.Errorf(generalist.ECONFLICT, "input %d: text: the same text as input %d", i+1, j+1)
		}
		hashes[n.TextHash] = i
		if n.CreatedAt.IsZero() {
			n.CreatedAt = now
		}
		n.CreatedAt = n.CreatedAt.UTC().Truncate(time.Second)
		n.UpdatedAt = n.CreatedAt
		if n.Status == generalist.InputPublished {
			n.PublishedAt = &n.CreatedAt
		}
		next[i] = n
	}
	err := db.write(ctx, func(t *tx) error {
		var before int64
		if err := t.queryRow(ctx, `SELECT coalesce(max(id), 0) FROM inputs`).Scan(&before); err != nil {
			return err
		}
		var n int
		checked := map[[2]string]bool{}
		for i := range next {
			key := [2]string{string(next[i].Municipality), string(next[i].County)}
			if checked[key] {
				continue
			}
			if err := checkInputPlace(ctx, t, &next[i]); err != nil {
				return generalist.Errorf(generalist.EINVALID, "input %d: %s", i+1, generalist.ErrorMessage(err))
			}
			checked[key] = true
		}
		// Texts already stored: ask in chunks.
		keys := make([]string, 0, len(hashes))
		for h := range hashes {
			keys = append(keys, h)
		}
		for start := 0; start < len(keys); start += 500 {
			chunk := keys[start:min(start+500, len(keys))]
			args := make([]any, len(chunk))
			for i, k := range chunk {
				args[i] = k
			}
			if err := t.queryRow(ctx, `SELECT count(*) FROM inputs WHERE status <> 'withdrawn' AND text_hash IN (`+
				strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")+`)`, args...).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return generalist.Errorf(generalist.ECONFLICT, "text: %d of the inputs have a text stored already; nothing was stored", n)
			}
		}
		cols := []string{"id", "sort_key", "reference", "kind", "title", "body", "municipality", "county", "sender_type", "name", "organisation", "email",
			"consent_version", "publish_name", "status", "version", "text_hash", "search_text", "created_at", "updated_at", "published_at"}
		rows := make([][]any, len(next))
		for i := range next {
			x := &next[i]
			var pub any
			if x.PublishedAt != nil {
				pub = db.time(*x.PublishedAt)
			}
			x.ID = before + int64(i) + 1
			rows[i] = []any{x.ID, sortKey(x.CreatedAt, x.ID), x.Reference, x.Kind, x.Title, x.Text, x.Municipality, x.County, x.SenderType, x.Name, x.Organisation, x.Email,
				x.ConsentVersion, x.PublishName, x.Status, 1, x.TextHash, generalist.InputSearchText(x), db.time(x.CreatedAt), db.time(x.UpdatedAt), pub}
		}
		if err := bulkInsert(ctx, t, "inputs", cols, rows, ""); err != nil {
			return err
		}
		var tags, atts [][]any
		for i := range next {
			x := &next[i]
			for _, tag := range x.Tags {
				tags = append(tags, []any{x.ID, string(tag)})
			}
			if a := x.Attachment; a != nil {
				atts = append(atts, []any{x.ID, a.Name, a.Size, a.SHA256, a.Data})
			}
		}
		if err := bulkInsert(ctx, t, "input_tags", []string{"input_id", "tag"}, tags, ""); err != nil {
			return err
		}
		for _, a := range atts {
			if _, err := t.exec(ctx, `INSERT INTO input_attachments (input_id, name, size, sha256, data) VALUES (?, ?, ?, ?, ?)`, a...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if generalist.ErrorCode(err) == generalist.EINTERNAL {
			return db.errorf("import inputs: %w", err)
		}
		return err
	}
	for i := range ins {
		*ins[i] = next[i]
	}
	if db.d.AfterInputImport != "" && len(ins) >= 1000 {
		// The import is stored either way.
		if _, err := db.exec(ctx, db.d.AfterInputImport); err != nil {
			return db.errorf("import inputs: analyze: %w", err)
		}
	}
	return nil
}
