package sqlstore

import (
	"context"
	"strings"
	"time"

	"generalist"
)

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
