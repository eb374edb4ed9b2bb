-- The data version (docs/decisions/0015-data-version.md): a number that
-- moves, in the same transaction, with every change to the records the
-- published pages and the derived models rest on. A server reads it on
-- every request (DataVersion: n plus the rows of data_changes) and
-- recomputes what it keeps in memory only when it has moved, so a change
-- made through one process is seen by every other at once.
--
-- SQLite serialises its writers, so its triggers add to n directly.
-- data_changes is PostgreSQL's way (its concurrent writers append a row
-- each rather than update one row); here it stays empty, so that both
-- stores read the version with the same query.
--
-- Neither table is in backups: a restore changes the tables below, which
-- moves the version.
CREATE TABLE data_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n  INTEGER NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 1);
CREATE TABLE data_changes (id INTEGER PRIMARY KEY);

-- The reference and imported datasets (every load writes its datasets
-- row), indicators, the analysts' parameter changes, the imported
-- economy tables, the cooperation registry, stored scenarios and the
-- inputs' links to them: any change.
CREATE TRIGGER datasets_insert_version AFTER INSERT ON datasets BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER datasets_update_version AFTER UPDATE ON datasets BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER datasets_delete_version AFTER DELETE ON datasets BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER indicators_insert_version AFTER INSERT ON indicators BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER indicators_update_version AFTER UPDATE ON indicators BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER indicators_delete_version AFTER DELETE ON indicators BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER catalogue_changes_insert_version AFTER INSERT ON catalogue_changes BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER catalogue_changes_update_version AFTER UPDATE ON catalogue_changes BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER catalogue_changes_delete_version AFTER DELETE ON catalogue_changes BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER economy_files_insert_version AFTER INSERT ON economy_files BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER economy_files_update_version AFTER UPDATE ON economy_files BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER economy_files_delete_version AFTER DELETE ON economy_files BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_insert_version AFTER INSERT ON imc BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_update_version AFTER UPDATE ON imc BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_delete_version AFTER DELETE ON imc BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_participants_insert_version AFTER INSERT ON imc_participants BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_participants_update_version AFTER UPDATE ON imc_participants BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_participants_delete_version AFTER DELETE ON imc_participants BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_tasks_insert_version AFTER INSERT ON imc_tasks BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_tasks_update_version AFTER UPDATE ON imc_tasks BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_tasks_delete_version AFTER DELETE ON imc_tasks BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_revisions_insert_version AFTER INSERT ON imc_revisions BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_revisions_update_version AFTER UPDATE ON imc_revisions BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER imc_revisions_delete_version AFTER DELETE ON imc_revisions BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER scenarios_insert_version AFTER INSERT ON scenarios BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER scenarios_update_version AFTER UPDATE ON scenarios BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER scenarios_delete_version AFTER DELETE ON scenarios BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER input_scenarios_insert_version AFTER INSERT ON input_scenarios BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER input_scenarios_update_version AFTER UPDATE ON input_scenarios BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER input_scenarios_delete_version AFTER DELETE ON input_scenarios BEGIN UPDATE data_version SET n = n + 1; END;

-- Inputs (innspill): only a change that a published input takes part in
-- (published, withdrawn, merged away, erased, edited while published); a
-- new submission waiting for moderation changes no public page.
CREATE TRIGGER inputs_insert_version AFTER INSERT ON inputs WHEN NEW.status = 'published'
BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER inputs_update_version AFTER UPDATE ON inputs WHEN OLD.status = 'published' OR NEW.status = 'published'
BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER inputs_delete_version AFTER DELETE ON inputs WHEN OLD.status = 'published'
BEGIN UPDATE data_version SET n = n + 1; END;
