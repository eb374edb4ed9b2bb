-- Publication of stored scenarios: an analyst may make a scenario
-- readable by anyone (who and when); published_at is NULL while only
-- signed-in users may read it.
ALTER TABLE scenarios ADD COLUMN published_by TEXT NOT NULL DEFAULT '';
ALTER TABLE scenarios ADD COLUMN published_at TEXT;
