// Package app holds each of Generalist's use cases once, between the
// models and the edges that present them (package web and the CLI in
// cmd/generalist).
//
// An App is made once from the store by the wiring in cmd/generalist. It
// owns what every edge needs and would otherwise gather itself:
//
//   - the store (every kind of record, one interface, Store);
//   - the task catalogue with the analysts' changes applied (Catalogue);
//   - the income-system model: the shipped sample with the tables analysts
//     imported into the store laid over it (Economy, ImportEconomy);
//   - the boundaries, maps and adjacency graphs of each structure, built on
//     first use (Map, Graph);
//   - the shipped example scenarios (Examples).
//
// Its use cases are what a user asks for: evaluate and compare scenarios
// (Evaluate, Compare, Validate, SaveScenario…), build and run a structure
// search (SearchProblem, PlanScenario), capacity (Capacity), a comparison
// report (Report), and the economy of a municipality or a merger.
// Handlers and commands only parse their input, call the App and present
// the result; they never chain the models themselves, so the web and the
// CLI cannot disagree.
//
// Derived models (the effective catalogue, the evaluation base of a
// structure and year, the capacity model, the economy model) are kept in
// memory under a digest of the data they rest on, recomputed when the
// store's data version moves (Version, one small query per request), so a
// change made through this App or any other process on the store shows
// on the next request (docs/decisions/0015-data-version.md).
//
// Nothing expensive happens in New: geometry and models are built when a
// use case first needs them, so a CLI command does only its own work.
package app
