package storetest

import (
	"context"
	"testing"

	"generalist"
	"generalist/imc"
	"generalist/sqlstore"
)

// ImportExamples imports the shipped example cooperations (marked as
// examples) into db's registry, as the author Test, and returns them.
func ImportExamples(tb testing.TB, db *sqlstore.DB) []generalist.IMC {
	tb.Helper()
	cs := must(tb, imc.Examples)
	if _, _, err := db.ImportIMCs(context.Background(), cs, generalist.IMCEdit{Author: "Test"}, false); err != nil {
		tb.Fatal(err)
	}
	return cs
}
