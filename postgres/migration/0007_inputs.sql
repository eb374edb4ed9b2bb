-- Inputs (innspill), as in sqlite/migration/0007_inputs.sql: challenges
-- and solutions sent in by municipalities, counties, organisations and the
-- public, moderated by analysts.
--
-- Personal data (name, organisation, email and the attachment) lives only
-- in its columns here and in input_attachments: the full-text index holds
-- search_text, the terms of the title and text (generalist.InputSearchText).
-- At most one input that is not withdrawn may have a text (text_hash).
CREATE TABLE inputs (
	id              bigint PRIMARY KEY CHECK (id > 0),
	-- created_at in Unix seconds times 2^24 plus id modulo 2^24: the
	-- order of the lists (newest first), as in SQLite.
	sort_key        bigint NOT NULL UNIQUE,
	reference       text COLLATE "C" NOT NULL UNIQUE,
	kind            text COLLATE "C" NOT NULL CHECK (kind IN ('challenge', 'solution', 'both')),
	title           text COLLATE "C" NOT NULL CHECK (title <> ''),
	body            text COLLATE "C" NOT NULL CHECK (body <> ''),
	municipality    text COLLATE "C" NOT NULL DEFAULT '',
	county          text COLLATE "C" NOT NULL DEFAULT '',
	sender_type     text COLLATE "C" NOT NULL CHECK (sender_type IN ('municipality', 'county', 'organisation', 'person')),
	name            text COLLATE "C" NOT NULL DEFAULT '',
	organisation    text COLLATE "C" NOT NULL DEFAULT '',
	email           text COLLATE "C" NOT NULL DEFAULT '',
	consent_version text COLLATE "C" NOT NULL CHECK (consent_version <> ''),
	publish_name    boolean NOT NULL DEFAULT false,
	status          text COLLATE "C" NOT NULL CHECK (status IN ('new', 'published', 'rejected', 'withdrawn', 'merged')),
	reject_reason   text COLLATE "C" NOT NULL DEFAULT '',
	merged_into     bigint REFERENCES inputs (id) DEFERRABLE,
	moderator       text COLLATE "C" NOT NULL DEFAULT '',
	version         integer NOT NULL CHECK (version >= 1),
	text_hash       text COLLATE "C" NOT NULL,
	search_text     text NOT NULL,
	created_at      timestamptz NOT NULL,
	updated_at      timestamptz NOT NULL,
	published_at    timestamptz,
	erased_at       timestamptz,
	-- Full-text search: the 'simple' configuration lower-cases and does
	-- not stem, as SQLite's unicode61 tokenizer does not; the terms are
	-- already split by generalist.InputTerms, so both see the same words.
	search_vector   tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED
);
-- Keep the tsvector in the row, uncompressed, and move the texts out of
-- it first: a search that counts its matches reads the tsvector of every
-- candidate, and decompressing it each time costs more than the test.
ALTER TABLE inputs
	ALTER COLUMN search_vector SET STORAGE MAIN,
	ALTER COLUMN body SET STORAGE EXTERNAL,
	ALTER COLUMN search_text SET STORAGE EXTERNAL;
CREATE UNIQUE INDEX inputs_text_hash ON inputs (text_hash) WHERE status <> 'withdrawn';
CREATE INDEX inputs_status_sort ON inputs (status, sort_key DESC);
CREATE INDEX inputs_municipality ON inputs (municipality, sort_key);
CREATE INDEX inputs_county ON inputs (county, sort_key);
-- Counts per municipality of a status, from the index alone.
CREATE INDEX inputs_status_municipality ON inputs (status, municipality);
CREATE INDEX inputs_search ON inputs USING gin (search_vector);

CREATE TABLE input_tags (
	input_id bigint NOT NULL REFERENCES inputs (id) ON DELETE CASCADE DEFERRABLE,
	tag      text COLLATE "C" NOT NULL,
	PRIMARY KEY (input_id, tag)
);
CREATE INDEX input_tags_tag ON input_tags (tag, input_id);

-- An input linked to a scenario as its motivation.
CREATE TABLE input_scenarios (
	input_id    bigint NOT NULL REFERENCES inputs (id) ON DELETE CASCADE DEFERRABLE,
	scenario_id text COLLATE "C" NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE DEFERRABLE,
	linked_at   timestamptz NOT NULL,
	PRIMARY KEY (input_id, scenario_id)
);
CREATE INDEX input_scenarios_scenario ON input_scenarios (scenario_id);

-- The PDF attachment, in the database: never a path from the sender.
CREATE TABLE input_attachments (
	input_id bigint PRIMARY KEY REFERENCES inputs (id) ON DELETE CASCADE DEFERRABLE,
	name     text COLLATE "C" NOT NULL,
	size     bigint NOT NULL CHECK (size > 0),
	sha256   text COLLATE "C" NOT NULL,
	data     bytea NOT NULL
);
