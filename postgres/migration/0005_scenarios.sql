-- Scenarios: the alternatives users build and compare. The body is the
-- scenario's JSON; version counts saves for optimistic concurrency.
CREATE TABLE scenarios (
	id         text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
	name       text COLLATE "C" NOT NULL CHECK (name <> ''),
	author     text COLLATE "C" NOT NULL,
	body       text NOT NULL,
	version    integer NOT NULL CHECK (version >= 1),
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
