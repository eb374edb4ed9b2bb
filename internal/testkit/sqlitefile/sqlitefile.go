// Package sqlitefile reads an SQLite store's file for tests, through a
// connection of its own, so that a test can see what is stored without
// the code it tests. It is for tests only; it is apart from package
// testkit so that only the tests that read a file link the SQLite driver.
package sqlitefile

import (
	"database/sql"
	"testing"

	_ "modernc.org/sqlite" // to read a store's file without the code under test
)

// Table is one table of an SQLite file with all its rows.
type Table struct {
	Name    string
	Columns []string
	Rows    [][]any
}

// Tables reads every row of every table of the SQLite file at path,
// the tables in the order of their names, through a read-only connection
// of its own, so that a test sees what is stored independently of the
// store it tests. The connection waits up to ten seconds for a writer.
func Tables(tb testing.TB, path string) []Table {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		tb.Fatal(err)
	}
	var tables []Table
	for rows.Next() {
		var t Table
		if err := rows.Scan(&t.Name); err != nil {
			tb.Fatal(err)
		}
		tables = append(tables, t)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	rows.Close()
	for i := range tables {
		t := &tables[i]
		rs, err := db.Query(`SELECT * FROM "` + t.Name + `"`)
		if err != nil {
			tb.Fatalf("%s: %v", t.Name, err)
		}
		if t.Columns, err = rs.Columns(); err != nil {
			tb.Fatalf("%s: %v", t.Name, err)
		}
		for rs.Next() {
			vals := make([]any, len(t.Columns))
			ptrs := make([]any, len(vals))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				tb.Fatalf("%s: %v", t.Name, err)
			}
			t.Rows = append(t.Rows, vals)
		}
		if err := rs.Err(); err != nil {
			tb.Fatalf("%s: %v", t.Name, err)
		}
		rs.Close()
	}
	return tables
}
