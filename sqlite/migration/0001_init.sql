-- Reference data (loaded from the embedded files) and imported population
-- datasets. Every row names the dataset it came from, so a new version of a
-- reference file replaces exactly its own rows.

CREATE TABLE datasets (
	name      TEXT PRIMARY KEY,
	kind      TEXT NOT NULL CHECK (kind IN ('reference', 'import')),
	sha256    TEXT NOT NULL,
	source    TEXT NOT NULL,
	rows      INTEGER NOT NULL CHECK (rows >= 0),
	loaded_at TEXT NOT NULL
);

CREATE TABLE counties (
	structure INTEGER NOT NULL CHECK (structure IN (2019, 2020, 2024)),
	number    TEXT NOT NULL CHECK (length(number) = 2),
	name      TEXT NOT NULL,
	PRIMARY KEY (structure, number)
);

CREATE TABLE municipalities (
	structure  INTEGER NOT NULL,
	number     TEXT NOT NULL CHECK (length(number) = 4),
	name       TEXT NOT NULL,
	short_name TEXT NOT NULL,
	county     TEXT NOT NULL,
	sami_area  INTEGER CHECK (sami_area IN (0, 1)),
	PRIMARY KEY (structure, number),
	FOREIGN KEY (structure, county) REFERENCES counties (structure, number)
);

CREATE TABLE changes (
	from_structure INTEGER NOT NULL,
	from_number    TEXT NOT NULL,
	to_structure   INTEGER NOT NULL,
	to_number      TEXT NOT NULL,
	kind           TEXT NOT NULL CHECK (kind IN ('uendret', 'nytt_nummer', 'sammenslatt', 'delt')),
	PRIMARY KEY (from_structure, to_structure, from_number, to_number),
	FOREIGN KEY (from_structure, from_number) REFERENCES municipalities (structure, number),
	FOREIGN KEY (to_structure, to_number) REFERENCES municipalities (structure, number)
);

-- One row per municipality and 1 January. total is NULL (missing = 1) where
-- the source has no value; the split columns are NULL where it has no split.
CREATE TABLE populations (
	structure    INTEGER NOT NULL,
	year         INTEGER NOT NULL,
	municipality TEXT NOT NULL,
	total        INTEGER CHECK (total >= 0),
	men          INTEGER CHECK (men >= 0),
	women        INTEGER CHECK (women >= 0),
	age_0_1      INTEGER, age_2_5 INTEGER, age_6_15 INTEGER, age_16_22 INTEGER,
	age_23_66    INTEGER, age_67_79 INTEGER, age_80_89 INTEGER, age_90_plus INTEGER,
	missing      INTEGER NOT NULL CHECK (missing IN (0, 1)),
	note         TEXT NOT NULL,
	dataset      TEXT NOT NULL REFERENCES datasets (name),
	PRIMARY KEY (structure, year, municipality),
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number),
	CHECK ((missing = 1) = (total IS NULL))
) WITHOUT ROWID;

CREATE TABLE single_ages (
	structure    INTEGER NOT NULL,
	year         INTEGER NOT NULL,
	municipality TEXT NOT NULL,
	age          INTEGER NOT NULL CHECK (age BETWEEN 0 AND 105),
	persons      INTEGER NOT NULL CHECK (persons >= 0),
	dataset      TEXT NOT NULL REFERENCES datasets (name),
	PRIMARY KEY (structure, year, municipality, age),
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number)
) WITHOUT ROWID;

-- Facts about the 2024 structure.
CREATE TABLE areas (
	municipality  TEXT PRIMARY KEY,
	structure     INTEGER NOT NULL DEFAULT 2024 CHECK (structure = 2024),
	km2           REAL NOT NULL CHECK (km2 > 0),
	admin_centre  TEXT NOT NULL,
	language_form TEXT NOT NULL,
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number)
);

CREATE TABLE centrality (
	municipality TEXT PRIMARY KEY,
	structure    INTEGER NOT NULL DEFAULT 2024 CHECK (structure = 2024),
	class        INTEGER NOT NULL CHECK (class BETWEEN 1 AND 6),
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number)
);

CREATE TABLE cost_index (
	municipality TEXT NOT NULL,
	structure    INTEGER NOT NULL DEFAULT 2024 CHECK (structure = 2024),
	year         INTEGER NOT NULL,
	value        REAL,
	PRIMARY KEY (municipality, year),
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number)
);

CREATE TABLE robek (
	municipality TEXT NOT NULL,
	structure    INTEGER NOT NULL DEFAULT 2024 CHECK (structure = 2024),
	listed_on    TEXT NOT NULL,
	basis        TEXT NOT NULL,
	PRIMARY KEY (municipality, listed_on),
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number)
);

CREATE TABLE nordic_municipalities (
	country    TEXT NOT NULL,
	structure  TEXT NOT NULL,
	ref_date   TEXT NOT NULL,
	code       TEXT NOT NULL,
	name       TEXT NOT NULL,
	name_sv    TEXT NOT NULL,
	population INTEGER NOT NULL CHECK (population >= 0),
	aland      INTEGER NOT NULL CHECK (aland IN (0, 1)),
	PRIMARY KEY (country, structure, code)
);

CREATE TABLE nordic_aggregates (
	country          TEXT NOT NULL,
	source           TEXT NOT NULL,
	inhabitants      REAL,
	municipalities   REAL,
	mean             REAL,
	median           REAL,
	largest          REAL,
	smallest         REAL,
	under_5000       REAL,
	median_area_km2  REAL,
	mean_area_km2    REAL,
	largest_area_km2 REAL,
	PRIMARY KEY (country, source)
);
