-- Scenarios: the alternatives users build and compare. The body is the
-- scenario's JSON; version counts saves for optimistic concurrency.
CREATE TABLE scenarios (
	id         TEXT PRIMARY KEY CHECK (id <> ''),
	name       TEXT NOT NULL CHECK (name <> ''),
	author     TEXT NOT NULL,
	body       TEXT NOT NULL,
	version    INTEGER NOT NULL CHECK (version >= 1),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
