package sqlstore

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
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

// SnapshotSQLite writes a copy of an SQLite store to the new file path with
// VACUUM INTO: one consistent snapshot, compacted, that is itself a store
// (open it with --db). It is EINVALID on PostgreSQL and when path exists.
// The file is made empty with mode 0600 first (VACUUM INTO fills an empty
// file), so that it is never readable by others while it is written: it
// holds password hashes and personal data.
func (db *DB) SnapshotSQLite(ctx context.Context, path string) error {
	if !db.d.FileSnapshot {
		return generalist.Errorf(generalist.EINVALID, "an SQLite snapshot needs an SQLite store; this one is %s (use the default format)", db.d.Name)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return generalist.Errorf(generalist.EINVALID, "snapshot: %v", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return db.errorf("snapshot into %s: %w", path, err)
	}
	if _, err := db.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path)
		return db.errorf("snapshot into %s: %w", path, err)
	}
	return nil
}
