-- The history of analysts' changes to the task catalogue's parameters.
-- Append-only: a return to the shipped value is a row with value NULL.
CREATE TABLE catalogue_changes (
	id     INTEGER PRIMARY KEY AUTOINCREMENT,
	task   TEXT NOT NULL,
	field  TEXT NOT NULL CHECK (field IN ('fte_per_1000', 'min_team')),
	value  REAL CHECK (value IS NULL OR value >= 0),
	note   TEXT NOT NULL,
	author TEXT NOT NULL CHECK (author <> ''),
	at     TEXT NOT NULL
);
