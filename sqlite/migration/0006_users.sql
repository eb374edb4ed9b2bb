-- Accounts, sessions, API tokens, login attempts and the audit log. Times
-- are RFC 3339 text in UTC with six fractional digits, so that comparing
-- the text compares the times. Secrets are never stored: a session and a
-- token are kept by the SHA-256 of their secret.

CREATE TABLE users (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 2 AND 64),
	full_name     TEXT NOT NULL,
	role          TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'editor')),
	-- The municipality an editor edits for; '' for the other roles.
	municipality  TEXT NOT NULL CHECK ((role = 'editor') = (municipality <> '')),
	disabled      INTEGER NOT NULL CHECK (disabled IN (0, 1)),
	password_hash TEXT NOT NULL CHECK (password_hash <> ''),
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL
);

CREATE TABLE sessions (
	id_hash    TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id),
	csrf       TEXT NOT NULL,
	remote     TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id    INTEGER NOT NULL REFERENCES users (id),
	name       TEXT NOT NULL CHECK (name <> ''),
	scope      TEXT NOT NULL CHECK (scope IN ('read', 'write')),
	hash       TEXT NOT NULL UNIQUE CHECK (hash <> ''),
	prefix     TEXT NOT NULL,
	created_at TEXT NOT NULL,
	revoked_at TEXT
);

CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Every try to sign in, for throttling across server processes.
CREATE TABLE login_attempts (
	name   TEXT NOT NULL,
	remote TEXT NOT NULL,
	ok     INTEGER NOT NULL CHECK (ok IN (0, 1)),
	at     TEXT NOT NULL
);

CREATE INDEX login_attempts_name_at ON login_attempts (name, at);

-- Who changed what, when and from where. Append-only: the triggers refuse
-- any change to a recorded entry.
CREATE TABLE audit_log (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	at         TEXT NOT NULL,
	user_name  TEXT NOT NULL CHECK (user_name <> ''),
	action     TEXT NOT NULL CHECK (action <> ''),
	target     TEXT NOT NULL,
	detail     TEXT NOT NULL,
	remote     TEXT NOT NULL,
	request_id TEXT NOT NULL
);

CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_user ON audit_log (user_name, at, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
