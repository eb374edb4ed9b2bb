//go:build unix

package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"generalist"
	"generalist/storetest"
)

// TestFileModes: the store's file, its write-ahead log and shared memory
// are readable by their owner only, under the common umask 022, and a file
// left open to others by an older version is made private when opened.
func TestFileModes(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "modes.db")
	check := func(when string) {
		t.Helper()
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatalf("%s: %v", when, err)
			}
			if m := fi.Mode().Perm(); m != 0o600 {
				t.Errorf("%s: %s has mode %#o, want 0600", when, filepath.Base(p), m)
			}
		}
	}
	db := storetest.OpenSQLiteAt(t, path)
	u := &generalist.User{Name: "kari", Role: generalist.UserAnalyst, PasswordHash: "$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"}
	if err := db.CreateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	check("a new store")

	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Chmod(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	storetest.OpenSQLiteAt(t, path)
	check("an existing store left readable by others")
}
