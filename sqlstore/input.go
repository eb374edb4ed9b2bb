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
			return generalist.Errorw(generalist.ECONFLICT, "err.input.duplicate", "text: the same text has been sent already; it is not stored twice")
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
