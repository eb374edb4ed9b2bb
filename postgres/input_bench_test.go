package postgres_test

import (
	"testing"

	"generalist/storetest"
)

// BenchmarkInputSearch searches 100,000 generated inputs (generated test
// data) on a new schema of the server in GENERALIST_TEST_DATABASE_URL;
// see storetest.BenchInputSearch.
func BenchmarkInputSearch(b *testing.B) {
	storetest.BenchInputSearch(b, storetest.Loaded(b, storetest.OpenPostgres(b)))
}
