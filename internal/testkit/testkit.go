// Package testkit holds the helpers the tests of several packages share,
// so that each is written once. It is for tests only.
package testkit

import (
	"encoding/csv"
	"testing"

	"generalist/data"
)

// DataCSV reads a CSV file of data/ (as embedded in package data) as
// rows, each a map from the header's column name to the cell, so a test
// can compute its expected figures straight from the shipped file.
func DataCSV(tb testing.TB, name string) []map[string]string {
	tb.Helper()
	f, err := data.FS.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	if len(recs) == 0 {
		tb.Fatalf("%s: no header", name)
	}
	rows := make([]map[string]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		row := make(map[string]string, len(rec))
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}
