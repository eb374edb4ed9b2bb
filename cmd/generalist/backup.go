package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"generalist"
	"generalist/postgres"
	"generalist/sqlite"
	"generalist/sqlstore"
)

const backupHelp = `Usage: generalist backup FILE [--format json|sqlite] [--db PATH]
       generalist backup --verify FILE
       generalist backup --check [--json] [--db PATH]

Writes a consistent snapshot of the store (SQLite, or PostgreSQL when
DATABASE_URL is set) to FILE while servers keep running:

  --format json    (default) a logical export of every table of the
                   store, read in one transaction: gzip'd JSON lines with
                   a header (format version, schema version, time, source
                   backend) and a checksum; restores into SQLite or
                   PostgreSQL with "generalist restore". FILE - is
                   standard output.
  --format sqlite  an SQLite file made with VACUUM INTO (SQLite stores
                   only): itself a store, usable with --db.

The file is written under a temporary name and renamed when complete, with
mode 0600: it holds password hashes and personal data.

--verify FILE reads a backup and checks it (header, every row, counts,
checksum) without restoring it.

--check checks the store's integrity instead: on SQLite PRAGMA
integrity_check, foreign_key_check and the full-text index; on PostgreSQL
amcheck (bt_index_check, verify_heapam) when the extension is installed or
can be created, and rows whose foreign keys point nowhere; on both the
cooperation registry's versions and revisions. Exit status 1 when it finds
a problem.

Flags:
`

const restoreHelp = `Usage: generalist restore FILE [--replace] [--db PATH]

Reads a backup written by "generalist backup" (FILE - is standard input)
into the store (SQLite, or PostgreSQL when DATABASE_URL is set), in one
transaction. The store must be empty or hold only the embedded reference
data: a new SQLite file, or a new PostgreSQL database or schema. With
--replace everything in the store is replaced, its audit log included.
The backup must be of the same schema version as this generalist. Every
line, the counts and the checksum are checked before the transaction
commits: a truncated, damaged or altered backup is refused and the store
is left exactly as it was. Stop the servers on the store first.

Flags:
`

// openBareStore opens the store as openStore does but without loading the
// reference data: a backup reads the store as it is, and a restore needs
// an empty one. A SQLite file that does not exist is created only when
// create is set.
func openBareStore(ctx context.Context, path string, create bool) (*sqlstore.DB, error) {
	if url := os.Getenv("DATABASE_URL"); url != "" {
		return postgres.Open(ctx, url)
	}
	if !create && path != ":memory:" {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, generalist.Errorf(generalist.ENOTFOUND, "no store at %s (give --db, or set DATABASE_URL for PostgreSQL)", path)
		}
	}
	return sqlite.Open(ctx, path)
}

func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("backup", backupHelp, stderr)
	dbPath := dbFlag(fs)
	format := fs.String("format", "json", "`format` of the backup: json (a logical export) or sqlite (VACUUM INTO)")
	check := fs.Bool("check", false, "check the store's integrity instead of backing it up")
	verify := fs.Bool("verify", false, "read and check the backup FILE instead of writing one")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case *check && *verify:
		return usageError("backup: give --check or --verify, not both")
	case *check && len(pos) > 0:
		return usageError("backup --check: takes no FILE")
	case !*check && len(pos) != 1:
		return usageError("backup: give one FILE (- for standard output)")
	case *format != "json" && *format != "sqlite":
		return usageError(fmt.Sprintf("backup: --format %q: want json or sqlite", *format))
	}
	if *verify {
		return verifyBackup(pos[0], *asJSON, stdout)
	}
	db, err := openBareStore(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer db.Close()
	if *check {
		return checkStore(ctx, db, *asJSON, stdout)
	}
	file := pos[0]
	start := time.Now()
	if *format == "sqlite" {
		if file == "-" {
			return usageError("backup --format sqlite: give a FILE, not -")
		}
		if err := writeAtomically(file, func(tmp string) error { return db.SnapshotSQLite(ctx, tmp) }); err != nil {
			return err
		}
		return printResult(stdout, *asJSON, map[string]any{"file": file, "format": "sqlite", "store": db.Path()},
			"Wrote an SQLite snapshot of %s to %s in %s.\n", db.Path(), file, time.Since(start).Round(time.Millisecond))
	}
	var info *sqlstore.BackupInfo
	if file == "-" {
		if info, err = db.Backup(ctx, stdout); err != nil {
			return err
		}
		stdout = stderr // the summary goes to standard error
	} else {
		err = writeAtomically(file, func(tmp string) error {
			f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
			if err != nil {
				return err
			}
			if info, err = db.Backup(ctx, f); err != nil {
				f.Close()
				return err
			}
			if err := f.Sync(); err != nil {
				f.Close()
				return err
			}
			return f.Close()
		})
		if err != nil {
			return err
		}
	}
	return printResult(stdout, *asJSON, info, "Backed up %s (%s, schema %d): %d tables, %d rows, to %s in %s.\nChecksum (sha256 of the lines before the trailer): %s\n",
		db.Path(), info.Header.Source, info.Header.Schema, len(info.Tables), info.Rows, file, time.Since(start).Round(time.Millisecond), info.SHA256)
}

// printResult prints v as JSON, or the formatted text.
func printResult(w io.Writer, asJSON bool, v any, format string, args ...any) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	_, err := fmt.Fprintf(w, format, args...)
	return err
}

// writeAtomically calls write with a temporary path next to file that
// does not exist, then makes it mode 0600 and renames it to file. On
// error the temporary file is removed and file is left as it was.
func writeAtomically(file string, write func(tmp string) error) error {
	var b [6]byte
	rand.Read(b[:])
	tmp := filepath.Join(filepath.Dir(file), "."+filepath.Base(file)+".tmp-"+hex.EncodeToString(b[:]))
	if err := write(tmp); err != nil {
		os.Remove(tmp)
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return generalist.Errorf(generalist.EINVALID, "backup: cannot write next to %s: %v", file, err)
		}
		return err
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// openInput opens FILE, or standard input for -.
func openInput(file string) (io.ReadCloser, error) {
	if file == "-" {
		return io.NopCloser(os.Stdin), nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "%v", err)
	}
	return f, nil
}

func verifyBackup(file string, asJSON bool, stdout io.Writer) error {
	f, err := openInput(file)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := sqlstore.ReadBackup(f, nil)
	if err != nil {
		return err
	}
	h := info.Header
	return printResult(stdout, asJSON, info, "%s is a sound backup: format %d, schema %d, of %s (%s) taken %s; %d tables, %d rows; checksum %s.\n",
		file, h.Version, h.Schema, h.Store, h.Source, h.Created.Format(time.RFC3339), len(info.Tables), info.Rows, info.SHA256)
}

func checkStore(ctx context.Context, db *sqlstore.DB, asJSON bool, stdout io.Writer) error {
	r, err := db.CheckStore(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		if err := printResult(stdout, true, r, ""); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "Checked %s:\n", db.Path())
		for _, c := range r.Checks {
			fmt.Fprintf(stdout, "  ran      %s\n", c)
		}
		for _, s := range r.Skipped {
			fmt.Fprintf(stdout, "  skipped  %s\n", s)
		}
		for _, p := range r.Problems {
			fmt.Fprintf(stdout, "  PROBLEM  %s\n", p)
		}
		if len(r.Problems) == 0 {
			fmt.Fprintln(stdout, "No problems found.")
		}
	}
	if len(r.Problems) > 0 {
		return generalist.Errorf(generalist.EINVALID, "the store check found %d problem(s): %s", len(r.Problems), strings.Join(r.Problems, "; "))
	}
	return nil
}

func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("restore", restoreHelp, stderr)
	dbPath := dbFlag(fs)
	replace := fs.Bool("replace", false, "replace everything the store holds (else it must be empty)")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	file, err := parseOne(fs, args, "restore: give one FILE (- for standard input)")
	if err != nil {
		return err
	}
	f, err := openInput(file)
	if err != nil {
		return err
	}
	defer f.Close()
	db, err := openBareStore(ctx, *dbPath, true)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	info, err := db.Restore(ctx, f, sqlstore.RestoreOptions{Replace: *replace})
	if err != nil {
		return err
	}
	h := info.Header
	return printResult(stdout, *asJSON, info, "Restored %d tables, %d rows into %s in %s: the backup of %s (%s, schema %d) taken %s.\n",
		len(info.Tables), info.Rows, db.Path(), time.Since(start).Round(time.Millisecond), h.Store, h.Source, h.Schema, h.Created.Format(time.RFC3339))
}
