-- The data version (docs/decisions/0015-data-version.md): a number that
-- moves, in the same transaction, with every change to the records the
-- published pages and the derived models rest on. A server reads it on
-- every request (DataVersion: n plus the rows of data_changes) and
-- recomputes what it keeps in memory only when it has moved, so a change
-- made through one process is seen by every other at once.
--
-- Writers run at SERIALIZABLE: were they all to update one row, any two
-- concurrent changes would fail each other ("could not serialize access
-- due to concurrent update"). So each changing statement appends a row to
-- data_changes instead (inserts of distinct keys do not conflict), and a
-- reader now and then folds the rows into n (sqlstore.DataVersion), in one
-- transaction that keeps the sum.
--
-- Neither table is in backups: a restore changes the tables below, which
-- moves the version.
CREATE TABLE data_version (
	id integer PRIMARY KEY CHECK (id = 1),
	n  bigint NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 1);
CREATE TABLE data_changes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);

CREATE FUNCTION data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO data_changes DEFAULT VALUES;
	RETURN NULL;
END $$;

-- The reference and imported datasets (every load writes its datasets
-- row), indicators, the analysts' parameter changes, the imported
-- economy tables, the cooperation registry, stored scenarios and the
-- inputs' links to them: any change.
CREATE TRIGGER datasets_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON datasets FOR EACH STATEMENT EXECUTE FUNCTION data_changed();
CREATE TRIGGER indicators_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicators FOR EACH STATEMENT EXECUTE FUNCTION data_changed();
CREATE TRIGGER catalogue_changes_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalogue_changes FOR EACH STATEMENT EXECUTE FUNCTION data_changed();
CREATE TRIGGER economy_files_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON economy_files FOR EACH STATEMENT EXECUTE FUNCTION data_changed();
CREATE TRIGGER imc_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON imc FOR EACH STATEMENT EXECUTE FUNCTION data_changed();
CREATE TRIGGER imc_participants_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON imc_participants FOR EACH STATEMENT EXECUTE FUNCTION data_changed();
CREATE TRIGGER imc_tasks_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON imc_tasks FOR EACH STATEMENT EXECUTE FUNCTION data_changed();
CREATE TRIGGER imc_revisions_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON imc_revisions FOR EACH STATEMENT EXECUTE FUNCTION data_changed();
CREATE TRIGGER scenarios_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON scenarios FOR EACH STATEMENT EXECUTE FUNCTION data_changed();
CREATE TRIGGER input_scenarios_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON input_scenarios FOR EACH STATEMENT EXECUTE FUNCTION data_changed();

-- Inputs (innspill): only a change that a published input takes part in
-- (published, withdrawn, merged away, erased, edited while published); a
-- new submission waiting for moderation changes no public page. A
-- trigger with transition tables has one event, so there are three.
CREATE FUNCTION inputs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM new_rows WHERE status = 'published') THEN
		INSERT INTO data_changes DEFAULT VALUES;
	END IF;
	RETURN NULL;
END $$;
CREATE FUNCTION inputs_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM new_rows WHERE status = 'published') OR EXISTS (SELECT 1 FROM old_rows WHERE status = 'published') THEN
		INSERT INTO data_changes DEFAULT VALUES;
	END IF;
	RETURN NULL;
END $$;
CREATE FUNCTION inputs_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM old_rows WHERE status = 'published') THEN
		INSERT INTO data_changes DEFAULT VALUES;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER inputs_insert_version AFTER INSERT ON inputs REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION inputs_inserted();
CREATE TRIGGER inputs_update_version AFTER UPDATE ON inputs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION inputs_updated();
CREATE TRIGGER inputs_delete_version AFTER DELETE ON inputs REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION inputs_deleted();
