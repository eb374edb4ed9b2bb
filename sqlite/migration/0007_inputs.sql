-- Inputs (innspill): challenges and solutions sent in by municipalities,
-- counties, organisations and the public, moderated by analysts.
--
-- Personal data (name, organisation, email and the attachment) lives only
-- in its columns here and in input_attachments: the full-text index holds
-- search_text, the terms of the title and text (generalist.InputSearchText).
-- At most one input that is not withdrawn may have a text (text_hash).
CREATE TABLE inputs (
	id              INTEGER PRIMARY KEY CHECK (id > 0),
	-- created_at in Unix seconds times 2^24 plus id modulo 2^24: the
	-- order of the lists (newest first), and the rowid of inputs_fts, so
	-- that a search gets its matches newest first from the index and
	-- stops at the page.
	sort_key        INTEGER NOT NULL UNIQUE,
	reference       TEXT NOT NULL UNIQUE,
	kind            TEXT NOT NULL CHECK (kind IN ('challenge', 'solution', 'both')),
	title           TEXT NOT NULL CHECK (title <> ''),
	body            TEXT NOT NULL CHECK (body <> ''),
	municipality    TEXT NOT NULL DEFAULT '',
	county          TEXT NOT NULL DEFAULT '',
	sender_type     TEXT NOT NULL CHECK (sender_type IN ('municipality', 'county', 'organisation', 'person')),
	name            TEXT NOT NULL DEFAULT '',
	organisation    TEXT NOT NULL DEFAULT '',
	email           TEXT NOT NULL DEFAULT '',
	consent_version TEXT NOT NULL CHECK (consent_version <> ''),
	publish_name    INTEGER NOT NULL DEFAULT 0 CHECK (publish_name IN (0, 1)),
	status          TEXT NOT NULL CHECK (status IN ('new', 'published', 'rejected', 'withdrawn', 'merged')),
	reject_reason   TEXT NOT NULL DEFAULT '',
	merged_into     INTEGER REFERENCES inputs (id),
	moderator       TEXT NOT NULL DEFAULT '',
	version         INTEGER NOT NULL CHECK (version >= 1),
	text_hash       TEXT NOT NULL,
	search_text     TEXT NOT NULL,
	created_at      TEXT NOT NULL,
	updated_at      TEXT NOT NULL,
	published_at    TEXT,
	erased_at       TEXT
);
CREATE UNIQUE INDEX inputs_text_hash ON inputs (text_hash) WHERE status <> 'withdrawn';
CREATE INDEX inputs_status_sort ON inputs (status, sort_key DESC);
CREATE INDEX inputs_municipality ON inputs (municipality, sort_key);
CREATE INDEX inputs_county ON inputs (county, sort_key);
-- Counts per municipality of a status, from the index alone.
CREATE INDEX inputs_status_municipality ON inputs (status, municipality);

CREATE TABLE input_tags (
	input_id INTEGER NOT NULL REFERENCES inputs (id) ON DELETE CASCADE,
	tag      TEXT NOT NULL,
	PRIMARY KEY (input_id, tag)
);
CREATE INDEX input_tags_tag ON input_tags (tag, input_id);

-- An input linked to a scenario as its motivation.
CREATE TABLE input_scenarios (
	input_id    INTEGER NOT NULL REFERENCES inputs (id) ON DELETE CASCADE,
	scenario_id TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
	linked_at   TEXT NOT NULL,
	PRIMARY KEY (input_id, scenario_id)
);
CREATE INDEX input_scenarios_scenario ON input_scenarios (scenario_id);

-- The PDF attachment, in the database: never a path from the sender.
CREATE TABLE input_attachments (
	input_id INTEGER PRIMARY KEY REFERENCES inputs (id) ON DELETE CASCADE,
	name     TEXT NOT NULL,
	size     INTEGER NOT NULL CHECK (size > 0),
	sha256   TEXT NOT NULL,
	data     BLOB NOT NULL
);

-- Full-text search: an FTS5 index over inputs.search_text (external
-- content, so the terms are not stored twice), kept current by triggers.
-- unicode61 without removing diacritics and without stemming, as
-- PostgreSQL's 'simple' configuration: "fagmiljø" and "fagmiljo" are
-- different words on both. Every query term matches as a word or a word's
-- start; the prefix indexes (2 to 8 characters) keep a common stem such as
-- "kommune" (kommunen, kommunene, kommunestyret …) one lookup instead of
-- a merge of every word it starts, at about twice the index size. The rowid
-- is inputs.sort_key, so matches come newest first.
CREATE VIRTUAL TABLE inputs_fts USING fts5 (
	search_text,
	content = 'inputs',
	content_rowid = 'sort_key',
	tokenize = 'unicode61 remove_diacritics 0',
	prefix = '2 3 4 5 6 7 8'
);
CREATE TRIGGER inputs_fts_insert AFTER INSERT ON inputs BEGIN
	INSERT INTO inputs_fts (rowid, search_text) VALUES (new.sort_key, new.search_text);
END;
CREATE TRIGGER inputs_fts_delete AFTER DELETE ON inputs BEGIN
	INSERT INTO inputs_fts (inputs_fts, rowid, search_text) VALUES ('delete', old.sort_key, old.search_text);
END;
CREATE TRIGGER inputs_fts_update AFTER UPDATE OF search_text, sort_key ON inputs BEGIN
	INSERT INTO inputs_fts (inputs_fts, rowid, search_text) VALUES ('delete', old.sort_key, old.search_text);
	INSERT INTO inputs_fts (rowid, search_text) VALUES (new.sort_key, new.search_text);
END;
