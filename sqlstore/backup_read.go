package sqlstore

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
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

	"generalist"
)

// maxBackupLine is the longest line Restore reads (an attachment's bytes
// in base64 are the longest).
const maxBackupLine = 64 << 20

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
