package sqlstore_test

import (
	"context"
	"database/sql"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"generalist/sqlite"
	"generalist/sqlstore"
)

// TestNewRefusesIncompleteDialect: the store branches on no backend's
// name, so a dialect without one of the members the store needs is
// refused when the store is opened, not at the first backup or search.
func TestNewRefusesIncompleteDialect(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	full := db.Dialect()
	migrations := fstest.MapFS{"0001_init.sql": {Data: []byte(`CREATE TABLE x (id INTEGER PRIMARY KEY)`)}}
	open := func(d sqlstore.Dialect) error {
		sdb, err := sql.Open("sqlite", ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		defer sdb.Close()
		_, err = sqlstore.New(ctx, sdb, d, migrations, ":memory:")
		return err
	}
	if err := open(full); err != nil {
		t.Fatalf("New(the SQLite dialect) = %v, want no error", err)
	}
	for _, name := range []string{"MaxParams", "Time", "InputSearch", "Tables", "Columns", "Sequence",
		"SetSequence", "DeleteAppendOnly", "ForeignKeysNow", "Integrity", "ForeignKeyCheck"} {
		d := full
		f := reflect.ValueOf(&d).Elem().FieldByName(name)
		f.Set(reflect.Zero(f.Type()))
		if err := open(d); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("New(dialect without %s) = %v, want an error naming it", name, err)
		}
	}
}
