package sqlstore

import (
	"context"
	"strings"

	"generalist"
)

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
