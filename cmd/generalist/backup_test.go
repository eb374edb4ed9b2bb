package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"generalist"
	"generalist/sqlite"
	"generalist/sqlstore"
	"generalist/storetest"
)

// trimmedStore makes a SQLite store with the embedded reference data but
// the single ages of one municipality only (they are nine tenths of the
// rows and make no other case here), which backs up and restores quickly.
func trimmedStore(t *testing.T, path string) *sqlstore.DB {
	t.Helper()
	ref := *storetest.Reference(t)
	ref.SingleAges = nil
	for _, a := range storetest.Reference(t).SingleAges {
		if a.Municipality == "0301" {
			ref.SingleAges = append(ref.SingleAges, a)
		}
	}
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.LoadReference(context.Background(), &ref); err != nil {
		t.Fatal(err)
	}
	return db
}

// userNames are the users of the SQLite store at path.
func userNames(t *testing.T, path string) string {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	us, err := db.Users(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range us {
		names = append(names, u.Name)
	}
	return strings.Join(names, ",")
}

// rows returns every row of a backup file as text, table by table.
func rows(t *testing.T, file string) string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	if _, err := sqlstore.ReadBackup(f, func(table string, _ []string, vals []any) error {
		fmt.Fprintln(&b, table, vals)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestBackupRestore(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	db := trimmedStore(t, src)
	if err := db.CreateUser(ctx, &generalist.User{Name: "kari", Role: generalist.UserAnalyst, PasswordHash: "$argon2id$x"}); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateScenario(ctx, &generalist.Scenario{ID: "s", Name: "S", Structure: 2024, Year: 2026}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	file := filepath.Join(dir, "backup.jsonl.gz")

	out, _, err := runCmd("backup", file, "--db", src)
	if err != nil || !strings.Contains(out, "Backed up "+src+" (sqlite, schema ") || !strings.Contains(out, "30 tables") {
		t.Fatalf("backup = %q, %v", out, err)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("backup file: %v, %v; want mode 0600", fi, err)
	}
	if out, _, err := runCmd("backup", "--verify", file); err != nil || !strings.Contains(out, "is a sound backup") {
		t.Errorf("backup --verify = %q, %v", out, err)
	}
	if out, _, err := runCmd("backup", "--check", "--db", src); err != nil || !strings.Contains(out, "integrity_check") || !strings.Contains(out, "No problems found.") {
		t.Errorf("backup --check = %q, %v", out, err)
	}

	dst := filepath.Join(dir, "restored.db")
	if out, _, err := runCmd("restore", file, "--db", dst); err != nil || !strings.Contains(out, "Restored 30 tables") {
		t.Fatalf("restore = %q, %v", out, err)
	}
	again := filepath.Join(dir, "again.jsonl.gz")
	if _, _, err := runCmd("backup", again, "--db", dst); err != nil {
		t.Fatal(err)
	}
	if rows(t, file) != rows(t, again) {
		t.Error("the restored store's backup differs from the backup it was restored from")
	}
	_, _, err = runCmd("restore", file, "--db", dst)
	if generalist.ErrorCode(err) != generalist.ECONFLICT || exitCode(err) != 1 || !strings.Contains(errorText(err), "--replace") {
		t.Errorf("restore into a store with data = %v, want ECONFLICT", err)
	}
	// --replace: a small store's backup replaces the restored one.
	small := filepath.Join(dir, "small.db")
	sdb, err := sqlite.Open(ctx, small)
	if err != nil {
		t.Fatal(err)
	}
	if err := sdb.CreateUser(ctx, &generalist.User{Name: "ola", Role: generalist.UserAdmin, PasswordHash: "$argon2id$y"}); err != nil {
		t.Fatal(err)
	}
	sdb.Close()
	smallFile := filepath.Join(dir, "small.jsonl.gz")
	if _, _, err := runCmd("backup", smallFile, "--db", small); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCmd("restore", smallFile, "--db", dst, "--replace"); err != nil {
		t.Errorf("restore --replace = %v", err)
	}
	if got := userNames(t, dst); got != "ola" {
		t.Errorf("after restore --replace the users are %q, want ola", got)
	}

	half := filepath.Join(dir, "half.gz")
	b, _ := os.ReadFile(file)
	os.WriteFile(half, b[:len(b)/2], 0o600)
	empty := filepath.Join(dir, "empty.db")
	if _, _, err := runCmd("restore", half, "--db", empty); err == nil || exitCode(err) != 1 || !strings.Contains(errorText(err), "truncated") {
		t.Errorf("restore of a truncated file = %v", err)
	}
	if _, _, err := runCmd("backup", "--verify", half); err == nil || !strings.Contains(errorText(err), "truncated") {
		t.Errorf("backup --verify of a truncated file = %v", err)
	}
	if got := userNames(t, empty); got != "" {
		t.Errorf("after the refused restore the users are %q, want none", got)
	}

	snap := filepath.Join(dir, "snap.db")
	if out, _, err := runCmd("backup", snap, "--format", "sqlite", "--db", src); err != nil || !strings.Contains(out, "SQLite snapshot") {
		t.Fatalf("backup --format sqlite = %q, %v", out, err)
	}
	if fi, err := os.Stat(snap); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("snapshot: %v, %v; want mode 0600", fi, err)
	}
	if got := userNames(t, snap); got != "kari" {
		t.Errorf("the snapshot's users are %q, want kari", got)
	}

	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"backup", filepath.Join(dir, "x.gz"), "--db", filepath.Join(dir, "none.db")}, 1, "no store at"},
		{[]string{"backup", "--db", src}, 2, "give one FILE"},
		{[]string{"backup", "x", "--format", "csv", "--db", src}, 2, "want json or sqlite"},
		{[]string{"backup", "--check", "x", "--db", src}, 2, "takes no FILE"},
		{[]string{"restore", "--db", dst}, 2, "give one FILE"},
		{[]string{"restore", filepath.Join(dir, "none.gz"), "--db", dst}, 1, "no such file"},
	} {
		_, _, err := runCmd(tt.args...)
		if err == nil || exitCode(err) != tt.code || !strings.Contains(errorText(err), tt.msg) {
			t.Errorf("%v = %v (exit %d), want exit %d and %q", tt.args, err, exitCode(err), tt.code, tt.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("backup of a missing store created it")
	}
}
