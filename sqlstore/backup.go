package sqlstore

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"generalist"
)

// A backup is a logical export of everything the store holds — every
// table but schema_migrations — read in one transaction (one snapshot),
// in a format both backends read and write, so that a backup of SQLite
// restores into PostgreSQL and back. It is a gzip stream of JSON lines:
//
//	{"generalist_backup": {"version": 1, "schema": 7, "created": "…", "source": "sqlite", "store": "…"}}
//	{"table": "users", "columns": ["id", "name", …], "types": ["int", "text", …]}
//	[1, "kari", …]                      one line per row, in key order
//	{"end": "users", "rows": 1}
//	…                                   every table, parents before children
//	{"trailer": {"tables": 29, "rows": 12345, "sequences": {"users": 1, …}, "sha256": "…"}}
//
// Values: int and real as JSON numbers (a real that is not finite as the
// string "NaN", "Infinity" or "-Infinity"), text as a string, bool as
// true/false, time as RFC 3339 in UTC with six fractional digits, bytes as
// standard base64, NULL as null. The trailer's sha256 is of every line
// before it (uncompressed, newlines included): a truncated or altered
// file is refused. sequences are the highest ids each table's id
// generator has handed out, so that a restored store never reuses the id
// of a row deleted before the backup.
//
// Restore reads a backup into a store in one transaction; on any error
// nothing is changed.

// BackupVersion is the version of the backup format that Backup writes
// and the newest Restore reads.
const BackupVersion = 1

// maxBackupLine is the longest line Restore reads (an attachment's bytes
// in base64 are the longest).
const maxBackupLine = 64 << 20

// colType is the type of a column in a backup.
type colType string

const (
	colInt   colType = "int"
	colReal  colType = "real"
	colText  colType = "text"
	colBool  colType = "bool"
	colTime  colType = "time"
	colBytes colType = "bytes"
)

type backupColumn struct {
	name string
	typ  colType
}

// backupTable is a table of the store as the backup knows it.
type backupTable struct {
	name string
	cols []backupColumn
	// key orders the rows (the primary key, or every column).
	key []string
	// serial: the store generates the id column.
	serial bool
	// reference: the embedded reference data (refdata.Ensure loads it into
	// every store); a store holding only that counts as empty.
	reference bool
	// appendOnly: a trigger refuses to delete rows (Restore with Replace
	// suspends it inside its transaction).
	appendOnly bool
}

// cols parses "name:type name:type …".
func cols(spec string) []backupColumn {
	var out []backupColumn
	for _, f := range strings.Fields(spec) {
		name, typ, ok := strings.Cut(f, ":")
		if !ok {
			panic("sqlstore: backup column " + f + " has no type")
		}
		out = append(out, backupColumn{name, colType(typ)})
	}
	return out
}

// backupTables are the store's tables in an order where every table comes
// after the tables its foreign keys refer to. Backup checks the list
// against the database, so a migration that adds a table or a column
// without adding it here makes every backup (and its tests) fail.
var backupTables = []backupTable{
	{name: "datasets", cols: cols("name:text kind:text sha256:text source:text rows:int loaded_at:time"), key: []string{"name"}, reference: true},
	{name: "counties", cols: cols("structure:int number:text name:text"), key: []string{"structure", "number"}, reference: true},
	{name: "municipalities", cols: cols("structure:int number:text name:text short_name:text county:text sami_area:bool"),
		key: []string{"structure", "number"}, reference: true},
	{name: "changes", cols: cols("from_structure:int from_number:text to_structure:int to_number:text kind:text"),
		key: []string{"from_structure", "to_structure", "from_number", "to_number"}, reference: true},
	{name: "populations", cols: cols(`structure:int year:int municipality:text total:int men:int women:int
		age_0_1:int age_2_5:int age_6_15:int age_16_22:int age_23_66:int age_67_79:int age_80_89:int age_90_plus:int
		missing:bool note:text dataset:text`), key: []string{"structure", "year", "municipality"}, reference: true},
	{name: "single_ages", cols: cols("structure:int year:int municipality:text age:int persons:int dataset:text"),
		key: []string{"structure", "year", "municipality", "age"}, reference: true},
	{name: "areas", cols: cols("municipality:text structure:int km2:real admin_centre:text language_form:text"), key: []string{"municipality"}, reference: true},
	{name: "centrality", cols: cols("municipality:text structure:int class:int"), key: []string{"municipality"}, reference: true},
	{name: "cost_index", cols: cols("municipality:text structure:int year:int value:real"), key: []string{"municipality", "year"}, reference: true},
	{name: "robek", cols: cols("municipality:text structure:int listed_on:text basis:text"), key: []string{"municipality", "listed_on"}, reference: true},
	{name: "nordic_municipalities", cols: cols("country:text structure:text ref_date:text code:text name:text name_sv:text population:int aland:bool"),
		key: []string{"country", "structure", "code"}, reference: true},
	{name: "nordic_aggregates", cols: cols(`country:text source:text inhabitants:real municipalities:real mean:real median:real
		largest:real smallest:real under_5000:real median_area_km2:real mean_area_km2:real largest_area_km2:real`),
		key: []string{"country", "source"}, reference: true},
	{name: "indicators", cols: cols("id:text name:text unit:text source:text description:text structure:int additive:bool created_at:time"), key: []string{"id"}},
	{name: "indicator_values", cols: cols("indicator:text structure:int year:int municipality:text value:real note:text"),
		key: []string{"indicator", "year", "municipality"}},
	{name: "catalogue_changes", cols: cols("id:int task:text field:text value:real note:text author:text at:time"), key: []string{"id"}, serial: true},
	{name: "imc", cols: cols("id:int version:int name:text name_key:text form:text start_date:text end_date:text example:bool deleted:bool data:text"),
		key: []string{"id"}, serial: true},
	{name: "imc_participants", cols: cols("imc:int number:text ownership:int"), key: []string{"imc", "number"}},
	{name: "imc_tasks", cols: cols("imc:int task:text"), key: []string{"imc", "task"}},
	{name: "imc_revisions", cols: cols("imc:int version:int action:text author:text note:text at:time changes:text data:text"), key: []string{"imc", "version"}},
	{name: "scenarios", cols: cols("id:text name:text author:text body:text version:int created_at:time updated_at:time"), key: []string{"id"}},
	{name: "users", cols: cols("id:int name:text full_name:text role:text municipality:text disabled:bool password_hash:text created_at:time updated_at:time"),
		key: []string{"id"}, serial: true},
	{name: "sessions", cols: cols("id_hash:text user_id:int csrf:text remote:text created_at:time expires_at:time"), key: []string{"id_hash"}},
	{name: "api_tokens", cols: cols("id:int user_id:int name:text scope:text hash:text prefix:text created_at:time revoked_at:time"),
		key: []string{"id"}, serial: true},
	{name: "login_attempts", cols: cols("name:text remote:text ok:bool at:time"), key: []string{"name", "at", "remote", "ok"}},
	{name: "audit_log", cols: cols("id:int at:time user_name:text action:text target:text detail:text remote:text request_id:text"),
		key: []string{"id"}, serial: true, appendOnly: true},
	{name: "inputs", cols: cols(`id:int sort_key:int reference:text kind:text title:text body:text municipality:text county:text sender_type:text
		name:text organisation:text email:text consent_version:text publish_name:bool status:text reject_reason:text
		merged_into:int moderator:text version:int text_hash:text search_text:text
		created_at:time updated_at:time published_at:time erased_at:time`), key: []string{"id"}, serial: true},
	{name: "input_tags", cols: cols("input_id:int tag:text"), key: []string{"input_id", "tag"}},
	{name: "input_scenarios", cols: cols("input_id:int scenario_id:text linked_at:time"), key: []string{"input_id", "scenario_id"}},
	{name: "input_attachments", cols: cols("input_id:int name:text size:int sha256:text data:bytes"), key: []string{"input_id"}},
	{name: "economy_files", cols: cols("name:text table_name:text year:int data:text sha256:text author:text imported_at:time"), key: []string{"name"}},
}

// BackupHeader is the first line of a backup.
type BackupHeader struct {
	// Version is the format's version (BackupVersion when written).
	Version int `json:"version"`
	// Schema is the highest migration applied to the store backed up; a
	// backup restores only into a store at the same schema.
	Schema int `json:"schema"`
	// Created is when the snapshot was taken.
	Created time.Time `json:"created"`
	// Source is the backend backed up: "sqlite" or "postgres".
	Source string `json:"source"`
	// Store is the store's file or URL (without a password).
	Store string `json:"store,omitempty"`
}

// BackupTableInfo is one table of a backup.
type BackupTableInfo struct {
	Name string `json:"name"`
	Rows int64  `json:"rows"`
}

// BackupInfo describes a backup that was written, read or restored.
type BackupInfo struct {
	Header BackupHeader      `json:"header"`
	Tables []BackupTableInfo `json:"tables"`
	// Rows is the number of rows in all tables.
	Rows int64 `json:"rows"`
	// Sequences are the highest ids handed out per table with a generated id.
	Sequences map[string]int64 `json:"sequences"`
	// SHA256 is the checksum the trailer carries, in hex.
	SHA256 string `json:"sha256"`
}

// backupLine is any line of a backup but a row.
type backupLine struct {
	Header  *BackupHeader  `json:"generalist_backup,omitempty"`
	Table   string         `json:"table,omitempty"`
	Columns []string       `json:"columns,omitempty"`
	Types   []colType      `json:"types,omitempty"`
	End     string         `json:"end,omitempty"`
	Rows    *int64         `json:"rows,omitempty"`
	Trailer *backupTrailer `json:"trailer,omitempty"`
}

type backupTrailer struct {
	Tables    int              `json:"tables"`
	Rows      int64            `json:"rows"`
	Sequences map[string]int64 `json:"sequences"`
	SHA256    string           `json:"sha256"`
}

// schemaVersion is the highest migration applied.
func schemaVersion(ctx context.Context, q querier) (int, error) {
	var v sql.NullInt64
	if err := q.queryRow(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, err
	}
	return int(v.Int64), nil
}

// beginRead starts a read-only transaction that sees one snapshot (the
// dialect's ReadIsolation).
func (db *DB) beginRead(ctx context.Context) (*tx, error) {
	stx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: db.d.ReadIsolation})
	if err != nil {
		return nil, err
	}
	return &tx{tx: stx, db: db}, nil
}

// Backup writes a backup of the whole store to w (see the format above),
// read in one transaction, and returns what it wrote. Writers are not
// blocked while it runs.
func (db *DB) Backup(ctx context.Context, w io.Writer) (info *BackupInfo, err error) {
	defer func() {
		if err != nil && generalist.ErrorCode(err) == generalist.EINTERNAL {
			err = db.errorf("backup: %w", err)
		}
	}()
	t, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.tx.Rollback()
	schema, err := schemaVersion(ctx, t)
	if err != nil {
		return nil, err
	}
	if err := db.checkBackupTables(ctx, t); err != nil {
		return nil, err
	}
	info = &BackupInfo{Header: BackupHeader{Version: BackupVersion, Schema: schema, Created: db.Now().UTC().Truncate(time.Microsecond),
		Source: db.d.Name, Store: db.where}}

	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(zw, h), 1<<16)
	writeLine := func(v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b = append(b, '\n')
		_, err = bw.Write(b)
		return err
	}
	if err := writeLine(backupLine{Header: &info.Header}); err != nil {
		return nil, err
	}
	var line []byte
	for _, tb := range backupTables {
		names, types := tb.columnNames(), tb.columnTypes()
		if err := writeLine(backupLine{Table: tb.name, Columns: names, Types: types}); err != nil {
			return nil, err
		}
		rows, err := t.query(ctx, fmt.Sprintf(`SELECT %s FROM %s ORDER BY %s`, strings.Join(names, ", "), tb.name, strings.Join(tb.key, ", ")))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", tb.name, err)
		}
		vals := make([]any, len(names))
		ptrs := make([]any, len(names))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		var n int64
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read %s: %w", tb.name, err)
			}
			n++
			line, err = appendRow(line[:0], tb, vals)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("table %s, row %d: %w", tb.name, n, err)
			}
			if _, err := bw.Write(line); err != nil {
				rows.Close()
				return nil, err
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", tb.name, err)
		}
		if err := writeLine(backupLine{End: tb.name, Rows: &n}); err != nil {
			return nil, err
		}
		info.Tables = append(info.Tables, BackupTableInfo{tb.name, n})
		info.Rows += n
	}
	if info.Sequences, err = db.sequences(ctx, t); err != nil {
		return nil, err
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	info.SHA256 = hex.EncodeToString(h.Sum(nil))
	tr, err := json.Marshal(backupLine{Trailer: &backupTrailer{Tables: len(info.Tables), Rows: info.Rows, Sequences: info.Sequences, SHA256: info.SHA256}})
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(append(tr, '\n')); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return info, nil
}

func (tb *backupTable) columnNames() []string {
	out := make([]string, len(tb.cols))
	for i, c := range tb.cols {
		out[i] = c.name
	}
	return out
}

func (tb *backupTable) columnTypes() []colType {
	out := make([]colType, len(tb.cols))
	for i, c := range tb.cols {
		out[i] = c.typ
	}
	return out
}

// backupTimeFormat is how a backup writes a time: what the SQLite dialect
// stores, and what PostgreSQL's timestamptz holds (microseconds).
const backupTimeFormat = "2006-01-02T15:04:05.000000Z"

// appendRow appends the JSON line of one row, read from the database as
// vals, to b.
func appendRow(b []byte, tb backupTable, vals []any) ([]byte, error) {
	b = append(b, '[')
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		c := tb.cols[i]
		if v == nil {
			b = append(b, "null"...)
			continue
		}
		var err error
		b, err = appendValue(b, c.typ, v)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", c.name, err)
		}
	}
	return append(b, ']', '\n'), nil
}

func appendValue(b []byte, typ colType, v any) ([]byte, error) {
	switch typ {
	case colInt:
		switch x := v.(type) {
		case int64:
			return strconv.AppendInt(b, x, 10), nil
		case float64: // SQLite keeps what it is given where the type allows
			if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
				return strconv.AppendInt(b, int64(x), 10), nil
			}
		}
	case colReal:
		var f float64
		switch x := v.(type) {
		case float64:
			f = x
		case int64:
			f = float64(x)
		default:
			return nil, fmt.Errorf("want a number, the database gave %T", v)
		}
		switch {
		case math.IsNaN(f):
			return append(b, `"NaN"`...), nil
		case math.IsInf(f, 1):
			return append(b, `"Infinity"`...), nil
		case math.IsInf(f, -1):
			return append(b, `"-Infinity"`...), nil
		}
		return strconv.AppendFloat(b, f, 'g', -1, 64), nil
	case colText:
		var s string
		switch x := v.(type) {
		case string:
			s = x
		case []byte:
			s = string(x)
		default:
			return nil, fmt.Errorf("want text, the database gave %T", v)
		}
		if !utf8.ValidString(s) {
			return nil, errors.New("the text is not valid UTF-8")
		}
		return appendJSONString(b, s), nil
	case colBool:
		switch x := v.(type) {
		case bool:
			return strconv.AppendBool(b, x), nil
		case int64:
			if x == 0 || x == 1 {
				return strconv.AppendBool(b, x == 1), nil
			}
		}
	case colTime:
		var t time.Time
		if err := (timeCol{&t}).Scan(v); err != nil {
			return nil, err
		}
		return appendJSONString(b, t.UTC().Format(backupTimeFormat)), nil
	case colBytes:
		var x []byte
		switch y := v.(type) {
		case []byte:
			x = y
		case string:
			x = []byte(y)
		default:
			return nil, fmt.Errorf("want bytes, the database gave %T", v)
		}
		b = append(b, '"')
		b = base64.StdEncoding.AppendEncode(b, x)
		return append(b, '"'), nil
	}
	return nil, fmt.Errorf("want %s, the database gave %T %v", typ, v, v)
}

func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a valid UTF-8 string always marshals
	return append(b, q...)
}

// checkBackupTables checks that the tables and columns of the database
// are exactly those of backupTables (but schema_migrations, full-text
// indexes and generated columns, which are derived), with compatible
// types: a table added by a migration but not to backupTables would
// otherwise be left out of every backup.
func (db *DB) checkBackupTables(ctx context.Context, q querier) error {
	got, err := db.catalogue(ctx, q)
	if err != nil {
		return fmt.Errorf("read the database's tables: %w", err)
	}
	var problems []string
	for _, tb := range backupTables {
		cs, ok := got[tb.name]
		if !ok {
			problems = append(problems, fmt.Sprintf("table %s is missing", tb.name))
			continue
		}
		delete(got, tb.name)
		for _, c := range tb.cols {
			dbType, ok := cs[c.name]
			if !ok {
				problems = append(problems, fmt.Sprintf("column %s.%s is missing", tb.name, c.name))
				continue
			}
			delete(cs, c.name)
			if !slices.Contains(db.d.ColumnTypes[string(c.typ)], dbType) {
				problems = append(problems, fmt.Sprintf("column %s.%s is %s in the database, %s in the backup", tb.name, c.name, dbType, c.typ))
			}
		}
		for c := range cs {
			problems = append(problems, fmt.Sprintf("column %s.%s is not in the backup", tb.name, c))
		}
	}
	for name := range got {
		problems = append(problems, fmt.Sprintf("table %s is not in the backup", name))
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return fmt.Errorf("the database's tables differ from the backup's list (sqlstore/backup.go): %s", strings.Join(problems, "; "))
	}
	return nil
}

// catalogue returns the database's tables, each with its columns and
// their declared types (lower case), leaving out schema_migrations,
// virtual tables and their shadow tables, and generated columns (the
// dialect's Tables and Columns).
func (db *DB) catalogue(ctx context.Context, q querier) (map[string]map[string]string, error) {
	names, err := queryAll(ctx, q, db.d.Tables, func(r *sql.Rows) (s string, err error) { return s, r.Scan(&s) })
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]string{}
	for _, name := range names {
		if name == "schema_migrations" {
			continue
		}
		type col struct{ name, typ string }
		cs, err := queryAll(ctx, q, db.d.Columns, func(r *sql.Rows) (c col, err error) { return c, r.Scan(&c.name, &c.typ) }, name)
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		for _, c := range cs {
			m[c.name] = strings.ToLower(c.typ)
		}
		out[name] = m
	}
	return out, nil
}

// sequences returns, for each table whose id the store generates, the
// highest id handed out: the larger of its generator's value
// (PostgreSQL's sequence, SQLite's sqlite_sequence for AUTOINCREMENT) and
// the highest id in the table.
func (db *DB) sequences(ctx context.Context, q querier) (map[string]int64, error) {
	out := map[string]int64{}
	for _, tb := range backupTables {
		if !tb.serial {
			continue
		}
		var top, gen sql.NullInt64
		if err := q.queryRow(ctx, `SELECT max(id) FROM `+tb.name).Scan(&top); err != nil {
			return nil, err
		}
		if err := q.queryRow(ctx, db.d.Sequence, tb.name).Scan(&gen); err != nil {
			return nil, fmt.Errorf("read the id generator of %s: %w", tb.name, err)
		}
		out[tb.name] = max(top.Int64, gen.Int64)
	}
	return out, nil
}

// backupReader reads and checks a backup line by line.
type backupReader struct {
	r    *bufio.Reader
	h    hash.Hash
	line int
}

func (br *backupReader) errorf(format string, args ...any) error {
	return generalist.Errorf(generalist.EINVALID, "backup, line %d: %s", br.line, fmt.Sprintf(format, args...))
}

// next returns the next line, with its newline; io.EOF at the end of the
// file. The caller adds every line but the trailer to the checksum.
func (br *backupReader) next() ([]byte, error) {
	var buf []byte
	for {
		part, err := br.r.ReadSlice('\n')
		buf = append(buf, part...)
		if err == bufio.ErrBufferFull {
			if len(buf) > maxBackupLine {
				return nil, br.errorf("longer than %d MiB", maxBackupLine>>20)
			}
			continue
		}
		if err == io.EOF {
			if len(buf) == 0 {
				return nil, io.EOF
			}
			return nil, br.errorf("the file ends in the middle of a line: it is truncated")
		}
		if err != nil {
			return nil, br.fileError(err)
		}
		break
	}
	br.line++
	return buf, nil
}

func (br *backupReader) fileError(err error) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return generalist.Errorf(generalist.EINVALID, "backup: the file ends early: it is truncated (after line %d)", br.line)
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		return generalist.Errorf(generalist.EINVALID, "backup: the file is damaged (gzip: %v, after line %d)", err, br.line)
	}
	return generalist.Errorf(generalist.EINVALID, "backup: reading the file: %v (after line %d)", err, br.line)
}

// control decodes a line that is not a row.
func (br *backupReader) control(b []byte) (*backupLine, error) {
	var l backupLine
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return nil, br.errorf("%v", err)
	}
	return &l, nil
}

// readBackup reads the backup in r, checking it against this version's
// tables, and calls table for each table's start, and row for each row
// with its values (as the table's columns are ordered in backupTables:
// int64, float64, string, bool, time.Time, []byte or nil). A callback's
// error stops the reading and is returned. It returns once the trailer
// has been read and the file's end checked; header, if not nil, is
// called with the header before anything else is read.
func readBackup(r io.Reader, header func(*BackupHeader) error, table func(*backupTable) error, row func(*backupTable, []any) error) (*BackupInfo, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, generalist.Errorf(generalist.EINVALID, "backup: the file is empty")
		}
		return nil, generalist.Errorf(generalist.EINVALID, "backup: not a generalist backup (a gzip file of JSON lines): %v", err)
	}
	zr.Multistream(false)
	br := &backupReader{r: bufio.NewReaderSize(zr, 1<<16), h: sha256.New()}
	want := map[string]*backupTable{}
	for i := range backupTables {
		want[backupTables[i].name] = &backupTables[i]
	}
	info := &BackupInfo{}
	eof := func() error {
		return generalist.Errorf(generalist.EINVALID, "backup: the file ends after line %d without its trailer: it is truncated", br.line)
	}

	b, err := br.next()
	if err == io.EOF {
		return nil, eof()
	} else if err != nil {
		return nil, err
	}
	br.h.Write(b)
	l, err := br.control(b)
	if err != nil || l.Header == nil {
		return nil, generalist.Errorf(generalist.EINVALID, "backup: not a generalist backup: the first line is not its header")
	}
	info.Header = *l.Header
	switch h := info.Header; {
	case h.Version > BackupVersion:
		return nil, generalist.Errorf(generalist.EINVALID, "backup: format version %d is newer than this generalist reads (%d): restore it with a newer version", h.Version, BackupVersion)
	case h.Version < 1:
		return nil, generalist.Errorf(generalist.EINVALID, "backup: the header has no format version")
	}
	if header != nil {
		if err := header(&info.Header); err != nil {
			return nil, err
		}
	}

	var cur *backupTable
	var order []int // file column i is cur.cols[order[i]]
	var n int64
	for {
		b, err := br.next()
		if err == io.EOF {
			return nil, eof()
		} else if err != nil {
			return nil, err
		}
		if cur != nil && len(b) > 0 && b[0] == '[' {
			br.h.Write(b)
			vals, err := br.decodeRow(b, cur, order)
			if err != nil {
				return nil, err
			}
			n++
			if err := row(cur, vals); err != nil {
				return nil, err
			}
			continue
		}
		l, err := br.control(b)
		if err != nil {
			return nil, err
		}
		switch {
		case l.Trailer != nil:
			if cur != nil {
				return nil, br.errorf("the trailer comes before the end of table %s", cur.name)
			}
			sum := hex.EncodeToString(br.h.Sum(nil))
			t := l.Trailer
			switch {
			case t.SHA256 != sum:
				return nil, br.errorf("the checksum does not match the content: the file has been altered or damaged")
			case len(want) > 0:
				var missing []string
				for name := range want {
					missing = append(missing, name)
				}
				sort.Strings(missing)
				return nil, br.errorf("the backup lacks table(s) %s", strings.Join(missing, ", "))
			case t.Tables != len(info.Tables) || t.Rows != info.Rows:
				return nil, br.errorf("the trailer counts %d tables and %d rows, the file holds %d and %d", t.Tables, t.Rows, len(info.Tables), info.Rows)
			}
			info.Sequences, info.SHA256 = t.Sequences, t.SHA256
			for name := range info.Sequences {
				if tb, ok := backupTableByName(name); !ok || !tb.serial {
					return nil, br.errorf("sequence of %q, which has no generated id", name)
				}
			}
			if _, err := br.r.ReadByte(); err == nil {
				return nil, br.errorf("more follows the trailer")
			} else if err != io.EOF {
				return nil, br.fileError(err)
			}
			return info, nil
		case l.Table != "":
			br.h.Write(b)
			if cur != nil {
				return nil, br.errorf("table %s starts before table %s ends", l.Table, cur.name)
			}
			tb, ok := want[l.Table]
			if !ok {
				if _, known := backupTableByName(l.Table); known {
					return nil, br.errorf("table %s comes twice", l.Table)
				}
				return nil, br.errorf("table %q is not a table of this store", l.Table)
			}
			delete(want, l.Table)
			if order, err = br.columnOrder(tb, l.Columns, l.Types); err != nil {
				return nil, err
			}
			cur, n = tb, 0
			if err := table(cur); err != nil {
				return nil, err
			}
		case l.End != "":
			br.h.Write(b)
			if cur == nil || l.End != cur.name {
				return nil, br.errorf("end of table %s, which has not started", l.End)
			}
			if l.Rows == nil || *l.Rows != n {
				return nil, br.errorf("table %s: the end line counts a different number of rows than the %d read", cur.name, n)
			}
			info.Tables = append(info.Tables, BackupTableInfo{cur.name, n})
			info.Rows += n
			cur = nil
		default:
			return nil, br.errorf("neither a row, a table's start or end, nor the trailer")
		}
	}
}

func backupTableByName(name string) (*backupTable, bool) {
	for i := range backupTables {
		if backupTables[i].name == name {
			return &backupTables[i], true
		}
	}
	return nil, false
}

// columnOrder checks a table's columns in the file against tb and returns
// where each goes.
func (br *backupReader) columnOrder(tb *backupTable, names []string, types []colType) ([]int, error) {
	if len(names) != len(tb.cols) || len(types) != len(names) {
		return nil, br.errorf("table %s has %d columns in the backup and %d in this store", tb.name, len(names), len(tb.cols))
	}
	order := make([]int, len(names))
	seen := map[string]bool{}
	for i, name := range names {
		j := slices.IndexFunc(tb.cols, func(c backupColumn) bool { return c.name == name })
		if j < 0 || seen[name] {
			return nil, br.errorf("table %s: column %q is not a column of this store or comes twice", tb.name, name)
		}
		seen[name] = true
		if types[i] != tb.cols[j].typ {
			return nil, br.errorf("column %s.%s is %s in the backup, %s in this store", tb.name, name, types[i], tb.cols[j].typ)
		}
		order[i] = j
	}
	return order, nil
}

// decodeRow decodes a row line into values in tb's column order.
func (br *backupReader) decodeRow(b []byte, tb *backupTable, order []int) ([]any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var raw []any
	if err := dec.Decode(&raw); err != nil {
		return nil, br.errorf("table %s: %v", tb.name, err)
	}
	if dec.More() {
		return nil, br.errorf("table %s: more than one row on the line", tb.name)
	}
	if len(raw) != len(order) {
		return nil, br.errorf("table %s: %d values for %d columns", tb.name, len(raw), len(order))
	}
	vals := make([]any, len(order))
	for i, v := range raw {
		c := tb.cols[order[i]]
		x, err := decodeValue(c.typ, v)
		if err != nil {
			return nil, br.errorf("%s.%s: %v", tb.name, c.name, err)
		}
		vals[order[i]] = x
	}
	return vals, nil
}

func decodeValue(typ colType, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	bad := func() (any, error) { return nil, fmt.Errorf("%v is not a valid %s", v, typ) }
	switch typ {
	case colInt:
		n, ok := v.(json.Number)
		if !ok {
			return bad()
		}
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil {
			return bad()
		}
		return i, nil
	case colReal:
		switch x := v.(type) {
		case json.Number:
			f, err := strconv.ParseFloat(string(x), 64)
			if err != nil {
				return bad()
			}
			return f, nil
		case string:
			switch x {
			case "NaN":
				return math.NaN(), nil
			case "Infinity":
				return math.Inf(1), nil
			case "-Infinity":
				return math.Inf(-1), nil
			}
		}
		return bad()
	case colText:
		if s, ok := v.(string); ok {
			return s, nil
		}
		return bad()
	case colBool:
		if x, ok := v.(bool); ok {
			return x, nil
		}
		return bad()
	case colTime:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return bad()
		}
		return t.UTC(), nil
	case colBytes:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		x, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return bad()
		}
		return x, nil
	}
	return bad()
}

// ReadBackup reads and checks the backup in r without restoring it:
// the header, every table's columns and rows, the counts and the
// checksum. row, if not nil, is called for every row with the table's
// name, its columns and the row's values (int64, float64, string, bool,
// time.Time, []byte or nil); the slices are not kept.
func ReadBackup(r io.Reader, row func(table string, columns []string, values []any) error) (*BackupInfo, error) {
	names := map[string][]string{}
	return readBackup(r, nil, func(tb *backupTable) error {
		names[tb.name] = tb.columnNames()
		return nil
	}, func(tb *backupTable, vals []any) error {
		if row == nil {
			return nil
		}
		return row(tb.name, names[tb.name], vals)
	})
}

// RestoreOptions are the options of Restore.
type RestoreOptions struct {
	// Replace empties a store that holds data first (in the same
	// transaction); without it such a store is refused.
	Replace bool
}

// Restore reads the backup in r into the store, in one transaction: a
// store that holds more than the embedded reference data is refused
// (ECONFLICT) unless opt.Replace. The backup must be of this store's
// schema version. Every line is checked, and the checksum and counts of
// the trailer, before the transaction commits; on any error the store is
// left as it was. Stop the servers on the store while it runs.
func (db *DB) Restore(ctx context.Context, r io.Reader, opt RestoreOptions) (info *BackupInfo, err error) {
	defer func() {
		if err != nil && generalist.ErrorCode(err) == generalist.EINTERNAL {
			err = db.errorf("restore: %w", err)
		}
	}()
	stx, err := db.db.BeginTx(ctx, db.d.WriteTx)
	if err != nil {
		return nil, err
	}
	defer stx.Rollback()
	t := &tx{tx: stx, db: db}
	schema, err := schemaVersion(ctx, t)
	if err != nil {
		return nil, err
	}
	if err := db.checkBackupTables(ctx, t); err != nil {
		return nil, err
	}
	if db.d.DeferForeignKeys != "" {
		if _, err := t.exec(ctx, db.d.DeferForeignKeys); err != nil {
			return nil, err
		}
	}
	if !opt.Replace {
		if err := db.checkEmpty(ctx, t); err != nil {
			return nil, err
		}
	}

	var batch [][]any
	var batchTable *backupTable
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := bulkInsert(ctx, t, batchTable.name, batchTable.columnNames(), batch, "")
		batch = batch[:0]
		return err
	}
	info, err = readBackup(r, func(h *BackupHeader) error {
		if h.Schema != schema {
			return generalist.Errorf(generalist.EINVALID, "backup: it is of schema version %d and this store is at %d: restore it with the generalist version that made it", h.Schema, schema)
		}
		// The header is good: empty the store (backupTables in reverse, children first).
		return db.emptyStore(ctx, t)
	}, func(tb *backupTable) error {
		if err := flush(); err != nil {
			return err
		}
		batchTable = tb
		return nil
	}, func(tb *backupTable, vals []any) error {
		row := make([]any, len(vals))
		for i, v := range vals {
			if tm, ok := v.(time.Time); ok {
				row[i] = db.time(tm)
			} else {
				row[i] = v
			}
		}
		batch = append(batch, row)
		if len(batch)*len(tb.cols) >= db.d.MaxParams {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return nil, err
	}
	// Foreign keys now, so that nothing below is done for a restore the
	// commit would refuse.
	if broken, err := db.d.ForeignKeysNow(ctx, t.tx); err != nil {
		return nil, err
	} else if broken != "" {
		return nil, generalist.Errorf(generalist.EINVALID, "backup: its rows break %s", broken)
	}
	if err := db.setSequences(ctx, t, info.Sequences); err != nil {
		return nil, err
	}
	if err := stx.Commit(); err != nil {
		return nil, err
	}
	return info, nil
}

// checkEmpty refuses a store with data beyond the embedded reference data.
func (db *DB) checkEmpty(ctx context.Context, t *tx) error {
	var held []string
	for _, tb := range backupTables {
		q := `SELECT count(*) FROM ` + tb.name
		if tb.name == "datasets" {
			q += ` WHERE kind <> 'reference'`
		} else if tb.reference {
			continue // only rows of datasets, checked with them
		}
		var n int64
		if err := t.queryRow(ctx, q).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			held = append(held, fmt.Sprintf("%s: %d", tb.name, n))
		}
	}
	if len(held) > 0 {
		return generalist.Errorf(generalist.ECONFLICT, "restore: the store already holds data (%s); restore into a new, empty store, or replace everything in it (restore --replace)", strings.Join(held, ", "))
	}
	return nil
}

// emptyStore deletes every row of every table, children first. The audit
// log's append-only triggers are suspended for this in the transaction.
func (db *DB) emptyStore(ctx context.Context, t *tx) error {
	for i := len(backupTables) - 1; i >= 0; i-- {
		tb := backupTables[i]
		if tb.appendOnly {
			var n int64
			if err := t.queryRow(ctx, `SELECT count(*) FROM `+tb.name).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				continue
			}
			if err := db.d.DeleteAppendOnly(ctx, t.tx, tb.name); err != nil {
				return fmt.Errorf("empty %s: %w", tb.name, err)
			}
			continue
		}
		if _, err := t.exec(ctx, `DELETE FROM `+tb.name); err != nil {
			return fmt.Errorf("empty %s: %w", tb.name, err)
		}
	}
	return nil
}

// setSequences makes each id generator continue after both the backup's
// high-water mark and the highest id restored. A generator is never
// moved back (PostgreSQL's sequences are not transactional).
func (db *DB) setSequences(ctx context.Context, t *tx, seqs map[string]int64) error {
	for _, tb := range backupTables {
		if !tb.serial {
			continue
		}
		var top sql.NullInt64
		if err := t.queryRow(ctx, `SELECT max(id) FROM `+tb.name).Scan(&top); err != nil {
			return err
		}
		if err := db.d.SetSequence(ctx, t.tx, tb.name, max(top.Int64, seqs[tb.name])); err != nil {
			return err
		}
	}
	return nil
}

// SnapshotSQLite writes a copy of an SQLite store to the new file path with
// VACUUM INTO: one consistent snapshot, compacted, that is itself a store
// (open it with --db). It is EINVALID on PostgreSQL and when path exists.
func (db *DB) SnapshotSQLite(ctx context.Context, path string) error {
	if !db.d.FileSnapshot {
		return generalist.Errorf(generalist.EINVALID, "an SQLite snapshot needs an SQLite store; this one is %s (use the default format)", db.d.Name)
	}
	if _, err := db.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return db.errorf("snapshot into %s: %w", path, err)
	}
	return nil
}

// queryAll runs q on on and scans every row with scan.
func queryAll[T any](ctx context.Context, on querier, q string, scan func(*sql.Rows) (T, error), args ...any) ([]T, error) {
	rows, err := on.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
