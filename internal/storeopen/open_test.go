package storeopen

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenChoosesBackend(t *testing.T) {
	ctx := context.Background()
	t.Setenv("DATABASE_URL", "")
	path := filepath.Join(t.TempDir(), "g.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("without DATABASE_URL no SQLite file at %s: %v", path, err)
	}
	// With DATABASE_URL set the SQLite path is not used: a URL PostgreSQL
	// cannot parse is refused, and no file is made.
	t.Setenv("DATABASE_URL", "postgres://a b")
	other := filepath.Join(t.TempDir(), "h.db")
	if db, err := Open(ctx, other); err == nil || !strings.Contains(err.Error(), "PostgreSQL URL") {
		if db != nil {
			db.Close()
		}
		t.Errorf("DATABASE_URL set: Open = %v, want the PostgreSQL URL refused", err)
	}
	if _, err := os.Stat(other); err == nil {
		t.Errorf("DATABASE_URL set: a SQLite file was made at %s", other)
	}
}
