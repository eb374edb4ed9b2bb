package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// colType is the type of a column in a backup.
type colType string

const (
	colInt   colType = "int"
	colReal  colType = "real"
	colText  colType = "text"
	colBool  colType = "bool"
	colTime  colType = "time"
	colBytes colType = "bytes"
)

type backupColumn struct {
	name string
	typ  colType
}

// backupTable is a table of the store as the backup knows it.
type backupTable struct {
	name string
	cols []backupColumn
	// key orders the rows (the primary key, or every column).
	key []string
	// serial: the store generates the id column.
	serial bool
	// reference: the embedded reference data (refdata.Ensure loads it into
	// every store); a store holding only that counts as empty.
	reference bool
	// appendOnly: a trigger refuses to delete rows (Restore with Replace
	// suspends it inside its transaction).
	appendOnly bool
}

// cols parses "name:type name:type …".
func cols(spec string) []backupColumn {
	var out []backupColumn
	for _, f := range strings.Fields(spec) {
		name, typ, ok := strings.Cut(f, ":")
		if !ok {
			panic("sqlstore: backup column " + f + " has no type")
		}
		out = append(out, backupColumn{name, colType(typ)})
	}
	return out
}

// backupTables are the store's tables in an order where every table comes
// after the tables its foreign keys refer to. Backup checks the list
// against the database, so a migration that adds a table or a column
// without adding it here makes every backup (and its tests) fail.
var backupTables = []backupTable{
	{name: "datasets", cols: cols("name:text kind:text sha256:text source:text rows:int loaded_at:time"), key: []string{"name"}, reference: true},
	{name: "counties", cols: cols("structure:int number:text name:text"), key: []string{"structure", "number"}, reference: true},
	{name: "municipalities", cols: cols("structure:int number:text name:text short_name:text county:text sami_area:bool"),
		key: []string{"structure", "number"}, reference: true},
	{name: "changes", cols: cols("from_structure:int from_number:text to_structure:int to_number:text kind:text"),
		key: []string{"from_structure", "to_structure", "from_number", "to_number"}, reference: true},
	{name: "populations", cols: cols(`structure:int year:int municipality:text total:int men:int women:int
		age_0_1:int age_2_5:int age_6_15:int age_16_22:int age_23_66:int age_67_79:int age_80_89:int age_90_plus:int
		missing:bool note:text dataset:text`), key: []string{"structure", "year", "municipality"}, reference: true},
	{name: "single_ages", cols: cols("structure:int year:int municipality:text age:int persons:int dataset:text"),
		key: []string{"structure", "year", "municipality", "age"}, reference: true},
	{name: "areas", cols: cols("municipality:text structure:int km2:real admin_centre:text language_form:text"), key: []string{"municipality"}, reference: true},
	{name: "centrality", cols: cols("municipality:text structure:int class:int"), key: []string{"municipality"}, reference: true},
	{name: "cost_index", cols: cols("municipality:text structure:int year:int value:real"), key: []string{"municipality", "year"}, reference: true},
	{name: "robek", cols: cols("municipality:text structure:int listed_on:text basis:text"), key: []string{"municipality", "listed_on"}, reference: true},
	{name: "nordic_municipalities", cols: cols("country:text structure:text ref_date:text code:text name:text name_sv:text population:int aland:bool"),
		key: []string{"country", "structure", "code"}, reference: true},
	{name: "nordic_aggregates", cols: cols(`country:text source:text inhabitants:real municipalities:real mean:real median:real
		largest:real smallest:real under_5000:real median_area_km2:real mean_area_km2:real largest_area_km2:real`),
		key: []string{"country", "source"}, reference: true},
	{name: "indicators", cols: cols("id:text name:text unit:text source:text description:text structure:int additive:bool created_at:time"), key: []string{"id"}},
	{name: "indicator_values", cols: cols("indicator:text structure:int year:int municipality:text value:real note:text"),
		key: []string{"indicator", "year", "municipality"}},
	{name: "catalogue_changes", cols: cols("id:int task:text field:text value:real note:text author:text at:time"), key: []string{"id"}, serial: true},
	{name: "imc", cols: cols("id:int version:int name:text name_key:text form:text start_date:text end_date:text example:bool deleted:bool data:text"),
		key: []string{"id"}, serial: true},
	{name: "imc_participants", cols: cols("imc:int number:text ownership:int"), key: []string{"imc", "number"}},
	{name: "imc_tasks", cols: cols("imc:int task:text"), key: []string{"imc", "task"}},
	{name: "imc_revisions", cols: cols("imc:int version:int action:text author:text note:text at:time changes:text data:text"), key: []string{"imc", "version"}},
	{name: "scenarios", cols: cols("id:text name:text author:text body:text version:int created_at:time updated_at:time published_by:text published_at:time"), key: []string{"id"}},
	{name: "users", cols: cols("id:int name:text full_name:text role:text municipality:text disabled:bool password_hash:text created_at:time updated_at:time"),
		key: []string{"id"}, serial: true},
	{name: "sessions", cols: cols("id_hash:text user_id:int csrf:text remote:text created_at:time expires_at:time"), key: []string{"id_hash"}},
	{name: "api_tokens", cols: cols("id:int user_id:int name:text scope:text hash:text prefix:text created_at:time revoked_at:time"),
		key: []string{"id"}, serial: true},
	{name: "login_attempts", cols: cols("name:text remote:text ok:bool at:time"), key: []string{"name", "at", "remote", "ok"}},
	{name: "audit_log", cols: cols("id:int at:time user_name:text action:text target:text detail:text remote:text request_id:text"),
		key: []string{"id"}, serial: true, appendOnly: true},
	{name: "inputs", cols: cols(`id:int sort_key:int reference:text kind:text title:text body:text municipality:text county:text sender_type:text
		name:text organisation:text email:text consent_version:text publish_name:bool status:text reject_reason:text
		merged_into:int moderator:text version:int text_hash:text search_text:text
		created_at:time updated_at:time published_at:time erased_at:time`), key: []string{"id"}, serial: true},
	{name: "input_tags", cols: cols("input_id:int tag:text"), key: []string{"input_id", "tag"}},
	{name: "input_scenarios", cols: cols("input_id:int scenario_id:text linked_at:time"), key: []string{"input_id", "scenario_id"}},
	{name: "input_attachments", cols: cols("input_id:int name:text size:int sha256:text data:bytes"), key: []string{"input_id"}},
	{name: "economy_files", cols: cols("name:text table_name:text year:int data:text sha256:text author:text imported_at:time"), key: []string{"name"}},
}

func (tb *backupTable) columnNames() []string {
	out := make([]string, len(tb.cols))
	for i, c := range tb.cols {
		out[i] = c.name
	}
	return out
}

func (tb *backupTable) columnTypes() []colType {
	out := make([]colType, len(tb.cols))
	for i, c := range tb.cols {
		out[i] = c.typ
	}
	return out
}

// checkBackupTables checks that the tables and columns of the database
// are exactly those of backupTables (but schema_migrations, full-text
// indexes and generated columns, which are derived), with compatible
// types: a table added by a migration but not to backupTables would
// otherwise be left out of every backup.
func (db *DB) checkBackupTables(ctx context.Context, q querier) error {
	got, err := db.catalogue(ctx, q)
	if err != nil {
		return fmt.Errorf("read the database's tables: %w", err)
	}
	var problems []string
	for _, tb := range backupTables {
		cs, ok := got[tb.name]
		if !ok {
			problems = append(problems, fmt.Sprintf("table %s is missing", tb.name))
			continue
		}
		delete(got, tb.name)
		for _, c := range tb.cols {
			dbType, ok := cs[c.name]
			if !ok {
				problems = append(problems, fmt.Sprintf("column %s.%s is missing", tb.name, c.name))
				continue
			}
			delete(cs, c.name)
			if !slices.Contains(db.d.ColumnTypes[string(c.typ)], dbType) {
				problems = append(problems, fmt.Sprintf("column %s.%s is %s in the database, %s in the backup", tb.name, c.name, dbType, c.typ))
			}
		}
		for c := range cs {
			problems = append(problems, fmt.Sprintf("column %s.%s is not in the backup", tb.name, c))
		}
	}
	for name := range got {
		problems = append(problems, fmt.Sprintf("table %s is not in the backup", name))
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return fmt.Errorf("the database's tables differ from the backup's list (sqlstore/backup_tables.go): %s", strings.Join(problems, "; "))
	}
	return nil
}

// catalogue returns the database's tables, each with its columns and
// their declared types (lower case), leaving out schema_migrations, the
// job queue's and the data version's tables,
// virtual tables and their shadow tables, and generated columns (the
// dialect's Tables and Columns).
func (db *DB) catalogue(ctx context.Context, q querier) (map[string]map[string]string, error) {
	names, err := queryAll(ctx, q, db.d.Tables, func(r *sql.Rows) (s string, err error) { return s, r.Scan(&s) })
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]string{}
	for _, name := range names {
		if name == "schema_migrations" || isQueueTable(name) || isVersionTable(name) {
			continue
		}
		type col struct{ name, typ string }
		cs, err := queryAll(ctx, q, db.d.Columns, func(r *sql.Rows) (c col, err error) { return c, r.Scan(&c.name, &c.typ) }, name)
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		for _, c := range cs {
			m[c.name] = strings.ToLower(c.typ)
		}
		out[name] = m
	}
	return out, nil
}

// sequences returns, for each table whose id the store generates, the
// highest id handed out: the larger of its generator's value
// (PostgreSQL's sequence, SQLite's sqlite_sequence for AUTOINCREMENT) and
// the highest id in the table.
func (db *DB) sequences(ctx context.Context, q querier) (map[string]int64, error) {
	out := map[string]int64{}
	for _, tb := range backupTables {
		if !tb.serial {
			continue
		}
		var top, gen sql.NullInt64
		if err := q.queryRow(ctx, `SELECT max(id) FROM `+tb.name).Scan(&top); err != nil {
			return nil, err
		}
		if err := q.queryRow(ctx, db.d.Sequence, tb.name).Scan(&gen); err != nil {
			return nil, fmt.Errorf("read the id generator of %s: %w", tb.name, err)
		}
		out[tb.name] = max(top.Int64, gen.Int64)
	}
	return out, nil
}

func backupTableByName(name string) (*backupTable, bool) {
	for i := range backupTables {
		if backupTables[i].name == name {
			return &backupTables[i], true
		}
	}
	return nil, false
}

// isQueueTable reports whether name is one of the job queue's tables
// (River's river_job, river_queue, river_leader, river_migration, …).
// They are left out of backups: a job is a computation reproducible from
// its parameters and seed, River's tables follow River's schema, not the
// backup format's, and a restored queue would bring back running jobs
// and leader rows of processes that no longer exist (docs/reliability.md,
// docs/decisions/0013-jobs.md).
func isQueueTable(name string) bool { return strings.HasPrefix(name, "river_") }
