-- User-imported indicators ("bring your own indicator"), as in
-- sqlite/migration/0002_indicators.sql.

CREATE TABLE indicators (
	id          text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
	name        text COLLATE "C" NOT NULL CHECK (trim(name) <> ''),
	unit        text COLLATE "C" NOT NULL CHECK (trim(unit) <> ''),
	source      text COLLATE "C" NOT NULL CHECK (trim(source) <> ''),
	description text COLLATE "C" NOT NULL,
	structure   integer NOT NULL CHECK (structure IN (2019, 2020, 2024)),
	additive    boolean NOT NULL,
	created_at  timestamptz NOT NULL,
	-- The target of indicator_values' foreign key, which keeps every value
	-- on its indicator's structure.
	UNIQUE (id, structure)
);

-- One row per indicator, year and municipality. value is NULL where the
-- source has none; note then says why.
CREATE TABLE indicator_values (
	indicator    text COLLATE "C" NOT NULL,
	structure    integer NOT NULL,
	year         integer NOT NULL CHECK (year BETWEEN 1800 AND 2200),
	municipality text COLLATE "C" NOT NULL CHECK (length(municipality) = 4),
	value        double precision CHECK (value BETWEEN -1e15 AND 1e15),
	note         text COLLATE "C" NOT NULL,
	PRIMARY KEY (indicator, year, municipality),
	FOREIGN KEY (indicator, structure) REFERENCES indicators (id, structure) ON DELETE CASCADE DEFERRABLE,
	-- No cascade: reloading the reference data deletes and reinserts the
	-- municipalities inside one transaction with deferred foreign keys.
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number) DEFERRABLE
);
