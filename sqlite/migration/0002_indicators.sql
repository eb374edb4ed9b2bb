-- User-imported indicators ("bring your own indicator"): KOSTRA figures,
-- compliance scores, grades. Each indicator is recorded on one structure;
-- its values name municipalities of that structure.

CREATE TABLE indicators (
	id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9_-]*' AND id NOT GLOB '[_-]*'),
	name        TEXT NOT NULL CHECK (trim(name) <> ''),
	unit        TEXT NOT NULL CHECK (trim(unit) <> ''),
	source      TEXT NOT NULL CHECK (trim(source) <> ''),
	description TEXT NOT NULL,
	structure   INTEGER NOT NULL CHECK (structure IN (2019, 2020, 2024)),
	additive    INTEGER NOT NULL CHECK (additive IN (0, 1)),
	created_at  TEXT NOT NULL,
	-- The target of indicator_values' foreign key, which keeps every value
	-- on its indicator's structure.
	UNIQUE (id, structure)
);

-- One row per indicator, year and municipality. value is NULL where the
-- source has none; note then says why.
CREATE TABLE indicator_values (
	indicator    TEXT NOT NULL,
	structure    INTEGER NOT NULL,
	year         INTEGER NOT NULL CHECK (year BETWEEN 1800 AND 2200),
	municipality TEXT NOT NULL CHECK (length(municipality) = 4),
	value        REAL CHECK (value BETWEEN -1e15 AND 1e15),
	note         TEXT NOT NULL,
	PRIMARY KEY (indicator, year, municipality),
	FOREIGN KEY (indicator, structure) REFERENCES indicators (id, structure) ON DELETE CASCADE,
	-- No cascade: reloading the reference data deletes and reinserts the
	-- municipalities inside one transaction with deferred foreign keys.
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number)
) WITHOUT ROWID;
