// Package jobs runs Generalist's long computations as durable jobs on
// River (github.com/riverqueue/river): structure searches with high
// effort, ensembles of up to millions of steps, batch evaluation of many
// scenarios and their reports. A job is queued in the store's own
// database (River's tables, migrated with the store's migrations), run by
// any worker process on that database, reports its progress while it
// runs, can be cancelled, and keeps its result for later.
//
// Each kind calls the one use case of package app that the synchronous
// edges call (app.SearchProblem with the optimizer, app.Evaluate,
// app.Report); its parameters are named as the query parameters of
// /api/v1/search and /api/v1/search/ensemble. The same parameters and
// seed give the same result, also when a job is run again after its
// worker died.
//
// Where things live (docs/decisions/0013-jobs.md): the parameters are the
// job's River arguments, the owner its metadata, and the progress and the
// result the job's output ({"progress": …, "result": …}): written as it
// runs (at most a few times a second) and on completion. The queue is
// River's client over the driver the wiring chooses (riversqlite on the
// embedded store, riverpgxv5 on PostgreSQL), so this package names no
// backend.
package jobs
