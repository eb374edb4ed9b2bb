-- The registry of inter-municipal cooperations (interkommunalt samarbeid).
-- imc holds the current version of each cooperation as JSON (data), with
-- version counting its saves for optimistic concurrency; imc_revisions
-- keeps every version with who, when, why and what changed, so that any
-- earlier one can be shown. A deleted cooperation keeps its row (deleted =
-- 1) and its history. imc_participants and imc_tasks index the current
-- versions for the overviews per municipality and per task.
CREATE TABLE imc (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	version    INTEGER NOT NULL CHECK (version >= 1),
	name       TEXT NOT NULL CHECK (name <> ''),
	name_key   TEXT NOT NULL CHECK (name_key <> ''),
	form       TEXT NOT NULL,
	start_date TEXT NOT NULL,
	end_date   TEXT,
	example    INTEGER NOT NULL CHECK (example IN (0, 1)),
	deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
	data       TEXT NOT NULL CHECK (json_valid(data))
);

-- Two cooperations in the register cannot have the same name.
CREATE UNIQUE INDEX imc_name ON imc (name_key) WHERE deleted = 0;

CREATE TABLE imc_participants (
	imc       INTEGER NOT NULL REFERENCES imc (id),
	number    TEXT NOT NULL CHECK (length(number) IN (2, 4)),
	ownership INTEGER CHECK (ownership BETWEEN 1 AND 10000),
	PRIMARY KEY (imc, number)
) WITHOUT ROWID;

CREATE INDEX imc_participants_number ON imc_participants (number, imc);

CREATE TABLE imc_tasks (
	imc  INTEGER NOT NULL REFERENCES imc (id),
	task TEXT NOT NULL CHECK (task <> ''),
	PRIMARY KEY (imc, task)
) WITHOUT ROWID;

CREATE TABLE imc_revisions (
	imc     INTEGER NOT NULL REFERENCES imc (id),
	version INTEGER NOT NULL CHECK (version >= 1),
	action  TEXT NOT NULL CHECK (action IN ('opprettet', 'endret', 'slettet')),
	author  TEXT NOT NULL CHECK (author <> ''),
	note    TEXT NOT NULL,
	at      TEXT NOT NULL,
	changes TEXT NOT NULL CHECK (json_valid(changes)),
	data    TEXT NOT NULL CHECK (json_valid(data)),
	PRIMARY KEY (imc, version)
);
