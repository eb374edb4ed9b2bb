package sqlstore_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"generalist"
	"generalist/imc"
	"generalist/refdata"
	"generalist/sqlite"
	"generalist/sqlstore"
	"generalist/storetest"
)

// pdf is a small PDF with every byte value in its body, so that the
// attachment's bytes go through base64 whole.
func pdf() []byte {
	b := []byte("%PDF-1.4\n")
	for i := range 256 {
		b = append(b, byte(i))
	}
	return append(b, "\n%%EOF\n"...)
}

// fill writes a row into every table the users' actions reach (the
// reference tables come from storetest.Loaded): an import, an indicator,
// parameter changes, cooperations with history (one deleted), scenarios,
// users (an editor, a disabled one), sessions, tokens (one revoked),
// login attempts, audit entries and inputs in every state, with tags, an
// attachment and a linked scenario. Text has quotes, newlines, emoji and
// Norwegian letters.
func fill(t *testing.T, db *sqlstore.DB) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 8, 0, 0, 123456000, time.UTC)
	db.Now = func() time.Time { now = now.Add(1500 * time.Millisecond); return now }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(db.ImportPopulations(ctx, &generalist.PopulationImport{Dataset: generalist.Dataset{Name: "import/test.csv", SHA256: strings.Repeat("ab", 32), Source: "Test"},
		Populations: []generalist.Population{{Structure: 2024, Year: 2030, Municipality: "0301", Total: 800000}, {Structure: 2024, Year: 2030, Municipality: "1151", Total: 0, Missing: true, Note: "ingen \"data\"\nny linje"}}}))
	ind, vals := storetest.FixtureIndicator()
	must(db.ImportIndicator(ctx, ind, vals, false))

	cat, err := refdata.EmbeddedTasks()
	must(err)
	v := 7.25
	must(db.RecordParamChange(ctx, cat, &generalist.ParamChange{Task: "barnevern", Field: generalist.FieldMinTeam, Value: &v, Note: "Fagmiljø på sju 👩‍⚖️", Author: "Analytiker"}))
	must(db.RecordParamChange(ctx, cat, &generalist.ParamChange{Task: "barnevern", Field: generalist.FieldMinTeam, Author: "Analytiker"}))

	cs, err := imc.Examples()
	must(err)
	e := generalist.IMCEdit{Author: "Testanalytiker", Note: "første"}
	for i := range cs {
		must(db.CreateIMC(ctx, &cs[i], e))
	}
	c := cs[0]
	c.Notes = "Endret «notat»\n\tmed tab"
	must(db.UpdateIMC(ctx, &c, generalist.IMCEdit{Author: "Redaktør", Note: "andre"}))
	must(db.DeleteIMC(ctx, cs[1].ID, cs[1].Version, generalist.IMCEdit{Author: "Redaktør", Note: "slettet"}))

	for _, s := range []*generalist.Scenario{
		{ID: "s-a", Name: "Scenario A", Author: "kari", Structure: 2024, Year: 2026, Mergers: []generalist.Merger{{Name: "Ny", Members: []generalist.MunicipalityNumber{"1811", "1812"}}}},
		{ID: "s-b", Name: "Scenario «B»", Structure: 2024, Year: 2025},
	} {
		must(db.CreateScenario(ctx, s))
	}
	must(db.ImportEconomyFiles(ctx, []generalist.EconomyFile{
		{Name: "kostnadsindeks_2025.csv", Table: "cost-index", Year: 2025, Author: "kari", Data: "kommunenummer,kommunenavn,budsjettaar,kostnadsindeks\n1111,Sokndal,2025,1.1\n"},
		{Name: "2025.json", Table: "files", Year: 2025, Author: "kari", Data: "{\"ø\": \"«å»\"}\n"},
	}, false, nil))

	users := map[string]*generalist.User{}
	for _, u := range []*generalist.User{
		{Name: "admin", FullName: "Åse Admin", Role: generalist.UserAdmin, PasswordHash: "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"},
		{Name: "ola", FullName: "Ola \"Redaktør\" Nordmann", Role: generalist.UserEditor, Municipality: "1820", PasswordHash: "$argon2id$x"},
		{Name: "gone", FullName: "", Role: generalist.UserAnalyst, PasswordHash: "$argon2id$y"},
	} {
		must(db.CreateUser(ctx, u))
		users[u.Name] = u
	}
	gone := *users["gone"]
	gone.Disabled = true
	must(db.UpdateUser(ctx, &gone))
	must(db.CreateSession(ctx, &generalist.Session{IDHash: "sess-1", UserID: users["admin"].ID, CSRF: "csrf-1", Remote: "192.0.2.1",
		CreatedAt: now, ExpiresAt: now.Add(8 * time.Hour)}))
	for i, u := range []string{"admin", "ola"} {
		tok := &generalist.APIToken{UserID: users[u].ID, Name: "skript " + u, Scope: []string{generalist.ScopeWrite, generalist.ScopeRead}[i],
			Hash: fmt.Sprintf("tokenhash-%d", i), Prefix: fmt.Sprintf("gt_%d", i)}
		must(db.CreateToken(ctx, tok))
		if i == 1 {
			must(db.RevokeToken(ctx, tok.ID))
		}
	}
	for i, ok := range []bool{false, false, true} {
		must(db.RecordLogin(ctx, generalist.LoginAttempt{Name: "admin", Remote: fmt.Sprintf("198.51.100.%d", i), OK: ok, At: now.Add(time.Duration(i) * time.Second)}))
	}
	for _, a := range []string{"user add", "POST /api/v1/scenarios", "PUT /api/v1/imc/1"} {
		must(db.RecordAudit(ctx, &generalist.AuditEntry{User: "admin", Action: a, Target: "x\ny", Detail: "«detalj» 'sitat'", Remote: "::1", RequestID: "req-" + a}))
	}

	var ins []*generalist.Input
	for i, text := range []string{"Små kommuner mister fagfolk til byene.", "Et felles barnevern har gitt et sterkere fagmiljø.",
		"Interkommunalt legevakt fungerer godt.", "Et felles barnevern har gitt et sterkere fagmiljø, helt sant."} {
		in := &generalist.Input{Kind: generalist.InputChallenge, Title: fmt.Sprintf("Innspill %d", i), Text: text,
			Tags: []generalist.InputTag{"utfordring.rekruttering"}, Municipality: "1151", SenderType: generalist.SenderPerson,
			Name: "Kari Testperson", Email: "kari@example.no", Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputNew}
		if i == 0 {
			b := pdf()
			sum := sha256.Sum256(b)
			in.Attachment = &generalist.InputAttachment{Name: "vedlegg.pdf", Size: int64(len(b)), SHA256: hex.EncodeToString(sum[:]), Data: b}
		}
		must(db.CreateInput(ctx, in))
		ins = append(ins, in)
	}
	_, err = db.Moderate(ctx, ins[0].ID, generalist.InputModeration{Action: "publish", Version: ins[0].Version, Moderator: "kari"})
	must(err)
	must(db.LinkScenario(ctx, ins[0].ID, "s-a"))
	must(db.MergeInputs(ctx, ins[0].ID, ins[3].ID, "kari"))
	must(db.Withdraw(ctx, ins[1].Reference))
	must(db.ErasePersonalData(ctx, ins[2].ID))
}

// backup returns db's backup.
func backup(t *testing.T, db *sqlstore.DB) ([]byte, *sqlstore.BackupInfo) {
	t.Helper()
	var buf bytes.Buffer
	info, err := db.Backup(context.Background(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), info
}

// lines returns the backup's lines, uncompressed.
func lines(t *testing.T, b []byte) []string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	l := strings.SplitAfter(string(raw), "\n")
	return l[:len(l)-1] // after the last newline: ""
}

// content is the backup without its first line (the header: when, from
// where) and last (the trailer: the checksum, which covers the header, and
// the id generators, which the backends keep differently): the tables.
func content(t *testing.T, b []byte) string {
	t.Helper()
	l := lines(t, b)
	return strings.Join(l[1:len(l)-1], "")
}

// rewrite changes a backup's lines with edit and writes it again with a
// trailer that matches, as a careful forger would.
func rewrite(t *testing.T, b []byte, edit func([]string) []string) []byte {
	t.Helper()
	l := edit(lines(t, b))
	body := l[:len(l)-1]
	var tr struct {
		Trailer map[string]any `json:"trailer"`
	}
	if err := json.Unmarshal([]byte(l[len(l)-1]), &tr); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(strings.Join(body, "")))
	tr.Trailer["sha256"] = hex.EncodeToString(sum[:])
	last, _ := json.Marshal(tr)
	return gz(t, strings.Join(body, "")+string(last)+"\n")
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// restore restores b into db.
func restore(t *testing.T, db *sqlstore.DB, b []byte, replace bool) *sqlstore.BackupInfo {
	t.Helper()
	info, err := db.Restore(context.Background(), bytes.NewReader(b), sqlstore.RestoreOptions{Replace: replace})
	if err != nil {
		t.Fatal(err)
	}
	return info
}

func check(t *testing.T, db *sqlstore.DB) {
	t.Helper()
	r, err := db.CheckStore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 {
		t.Errorf("%s: check found %q", db.Path(), r.Problems)
	}
}

// trimmed loads the embedded reference data into db with the single ages
// of three municipalities only (the rest are nine tenths of the rows, and
// make no other case): quick to load, and every reference table has rows.
func trimmed(t *testing.T, db *sqlstore.DB) *sqlstore.DB {
	t.Helper()
	ref := *storetest.Reference(t)
	ref.SingleAges = nil
	for _, a := range storetest.Reference(t).SingleAges {
		if a.Municipality == "0301" || a.Municipality == "1151" || a.Municipality == "1820" {
			ref.SingleAges = append(ref.SingleAges, a)
		}
	}
	if _, err := db.LoadReference(context.Background(), &ref); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestBackupRoundTrip backs up a SQLite store with data in every table,
// restores it into PostgreSQL, backs that up, restores it into SQLite,
// backs that up and restores it into PostgreSQL again: every table's rows
// are the same all the way, and the restored stores work. Without a
// PostgreSQL server the trip is SQLite to SQLite to SQLite.
func TestBackupRoundTrip(t *testing.T) {
	pg := storetest.OpenPostgres
	if os.Getenv(storetest.EnvDatabaseURL) == "" && os.Getenv(storetest.EnvRequirePostgres) != "1" {
		pg = storetest.OpenSQLite
	}
	roundTripFrom(t, storetest.OpenSQLite, pg, storetest.OpenSQLite, pg)
}

func roundTripFrom(t *testing.T, first func(testing.TB) *sqlstore.DB, then ...func(testing.TB) *sqlstore.DB) {
	src := trimmed(t, first(t))
	fill(t, src)
	b, info := backup(t, src)
	for _, tb := range info.Tables {
		if tb.Rows == 0 {
			t.Errorf("table %s is empty in the source: the round trip does not test it", tb.Name)
		}
	}
	want := content(t, b)
	stores := []*sqlstore.DB{src}
	for i, open := range then {
		db := open(t)
		if got := restore(t, db, b, false); got.Rows != info.Rows || got.SHA256 != info.SHA256 {
			t.Errorf("step %d: restored %d rows (checksum %s), backed up %d (%s)", i+1, got.Rows, got.SHA256, info.Rows, info.SHA256)
		}
		next, nextInfo := backup(t, db)
		if got := content(t, next); got != want {
			t.Errorf("step %d (%s): the tables differ after the round trip:\n%s", i+1, db.Dialect().Name, firstDiff(want, got))
		}
		if !reflect.DeepEqual(info.Tables, nextInfo.Tables) {
			t.Errorf("step %d: tables %v, then %v", i+1, info.Tables, nextInfo.Tables)
		}
		for name, v := range info.Sequences {
			if nextInfo.Sequences[name] < v {
				t.Errorf("step %d: the id sequence of %s went back from %d to %d", i+1, name, v, nextInfo.Sequences[name])
			}
		}
		b, info = next, nextInfo
		stores = append(stores, db)
	}
	for _, db := range stores {
		check(t, db)
	}
	for _, db := range stores[len(stores)-2:] {
		works(t, db)
	}
}

// works checks that a restored store works: sign-in data, full-text
// search, attachments, history, and new ids after the restored ones.
func works(t *testing.T, end *sqlstore.DB) {
	t.Helper()
	ctx := context.Background()
	if s, err := end.Session(ctx, "sess-1", time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)); err != nil || s.CSRF != "csrf-1" {
		t.Errorf("Session = %+v, %v", s, err)
	}
	if tok, err := end.TokenByHash(ctx, "tokenhash-0"); err != nil || !tok.Active() || tok.Scope != generalist.ScopeWrite {
		t.Errorf("TokenByHash = %+v, %v", tok, err)
	}
	if toks, err := end.Tokens(ctx, 2); err != nil || len(toks) != 1 || toks[0].Active() {
		t.Errorf("Tokens(ola) = %+v, %v; want one, revoked", toks, err)
	}
	if u, err := end.UserByName(ctx, "gone"); err != nil || !u.Disabled {
		t.Errorf("UserByName(gone) = %+v, %v", u, err)
	}
	if n, _, err := end.FailedLogins(ctx, "admin", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil || n != 2 {
		t.Errorf("FailedLogins = %d, %v", n, err)
	}
	if _, total, err := end.ListInputs(ctx, generalist.InputFilter{Query: "fagfolk"}); err != nil || total != 1 {
		t.Errorf("full-text search after restore: %d, %v", total, err)
	}
	if a, err := end.Attachment(ctx, 1); err != nil || !bytes.Equal(a.Data, pdf()) {
		t.Errorf("Attachment = %v, %v", a, err)
	}
	if h, err := end.IMCHistory(ctx, 1); err != nil || len(h) != 2 {
		t.Errorf("IMCHistory(1) = %d revisions, %v", len(h), err)
	}
	u := &generalist.User{Name: "ny", Role: generalist.UserAdmin, PasswordHash: "$argon2id$z"}
	if err := end.CreateUser(ctx, u); err != nil || u.ID <= 3 {
		t.Errorf("CreateUser after restore: id %d, %v", u.ID, err)
	}
	e := &generalist.AuditEntry{User: "admin", Action: "after"}
	if err := end.RecordAudit(ctx, e); err != nil || e.ID <= 3 {
		t.Errorf("RecordAudit after restore: id %d, %v", e.ID, err)
	}
}

func firstDiff(ss ...string) string {
	a := strings.Split(ss[0], "\n")
	for _, s := range ss[1:] {
		b := strings.Split(s, "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				return fmt.Sprintf("line %d:\n  %s\n  %s", i+2, a[i], b[i])
			}
		}
		if len(a) != len(b) {
			return fmt.Sprintf("%d lines, then %d", len(a), len(b))
		}
	}
	return "(no difference)"
}

// small is a store with a few rows and no reference data.
func small(t *testing.T, open func(testing.TB) *sqlstore.DB, names ...string) *sqlstore.DB {
	t.Helper()
	ctx := context.Background()
	db := open(t)
	for _, n := range names {
		u := &generalist.User{Name: n, Role: generalist.UserAnalyst, PasswordHash: "$argon2id$" + n}
		if err := db.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordAudit(ctx, &generalist.AuditEntry{User: n, Action: "user add"}); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateScenario(ctx, &generalist.Scenario{ID: "s-" + n, Name: n, Structure: 2024, Year: 2026}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

var backends = []struct {
	name string
	open func(testing.TB) *sqlstore.DB
}{{"SQLite", storetest.OpenSQLite}, {"Postgres", storetest.OpenPostgres}}

// TestRestoreReplace: a store with data is refused without Replace and
// changed by nothing; with Replace it holds exactly the backup, and the
// audit log is append-only again.
func TestRestoreReplace(t *testing.T) {
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			src := small(t, be.open, "kari", "ola")
			b, _ := backup(t, src)
			dst := small(t, be.open, "per")
			before, _ := backup(t, dst)
			_, err := dst.Restore(ctx, bytes.NewReader(b), sqlstore.RestoreOptions{})
			if generalist.ErrorCode(err) != generalist.ECONFLICT || !strings.Contains(err.Error(), "users: 1") || !strings.Contains(err.Error(), "--replace") {
				t.Errorf("Restore into a store with data = %v, want ECONFLICT naming what it holds", err)
			}
			if after, _ := backup(t, dst); content(t, after) != content(t, before) {
				t.Error("the refused restore changed the store")
			}
			restore(t, dst, b, true)
			if after, _ := backup(t, dst); content(t, after) != content(t, b) {
				t.Errorf("after Replace the store differs from the backup:\n%s", firstDiff(content(t, b), content(t, after)))
			}
			if _, err := dst.UserByName(ctx, "per"); generalist.ErrorCode(err) != generalist.ENOTFOUND {
				t.Errorf("UserByName(per) after Replace = %v, want ENOTFOUND", err)
			}
			assertAppendOnly(t, dst)
			check(t, dst)
		})
	}
	t.Run("ReferenceOnly", func(t *testing.T) {
		// A store that holds only the embedded reference data (as every
		// store the commands have opened) counts as empty.
		t.Parallel()
		src := small(t, storetest.OpenSQLite, "kari")
		b, _ := backup(t, src)
		dst := trimmed(t, storetest.OpenSQLite(t))
		restore(t, dst, b, false)
		if after, _ := backup(t, dst); content(t, after) != content(t, b) {
			t.Error("after restoring into a store with reference data only, it differs from the backup")
		}
	})
}

// assertAppendOnly checks that the audit log still refuses deletes.
func assertAppendOnly(t *testing.T, db *sqlstore.DB) {
	t.Helper()
	raw := rawDB(t, db)
	if _, err := raw.Exec(`DELETE FROM audit_log`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("DELETE FROM audit_log = %v, want it refused", err)
	}
}

// pgURL is the URL of the test server with the search_path of db.
func pgURL(t *testing.T, db *sqlstore.DB) string {
	t.Helper()
	p, err := url.Parse(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	schema := p.Query().Get("search_path")
	base := os.Getenv(storetest.EnvDatabaseURL)
	if !strings.HasPrefix(base, "postgres://") && !strings.HasPrefix(base, "postgresql://") {
		return base + " search_path=" + schema
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// rawDB opens the store's database without the store.
func rawDB(t *testing.T, db *sqlstore.DB) *sql.DB {
	t.Helper()
	driver, dsn := "sqlite", db.Path()
	if db.Dialect().Name == "postgres" {
		driver, dsn = "pgx", pgURL(t, db)
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

// TestRestoreRefusesBadBackups: a truncated, damaged, altered, foreign,
// newer or inconsistent backup is refused with a message that says so,
// and the store (which holds data, restored into with Replace) is left
// exactly as it was.
func TestRestoreRefusesBadBackups(t *testing.T) {
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			t.Parallel()
			testBadBackups(t, be.open)
		})
	}
}

func testBadBackups(t *testing.T, open func(testing.TB) *sqlstore.DB) {
	ctx := context.Background()
	good, _ := backup(t, small(t, open, "kari", "ola", "per"))
	l := lines(t, good)
	replaceLine := func(match, with string) func([]string) []string {
		return func(l []string) []string {
			out := append([]string(nil), l...)
			for i, s := range out {
				if strings.Contains(s, match) {
					out[i] = strings.Replace(s, match, with, 1)
					return out
				}
			}
			t.Fatalf("no line has %q", match)
			return nil
		}
	}
	dropLine := func(match string) func([]string) []string {
		return func(l []string) []string {
			var out []string
			for _, s := range l {
				if !strings.Contains(s, match) {
					out = append(out, s)
				}
			}
			return out
		}
	}
	// One store takes every bad backup: none may change it.
	dst := small(t, open, "lise")
	before, _ := backup(t, dst)
	for _, tt := range []struct {
		name string
		b    []byte
		msg  string
	}{
		{"Empty", nil, "empty"},
		{"NotGzip", []byte("id,name\n1,kari\n"), "not a generalist backup"},
		{"NotABackup", gz(t, "{\"hello\": 1}\n"), "not a generalist backup"},
		{"TruncatedGzip", good[:len(good)*2/3], "truncated"},
		{"TruncatedAtLine", gz(t, strings.Join(l[:len(l)/2], "")), "truncated"},
		{"NoTrailer", gz(t, strings.Join(l[:len(l)-1], "")), "truncated"},
		{"DamagedGzip", flip(good, len(good)-6), "damaged"},
		{"AlteredRow", gz(t, strings.Replace(strings.Join(l, ""), `"kari"`, `"kara"`, 1)), "checksum"},
		{"AfterTrailer", gz(t, strings.Join(l, "")+"[1]\n"), "more follows the trailer"},
		{"NewerFormat", rewrite(t, good, replaceLine(`"version":1`, `"version":2`)), "newer"},
		{"OtherSchema", rewrite(t, good, replaceLine(`"schema":`, `"schema":9`)), "schema version"},
		{"MissingTable", rewrite(t, good, dropLine(`"input_tags"`)), "lacks table(s) input_tags"},
		{"UnknownTable", rewrite(t, good, replaceLine(`"table":"robek"`, `"table":"secrets"`)), `"secrets" is not a table`},
		{"WrongType", rewrite(t, good, replaceLine(`"kari",`, `17,`)), "not a valid text"},
		{"RowCount", rewrite(t, good, replaceLine(`{"end":"users","rows":3}`, `{"end":"users","rows":4}`)), "different number of rows"},
		{"BrokenForeignKey", rewrite(t, good, func(l []string) []string {
			// A token of a user that is not in the backup; counts fixed.
			l = replaceLine(`{"end":"api_tokens","rows":0}`, `{"end":"api_tokens","rows":1}`)(l)
			for i, s := range l {
				if strings.HasPrefix(s, `{"end":"api_tokens"`) {
					row := `[1,99,"x","write","h","p","2026-01-01T00:00:00.000000Z",null]` + "\n"
					l = append(l[:i], append([]string{row}, l[i:]...)...)
					break
				}
			}
			last := l[len(l)-1]
			var tr map[string]map[string]any
			json.Unmarshal([]byte(last), &tr)
			tr["trailer"]["rows"] = tr["trailer"]["rows"].(float64) + 1
			b, _ := json.Marshal(tr)
			l[len(l)-1] = string(b) + "\n"
			return l
		}), "foreign key"},
		{"DuplicateKey", rewrite(t, good, func(l []string) []string {
			for i, s := range l {
				if strings.HasPrefix(s, `[`) && strings.Contains(s, `"s-kari"`) {
					l = append(l[:i+1], l[i:]...)
					break
				}
			}
			l = replaceLine(`{"end":"scenarios","rows":3}`, `{"end":"scenarios","rows":4}`)(l)
			var tr map[string]map[string]any
			json.Unmarshal([]byte(l[len(l)-1]), &tr)
			tr["trailer"]["rows"] = tr["trailer"]["rows"].(float64) + 1
			b, _ := json.Marshal(tr)
			l[len(l)-1] = string(b) + "\n"
			return l
		}), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := dst.Restore(ctx, bytes.NewReader(tt.b), sqlstore.RestoreOptions{Replace: true})
			if err == nil {
				t.Fatal("Restore succeeded, want an error")
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Restore = %v, want it to say %q", err, tt.msg)
			}
			if after, _ := backup(t, dst); content(t, after) != content(t, before) {
				t.Errorf("the failed restore changed the store:\n%s", firstDiff(content(t, before), content(t, after)))
			}
			assertAppendOnly(t, dst)
		})
	}
	// The good one restores.
	restore(t, dst, good, true)
}

// flip returns b with the byte at i changed.
func flip(b []byte, i int) []byte {
	out := bytes.Clone(b)
	out[i] ^= 0xff
	return out
}

// TestReadBackup reads a backup without a store.
func TestReadBackup(t *testing.T) {
	b, info := backup(t, small(t, storetest.OpenSQLite, "kari"))
	var users []string
	got, err := sqlstore.ReadBackup(bytes.NewReader(b), func(table string, cols []string, vals []any) error {
		if table == "users" {
			users = append(users, fmt.Sprint(cols[1], "=", vals[1]))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, info) || !reflect.DeepEqual(users, []string{"name=kari"}) {
		t.Errorf("ReadBackup = %+v, %v; want %+v", got, users, info)
	}
	if got.Header.Version != sqlstore.BackupVersion || got.Header.Source != "sqlite" || got.Header.Schema < 7 {
		t.Errorf("header %+v", got.Header)
	}
}

// TestSnapshotSQLite: VACUUM INTO makes a store that backs up the same.
func TestSnapshotSQLite(t *testing.T) {
	ctx := context.Background()
	src := small(t, storetest.OpenSQLite, "kari")
	path := filepath.Join(t.TempDir(), "snap.db")
	if err := src.SnapshotSQLite(ctx, path); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the snapshot's mode = %v, %v; want 0600 (it holds password hashes and personal data)", fi.Mode(), err)
	}
	if err := src.SnapshotSQLite(ctx, path); err == nil {
		t.Error("a second snapshot over the first succeeded")
	}
	b1, _ := backup(t, src)
	snap, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	b2, _ := backup(t, snap)
	if content(t, b1) != content(t, b2) {
		t.Error("the snapshot differs from its store")
	}
}

// TestBackupCoversEveryTable: the backup's table list matches the
// database on both backends (a migration that adds a table must add it
// to the backup), and a backup is read from one snapshot while writers
// go on.
func TestBackupCoversEveryTable(t *testing.T) {
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			t.Parallel()
			db := be.open(t)
			raw := rawDB(t, db)
			if _, err := raw.Exec(`CREATE TABLE extra (id integer)`); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Backup(context.Background(), io.Discard); err == nil || !strings.Contains(err.Error(), "table extra is not in the backup") {
				t.Errorf("Backup with an unknown table = %v", err)
			}
		})
	}
}

// TestCheckFindsProblems: rows written behind the store's back — an
// orphan (foreign keys off) and a cooperation whose version has no
// revision — are reported by the check on both backends.
func TestCheckFindsProblems(t *testing.T) {
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := small(t, be.open, "kari")
			if err := db.Check(ctx); err != nil {
				t.Fatalf("Check of a sound store = %v", err)
			}
			raw := rawDB(t, db)
			orphan := `INSERT INTO sessions (id_hash, user_id, csrf, remote, created_at, expires_at) VALUES ('x', 99, 'c', 'r', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z')`
			imcRow := `INSERT INTO imc (id, version, name, name_key, form, start_date, example, deleted, data) VALUES (7, 2, 'n', 'n', 'vertskommune', '2020-01-01', false, false, '{}')`
			if be.name == "Postgres" {
				for _, q := range []string{`ALTER TABLE sessions DISABLE TRIGGER ALL`, orphan, `ALTER TABLE sessions ENABLE TRIGGER ALL`, imcRow} {
					if _, err := raw.Exec(q); err != nil {
						t.Fatalf("%s: %v", q, err)
					}
				}
			} else {
				conn, err := raw.Conn(ctx)
				if err != nil {
					t.Fatal(err)
				}
				defer conn.Close()
				for _, q := range []string{`PRAGMA foreign_keys = OFF`, orphan, imcRow} {
					if _, err := conn.ExecContext(ctx, q); err != nil {
						t.Fatalf("%s: %v", q, err)
					}
				}
			}
			err := db.Check(ctx)
			if err == nil || !strings.Contains(err.Error(), "sessions") || !strings.Contains(err.Error(), "cooperation 7: its versions and revisions disagree") {
				t.Errorf("Check = %v, want the orphan session and cooperation 7", err)
			}
		})
	}
}
