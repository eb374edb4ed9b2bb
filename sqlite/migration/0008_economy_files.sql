-- Income-system tables analysts imported (economy import): the CSV and
-- parameter files the economy loader lays over the shipped sample, kept
-- in the store so every process sees the same model.
CREATE TABLE economy_files (
	name        TEXT PRIMARY KEY CHECK (name <> ''),
	table_name  TEXT NOT NULL,
	year        INTEGER NOT NULL,
	data        TEXT NOT NULL,
	sha256      TEXT NOT NULL,
	author      TEXT NOT NULL,
	imported_at TEXT NOT NULL
);
