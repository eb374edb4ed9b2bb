-- Reference data (loaded from the embedded files) and imported population
-- datasets, as in sqlite/migration/0001_init.sql. Every row names the
-- dataset it came from, so a new version of a reference file replaces
-- exactly its own rows.
--
-- Text columns use the "C" collation: comparison and ORDER BY by bytes,
-- as in SQLite, whatever the database's default collation is.
-- Foreign keys are DEFERRABLE so that LoadReference can defer them to the
-- commit (SET CONSTRAINTS ALL DEFERRED) while it reloads.

CREATE TABLE datasets (
	name      text COLLATE "C" PRIMARY KEY,
	kind      text COLLATE "C" NOT NULL CHECK (kind IN ('reference', 'import')),
	sha256    text COLLATE "C" NOT NULL,
	source    text COLLATE "C" NOT NULL,
	rows      integer NOT NULL CHECK (rows >= 0),
	loaded_at timestamptz NOT NULL
);

CREATE TABLE counties (
	structure integer NOT NULL CHECK (structure IN (2019, 2020, 2024)),
	number    text COLLATE "C" NOT NULL CHECK (length(number) = 2),
	name      text COLLATE "C" NOT NULL,
	PRIMARY KEY (structure, number)
);

CREATE TABLE municipalities (
	structure  integer NOT NULL,
	number     text COLLATE "C" NOT NULL CHECK (length(number) = 4),
	name       text COLLATE "C" NOT NULL,
	short_name text COLLATE "C" NOT NULL,
	county     text COLLATE "C" NOT NULL,
	sami_area  boolean,
	PRIMARY KEY (structure, number),
	FOREIGN KEY (structure, county) REFERENCES counties (structure, number) DEFERRABLE
);

CREATE TABLE changes (
	from_structure integer NOT NULL,
	from_number    text COLLATE "C" NOT NULL,
	to_structure   integer NOT NULL,
	to_number      text COLLATE "C" NOT NULL,
	kind           text COLLATE "C" NOT NULL CHECK (kind IN ('uendret', 'nytt_nummer', 'sammenslatt', 'delt')),
	PRIMARY KEY (from_structure, to_structure, from_number, to_number),
	FOREIGN KEY (from_structure, from_number) REFERENCES municipalities (structure, number) DEFERRABLE,
	FOREIGN KEY (to_structure, to_number) REFERENCES municipalities (structure, number) DEFERRABLE
);

-- One row per municipality and 1 January. total is NULL (missing) where
-- the source has no value; the split columns are NULL where it has no split.
CREATE TABLE populations (
	structure    integer NOT NULL,
	year         integer NOT NULL,
	municipality text COLLATE "C" NOT NULL,
	total        bigint CHECK (total >= 0),
	men          bigint CHECK (men >= 0),
	women        bigint CHECK (women >= 0),
	age_0_1      bigint, age_2_5 bigint, age_6_15 bigint, age_16_22 bigint,
	age_23_66    bigint, age_67_79 bigint, age_80_89 bigint, age_90_plus bigint,
	missing      boolean NOT NULL,
	note         text COLLATE "C" NOT NULL,
	dataset      text COLLATE "C" NOT NULL REFERENCES datasets (name) DEFERRABLE,
	PRIMARY KEY (structure, year, municipality),
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number) DEFERRABLE,
	CHECK (missing = (total IS NULL))
);

CREATE TABLE single_ages (
	structure    integer NOT NULL,
	year         integer NOT NULL,
	municipality text COLLATE "C" NOT NULL,
	age          integer NOT NULL CHECK (age BETWEEN 0 AND 105),
	persons      bigint NOT NULL CHECK (persons >= 0),
	dataset      text COLLATE "C" NOT NULL REFERENCES datasets (name) DEFERRABLE,
	PRIMARY KEY (structure, year, municipality, age),
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number) DEFERRABLE
);

-- Facts about the 2024 structure.
CREATE TABLE areas (
	municipality  text COLLATE "C" PRIMARY KEY,
	structure     integer NOT NULL DEFAULT 2024 CHECK (structure = 2024),
	km2           double precision NOT NULL CHECK (km2 > 0),
	admin_centre  text COLLATE "C" NOT NULL,
	language_form text COLLATE "C" NOT NULL,
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number) DEFERRABLE
);

CREATE TABLE centrality (
	municipality text COLLATE "C" PRIMARY KEY,
	structure    integer NOT NULL DEFAULT 2024 CHECK (structure = 2024),
	class        integer NOT NULL CHECK (class BETWEEN 1 AND 6),
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number) DEFERRABLE
);

CREATE TABLE cost_index (
	municipality text COLLATE "C" NOT NULL,
	structure    integer NOT NULL DEFAULT 2024 CHECK (structure = 2024),
	year         integer NOT NULL,
	value        double precision,
	PRIMARY KEY (municipality, year),
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number) DEFERRABLE
);

CREATE TABLE robek (
	municipality text COLLATE "C" NOT NULL,
	structure    integer NOT NULL DEFAULT 2024 CHECK (structure = 2024),
	listed_on    text COLLATE "C" NOT NULL,
	basis        text COLLATE "C" NOT NULL,
	PRIMARY KEY (municipality, listed_on),
	FOREIGN KEY (structure, municipality) REFERENCES municipalities (structure, number) DEFERRABLE
);

CREATE TABLE nordic_municipalities (
	country    text COLLATE "C" NOT NULL,
	structure  text COLLATE "C" NOT NULL,
	ref_date   text COLLATE "C" NOT NULL,
	code       text COLLATE "C" NOT NULL,
	name       text COLLATE "C" NOT NULL,
	name_sv    text COLLATE "C" NOT NULL,
	population bigint NOT NULL CHECK (population >= 0),
	aland      boolean NOT NULL,
	PRIMARY KEY (country, structure, code)
);

CREATE TABLE nordic_aggregates (
	country          text COLLATE "C" NOT NULL,
	source           text COLLATE "C" NOT NULL,
	inhabitants      double precision,
	municipalities   double precision,
	mean             double precision,
	median           double precision,
	largest          double precision,
	smallest         double precision,
	under_5000       double precision,
	median_area_km2  double precision,
	mean_area_km2    double precision,
	largest_area_km2 double precision,
	PRIMARY KEY (country, source)
);
