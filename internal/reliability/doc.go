// Package reliability holds the whole-process tests of a shared
// deployment: they build the generalist binary, run `generalist serve`
// processes on SQLite or PostgreSQL and the CLI beside them, and check
// what survives and what conflicts.
//
//   - TestCrash (only with GENERALIST_CRASH=1; scripts/crash-test runs it)
//     kills the server and a CLI import with SIGKILL at random moments
//     while writers save scenarios, edit cooperations and import data,
//     and checks that every acknowledged write is there, that nothing
//     unacknowledged is there in part, and that the store passes its
//     integrity check.
//   - TestConcurrentServers (whenever GENERALIST_TEST_DATABASE_URL is set,
//     as in ./scripts/test) runs three server processes on one PostgreSQL
//     schema and sends them conflicting edits: one winner per version,
//     409 for the rest, no lost update, no duplicate row.
//
// docs/reliability.md records what they found.
package reliability
