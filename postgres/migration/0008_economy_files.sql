-- Income-system tables analysts imported (economy import): the CSV and
-- parameter files the economy loader lays over the shipped sample, kept
-- in the store so every process sees the same model.
CREATE TABLE economy_files (
	name        text COLLATE "C" PRIMARY KEY CHECK (name <> ''),
	table_name  text COLLATE "C" NOT NULL,
	year        integer NOT NULL,
	data        text NOT NULL,
	sha256      text NOT NULL,
	author      text COLLATE "C" NOT NULL,
	imported_at timestamptz NOT NULL
);
