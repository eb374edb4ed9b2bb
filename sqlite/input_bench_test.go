package sqlite_test

import (
	"testing"

	"generalist/storetest"
)

// BenchmarkInputSearch searches 100,000 generated inputs (generated test
// data) on a file in b.TempDir; see storetest.BenchInputSearch.
func BenchmarkInputSearch(b *testing.B) {
	storetest.BenchInputSearch(b, storetest.Loaded(b, storetest.OpenSQLite(b)))
}
